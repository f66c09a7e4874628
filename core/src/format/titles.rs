//! A locale's title list: for every document, in order, what a list row
//! shows of it (id, title, category, summary, locale). A small file of its
//! own (`<locale>-n-<gen>.bin`), fetched with the first shard: suggestions,
//! a category's articles, related and recent rows and the first paint of
//! search results come from it, so none of them fetches a doc chunk. Doc
//! chunks are fetched only for the snippets of the results on screen and
//! for an opened article's record.
//!
//! Category names and locales repeat across articles, so the file stores
//! each once in a table and the documents by index into it.

use super::{DecodeError, open_file, start_file};

pub(super) const TITLES_MAGIC: &[u8; 4] = b"HWTI";

/// What a list row shows of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocTitle {
    /// The article's stable id, shared by its translations.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its category's slug.
    pub category: String,
    /// Its category's display name in the index's locale.
    pub category_name: String,
    /// Its one-line summary, if the author wrote one.
    pub summary: Option<String>,
    /// The locale it is written in (see [`DocRecord::locale`](super::DocRecord::locale)).
    pub locale: String,
    /// Whether only signed-in publishers may see it.
    pub signed_in: bool,
}

impl DocTitle {
    /// The list row of `record`.
    pub fn of(record: &super::DocRecord) -> DocTitle {
        DocTitle {
            id: record.id.clone(),
            title: record.title.clone(),
            category: record.category.clone(),
            category_name: record.category_name.clone(),
            summary: record.summary.clone(),
            locale: record.locale.clone(),
            signed_in: record.signed_in,
        }
    }
}

/// Every document's [`DocTitle`], in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TitleList {
    /// The titles; document `n` is `titles[n]`.
    pub titles: Vec<DocTitle>,
}

impl TitleList {
    /// The list as bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut categories: Vec<(&str, &str)> = Vec::new();
        let mut locales: Vec<&str> = Vec::new();
        let mut rows: Vec<(usize, usize)> = Vec::with_capacity(self.titles.len());
        for t in &self.titles {
            let pair = (t.category.as_str(), t.category_name.as_str());
            let c = categories
                .iter()
                .position(|&p| p == pair)
                .unwrap_or_else(|| {
                    categories.push(pair);
                    categories.len() - 1
                });
            let l = locales
                .iter()
                .position(|&l| l == t.locale)
                .unwrap_or_else(|| {
                    locales.push(&t.locale);
                    locales.len() - 1
                });
            rows.push((c, l));
        }
        let mut w = start_file(TITLES_MAGIC);
        w.usize(categories.len());
        for (slug, name) in &categories {
            w.str(slug);
            w.str(name);
        }
        w.usize(locales.len());
        for locale in &locales {
            w.str(locale);
        }
        w.usize(self.titles.len());
        for (t, (c, l)) in self.titles.iter().zip(rows) {
            w.str(&t.id);
            w.str(&t.title);
            w.u32(c as u32);
            w.u32(l as u32);
            w.opt_str(t.summary.as_deref());
            w.u8(u8::from(t.signed_in));
        }
        w.bytes
    }

    /// Reads a list; truncated or corrupt bytes give an error.
    pub fn decode(bytes: &[u8]) -> Result<TitleList, DecodeError> {
        let mut r = open_file(bytes, TITLES_MAGIC, "title list")?;
        let n = r.count(2)?;
        let mut categories = Vec::with_capacity(n);
        for _ in 0..n {
            categories.push((r.string()?, r.string()?));
        }
        let n = r.count(1)?;
        let mut locales = Vec::with_capacity(n);
        for _ in 0..n {
            locales.push(r.string()?);
        }
        let n = r.count(6)?;
        let mut titles = Vec::with_capacity(n);
        for _ in 0..n {
            let id = r.string()?;
            let title = r.string()?;
            let c = r.u32()? as usize;
            let l = r.u32()? as usize;
            let summary = r.opt_string()?;
            let signed_in = match r.u8()? {
                0 => false,
                1 => true,
                other => return Err(r.corrupt(format!("flag {other} is not 0 or 1")).into()),
            };
            let (Some((category, category_name)), Some(locale)) =
                (categories.get(c), locales.get(l))
            else {
                return Err(r
                    .corrupt("a category or locale index is out of range")
                    .into());
            };
            titles.push(DocTitle {
                id,
                title,
                category: category.clone(),
                category_name: category_name.clone(),
                summary,
                locale: locale.clone(),
                signed_in,
            });
        }
        r.finish()?;
        Ok(TitleList { titles })
    }

    /// Document `doc`'s title, if the list holds it.
    pub fn get(&self, doc: u32) -> Option<&DocTitle> {
        self.titles.get(doc as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(id: &str, category: &str, locale: &str, summary: Option<&str>) -> DocTitle {
        DocTitle {
            id: id.into(),
            title: id.to_uppercase(),
            category: category.into(),
            category_name: category.to_uppercase(),
            summary: summary.map(Into::into),
            locale: locale.into(),
            signed_in: id == "b",
        }
    }

    #[test]
    fn a_list_round_trips_and_every_truncation_is_an_error() {
        let list = TitleList {
            titles: vec![
                title("a", "payments", "fr", Some("Être payé")),
                title("b", "links", "en", None),
                title("c", "payments", "fr", None),
            ],
        };
        let bytes = list.encode();
        assert_eq!(TitleList::decode(&bytes), Ok(list.clone()));
        assert_eq!(list.get(1).map(|t| t.id.as_str()), Some("b"));
        assert_eq!(list.get(3), None);
        for len in 0..bytes.len() {
            assert!(TitleList::decode(&bytes[..len]).is_err(), "{len}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(TitleList::decode(&extra).is_err(), "trailing bytes");
    }

    #[test]
    fn an_index_past_its_table_is_corrupt() {
        let list = TitleList {
            titles: vec![title("a", "payments", "fr", None)],
        };
        let mut bytes = list.encode();
        // The last row ends: category index, locale index, no summary, flag.
        let at = bytes.len() - 4;
        assert_eq!(bytes[at], 0, "the category index");
        bytes[at] = 5;
        assert!(matches!(
            TitleList::decode(&bytes),
            Err(DecodeError::Corrupt {
                what: "title list",
                ..
            })
        ));
    }
}
