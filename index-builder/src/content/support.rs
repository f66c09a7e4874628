//! Reading `support.toml`: support hours, closures, contacts by region,
//! and the UI strings (`[strings]`, checked by `strings`).
//! Problems are reported like articles', as `path:line: message`.

use std::collections::BTreeSet;
use std::path::Path;

use help_core::support::{Contact, SupportData, WEEKDAYS, parse_date, parse_hh_mm};

use super::locales::check_locale_tag;
use super::strings::check_strings;
use crate::diagnostics::Problem;

/// Reads and checks `dir/support.toml`. `Ok(None)` when there is none.
pub(super) fn load_support(dir: &Path) -> Result<Option<SupportData>, Vec<Problem>> {
    let path = dir.join("support.toml");
    let text = match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                return Err(vec![Problem::file(
                    &path,
                    "the file is not valid UTF-8; save it as UTF-8",
                )]);
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(vec![Problem::file(&path, format!("cannot read: {e}"))]),
    };
    parse_support(&path, &text).map(Some)
}

/// Parses and checks the text of a `support.toml`; `path` names it in problems.
pub fn parse_support(path: &Path, text: &str) -> Result<SupportData, Vec<Problem>> {
    let data: SupportData = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
        // TOML reads an unquoted `02:00` or `2026-12-25` as a date-time,
        // which serde then reports as a "map": say what to write instead.
        let value = e.span().and_then(|s| text.get(s)).unwrap_or("").trim();
        let unquoted_time =
            value.starts_with(|c: char| c.is_ascii_digit()) && value.contains([':', '-']);
        let message = if unquoted_time && e.message().contains("invalid type: map") {
            format!("`{value}` must be quoted, like \"{value}\": times and dates are strings here")
        } else {
            e.message().trim_end().to_string()
        };
        vec![Problem::maybe_line(path, line, message)]
    })?;
    // The line of the first occurrence of a quoted value, for problems
    // found after parsing.
    let line_of = |value: &str| {
        let quoted = format!("\"{value}\"");
        text.lines()
            .position(|l| l.contains(&quoted))
            .map(|i| i + 1)
    };
    let mut problems = Vec::new();
    // The line of the last occurrence: where a value repeats, the repeat.
    let line_of_last = |value: &str| {
        let quoted = format!("\"{value}\"");
        text.lines()
            .enumerate()
            .filter(|(_, l)| l.contains(&quoted))
            .last()
            .map(|(i, _)| i + 1)
    };
    // Problems about a value are reported on its line; others on none.
    let mut bad = |value: Option<&str>, message: String| {
        let line = if message.contains("twice") || message.contains("two regions") {
            value.and_then(line_of_last)
        } else {
            value.and_then(line_of)
        };
        problems.push(Problem::maybe_line(path, line, message));
    };

    for (key, value) in [("opens", &data.hours.opens), ("closes", &data.hours.closes)] {
        if parse_hh_mm(value).is_none() {
            bad(
                Some(value),
                format!("hours.{key} `{value}` must be a time like 09:00"),
            );
        }
    }
    if data.hours.opens == data.hours.closes {
        bad(
            Some(&data.hours.opens),
            "hours.opens and hours.closes are the same time".into(),
        );
    }
    if data.hours.days.is_empty() {
        bad(None, "hours.days lists no day".into());
    }
    for day in &data.hours.days {
        if !WEEKDAYS.contains(&day.as_str()) {
            bad(
                Some(day),
                format!(
                    "unknown day `{day}` (expected one of {})",
                    WEEKDAYS.join(", ")
                ),
            );
        }
    }
    if let Err(why) = check_locale_tag(&data.hours.language) {
        bad(Some(&data.hours.language), format!("hours.language: {why}"));
    }
    let mut dates = BTreeSet::new();
    for closure in &data.closures {
        if parse_date(&closure.date).is_none() {
            bad(
                Some(&closure.date),
                format!(
                    "closure date `{}` must be a date like 2026-12-25",
                    closure.date
                ),
            );
        } else if !dates.insert(&closure.date) {
            bad(
                Some(&closure.date),
                format!("closure date `{}` is listed twice", closure.date),
            );
        }
        if closure.reason.trim().is_empty() {
            bad(
                Some(&closure.date),
                "a closure needs a reason to show".into(),
            );
        }
    }
    if data.regions.is_empty() {
        bad(
            None,
            "no [[regions]]: list at least one region with contacts".into(),
        );
    }
    let defaults = data.regions.iter().filter(|r| r.default).count();
    if defaults != 1 && !data.regions.is_empty() {
        bad(
            None,
            format!("exactly one region must have `default = true`, found {defaults}"),
        );
    }
    let mut ids = BTreeSet::new();
    let mut countries = BTreeSet::new();
    for region in &data.regions {
        if !ids.insert(&region.id) {
            bad(
                Some(&region.id),
                format!("region id `{}` is used twice", region.id),
            );
        }
        for country in &region.countries {
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                bad(
                    Some(country),
                    format!("country `{country}` must be an ISO 3166 code such as FR"),
                );
            } else if !countries.insert(country) {
                bad(
                    Some(country),
                    format!("country `{country}` belongs to two regions"),
                );
            }
        }
        for language in &region.languages {
            if let Err(why) = check_locale_tag(language) {
                bad(Some(language), format!("region languages: {why}"));
            }
        }
        if region.contacts.is_empty() {
            bad(
                Some(&region.id),
                format!("region `{}` lists no contact", region.id),
            );
        }
        for contact in &region.contacts {
            match contact {
                Contact::Phone { number, option, .. } => {
                    let digits = number.chars().filter(char::is_ascii_digit).count();
                    if !number.starts_with('+')
                        || digits < 7
                        || number
                            .chars()
                            .any(|c| !(c.is_ascii_digit() || "+- ".contains(c)))
                    {
                        bad(
                            Some(number),
                            format!(
                                "phone number `{number}` must be international, like +1-646-943-8200"
                            ),
                        );
                    }
                    if let Some(option) = option
                        && (option.is_empty()
                            || !option
                                .chars()
                                .all(|c| c.is_ascii_digit() || c == '#' || c == '*'))
                    {
                        bad(
                            Some(option),
                            format!("phone option `{option}` must be keypad digits"),
                        );
                    }
                }
                Contact::Email { address } => {
                    let valid = address.split_once('@').is_some_and(|(user, domain)| {
                        !user.is_empty()
                            && domain.contains('.')
                            && !address.contains(char::is_whitespace)
                    });
                    if !valid {
                        bad(
                            Some(address),
                            format!("email address `{address}` is not valid"),
                        );
                    }
                }
            }
        }
    }
    if data.request.safe_sender_domain.trim().is_empty()
        || data.request.safe_sender_domain.contains(['@', ' ', '/'])
    {
        bad(
            Some(&data.request.safe_sender_domain),
            "request.safe_sender_domain must be a domain such as example.com".into(),
        );
    }
    problems.extend(check_strings(path, text));
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> String {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center/support.toml"),
        )
        .unwrap()
    }

    fn problems(text: &str) -> Vec<String> {
        parse_support(Path::new("support.toml"), text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_example_is_valid() {
        let data = parse_support(Path::new("support.toml"), &example()).unwrap();
        assert_eq!(data.regions.len(), 5);
        assert_eq!(data.hours.opens, "09:00");
    }

    #[test]
    fn problems_name_the_line() {
        let text = example().replace("\"02:00\"", "\"26:00\"");
        assert_eq!(
            problems(&text),
            ["support.toml:7: hours.closes `26:00` must be a time like 09:00"]
        );
        let text = example().replace("\"2027-01-01\"", "\"2027-02-30\"");
        assert_eq!(
            problems(&text),
            ["support.toml:17: closure date `2027-02-30` must be a date like 2026-12-25"]
        );
        let text = example().replace("support-fr@example.com", "support-fr");
        assert_eq!(
            problems(&text),
            ["support.toml:46: email address `support-fr` is not valid"]
        );
        let text = example().replace("days = [", "weekdays = [");
        assert!(
            problems(&text)[0].starts_with("support.toml:8: unknown field `weekdays`"),
            "{:?}",
            problems(&text)
        );
        let text = example().replace("[\"FR\"]", "[\"GB\"]");
        assert_eq!(
            problems(&text),
            ["support.toml:44: country `GB` belongs to two regions"]
        );
        let text = example().replace("default = true\n", "");
        assert_eq!(
            problems(&text),
            ["support.toml: exactly one region must have `default = true`, found 0"]
        );
    }
}
