//! Checking the phone schedules of a `support.toml`: the default `[hours]`
//! and each region's own. A time zone must be one of the IANA names (the
//! list chrono-tz carries), days must be weekdays or ranges of them, times
//! `HH:MM`, windows may not overlap, and closures are dated and named.
//!
//! The lines come from a second, spanned reading of the same text
//! ([`SupportSpans`]), so a problem names the line of the value it is about
//! even where the same value appears elsewhere in the file.

use std::collections::BTreeSet;
use std::path::Path;
use std::str::FromStr;

use help_core::support::{DaySet, Schedule, WEEKDAYS, parse_date, parse_hh_mm};
use serde::Deserialize;
use toml::Spanned;

use super::locales::check_locale_tag;
use crate::diagnostics::Problem;

/// Where the schedules' values sit in the text of a `support.toml`.
#[derive(Deserialize)]
pub(super) struct SupportSpans {
    /// The default schedule.
    pub(super) hours: Option<Spanned<ScheduleSpans>>,
    /// Each region, in order.
    #[serde(default)]
    pub(super) regions: Vec<RegionSpans>,
}

/// Where a region's id and schedule are.
#[derive(Deserialize)]
pub(super) struct RegionSpans {
    /// The region's id.
    pub(super) id: Spanned<String>,
    /// Its own schedule, if it has one.
    pub(super) hours: Option<Spanned<ScheduleSpans>>,
}

/// Where a schedule's values are.
#[derive(Deserialize)]
pub(super) struct ScheduleSpans {
    time_zone: Spanned<String>,
    language: Spanned<String>,
    open: Spanned<Vec<Spanned<OpeningSpans>>>,
    #[serde(default)]
    closures: Vec<ClosureSpans>,
}

#[derive(Deserialize)]
struct OpeningSpans {
    days: Spanned<Vec<Spanned<String>>>,
    from: Spanned<String>,
    to: Spanned<String>,
}

#[derive(Deserialize)]
struct ClosureSpans {
    date: Spanned<String>,
    name: Spanned<String>,
}

/// The 1-based line of `text` on which `span` starts.
pub(super) fn line_at<T>(text: &str, span: &Spanned<T>) -> usize {
    let start = span.span().start.min(text.len());
    text[..start].matches('\n').count() + 1
}

/// Checks `schedule`, whose values are where `spans` says in `text`, and
/// adds a problem for each thing wrong with it. `label` names it in
/// messages: `hours` or `hours of region germany`.
pub(super) fn check_schedule(
    path: &Path,
    text: &str,
    label: &str,
    schedule: &Schedule,
    spans: &ScheduleSpans,
    problems: &mut Vec<Problem>,
) {
    let mut bad = |line: usize, message: String| problems.push(Problem::line(path, line, message));
    if let Err(message) = check_zone(&schedule.time_zone) {
        bad(line_at(text, &spans.time_zone), message);
    }
    if let Err(why) = check_locale_tag(&schedule.language) {
        bad(line_at(text, &spans.language), format!("language: {why}"));
    }
    if schedule.open.is_empty() {
        bad(
            line_at(text, &spans.open),
            format!("{label}: `open` lists no window"),
        );
    }
    let openings = spans.open.get_ref();
    for (opening, at) in schedule.open.iter().zip(openings) {
        let at = at.get_ref();
        if opening.days.is_empty() {
            bad(
                line_at(text, &at.days),
                "a window's `days` lists no day".into(),
            );
        }
        for (day, day_at) in opening.days.iter().zip(at.days.get_ref()) {
            if DaySet::parse_entry(day).is_none() {
                bad(
                    line_at(text, day_at),
                    format!(
                        "unknown day `{day}` (expected one of {}, or a range such as mon-fri)",
                        WEEKDAYS.join(", ")
                    ),
                );
            }
        }
        let from = parse_hh_mm(&opening.from);
        let to = parse_hh_mm(&opening.to);
        for (which, value, parsed, value_at) in [
            ("opening", &opening.from, from, &at.from),
            ("closing", &opening.to, to, &at.to),
        ] {
            if parsed.is_none() {
                bad(
                    line_at(text, value_at),
                    format!("{which} time `{value}` must be a time like 09:00"),
                );
            }
        }
        if from.is_some() && from == to {
            bad(
                line_at(text, &at.from),
                format!(
                    "a window opens and closes at {}: give `to` a different time",
                    opening.from
                ),
            );
        }
    }
    if let Some(overlap) = schedule.overlap() {
        let first = line_at(text, &openings[overlap.first]);
        bad(
            line_at(text, &openings[overlap.second]),
            format!(
                "this window overlaps the one on line {first}: both are open on {} at {:02}:{:02}",
                DAY_NAMES[overlap.weekday],
                overlap.minute / 60,
                overlap.minute % 60
            ),
        );
    }
    let mut dates = BTreeSet::new();
    for (closure, at) in schedule.closures.iter().zip(&spans.closures) {
        let line = line_at(text, &at.date);
        if parse_date(&closure.date).is_none() {
            bad(
                line,
                format!(
                    "closure date `{}` must be a date like 2026-12-25",
                    closure.date
                ),
            );
        } else if !dates.insert(&closure.date) {
            bad(
                line,
                format!("closure date `{}` is listed twice", closure.date),
            );
        }
        if closure.name.trim().is_empty() {
            bad(
                line_at(text, &at.name),
                "a closure needs a name to show".into(),
            );
        }
    }
}

/// The weekdays in full, Monday first, for messages.
const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether `zone` is an IANA time zone name; if not, the message, with the
/// name it most likely meant.
fn check_zone(zone: &str) -> Result<(), String> {
    if chrono_tz::Tz::from_str(zone).is_ok() {
        return Ok(());
    }
    let closest = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .map(|name| {
            (
                edit_distance(&zone.to_ascii_lowercase(), &name.to_ascii_lowercase()),
                name,
            )
        })
        .min();
    Err(match closest {
        Some((distance, name)) if distance <= 3 => {
            format!("unknown time zone `{zone}`: did you mean `{name}`?")
        }
        _ => format!(
            "unknown time zone `{zone}` (expected an IANA name such as Europe/Berlin or GMT)"
        ),
    })
}

/// The Levenshtein distance between two strings, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_iana_names_and_near_misses_get_a_suggestion() {
        assert_eq!(check_zone("Europe/Berlin"), Ok(()));
        assert_eq!(check_zone("GMT"), Ok(()));
        assert_eq!(check_zone("America/Argentina/Buenos_Aires"), Ok(()));
        assert_eq!(
            check_zone("Europe/Berln"),
            Err("unknown time zone `Europe/Berln`: did you mean `Europe/Berlin`?".into())
        );
        assert_eq!(
            check_zone("europe/paris"),
            Err("unknown time zone `europe/paris`: did you mean `Europe/Paris`?".into())
        );
        assert_eq!(
            check_zone("Central European Time"),
            Err("unknown time zone `Central European Time` (expected an IANA name such as Europe/Berlin or GMT)".into())
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
