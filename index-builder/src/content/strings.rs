//! The `[strings]` tables of `support.toml`: the help center's UI strings,
//! `[strings.<locale>] <key> = "text"`, checked against the widget's keys
//! (`help_core::ui_strings`), each problem on its line.

use std::collections::BTreeMap;
use std::path::Path;

use help_core::ui_strings::check_string;
use serde::Deserialize;
use toml::Spanned;

use super::locales::check_locale_tag;
use crate::diagnostics::Problem;

/// Just the `[strings]` of a `support.toml`, with where each key stands.
#[derive(Deserialize)]
struct Located {
    #[serde(default)]
    strings: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<String>>>,
}

/// Every problem with the `[strings]` tables of `text` (a `support.toml`
/// that has parsed): a locale that is not a locale tag, an unknown key, a
/// text without the placeholders its string takes.
pub(super) fn check_strings(path: &Path, text: &str) -> Vec<Problem> {
    let Ok(located) = toml::from_str::<Located>(text) else {
        return Vec::new();
    };
    let line = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
    let mut problems = Vec::new();
    for (locale, table) in &located.strings {
        if let Err(why) = check_locale_tag(locale.get_ref()) {
            problems.push(Problem::line(
                path,
                line(locale.span().start),
                format!("[strings.{}]: {why}", locale.get_ref()),
            ));
            continue;
        }
        for (key, value) in table {
            if let Err(why) = check_string(key.get_ref(), value.get_ref()) {
                problems.push(Problem::line(
                    path,
                    line(key.span().start),
                    format!("[strings.{}]: {why}", locale.get_ref()),
                ));
            }
        }
    }
    problems.sort();
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        check_strings(Path::new("support.toml"), text)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn each_problem_names_the_line_of_its_key() {
        let text = "[hours]\nopens = \"09:00\"\n\n[strings.es]\nsearch_placeholder = \"Buscar\"\n\
                    serch = \"Buscar\"\nresults = \"{n} artículos\"\n\n[strings.en]\nhelp = \"Support\"\n\n\
                    [strings.Spanish]\nhelp = \"Ayuda\"\n";
        assert_eq!(
            problems(text),
            [
                "support.toml:6: [strings.es]: unknown UI string `serch`",
                "support.toml:7: [strings.es]: `results` takes 1 `{}` (the number of articles), found 0",
                "support.toml:12: [strings.Spanish]: `Spanish` is not a locale tag: expected a language \
                 code such as `es`, optionally with a region such as `es-MX` (lowercase language, then \
                 `-` and an uppercase region)",
            ]
        );
    }

    #[test]
    fn dotted_keys_and_inline_tables_have_lines_too() {
        let text = "[strings]\nes.colour = \"rojo\"\nit = { hepl = \"Aiuto\" }\n";
        assert_eq!(
            problems(text),
            [
                "support.toml:2: [strings.es]: unknown UI string `colour`",
                "support.toml:3: [strings.it]: unknown UI string `hepl` (did you mean `help`?)",
            ]
        );
    }

    #[test]
    fn valid_strings_and_none_at_all_are_fine() {
        assert!(problems("[strings.es]\nsearch_placeholder = \"Buscar\"\n").is_empty());
        assert!(problems("[hours]\nopens = \"09:00\"\n").is_empty());
    }
}
