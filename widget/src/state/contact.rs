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
    /// The browser's own zone, no region chosen, now. Call it under a
    /// reactive owner.
    pub fn from_browser() -> ContactState {
        ContactState {
            time_zone: RwSignal::new(intl::default_time_zone()),
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
