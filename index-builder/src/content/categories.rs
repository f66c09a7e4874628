//! Reading `categories.toml`: the categories articles are filed under, in
//! the order readers browse them, each with its display name per locale.
//!
//! ```toml
//! [[categories]]
//! slug = "getting-started"
//! name = { en = "Getting started", fr = "Premiers pas" }
//! ```
//!
//! Without the file, a category's name is its slug made readable
//! ("getting-started" → "Getting started") in every locale, and the order
//! is the articles'. With it, every article's `category` must be listed.
//! Problems are `path:line: message`, like articles'.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::front_matter::key_line;
use super::locales::{FALLBACK_LOCALE, check_locale_tag};
use crate::diagnostics::Problem;

/// The name of the categories file in a content folder.
pub const CATEGORIES_FILE: &str = "categories.toml";

/// One category of `categories.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategorySpec {
    /// The slug articles give as their `category`.
    pub slug: String,
    /// Its display name by locale tag; English is always there.
    pub names: BTreeMap<String, String>,
}

/// The content's categories, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Categories {
    /// From `categories.toml`, in its order; empty without the file.
    pub listed: Vec<CategorySpec>,
}

impl Categories {
    /// The display name of category `slug` for `locale`: the locale's own,
    /// else its language's (`pt` for `pt-BR`), else English; the readable
    /// slug for a category the file does not list.
    pub fn name(&self, slug: &str, locale: &str) -> String {
        let Some(spec) = self.listed.iter().find(|c| c.slug == slug) else {
            return readable(slug);
        };
        let language = locale.split('-').next().unwrap_or(locale);
        [locale, language, FALLBACK_LOCALE]
            .iter()
            .find_map(|l| spec.names.get(*l))
            .cloned()
            .unwrap_or_else(|| readable(slug))
    }

    /// The slugs in the file's order.
    pub fn order(&self) -> Vec<String> {
        self.listed.iter().map(|c| c.slug.clone()).collect()
    }
}

/// "getting-started" as "Getting started".
fn readable(slug: &str) -> String {
    let words = slug.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    categories: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    slug: Spanned<String>,
    name: Spanned<BTreeMap<String, String>>,
}

/// Reads and checks `dir/categories.toml`, and that the category of every
/// article (its file, and the category it gives) is listed there. No file:
/// no categories listed, no problem.
pub(super) fn load_categories<'a>(
    dir: &Path,
    articles: impl IntoIterator<Item = (&'a Path, &'a str)>,
) -> Result<Categories, Vec<Problem>> {
    let path = dir.join(CATEGORIES_FILE);
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            vec![Problem::file(
                &path,
                "the file is not valid UTF-8; save it as UTF-8",
            )]
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Categories::default()),
        Err(e) => return Err(vec![Problem::file(&path, format!("cannot read: {e}"))]),
    };
    let categories = parse_categories(&path, &text)?;
    let mut problems = Vec::new();
    for (file, slug) in articles {
        if !categories.listed.iter().any(|c| c.slug == slug) {
            let line = std::fs::read_to_string(file).map_or(1, |text| key_line(&text, "category"));
            problems.push(Problem::line(
                file,
                line,
                format!("category `{slug}` is not listed in {CATEGORIES_FILE}"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(categories)
    } else {
        Err(problems)
    }
}

/// Parses and checks the text of a `categories.toml`; `path` names it in problems.
pub fn parse_categories(path: &Path, text: &str) -> Result<Categories, Vec<Problem>> {
    let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_at(s.start));
        vec![Problem::maybe_line(path, line, e.message().trim_end())]
    })?;
    let mut problems = Vec::new();
    let mut listed: Vec<CategorySpec> = Vec::new();
    for entry in file.categories {
        let slug = entry.slug.get_ref();
        let slug_line = line_at(entry.slug.span().start);
        let name_line = line_at(entry.name.span().start);
        if slug.is_empty()
            || !slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            problems.push(Problem::line(
                path,
                slug_line,
                format!("category slug `{slug}` may only hold a-z, 0-9 and `-`"),
            ));
        }
        if listed.iter().any(|c| &c.slug == slug) {
            problems.push(Problem::line(
                path,
                slug_line,
                format!("category `{slug}` is listed twice"),
            ));
        }
        let names = entry.name.into_inner();
        if !names.contains_key(FALLBACK_LOCALE) {
            problems.push(Problem::line(
                path,
                name_line,
                format!("category `{slug}` has no `{FALLBACK_LOCALE}` name"),
            ));
        }
        for (locale, name) in &names {
            if let Err(why) = check_locale_tag(locale) {
                problems.push(Problem::line(
                    path,
                    name_line,
                    format!("category `{slug}`: {why}"),
                ));
            }
            if name.trim().is_empty() {
                problems.push(Problem::line(
                    path,
                    name_line,
                    format!("category `{slug}` has an empty `{locale}` name"),
                ));
            }
        }
        listed.push(CategorySpec {
            slug: slug.clone(),
            names,
        });
    }
    if problems.is_empty() {
        Ok(Categories { listed })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        match parse_categories(Path::new("categories.toml"), text) {
            Ok(_) => Vec::new(),
            Err(p) => p.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn names_fall_back_to_the_language_then_english_then_the_slug() {
        let categories = parse_categories(
            Path::new("categories.toml"),
            "[[categories]]\nslug = \"getting-started\"\nname = { en = \"Getting started\", pt = \"Primeiros passos\", fr = \"Premiers pas\" }\n",
        )
        .unwrap();
        assert_eq!(categories.name("getting-started", "fr"), "Premiers pas");
        assert_eq!(
            categories.name("getting-started", "pt-BR"),
            "Primeiros passos"
        );
        assert_eq!(categories.name("getting-started", "de"), "Getting started");
        assert_eq!(categories.name("team-admin", "de"), "Team admin");
        assert_eq!(categories.order(), ["getting-started"]);
    }

    #[test]
    fn bad_entries_name_their_line() {
        assert_eq!(
            problems(
                "[[categories]]\nslug = \"a\"\nname = { en = \"A\" }\n\n[[categories]]\nslug = \"a\"\nname = { en = \"B\" }\n"
            ),
            ["categories.toml:6: category `a` is listed twice"]
        );
        assert_eq!(
            problems("[[categories]]\nslug = \"a\"\nname = { fr = \"A\" }\n"),
            ["categories.toml:3: category `a` has no `en` name"]
        );
        assert_eq!(
            problems("[[categories]]\nslug = \"Bad Slug\"\nname = { en = \"A\", xx_1 = \"\" }\n")
                .len(),
            3
        );
        let unknown =
            problems("[[categories]]\nslug = \"a\"\nname = { en = \"A\" }\ncolor = \"red\"\n");
        assert!(unknown[0].starts_with("categories.toml:4:"), "{unknown:?}");
    }
}
