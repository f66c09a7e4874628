//! Importing a Zendesk Help Center export into a content folder.
//!
//! The input is what `GET /api/v2/help_center/articles.json` returns
//! (`{"articles": [...], "next_page": ...}`), or a bare array of article
//! objects. [`convert_zendesk`] turns it into content files in memory;
//! [`ZendeskImport::write_to`] writes them as a folder, atomically, as the
//! last step, after checking that [`load_content`](crate::load_content)
//! accepts them.
//!
//! How an article maps onto our front matter:
//!
//! | Zendesk | content file |
//! | --- | --- |
//! | `id`, English `title` | `id = "zd-<id>-<slug of the English title>"`, shared by every translation |
//! | `locale` | the folder: `en-*` → `en`, `fr-*` → `fr`, `de-*` → `de`, `pt-br` → `pt-BR`; any other locale is an error |
//! | `title` | `title` |
//! | `section_id` | `category = "section-<section_id>"` |
//! | `label_names` | `tags` |
//! | `user_segment_id` | `visibility`: `signed-in` when set, `public` when null |
//! | `updated_at` | `updated`, its date part |
//! | `body` (HTML) | the Markdown body, see below |
//! | `draft: true` | skipped, and counted |
//!
//! Every article gets `contexts = ["/support"]` ([`DEFAULT_CONTEXT`]): a
//! Zendesk article knows nothing of the dashboard's routes, so it is offered
//! on the support page rather than everywhere. Authors narrow it afterwards.
//!
//! The body is sanitized with the builder's own [`sanitizer`], then converted
//! to Markdown with `htmd`. Converting, rather than keeping the HTML as a raw
//! block, is what makes the body searchable: the builder indexes the
//! Markdown's text, and a raw HTML block has none. Tables become pipe tables
//! with their first row as the header.
//!
//! A translation needs an English article with the same id when the help
//! center has English at all (see `load_content`), so a published translation
//! whose English entry is missing or a draft is skipped, and reported in
//! [`ZendeskImport::skipped`].

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use htmd::element_handler::{HandlerResult, Handlers};
use htmd::{Element, HtmlToMarkdown};
use markup5ever_rcdom::{Node, NodeData};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::content::{
    FALLBACK_LOCALE, LOCALES, MAX_ARTICLE_BYTES, Problem, Problems, load_content, sanitizer,
};

/// The `contexts` every imported article gets: the dashboard's support page.
pub const DEFAULT_CONTEXT: &str = "/support";

/// The longest slug taken from a title, in bytes, before the id prefix.
const MAX_SLUG_LEN: usize = 60;

/// One problem with one article of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleProblem {
    /// The article's JSON path, as `articles[3]` or `[3]` for a bare array.
    pub at: String,
    /// Its Zendesk id, when it has a readable one.
    pub id: Option<u64>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ArticleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.id {
            Some(id) => write!(f, "{} (id {id}): {}", self.at, self.message),
            None => write!(f, "{}: {}", self.at, self.message),
        }
    }
}

/// Why an import failed. Each message names the file it is about.
#[derive(Debug, thiserror::Error)]
pub enum ZendeskError {
    /// The export could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The export file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The export is not JSON.
    #[error("{}:{line}:{column}: not valid JSON: {message}", path.display())]
    Json {
        /// The export file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// serde_json's message, without its position.
        message: String,
    },
    /// The export is JSON, but not a list of articles.
    #[error("{}: {message}", path.display())]
    Shape {
        /// The export file.
        path: PathBuf,
        /// What was expected and found.
        message: String,
    },
    /// Some articles are unusable: every one is listed.
    #[error("{}", ListArticleProblems(path, problems))]
    Articles {
        /// The export file.
        path: PathBuf,
        /// Each problem, in article order.
        problems: Vec<ArticleProblem>,
    },
    /// Every article was a draft or skipped.
    #[error("{}: no published article to import ({drafts} draft(s) and {skipped} untranslated article(s) skipped)", path.display())]
    Empty {
        /// The export file.
        path: PathBuf,
        /// Drafts skipped.
        drafts: usize,
        /// Translations without an English article, skipped.
        skipped: usize,
    },
    /// The output folder holds something already, and `force` was not given.
    #[error("{} exists and is not empty; refusing to replace it without --force", path.display())]
    OutputNotEmpty {
        /// The output folder.
        path: PathBuf,
    },
    /// The output path is a file.
    #[error("{} is a file, not a content folder", path.display())]
    OutputIsFile {
        /// The output path.
        path: PathBuf,
    },
    /// Writing the folder failed; what was there before is left as it was.
    #[error("writing {}: {source}", path.display())]
    Write {
        /// The output folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The written folder does not load. This is a bug in the importer;
    /// nothing was put in place.
    #[error("the imported content does not load, so {} was left as it was:\n{problems}", path.display())]
    Invalid {
        /// The output folder.
        path: PathBuf,
        /// What `load_content` found, with paths as they would have been.
        problems: Problems,
    },
}

struct ListArticleProblems<'a>(&'a Path, &'a [ArticleProblem]);

impl fmt::Display for ListArticleProblems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in self.1 {
            writeln!(f, "{}: {problem}", self.0.display())?;
        }
        let n = self.1.len();
        write!(f, "{n} problem{} found", if n == 1 { "" } else { "s" })
    }
}

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

/// Reads the export at `path` and writes it as the content folder `out`.
///
/// `out` must be absent or empty unless `force` is set; then it is replaced
/// atomically. See [`convert_zendesk`] and [`ZendeskImport::write_to`].
pub fn import_zendesk(path: &Path, out: &Path, force: bool) -> Result<ZendeskImport, ZendeskError> {
    check_output(out, force)?;
    let bytes = std::fs::read(path).map_err(|source| ZendeskError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let import = convert_zendesk(path, &bytes)?;
    import.write_to(out, force)?;
    Ok(import)
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
    let shape_error = |message: String| ZendeskError::Shape {
        path: path.to_path_buf(),
        message,
    };
    let (prefix, items) = match &root {
        Value::Array(items) => ("", items),
        Value::Object(map) => match map.get("articles") {
            Some(Value::Array(items)) => ("articles", items),
            Some(other) => {
                return Err(shape_error(format!(
                    "`articles` must be an array, found {}",
                    describe(other)
                )));
            }
            None => {
                return Err(shape_error(
                    "expected an object with an `articles` array, as the Help Center articles API returns, or an array of articles"
                        .into(),
                ));
            }
        },
        other => {
            return Err(shape_error(format!(
                "expected an object with an `articles` array, found {}",
                describe(other)
            )));
        }
    };

    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let at = format!("{prefix}[{index}]");
        match read_entry(item) {
            Ok(entry) => entries.push((at, entry)),
            Err((id, messages)) => {
                problems.extend(messages.into_iter().map(|message| ArticleProblem {
                    at: at.clone(),
                    id,
                    message,
                }));
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
                problems.push(ArticleProblem {
                    at: at.clone(),
                    id: Some(entry.id),
                    message: format!(
                        "locale {:?} is not one of the help center's locales (en-*, fr-*, de-*, pt-br)",
                        entry.locale
                    ),
                });
                continue;
            }
        };
        if let Some(first) = first_at.insert((entry.id, locale), at) {
            problems.push(ArticleProblem {
                at: at.clone(),
                id: Some(entry.id),
                message: format!("a second {locale} entry for this id (the first is {first})"),
            });
            continue;
        }
        located.push((at.as_str(), entry, locale));
    }
    if !problems.is_empty() {
        return Err(ZendeskError::Articles {
            path: path.to_path_buf(),
            problems,
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
            import.skipped.push(format!(
                "{}: {at} (id {}): skipped: a {locale} article without a published English one, which every translation needs",
                path.display(),
                entry.id
            ));
            continue;
        }
        let id = article_id(entry.id, slug_title[&entry.id].1);
        let text = render_article(entry, &id, &sanitizer, &converter);
        if text.len() as u64 > MAX_ARTICLE_BYTES {
            problems.push(ArticleProblem {
                at: at.to_string(),
                id: Some(entry.id),
                message: format!(
                    "the article is larger than the {} MiB limit",
                    MAX_ARTICLE_BYTES / (1024 * 1024)
                ),
            });
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
            problems,
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

    /// Writes the content folder `out`, atomically.
    ///
    /// The files go into a temporary sibling folder, which must pass
    /// [`load_content`](crate::load_content), and which then takes `out`'s
    /// place by rename. `out` must be absent or an empty folder unless
    /// `force` is set. On any failure `out` is left as it was.
    pub fn write_to(&self, out: &Path, force: bool) -> Result<(), ZendeskError> {
        check_output(out, force)?;
        let write_error = |source: io::Error| ZendeskError::Write {
            path: out.to_path_buf(),
            source,
        };
        crate::output::replace_dir(
            out,
            |staging| {
                let files = self
                    .files
                    .iter()
                    .map(|(file, text)| (file.as_str(), text.as_bytes()));
                crate::output::write_files(staging, files).map_err(write_error)?;
                if let Err(Problems(found)) = load_content(staging) {
                    let problems = found
                        .into_iter()
                        .map(|p| Problem {
                            path: out.join(p.path.strip_prefix(staging).unwrap_or(&p.path)),
                            ..p
                        })
                        .collect();
                    return Err(ZendeskError::Invalid {
                        path: out.to_path_buf(),
                        problems: Problems(problems),
                    });
                }
                Ok(())
            },
            write_error,
        )
    }
}

/// Refuses an output path that is a file, or a non-empty folder without `force`.
fn check_output(out: &Path, force: bool) -> Result<(), ZendeskError> {
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

/// One article entry of the export, read and type-checked.
struct Entry {
    id: u64,
    title: String,
    body: String,
    locale: String,
    section_id: u64,
    labels: Vec<String>,
    signed_in: bool,
    draft: bool,
    updated: Option<toml::value::Datetime>,
}

/// Reads one entry, or says everything wrong with it, with its id if readable.
fn read_entry(item: &Value) -> Result<Entry, (Option<u64>, Vec<String>)> {
    let Value::Object(object) = item else {
        return Err((
            None,
            vec![format!(
                "expected an article object, found {}",
                describe(item)
            )],
        ));
    };
    let mut problems = Vec::new();
    let mut fields = Fields {
        object,
        problems: &mut problems,
    };
    let id = fields.required("id", "a whole number", Value::as_u64);
    let title = fields.required("title", "a string", Value::as_str);
    let body = fields.required("body", "a string", Value::as_str);
    let locale = fields.required("locale", "a string", Value::as_str);
    let section_id = fields.required("section_id", "a whole number", Value::as_u64);
    let labels = fields.labels();
    let segment = fields.optional("user_segment_id", "a whole number or null", Value::as_u64);
    let draft = fields
        .optional("draft", "true or false", Value::as_bool)
        .unwrap_or(false);
    let updated = fields.optional("updated_at", "an ISO 8601 timestamp string or null", Value::as_str).map(|text| {
        let rest_is_time = text.get(10..).is_some_and(|rest| rest.is_empty() || rest.starts_with(['T', 't', ' ']));
        let date = text.get(..10).filter(|_| rest_is_time).and_then(|d| d.parse::<toml::value::Datetime>().ok());
        let date = date.filter(|d| d.date.is_some() && d.time.is_none());
        date.ok_or_else(|| format!("field \"updated_at\" must be an ISO 8601 timestamp like \"2024-03-05T10:20:30Z\", found {text:?}"))
    });
    let updated = match updated {
        None => None,
        Some(Ok(date)) => Some(date),
        Some(Err(message)) => {
            problems.push(message);
            None
        }
    };
    if title.is_some_and(|t| t.trim().is_empty()) {
        problems.push("field \"title\" is empty".into());
    }
    match (id, title, body, locale, section_id) {
        (Some(id), Some(title), Some(body), Some(locale), Some(section_id))
            if problems.is_empty() =>
        {
            Ok(Entry {
                id,
                title: title.trim().to_string(),
                body: body.to_string(),
                locale: locale.to_string(),
                section_id,
                labels,
                signed_in: segment.is_some(),
                draft,
                updated,
            })
        }
        _ => Err((id, problems)),
    }
}

/// Typed access to an entry's fields, collecting problems.
struct Fields<'a, 'p> {
    object: &'a Map<String, Value>,
    problems: &'p mut Vec<String>,
}

impl<'a> Fields<'a, '_> {
    /// A field that must be present and of one type.
    fn required<T>(
        &mut self,
        key: &str,
        expected: &str,
        read: impl Fn(&'a Value) -> Option<T>,
    ) -> Option<T> {
        match self.object.get(key) {
            None => {
                self.problems.push(format!("missing field \"{key}\""));
                None
            }
            Some(value) => self.typed(key, value, expected, read),
        }
    }

    /// A field that may be absent or null.
    fn optional<T>(
        &mut self,
        key: &str,
        expected: &str,
        read: impl Fn(&'a Value) -> Option<T>,
    ) -> Option<T> {
        match self.object.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => self.typed(key, value, expected, read),
        }
    }

    fn typed<T>(
        &mut self,
        key: &str,
        value: &'a Value,
        expected: &str,
        read: impl Fn(&'a Value) -> Option<T>,
    ) -> Option<T> {
        let read = read(value);
        if read.is_none() {
            self.problems.push(format!(
                "field \"{key}\" must be {expected}, found {}",
                describe(value)
            ));
        }
        read
    }

    /// `label_names`: absent or null is no labels.
    fn labels(&mut self) -> Vec<String> {
        match self.object.get("label_names") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                let mut labels = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(label) if !label.trim().is_empty() => {
                            labels.push(label.trim().to_string())
                        }
                        Some(_) => {}
                        None => self.problems.push(format!(
                            "field \"label_names[{i}]\" must be a string, found {}",
                            describe(item)
                        )),
                    }
                }
                labels
            }
            Some(other) => {
                self.problems.push(format!(
                    "field \"label_names\" must be an array of strings, found {}",
                    describe(other)
                ));
                Vec::new()
            }
        }
    }
}

/// A JSON value's kind, with the value when it is short, for messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() <= 40 => format!("the string {s:?}"),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// serde_json's message without the ` at line L column C` it appends.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_string()
}

/// Our locale for a Zendesk locale, if we have it.
fn map_locale(zendesk: &str) -> Option<&'static str> {
    let lower = zendesk.trim().to_ascii_lowercase();
    let language = lower.split(['-', '_']).next().unwrap_or_default();
    match (language, lower.as_str()) {
        ("en", _) => Some("en"),
        ("fr", _) => Some("fr"),
        ("de", _) => Some("de"),
        (_, "pt-br" | "pt_br") => Some("pt-BR"),
        _ => None,
    }
}

/// `zd-<zendesk id>-<slug>`, or `zd-<zendesk id>` when the title has no
/// usable letters.
fn article_id(zendesk_id: u64, title: &str) -> String {
    let slug = slug(title);
    if slug.is_empty() {
        format!("zd-{zendesk_id}")
    } else {
        format!("zd-{zendesk_id}-{slug}")
    }
}

/// Lowercase ASCII letters and digits joined by single hyphens, common
/// accented Latin letters folded, cut at a word boundary.
fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'a'..='z' | '0'..='9' => Some(c.to_string()),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => Some("a".into()),
            'ç' => Some("c".into()),
            'è' | 'é' | 'ê' | 'ë' => Some("e".into()),
            'ì' | 'í' | 'î' | 'ï' => Some("i".into()),
            'ñ' => Some("n".into()),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => Some("o".into()),
            'ù' | 'ú' | 'û' | 'ü' => Some("u".into()),
            'ý' | 'ÿ' => Some("y".into()),
            'ß' => Some("ss".into()),
            'æ' => Some("ae".into()),
            'œ' => Some("oe".into()),
            '\'' | '’' => None,
            _ => {
                gap = true;
                None
            }
        };
        if let Some(text) = folded {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push_str(&text);
        }
    }
    if out.len() > MAX_SLUG_LEN {
        let cut = out[..=MAX_SLUG_LEN].rfind('-').unwrap_or(MAX_SLUG_LEN);
        out.truncate(cut);
    }
    out
}

/// The front matter we write, field for field as
/// [`FrontMatter`](crate::FrontMatter) reads it.
#[derive(Serialize)]
struct Front<'a> {
    id: &'a str,
    title: &'a str,
    category: String,
    tags: &'a [String],
    contexts: [&'static str; 1],
    visibility: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<toml::value::Datetime>,
}

/// The content file for one entry: TOML front matter, then Markdown.
fn render_article(
    entry: &Entry,
    id: &str,
    sanitizer: &ammonia::Builder<'_>,
    converter: &HtmlToMarkdown,
) -> String {
    let front = Front {
        id,
        title: &entry.title,
        category: format!("section-{}", entry.section_id),
        tags: &entry.labels,
        contexts: [DEFAULT_CONTEXT],
        visibility: if entry.signed_in {
            "signed-in"
        } else {
            "public"
        },
        updated: entry.updated,
    };
    let front =
        toml::to_string(&front).expect("front matter of strings, arrays and a date serializes");
    let body = body_markdown(&entry.body, sanitizer, converter);
    format!("+++\n{front}+++\n{body}\n")
}

/// The body's Markdown: sanitized first, so nothing unsafe reaches the
/// content file, then converted.
fn body_markdown(
    html: &str,
    sanitizer: &ammonia::Builder<'_>,
    converter: &HtmlToMarkdown,
) -> String {
    let clean = sanitizer.clean(html).to_string();
    // htmd's conversion of an in-memory string cannot fail; keep the
    // sanitized HTML, which is valid Markdown too, should it ever.
    converter
        .convert(&clean)
        .unwrap_or(clean)
        .trim()
        .to_string()
}

/// The HTML to Markdown converter: htmd's defaults, with tables of any
/// shape turned into pipe tables.
fn markdown_converter() -> HtmlToMarkdown {
    HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "noscript"])
        .add_handler(vec!["table"], table_handler)
        .build()
}

/// A table as a Markdown pipe table, its first row the header. htmd keeps
/// only tables with `<th>` or `<thead>` as tables, and Zendesk's editor
/// often writes neither.
fn table_handler(handlers: &dyn Handlers, element: Element<'_>) -> Option<HandlerResult> {
    let mut rows = Vec::new();
    let mut captions = Vec::new();
    collect_rows(handlers, element.node, &mut rows, &mut captions);
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        let content = handlers.walk_children(element.node).content;
        let content = content.trim();
        return (!content.is_empty()).then(|| format!("\n\n{content}\n\n").into());
    }
    let mut md = String::from("\n\n");
    for caption in captions {
        md.push_str(&caption);
        md.push_str("\n\n");
    }
    for (i, row) in rows.iter().enumerate() {
        md.push('|');
        for column in 0..columns {
            md.push(' ');
            md.push_str(row.get(column).map_or("", String::as_str));
            md.push_str(" |");
        }
        md.push('\n');
        if i == 0 {
            md.push('|');
            md.push_str(&" --- |".repeat(columns));
            md.push('\n');
        }
    }
    md.push('\n');
    Some(md.into())
}

/// The rows of a table, each cell as one line of inline Markdown.
fn collect_rows(
    handlers: &dyn Handlers,
    node: &std::rc::Rc<Node>,
    rows: &mut Vec<Vec<String>>,
    captions: &mut Vec<String>,
) {
    for child in node.children.borrow().iter() {
        let NodeData::Element { name, .. } = &child.data else {
            continue;
        };
        match name.local.as_ref() {
            "thead" | "tbody" | "tfoot" => collect_rows(handlers, child, rows, captions),
            "caption" => captions.push(one_line(&handlers.walk_children(child).content)),
            "tr" => {
                let cells = child
                    .children
                    .borrow()
                    .iter()
                    .filter(|cell| matches!(&cell.data, NodeData::Element { name, .. } if matches!(name.local.as_ref(), "td" | "th")))
                    .map(|cell| one_line(&handlers.walk_children(cell).content).replace('|', "\\|"))
                    .collect();
                rows.push(cells);
            }
            _ => {}
        }
    }
}

/// Markdown squeezed onto one line, as a table cell needs.
fn one_line(markdown: &str) -> String {
    markdown.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_map_onto_ours() {
        for (zendesk, ours) in [
            ("en-us", "en"),
            ("en-GB", "en"),
            ("en", "en"),
            ("fr", "fr"),
            ("fr-ca", "fr"),
            ("de-ch", "de"),
            ("pt-br", "pt-BR"),
        ] {
            assert_eq!(map_locale(zendesk), Some(ours), "{zendesk}");
        }
        for other in ["pt", "pt-pt", "es", "ja", "", "eng"] {
            assert_eq!(map_locale(other), None, "{other}");
        }
    }

    #[test]
    fn slugs_are_ascii_words_joined_by_hyphens() {
        assert_eq!(
            slug("How do I change my payout method?"),
            "how-do-i-change-my-payout-method"
        );
        assert_eq!(
            slug("  Café & crème — what's new (2024)  "),
            "cafe-creme-whats-new-2024"
        );
        assert_eq!(slug("日本語"), "");
        assert_eq!(article_id(7, "日本語"), "zd-7");
        let long = slug(&"word ".repeat(30));
        assert!(
            long.len() <= MAX_SLUG_LEN && long.ends_with("word"),
            "{long}"
        );
    }

    #[test]
    fn tables_without_headers_become_pipe_tables() {
        let md = markdown_converter()
            .convert("<table><tbody><tr><td>Method</td><td>Fee</td></tr><tr><td>SEPA <b>transfer</b></td><td>0 | free</td></tr></tbody></table>")
            .unwrap();
        assert_eq!(
            md.trim(),
            "| Method | Fee |\n| --- | --- |\n| SEPA **transfer** | 0 \\| free |"
        );
    }

    #[test]
    fn bodies_are_sanitized_then_converted() {
        let md = body_markdown(
            r#"<h2>Steps</h2><p style="color:red">Open <a href="javascript:alert(1)">this</a></p><script>alert(1)</script><ul><li>One</li></ul>"#,
            &sanitizer(),
            &markdown_converter(),
        );
        assert_eq!(md, "## Steps\n\nOpen this\n\n*   One");
    }
}
