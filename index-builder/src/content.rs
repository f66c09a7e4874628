//! Reading a help-center content folder: front matter, Markdown, links.
//!
//! Every problem is collected, not just the first: authors fix a whole
//! folder in one round. Each names the file and, where there is one, the line.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

/// The locales a help center may have. English is the fallback.
pub const LOCALES: [&str; 4] = ["en", "fr", "de", "pt-BR"];

/// The fallback locale, which every translation must match by id.
pub const FALLBACK_LOCALE: &str = "en";

/// Articles larger than this are refused rather than read.
pub const MAX_ARTICLE_BYTES: u64 = 2 * 1024 * 1024;

/// The category whose articles are suggested when no context matches.
pub const GETTING_STARTED: &str = "getting-started";

/// One problem with the content: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file or folder.
    pub path: PathBuf,
    /// The 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Everything wrong with a content folder, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.0 {
            writeln!(f, "{p}")?;
        }
        let n = self.0.len();
        write!(f, "{n} problem{} found", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for Problems {}

/// Who may read an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Visibility {
    /// Anyone, in the public bundle.
    Public,
    /// Signed-in publishers only: never in the public bundle.
    SignedIn,
}

/// A video tutorial, as authors write it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VideoSpec {
    /// Where the video is, `https://…`.
    pub url: String,
    /// Its length as `m:ss` or `h:mm:ss`.
    pub duration: String,
}

/// The TOML front matter of an article, between `+++` lines.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Stable id, shared by the translations of one article.
    pub id: String,
    /// The article's title.
    pub title: String,
    /// A one-line summary shown under the title.
    #[serde(default)]
    pub summary: Option<String>,
    /// The category the article is filed under.
    pub category: String,
    /// Search keywords beyond the title.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Dashboard route patterns where the article is relevant.
    pub contexts: Vec<String>,
    /// Who may read it. Default `public`.
    #[serde(default = "public")]
    pub visibility: Visibility,
    /// A video tutorial, if the article is one.
    #[serde(default)]
    pub video: Option<VideoSpec>,
    /// When it was last updated, a TOML date.
    #[serde(default)]
    pub updated: Option<toml::value::Datetime>,
}

fn public() -> Visibility {
    Visibility::Public
}

/// One article, parsed and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The file it came from.
    pub path: PathBuf,
    /// Its locale tag, from the folder it is in.
    pub locale: String,
    /// Its front matter.
    pub front: FrontMatter,
    /// The video's length in seconds, if it has a video.
    pub video_seconds: Option<u32>,
    /// The line the Markdown body starts on.
    pub body_line: usize,
    /// The Markdown body, after the front matter.
    pub body_markdown: String,
    /// The body as plain text, for indexing and snippets.
    pub body_text: String,
    /// The body rendered to sanitized HTML, links resolved. Filled in by
    /// [`load_content`] once every article is known.
    pub body_html: String,
}

/// Everything in a content folder.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Every article, ordered by locale and then file name.
    pub articles: Vec<Article>,
    /// Support hours and contacts, from `support.toml`, if present.
    pub support: Option<help_core::support::SupportData>,
}

impl Content {
    /// The locales present, in a stable order.
    pub fn locales(&self) -> Vec<&str> {
        let mut locales: Vec<&str> = self.articles.iter().map(|a| a.locale.as_str()).collect();
        locales.dedup();
        locales
    }
}

/// Reads and checks every `articles/<locale>/*.md` under `dir`.
///
/// On any problem, returns all of them.
pub fn load_content(dir: &Path) -> Result<Content, Problems> {
    let mut problems = Vec::new();
    let mut content = Content::default();
    let articles_dir = dir.join("articles");
    let folder_problem = |path: &Path, message: String| Problem {
        path: path.to_path_buf(),
        line: None,
        message,
    };

    let mut locale_dirs = match list(&articles_dir) {
        Ok(entries) => entries,
        Err(err) => {
            return Err(Problems(vec![folder_problem(
                &articles_dir,
                format!("cannot read the articles folder: {err}"),
            )]));
        }
    };
    locale_dirs.sort();
    for locale_dir in locale_dirs {
        let name = locale_dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !locale_dir.is_dir() {
            problems.push(folder_problem(
                &locale_dir,
                "expected a locale folder here, found a file".into(),
            ));
            continue;
        }
        if !LOCALES.contains(&name.as_str()) {
            problems.push(folder_problem(
                &locale_dir,
                format!(
                    "unknown locale `{name}` (expected one of {})",
                    LOCALES.join(", ")
                ),
            ));
            continue;
        }
        let mut files = match list(&locale_dir) {
            Ok(files) => files,
            Err(err) => {
                problems.push(folder_problem(
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
                Ok(article) => content.articles.push(article),
                Err(mut found) => problems.append(&mut found),
            }
        }
    }
    if content.articles.is_empty() && problems.is_empty() {
        problems.push(folder_problem(
            dir,
            "no articles found (expected articles/<locale>/*.md)".into(),
        ));
    }
    check_ids(&content, &mut problems);
    render_bodies(&mut content, &mut problems);
    match crate::support::load_support(dir) {
        Ok(support) => content.support = support,
        Err(mut found) => problems.append(&mut found),
    }
    if problems.is_empty() {
        Ok(content)
    } else {
        problems.sort();
        problems.dedup();
        Err(Problems(problems))
    }
}

fn list(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect()
}

fn read_article(path: &Path, locale: &str) -> Result<Article, Vec<Problem>> {
    let problem = |line: Option<usize>, message: String| {
        vec![Problem {
            path: path.to_path_buf(),
            line,
            message,
        }]
    };
    let size = std::fs::metadata(path)
        .map_err(|e| problem(None, format!("cannot read: {e}")))?
        .len();
    if size > MAX_ARTICLE_BYTES {
        return Err(problem(
            None,
            format!(
                "article is {:.1} MiB, more than the {} MiB limit; split it into several articles",
                size as f64 / (1024.0 * 1024.0),
                MAX_ARTICLE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| problem(None, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        problem(
            Some(line),
            "the file is not valid UTF-8; save it as UTF-8".into(),
        )
    })?;
    parse_article(path, locale, &text)
}

/// Parses one article file's text. `path` is used in problems and to
/// resolve relative links.
pub fn parse_article(path: &Path, locale: &str, text: &str) -> Result<Article, Vec<Problem>> {
    let problem = |line: usize, message: String| Problem {
        path: path.to_path_buf(),
        line: Some(line),
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("+++") {
        return Err(vec![problem(
            1,
            "expected front matter opening with a `+++` line".into(),
        )]);
    }
    let start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut front_len = 0;
    let mut closed = false;
    let mut line_count = 1;
    for line in lines.by_ref() {
        line_count += 1;
        if line.trim_end() == "+++" {
            closed = true;
            break;
        }
        front_len += line.len();
    }
    if !closed {
        return Err(vec![problem(
            1,
            "front matter opened with `+++` is never closed".into(),
        )]);
    }
    let front_src = &text[start..start + front_len];
    let after_close = start + front_len;
    let body_start = text[after_close..]
        .find('\n')
        .map_or(text.len(), |i| after_close + i + 1);
    let body_markdown = text[body_start..].to_string();

    let front: FrontMatter = toml::from_str(front_src).map_err(|e| {
        // Line 1 is the opening `+++`, so front matter line N is file line N + 1.
        let line = e
            .span()
            .map_or(1, |span| front_src[..span.start].matches('\n').count() + 2);
        vec![problem(line, e.message().trim_end().to_string())]
    })?;

    let mut problems = Vec::new();
    let key = |k: &str| key_line(text, k);
    if front.id.trim().is_empty() {
        problems.push(problem(key("id"), "`id` must not be empty".into()));
    } else if !front
        .id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        problems.push(problem(
            key("id"),
            format!("id `{}` may only hold a-z, 0-9 and `-`", front.id),
        ));
    }
    if front.title.trim().is_empty() {
        problems.push(problem(key("title"), "`title` must not be empty".into()));
    }
    if front.category.trim().is_empty() {
        problems.push(problem(
            key("category"),
            "`category` must not be empty".into(),
        ));
    }
    for pattern in &front.contexts {
        if let Err(why) = check_route_pattern(pattern) {
            problems.push(problem(
                key("contexts"),
                format!("bad route pattern `{pattern}`: {why}"),
            ));
        }
    }
    let video_seconds = match &front.video {
        None => None,
        Some(video) => {
            if !video.url.starts_with("https://") {
                problems.push(problem(
                    key("video"),
                    format!("video url `{}` must start with https://", video.url),
                ));
            }
            match parse_duration(&video.duration) {
                Some(s) => Some(s),
                None => {
                    problems.push(problem(
                        key("video"),
                        format!(
                            "video duration `{}` must look like 3:45 or 1:02:03",
                            video.duration
                        ),
                    ));
                    None
                }
            }
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Article {
        path: path.to_path_buf(),
        locale: locale.to_string(),
        body_text: plain_text(&body_markdown),
        video_seconds,
        body_line: line_count + 1,
        front,
        body_markdown,
        body_html: String::new(),
    })
}

/// Why a `contexts` entry is not a usable route pattern.
pub fn check_route_pattern(pattern: &str) -> Result<(), &'static str> {
    if !pattern.starts_with('/') {
        return Err("a route starts with `/`");
    }
    if pattern
        .chars()
        .any(|c| c.is_whitespace() || c == '?' || c == '#')
    {
        return Err("a route has no spaces, `?` or `#`");
    }
    if pattern.contains("//") {
        return Err("a route has no empty segment `//`");
    }
    let star = pattern.find('*');
    if star.is_some() && !(pattern.ends_with("/*") && star == Some(pattern.len() - 1)) {
        return Err("`*` may only stand as the last segment, as in `/reports/*`");
    }
    Ok(())
}

fn parse_duration(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().skip(1).any(|p| p.len() != 2) {
        return None;
    }
    let mut seconds = 0u32;
    for (i, part) in parts.iter().enumerate() {
        let value: u32 = part.parse().ok()?;
        if i > 0 && value >= 60 {
            return None;
        }
        seconds = seconds.checked_mul(60)?.checked_add(value)?;
    }
    Some(seconds)
}

/// The 1-based line on which `key = …` appears in the front matter, or 1.
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

fn check_ids(content: &Content, problems: &mut Vec<Problem>) {
    let mut first_by_key: HashMap<(&str, &str), &Article> = HashMap::new();
    for article in &content.articles {
        let key = (article.locale.as_str(), article.front.id.as_str());
        match first_by_key.get(&key) {
            Some(first) => problems.push(Problem {
                path: article.path.clone(),
                line: Some(key_line_of(article, "id")),
                message: format!(
                    "duplicate article id `{}`, already used by {}",
                    article.front.id,
                    first.path.display()
                ),
            }),
            None => {
                first_by_key.insert(key, article);
            }
        }
    }
    let has_fallback = content.articles.iter().any(|a| a.locale == FALLBACK_LOCALE);
    for article in content
        .articles
        .iter()
        .filter(|a| a.locale != FALLBACK_LOCALE && has_fallback)
    {
        if !first_by_key.contains_key(&(FALLBACK_LOCALE, article.front.id.as_str())) {
            problems.push(Problem {
                path: article.path.clone(),
                line: Some(key_line_of(article, "id")),
                message: format!(
                    "translation of `{}`, which has no {FALLBACK_LOCALE} article; translations share the English article's id",
                    article.front.id
                ),
            });
        }
    }
}

fn key_line_of(article: &Article, key: &str) -> usize {
    std::fs::read_to_string(&article.path).map_or(1, |text| key_line(&text, key))
}

/// Renders every body to sanitized HTML, resolving and checking links.
pub(crate) fn render_bodies(content: &mut Content, problems: &mut Vec<Problem>) {
    let ids: BTreeMap<(String, String), ()> = content
        .articles
        .iter()
        .map(|a| ((a.locale.clone(), a.front.id.clone()), ()))
        .collect();
    let by_path: HashMap<PathBuf, String> = content
        .articles
        .iter()
        .map(|a| {
            (
                a.path.canonicalize().unwrap_or_else(|_| a.path.clone()),
                a.front.id.clone(),
            )
        })
        .collect();
    let sanitizer = sanitizer();
    for article in &mut content.articles {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(
                article
                    .body_markdown
                    .match_indices('\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        let mut link_problems = Vec::new();
        let events: Vec<Event<'_>> = Parser::new_ext(&article.body_markdown, markdown_options())
            .into_offset_iter()
            .map(|(event, range)| match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let line =
                        article.body_line + line_starts.partition_point(|&s| s <= range.start) - 1;
                    let dest = resolve_link(&dest_url, article, &ids, &by_path).unwrap_or_else(
                        |message| {
                            link_problems.push(Problem {
                                path: article.path.clone(),
                                line: Some(line),
                                message,
                            });
                            dest_url.to_string()
                        },
                    );
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url: CowStr::from(dest),
                        title,
                        id,
                    })
                }
                other => other,
            })
            .collect();
        problems.append(&mut link_problems);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        article.body_html = sanitizer.clean(&html).to_string();
    }
}

/// Where an article's link goes: other articles become `#article:ID`,
/// which the widget opens in place; everything else is left as written.
fn resolve_link(
    dest: &str,
    article: &Article,
    ids: &BTreeMap<(String, String), ()>,
    by_path: &HashMap<PathBuf, String>,
) -> Result<String, String> {
    let known = |id: &str| {
        ids.contains_key(&(article.locale.clone(), id.to_string()))
            || ids.contains_key(&(FALLBACK_LOCALE.to_string(), id.to_string()))
    };
    if let Some(id) = dest.strip_prefix("article:") {
        return if known(id) {
            Ok(format!("#article:{id}"))
        } else {
            Err(format!("link to missing article `{id}`"))
        };
    }
    let is_external = dest.contains("://")
        || dest.starts_with("mailto:")
        || dest.starts_with("tel:")
        || dest.starts_with('#');
    let (file, fragment) = dest.split_once('#').unwrap_or((dest, ""));
    if !is_external && file.ends_with(".md") {
        let target = article.path.parent().unwrap_or(Path::new(".")).join(file);
        let target = target.canonicalize().unwrap_or(target);
        return match by_path.get(&target) {
            Some(id) if fragment.is_empty() => Ok(format!("#article:{id}")),
            Some(id) => Ok(format!("#article:{id}#{fragment}")),
            None => Err(format!("link to missing article file `{file}`")),
        };
    }
    Ok(dest.to_string())
}

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// The HTML sanitizer for article bodies: no scripts, no event handlers,
/// no inline styles, no `javascript:` or `data:` URLs, no frames or forms.
pub fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .rm_tags(["img"])
        .add_tags(["img"])
        .add_tag_attributes("img", ["src", "alt", "width", "height"]);
    // ammonia keeps `cite` on quotes and edits without checking its scheme,
    // so `javascript:` would pass there; readers never see it anyway.
    for tag in ["blockquote", "q", "del", "ins"] {
        builder.rm_tag_attributes(tag, ["cite"]);
    }
    builder
}

/// The readable text of a Markdown document, blocks separated by newlines.
fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\nid = \"site-id\"\ntitle = \"Find your Site ID\"\ncategory = \"account\"\ncontexts = [\"/account\"]\n+++\n# Heading\n\nYour **SID** is on the `account` page.\n";

    fn first_problem(text: &str) -> String {
        parse_article(Path::new("x/a.md"), "en", text).unwrap_err()[0].to_string()
    }

    #[test]
    fn parses_front_matter_and_body() {
        let article = parse_article(Path::new("a.md"), "en", GOOD).unwrap();
        assert_eq!(article.front.id, "site-id");
        assert_eq!(article.front.visibility, Visibility::Public);
        assert_eq!(article.body_line, 7);
        assert_eq!(
            article.body_text,
            "Heading\nYour SID is on the account page.\n"
        );
    }

    #[test]
    fn unknown_key_names_file_and_line() {
        let text = GOOD.replace("contexts", "colour = 1\ncontexts");
        assert!(
            first_problem(&text).starts_with("x/a.md:5: unknown field `colour`"),
            "{}",
            first_problem(&text)
        );
    }

    #[test]
    fn missing_title_is_a_problem() {
        let text = GOOD.replace("title = \"Find your Site ID\"\n", "");
        assert!(first_problem(&text).contains("missing field `title`"));
        let blank = GOOD.replace("\"Find your Site ID\"", "\"  \"");
        assert_eq!(first_problem(&blank), "x/a.md:3: `title` must not be empty");
    }

    #[test]
    fn missing_front_matter_is_a_problem_on_line_one() {
        assert_eq!(
            first_problem("# Just markdown\n"),
            "x/a.md:1: expected front matter opening with a `+++` line"
        );
        assert!(first_problem("+++\nid = \"x\"\n").contains("never closed"));
    }

    #[test]
    fn route_patterns_are_checked() {
        assert!(check_route_pattern("/reports/*").is_ok());
        assert!(check_route_pattern("/links/deep-link").is_ok());
        assert!(check_route_pattern("/").is_ok());
        for bad in ["reports", "/reports*", "/a/*/b", "/a b", "/a?x=1", "/a//b"] {
            assert!(check_route_pattern(bad).is_err(), "{bad}");
        }
        let text = GOOD.replace("[\"/account\"]", "[\"/account\", \"account/*\"]");
        assert_eq!(
            first_problem(&text),
            "x/a.md:5: bad route pattern `account/*`: a route starts with `/`"
        );
    }

    #[test]
    fn video_and_dates_are_read() {
        let text = GOOD.replace(
            "contexts",
            "updated = 2026-10-14\nvideo = { url = \"https://videos.example.com/a.mp4\", duration = \"3:45\" }\ncontexts",
        );
        let article = parse_article(Path::new("a.md"), "en", &text).unwrap();
        assert_eq!(article.video_seconds, Some(225));
        assert_eq!(article.front.updated.unwrap().to_string(), "2026-10-14");
        let bad = text.replace("3:45", "three minutes");
        assert!(first_problem(&bad).contains("video duration `three minutes`"));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("0:59"), Some(59));
        assert_eq!(parse_duration("1:02:03"), Some(3723));
        assert_eq!(parse_duration("1:60"), None);
        assert_eq!(parse_duration("90"), None);
    }

    #[test]
    fn sanitizer_removes_script_handlers_styles_and_bad_urls() {
        let dirty = r#"<p style="color:red" onclick="x()">hi</p><script>alert(1)</script><a href="javascript:alert(1)">a</a><a href="https://example.com">b</a><img src="data:image/png;base64,AAAA" onerror="x()"><iframe src="https://e.com"></iframe>"#;
        let clean = sanitizer().clean(dirty).to_string();
        for bad in [
            "style",
            "onclick",
            "<script",
            "javascript:",
            "data:",
            "onerror",
            "<iframe",
        ] {
            assert!(!clean.contains(bad), "{bad} survived: {clean}");
        }
        assert!(
            clean.contains(r#"<a href="https://example.com" rel="noopener noreferrer">b</a>"#),
            "{clean}"
        );
        let quote = sanitizer()
            .clean(r#"<blockquote cite="javascript:alert(1)">q</blockquote>"#)
            .to_string();
        assert_eq!(quote, "<blockquote>q</blockquote>");
    }
}
