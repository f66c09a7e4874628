//! Reading a help-center content folder: front matter and Markdown.

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Parser, TagEnd};
use serde::Deserialize;

/// Why a content folder could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    /// A file or folder could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// What was being read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An article's front matter is missing or invalid.
    #[error("{}:{line}: {message}", path.display())]
    FrontMatter {
        /// The article file.
        path: PathBuf,
        /// The 1-based line the problem is on.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Two articles of one locale share an id.
    #[error("{}:{line}: duplicate article id `{id}`, already used by {}", path.display(), first.display())]
    DuplicateId {
        /// The id used twice.
        id: String,
        /// The second file to use it.
        path: PathBuf,
        /// The line of its `id` key.
        line: usize,
        /// The first file to use it.
        first: PathBuf,
    },
    /// The folder holds no articles at all.
    #[error("{}: no articles found (expected articles/<locale>/*.md)", path.display())]
    Empty {
        /// The content folder.
        path: PathBuf,
    },
}

/// The TOML front matter of an article, between `+++` lines.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
    #[serde(default)]
    pub category: String,
    /// Search keywords beyond the title.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Dashboard route patterns where the article is relevant.
    pub contexts: Vec<String>,
}

/// One article, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The file it came from.
    pub path: PathBuf,
    /// Its locale tag, from the folder it is in.
    pub locale: String,
    /// Its front matter.
    pub front: FrontMatter,
    /// The Markdown body, after the front matter.
    pub body_markdown: String,
    /// The body as plain text, for indexing.
    pub body_text: String,
}

/// Everything in a content folder.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Every article, ordered by locale and then file name.
    pub articles: Vec<Article>,
}

/// Reads every `articles/<locale>/*.md` under `dir`.
pub fn load_content(dir: &Path) -> Result<Content, ContentError> {
    let articles_dir = dir.join("articles");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ContentError::Io { path, source }
    };
    let mut locales: Vec<PathBuf> = std::fs::read_dir(&articles_dir)
        .map_err(io(&articles_dir))?
        .map(|entry| entry.map(|e| e.path()).map_err(io(&articles_dir)))
        .collect::<Result<_, _>>()?;
    locales.retain(|p| p.is_dir());
    locales.sort();

    let mut content = Content::default();
    for locale_dir in locales {
        let locale = locale_dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&locale_dir)
            .map_err(io(&locale_dir))?
            .map(|entry| entry.map(|e| e.path()).map_err(io(&locale_dir)))
            .collect::<Result<_, _>>()?;
        files.retain(|p| p.extension().is_some_and(|e| e == "md"));
        files.sort();
        let first_of_locale = content.articles.len();
        for path in files {
            let text = std::fs::read_to_string(&path).map_err(io(&path))?;
            let article = parse_article(&path, &locale, &text)?;
            if let Some(first) = content.articles[first_of_locale..]
                .iter()
                .find(|a| a.front.id == article.front.id)
            {
                return Err(ContentError::DuplicateId {
                    id: article.front.id.clone(),
                    line: key_line(&text, "id"),
                    path,
                    first: first.path.clone(),
                });
            }
            content.articles.push(article);
        }
    }
    if content.articles.is_empty() {
        return Err(ContentError::Empty { path: dir.to_path_buf() });
    }
    Ok(content)
}

/// Parses one article file's text. `path` is only used in errors.
pub fn parse_article(path: &Path, locale: &str, text: &str) -> Result<Article, ContentError> {
    let error = |line: usize, message: String| ContentError::FrontMatter {
        path: path.to_path_buf(),
        line,
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("+++") {
        return Err(error(1, "expected front matter opening with a `+++` line".into()));
    }
    let mut front_len = 0;
    let mut closed = false;
    for line in lines.by_ref() {
        if line.trim_end() == "+++" {
            closed = true;
            break;
        }
        front_len += line.len();
    }
    if !closed {
        return Err(error(1, "front matter opened with `+++` is never closed".into()));
    }
    let start = text.find('\n').map_or(text.len(), |i| i + 1);
    let front_src = &text[start..start + front_len];
    let body_start = (start + front_len + text[start + front_len..].find('\n').map_or(0, |i| i + 1))
        .min(text.len());
    let body_markdown = text[body_start..].to_string();

    let front: FrontMatter = toml::from_str(front_src).map_err(|e| {
        // Line 1 is the opening `+++`, so front matter line N is file line N + 1.
        let line = e.span().map_or(1, |span| front_src[..span.start].matches('\n').count() + 2);
        error(line, e.message().to_string())
    })?;
    if front.id.trim().is_empty() {
        return Err(error(key_line(text, "id"), "`id` must not be empty".into()));
    }
    if front.title.trim().is_empty() {
        return Err(error(key_line(text, "title"), "`title` must not be empty".into()));
    }
    if let Some(bad) = front.contexts.iter().find(|c| !c.starts_with('/')) {
        return Err(error(
            key_line(text, "contexts"),
            format!("context `{bad}` must be a dashboard route starting with `/`"),
        ));
    }
    Ok(Article {
        path: path.to_path_buf(),
        locale: locale.to_string(),
        body_text: plain_text(&body_markdown),
        front,
        body_markdown,
    })
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

/// The readable text of a Markdown document, blocks separated by newlines.
fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\nid = \"site-id\"\ntitle = \"Find your Site ID\"\ncontexts = [\"/account\"]\n+++\n# Heading\n\nYour **SID** is on the `account` page.\n";

    #[test]
    fn parses_front_matter_and_body() {
        let article = parse_article(Path::new("a.md"), "en", GOOD).unwrap();
        assert_eq!(article.front.id, "site-id");
        assert_eq!(article.front.contexts, ["/account"]);
        assert!(article.body_markdown.starts_with("# Heading"));
        assert_eq!(article.body_text, "Heading\nYour SID is on the account page.\n");
    }

    #[test]
    fn unknown_key_names_file_and_line() {
        let text = GOOD.replace("contexts", "colour = 1\ncontexts");
        let err = parse_article(Path::new("x/a.md"), "en", &text).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("x/a.md:4: unknown field `colour`"), "{message}");
    }

    #[test]
    fn missing_required_key_is_an_error() {
        let text = GOOD.replace("title = \"Find your Site ID\"\n", "");
        let message = parse_article(Path::new("a.md"), "en", &text).unwrap_err().to_string();
        assert!(message.contains("missing field `title`"), "{message}");
    }

    #[test]
    fn missing_front_matter_is_an_error_on_line_one() {
        let message = parse_article(Path::new("a.md"), "en", "# Just markdown\n").unwrap_err().to_string();
        assert_eq!(message, "a.md:1: expected front matter opening with a `+++` line");
        let unclosed = parse_article(Path::new("a.md"), "en", "+++\nid = \"x\"\n").unwrap_err();
        assert!(unclosed.to_string().contains("never closed"));
    }

    #[test]
    fn relative_context_is_refused_with_its_line() {
        let text = GOOD.replace("[\"/account\"]", "[\"account\"]");
        let message = parse_article(Path::new("a.md"), "en", &text).unwrap_err().to_string();
        assert!(message.starts_with("a.md:4: context `account`"), "{message}");
    }
}
