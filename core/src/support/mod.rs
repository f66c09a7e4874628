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
//!
//! - [`calendar`]: dates, weekdays, ISO instants, wall clocks, closures;
//! - [`hours`]: the daily window, its openings, open or closed;
//! - [`regions`]: contacts, their links, which region serves a reader.
//!
//! Every item is re-exported here, as `help_core::support::X`.

pub mod calendar;
pub mod hours;
pub mod regions;

use serde::{Deserialize, Serialize};

use crate::ui_strings::UiStrings;

pub use calendar::{
    CLOSURE_NOTICE_DAYS, Closure, LocalTime, WEEKDAYS, describe_duration, iso_utc, local_time,
    parse_date, parse_hh_mm,
};
pub use hours::{Hours, Status, Window};
pub use regions::{Contact, Region, guess_country};

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
    /// The help center's UI strings, over the widget's own (`[strings]`).
    #[serde(default, skip_serializing_if = "UiStrings::is_empty")]
    pub strings: UiStrings,
}

/// What the request helper tells and prefills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestHelp {
    /// The domain to add to the mail program's safe senders.
    pub safe_sender_domain: String,
}

impl SupportData {
    /// Whether support is open at `now`, and until or from when.
    pub fn status(&self, now: i64) -> Status {
        self.hours.status(&self.closures, now)
    }

    /// The window open at `now`, else the next one: the daily hours to show.
    pub fn current_window(&self, now: i64) -> Option<Window> {
        self.hours.current_window(&self.closures, now)
    }

    /// The closure that skips the window of the UTC day containing
    /// `instant`, if one does: shown as the reason support is closed.
    pub fn closure_at(&self, instant: i64) -> Option<&Closure> {
        calendar::closure_at(&self.closures, instant)
    }

    /// The closure to announce at `now`: the first listed whose UTC day has
    /// not ended and starts within [`CLOSURE_NOTICE_DAYS`], with the
    /// instant that day starts.
    pub fn upcoming_closure(&self, now: i64) -> Option<(&Closure, i64)> {
        calendar::upcoming_closure(&self.closures, now)
    }

    /// The region for a country code, else the default region.
    pub fn region_for_country(&self, country: Option<&str>) -> Option<&Region> {
        regions::region_for_country(&self.regions, country)
    }

    /// The region with id `chosen` if there is one, else the region for the
    /// country guessed from the reader's locale and time zone.
    pub fn region_for_reader(
        &self,
        chosen: Option<&str>,
        locale: &str,
        time_zone: &str,
    ) -> Option<&Region> {
        let found = chosen.and_then(|id| self.regions.iter().find(|r| r.id == id));
        found.or_else(|| self.region_for_country(guess_country(locale, time_zone).as_deref()))
    }
}

#[cfg(test)]
mod tests {
    use super::calendar::tests::at;
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
            strings: Default::default(),
        }
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
    fn the_current_window_is_the_open_one_else_the_next() {
        let data = sample();
        let window = |now| data.current_window(at(now)).map(|w| (w.opens, w.closes));
        assert_eq!(
            window("2026-03-11 01:00"),
            Some((at("2026-03-10 09:00"), at("2026-03-11 02:00"))),
            "still open from yesterday"
        );
        assert_eq!(
            window("2026-03-11 03:00"),
            Some((at("2026-03-11 09:00"), at("2026-03-12 02:00")))
        );
        let mut closed = sample();
        closed.hours.days.clear();
        assert_eq!(closed.current_window(at("2026-03-11 03:00")), None);
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

    #[test]
    fn the_chosen_region_wins_over_the_guess() {
        let data = sample();
        let id = |chosen, locale, zone| {
            data.region_for_reader(chosen, locale, zone)
                .map(|r| r.id.as_str())
        };
        assert_eq!(id(None, "fr-FR", "Europe/Paris"), Some("france"));
        assert_eq!(
            id(Some("americas"), "fr-FR", "Europe/Paris"),
            Some("americas")
        );
        assert_eq!(id(Some("mars"), "en", "Europe/Paris"), Some("france"));
        assert_eq!(data.regions[0].email(), None);
        assert_eq!(data.regions[1].email(), Some("support-fr@example.com"));
    }
}
