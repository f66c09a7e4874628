//! Support hours in every IANA time zone for a whole year, checked against
//! chrono-tz, on both sides of the clock:
//!
//! - every zone as the *team's*: a weekly schedule with a window across
//!   midnight and a closure, in that zone, every hour of 2026: open or
//!   closed, and the next change;
//! - every zone as the *reader's*: the seed's 09:00–02:00 GMT every hour
//!   of 2026, with the change on the reader's wall clock, and a Berlin
//!   office's week on the reader's own days, every day of 2026 (across
//!   DST changes on either side and odd offsets such as +05:30, +05:45
//!   and -03:30).

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Utc,
};
use chrono_tz::{TZ_VARIANTS, Tz};
use help_core::support::{Closure, Opening, Schedule, Status, local_time};

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

fn utc(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap()
}

/// Minutes east of UTC in `tz` at `t`: the offset lookup core asks for.
fn offset_in(tz: Tz) -> impl Fn(i64) -> i32 {
    move |t: i64| {
        tz.offset_from_utc_datetime(&utc(t).naive_utc())
            .fix()
            .local_minus_utc()
            / 60
    }
}

fn start_of_2026() -> i64 {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 17, 0)
        .unwrap()
        .timestamp_millis()
}

fn opening(days: &[&str], from: &str, to: &str) -> Opening {
    Opening {
        days: days.iter().map(|d| d.to_string()).collect(),
        from: from.into(),
        to: to.into(),
    }
}

/// The first instant at which `tz`'s clocks read `local` or later, by
/// chrono-tz: the first of two, and for a time that never happens (clocks
/// going forward) the first that does after it.
fn instant_of(tz: Tz, local: NaiveDateTime) -> i64 {
    (0..=24 * 60)
        .find_map(|m| {
            tz.from_local_datetime(&(local + Duration::minutes(m)))
                .earliest()
        })
        .unwrap()
        .timestamp_millis()
}

/// A team's week: Monday to Friday 08:00–17:00, Saturday 20:00 to 02:00
/// on Sunday, closed on Christmas Day (a Friday in 2026).
fn team(zone: &str) -> Schedule {
    Schedule {
        time_zone: zone.into(),
        language: "en".into(),
        open: vec![
            opening(&["mon-fri"], "08:00", "17:00"),
            opening(&["sat"], "20:00", "02:00"),
        ],
        closures: vec![Closure {
            date: "2026-12-25".into(),
            name: "Christmas Day".into(),
        }],
    }
}

/// The windows of [`team`] in `tz` from the last day of 2025 for a year
/// and a fortnight, by chrono-tz: each opens and closes at the first
/// instant the team's clock reads its time.
fn team_windows(tz: Tz) -> Vec<(i64, i64)> {
    let christmas = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
    let at = |day: NaiveDate, h: u32| instant_of(tz, day.and_hms_opt(h, 0, 0).unwrap());
    (0..380)
        .map(|d| NaiveDate::from_ymd_opt(2025, 12, 31).unwrap() + Duration::days(d))
        .filter(|&day| day != christmas)
        .filter_map(|day| match day.weekday().num_days_from_monday() {
            0..5 => Some((at(day, 8), at(day, 17))),
            5 => Some((at(day, 20), at(day + Duration::days(1), 2))),
            _ => None,
        })
        .collect()
}

#[test]
fn a_team_in_every_zone_every_hour_of_2026() {
    let start = start_of_2026();
    let mut checked = 0u64;
    for &tz in TZ_VARIANTS.iter() {
        let schedule = team(tz.name());
        let zone = offset_in(tz);
        let windows = team_windows(tz);
        for hour in 0..365 * 24 {
            let now = start + hour * HOUR_MS;
            let next = windows.partition_point(|&(_, closes)| closes <= now);
            let (opens, closes) = windows[next];
            let want = if opens <= now {
                (true, closes)
            } else {
                (false, opens)
            };
            let got = match schedule.status(now, &zone) {
                Status::Open { closes } => (true, closes),
                Status::Closed { opens } => (false, opens.expect("opens every week")),
            };
            assert_eq!(got, want, "{tz} at {}", utc(now));
            checked += 1;
        }
    }
    assert!(checked > 3_000_000, "{checked}");
}

/// The seed's hours: every day 09:00 to 02:00 GMT.
fn seed() -> Schedule {
    Schedule {
        time_zone: "GMT".into(),
        language: "en".into(),
        open: vec![opening(&["mon-sun"], "09:00", "02:00")],
        closures: vec![],
    }
}

/// The next instant after `t` whose UTC time of day is `hour`:00.
fn next_utc_hour(t: i64, hour: i64) -> i64 {
    let today = t.div_euclid(DAY_MS) * DAY_MS + hour * HOUR_MS;
    if today > t { today } else { today + DAY_MS }
}

#[test]
fn the_seed_hours_seen_from_every_zone_every_hour_of_2026() {
    let schedule = seed();
    let gmt = |_| 0;
    let start = start_of_2026();
    let mut checked = 0u64;
    for &tz in TZ_VARIANTS.iter() {
        let offset = offset_in(tz);
        for hour in 0..365 * 24 {
            let now = start + hour * HOUR_MS;
            let utc_hour = i64::from(utc(now).hour());
            let open = !(2..9).contains(&utc_hour);
            let (status, change) = match schedule.status(now, &gmt) {
                Status::Open { closes } => (true, closes),
                Status::Closed { opens } => (false, opens.expect("opens every day")),
            };
            assert_eq!(status, open, "{tz} at {}", utc(now));
            assert_eq!(change, next_utc_hour(now, if open { 2 } else { 9 }));

            let shown = local_time(change, now, &offset);
            let local_change = utc(change).with_timezone(&tz);
            let local_now = utc(now).with_timezone(&tz);
            let want_day = (local_change.date_naive() - local_now.date_naive()).num_days();
            assert_eq!(
                (shown.hour, shown.minute, shown.day_offset),
                (local_change.hour(), local_change.minute(), want_day),
                "{tz}: change at {} seen from {}",
                utc(change),
                utc(now)
            );
            checked += 1;
        }
    }
    assert!(checked > 3_000_000, "{checked}");
}

#[test]
fn a_berlin_office_week_on_every_zones_own_days_every_day_of_2026() {
    let berlin: Tz = "Europe/Berlin".parse().unwrap();
    let office = Schedule {
        time_zone: "Europe/Berlin".into(),
        language: "de".into(),
        open: vec![opening(&["mon-fri"], "08:00", "17:00")],
        closures: vec![],
    };
    let zone = offset_in(berlin);
    let start = start_of_2026() + 11 * HOUR_MS;
    let mut lines = 0u64;
    for &tz in TZ_VARIANTS.iter() {
        let reader = offset_in(tz);
        for day in 0..365 {
            let now = start + day * DAY_MS;
            let week = office.week(now, &zone, &reader);
            let on_reader = |t: i64| {
                let local = utc(t).with_timezone(&tz);
                (
                    local.date_naive(),
                    local.weekday().num_days_from_monday() as usize,
                    local.format("%H:%M").to_string(),
                )
            };
            // The office's windows by chrono-tz, from the one open now,
            // else the next, over seven days of the reader's calendar.
            let today = utc(now).with_timezone(&berlin).date_naive();
            let windows: Vec<(i64, i64)> = (-1..15)
                .map(|d| today + Duration::days(d))
                .filter(|day| day.weekday().num_days_from_monday() < 5)
                .map(|day| {
                    (
                        instant_of(berlin, day.and_hms_opt(8, 0, 0).unwrap()),
                        instant_of(berlin, day.and_hms_opt(17, 0, 0).unwrap()),
                    )
                })
                .filter(|&(_, closes)| closes > now)
                .collect();
            let first_day = on_reader(windows[0].0).0;
            let windows: Vec<_> = windows
                .into_iter()
                .filter(|&(opens, _)| on_reader(opens).0 < first_day + Duration::days(7))
                .collect();
            let days: u32 = week
                .iter()
                .map(|line| (0..7).filter(|&d| line.days.contains(d)).count() as u32)
                .sum();
            assert_eq!(
                days as usize,
                windows.len(),
                "{tz} at {}: {week:?}",
                utc(now)
            );
            for (opens, closes) in windows {
                let (_, weekday, from) = on_reader(opens);
                let (.., to) = on_reader(closes);
                let line = week
                    .iter()
                    .find(|line| line.days.contains(weekday))
                    .unwrap_or_else(|| panic!("{tz} at {}: no line for day {weekday}", utc(now)));
                assert_eq!(
                    (
                        on_reader(line.window.opens).2,
                        on_reader(line.window.closes).2
                    ),
                    (from, to),
                    "{tz} at {}",
                    utc(now)
                );
            }
            lines += week.len() as u64;
        }
    }
    assert!(lines >= 365 * TZ_VARIANTS.len() as u64, "{lines}");
}

#[test]
fn berlin_on_both_sides_of_its_spring_change() {
    let tz: Tz = "Europe/Berlin".parse().unwrap();
    let offset = offset_in(tz);
    let schedule = seed();
    // Saturday 28 March 2026, 22:00 UTC (23:00 CET): open; closes 02:00 UTC,
    // which is 04:00 CEST on Sunday, after clocks went forward at 01:00 UTC.
    let now = Utc
        .with_ymd_and_hms(2026, 3, 28, 22, 0, 0)
        .unwrap()
        .timestamp_millis();
    let Status::Open { closes } = schedule.status(now, &|_| 0) else {
        panic!("open")
    };
    let t = local_time(closes, now, &offset);
    assert_eq!((t.hour, t.minute, t.day_offset), (4, 0, 1));
    // A week earlier the same closing was 03:00 local.
    let before = now - 7 * DAY_MS;
    let Status::Open { closes } = schedule.status(before, &|_| 0) else {
        panic!("open")
    };
    let t = local_time(closes, before, &offset);
    assert_eq!((t.hour, t.minute, t.day_offset), (3, 0, 1));
}
