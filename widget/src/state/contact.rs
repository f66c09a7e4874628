//! What the contact view keeps while the panel lives: the reader's time
//! zone, the region they chose, and a clock that ticks while it shows.

use help_core::support::{Region, SupportData};
use leptos::prelude::*;

use crate::intl;

/// The contact view's state.
#[derive(Clone, Copy)]
pub struct ContactState {
    /// The reader's time zone for support hours.
    pub time_zone: RwSignal<String>,
    /// The region whose contacts are shown, by id.
    pub region: RwSignal<Option<String>>,
    /// Now, in ms; ticks so the live status stays true.
    pub now: RwSignal<i64>,
}

impl ContactState {
    /// The zone the page gave (`data-time-zone`), if Intl knows it, else
    /// the browser's own; no region chosen; now. Call it under a reactive
    /// owner.
    pub fn from_browser(given: Option<&str>) -> ContactState {
        let zone = given
            .filter(|zone| intl::is_valid_time_zone(zone))
            .map_or_else(intl::default_time_zone, str::to_string);
        ContactState {
            time_zone: RwSignal::new(zone),
            region: RwSignal::new(None),
            now: RwSignal::new(intl::now()),
        }
    }

    /// The region to show from `data` to a reader of `locale`: the one
    /// chosen, else the one for the country their locale and zone suggest.
    pub fn region_in(&self, data: &SupportData, locale: &str) -> Option<Region> {
        let chosen = self.region.get();
        let zone = self.time_zone.get();
        data.region_for_reader(chosen.as_deref(), locale, &zone)
            .cloned()
    }
}
