//! Writing a converted export as a content folder: atomically, and only
//! once [`load_content`] accepts it; either as a new folder, or merged into
//! one an earlier import wrote, by Zendesk id, never overwriting a file
//! edited by hand unless forced.
//!
//! Every import leaves a record beside the articles, [`IMPORT_RECORD`]:
//! for each file it wrote, the Zendesk id and a SHA-256 of the bytes
//! written. A file whose bytes no longer match was edited by hand.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::convert::ZendeskImport;
use super::entry::parse_json;
use super::error::ZendeskError;
use crate::content::{FALLBACK_LOCALE, load_content};

/// The import record's file name, at the root of the content folder.
pub const IMPORT_RECORD: &str = "zendesk-import.json";

/// What the importer wrote: every file by path, with its Zendesk id and
/// the hash of its bytes as written.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Record {
    files: BTreeMap<String, Written>,
}

/// One file the importer wrote.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Written {
    zendesk_id: u64,
    sha256: String,
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What writing did to each file of the content folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files written that were not there.
    pub added: Vec<String>,
    /// Files the importer wrote before, rewritten with what changed.
    pub updated: Vec<String>,
    /// Files already as the export makes them, left alone.
    pub unchanged: Vec<String>,
    /// Files edited by hand since the importer wrote them (or that it never
    /// wrote), which the export would change: left as they are, each with why.
    pub kept: Vec<(String, String)>,
    /// Files edited by hand that `force` overwrote.
    pub overwritten: Vec<String>,
    /// Files of an earlier import whose article is no longer in the
    /// export: left in place.
    pub not_in_export: Vec<String>,
}

/// A content folder as an earlier import left it: its article files and
/// the import record.
#[derive(Debug, Default)]
pub(super) struct Existing {
    /// Every `articles/<locale>/*.md` file: path under the folder, bytes.
    files: BTreeMap<String, Vec<u8>>,
    /// The Zendesk id of each file, from the record or else from its
    /// `zd-<id>` name.
    origins: BTreeMap<String, u64>,
    record: Record,
}

/// The Zendesk id in a `zd-<id>` or `zd-<id>-<slug>` content id.
fn zendesk_id_in(id: &str) -> Option<u64> {
    let rest = id.strip_prefix("zd-")?;
    rest.split_once('-').map_or(rest, |(n, _)| n).parse().ok()
}

impl Existing {
    /// Reads the content folder `out`; nothing if it does not exist.
    pub(super) fn read(out: &Path) -> Result<Existing, ZendeskError> {
        let mut existing = Existing::default();
        let record_path = out.join(IMPORT_RECORD);
        match std::fs::read(&record_path) {
            Ok(bytes) => {
                let value = parse_json(&record_path, &bytes)?;
                existing.record =
                    serde_json::from_value(value).map_err(|e| ZendeskError::Shape {
                        path: record_path.clone(),
                        message: format!("not an import record: {e}"),
                    })?;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(ZendeskError::Read {
                    path: record_path,
                    source,
                });
            }
        }
        let read_error = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ZendeskError::Read { path, source }
        };
        let articles = out.join("articles");
        let Ok(locales) = std::fs::read_dir(&articles) else {
            return Ok(existing);
        };
        for locale in locales {
            let locale = locale.map_err(read_error(&articles))?.path();
            let Ok(files) = std::fs::read_dir(&locale) else {
                continue;
            };
            for file in files {
                let file = file.map_err(read_error(&locale))?.path();
                if file.extension().is_none_or(|e| e != "md") || !file.is_file() {
                    continue;
                }
                let bytes = std::fs::read(&file).map_err(read_error(&file))?;
                let relative = file
                    .strip_prefix(out)
                    .unwrap_or(&file)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let zendesk_id = existing
                    .record
                    .files
                    .get(&relative)
                    .map(|w| w.zendesk_id)
                    .or_else(|| zendesk_id_in(file.file_stem()?.to_str()?));
                if let Some(zendesk_id) = zendesk_id {
                    existing.origins.insert(relative.clone(), zendesk_id);
                }
                existing.files.insert(relative, bytes);
            }
        }
        Ok(existing)
    }

    /// The content id each Zendesk id had, so that an update keeps it:
    /// the English file's name, else the first translation's.
    pub(super) fn ids(&self) -> BTreeMap<u64, String> {
        let mut ids = BTreeMap::new();
        let english = format!("articles/{FALLBACK_LOCALE}/");
        let (first, rest): (Vec<_>, Vec<_>) = self
            .origins
            .iter()
            .partition(|(path, _)| path.starts_with(&english));
        for (path, zendesk_id) in first.into_iter().chain(rest) {
            let stem = path.rsplit('/').next().unwrap_or(path);
            let id = stem.strip_suffix(".md").unwrap_or(stem);
            ids.entry(*zendesk_id).or_insert_with(|| id.to_string());
        }
        ids
    }
}

/// The locale folder of a file path under the content folder.
fn locale_of(path: &str) -> &str {
    path.split('/').nth(1).unwrap_or_default()
}

impl ZendeskImport {
    /// Writes the content folder `out`, atomically.
    ///
    /// The files go into a temporary sibling folder, which must pass
    /// [`load_content`], and which then takes `out`'s
    /// place by rename. `out` must be absent or an empty folder unless
    /// `force` is set. On any failure `out` is left as it was.
    pub fn write_to(&self, out: &Path, force: bool) -> Result<WriteReport, ZendeskError> {
        check_output(out, force)?;
        let mut record = Record::default();
        for (path, text) in &self.files {
            record.files.insert(
                path.clone(),
                Written {
                    zendesk_id: self.origins[path],
                    sha256: sha256(text.as_bytes()),
                },
            );
        }
        let files = self
            .files
            .iter()
            .map(|(path, text)| (path.clone(), text.as_bytes().to_vec()))
            .collect();
        put_in_place(out, None, files, &record)?;
        Ok(WriteReport {
            added: self.files.keys().cloned().collect(),
            ..WriteReport::default()
        })
    }

    /// Merges the import into the content folder `out`, which an earlier
    /// import wrote (or which is absent or empty), atomically: files match
    /// by Zendesk id and locale. New articles are added, changed ones
    /// rewritten, unchanged ones left alone, and so is every other file of
    /// the folder. A file edited by hand since the importer wrote it is
    /// kept as it is, and listed in [`WriteReport::kept`], unless `force`
    /// is set. The merged folder must pass [`load_content`].
    pub fn update(&self, out: &Path, force: bool) -> Result<WriteReport, ZendeskError> {
        if out.is_file() {
            return Err(ZendeskError::OutputIsFile {
                path: out.to_path_buf(),
            });
        }
        self.update_from(out, &Existing::read(out)?, force)
    }

    /// [`update`](Self::update), with `existing` already read from `out`.
    pub(super) fn update_from(
        &self,
        out: &Path,
        existing: &Existing,
        force: bool,
    ) -> Result<WriteReport, ZendeskError> {
        let mut report = WriteReport::default();
        let mut record = existing.record.clone();
        // Record entries of files that are gone are dropped.
        record
            .files
            .retain(|path, _| existing.files.contains_key(path));
        let mut by_origin: BTreeMap<(u64, &str), &str> = BTreeMap::new();
        for (path, zendesk_id) in &existing.origins {
            by_origin.insert((*zendesk_id, locale_of(path)), path);
        }
        let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let mut removed: Vec<String> = Vec::new();
        for (path, text) in &self.files {
            let zendesk_id = self.origins[path];
            let text = text.as_bytes();
            let before = by_origin
                .remove(&(zendesk_id, locale_of(path)))
                .or_else(|| existing.files.contains_key(path).then_some(path.as_str()));
            let written = Written {
                zendesk_id,
                sha256: sha256(text),
            };
            let Some(before) = before else {
                report.added.push(path.clone());
                files.insert(path.clone(), text.to_vec());
                record.files.insert(path.clone(), written);
                continue;
            };
            let current = &existing.files[before];
            if before == path && current.as_slice() == text {
                report.unchanged.push(path.clone());
                record.files.insert(path.clone(), written);
                continue;
            }
            let edited = match record.files.get(before) {
                None => Some("not written by the importer (no entry in the import record)"),
                Some(w) if w.sha256 != sha256(current) => Some("edited since the last import"),
                Some(_) => None,
            };
            match edited {
                Some(why) if !force => {
                    report.kept.push((before.to_string(), why.to_string()));
                    continue;
                }
                Some(_) => report.overwritten.push(path.clone()),
                None => report.updated.push(path.clone()),
            }
            if before != path {
                removed.push(before.to_string());
                record.files.remove(before);
            }
            files.insert(path.clone(), text.to_vec());
            record.files.insert(path.clone(), written);
        }
        // What is left had an article in an earlier export only.
        report.not_in_export = by_origin.into_values().map(str::to_string).collect();
        if let Some(text) = self.categories_to_add(out)? {
            report.updated.push(crate::CATEGORIES_FILE.to_string());
            files.insert(crate::CATEGORIES_FILE.to_string(), text.into_bytes());
        }
        put_in_place(out, Some((out, &removed)), files, &record)?;
        Ok(report)
    }
}

impl ZendeskImport {
    /// The folder's `categories.toml` with an entry added for each section
    /// the articles are filed under that it does not list yet (named per
    /// locale, in English as `Section <id>` when the export names none), or
    /// `None` when it lists them all. The author's entries stay as written.
    fn categories_to_add(&self, out: &Path) -> Result<Option<String>, ZendeskError> {
        if self.categories.is_empty() {
            return Ok(None);
        }
        let path = out.join(crate::CATEGORIES_FILE);
        let mut text = std::fs::read_to_string(&path).map_err(|source| ZendeskError::Write {
            path: path.clone(),
            source,
        })?;
        let listed: Vec<String> = crate::parse_categories(&path, &text)
            .map(|c| c.listed.into_iter().map(|c| c.slug).collect())
            .unwrap_or_default();
        let mut added = false;
        for (slug, names) in &self.categories {
            if listed.contains(slug) {
                continue;
            }
            let mut names = names.clone();
            if !names.contains_key(crate::FALLBACK_LOCALE) {
                let id = slug.trim_start_matches("section-");
                names.insert(crate::FALLBACK_LOCALE.to_string(), format!("Section {id}"));
            }
            let names: Vec<String> = names
                .iter()
                .map(|(locale, name)| format!("{locale} = {}", toml::Value::String(name.clone())))
                .collect();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&format!(
                "\n# Added by the Zendesk import.\n[[categories]]\nslug = \"{slug}\"\nname = {{ {} }}\n",
                names.join(", ")
            ));
            added = true;
        }
        Ok(added.then_some(text))
    }
}

/// Puts the content folder in place at `out`: a staging folder gets a
/// copy of `base` (a folder, with the paths `removed` left out) if any,
/// then `files` and the `record` over it; it must pass [`load_content`],
/// then takes `out`'s place by rename.
fn put_in_place(
    out: &Path,
    base: Option<(&Path, &[String])>,
    files: BTreeMap<String, Vec<u8>>,
    record: &Record,
) -> Result<(), ZendeskError> {
    let write_error = |source: io::Error| ZendeskError::Write {
        path: out.to_path_buf(),
        source,
    };
    let record = serde_json::to_vec_pretty(record).expect("a record of strings and numbers");
    crate::output::replace_dir(
        out,
        |staging| {
            if let Some((from, removed)) = base
                && from.is_dir()
            {
                let removed: Vec<PathBuf> = removed.iter().map(|p| from.join(p)).collect();
                copy_dir(from, staging, &removed).map_err(write_error)?;
            }
            let files = files
                .iter()
                .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
                .chain([(IMPORT_RECORD, record.as_slice())]);
            crate::output::write_files(staging, files).map_err(write_error)?;
            if let Err(problems) = load_content(staging) {
                return Err(ZendeskError::Invalid {
                    path: out.to_path_buf(),
                    problems: problems.moved(staging, out),
                });
            }
            Ok(())
        },
        write_error,
    )
}

/// Copies the folder `from` into `to`, but for the paths in `skip`.
fn copy_dir(from: &Path, to: &Path, skip: &[PathBuf]) -> io::Result<()> {
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        if skip.contains(&path) {
            continue;
        }
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            std::fs::create_dir_all(&target)?;
            copy_dir(&path, &target, skip)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

/// Refuses an output path that is a file, or a non-empty folder without `force`.
pub(super) fn check_output(out: &Path, force: bool) -> Result<(), ZendeskError> {
    if out.is_file() {
        return Err(ZendeskError::OutputIsFile {
            path: out.to_path_buf(),
        });
    }
    let non_empty = std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_some());
    if non_empty && !force {
        return Err(ZendeskError::OutputNotEmpty {
            path: out.to_path_buf(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zendesk_ids_are_read_from_content_ids() {
        assert_eq!(zendesk_id_in("zd-360001-how-do-i"), Some(360001));
        assert_eq!(zendesk_id_in("zd-7"), Some(7));
        assert_eq!(zendesk_id_in("zd-x-7"), None);
        assert_eq!(zendesk_id_in("payouts"), None);
    }
}
