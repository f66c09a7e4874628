//! What an import did, as the command prints it: the counts first, then
//! everything it could not map, each list with its count.

use std::fmt;
use std::path::PathBuf;

use super::convert::ZendeskImport;
use super::write::WriteReport;

/// An import done: what was converted, and what writing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// The converted export.
    pub import: ZendeskImport,
    /// What happened to each file of the content folder.
    pub written: WriteReport,
    /// The content folder.
    pub out: PathBuf,
    /// Whether the export was merged into the folder (`--update`).
    pub update: bool,
}

/// Writes `heading` with `items.len()`, then one indented line per item.
fn list<T>(
    f: &mut fmt::Formatter<'_>,
    heading: &str,
    items: &[T],
    line: impl Fn(&T) -> String,
) -> fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(f, "{} {heading}:", items.len())?;
    for item in items {
        writeln!(f, "  {}", line(item))?;
    }
    Ok(())
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let import = &self.import;
        let written = &self.written;
        writeln!(
            f,
            "imported {} article(s) in {} locale(s) ({}) into {}; {} draft(s) skipped{}",
            import.articles(),
            import.locales.len(),
            import.locales.join(", "),
            self.out.display(),
            import.drafts_skipped,
            match import.skipped.len() {
                0 => String::new(),
                n => format!(", {n} untranslated article(s) skipped"),
            }
        )?;
        if self.update {
            writeln!(
                f,
                "update: {} added, {} updated, {} unchanged, {} kept as edited by hand, {} overwritten",
                written.added.len(),
                written.updated.len(),
                written.unchanged.len(),
                written.kept.len(),
                written.overwritten.len()
            )?;
        }
        writeln!(
            f,
            "{} link(s) between imported articles made in-widget links",
            import.internal_links
        )?;
        list(
            f,
            "link(s) to Zendesk articles not in the export, kept as web links",
            &import.external_links,
            |(file, url)| format!("{file}: {url}"),
        )?;
        list(
            f,
            "relative link(s) or image(s) left unresolved, as written (give --help-center-url to resolve them)",
            &import.unresolved_links,
            |(file, url)| format!("{file}: {url}"),
        )?;
        let sections: Vec<u64> = import.unknown_sections.iter().copied().collect();
        list(
            f,
            "section(s) without a name, filed as section-<id> (give --sections with their names)",
            &sections,
            |id| format!("section {id}"),
        )?;
        list(
            f,
            "published article(s) skipped",
            &import.skipped,
            String::clone,
        )?;
        list(
            f,
            "file(s) kept as they are, edited by hand (--force overwrites them)",
            &written.kept,
            |(file, why)| format!("{file}: {why}"),
        )?;
        list(
            f,
            "file(s) edited by hand overwritten (--force)",
            &written.overwritten,
            String::clone,
        )?;
        list(
            f,
            "file(s) of an earlier import whose article is not in the export, left in place",
            &written.not_in_export,
            String::clone,
        )
    }
}
