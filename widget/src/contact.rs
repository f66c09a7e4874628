//! Contact support: phone hours in the reader's own time, contacts by
//! region, and a request helper that carries what support asks for.

use std::time::Duration;

use help_core::support::{
    Contact, Status, SupportData, describe_duration, guess_country, iso_utc, local_time,
};
use leptos::prelude::*;

use crate::app::WidgetState;
use crate::i18n::{Strings, fill, language_name};
use crate::intl;
use crate::request::{RequestDetails, describe_user_agent};

const DAY_MS: i64 = 86_400_000;

/// A time shown to the reader: the text, and the UTC instant for `<time>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// What the reader sees, such as "21:00" or "04:00 tomorrow".
    pub text: String,
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub datetime: String,
}

/// A time in the reader's zone and locale, with "tomorrow" or the weekday
/// when it is not today.
fn shown(ui: &Strings, zone: &str, instant: i64, now: i64) -> Shown {
    let offset = |t: i64| intl::offset_minutes(zone, t).unwrap_or(0);
    let local = local_time(instant, now, &offset);
    let time = intl::format_time(ui.locale, zone, instant)
        .unwrap_or_else(|| format!("{:02}:{:02}", local.hour, local.minute));
    let text = match local.day_offset {
        0 => time,
        1 => format!("{time} {}", ui.tomorrow),
        _ => intl::format_day_time(ui.locale, zone, instant).unwrap_or(time),
    };
    Shown {
        text,
        datetime: iso_utc(instant),
    }
}

fn time_view(s: Shown) -> impl IntoView {
    view! { <time datetime=s.datetime>{s.text}</time> }
}

/// The live status line, as text runs and times.
fn status_view(
    ui: &'static Strings,
    data: &SupportData,
    zone: &str,
    now: i64,
) -> impl IntoView + use<> {
    match data.status(now) {
        Status::Open { closes } => {
            let at = shown(ui, zone, closes, now);
            let (before, after) = ui.open_now.split_once("{}").unwrap_or((ui.open_now, ""));
            let after = fill(after, &[&describe_duration(closes - now)]);
            view! { <p class="hw-open-status hw-open"><span class="hw-dot" aria-hidden="true"></span>{before.to_string()}{time_view(at)}{after}</p> }.into_any()
        }
        Status::Closed { opens: Some(opens) } => {
            let at = shown(ui, zone, opens, now);
            let (before, after) = ui.closed.split_once("{}").unwrap_or((ui.closed, ""));
            let reason = data.closure_at(now).map(|c| format!(" ({})", c.reason));
            view! { <p class="hw-open-status hw-closed"><span class="hw-dot" aria-hidden="true"></span>{before.to_string()}{time_view(at)}{after.to_string()}{reason}</p> }.into_any()
        }
        Status::Closed { opens: None } => {
            view! { <p class="hw-open-status hw-closed">{ui.closed_for_now}</p> }.into_any()
        }
    }
}

/// The contact view.
#[component]
pub fn ContactView(
    /// The shared state.
    state: WidgetState,
) -> impl IntoView {
    // Keep the live status true while the view is open.
    if let Ok(handle) =
        set_interval_with_handle(move || state.now.set(intl::now()), Duration::from_secs(20))
    {
        on_cleanup(move || handle.clear());
    }
    state.now.set(intl::now());
    let mut zones = intl::time_zones();
    // The browser may name its own zone by an alias the list lacks
    // (Asia/Calcutta for Asia/Kolkata): keep it selectable.
    let own = state.time_zone.get_untracked();
    if !zones.contains(&own) {
        zones.push(own);
        zones.sort();
    }
    let support = move || state.support();
    let region = move || {
        let data = support()?;
        let chosen = state.region.get();
        let found = chosen.and_then(|id| data.regions.iter().find(|r| r.id == id).cloned());
        found.or_else(|| {
            let country = guess_country(&state.locale.get(), &state.time_zone.get());
            data.region_for_country(country.as_deref()).cloned()
        })
    };
    let details = move || {
        let window = web_sys::window();
        let ua = window
            .as_ref()
            .and_then(|w| w.navigator().user_agent().ok())
            .unwrap_or_default();
        let (browser, os) = describe_user_agent(&ua);
        let page = window
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        RequestDetails {
            sid: state.sid.get(),
            browser,
            os,
            page,
            time: iso_utc(state.now.get()),
        }
    };
    let copied: RwSignal<Option<String>> = RwSignal::new(None);
    let copy = move |key: String, text: String| {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&text);
        }
        copied.set(Some(key));
    };

    view! {
        <div class="hw-contact">
            {move || match support() {
                None => view! { <p class="hw-error">{state.ui().unavailable}</p> }.into_any(),
                Some(data) => {
                    let ui = state.ui();
                    let zone = state.time_zone.get();
                    let now = state.now.get();
                    let window = data.next_windows(now - DAY_MS, 3).into_iter().find(|w| w.closes > now);
                    let language = language_name(ui, &data.hours.language);
                    let closure = data.closures.iter().find_map(|c| {
                        let day = help_core::support::parse_date(&c.date)?;
                        let start = day * DAY_MS;
                        (start + DAY_MS > now && start < now + 14 * DAY_MS).then(|| (c.clone(), start))
                    });
                    view! {
                        <section class="hw-hours" aria-labelledby="hw-hours-title">
                            <h3 class="hw-subheading" id="hw-hours-title">{ui.phone_hours}</h3>
                            {status_view(ui, &data, &zone, now)}
                            {window.map(|w| {
                                // A daily pattern: plain times, with no "tomorrow".
                                let plain = |t: i64| Shown {
                                    text: intl::format_time(ui.locale, &zone, t).unwrap_or_default(),
                                    datetime: iso_utc(t),
                                };
                                let (a, b) = (plain(w.opens), plain(w.closes));
                                let parts: Vec<&str> = ui.daily_hours.split("{}").collect();
                                view! {
                                    <p class="hw-meta">
                                        {parts.first().map(|s| s.to_string())}{time_view(a)}
                                        {parts.get(1).map(|s| s.to_string())}{time_view(b)}
                                        {parts.get(2).map(|s| s.to_string())}
                                    </p>
                                }
                            })}
                            <p class="hw-meta">{fill(ui.phone_language, &[language])}</p>
                            {closure.map(|(c, start)| {
                                let date = intl::format_date(ui.locale, "UTC", start).unwrap_or(c.date.clone());
                                view! { <p class="hw-meta hw-closure">{fill(ui.closure, &[&date, &c.reason])}</p> }
                            })}
                            <label class="hw-label" for="hw-zone">{ui.time_zone}</label>
                            <select id="hw-zone" class="hw-select" on:change=move |ev| {
                                let zone = event_target_value(&ev);
                                if intl::is_valid_time_zone(&zone) {
                                    state.time_zone.set(zone);
                                }
                            }>
                                {zones.iter().map(|z| {
                                    let selected = *z == zone;
                                    view! { <option value=z.clone() selected=selected>{z.replace('_', " ")}</option> }
                                }).collect_view()}
                            </select>
                        </section>
                    }.into_any()
                }
            }}
            {move || support().map(|data| {
                let ui = state.ui();
                let current = region();
                let current_id = current.as_ref().map(|r| r.id.clone()).unwrap_or_default();
                view! {
                    <section class="hw-region" aria-labelledby="hw-region-title">
                        <label class="hw-subheading" id="hw-region-title" for="hw-region">{ui.region}</label>
                        <select id="hw-region" class="hw-select" on:change=move |ev| state.region.set(Some(event_target_value(&ev)))>
                            {data.regions.iter().map(|r| {
                                view! { <option value=r.id.clone() selected=r.id == current_id>{r.name.clone()}</option> }
                            }).collect_view()}
                        </select>
                        {current.map(|r| {
                            let languages: Vec<&str> = r.languages.iter().map(|l| language_name(ui, l)).collect();
                            view! {
                                <p class="hw-meta">{fill(ui.languages, &[&languages.join(", ")])}</p>
                                <ul class="hw-contacts">
                                    {r.contacts.iter().enumerate().map(|(i, c)| {
                                        let key = format!("{}-{i}", r.id);
                                        let (label, extra, copy_text) = match c {
                                            Contact::Phone { number, option, toll_free } => {
                                                let mut extra = Vec::new();
                                                if *toll_free { extra.push(ui.toll_free.to_string()); }
                                                if let Some(o) = option { extra.push(fill(ui.then_option, &[o])); }
                                                (number.clone(), extra.join(", "), number.clone())
                                            }
                                            Contact::Email { address } => (address.clone(), String::new(), address.clone()),
                                        };
                                        let is_copied = {
                                            let key = key.clone();
                                            move || copied.get().as_deref() == Some(key.as_str())
                                        };
                                        view! {
                                            <li class="hw-contact-item">
                                                <a class="hw-contact-link" href=c.href()>{label}</a>
                                                {(!extra.is_empty()).then(|| view! { <span class="hw-meta">{extra}</span> })}
                                                <button type="button" class="hw-copy" on:click={
                                                    let key = key.clone();
                                                    move |_| copy(key.clone(), copy_text.clone())
                                                }>
                                                    {move || if is_copied() { ui.copied } else { ui.copy }}
                                                </button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                {r.example.then(|| view! { <p class="hw-meta hw-example">{ui.example_contact}</p> })}
                            }
                        })}
                    </section>
                    <section class="hw-request" aria-labelledby="hw-sid-title">
                        <h3 class="hw-subheading" id="hw-sid-title">{ui.your_sid}</h3>
                        {move || match state.sid.get() {
                            Some(sid) => view! {
                                <p class="hw-sid-row">
                                    <code class="hw-sid">{sid.clone()}</code>
                                    <button type="button" class="hw-copy" on:click=move |_| copy("sid".into(), sid.clone())>
                                        {move || if copied.get().as_deref() == Some("sid") { state.ui().copied } else { state.ui().copy }}
                                    </button>
                                </p>
                            }.into_any(),
                            None => view! { <p class="hw-meta">{state.ui().sid_unknown}</p> }.into_any(),
                        }}
                        <p class="hw-meta">{ui.sid_why}</p>
                        {move || {
                            let email = region().and_then(|r| r.contacts.iter().find_map(|c| match c {
                                Contact::Email { address } => Some(address.clone()),
                                Contact::Phone { .. } => None,
                            }));
                            let details = details();
                            match email {
                                Some(address) => view! {
                                    <a class="hw-button hw-email" href=details.mailto(&address)>{state.ui().email_support}</a>
                                }.into_any(),
                                None => {
                                    let text = details.body();
                                    view! {
                                        <button type="button" class="hw-button" on:click=move |_| copy("details".into(), text.clone())>
                                            {move || if copied.get().as_deref() == Some("details") { state.ui().copied } else { state.ui().copy_details }}
                                        </button>
                                    }.into_any()
                                }
                            }
                        }}
                        <p class="hw-meta hw-tip">{fill(ui.safe_senders, &[&data.request.safe_sender_domain])}</p>
                    </section>
                }
            })}
        </div>
    }
}
