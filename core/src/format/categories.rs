//! A locale's category list: the categories in the authors' order, each
//! with its display name in the locale and how many articles it holds.
//! A small file of its own (`<locale>-c-<gen>.bin`), read only by a "browse
//! by category" view, never by a search; a category's articles are the
//! postings of its [`category_term`](super::reserved::category_term).

use super::{DecodeError, open_file, start_file};

pub(super) const CATEGORIES_MAGIC: &[u8; 4] = b"HWCL";

/// One category as a locale shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The slug articles name in their `category`, such as `getting-started`.
    pub slug: String,
    /// Its display name in the locale, such as "Premiers pas".
    pub name: String,
    /// How many of the locale's articles (its own and the English ones it
    /// carries) are filed under it.
    pub articles: u32,
}

/// A locale's categories, in the order readers browse them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CategoryList {
    /// The categories, in the authors' order; those no article uses are left out.
    pub categories: Vec<Category>,
}

impl CategoryList {
    /// The list as bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = start_file(CATEGORIES_MAGIC);
        w.usize(self.categories.len());
        for c in &self.categories {
            w.str(&c.slug);
            w.str(&c.name);
            w.u32(c.articles);
        }
        w.bytes
    }

    /// Reads a list; truncated or corrupt bytes give an error.
    pub fn decode(bytes: &[u8]) -> Result<CategoryList, DecodeError> {
        let mut r = open_file(bytes, CATEGORIES_MAGIC, "category list")?;
        let n = r.count(3)?;
        let mut categories = Vec::with_capacity(n);
        for _ in 0..n {
            categories.push(Category {
                slug: r.string()?,
                name: r.string()?,
                articles: r.u32()?,
            });
        }
        r.finish()?;
        Ok(CategoryList { categories })
    }

    /// The display name of category `slug`, if listed.
    pub fn name(&self, slug: &str) -> Option<&str> {
        self.categories
            .iter()
            .find(|c| c.slug == slug)
            .map(|c| c.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_round_trips_and_every_truncation_is_an_error() {
        let list = CategoryList {
            categories: vec![
                Category {
                    slug: "getting-started".into(),
                    name: "Premiers pas".into(),
                    articles: 4,
                },
                Category {
                    slug: "payments".into(),
                    name: "Paiements".into(),
                    articles: 9,
                },
            ],
        };
        let bytes = list.encode();
        assert_eq!(CategoryList::decode(&bytes), Ok(list.clone()));
        assert_eq!(list.name("payments"), Some("Paiements"));
        assert_eq!(list.name("nope"), None);
        for len in 0..bytes.len() {
            assert!(CategoryList::decode(&bytes[..len]).is_err(), "{len}");
        }
    }
}
