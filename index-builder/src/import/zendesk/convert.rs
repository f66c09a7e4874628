//! An export's bytes in, content files out, in memory: every entry read
//! and checked, one file per (id, locale), translations without English
//! skipped.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde_json::Value;

use super::article::{article_id, map_locale, render_article};
use super::entry::{article_list, read_entry, without_position};
use super::error::ZendeskError;
use super::markdown::markdown_converter;
use crate::content::{FALLBACK_LOCALE, LOCALES, MAX_ARTICLE_BYTES, sanitizer};
use crate::diagnostics::{Problem, Problems};

/// A converted export: content files in memory, not yet on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZendeskImport {
    /// Every content file by its path under the content folder
    /// (`articles/<locale>/<id>.md`, `/`-separated), and its text.
    pub files: BTreeMap<String, String>,
    /// The locales written, in [`LOCALES`] order.
    pub locales: Vec<String>,
    /// How many drafts were left out.
    pub drafts_skipped: usize,
    /// Published articles left out, each with why.
    pub skipped: Vec<String>,
}

/// Converts an export's bytes into content files. `path` only names the
/// export in errors.
///
/// Every entry is checked, drafts included, and every problem is reported
/// at once.
pub fn convert_zendesk(path: &Path, json: &[u8]) -> Result<ZendeskImport, ZendeskError> {
    let json = json.strip_prefix(b"\xef\xbb\xbf").unwrap_or(json);
    if json.iter().all(u8::is_ascii_whitespace) {
        return Err(ZendeskError::Shape {
            path: path.to_path_buf(),
            message: "the file is empty".into(),
        });
    }
    let root: Value = serde_json::from_slice(json).map_err(|e| ZendeskError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: without_position(&e),
    })?;
    let (prefix, items) = article_list(&root).map_err(|message| ZendeskError::Shape {
        path: path.to_path_buf(),
        message,
    })?;

    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let at = format!("{prefix}[{index}]");
        match read_entry(item) {
            Ok(entry) => entries.push((at, entry)),
            Err((id, messages)) => {
                problems.extend(
                    messages
                        .into_iter()
                        .map(|message| Problem::entry(path, &at, id, message)),
                );
            }
        }
    }

    // Locales, and one entry per (id, locale).
    let mut first_at: HashMap<(u64, &'static str), &str> = HashMap::new();
    let mut located = Vec::new();
    for (at, entry) in &entries {
        let locale = match map_locale(&entry.locale) {
            Some(locale) => locale,
            None if entry.draft => continue,
            None => {
                problems.push(Problem::entry(
                    path,
                    at.as_str(),
                    Some(entry.id),
                    format!(
                        "locale {:?} is not one of the help center's locales (en-*, fr-*, de-*, pt-br)",
                        entry.locale
                    ),
                ));
                continue;
            }
        };
        if let Some(first) = first_at.insert((entry.id, locale), at) {
            problems.push(Problem::entry(
                path,
                at.as_str(),
                Some(entry.id),
                format!("a second {locale} entry for this id (the first is {first})"),
            ));
            continue;
        }
        located.push((at.as_str(), entry, locale));
    }
    if !problems.is_empty() {
        return Err(ZendeskError::Articles {
            path: path.to_path_buf(),
            problems: Problems(problems),
        });
    }

    // The title each id's slug comes from: English when there is an English
    // entry (draft or not), else the first of our locales that has one.
    let mut slug_title: HashMap<u64, (usize, &str)> = HashMap::new();
    for (_, entry, locale) in &located {
        let rank = LOCALES
            .iter()
            .position(|l| l == locale)
            .unwrap_or(LOCALES.len());
        let best = slug_title.entry(entry.id).or_insert((rank, &entry.title));
        if rank < best.0 {
            *best = (rank, &entry.title);
        }
    }
    let published: Vec<_> = located
        .iter()
        .filter(|(_, entry, _)| !entry.draft)
        .collect();
    let drafts_skipped = entries.iter().filter(|(_, entry)| entry.draft).count();
    let english: BTreeSet<u64> = published
        .iter()
        .filter(|(_, _, locale)| *locale == FALLBACK_LOCALE)
        .map(|(_, entry, _)| entry.id)
        .collect();

    let sanitizer = sanitizer();
    let converter = markdown_converter();
    let mut import = ZendeskImport {
        files: BTreeMap::new(),
        locales: Vec::new(),
        drafts_skipped,
        skipped: Vec::new(),
    };
    for (at, entry, locale) in published {
        if *locale != FALLBACK_LOCALE && !english.is_empty() && !english.contains(&entry.id) {
            let why = format!(
                "skipped: a {locale} article without a published English one, which every translation needs"
            );
            import
                .skipped
                .push(Problem::entry(path, *at, Some(entry.id), why).to_string());
            continue;
        }
        let id = article_id(entry.id, slug_title[&entry.id].1);
        let text = render_article(entry, &id, &sanitizer, &converter);
        if text.len() as u64 > MAX_ARTICLE_BYTES {
            problems.push(Problem::entry(
                path,
                *at,
                Some(entry.id),
                format!(
                    "the article is larger than the {} MiB limit",
                    MAX_ARTICLE_BYTES / (1024 * 1024)
                ),
            ));
            continue;
        }
        import
            .files
            .insert(format!("articles/{locale}/{id}.md"), text);
        if !import.locales.iter().any(|l| l == locale) {
            import.locales.push(locale.to_string());
        }
    }
    if !problems.is_empty() {
        return Err(ZendeskError::Articles {
            path: path.to_path_buf(),
            problems: Problems(problems),
        });
    }
    if import.files.is_empty() {
        return Err(ZendeskError::Empty {
            path: path.to_path_buf(),
            drafts: drafts_skipped,
            skipped: import.skipped.len(),
        });
    }
    import
        .locales
        .sort_by_key(|l| LOCALES.iter().position(|x| x == l));
    Ok(import)
}

impl ZendeskImport {
    /// How many content files there are.
    pub fn articles(&self) -> usize {
        self.files.len()
    }
}
