//! One entry as a content file: its locale folder, its id, and its TOML
//! front matter above the Markdown body.

use htmd::HtmlToMarkdown;
use serde::Serialize;

use super::entry::Entry;
use super::markdown::body_markdown;

/// The `contexts` every imported article gets: the dashboard's support page.
pub const DEFAULT_CONTEXT: &str = "/support";

/// The longest slug taken from a title, in bytes, before the id prefix.
const MAX_SLUG_LEN: usize = 60;

/// Our locale for a Zendesk locale, if we have it.
pub(super) fn map_locale(zendesk: &str) -> Option<&'static str> {
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
pub(super) fn article_id(zendesk_id: u64, title: &str) -> String {
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
    #[serde(skip_serializing_if = "Option::is_none")]
    votes: Option<Votes>,
}

/// `votes = { helpful, total }`, as [`VotesSpec`](crate::VotesSpec) reads it.
#[derive(Serialize)]
struct Votes {
    helpful: u64,
    total: u64,
}

/// The category of an article whose section has no name.
pub(super) fn unnamed_section(section_id: u64) -> String {
    format!("section-{section_id}")
}

/// The content file for one entry, filed under `category`: TOML front
/// matter, then Markdown.
pub(super) fn render_article(
    entry: &Entry,
    id: &str,
    category: String,
    sanitizer: &ammonia::Builder<'_>,
    converter: &HtmlToMarkdown,
) -> String {
    let front = Front {
        id,
        title: &entry.title,
        category,
        tags: &entry.labels,
        contexts: [DEFAULT_CONTEXT],
        visibility: if entry.signed_in {
            "signed-in"
        } else {
            "public"
        },
        updated: entry.updated,
        votes: entry.votes.map(|(helpful, total)| Votes { helpful, total }),
    };
    let front =
        toml::to_string(&front).expect("front matter of strings, arrays and a date serializes");
    let body = body_markdown(&entry.body, sanitizer, converter);
    format!("+++\n{front}+++\n{body}\n")
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
}
