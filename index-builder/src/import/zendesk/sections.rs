//! The names of the export's sections, from a Help Center sections list
//! (`GET /api/v2/help_center/sections.json`): an article's category is its
//! section's name, in the article's locale where the list has it.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use super::article::map_locale;
use super::entry::{Fields, describe, list_under, parse_json};
use super::error::ZendeskError;
use crate::content::FALLBACK_LOCALE;
use crate::diagnostics::{Problem, Problems};

/// Section names by section id and locale.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionNames {
    /// `(section id, our locale)` → its name; the locale is `None` for an
    /// entry that gives none, which names the section in every locale.
    names: BTreeMap<(u64, Option<&'static str>), String>,
}

impl SectionNames {
    /// The name of section `id` for an article in `locale`: that locale's,
    /// else one without a locale, else the English one.
    pub fn name(&self, id: u64, locale: &str) -> Option<&str> {
        let ours = map_locale(locale);
        [ours, None, Some(FALLBACK_LOCALE)]
            .into_iter()
            .find_map(|l| self.names.get(&(id, l)))
            .map(String::as_str)
    }

    /// How many (section, locale) names there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Reads a sections list: `{"sections": [{"id", "name", "locale"}, …]}`
/// or a bare array of sections, as the API or a concatenation of its
/// pages per locale gives them. Other fields are ignored, and so are
/// sections in a locale the help center does not have. `path` only names
/// the file in errors.
pub fn read_sections(path: &Path, json: &[u8]) -> Result<SectionNames, ZendeskError> {
    let root = parse_json(path, json)?;
    let (prefix, items) =
        list_under(&root, "sections", "the Help Center sections API").map_err(|message| {
            ZendeskError::Shape {
                path: path.to_path_buf(),
                message,
            }
        })?;
    let mut problems = Vec::new();
    let mut sections = SectionNames::default();
    for (index, item) in items.iter().enumerate() {
        let at = format!("{prefix}[{index}]");
        let Value::Object(object) = item else {
            problems.push(Problem::entry(
                path,
                &at,
                None,
                format!("expected a section object, found {}", describe(item)),
            ));
            continue;
        };
        let mut messages = Vec::new();
        let mut fields = Fields {
            object,
            problems: &mut messages,
        };
        let id = fields.required("id", "a whole number", Value::as_u64);
        let name = fields.required("name", "a string", Value::as_str);
        let locale = fields.optional("locale", "a string or null", Value::as_str);
        if name.is_some_and(|n| n.trim().is_empty()) {
            messages.push("field \"name\" is empty".into());
        }
        match (id, name) {
            (Some(id), Some(name)) if messages.is_empty() => {
                let locale = match locale {
                    None => None,
                    Some(zendesk) => match map_locale(zendesk) {
                        Some(ours) => Some(ours),
                        None => continue,
                    },
                };
                sections
                    .names
                    .entry((id, locale))
                    .or_insert_with(|| name.trim().to_string());
            }
            _ => problems.extend(
                messages
                    .into_iter()
                    .map(|message| Problem::entry(path, &at, id, message)),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(ZendeskError::Sections {
            path: path.to_path_buf(),
            problems: Problems(problems),
        });
    }
    Ok(sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<SectionNames, String> {
        read_sections(Path::new("sections.json"), json.as_bytes()).map_err(|e| e.to_string())
    }

    #[test]
    fn names_come_in_the_article_locale_else_a_default_else_english() {
        let sections = read(
            r#"{"sections": [
                {"id": 42, "name": "Payments", "locale": "en-us", "category_id": 1},
                {"id": 42, "name": " Paiements ", "locale": "fr"},
                {"id": 42, "name": "Pagos", "locale": "es"},
                {"id": 7, "name": "Reports"}
            ], "next_page": null}"#,
        )
        .unwrap();
        assert_eq!(sections.len(), 3, "the Spanish name is ignored");
        assert_eq!(sections.name(42, "en-gb"), Some("Payments"));
        assert_eq!(sections.name(42, "fr-ca"), Some("Paiements"));
        assert_eq!(sections.name(42, "de"), Some("Payments"));
        assert_eq!(sections.name(7, "pt-br"), Some("Reports"));
        assert_eq!(sections.name(8, "en-us"), None);
        assert_eq!(
            read(r#"[{"id": 1, "name": "A"}]"#).unwrap().name(1, "en"),
            Some("A")
        );
    }

    #[test]
    fn a_bad_sections_file_names_the_file_the_entry_and_the_field() {
        assert_eq!(
            read(
                r#"{"sections": [{"id": 1, "name": "A"}, {"id": "2", "name": ""}, {"id": 3}, 4]}"#
            )
            .unwrap_err(),
            "sections.json: sections[1]: field \"id\" must be a whole number, found the string \"2\"\n\
             sections.json: sections[1]: field \"name\" is empty\n\
             sections.json: sections[2] (id 3): missing field \"name\"\n\
             sections.json: sections[3]: expected a section object, found the number 4\n\
             4 problems found"
        );
        assert_eq!(
            read(r#"{"categories": []}"#).unwrap_err(),
            "sections.json: expected an object with a `sections` array, as the Help Center sections API returns, or an array of sections"
        );
        assert_eq!(
            read("{\n\"sections\": [}").unwrap_err(),
            "sections.json:2:14: not valid JSON: expected value"
        );
    }
}
