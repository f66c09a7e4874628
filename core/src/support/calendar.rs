//! Dates and wall clocks without time-zone data: `HH:MM` and `YYYY-MM-DD`
//! parsing, weekdays, ISO instants, an instant on the reader's clock through
//! a caller's offset lookup, and the closures (days without support) on the
//! calendar.

use serde::{Deserialize, Serialize};

/// A minute, in ms.
pub(crate) const MINUTE_MS: i64 = 60_000;
/// A day, in ms.
pub(crate) const DAY_MS: i64 = 24 * 60 * MINUTE_MS;

/// How many days ahead a closure is announced.
pub const CLOSURE_NOTICE_DAYS: i64 = 14;

/// A day without support, on the calendar of the schedule it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    /// The local date in the schedule's time zone, `YYYY-MM-DD`: every
    /// window that opens on that date is skipped.
    pub date: String,
    /// What the day is, shown to the reader ("Christmas Day").
    pub name: String,
}

/// The closure that falls on local day `day` (days since the epoch, on the
/// schedule's calendar), if one does.
pub(crate) fn closed_on(closures: &[Closure], day: i64) -> Option<&Closure> {
    closures.iter().find(|c| parse_date(&c.date) == Some(day))
}

/// The first listed closure whose local day (on the calendar `offset`
/// gives) has not ended at `now` and starts within
/// [`CLOSURE_NOTICE_DAYS`], with the instant its day starts.
pub(crate) fn upcoming_closure<'a>(
    closures: &'a [Closure],
    now: i64,
    offset: &dyn Fn(i64) -> i32,
) -> Option<(&'a Closure, i64)> {
    closures.iter().find_map(|c| {
        let day = parse_date(&c.date)?;
        let start = instant_from_local(day * DAY_MS, offset);
        let end = instant_from_local((day + 1) * DAY_MS, offset);
        (end > now && start < now + CLOSURE_NOTICE_DAYS * DAY_MS).then_some((c, start))
    })
}

/// The instant at which a zone's wall clock first reads `local` or later
/// (`local` in ms since the epoch as if the zone were UTC). `offset(instant)`
/// gives the zone's minutes east of UTC.
///
/// A wall time that happens twice (clocks going back) is its first
/// instant; one that never happens (clocks going forward) is the instant
/// the clocks jump past it: a window that opens or closes at 02:30 on the
/// night Berlin skips from 02:00 to 03:00 does so at 03:00 CEST.
pub fn instant_from_local(local: i64, offset: &dyn Fn(i64) -> i32) -> i64 {
    // Offsets stay within ±14 h, so a day either side of `local` brackets
    // the true instant; zones change their offset at most once in two days.
    let before = local - i64::from(offset(local - DAY_MS)) * MINUTE_MS;
    let after = local - i64::from(offset(local + DAY_MS)) * MINUTE_MS;
    if before == after {
        return before;
    }
    let reads_local = |t: i64| t + i64::from(offset(t)) * MINUTE_MS == local;
    match (reads_local(before), reads_local(after)) {
        (true, true) => before.min(after),
        (true, false) => before,
        (false, true) => after,
        (false, false) => {
            // In the gap: find the change, to the minute, between the
            // earlier candidate (old offset) and the later (new offset).
            let (mut early, mut late) = (before.min(after), before.max(after));
            let old = offset(early);
            while late - early > MINUTE_MS {
                let middle = early + (late - early) / MINUTE_MS / 2 * MINUTE_MS;
                if offset(middle) == old {
                    early = middle;
                } else {
                    late = middle;
                }
            }
            late
        }
    }
}

/// The local day (days since the epoch on the zone's calendar) that
/// `instant` falls on, and the minute of that day.
pub(crate) fn local_day_minute(instant: i64, offset: &dyn Fn(i64) -> i32) -> (i64, u32) {
    let local = instant + i64::from(offset(instant)) * MINUTE_MS;
    (
        local.div_euclid(DAY_MS),
        (local.rem_euclid(DAY_MS) / MINUTE_MS) as u32,
    )
}

/// Minutes after midnight of an `HH:MM` time, if valid.
pub fn parse_hh_mm(text: &str) -> Option<u32> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, if valid.
pub fn parse_date(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// well-known algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The weekday of a day since the epoch, 0 for Monday to 6 for Sunday
/// (1970-01-01 was a Thursday).
pub(crate) fn weekday(days: i64) -> usize {
    (days + 3).rem_euclid(7) as usize
}

/// The weekday names a schedule's `days` accept, Monday first: index `i`
/// is the weekday [`weekday`] numbers `i`.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A wall-clock time in the reader's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    /// The instant, in ms since the epoch (UTC), for `<time datetime>`.
    pub instant: i64,
    /// Hour, 0–23, in the reader's zone.
    pub hour: u32,
    /// Minute, 0–59.
    pub minute: u32,
    /// Days after the reader's today (0 today, 1 tomorrow, -1 yesterday).
    pub day_offset: i64,
}

/// `instant` on the reader's wall clock, with the day relative to `now`'s.
/// `offset(instant)` gives minutes east of UTC in the reader's zone.
pub fn local_time(instant: i64, now: i64, offset: &dyn Fn(i64) -> i32) -> LocalTime {
    let local = instant + i64::from(offset(instant)) * MINUTE_MS;
    let local_now = now + i64::from(offset(now)) * MINUTE_MS;
    let minutes = local.rem_euclid(DAY_MS) / MINUTE_MS;
    LocalTime {
        instant,
        hour: (minutes / 60) as u32,
        minute: (minutes % 60) as u32,
        day_offset: local.div_euclid(DAY_MS) - local_now.div_euclid(DAY_MS),
    }
}

/// A duration as "3 h 20 min", "45 min" or "under a minute". Rounded up
/// to the minute, so "closes in 1 min" is never already closed.
pub fn describe_duration(ms: i64) -> String {
    let minutes = (ms.max(0) + MINUTE_MS - 1) / MINUTE_MS;
    match (minutes / 60, minutes % 60) {
        (0, 0) => "under a minute".to_string(),
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The UTC instant as `YYYY-MM-DDTHH:MM:SSZ`, for `<time datetime>`.
pub fn iso_utc(instant: i64) -> String {
    let days = instant.div_euclid(DAY_MS);
    let secs = instant.rem_euclid(DAY_MS) / 1000;
    // Civil date from days (inverse of days_from_civil).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// "YYYY-MM-DD HH:MM" in UTC, as an instant.
    pub(crate) fn at(text: &str) -> i64 {
        let (date, time) = text.split_once(' ').unwrap();
        parse_date(date).unwrap() * DAY_MS + i64::from(parse_hh_mm(time).unwrap()) * MINUTE_MS
    }

    #[test]
    fn local_times_use_the_offset_at_the_instant_shown() {
        // A zone that moves from +60 to +120 at 2026-03-29 01:00 UTC.
        let offset = |t: i64| if t < at("2026-03-29 01:00") { 60 } else { 120 };
        let now = at("2026-03-28 22:00");
        let next = local_time(at("2026-03-29 09:00"), now, &offset);
        assert_eq!((next.hour, next.minute, next.day_offset), (11, 0, 1));
        let close = local_time(at("2026-03-29 02:00"), now, &offset);
        assert_eq!((close.hour, close.minute, close.day_offset), (4, 0, 1));
        // Kolkata, +5:30, where the window runs 14:30 to 07:30.
        let kolkata = |_| 330;
        let t = local_time(at("2026-03-10 02:00"), at("2026-03-09 20:00"), &kolkata);
        assert_eq!(
            (t.hour, t.minute, t.day_offset),
            (7, 30, 0),
            "01:30 local now, 07:30 local the same day"
        );
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(describe_duration(200 * MINUTE_MS), "3 h 20 min");
        assert_eq!(describe_duration(45 * MINUTE_MS), "45 min");
        assert_eq!(describe_duration(120 * MINUTE_MS), "2 h");
        assert_eq!(describe_duration(30_000), "1 min");
        assert_eq!(describe_duration(0), "under a minute");
    }

    #[test]
    fn iso_instants() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(at("2026-03-11 02:00")), "2026-03-11T02:00:00Z");
        assert_eq!(iso_utc(at("2028-02-29 23:59")), "2028-02-29T23:59:00Z");
        assert_eq!(iso_utc(at("1969-12-31 23:00")), "1969-12-31T23:00:00Z");
    }

    #[test]
    fn dates_and_times_are_validated() {
        assert_eq!(parse_hh_mm("9:00"), None);
        assert_eq!(parse_hh_mm("24:00"), None);
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2028-02-29"), Some(days_from_civil(2028, 2, 29)));
        assert_eq!(WEEKDAYS[weekday(parse_date("2026-11-25").unwrap())], "wed");
        assert_eq!(WEEKDAYS[weekday(parse_date("1970-01-01").unwrap())], "thu");
        assert_eq!(WEEKDAYS[weekday(parse_date("1969-12-29").unwrap())], "mon");
    }

    /// Berlin's offsets in 2026: +60, then +120 from 29 March 01:00 UTC to
    /// 25 October 01:00 UTC.
    pub(crate) fn berlin(t: i64) -> i32 {
        if (at("2026-03-29 01:00")..at("2026-10-25 01:00")).contains(&t) {
            120
        } else {
            60
        }
    }

    #[test]
    fn wall_times_become_instants_through_the_zone() {
        let local = |text| at(text);
        assert_eq!(
            instant_from_local(local("2026-01-15 08:00"), &berlin),
            at("2026-01-15 07:00")
        );
        assert_eq!(
            instant_from_local(local("2026-07-15 08:00"), &berlin),
            at("2026-07-15 06:00")
        );
        // 02:30 never happens on 29 March: the clocks jump past it at
        // 01:00 UTC, from 02:00 CET to 03:00 CEST.
        assert_eq!(
            instant_from_local(local("2026-03-29 02:30"), &berlin),
            at("2026-03-29 01:00")
        );
        assert_eq!(
            instant_from_local(local("2026-03-29 02:00"), &berlin),
            at("2026-03-29 01:00")
        );
        assert_eq!(
            instant_from_local(local("2026-03-29 03:00"), &berlin),
            at("2026-03-29 01:00")
        );
        // 02:30 happens twice on 25 October: the first one, still CEST.
        assert_eq!(
            instant_from_local(local("2026-10-25 02:30"), &berlin),
            at("2026-10-25 00:30")
        );
        assert_eq!(
            instant_from_local(local("2026-03-10 14:30"), &|_| 330),
            at("2026-03-10 09:00")
        );
        assert_eq!(
            local_day_minute(at("2026-03-10 23:30"), &|_| 330),
            (parse_date("2026-03-11").unwrap(), 5 * 60)
        );
    }

    #[test]
    fn the_upcoming_closure_is_announced_two_weeks_ahead_until_its_local_day_ends() {
        let closures = [
            Closure {
                date: "2026-12-25".into(),
                name: "Christmas Day".into(),
            },
            Closure {
                date: "2027-01-01".into(),
                name: "New Year's Day".into(),
            },
        ];
        // In Berlin (UTC+1 in winter) Christmas runs from 24 December
        // 23:00 UTC to 25 December 23:00 UTC.
        let name = |now| {
            upcoming_closure(&closures, now, &berlin).map(|(c, start)| (c.name.as_str(), start))
        };
        assert_eq!(
            name(at("2026-12-10 23:00")),
            None,
            "14 days ahead is too early"
        );
        assert_eq!(
            name(at("2026-12-10 23:01")),
            Some(("Christmas Day", at("2026-12-24 23:00")))
        );
        assert_eq!(
            name(at("2026-12-25 22:59")).map(|(r, _)| r),
            Some("Christmas Day")
        );
        assert_eq!(
            name(at("2026-12-25 23:00")).map(|(r, _)| r),
            Some("New Year's Day")
        );
        assert_eq!(name(at("2027-01-01 23:00")), None);
        assert_eq!(
            closed_on(&closures, parse_date("2027-01-01").unwrap()).map(|c| c.name.as_str()),
            Some("New Year's Day")
        );
        assert_eq!(
            closed_on(&closures, parse_date("2027-01-02").unwrap()),
            None
        );
    }
}
