//! Contact support: phone hours in the reader's own time ([`hours`]),
//! contacts by region ([`regions`]), and a request helper that carries
//! what support asks for ([`request`]), the time zone picker ([`zones`]);
//! [`copy`] is their Copy button; [`ContactLink`] leads here from any view.
//! The domain rules (open or closed, which region, which closure) are
//! `help_core::support`'s; these views only show them.

pub mod copy;
pub mod hours;
pub mod regions;
pub mod request;
pub mod zones;

use std::time::Duration;

use leptos::prelude::*;

use crate::intl;
use crate::state::{ContactState, Navigation, Reader};
use copy::Copied;
use hours::HoursSection;
use regions::RegionSection;
use request::RequestSection;

/// How often the live status is brought up to date while it shows.
const TICK: Duration = Duration::from_secs(20);

/// The contact view.
#[component]
pub fn ContactView() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let contact = expect_context::<ContactState>();
    // Keep the live status true while the view is open.
    if let Ok(handle) = set_interval_with_handle(move || contact.now.set(intl::now()), TICK) {
        on_cleanup(move || handle.clear());
    }
    contact.now.set(intl::now());
    // Which Copy button last copied: one "Copied" at a time in this view.
    provide_context(Copied::none());
    let support = move || reader.support();
    view! {
        <div class="hw-contact">
            {move || match support() {
                None => view! { <p class="hw-error">{reader.ui().unavailable}</p> }.into_any(),
                Some(data) => view! { <HoursSection data=data /> }.into_any(),
            }}
            {move || support().map(|data| view! {
                <RegionSection data=data.clone() />
                <RequestSection data=data />
            })}
        </div>
    }
}

/// The way to Contact support from any view: a link-styled button that
/// opens the contact view.
#[component]
pub fn ContactLink() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let navigation = expect_context::<Navigation>();
    view! {
        <button type="button" class="hw-link-button hw-contact-link" on:click=move |_| navigation.show_contact()>
            {move || reader.ui().contact_support}
        </button>
    }
}
