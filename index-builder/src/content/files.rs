//! Reading `articles/<locale>/*.md` from disk: the locale folders, each
//! file's size and encoding. Parsing is [`parse_article`]'s.

use std::path::{Path, PathBuf};

use super::article::{Article, parse_article};
use super::front_matter::declared_id;
use super::locales::check_locale_tag;
use crate::diagnostics::{Problem, Problems};

/// An article file that could not be read or parsed: its problems are
/// reported, and links to it are not reported again as missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unparsed {
    /// The file.
    pub(crate) path: PathBuf,
    /// Its locale folder.
    pub(crate) locale: String,
    /// The id it declares, if one could be read.
    pub(crate) id: Option<String>,
}

/// What [`read_articles`] found: the articles that parsed, the files that
/// did not, and every problem met.
pub(super) struct Read {
    pub(super) articles: Vec<Article>,
    pub(super) unparsed: Vec<Unparsed>,
    pub(super) problems: Vec<Problem>,
}

/// Articles larger than this are refused rather than read.
pub const MAX_ARTICLE_BYTES: u64 = 2 * 1024 * 1024;

/// Every article of `dir/articles`, by locale and then file name, and every
/// problem met reading them. Fails outright only when the articles folder
/// itself cannot be read.
pub(super) fn read_articles(dir: &Path) -> Result<Read, Problems> {
    let mut problems = Vec::new();
    let mut articles = Vec::new();
    let mut unparsed = Vec::new();
    let articles_dir = dir.join("articles");
    let mut locale_dirs = list(&articles_dir).map_err(|err| {
        Problems(vec![Problem::file(
            &articles_dir,
            format!("cannot read the articles folder: {err}"),
        )])
    })?;
    locale_dirs.sort();
    for locale_dir in locale_dirs {
        let name = locale_dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !locale_dir.is_dir() {
            problems.push(Problem::file(
                &locale_dir,
                "expected a locale folder here, found a file",
            ));
            continue;
        }
        if let Err(why) = check_locale_tag(&name) {
            problems.push(Problem::file(
                &locale_dir,
                format!("the folder's name must be its locale: {why}"),
            ));
            continue;
        }
        let mut files = match list(&locale_dir) {
            Ok(files) => files,
            Err(err) => {
                problems.push(Problem::file(
                    &locale_dir,
                    format!("cannot read the folder: {err}"),
                ));
                continue;
            }
        };
        files.retain(|p| p.extension().is_some_and(|e| e == "md"));
        files.sort();
        for path in files {
            match read_article(&path, &name) {
                Ok(article) => articles.push(article),
                Err((mut found, id)) => {
                    problems.append(&mut found);
                    unparsed.push(Unparsed {
                        path,
                        locale: name.clone(),
                        id,
                    });
                }
            }
        }
    }
    if articles.is_empty() && problems.is_empty() {
        problems.push(Problem::file(
            dir,
            "no articles found (expected articles/<locale>/*.md)",
        ));
    }
    Ok(Read {
        articles,
        unparsed,
        problems,
    })
}

fn list(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect()
}

/// One article file, or its problems and the id it declares, if readable.
fn read_article(path: &Path, locale: &str) -> Result<Article, (Vec<Problem>, Option<String>)> {
    let size = std::fs::metadata(path)
        .map_err(|e| (vec![Problem::file(path, format!("cannot read: {e}"))], None))?
        .len();
    if size > MAX_ARTICLE_BYTES {
        return Err((
            vec![Problem::file(
                path,
                format!(
                    "article is {:.1} MiB, more than the {} MiB limit; split it into several articles",
                    size as f64 / (1024.0 * 1024.0),
                    MAX_ARTICLE_BYTES / (1024 * 1024)
                ),
            )],
            None,
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| (vec![Problem::file(path, format!("cannot read: {e}"))], None))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        (
            vec![Problem::line(
                path,
                line,
                "the file is not valid UTF-8; save it as UTF-8",
            )],
            None,
        )
    })?;
    parse_article(path, locale, &text).map_err(|problems| (problems, declared_id(&text)))
}
