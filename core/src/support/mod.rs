//! Support hours and contacts: when phone support is open, in the reader's
//! own time, and whom to contact from which region.
//!
//! Everything here is plain functions over instants (milliseconds since the
//! Unix epoch, UTC). A schedule's times are wall-clock times in its own IANA
//! zone, and wall clocks come from *offset lookups* the caller supplies,
//! `offset(instant) -> minutes east of UTC`, one for the schedule's zone and
//! one for the reader's: `Intl` in the browser (so the wasm ships no
//! time-zone data), chrono-tz in native tests. An offset is always asked for
//! at the instant in question, never "now", so a DST change between now and
//! the next opening is handled, in either zone.
//!
//! The data (`support.toml` in a help center) is validated by the index
//! builder and shipped in the bundle as [`SupportData`] JSON.
//!
//! - [`calendar`]: dates, weekdays, ISO instants, wall clocks, closures;
//! - [`hours`]: weekly schedules, their windows, open or closed, the week
//!   on the reader's clock;
//! - [`regions`]: contacts, their links, which region serves a reader.
//!
//! Every item is re-exported here, as `help_core::support::X`.

pub mod calendar;
pub mod hours;
pub mod regions;

use serde::{Deserialize, Serialize};

use crate::ui_strings::UiStrings;

pub use calendar::{
    CLOSURE_NOTICE_DAYS, Closure, LocalTime, WEEKDAYS, describe_duration, instant_from_local,
    iso_utc, local_time, parse_date, parse_hh_mm,
};
pub use hours::{DaySet, Opening, Overlap, Schedule, Status, WeekHours, Window};
pub use regions::{Contact, Region, guess_country};

/// Support hours, contacts and request tips, as bundled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportData {
    /// The default phone hours: those of every region that has a phone
    /// number and no schedule of its own.
    #[serde(default)]
    pub hours: Option<Schedule>,
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
    /// The phone hours of `region`: its own schedule, else the default
    /// one; none for a region without a phone number, which has no phone
    /// hours to show.
    pub fn schedule_for<'a>(&'a self, region: &'a Region) -> Option<&'a Schedule> {
        if !region.has_phone() {
            return None;
        }
        region.hours.as_ref().or(self.hours.as_ref())
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
    use super::hours::tests::{berlin_office, seed};
    use super::*;

    pub(crate) fn sample() -> SupportData {
        SupportData {
            hours: Some(seed()),
            regions: vec![
                Region {
                    id: "americas".into(),
                    name: "US, Canada, Australia".into(),
                    names: Default::default(),
                    countries: vec!["US".into(), "CA".into(), "AU".into()],
                    default: true,
                    languages: vec!["en".into()],
                    contacts: vec![Contact::Phone {
                        number: "+1-646-943-8200".into(),
                        option: Some("7".into()),
                        toll_free: false,
                    }],
                    hours: None,
                    example: false,
                },
                Region {
                    id: "france".into(),
                    name: "France".into(),
                    names: Default::default(),
                    countries: vec!["FR".into()],
                    default: false,
                    languages: vec!["fr".into(), "en".into()],
                    contacts: vec![Contact::Email {
                        address: "support-fr@example.com".into(),
                    }],
                    hours: None,
                    example: true,
                },
                Region {
                    id: "germany".into(),
                    name: "Deutschland".into(),
                    names: Default::default(),
                    countries: vec!["DE".into()],
                    default: false,
                    languages: vec!["de".into(), "en".into()],
                    contacts: vec![
                        Contact::Phone {
                            number: "+49-30-5555-0100".into(),
                            option: None,
                            toll_free: false,
                        },
                        Contact::Email {
                            address: "support-de@example.com".into(),
                        },
                    ],
                    hours: Some(berlin_office()),
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
    fn each_region_with_a_phone_has_its_own_hours_or_the_default() {
        let data = sample();
        let zone = |id: &str| {
            let region = data.regions.iter().find(|r| r.id == id).unwrap();
            data.schedule_for(region).map(|s| s.time_zone.as_str())
        };
        assert_eq!(zone("americas"), Some("GMT"));
        assert_eq!(zone("germany"), Some("Europe/Berlin"));
        assert_eq!(zone("france"), None, "email only: no phone hours");
        let mut no_default = sample();
        no_default.hours = None;
        assert_eq!(no_default.schedule_for(&no_default.regions[0]), None);
        assert!(no_default.schedule_for(&no_default.regions[2]).is_some());
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
        assert!(data.regions[0].has_phone());
        assert!(!data.regions[1].has_phone());
    }
}
