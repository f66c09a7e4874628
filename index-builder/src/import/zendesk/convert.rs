//! An export's bytes in, content files out, in memory: every entry read
//! and checked, one file per (id, locale), translations without English
//! skipped, links between the articles made in-widget links.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use super::article::{article_id, map_locale, render_article, unnamed_section};
use super::entry::{article_list, parse_json, read_entry};
use super::error::ZendeskError;
use super::links::{LinkMap, LinkNote, parse_base};
use super::markdown::markdown_converter;
use super::sections::SectionNames;
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
    /// The Zendesk id of every file of [`files`](Self::files), by path.
    pub origins: BTreeMap<String, u64>,
    /// How many links between imported articles became `article:` links.
    pub internal_links: usize,
    /// Links to Zendesk articles that are not in the export, kept as
    /// absolute web links: (file, URL).
    pub external_links: Vec<(String, String)>,
    /// Relative links and images that could not be resolved without the
    /// help center's address, kept as written: (file, URL).
    pub unresolved_links: Vec<(String, String)>,
    /// Sections with no name to give, so filed as `section-<id>`.
    pub unknown_sections: BTreeSet<u64>,
    /// Each category slug the articles are filed under by
    /// [`ConvertOptions::slug_categories`] (`section-<id>`), with the
    /// section's name per locale written: what `categories.toml` lists.
    pub categories: BTreeMap<String, BTreeMap<String, String>>,
}

/// What a conversion takes beyond the export itself.
#[derive(Debug, Clone, Default)]
pub struct ConvertOptions {
    /// The help center's address (`https://help.example.com`), which
    /// relative links and images are resolved against. Without it they are
    /// kept as written and listed in [`ZendeskImport::unresolved_links`].
    pub help_center_url: Option<String>,
    /// The sections' names, which become the articles' categories. A
    /// section without one is filed as `section-<id>` and listed in
    /// [`ZendeskImport::unknown_sections`].
    pub sections: SectionNames,
    /// Content ids to keep, by Zendesk id: those of an earlier import, so
    /// that an article whose title changed keeps its id and its links.
    pub ids: BTreeMap<u64, String>,
    /// File every article under its section's slug, `section-<id>`, and
    /// keep the section's names in [`ZendeskImport::categories`]: for a
    /// folder whose `categories.toml` names categories. Otherwise an
    /// article's category is its section's name in its locale.
    pub slug_categories: bool,
}

/// Converts an export's bytes into content files, with the default
/// [`ConvertOptions`]: no help center address, no section names.
pub fn convert_zendesk(path: &Path, json: &[u8]) -> Result<ZendeskImport, ZendeskError> {
    convert_zendesk_with(path, json, &ConvertOptions::default())
}

/// Converts an export's bytes into content files. `path` only names the
/// export in errors.
///
/// Every entry is checked, drafts included, and every problem is reported
/// at once.
pub fn convert_zendesk_with(
    path: &Path,
    json: &[u8],
    options: &ConvertOptions,
) -> Result<ZendeskImport, ZendeskError> {
    let base = match &options.help_center_url {
        None => None,
        Some(text) => {
            Some(parse_base(text).map_err(|message| ZendeskError::HelpCenterUrl { message })?)
        }
    };
    let root = parse_json(path, json)?;
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

    // Which articles are written, and under which id: links between them
    // become `article:` links.
    let (written, skipped): (Vec<_>, Vec<_>) =
        published.into_iter().partition(|(_, entry, locale)| {
            *locale == FALLBACK_LOCALE || english.is_empty() || english.contains(&entry.id)
        });
    let ids: BTreeMap<u64, String> = written
        .iter()
        .map(|(_, entry, _)| {
            let id = options
                .ids
                .get(&entry.id)
                .cloned()
                .unwrap_or_else(|| article_id(entry.id, slug_title[&entry.id].1));
            (entry.id, id)
        })
        .collect();

    let links = Arc::new(LinkMap::new(ids.clone(), base));
    let sanitizer = sanitizer();
    let converter = markdown_converter(Arc::clone(&links));
    let mut import = ZendeskImport {
        files: BTreeMap::new(),
        locales: Vec::new(),
        drafts_skipped,
        skipped: Vec::new(),
        origins: BTreeMap::new(),
        internal_links: 0,
        external_links: Vec::new(),
        unresolved_links: Vec::new(),
        unknown_sections: BTreeSet::new(),
        categories: BTreeMap::new(),
    };
    for (at, entry, locale) in skipped {
        let why = format!(
            "skipped: a {locale} article without a published English one, which every translation needs"
        );
        import
            .skipped
            .push(Problem::entry(path, at, Some(entry.id), why).to_string());
    }
    for (at, entry, locale) in written {
        let id = &ids[&entry.id];
        let name = options.sections.name(entry.section_id, &entry.locale);
        if name.is_none() {
            import.unknown_sections.insert(entry.section_id);
        }
        let category = match name {
            Some(name) if !options.slug_categories => name.to_string(),
            _ => unnamed_section(entry.section_id),
        };
        if options.slug_categories {
            let names = import.categories.entry(category.clone()).or_default();
            if let Some(name) = name {
                names.insert(locale.to_string(), name.to_string());
            }
        }
        let text = render_article(entry, id, category, &sanitizer, &converter);
        let file = format!("articles/{locale}/{id}.md");
        let log = links.take_log();
        if text.len() as u64 > MAX_ARTICLE_BYTES {
            problems.push(Problem::entry(
                path,
                at,
                Some(entry.id),
                format!(
                    "the article is larger than the {} MiB limit",
                    MAX_ARTICLE_BYTES / (1024 * 1024)
                ),
            ));
            continue;
        }
        import.internal_links += log.internal;
        for note in log.notes {
            match note {
                LinkNote::External(url) => import.external_links.push((file.clone(), url)),
                LinkNote::Unresolved(url) => import.unresolved_links.push((file.clone(), url)),
            }
        }
        import.origins.insert(file.clone(), entry.id);
        import.files.insert(file, text);
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
