//! The help center's locales: a locale is a language tag, English is the
//! fallback, and which locales are indexed without stemming.

use help_core::Language;

/// The locales the widget has its own UI strings for, in the order the
/// Zendesk import ranks them. A help center may have any other locale
/// [`check_locale_tag`] accepts: `support.toml`'s `[strings]` gives its
/// UI strings, English stands in for those it leaves out.
pub const LOCALES: [&str; 4] = ["en", "fr", "de", "pt-BR"];

/// The fallback locale, which every translation must match by id.
pub const FALLBACK_LOCALE: &str = "en";

/// Whether `tag` is a locale tag as the help center writes them: a
/// language of two or three lowercase letters, then optionally a script
/// (`Latn`) and a region (`BR`, `419`), joined by `-`: `es`, `pt-BR`,
/// `sr-Latn-RS`. `Err` says what is wrong.
pub fn check_locale_tag(tag: &str) -> Result<(), String> {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    let is = |s: &str, len: std::ops::RangeInclusive<usize>, byte: fn(&u8) -> bool| {
        len.contains(&s.len()) && s.bytes().all(|b| byte(&b))
    };
    let expected = "expected a language code such as `es`, optionally with a region such as `es-MX` \
                    (lowercase language, then `-` and an uppercase region)";
    if !is(language, 2..=3, u8::is_ascii_lowercase) {
        return Err(format!("`{tag}` is not a locale tag: {expected}"));
    }
    let mut rest: Vec<&str> = parts.collect();
    let is_script = |s: &str| {
        is(s, 4..=4, u8::is_ascii_alphabetic)
            && s.as_bytes()[0].is_ascii_uppercase()
            && is(&s[1..], 3..=3, u8::is_ascii_lowercase)
    };
    if rest.first().is_some_and(|s| is_script(s)) {
        rest.remove(0);
    }
    let is_region =
        |s: &str| is(s, 2..=2, u8::is_ascii_uppercase) || is(s, 3..=3, u8::is_ascii_digit);
    if rest.first().is_some_and(|s| is_region(s)) {
        rest.remove(0);
    }
    match rest.first() {
        None => Ok(()),
        Some(part) => Err(format!(
            "`{tag}` is not a locale tag: `{part}` is neither a script nor a region; {expected}"
        )),
    }
}

/// The locales of `locales` whose words are indexed without stemming (no
/// stemmer both pipelines share), each with the note `check` and `build`
/// print about it.
pub fn unstemmed_notes<'a>(locales: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    locales
        .into_iter()
        .filter(|locale| !Language::from_locale(locale).is_stemmed())
        .map(|locale| {
            format!(
                "locale `{locale}` is indexed without stemming (no stemmer for its language): \
                 a search finds the words as written, not their other forms"
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_are_a_language_then_a_script_and_region() {
        for tag in [
            "es",
            "pl",
            "pt-BR",
            "es-419",
            "sr-Latn-RS",
            "ast",
            "zh-Hant",
        ] {
            assert_eq!(check_locale_tag(tag), Ok(()), "{tag}");
        }
        for (tag, part) in [("es-mx", "mx"), ("pt-BR-x", "x"), ("en-US-US", "US")] {
            let err = check_locale_tag(tag).unwrap_err();
            assert!(err.contains(&format!("`{part}` is neither")), "{err}");
        }
        for tag in ["", "ES", "es_MX", "spanish", "e", "-BR", "fr-"] {
            let err = check_locale_tag(tag).unwrap_err();
            assert!(
                err.starts_with(&format!("`{tag}` is not a locale tag")),
                "{err}"
            );
        }
    }

    #[test]
    fn only_languages_without_a_stemmer_get_a_note() {
        let notes = unstemmed_notes(["en", "es", "pl", "nl", "ca-ES"]);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].starts_with("locale `pl` is indexed without stemming"));
        assert!(notes[1].starts_with("locale `ca-ES` is indexed without stemming"));
    }
}
