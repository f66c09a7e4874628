//! Reading `support.toml`: phone schedules (checked by [`schedule`]),
//! contacts by region, request tips, and the UI strings (`[strings]`,
//! checked by `strings`). Problems are reported like articles', as
//! `path:line: message`.
//!
//! [`schedule`]: super::schedule

use std::collections::BTreeSet;
use std::path::Path;

use help_core::support::{Contact, SupportData};

use super::locales::check_locale_tag;
use super::schedule::{SupportSpans, check_schedule, line_at};
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
    check_schedules(path, text, &data, &mut problems);
    problems.extend(check_strings(path, text));
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(problems)
    }
}

/// Checks the default schedule and each region's, and that every region
/// with a phone number has hours and every region with hours a phone.
fn check_schedules(path: &Path, text: &str, data: &SupportData, problems: &mut Vec<Problem>) {
    // The text parsed as `SupportData` already, so it parses as spans too.
    let Ok(spans) = toml::from_str::<SupportSpans>(text) else {
        return;
    };
    if let (Some(hours), Some(at)) = (&data.hours, &spans.hours) {
        check_schedule(path, text, "hours", hours, at.get_ref(), problems);
    }
    for (region, at) in data.regions.iter().zip(&spans.regions) {
        match (&region.hours, &at.hours) {
            (Some(hours), Some(hours_at)) => {
                let label = format!("hours of region {}", region.id);
                check_schedule(path, text, &label, hours, hours_at.get_ref(), problems);
                if !region.has_phone() {
                    problems.push(Problem::line(
                        path,
                        line_at(text, hours_at),
                        format!(
                            "region `{}` has hours but no phone number: only phone lines have hours",
                            region.id
                        ),
                    ));
                }
            }
            _ if region.has_phone() && data.hours.is_none() => {
                problems.push(Problem::line(
                    path,
                    line_at(text, &at.id),
                    format!(
                        "region `{}` lists a phone number but has no hours: add its own \
                         [regions.hours] or a default [hours]",
                        region.id
                    ),
                ));
            }
            _ => {}
        }
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

    /// The line of `text` where `needle` first appears, as problems name it.
    fn line_of(text: &str, needle: &str) -> usize {
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} is not in the text"));
        text[..at].matches('\n').count() + 1
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
        let hours = data.hours.as_ref().unwrap();
        assert_eq!(
            (hours.time_zone.as_str(), hours.open[0].from.as_str()),
            ("GMT", "09:00")
        );
        let zone = |id: &str| {
            let region = data.regions.iter().find(|r| r.id == id).unwrap();
            data.schedule_for(region).map(|s| s.time_zone.as_str())
        };
        assert_eq!(zone("americas"), Some("GMT"));
        assert_eq!(zone("germany"), Some("Europe/Berlin"));
        assert_eq!(zone("france"), None, "email only: no phone hours");
    }

    #[test]
    fn problems_name_the_line() {
        let text = example().replace("to = \"02:00\"", "to = \"26:00\"");
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: closing time `26:00` must be a time like 09:00",
                line_of(&text, "to = \"26:00\"")
            )]
        );
        let text = example().replace(
            "\"2027-01-01\", name = \"Neujahr\"",
            "\"2027-02-30\", name = \"Neujahr\"",
        );
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: closure date `2027-02-30` must be a date like 2026-12-25",
                line_of(&text, "\"2027-02-30\"")
            )]
        );
        let text = example().replace("support-fr@example.com", "support-fr");
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: email address `support-fr` is not valid",
                line_of(&text, "\"support-fr\"")
            )]
        );
        let text = example().replace("open = [", "windows = [");
        assert!(
            problems(&text)[0].starts_with(&format!(
                "support.toml:{}: unknown field `windows`",
                line_of(&text, "windows = [")
            )),
            "{:?}",
            problems(&text)
        );
        let text = example().replace("[\"FR\"]", "[\"GB\"]");
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: country `GB` belongs to two regions",
                line_of(&text, "[\"GB\"]")
            )]
        );
        let text = example().replace("default = true\n", "");
        assert_eq!(
            problems(&text),
            ["support.toml: exactly one region must have `default = true`, found 0"]
        );
    }

    #[test]
    fn an_unknown_zone_is_named_with_its_line() {
        let text = example().replace("\"Europe/Berlin\"", "\"Europe/Berlim\"");
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: unknown time zone `Europe/Berlim`: did you mean `Europe/Berlin`?",
                line_of(&text, "time_zone = \"Europe/Berlim\"")
            )]
        );
        let text = example().replace("time_zone = \"GMT\"", "time_zone = \"Mars/Olympus_Mons\"");
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: unknown time zone `Mars/Olympus_Mons` (expected an IANA name such as Europe/Berlin or GMT)",
                line_of(&text, "Mars/Olympus_Mons")
            )]
        );
    }

    #[test]
    fn a_bad_weekday_is_named_with_its_line() {
        let text = example().replace("days = [\"mon-fri\"]", "days = [\n    \"mon-fr\",\n  ]");
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: unknown day `mon-fr` (expected one of mon, tue, wed, thu, fri, sat, sun, or a range such as mon-fri)",
                line_of(&text, "\"mon-fr\",")
            )]
        );
        let text = example().replace("days = [\"mon-sun\"]", "days = []");
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: a window's `days` lists no day",
                line_of(&text, "days = []")
            )]
        );
    }

    #[test]
    fn overlapping_windows_name_both_lines() {
        let text = example().replace(
            "  { days = [\"mon-fri\"], from = \"08:00\", to = \"17:00\" },\n",
            "  { days = [\"mon-fri\"], from = \"08:00\", to = \"17:00\" },\n  { days = [\"fri-sat\"], from = \"16:00\", to = \"20:00\" },\n",
        );
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: this window overlaps the one on line {}: both are open on Friday at 16:00",
                line_of(&text, "\"fri-sat\""),
                line_of(&text, "from = \"08:00\", to = \"17:00\""),
            )]
        );
        // Across midnight: Sunday night runs into Monday morning.
        let text = example().replace(
            "  { days = [\"mon-fri\"], from = \"08:00\", to = \"17:00\" },\n",
            "  { days = [\"mon-fri\"], from = \"08:00\", to = \"17:00\" },\n  { days = [\"sun\"], from = \"22:00\", to = \"09:00\" },\n",
        );
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: this window overlaps the one on line {}: both are open on Monday at 08:00",
                line_of(&text, "from = \"22:00\""),
                line_of(&text, "from = \"08:00\", to = \"17:00\""),
            )]
        );
    }

    #[test]
    fn hours_belong_to_phone_lines() {
        let text = example().replace(
            "  { kind = \"phone\", number = \"+49-30-5550-1234\" },\n",
            "",
        );
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: region `germany` has hours but no phone number: only phone lines have hours",
                line_of(&text, "[regions.hours]\ntime_zone = \"Europe/Berlin\"")
            )]
        );
        let start = example().find("\n[hours]").unwrap();
        let end = example().find("\n[[regions]]").unwrap();
        let text = example().replace(&example()[start..end], "");
        assert_eq!(
            problems(&text),
            [format!(
                "support.toml:{}: region `americas` lists a phone number but has no hours: add its own [regions.hours] or a default [hours]",
                line_of(&text, "id = \"americas\"")
            )]
        );
        let text = example().replace(
            "  { date = \"2026-12-31\", name = \"Silvester\" },\n",
            "  { date = \"2026-12-24\", name = \"\" },\n",
        );
        assert_eq!(
            problems(&text),
            [
                format!(
                    "support.toml:{}: closure date `2026-12-24` is listed twice",
                    line_of(&text, "name = \"\"")
                ),
                format!(
                    "support.toml:{}: a closure needs a name to show",
                    line_of(&text, "name = \"\"")
                ),
            ]
        );
    }
}
