//! Support hours and contacts: when phone support is open, in the reader's
//! own time, and whom to contact from which region.
//!
//! Everything here is plain functions over instants (milliseconds since the
//! Unix epoch, UTC). Wall-clock times come from an *offset lookup* the
//! caller supplies, `offset(instant) -> minutes east of UTC`: `Intl` in the
//! browser (so the wasm ships no time-zone data), chrono-tz in native tests.
//! The offset is always asked for at the instant being shown, never "now",
//! so a DST change between now and the next opening is handled.
//!
//! The data (`support.toml` in a help center) is validated by the index
//! builder and shipped in the bundle as [`SupportData`] JSON.

use serde::{Deserialize, Serialize};

const MINUTE_MS: i64 = 60_000;
const DAY_MS: i64 = 24 * 60 * MINUTE_MS;

/// Support hours, contacts and request tips, as bundled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportData {
    /// When phone support is open.
    pub hours: Hours,
    /// Days without phone support.
    #[serde(default)]
    pub closures: Vec<Closure>,
    /// Contacts by region; the first whose `default` is set serves anyone
    /// not matched by country.
    pub regions: Vec<Region>,
    /// What a good support request carries.
    pub request: RequestHelp,
}

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

/// A day without support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    /// The UTC date whose opening is skipped, `YYYY-MM-DD`.
    pub date: String,
    /// Why, shown to the reader.
    pub reason: String,
}

/// Contacts for one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable id, such as `europe`.
    pub id: String,
    /// Name shown to the reader.
    pub name: String,
    /// ISO 3166-1 alpha-2 country codes served.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Whether this region serves every country no other region lists.
    #[serde(default)]
    pub default: bool,
    /// Locale tags of the languages offered, preferred first.
    pub languages: Vec<String>,
    /// How to get in touch.
    pub contacts: Vec<Contact>,
    /// Marks made-up example data, which the widget labels as such.
    #[serde(default)]
    pub example: bool,
}

/// One way to reach support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Contact {
    /// A phone line, open during [`Hours`].
    Phone {
        /// The number as shown, such as `+1-646-943-8200`.
        number: String,
        /// A menu option to choose after dialling, if any.
        #[serde(default)]
        option: Option<String>,
        /// Whether calls are free.
        #[serde(default)]
        toll_free: bool,
    },
    /// An email address.
    Email {
        /// The address.
        address: String,
    },
}

/// What the request helper tells and prefills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestHelp {
    /// The domain to add to the mail program's safe senders.
    pub safe_sender_domain: String,
}

impl Contact {
    /// The `tel:` or `mailto:` link. A phone option is dialled too: a
    /// pause (`,`) and the option's digits, as phones understand.
    pub fn href(&self) -> String {
        match self {
            Contact::Phone { number, option, .. } => {
                let digits: String = number
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect();
                match option {
                    Some(option) => format!("tel:{digits},{option}"),
                    None => format!("tel:{digits}"),
                }
            }
            Contact::Email { address } => format!("mailto:{address}"),
        }
    }
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

/// `mon` … `sun` for days since the epoch (1970-01-01 was a Thursday).
fn weekday_name(days: i64) -> &'static str {
    ["thu", "fri", "sat", "sun", "mon", "tue", "wed"][days.rem_euclid(7) as usize]
}

/// The weekday names the `days` list accepts.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

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

impl SupportData {
    /// The opening window that starts on UTC day `day` (days since the
    /// epoch), unless that day has none or is closed.
    fn window_on(&self, day: i64) -> Option<Window> {
        let opens = i64::from(parse_hh_mm(&self.hours.opens)?);
        let closes = i64::from(parse_hh_mm(&self.hours.closes)?);
        if !self.hours.days.iter().any(|d| d == weekday_name(day)) {
            return None;
        }
        if self
            .closures
            .iter()
            .any(|c| parse_date(&c.date) == Some(day))
        {
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
    pub fn status(&self, now: i64) -> Status {
        let today = now.div_euclid(DAY_MS);
        // A window that opened yesterday may still be open.
        for day in [today - 1, today] {
            if let Some(w) = self.window_on(day) {
                if w.opens <= now && now < w.closes {
                    return Status::Open { closes: w.closes };
                }
            }
        }
        Status::Closed {
            opens: self.next_windows(now, 1).first().map(|w| w.opens),
        }
    }

    /// The next `count` windows that open after `now`, within a year.
    pub fn next_windows(&self, now: i64, count: usize) -> Vec<Window> {
        let today = now.div_euclid(DAY_MS);
        (today - 1..today + 367)
            .filter_map(|d| self.window_on(d))
            .filter(|w| w.opens > now)
            .take(count)
            .collect()
    }

    /// The closure that skips the window of the UTC day containing
    /// `instant`, if one does: shown as the reason support is closed.
    pub fn closure_at(&self, instant: i64) -> Option<&Closure> {
        let day = instant.div_euclid(DAY_MS);
        self.closures
            .iter()
            .find(|c| parse_date(&c.date) == Some(day) || parse_date(&c.date) == Some(day - 1))
    }

    /// The region for a country code, else the default region.
    pub fn region_for_country(&self, country: Option<&str>) -> Option<&Region> {
        country
            .and_then(|c| {
                self.regions
                    .iter()
                    .find(|r| r.countries.iter().any(|rc| rc.eq_ignore_ascii_case(c)))
            })
            .or_else(|| self.regions.iter().find(|r| r.default))
            .or_else(|| self.regions.first())
    }
}

/// The reader's country, guessed from their locale's region (`fr-CA` is
/// Canada), else from their time zone, else from the language alone for
/// the languages support has a team for.
pub fn guess_country(locale: &str, time_zone: &str) -> Option<String> {
    let mut parts = locale.split(['-', '_']);
    let language = parts.next().unwrap_or("").to_ascii_lowercase();
    if let Some(region) = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
    {
        return Some(region.to_ascii_uppercase());
    }
    if let Some((_, country)) = ZONE_COUNTRIES.iter().find(|(zone, _)| *zone == time_zone) {
        return Some((*country).to_string());
    }
    let continent = time_zone.split('/').next().unwrap_or("");
    let by_language = match language.as_str() {
        "fr" if continent == "Europe" => Some("FR"),
        "de" if continent == "Europe" => Some("DE"),
        "pt" if continent == "America" => Some("BR"),
        _ => None,
    };
    by_language.map(str::to_string)
}

/// Time zones that name one country, for [`guess_country`]. Zones shared
/// by several countries are left out: the language decides those.
const ZONE_COUNTRIES: &[(&str, &str)] = &[
    ("America/Sao_Paulo", "BR"),
    ("America/Fortaleza", "BR"),
    ("America/Recife", "BR"),
    ("America/Bahia", "BR"),
    ("America/Belem", "BR"),
    ("America/Manaus", "BR"),
    ("America/Cuiaba", "BR"),
    ("America/Porto_Velho", "BR"),
    ("America/New_York", "US"),
    ("America/Chicago", "US"),
    ("America/Denver", "US"),
    ("America/Los_Angeles", "US"),
    ("America/Phoenix", "US"),
    ("America/Anchorage", "US"),
    ("Pacific/Honolulu", "US"),
    ("America/Toronto", "CA"),
    ("America/Vancouver", "CA"),
    ("America/St_Johns", "CA"),
    ("America/Halifax", "CA"),
    ("America/Winnipeg", "CA"),
    ("America/Edmonton", "CA"),
    ("Australia/Sydney", "AU"),
    ("Australia/Melbourne", "AU"),
    ("Australia/Perth", "AU"),
    ("Australia/Brisbane", "AU"),
    ("Australia/Adelaide", "AU"),
    ("Europe/London", "GB"),
    ("Europe/Dublin", "IE"),
    ("Europe/Paris", "FR"),
    ("Europe/Berlin", "DE"),
    ("Europe/Madrid", "ES"),
    ("Europe/Rome", "IT"),
    ("Europe/Amsterdam", "NL"),
    ("Europe/Brussels", "BE"),
    ("Europe/Vienna", "AT"),
    ("Europe/Zurich", "CH"),
    ("Europe/Lisbon", "PT"),
    ("Europe/Stockholm", "SE"),
    ("Europe/Oslo", "NO"),
    ("Europe/Copenhagen", "DK"),
    ("Europe/Helsinki", "FI"),
    ("Europe/Warsaw", "PL"),
    ("Asia/Kolkata", "IN"),
    ("Asia/Tokyo", "JP"),
    ("Asia/Singapore", "SG"),
    ("Pacific/Auckland", "NZ"),
    ("Africa/Johannesburg", "ZA"),
    ("America/Mexico_City", "MX"),
];

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
mod tests {
    use super::*;

    pub(crate) fn sample() -> SupportData {
        SupportData {
            hours: Hours {
                opens: "09:00".into(),
                closes: "02:00".into(),
                days: WEEKDAYS.iter().map(|d| d.to_string()).collect(),
                language: "en".into(),
            },
            closures: vec![Closure {
                date: "2026-12-25".into(),
                reason: "Christmas Day".into(),
            }],
            regions: vec![
                Region {
                    id: "americas".into(),
                    name: "US, Canada, Australia".into(),
                    countries: vec!["US".into(), "CA".into(), "AU".into()],
                    default: true,
                    languages: vec!["en".into()],
                    contacts: vec![Contact::Phone {
                        number: "+1-646-943-8200".into(),
                        option: Some("7".into()),
                        toll_free: false,
                    }],
                    example: false,
                },
                Region {
                    id: "france".into(),
                    name: "France".into(),
                    countries: vec!["FR".into()],
                    default: false,
                    languages: vec!["fr".into(), "en".into()],
                    contacts: vec![Contact::Email {
                        address: "support-fr@example.com".into(),
                    }],
                    example: true,
                },
            ],
            request: RequestHelp {
                safe_sender_domain: "example.com".into(),
            },
        }
    }

    fn at(text: &str) -> i64 {
        // "YYYY-MM-DD HH:MM" in UTC.
        let (date, time) = text.split_once(' ').unwrap();
        parse_date(date).unwrap() * DAY_MS + i64::from(parse_hh_mm(time).unwrap()) * MINUTE_MS
    }

    #[test]
    fn open_across_midnight_utc() {
        let data = sample();
        assert_eq!(
            data.status(at("2026-03-10 08:59")),
            Status::Closed {
                opens: Some(at("2026-03-10 09:00"))
            }
        );
        assert_eq!(
            data.status(at("2026-03-10 09:00")),
            Status::Open {
                closes: at("2026-03-11 02:00")
            }
        );
        assert_eq!(
            data.status(at("2026-03-10 23:30")),
            Status::Open {
                closes: at("2026-03-11 02:00")
            }
        );
        assert_eq!(
            data.status(at("2026-03-11 01:59")),
            Status::Open {
                closes: at("2026-03-11 02:00")
            }
        );
        assert_eq!(
            data.status(at("2026-03-11 02:00")),
            Status::Closed {
                opens: Some(at("2026-03-11 09:00"))
            }
        );
    }

    #[test]
    fn closures_skip_their_window() {
        let data = sample();
        assert_eq!(
            data.status(at("2026-12-25 12:00")),
            Status::Closed {
                opens: Some(at("2026-12-26 09:00"))
            }
        );
        // The window of the 24th still runs into the 25th.
        assert_eq!(
            data.status(at("2026-12-25 01:00")),
            Status::Open {
                closes: at("2026-12-25 02:00")
            }
        );
        assert_eq!(
            data.closure_at(at("2026-12-25 12:00"))
                .map(|c| c.reason.as_str()),
            Some("Christmas Day")
        );
    }

    #[test]
    fn weekdays_come_from_data() {
        let mut data = sample();
        data.hours.days = vec!["mon".into()];
        // 2026-03-10 is a Tuesday: the next opening is Monday the 16th.
        assert_eq!(
            data.status(at("2026-03-10 12:00")),
            Status::Closed {
                opens: Some(at("2026-03-16 09:00"))
            }
        );
        data.hours.days.clear();
        assert_eq!(
            data.status(at("2026-03-10 12:00")),
            Status::Closed { opens: None }
        );
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
        assert_eq!(weekday_name(parse_date("2026-11-25").unwrap()), "wed");
    }

    #[test]
    fn countries_are_guessed_from_locale_then_zone_then_language() {
        assert_eq!(
            guess_country("fr-CA", "America/Toronto").as_deref(),
            Some("CA")
        );
        assert_eq!(
            guess_country("pt-BR", "Europe/Lisbon").as_deref(),
            Some("BR")
        );
        assert_eq!(guess_country("en", "Europe/Berlin").as_deref(), Some("DE"));
        assert_eq!(
            guess_country("de", "Europe/Luxembourg").as_deref(),
            Some("DE")
        );
        assert_eq!(
            guess_country("pt", "America/Noronha").as_deref(),
            Some("BR")
        );
        assert_eq!(guess_country("en", "Etc/UTC"), None);
    }

    #[test]
    fn links_dial_the_option_too() {
        let data = sample();
        assert_eq!(data.regions[0].contacts[0].href(), "tel:+16469438200,7");
        assert_eq!(
            data.regions[1].contacts[0].href(),
            "mailto:support-fr@example.com"
        );
        assert_eq!(data.region_for_country(Some("fr")).unwrap().id, "france");
        assert_eq!(data.region_for_country(Some("JP")).unwrap().id, "americas");
        assert_eq!(data.region_for_country(None).unwrap().id, "americas");
    }
}
