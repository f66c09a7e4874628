//! One article, parsed from its file's text, and the whole content folder
//! in memory.

use std::path::{Path, PathBuf};

use super::front_matter::{self, FrontMatter, Visibility};
use super::render::outline;
use crate::diagnostics::Problem;

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
    /// The body's sections (h2 and h3 headings), in order, each starting
    /// at its heading's text in `body_text`.
    pub sections: Vec<help_core::Section>,
    /// The body rendered to sanitized HTML, links resolved. Filled in by
    /// [`load_content`](crate::load_content) once every article is known.
    pub body_html: String,
    /// The content folder's images the body shows, as they go into the
    /// bundle. Filled in with `body_html`.
    pub images: Vec<super::images::ArticleImage>,
}

/// Everything in a content folder.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Every article, ordered by locale and then file name.
    pub articles: Vec<Article>,
    /// Support hours and contacts, from `support.toml`, if present.
    pub support: Option<help_core::support::SupportData>,
    /// The categories' order and names, from `categories.toml`, if present.
    pub categories: super::categories::Categories,
}

/// What a content folder holds, counted the one way every command reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentCounts {
    /// Articles: distinct ids, each counted once however many
    /// translations it has.
    pub articles: usize,
    /// Article files: an article and each of its translations.
    pub files: usize,
    /// Locales with at least one file.
    pub locales: usize,
    /// Articles only signed-in publishers may read.
    pub signed_in: usize,
}

impl Content {
    /// The counts `check` and `build` both report.
    pub fn counts(&self) -> ContentCounts {
        let ids = |signed_in_only: bool| {
            self.articles
                .iter()
                .filter(|a| !signed_in_only || a.front.visibility == Visibility::SignedIn)
                .map(|a| a.front.id.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        };
        ContentCounts {
            articles: ids(false),
            files: self.articles.len(),
            locales: self.locales().len(),
            signed_in: ids(true),
        }
    }

    /// The locales present, in a stable order.
    pub fn locales(&self) -> Vec<&str> {
        let mut locales: Vec<&str> = self.articles.iter().map(|a| a.locale.as_str()).collect();
        locales.dedup();
        locales
    }
}

/// Parses one article file's text. `path` is used in problems and to
/// resolve relative links.
pub fn parse_article(path: &Path, locale: &str, text: &str) -> Result<Article, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let split = front_matter::split(path, text).map_err(|p| vec![p])?;
    let (front, video_seconds) = front_matter::read(path, text, split.front)?;
    let outline = outline(split.body, split.body_line);
    if !outline.problems.is_empty() {
        return Err(outline
            .problems
            .into_iter()
            .map(|(line, message)| Problem::line(path, line, message))
            .collect());
    }
    Ok(Article {
        path: path.to_path_buf(),
        locale: locale.to_string(),
        sections: outline
            .sections
            .into_iter()
            .map(|s| help_core::Section {
                anchor: s.anchor,
                heading: s.heading,
                level: s.level,
                start: u32::try_from(s.start).unwrap_or(u32::MAX),
            })
            .collect(),
        body_text: outline.text,
        video_seconds,
        body_line: split.body_line,
        front,
        body_markdown: split.body.to_string(),
        body_html: String::new(),
        images: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::{Visibility, check_route_pattern};

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
    fn starting_votes_are_read_and_checked() {
        let text = GOOD.replace("contexts", "votes = { helpful = 2, total = 6 }\ncontexts");
        let article = parse_article(Path::new("a.md"), "en", &text).unwrap();
        let votes = article.front.votes.unwrap();
        assert_eq!((votes.helpful, votes.total), (2, 6));
        let more = text.replace("helpful = 2", "helpful = 7");
        assert!(
            first_problem(&more).contains("votes: 7 helpful out of 6 is more than voted"),
            "{}",
            first_problem(&more)
        );
        let negative = text.replace("helpful = 2", "helpful = -1");
        assert!(
            first_problem(&negative).contains("a.md:5:"),
            "{}",
            first_problem(&negative)
        );
    }
}
