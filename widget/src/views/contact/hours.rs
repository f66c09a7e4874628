//! Phone hours in the reader's time zone and locale: open or closed now
//! and until when, the daily hours, the language spoken, the next closure,
//! and the time zone picker.

use help_core::support::{Status, SupportData, describe_duration, iso_utc, local_time};
use help_core::template::{fill, split};
use leptos::prelude::*;

use crate::i18n::{Strings, language_name};
use crate::intl;
use crate::state::{ContactState, Reader};

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

/// A time of day with no "tomorrow": for the daily pattern.
fn plain(ui: &Strings, zone: &str, instant: i64) -> Shown {
    Shown {
        text: intl::format_time(ui.locale, zone, instant).unwrap_or_default(),
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
            let [before, after] = split(ui.open_now);
            let after = fill(after, &[&describe_duration(closes - now)]);
            view! { <p class="hw-open-status hw-open"><span class="hw-dot" aria-hidden="true"></span>{before.to_string()}{time_view(at)}{after}</p> }.into_any()
        }
        Status::Closed { opens: Some(opens) } => {
            let at = shown(ui, zone, opens, now);
            let [before, after] = split(ui.closed);
            let reason = data.closure_at(now).map(|c| format!(" ({})", c.reason));
            view! { <p class="hw-open-status hw-closed"><span class="hw-dot" aria-hidden="true"></span>{before.to_string()}{time_view(at)}{after.to_string()}{reason}</p> }.into_any()
        }
        Status::Closed { opens: None } => {
            view! { <p class="hw-open-status hw-closed">{ui.closed_for_now}</p> }.into_any()
        }
    }
}

/// The phone hours section.
#[component]
pub fn HoursSection(
    /// The support data to show.
    data: SupportData,
) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let contact = expect_context::<ContactState>();
    let mut zones = intl::time_zones();
    // The browser may name its own zone by an alias the list lacks
    // (Asia/Calcutta for Asia/Kolkata): keep it selectable.
    let own = contact.time_zone.get_untracked();
    if !zones.contains(&own) {
        zones.push(own);
        zones.sort();
    }
    move || {
        let ui = reader.ui();
        let zone = contact.time_zone.get();
        let now = contact.now.get();
        let window = data.current_window(now);
        let language = language_name(ui, &data.hours.language);
        let closure = data
            .upcoming_closure(now)
            .map(|(c, start)| (c.clone(), start));
        view! {
            <section class="hw-hours" aria-labelledby="hw-hours-title">
                <h3 class="hw-subheading" id="hw-hours-title">{ui.phone_hours}</h3>
                {status_view(ui, &data, &zone, now)}
                {window.map(|w| {
                    let (a, b) = (plain(ui, &zone, w.opens), plain(ui, &zone, w.closes));
                    let [first, middle, last] = split(ui.daily_hours);
                    view! {
                        <p class="hw-meta">
                            {first.to_string()}{time_view(a)}
                            {middle.to_string()}{time_view(b)}
                            {last.to_string()}
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
                        contact.time_zone.set(zone);
                    }
                }>
                    {zones.iter().map(|z| {
                        let selected = *z == zone;
                        view! { <option value=z.clone() selected=selected>{z.replace('_', " ")}</option> }
                    }).collect_view()}
                </select>
            </section>
        }
    }
}
