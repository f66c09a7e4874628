//! The widget's UI strings as a help center may give them: the `[strings]`
//! tables of `support.toml`, one per locale, that override or add to the
//! widget's built-in words.
//!
//! [`UI_STRINGS`] is the contract between the three sides: the builder
//! refuses a key it does not list and a template whose `{}` count differs
//! ([`check_string`]), the widget has a string for every key, and the
//! content README documents each (all three tested). [`UiStrings::layers`]
//! decides which tables apply to a reader, so the widget holds no rule.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::template::PLACEHOLDER;

/// One string of the widget's UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UiString {
    /// Its key in `[strings.<locale>]`.
    pub key: &'static str,
    /// What each of its `{}` placeholders stands for, in order; empty for
    /// plain text.
    pub args: &'static [&'static str],
}

const fn text(key: &'static str) -> UiString {
    UiString { key, args: &[] }
}

const fn template(key: &'static str, args: &'static [&'static str]) -> UiString {
    UiString { key, args }
}

/// Every string the widget shows, by key.
pub const UI_STRINGS: &[UiString] = &[
    text("help"),
    text("close"),
    text("back"),
    text("search_placeholder"),
    text("suggested"),
    text("searching"),
    text("one_result"),
    template("results", &["the number of articles"]),
    template("no_results", &["what was typed"]),
    text("show_more"),
    text("unavailable"),
    text("retry"),
    text("contact_support"),
    text("sign_in_to_read"),
    text("not_found"),
    text("not_found_text"),
    template("watch_video", &["the video's length"]),
    template("updated", &["the date"]),
    text("open_in_help_center"),
    text("on_this_page"),
    text("helpful"),
    text("yes"),
    text("no"),
    text("comment"),
    text("send"),
    text("thanks"),
    template("found_helpful", &["the yes votes", "all votes"]),
    text("phone_hours"),
    template("open_now", &["the closing time", "the time until then"]),
    template("closed", &["the opening time"]),
    text("closed_for_now"),
    template(
        "week_hours",
        &["the days", "the opening time", "the closing time"],
    ),
    text("every_day"),
    template("phone_language", &["the language"]),
    text("tomorrow"),
    text("time_zone"),
    text("region"),
    template("languages", &["the languages"]),
    text("toll_free"),
    template("then_option", &["the keypad option"]),
    text("copy"),
    text("copied"),
    text("example_contact"),
    text("your_sid"),
    text("sid_why"),
    text("sid_unknown"),
    text("email_support"),
    text("copy_details"),
    template("safe_senders", &["the domain"]),
    template("closure", &["the date", "the reason"]),
    text("voted_yes"),
    text("voted_no"),
    text("change_vote"),
    text("missing"),
    text("still_stuck"),
    template("closed_today", &["the reason", "the opening time"]),
    template("closed_for", &["the reason", "the opening time"]),
    template("tomorrow_at", &["the time"]),
    template("at_time", &["the time"]),
    text("time_zone_search"),
    template("time_zone_count", &["the number of zones"]),
    text("email_subject"),
    template("email_subject_sid", &["the SID"]),
    template("email_sid", &["the SID"]),
    text("email_no_sid"),
    template("email_browser", &["the browser"]),
    template("email_os", &["the operating system"]),
    template("email_page", &["the page's address"]),
    template("email_time", &["the time"]),
    text("email_steps"),
    text("email_error"),
    text("email_screenshot"),
    template("written_in", &["the language"]),
    // Recent searches and articles, and the image viewer (issue 11).
    text("recent_searches"),
    text("recently_read"),
    text("clear"),
    text("clear_recent_searches"),
    text("clear_recently_read"),
    template("view_image", &["the image's description"]),
    text("close_image"),
    // Browsing by category and related articles (issue 11).
    text("browse_categories"),
    text("one_article"),
    template("articles", &["the number of articles"]),
    text("show_more_articles"),
    text("category"),
    text("related_articles"),
];

/// The UI string `key`, if there is one.
pub fn ui_string(key: &str) -> Option<&'static UiString> {
    UI_STRINGS.iter().find(|s| s.key == key)
}

/// Why a `[strings]` entry is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StringProblem {
    /// No UI string has this key.
    #[error("unknown UI string `{key}`{}", suggestion(key))]
    UnknownKey {
        /// The key given.
        key: String,
    },
    /// The text has another number of `{}` than the string takes.
    #[error(
        "`{key}` takes {} `{{}}` ({}), found {found}",
        expected.len(),
        if expected.is_empty() { "it is plain text".to_string() } else { expected.join(", then ") }
    )]
    Placeholders {
        /// The key.
        key: &'static str,
        /// What each placeholder it takes stands for.
        expected: &'static [&'static str],
        /// How many `{}` the text has.
        found: usize,
    },
    /// The text is empty or only spaces.
    #[error("`{key}` is empty")]
    Empty {
        /// The key.
        key: &'static str,
    },
}

/// ` (did you mean `x`?)` for a key one edit (a letter added, dropped,
/// changed, or two swapped) from a known one, else nothing.
fn suggestion(key: &str) -> String {
    let close = |known: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (key.chars().collect(), known.chars().collect());
        let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let suffix = a[prefix..]
            .iter()
            .rev()
            .zip(b[prefix..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        let (a, b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
        a.len().max(b.len()) <= 1 || (a.len() == 2 && b.len() == 2 && a[0] == b[1] && a[1] == b[0])
    };
    UI_STRINGS
        .iter()
        .find(|s| close(s.key))
        .map(|s| format!(" (did you mean `{}`?)", s.key))
        .unwrap_or_default()
}

/// Checks one `[strings]` entry: a known key, not empty, with exactly the
/// placeholders its string takes (a missing `{}` would drop a number or a
/// time from the sentence; a `{n}` is not a placeholder).
pub fn check_string(key: &str, text: &str) -> Result<(), StringProblem> {
    let string = ui_string(key).ok_or_else(|| StringProblem::UnknownKey {
        key: key.to_string(),
    })?;
    if text.trim().is_empty() {
        return Err(StringProblem::Empty { key: string.key });
    }
    let found = text.matches(PLACEHOLDER).count();
    if found != string.args.len() {
        return Err(StringProblem::Placeholders {
            key: string.key,
            expected: string.args,
            found,
        });
    }
    Ok(())
}

/// The base language of a locale tag, lowercased: `es` for `es-MX` or
/// `ES_mx`.
pub fn base_language(tag: &str) -> String {
    let base = tag.split(['-', '_']).next().unwrap_or_default();
    base.to_ascii_lowercase()
}

/// A help center's UI strings: by locale tag, by key, the text. Shown as
/// text, never as markup.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UiStrings(pub BTreeMap<String, BTreeMap<String, String>>);

impl UiStrings {
    /// Whether no locale has a string.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(BTreeMap::is_empty)
    }

    /// The tables that apply to a reader of `locale` over the widget's
    /// built-in table for `table_locale` (the one it picked: the reader's
    /// language, else its base language, else English), to apply in order,
    /// each over the one before: the table's language when it is not the
    /// reader's (so `[strings.en]` reaches a Spanish reader the widget
    /// shows English), then the reader's base language, then the reader's
    /// locale. `es-MX` over English: `en`, `es`, `es-MX`; `fr-CA` over
    /// French: `fr`, `fr-CA`. Tags compare ignoring case and `_` for `-`.
    pub fn layers(
        &self,
        locale: &str,
        table_locale: &str,
    ) -> Vec<(&str, &BTreeMap<String, String>)> {
        let norm = |tag: &str| tag.replace('_', "-").to_ascii_lowercase();
        let base = base_language;
        let mut wanted = Vec::new();
        if base(table_locale) != base(locale) {
            wanted.push(base(table_locale));
        }
        wanted.push(base(locale));
        wanted.push(norm(locale));
        wanted.dedup();
        wanted
            .iter()
            .filter_map(|tag| {
                self.0
                    .iter()
                    .find(|(t, _)| norm(t) == *tag)
                    .map(|(t, table)| (t.as_str(), table))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_listed_once() {
        let mut keys: Vec<&str> = UI_STRINGS.iter().map(|s| s.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), UI_STRINGS.len());
    }

    #[test]
    fn entries_need_a_known_key_and_the_same_placeholders() {
        assert_eq!(check_string("search_placeholder", "Buscar"), Ok(()));
        assert_eq!(check_string("results", "{} artículos"), Ok(()));
        assert_eq!(
            check_string("serch_placeholder", "Buscar")
                .unwrap_err()
                .to_string(),
            "unknown UI string `serch_placeholder` (did you mean `search_placeholder`?)"
        );
        assert_eq!(
            check_string("hepl", "Aiuto").unwrap_err().to_string(),
            "unknown UI string `hepl` (did you mean `help`?)"
        );
        assert_eq!(
            check_string("colour", "x").unwrap_err().to_string(),
            "unknown UI string `colour`"
        );
        assert_eq!(
            check_string("results", "{n} artículos")
                .unwrap_err()
                .to_string(),
            "`results` takes 1 `{}` (the number of articles), found 0"
        );
        assert_eq!(
            check_string("open_now", "Abierto hasta las {}")
                .unwrap_err()
                .to_string(),
            "`open_now` takes 2 `{}` (the closing time, then the time until then), found 1"
        );
        assert_eq!(
            check_string("retry", "Reintentar {}")
                .unwrap_err()
                .to_string(),
            "`retry` takes 0 `{}` (it is plain text), found 1"
        );
        assert_eq!(
            check_string("retry", "  ").unwrap_err().to_string(),
            "`retry` is empty"
        );
    }

    fn sample() -> UiStrings {
        let table = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        UiStrings(BTreeMap::from([
            ("en".to_string(), table(&[("help", "Support")])),
            ("es".to_string(), table(&[("search_placeholder", "Buscar")])),
            ("es-MX".to_string(), table(&[("help", "Ayuda")])),
            ("fr-CA".to_string(), table(&[("send", "Soumettre")])),
        ]))
    }

    fn tags(layers: Vec<(&str, &BTreeMap<String, String>)>) -> Vec<String> {
        layers.into_iter().map(|(t, _)| t.to_string()).collect()
    }

    #[test]
    fn a_reader_gets_the_tables_of_their_language_over_the_built_in_one() {
        let strings = sample();
        assert_eq!(tags(strings.layers("es-MX", "en")), ["en", "es", "es-MX"]);
        assert_eq!(tags(strings.layers("es_mx", "en")), ["en", "es", "es-MX"]);
        assert_eq!(tags(strings.layers("es", "en")), ["en", "es"]);
        assert_eq!(tags(strings.layers("en-GB", "en")), ["en"]);
        // English overrides never reach a reader the widget speaks French to.
        assert_eq!(tags(strings.layers("fr-CA", "fr")), ["fr-CA"]);
        assert_eq!(tags(strings.layers("fr", "fr")), Vec::<String>::new());
        assert_eq!(tags(strings.layers("pl", "en")), ["en"]);
        assert!(!strings.is_empty());
        assert!(UiStrings::default().is_empty());
    }
}
