//! Phone hours: a weekly schedule in its team's time zone, the windows it
//! gives on the calendar (closures skipped), whether support is open at an
//! instant, and the week as the reader sees it on their own clock.
//!
//! A schedule's times are wall-clock times in its IANA zone; the caller
//! hands in that zone's offset lookup (`zone`), and the reader's (`reader`)
//! where the reader's days matter, so no time-zone data is needed here.

use serde::{Deserialize, Serialize};

use super::calendar::{
    Closure, DAY_MS, MINUTE_MS, WEEKDAYS, closed_on, instant_from_local, local_day_minute,
    parse_date, parse_hh_mm, upcoming_closure, weekday,
};

/// Minutes in a week.
const WEEK_MINUTES: i64 = 7 * 24 * 60;

/// When a phone line is open: weekly windows in one time zone, the days it
/// is closed, and the language it speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// The IANA time zone the times and closure dates are in, such as
    /// `Europe/Berlin` (its summer time followed) or `GMT` (never moves).
    pub time_zone: String,
    /// The language phone support speaks, as a locale tag.
    pub language: String,
    /// The weekly windows; no two may overlap.
    pub open: Vec<Opening>,
    /// Local dates on which no window opens.
    #[serde(default)]
    pub closures: Vec<Closure>,
}

/// One weekly window of a [`Schedule`]: on `days`, from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// The days it opens on: `mon` … `sun`, or a range such as `mon-fri`
    /// (ranges may wrap: `fri-mon` is Friday to Monday).
    pub days: Vec<String>,
    /// Opening time, `HH:MM` local.
    pub from: String,
    /// Closing time, `HH:MM` local; earlier than `from` means the next day.
    pub to: String,
}

/// A set of weekdays, Monday first (bit `i` is [`WEEKDAYS`]`[i]`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct DaySet(u8);

impl DaySet {
    /// Every day of the week.
    pub const EVERY_DAY: DaySet = DaySet(0x7f);

    /// One `days` entry: a weekday name or a range of two, if valid.
    pub fn parse_entry(entry: &str) -> Option<DaySet> {
        let index = |name: &str| WEEKDAYS.iter().position(|d| *d == name);
        let (first, last) = match entry.split_once('-') {
            Some((a, b)) => (index(a)?, index(b)?),
            None => (index(entry)?, index(entry)?),
        };
        let mut set = DaySet::default();
        let mut day = first;
        loop {
            set.insert(day);
            if day == last {
                return Some(set);
            }
            day = (day + 1) % 7;
        }
    }

    /// Every entry of a `days` list together, if all are valid.
    pub fn parse(entries: &[String]) -> Option<DaySet> {
        entries.iter().try_fold(DaySet::default(), |set, e| {
            Some(DaySet(set.0 | DaySet::parse_entry(e)?.0))
        })
    }

    /// Whether weekday `day` (0 Monday … 6 Sunday) is in the set.
    pub fn contains(self, day: usize) -> bool {
        day < 7 && self.0 & (1 << day) != 0
    }

    /// Adds weekday `day` (0 Monday … 6 Sunday).
    pub fn insert(&mut self, day: usize) {
        self.0 |= 1 << (day % 7);
    }

    /// Whether no day is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether all seven days are.
    pub fn is_every_day(self) -> bool {
        self == DaySet::EVERY_DAY
    }

    /// The runs of consecutive days, as (first, last) weekdays, in week
    /// order of their first day. A run may wrap past Sunday: Sunday to
    /// Thursday is `(6, 3)`. Every day is the one run `(0, 6)`.
    pub fn runs(self) -> Vec<(usize, usize)> {
        if self.is_every_day() {
            return vec![(0, 6)];
        }
        (0..7)
            .filter(|&d| self.contains(d) && !self.contains((d + 6) % 7))
            .map(|first| {
                let mut last = first;
                while self.contains((last + 1) % 7) {
                    last = (last + 1) % 7;
                }
                (first, last)
            })
            .collect()
    }

    /// The days in words: `every_day` for all seven, else each run as
    /// `Mon–Fri` (three days or more), `Sat, Sun` or `Wed`, joined by
    /// commas. `names` are the weekdays' short names, Monday first.
    pub fn describe(self, names: &[&str; 7], every_day: &str) -> String {
        if self.is_every_day() {
            return every_day.to_string();
        }
        let runs: Vec<String> = self
            .runs()
            .into_iter()
            .map(|(first, last)| match (last + 7 - first) % 7 {
                0 => names[first].to_string(),
                1 => format!("{}, {}", names[first], names[last]),
                _ => format!("{}–{}", names[first], names[last]),
            })
            .collect();
        runs.join(", ")
    }
}

impl Opening {
    /// Its days, opening minute and length in minutes, if all are valid.
    pub fn parsed(&self) -> Option<(DaySet, u32, u32)> {
        let days = DaySet::parse(&self.days)?;
        let from = parse_hh_mm(&self.from)?;
        let to = parse_hh_mm(&self.to)?;
        let length = if to > from {
            to - from
        } else {
            to + 24 * 60 - from
        };
        (from != to && !days.is_empty()).then_some((days, from, length))
    }
}

/// One opening: from `opens` to `closes`, both instants in ms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// When it opens.
    pub opens: i64,
    /// When it closes.
    pub closes: i64,
}

/// Open or closed at an instant, and when that changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Open until `closes`.
    Open {
        /// When it closes (windows that follow without a break count as
        /// one).
        closes: i64,
    },
    /// Closed; opens at `opens`, if it ever does within a year.
    Closed {
        /// When it next opens.
        opens: Option<i64>,
    },
}

/// One line of the week as a reader sees it: the days, on the reader's
/// calendar, on which a window opens at the same time of their day and
/// closes at the same time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekHours {
    /// The reader's weekdays the window opens on.
    pub days: DaySet,
    /// One of those windows: its times, shown in the reader's zone, are
    /// the line's hours.
    pub window: Window,
}

/// Two of a schedule's openings that are open at the same time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overlap {
    /// The index in `open` of the earlier-listed opening.
    pub first: usize,
    /// The index of the later-listed one.
    pub second: usize,
    /// A weekday (0 Monday … 6 Sunday) both are open on…
    pub weekday: usize,
    /// … and a minute of it, both local.
    pub minute: u32,
}

impl Schedule {
    /// The valid openings, as (days, opening minute, length), by opening
    /// minute.
    fn openings(&self) -> Vec<(DaySet, u32, u32)> {
        let mut openings: Vec<_> = self.open.iter().filter_map(Opening::parsed).collect();
        openings.sort_by_key(|o| o.1);
        openings
    }

    /// Every window opening on the local days `days`, in order, with its
    /// local day, closures not consulted.
    fn windows_in<'a>(
        &self,
        days: std::ops::Range<i64>,
        zone: &'a dyn Fn(i64) -> i32,
    ) -> impl Iterator<Item = (i64, Window)> + 'a {
        let openings = self.openings();
        days.flat_map(move |day| {
            openings
                .iter()
                .filter(|(days, ..)| days.contains(weekday(day)))
                .filter_map(|&(_, from, length)| {
                    let start = day * DAY_MS + i64::from(from) * MINUTE_MS;
                    let window = Window {
                        opens: instant_from_local(start, zone),
                        closes: instant_from_local(start + i64::from(length) * MINUTE_MS, zone),
                    };
                    (window.closes > window.opens).then_some((day, window))
                })
                .collect::<Vec<_>>()
        })
    }

    /// The windows opening on `days` that no closure skips.
    fn open_windows<'a>(
        &'a self,
        days: std::ops::Range<i64>,
        zone: &'a dyn Fn(i64) -> i32,
    ) -> impl Iterator<Item = Window> + 'a {
        self.windows_in(days, zone)
            .filter(|(day, _)| closed_on(&self.closures, *day).is_none())
            .map(|(_, window)| window)
    }

    /// Whether support is open at `now`, and until or from when. `zone`
    /// gives the schedule's zone's offset, in minutes east of UTC, at an
    /// instant.
    pub fn status(&self, now: i64, zone: &dyn Fn(i64) -> i32) -> Status {
        let (today, _) = local_day_minute(now, zone);
        // A window that opened yesterday may still be open.
        let mut windows = self
            .open_windows(today - 1..today + 367, zone)
            .skip_while(|w| w.closes <= now)
            .peekable();
        match windows.next() {
            Some(w) if w.opens <= now => {
                let mut closes = w.closes;
                while let Some(next) = windows.next_if(|n| n.opens <= closes) {
                    closes = closes.max(next.closes);
                }
                Status::Open { closes }
            }
            next => Status::Closed {
                opens: next.map(|w| w.opens),
            },
        }
    }

    /// The closure that keeps support closed at `now`, if one does: the
    /// closure on the day of the window that, without closures, would be
    /// open at `now` or open next. Shown as the reason it is closed.
    pub fn closure_at(&self, now: i64, zone: &dyn Fn(i64) -> i32) -> Option<&Closure> {
        let (today, _) = local_day_minute(now, zone);
        let (day, _) = self
            .windows_in(today - 1..today + 8, zone)
            .find(|(_, w)| w.closes > now)?;
        closed_on(&self.closures, day)
    }

    /// [`Schedule::closure_at`], and whether the closure's date (on the
    /// team's calendar) is today on the reader's (`reader`, their offset
    /// lookup): "Closed today for Christmas Day" then, else "Closed for
    /// Christmas Day", so that a reason shown beside "opens tomorrow" is
    /// never read as tomorrow's.
    pub fn closure_today(
        &self,
        now: i64,
        zone: &dyn Fn(i64) -> i32,
        reader: &dyn Fn(i64) -> i32,
    ) -> Option<(&Closure, bool)> {
        let closure = self.closure_at(now, zone)?;
        let (reader_today, _) = local_day_minute(now, reader);
        Some((closure, parse_date(&closure.date) == Some(reader_today)))
    }

    /// The closure to announce at `now`: the first listed whose local day
    /// has not ended and starts within
    /// [`CLOSURE_NOTICE_DAYS`](super::calendar::CLOSURE_NOTICE_DAYS), with
    /// the instant that day starts.
    pub fn upcoming_closure(&self, now: i64, zone: &dyn Fn(i64) -> i32) -> Option<(&Closure, i64)> {
        upcoming_closure(&self.closures, now, zone)
    }

    /// The week ahead on the reader's clock, closures aside: the windows
    /// that open on seven days of the reader's calendar, from the day the
    /// window open now (else the next) opened, grouped by the hours they
    /// keep on the reader's clock, each group with the reader's weekdays
    /// it opens on. A window that opens late in the team's day may open on
    /// the reader's next day: the days are the reader's. Groups come in
    /// week order of their first day. `zone` is the schedule's offset
    /// lookup, `reader` the reader's.
    pub fn week(
        &self,
        now: i64,
        zone: &dyn Fn(i64) -> i32,
        reader: &dyn Fn(i64) -> i32,
    ) -> Vec<WeekHours> {
        let (today, _) = local_day_minute(now, zone);
        let mut windows = self
            .windows_in(today - 1..today + 14, zone)
            .map(|(_, w)| (local_day_minute(w.opens, reader).0, w))
            .skip_while(|(_, w)| w.closes <= now)
            .peekable();
        let Some(&(first_day, _)) = windows.peek() else {
            return Vec::new();
        };
        let mut groups: Vec<((u32, u32), WeekHours)> = Vec::new();
        for (day, window) in windows.take_while(|(day, _)| *day < first_day + 7) {
            let opens = local_day_minute(window.opens, reader).1;
            let closes = local_day_minute(window.closes, reader).1;
            match groups
                .iter_mut()
                .find(|(times, _)| *times == (opens, closes))
            {
                Some((_, group)) => group.days.insert(weekday(day)),
                None => {
                    let mut days = DaySet::default();
                    days.insert(weekday(day));
                    groups.push(((opens, closes), WeekHours { days, window }));
                }
            }
        }
        groups.sort_by_key(|(_, g)| g.days.runs().first().map_or(7, |r| r.0));
        groups.into_iter().map(|(_, g)| g).collect()
    }

    /// The first two openings (in listing order) open at the same time,
    /// with a weekday and minute at which both are, if any are.
    pub fn overlap(&self) -> Option<Overlap> {
        // Each opening's spans over the week, in minutes from Monday 00:00.
        let spans: Vec<Vec<(i64, i64)>> = self
            .open
            .iter()
            .map(|o| match o.parsed() {
                Some((days, from, length)) => (0..7)
                    .filter(|&d| days.contains(d))
                    .map(|d| {
                        let start = d as i64 * 24 * 60 + i64::from(from);
                        (start, start + i64::from(length))
                    })
                    .collect(),
                None => Vec::new(),
            })
            .collect();
        for second in 0..spans.len() {
            for first in 0..second {
                for &(a_start, a_end) in &spans[first] {
                    for &(b_start, b_end) in &spans[second] {
                        for shift in [-WEEK_MINUTES, 0, WEEK_MINUTES] {
                            let (b_start, b_end) = (b_start + shift, b_end + shift);
                            if a_start < b_end && b_start < a_end {
                                let at = a_start.max(b_start).rem_euclid(WEEK_MINUTES);
                                return Some(Overlap {
                                    first,
                                    second,
                                    weekday: (at / (24 * 60)) as usize,
                                    minute: (at % (24 * 60)) as u32,
                                });
                            }
                        }
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::calendar::tests::{at, berlin};
    use super::*;

    pub(crate) fn opening(days: &[&str], from: &str, to: &str) -> Opening {
        Opening {
            days: days.iter().map(|d| d.to_string()).collect(),
            from: from.into(),
            to: to.into(),
        }
    }

    /// The seed's hours: every day 09:00 to 02:00 GMT.
    pub(crate) fn seed() -> Schedule {
        Schedule {
            time_zone: "GMT".into(),
            language: "en".into(),
            open: vec![opening(&["mon-sun"], "09:00", "02:00")],
            closures: vec![Closure {
                date: "2026-12-25".into(),
                name: "Christmas Day".into(),
            }],
        }
    }

    /// Mon–Fri 08:00–17:00 Europe/Berlin.
    pub(crate) fn berlin_office() -> Schedule {
        Schedule {
            time_zone: "Europe/Berlin".into(),
            language: "de".into(),
            open: vec![opening(&["mon-fri"], "08:00", "17:00")],
            closures: vec![Closure {
                date: "2026-12-25".into(),
                name: "Erster Weihnachtstag".into(),
            }],
        }
    }

    const GMT: &dyn Fn(i64) -> i32 = &|_| 0;

    #[test]
    fn days_parse_as_names_and_ranges() {
        let days = |entries: &[&str]| {
            DaySet::parse(&entries.iter().map(|e| e.to_string()).collect::<Vec<_>>())
        };
        let set = |list: &[usize]| {
            let mut set = DaySet::default();
            list.iter().for_each(|&d| set.insert(d));
            Some(set)
        };
        assert_eq!(days(&["mon-fri"]), set(&[0, 1, 2, 3, 4]));
        assert_eq!(days(&["fri-mon"]), set(&[4, 5, 6, 0]));
        assert_eq!(days(&["mon", "wed", "sat-sun"]), set(&[0, 2, 5, 6]));
        assert_eq!(days(&["mon-sun"]), Some(DaySet::EVERY_DAY));
        assert_eq!(days(&["thu-wed"]), Some(DaySet::EVERY_DAY));
        assert_eq!(days(&["monday"]), None);
        assert_eq!(days(&["Mon"]), None);
        assert_eq!(days(&["mon-"]), None);
        assert_eq!(days(&["mon-fri-sun"]), None);
        assert_eq!(days(&[]), Some(DaySet::default()));
    }

    #[test]
    fn days_read_as_runs() {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let describe = |entries: &[&str]| {
            DaySet::parse(&entries.iter().map(|e| e.to_string()).collect::<Vec<_>>())
                .unwrap()
                .describe(&names, "Every day")
        };
        assert_eq!(describe(&["mon-fri"]), "Mon–Fri");
        assert_eq!(describe(&["sun-thu"]), "Sun–Thu");
        assert_eq!(describe(&["mon", "wed", "fri"]), "Mon, Wed, Fri");
        assert_eq!(describe(&["sat-sun"]), "Sat, Sun");
        assert_eq!(describe(&["tue-sat", "mon"]), "Mon–Sat");
        assert_eq!(describe(&["mon-sun"]), "Every day");
        assert_eq!(describe(&["fri-mon", "wed"]), "Wed, Fri–Mon");
    }

    #[test]
    fn the_seed_hours_run_across_midnight() {
        let hours = seed();
        assert_eq!(
            hours.status(at("2026-03-10 08:59"), GMT),
            Status::Closed {
                opens: Some(at("2026-03-10 09:00"))
            }
        );
        for now in ["2026-03-10 09:00", "2026-03-10 23:30", "2026-03-11 01:59"] {
            assert_eq!(
                hours.status(at(now), GMT),
                Status::Open {
                    closes: at("2026-03-11 02:00")
                },
                "{now}"
            );
        }
        assert_eq!(
            hours.status(at("2026-03-11 02:00"), GMT),
            Status::Closed {
                opens: Some(at("2026-03-11 09:00"))
            }
        );
    }

    #[test]
    fn a_berlin_office_follows_summer_time() {
        let hours = berlin_office();
        // Tuesday 10 March: 08:00 CET is 07:00 UTC.
        assert_eq!(
            hours.status(at("2026-03-10 06:59"), &berlin),
            Status::Closed {
                opens: Some(at("2026-03-10 07:00"))
            }
        );
        assert_eq!(
            hours.status(at("2026-03-10 07:00"), &berlin),
            Status::Open {
                closes: at("2026-03-10 16:00")
            }
        );
        // Tuesday 14 July: 08:00 CEST is 06:00 UTC.
        assert_eq!(
            hours.status(at("2026-07-14 06:30"), &berlin),
            Status::Open {
                closes: at("2026-07-14 15:00")
            }
        );
        // Friday evening: next open on Monday, after the change to summer
        // time on Sunday 29 March.
        assert_eq!(
            hours.status(at("2026-03-27 17:00"), &berlin),
            Status::Closed {
                opens: Some(at("2026-03-30 06:00"))
            }
        );
    }

    #[test]
    fn closures_are_local_dates_and_skip_their_windows() {
        let office = berlin_office();
        // Christmas is a Friday; in Berlin it starts at 23:00 UTC on the 24th.
        assert_eq!(
            office.status(at("2026-12-24 23:30"), &berlin),
            Status::Closed {
                opens: Some(at("2026-12-28 07:00"))
            }
        );
        assert_eq!(
            office
                .closure_at(at("2026-12-24 23:30"), &berlin)
                .map(|c| c.name.as_str()),
            Some("Erster Weihnachtstag")
        );
        assert_eq!(
            office.closure_at(at("2026-12-24 12:00"), &berlin),
            None,
            "open now: no closure to explain"
        );
        // On Saturday the next window would be Monday's: no closure.
        assert_eq!(office.closure_at(at("2026-12-26 12:00"), &berlin), None);

        let seed = seed();
        // The window of the 24th still runs into the 25th.
        assert_eq!(
            seed.status(at("2026-12-25 01:00"), GMT),
            Status::Open {
                closes: at("2026-12-25 02:00")
            }
        );
        assert_eq!(
            seed.status(at("2026-12-25 12:00"), GMT),
            Status::Closed {
                opens: Some(at("2026-12-26 09:00"))
            }
        );
        assert_eq!(
            seed.closure_at(at("2026-12-25 03:00"), GMT)
                .map(|c| c.name.as_str()),
            Some("Christmas Day")
        );
        // On the 25th, the reason is today's, whatever "opens" says.
        let new_york = |_: i64| -300;
        let tokyo = |_: i64| 540;
        assert_eq!(
            seed.closure_today(at("2026-12-25 12:00"), GMT, &new_york),
            Some((&seed.closures[0], true))
        );
        // 01:00 GMT on the 26th: still the 25th's closure (its window runs
        // to 02:00), which is today in New York but yesterday in Tokyo.
        assert_eq!(
            seed.closure_today(at("2026-12-26 01:00"), GMT, &new_york),
            Some((&seed.closures[0], true))
        );
        assert_eq!(
            seed.closure_today(at("2026-12-26 01:00"), GMT, &tokyo),
            Some((&seed.closures[0], false))
        );
        assert_eq!(
            seed.closure_today(at("2026-12-24 12:00"), GMT, &tokyo),
            None
        );
        assert_eq!(
            seed.upcoming_closure(at("2026-12-20 12:00"), GMT),
            Some((&seed.closures[0], at("2026-12-25 00:00")))
        );
    }

    #[test]
    fn windows_that_follow_without_a_break_close_as_one() {
        let hours = Schedule {
            open: vec![
                opening(&["mon-fri"], "08:00", "12:00"),
                opening(&["mon-fri"], "12:00", "17:00"),
                opening(&["sat"], "10:00", "14:00"),
            ],
            ..berlin_office()
        };
        assert_eq!(hours.overlap(), None);
        assert_eq!(
            hours.status(at("2026-03-10 09:00"), GMT),
            Status::Open {
                closes: at("2026-03-10 17:00")
            }
        );
        // Friday after closing: Saturday's short window is next.
        assert_eq!(
            hours.status(at("2026-03-13 18:00"), GMT),
            Status::Closed {
                opens: Some(at("2026-03-14 10:00"))
            }
        );
    }

    #[test]
    fn a_schedule_with_no_window_never_opens() {
        let mut hours = seed();
        hours.open.clear();
        assert_eq!(
            hours.status(at("2026-03-10 12:00"), GMT),
            Status::Closed { opens: None }
        );
        assert_eq!(hours.week(at("2026-03-10 12:00"), GMT, GMT), vec![]);
        assert_eq!(hours.closure_at(at("2026-03-10 12:00"), GMT), None);
    }

    #[test]
    fn the_week_is_told_in_the_readers_days() {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let office = berlin_office();
        let week = |now: &str, reader: &dyn Fn(i64) -> i32| {
            office
                .week(at(now), &berlin, reader)
                .iter()
                .map(|w| {
                    let (_, opens) = local_day_minute(w.window.opens, reader);
                    let (_, closes) = local_day_minute(w.window.closes, reader);
                    format!(
                        "{} {:02}:{:02}-{:02}:{:02}",
                        w.days.describe(&names, "Every day"),
                        opens / 60,
                        opens % 60,
                        closes / 60,
                        closes % 60
                    )
                })
                .collect::<Vec<_>>()
        };
        // Seen from Berlin itself, and from Los Angeles (UTC-7 in summer),
        // where 08:00 in Berlin is 23:00 the evening before.
        assert_eq!(week("2026-07-15 12:00", &berlin), ["Mon–Fri 08:00-17:00"]);
        assert_eq!(
            week("2026-07-15 12:00", &|_| -7 * 60),
            ["Sun–Thu 23:00-08:00"]
        );
        // From Auckland (UTC+12 in July), 17:00 in Berlin is 03:00 next day.
        assert_eq!(
            week("2026-07-15 12:00", &|_| 12 * 60),
            ["Mon–Fri 18:00-03:00"]
        );
        // Christmas changes nothing: the week shows the pattern.
        assert_eq!(week("2026-12-23 12:00", &berlin), ["Mon–Fri 08:00-17:00"]);
        // The seed's hours every day, from Kolkata.
        let seed = seed();
        let kolkata: &dyn Fn(i64) -> i32 = &|_| 330;
        let week = seed.week(at("2026-03-10 12:00"), GMT, kolkata);
        assert_eq!(week.len(), 1);
        assert!(week[0].days.is_every_day());
        assert_eq!(
            local_day_minute(week[0].window.opens, kolkata).1,
            14 * 60 + 30
        );
        assert_eq!(
            local_day_minute(week[0].window.closes, kolkata).1,
            7 * 60 + 30
        );
    }

    #[test]
    fn overlapping_openings_are_found_across_midnight_and_sunday() {
        let overlap = |open: Vec<Opening>| Schedule { open, ..seed() }.overlap();
        assert_eq!(
            overlap(vec![
                opening(&["mon-fri"], "08:00", "17:00"),
                opening(&["mon"], "16:00", "18:00"),
            ]),
            Some(Overlap {
                first: 0,
                second: 1,
                weekday: 0,
                minute: 16 * 60
            })
        );
        // Sunday 22:00 to 02:00 runs into Monday's early window.
        assert_eq!(
            overlap(vec![
                opening(&["mon"], "01:00", "05:00"),
                opening(&["sun"], "22:00", "02:00"),
            ]),
            Some(Overlap {
                first: 0,
                second: 1,
                weekday: 0,
                minute: 60
            })
        );
        assert_eq!(
            overlap(vec![
                opening(&["mon-fri"], "08:00", "12:00"),
                opening(&["mon-fri"], "13:00", "17:00"),
                opening(&["sat", "sun"], "20:00", "08:00"),
            ]),
            None
        );
        assert_eq!(
            overlap(vec![
                opening(&["mon-sun"], "09:00", "02:00"),
                opening(&["wed"], "01:00", "03:00"),
            ])
            .map(|o| (o.weekday, o.minute)),
            Some((2, 60)),
            "Tuesday's window still runs at 01:00 on Wednesday"
        );
    }
}
