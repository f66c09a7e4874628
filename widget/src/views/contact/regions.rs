//! Contacts by region: the region picker (the reader's region guessed
//! until they choose), the languages it offers, and each contact with its
//! link and a Copy button.

use help_core::support::{Contact, SupportData};
use help_core::template::fill;
use leptos::prelude::*;

use super::copy::CopyButton;
use crate::i18n::{Strings, language_name};
use crate::state::{ContactState, Reader};

/// What a contact shows: its label, the notes after it, what Copy copies.
fn describe(ui: &Strings, contact: &Contact) -> (String, String, String) {
    match contact {
        Contact::Phone {
            number,
            option,
            toll_free,
        } => {
            let mut extra = Vec::new();
            if *toll_free {
                extra.push(ui.toll_free.to_string());
            }
            if let Some(o) = option {
                extra.push(fill(ui.then_option, &[o]));
            }
            (number.clone(), extra.join(", "), number.clone())
        }
        Contact::Email { address } => (address.clone(), String::new(), address.clone()),
    }
}

/// The region section.
#[component]
pub fn RegionSection(
    /// The support data to show.
    data: SupportData,
) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let contact = expect_context::<ContactState>();
    move || {
        let ui = reader.ui();
        let locale = reader.locale.get();
        let current = contact.region_in(&data, &locale);
        let current_id = current.as_ref().map(|r| r.id.clone()).unwrap_or_default();
        view! {
            <section class="hw-region" aria-labelledby="hw-region-title">
                <label class="hw-subheading" id="hw-region-title" for="hw-region">{ui.region}</label>
                <select id="hw-region" class="hw-select" on:change=move |ev| contact.region.set(Some(event_target_value(&ev)))>
                    {data.regions.iter().map(|r| {
                        view! { <option value=r.id.clone() selected=r.id == current_id>{r.name_in(&locale).to_string()}</option> }
                    }).collect_view()}
                </select>
                {current.map(|r| {
                    let languages: Vec<&str> = r.languages.iter().map(|l| language_name(ui, l)).collect();
                    view! {
                        <p class="hw-meta">{fill(ui.languages, &[&languages.join(", ")])}</p>
                        <ul class="hw-contacts">
                            {r.contacts.iter().enumerate().map(|(i, c)| {
                                let (label, extra, copy_text) = describe(ui, c);
                                view! {
                                    <li class="hw-contact-item">
                                        <a class="hw-contact-link" href=c.href()>{label}</a>
                                        {(!extra.is_empty()).then(|| view! { <span class="hw-meta">{extra}</span> })}
                                        <CopyButton key=format!("{}-{i}", r.id) text=copy_text class="hw-copy" label=|ui| ui.copy />
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {r.example.then(|| view! { <p class="hw-meta hw-example">{ui.example_contact}</p> })}
                    }
                })}
            </section>
        }
    }
}
