//! Phone hours: the daily opening window in UTC, the windows it gives on
//! the calendar (closures skipped), and whether support is open at an
//! instant.

use serde::{Deserialize, Serialize};

use super::calendar::{Closure, DAY_MS, MINUTE_MS, closed_on, parse_hh_mm, weekday_name};

/// A daily opening window, in UTC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// Opening time, `HH:MM` in UTC (GMT).
    pub opens: String,
    /// Closing time, `HH:MM` in UTC; earlier than `opens` means the next day.
    pub closes: String,
    /// Days the window opens on, by the UTC date it opens: `mon` … `sun`.
    pub days: Vec<String>,
    /// The language phone support speaks, as a locale tag.
    pub language: String,
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
        /// When it closes.
        closes: i64,
    },
    /// Closed; opens at `opens`, if it ever does within a year.
    Closed {
        /// When it next opens.
        opens: Option<i64>,
    },
}

impl Hours {
    /// The opening window that starts on UTC day `day` (days since the
    /// epoch), unless that day has none or is one of `closures`.
    fn window_on(&self, closures: &[Closure], day: i64) -> Option<Window> {
        let opens = i64::from(parse_hh_mm(&self.opens)?);
        let closes = i64::from(parse_hh_mm(&self.closes)?);
        if !self.days.iter().any(|d| d == weekday_name(day)) {
            return None;
        }
        if closed_on(closures, day) {
            return None;
        }
        let start = day * DAY_MS + opens * MINUTE_MS;
        let length = if closes > opens {
            closes - opens
        } else {
            closes + 24 * 60 - opens
        };
        Some(Window {
            opens: start,
            closes: start + length * MINUTE_MS,
        })
    }

    /// Whether support is open at `now`, and until or from when.
    pub(crate) fn status(&self, closures: &[Closure], now: i64) -> Status {
        let today = now.div_euclid(DAY_MS);
        // A window that opened yesterday may still be open.
        for day in [today - 1, today] {
            if let Some(w) = self.window_on(closures, day)
                && w.opens <= now
                && now < w.closes
            {
                return Status::Open { closes: w.closes };
            }
        }
        Status::Closed {
            opens: self.next_windows(closures, now, 1).first().map(|w| w.opens),
        }
    }

    /// The next `count` windows that open after `now`, within a year.
    pub(crate) fn next_windows(&self, closures: &[Closure], now: i64, count: usize) -> Vec<Window> {
        let today = now.div_euclid(DAY_MS);
        (today - 1..today + 367)
            .filter_map(|d| self.window_on(closures, d))
            .filter(|w| w.opens > now)
            .take(count)
            .collect()
    }

    /// The window open at `now`, else the next one, among those opening
    /// within a day before `now`: the daily pattern to show.
    pub(crate) fn current_window(&self, closures: &[Closure], now: i64) -> Option<Window> {
        self.next_windows(closures, now - DAY_MS, 3)
            .into_iter()
            .find(|w| w.closes > now)
    }
}
