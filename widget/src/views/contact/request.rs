//! The request helper: the reader's Site ID with a Copy button, why it
//! matters, and an email to support prefilled with what support asks for
//! (or, for a region without email, the details to copy for a call).

use help_core::support::{SupportData, iso_utc};
use help_core::template::fill;
use leptos::prelude::*;

use super::copy::CopyButton;
use crate::dom;
use crate::request::{RequestDetails, describe_user_agent};
use crate::state::{ContactState, Reader};

/// The request helper section.
#[component]
pub fn RequestSection(
    /// The support data to show.
    data: SupportData,
) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let contact = expect_context::<ContactState>();
    let details = move || {
        let (browser, os) = describe_user_agent(&dom::user_agent());
        RequestDetails {
            sid: reader.sid.get(),
            browser,
            os,
            page: dom::page_url(),
            time: iso_utc(contact.now.get()),
        }
    };
    move || {
        let ui = reader.ui();
        let data = data.clone();
        view! {
            <section class="hw-request" aria-labelledby="hw-sid-title">
                <h3 class="hw-subheading" id="hw-sid-title">{ui.your_sid}</h3>
                {move || match reader.sid.get() {
                    Some(sid) => view! {
                        <p class="hw-sid-row">
                            <code class="hw-sid">{sid.clone()}</code>
                            <CopyButton key="sid".to_string() text=sid class="hw-copy" label=|ui| ui.copy />
                        </p>
                    }.into_any(),
                    None => view! { <p class="hw-meta">{reader.ui().sid_unknown}</p> }.into_any(),
                }}
                <p class="hw-meta">{ui.sid_why}</p>
                {
                    let data = data.clone();
                    move || {
                        let region = contact.region_in(&data, &reader.locale.get());
                        let email = region.as_ref().and_then(|r| r.email()).map(str::to_string);
                        let details = details();
                        match email {
                            Some(address) => view! {
                                <a class="hw-button hw-email" href=details.mailto(&address, reader.ui())>{reader.ui().email_support}</a>
                            }.into_any(),
                            None => view! {
                                <CopyButton key="details".to_string() text=details.body(reader.ui()) class="hw-button" label=|ui| ui.copy_details />
                            }.into_any(),
                        }
                    }
                }
                <p class="hw-meta hw-tip">{fill(ui.safe_senders, &[&data.request.safe_sender_domain])}</p>
            </section>
        }
    }
}
