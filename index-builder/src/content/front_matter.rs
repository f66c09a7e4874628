//! An article's TOML front matter, between `+++` lines: its fields, where
//! it ends, and the checks serde cannot make (ids, routes, videos).

use std::path::Path;

use serde::Deserialize;

use help_core::format::reserved::{MAX_WEIGHT, MIN_WEIGHT};

use crate::diagnostics::Problem;

/// The category whose articles are suggested when no context matches.
pub const GETTING_STARTED: &str = "getting-started";

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

/// The votes an article starts with, as the importer writes them: the
/// first "N out of M found this helpful", which the feedback server's
/// votes add to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VotesSpec {
    /// Readers who found it helpful.
    pub helpful: u32,
    /// Readers who voted, `helpful` included.
    pub total: u32,
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
    /// The votes it starts with, such as those of another help center.
    #[serde(default)]
    pub votes: Option<VotesSpec>,
    /// Its place among the suggestions for a page: among articles whose
    /// `contexts` match the page equally specifically, higher weights come
    /// first. An integer from -100 to 100; default 0.
    #[serde(default)]
    pub weight: i32,
}

fn public() -> Visibility {
    Visibility::Public
}

/// An article file's text cut at its front matter.
pub(super) struct Split<'a> {
    /// The TOML between the `+++` lines.
    pub front: &'a str,
    /// The Markdown after the closing `+++` line.
    pub body: &'a str,
    /// The 1-based line the body starts on.
    pub body_line: usize,
}

/// Finds the front matter of `text` (already without a byte order mark).
pub(super) fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Problem> {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("+++") {
        return Err(Problem::line(
            path,
            1,
            "expected front matter opening with a `+++` line",
        ));
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
        return Err(Problem::line(
            path,
            1,
            "front matter opened with `+++` is never closed",
        ));
    }
    let after_close = start + front_len;
    let body_start = text[after_close..]
        .find('\n')
        .map_or(text.len(), |i| after_close + i + 1);
    Ok(Split {
        front: &text[start..after_close],
        body: &text[body_start..],
        body_line: line_count + 1,
    })
}

/// One front-matter key: its name, whether an article must have it, a
/// check that its value has the right type, and, for a required key, a
/// valid stand-in used to go on checking the rest when its own value is
/// wrong or missing.
struct Key {
    name: &'static str,
    typed: fn(&toml::Value) -> Result<(), String>,
    stand_in: Option<fn() -> toml::Value>,
}

/// Whether `value` reads as a `T`, with serde's message if not.
fn typed<T: serde::de::DeserializeOwned>(value: &toml::Value) -> Result<(), String> {
    value
        .clone()
        .try_into::<T>()
        .map(|_| ())
        .map_err(|e| e.message().trim_end().to_string())
}

/// Whether `value` is a TOML date or time; through `toml::Value` a
/// datetime does not deserialize as one, so it is asked directly.
fn a_datetime(value: &toml::Value) -> Result<(), String> {
    if value.is_datetime() {
        Ok(())
    } else {
        typed::<toml::value::Datetime>(value)
    }
}

fn a_word() -> toml::Value {
    toml::Value::String("x".into())
}

fn no_routes() -> toml::Value {
    toml::Value::Array(Vec::new())
}

/// Every key of [`FrontMatter`], in its order.
const KEYS: [Key; 11] = [
    Key {
        name: "id",
        typed: typed::<String>,
        stand_in: Some(a_word),
    },
    Key {
        name: "title",
        typed: typed::<String>,
        stand_in: Some(a_word),
    },
    Key {
        name: "summary",
        typed: typed::<String>,
        stand_in: None,
    },
    Key {
        name: "category",
        typed: typed::<String>,
        stand_in: Some(a_word),
    },
    Key {
        name: "tags",
        typed: typed::<Vec<String>>,
        stand_in: None,
    },
    Key {
        name: "contexts",
        typed: typed::<Vec<String>>,
        stand_in: Some(no_routes),
    },
    Key {
        name: "visibility",
        typed: typed::<Visibility>,
        stand_in: None,
    },
    Key {
        name: "video",
        typed: typed::<VideoSpec>,
        stand_in: None,
    },
    Key {
        name: "updated",
        typed: a_datetime,
        stand_in: None,
    },
    Key {
        name: "votes",
        typed: typed::<VotesSpec>,
        stand_in: None,
    },
    Key {
        name: "weight",
        typed: typed::<i32>,
        stand_in: None,
    },
];

/// Reads the front matter and checks it: `text` is the whole file, to name
/// the line of each problem. Every problem is reported, not only the first:
/// each key is read on its own, and a key that is wrong or missing is
/// stood in for so that the checks of the others still run. Only a TOML
/// syntax error stops at once. Returns the front matter and the video's
/// length in seconds, if it has a video.
pub(super) fn read(
    path: &Path,
    text: &str,
    front: &str,
) -> Result<(FrontMatter, Option<u32>), Vec<Problem>> {
    let mut table: toml::Table = toml::from_str(front).map_err(|e| {
        // Line 1 is the opening `+++`, so front matter line N is file line N + 1.
        let line = e
            .span()
            .map_or(1, |span| front[..span.start].matches('\n').count() + 2);
        vec![Problem::line(path, line, e.message().trim_end())]
    })?;
    let mut problems = Vec::new();
    let known: Vec<String> = KEYS.iter().map(|k| format!("`{}`", k.name)).collect();
    table.retain(|key, _| {
        let is_known = KEYS.iter().any(|k| k.name == key);
        if !is_known {
            problems.push(Problem::line(
                path,
                key_line(text, key),
                format!(
                    "unknown field `{key}`, expected one of {}",
                    known.join(", ")
                ),
            ));
        }
        is_known
    });
    for key in &KEYS {
        match table.get(key.name).map(key.typed) {
            Some(Ok(())) => continue,
            Some(Err(message)) => {
                problems.push(Problem::line(path, key_line(text, key.name), message));
                table.remove(key.name);
            }
            // The first line of the front matter, as serde would say.
            None if key.stand_in.is_some() => problems.push(Problem::line(
                path,
                2,
                format!("missing field `{}`", key.name),
            )),
            None => continue,
        }
        // A required key stands in, so the checks of the others still run.
        if let Some(stand_in) = key.stand_in {
            table.insert(key.name.to_string(), stand_in());
        }
    }
    // Every key now reads on its own, so the table reads as a whole; a
    // datetime does not pass through `toml::Value` as one, so it is moved.
    let updated = table
        .remove("updated")
        .and_then(|v| v.as_datetime().copied());
    let mut matter: FrontMatter = toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| vec![Problem::line(path, 2, e.message().trim_end())])?;
    matter.updated = updated;
    match (check(path, text, &matter), problems.is_empty()) {
        (Ok(video), true) => Ok((matter, video)),
        (Ok(_), false) => Err(problems),
        (Err(mut found), _) => {
            problems.append(&mut found);
            Err(problems)
        }
    }
}

/// Checks what serde cannot: `text` is the whole file, to name the line of
/// each key. Returns the video's length in seconds, if there is a video.
fn check(path: &Path, text: &str, front: &FrontMatter) -> Result<Option<u32>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut problem = |key: &str, message: String| {
        problems.push(Problem::line(path, key_line(text, key), message));
    };
    if front.id.trim().is_empty() {
        problem("id", "`id` must not be empty".into());
    } else if !front
        .id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        problem(
            "id",
            format!("id `{}` may only hold a-z, 0-9 and `-`", front.id),
        );
    }
    if front.title.trim().is_empty() {
        problem("title", "`title` must not be empty".into());
    }
    if front.category.trim().is_empty() {
        problem("category", "`category` must not be empty".into());
    }
    for pattern in &front.contexts {
        if let Err(why) = check_route_pattern(pattern) {
            problem("contexts", format!("bad route pattern `{pattern}`: {why}"));
        }
    }
    if let Some(votes) = front.votes
        && votes.helpful > votes.total
    {
        problem(
            "votes",
            format!(
                "votes: {} helpful out of {} is more than voted",
                votes.helpful, votes.total
            ),
        );
    }
    if !(MIN_WEIGHT..=MAX_WEIGHT).contains(&front.weight) {
        problem(
            "weight",
            format!(
                "weight {} is outside {MIN_WEIGHT}..={MAX_WEIGHT}",
                front.weight
            ),
        );
    }
    let video_seconds = match &front.video {
        None => None,
        Some(video) => {
            if !video.url.starts_with("https://") {
                problem(
                    "video",
                    format!("video url `{}` must start with https://", video.url),
                );
            }
            match parse_duration(&video.duration) {
                Some(s) => Some(s),
                None => {
                    problem(
                        "video",
                        format!(
                            "video duration `{}` must look like 3:45 or 1:02:03",
                            video.duration
                        ),
                    );
                    None
                }
            }
        }
    };
    if problems.is_empty() {
        Ok(video_seconds)
    } else {
        Err(problems)
    }
}

/// Why a `contexts` entry is not a usable route pattern.
pub(super) fn check_route_pattern(pattern: &str) -> Result<(), &'static str> {
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
pub(super) fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

/// The id an article file declares, read leniently: the first `id = "…"`
/// line of its front matter, even when the front matter as a whole does
/// not parse. Links to a file that failed are then not also reported.
pub(super) fn declared_id(text: &str) -> Option<String> {
    text.lines()
        .skip(1)
        .take_while(|line| line.trim_end() != "+++")
        .filter(|line| line.trim_start().starts_with("id"))
        .find_map(|line| {
            let table: toml::Table = toml::from_str(line).ok()?;
            table.get("id")?.as_str().map(str::to_string)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_read_one_by_one_are_the_fields_of_the_front_matter() {
        // serde's own list of the struct's fields, from its unknown-key error.
        let err = toml::from_str::<FrontMatter>("zzz = 1").unwrap_err();
        let message = err.message();
        let (_, list) = message.split_once("expected one of ").unwrap();
        let fields: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
        let keys: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
        assert_eq!(keys, fields);
    }

    #[test]
    fn the_declared_id_survives_a_front_matter_that_fails() {
        let text = "+++\ntitle = 3\nid = \"payouts\"\n+++\nbody\n";
        assert_eq!(declared_id(text).as_deref(), Some("payouts"));
        assert_eq!(declared_id("+++\nid = payouts\n+++\n"), None);
        assert_eq!(
            declared_id("+++\ntitle = \"x\"\n+++\nid = \"body\"\n"),
            None
        );
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("0:59"), Some(59));
        assert_eq!(parse_duration("1:02:03"), Some(3723));
        assert_eq!(parse_duration("1:60"), None);
        assert_eq!(parse_duration("90"), None);
    }

    #[test]
    fn the_front_matter_ends_at_the_second_fence() {
        let text = "+++\nid = \"a\"\n+++\nBody\n";
        let split = split(Path::new("a.md"), text).ok().unwrap();
        assert_eq!(split.front, "id = \"a\"\n");
        assert_eq!(split.body, "Body\n");
        assert_eq!(split.body_line, 4);
        assert_eq!(key_line(text, "id"), 2);
        assert_eq!(key_line(text, "title"), 1);
    }
}
