//! Where an article's links go: `article:ID` and relative `.md` links,
//! with or without a `#section` anchor, become `#article:ID` or
//! `#article:ID#section`, which the widget opens in place, and a link to a
//! section of the same article (`#section`) becomes the latter too. A link
//! to an article, or a section, that does not exist is a problem.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::article::Article;
use super::files::Unparsed;
use super::locales::FALLBACK_LOCALE;

/// Every article a link may point to, by locale and id, and by file; and
/// the files that failed to parse, whose links are not checked.
pub(super) struct Links {
    ids: BTreeSet<(String, String)>,
    /// Each article's section anchors, by locale and id.
    sections: HashMap<(String, String), Vec<String>>,
    by_path: HashMap<PathBuf, String>,
    unparsed_ids: BTreeSet<(String, String)>,
    unparsed_paths: BTreeSet<PathBuf>,
}

/// A path as links are compared: canonical where it exists.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

impl Links {
    /// The link targets of `articles`, and of the `unparsed` files.
    pub(super) fn new(articles: &[Article], unparsed: &[Unparsed]) -> Links {
        Links {
            ids: articles
                .iter()
                .map(|a| (a.locale.clone(), a.front.id.clone()))
                .collect(),
            sections: articles
                .iter()
                .map(|a| {
                    let anchors = a.sections.iter().map(|s| s.anchor.clone()).collect();
                    ((a.locale.clone(), a.front.id.clone()), anchors)
                })
                .collect(),
            by_path: articles
                .iter()
                .map(|a| (canonical(&a.path), a.front.id.clone()))
                .collect(),
            unparsed_ids: unparsed
                .iter()
                .filter_map(|u| Some((u.locale.clone(), u.id.clone()?)))
                .collect(),
            unparsed_paths: unparsed.iter().map(|u| canonical(&u.path)).collect(),
        }
    }

    /// Where `article`'s link to `dest` goes: other articles become
    /// `#article:ID`; everything else is left as written. An article that
    /// does not exist, in the article's locale or in English, is an error.
    pub(super) fn resolve(&self, dest: &str, article: &Article) -> Result<String, String> {
        let in_set = |set: &BTreeSet<(String, String)>, id: &str| {
            set.contains(&(article.locale.clone(), id.to_string()))
                || set.contains(&(FALLBACK_LOCALE.to_string(), id.to_string()))
        };
        if let Some(target) = dest.strip_prefix("article:") {
            let (id, fragment) = target.split_once('#').unwrap_or((target, ""));
            return if in_set(&self.ids, id) {
                self.check_section(article, id, fragment)?;
                Ok(format!("#article:{target}"))
            } else if in_set(&self.unparsed_ids, id) {
                Ok(format!("#article:{target}"))
            } else {
                Err(format!("link to missing article `{id}`"))
            };
        }
        if let Some(fragment) = dest.strip_prefix('#') {
            let id = &article.front.id;
            self.check_section(article, id, fragment)?;
            return Ok(format!("#article:{id}#{fragment}"));
        }
        let is_external = dest.contains("://")
            || dest.starts_with("mailto:")
            || dest.starts_with("tel:")
            || dest.starts_with('#');
        let (file, fragment) = dest.split_once('#').unwrap_or((dest, ""));
        if !is_external && file.ends_with(".md") {
            let target = canonical(&article.path.parent().unwrap_or(Path::new(".")).join(file));
            return match self.by_path.get(&target) {
                Some(id) if fragment.is_empty() => Ok(format!("#article:{id}")),
                Some(id) => {
                    self.check_section(article, id, fragment)?;
                    Ok(format!("#article:{id}#{fragment}"))
                }
                None if self.unparsed_paths.contains(&target) => Ok(dest.to_string()),
                None => Err(format!("link to missing article file `{file}`")),
            };
        }
        Ok(dest.to_string())
    }

    /// Whether the article `id` that `article` links to has the section
    /// `fragment` (none asked is fine): the one in `article`'s locale, else
    /// the English one, which is what its readers get.
    fn check_section(&self, article: &Article, id: &str, fragment: &str) -> Result<(), String> {
        if fragment.is_empty() {
            return Ok(());
        }
        let anchors = self
            .sections
            .get(&(article.locale.clone(), id.to_string()))
            .or_else(|| {
                self.sections
                    .get(&(FALLBACK_LOCALE.to_string(), id.to_string()))
            });
        match anchors {
            Some(anchors) if anchors.iter().any(|a| a == fragment) => Ok(()),
            Some(anchors) if anchors.is_empty() => Err(format!(
                "link to missing section `{fragment}` of `{id}`, which has no sections"
            )),
            Some(anchors) => Err(format!(
                "link to missing section `{fragment}` of `{id}` (its sections: {})",
                anchors.join(", ")
            )),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::article::parse_article;

    fn article(path: &str, locale: &str, id: &str) -> Article {
        let text = format!(
            "+++\nid = \"{id}\"\ntitle = \"T\"\ncategory = \"c\"\ncontexts = [\"/\"]\n+++\nBody\n\n## Fees\n\nNone.\n"
        );
        parse_article(Path::new(path), locale, &text).unwrap()
    }

    #[test]
    fn article_links_resolve_in_the_locale_or_in_english() {
        let articles = [
            article("h/articles/en/a.md", "en", "a"),
            article("h/articles/en/b.md", "en", "b"),
            article("h/articles/fr/a.md", "fr", "a"),
        ];
        let links = Links::new(&articles, &[]);
        let fr = &articles[2];
        assert_eq!(links.resolve("article:a", fr).unwrap(), "#article:a");
        assert_eq!(links.resolve("article:b", fr).unwrap(), "#article:b");
        assert_eq!(
            links.resolve("article:b#fees", fr).unwrap(),
            "#article:b#fees",
            "a section anchor is kept"
        );
        assert_eq!(
            links.resolve("article:b#tax", fr).unwrap_err(),
            "link to missing section `tax` of `b` (its sections: fees)"
        );
        assert_eq!(
            links.resolve("#fees", fr).unwrap(),
            "#article:a#fees",
            "a section of the same article"
        );
        assert_eq!(
            links.resolve("#top", fr).unwrap_err(),
            "link to missing section `top` of `a` (its sections: fees)"
        );
        assert_eq!(
            links.resolve("article:gone#fees", fr).unwrap_err(),
            "link to missing article `gone`"
        );
        assert_eq!(
            links.resolve("article:gone", fr).unwrap_err(),
            "link to missing article `gone`"
        );
    }

    #[test]
    fn md_links_resolve_by_file_and_others_stay_as_written() {
        let articles = [
            article("h/articles/en/a.md", "en", "a"),
            article("h/articles/en/b.md", "en", "b"),
        ];
        let links = Links::new(&articles, &[]);
        let a = &articles[0];
        assert_eq!(links.resolve("b.md", a).unwrap(), "#article:b");
        assert_eq!(links.resolve("b.md#fees", a).unwrap(), "#article:b#fees");
        assert_eq!(
            links.resolve("b.md#tax", a).unwrap_err(),
            "link to missing section `tax` of `b` (its sections: fees)"
        );
        assert_eq!(
            links.resolve("c.md", a).unwrap_err(),
            "link to missing article file `c.md`"
        );
        for dest in ["https://e.com/x.md", "mailto:a@e.com", "notes.txt"] {
            assert_eq!(links.resolve(dest, a).unwrap(), dest);
        }
    }
}
