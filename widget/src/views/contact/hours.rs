//! Phone hours of the reader's region, in the reader's time zone and
//! locale: open or closed now and until when, the week's hours on the
//! reader's own days, the language spoken, the next closure, and the time
//! zone picker ([`super::zones`]). A region without a phone number shows none of it.

use help_core::support::{Schedule, Status, SupportData, describe_duration, iso_utc, local_time};
use help_core::template::{fill, split};
use leptos::prelude::*;

use super::zones::ZonePicker;
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

/// When support opens, read after "opens": "at 09:00", "tomorrow at
/// 04:00", or the weekday and time further ahead.
fn opening(ui: &Strings, zone: &str, instant: i64, now: i64) -> Shown {
    let offset = |t: i64| intl::offset_minutes(zone, t).unwrap_or(0);
    let local = local_time(instant, now, &offset);
    let time = intl::format_time(ui.locale, zone, instant)
        .unwrap_or_else(|| format!("{:02}:{:02}", local.hour, local.minute));
    let text = match local.day_offset {
        0 => fill(ui.at_time, &[&time]),
        1 => fill(ui.tomorrow_at, &[&time]),
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

/// The offset lookup of `zone` through `Intl` (UTC for a zone the browser
/// does not know, which the builder's check of zone names rules out).
fn offsets(zone: &str) -> impl Fn(i64) -> i32 + '_ {
    move |t| intl::offset_minutes(zone, t).unwrap_or(0)
}

/// The live status line, as text runs and times.
fn status_view(
    ui: &'static Strings,
    schedule: &Schedule,
    zone: &str,
    now: i64,
) -> impl IntoView + use<> {
    let team = offsets(&schedule.time_zone);
    match schedule.status(now, &team) {
        Status::Open { closes } => {
            let at = shown(ui, zone, closes, now);
            let [before, after] = split(ui.open_now);
            let after = fill(after, &[&describe_duration(closes - now)]);
            view! { <p class="hw-open-status hw-open"><span class="hw-dot" aria-hidden="true"></span>{before.to_string()}{time_view(at)}{after}</p> }.into_any()
        }
        Status::Closed { opens: Some(opens) } => {
            let reader_clock = offsets(zone);
            match schedule.closure_today(now, &team, &reader_clock) {
                // "Closed today for Christmas Day · opens tomorrow at 04:00":
                // the reason is named as the day's, never beside "tomorrow".
                Some((closure, today)) => {
                    let at = opening(ui, zone, opens, now);
                    let [before, middle, after] = split(if today {
                        ui.closed_today
                    } else {
                        ui.closed_for
                    });
                    view! { <p class="hw-open-status hw-closed"><span class="hw-dot" aria-hidden="true"></span>{before.to_string()}{closure.name.clone()}{middle.to_string()}{time_view(at)}{after.to_string()}</p> }.into_any()
                }
                None => {
                    let at = shown(ui, zone, opens, now);
                    let [before, after] = split(ui.closed);
                    view! { <p class="hw-open-status hw-closed"><span class="hw-dot" aria-hidden="true"></span>{before.to_string()}{time_view(at)}{after.to_string()}</p> }.into_any()
                }
            }
        }
        Status::Closed { opens: None } => {
            view! { <p class="hw-open-status hw-closed">{ui.closed_for_now}</p> }.into_any()
        }
    }
}

/// The week's hours, a line for each set of the reader's days that keeps
/// the same hours on the reader's clock.
fn week_view(
    ui: &'static Strings,
    schedule: &Schedule,
    zone: &str,
    now: i64,
) -> impl IntoView + use<> {
    let week = schedule.week(now, &offsets(&schedule.time_zone), &offsets(zone));
    week.into_iter()
        .map(|line| {
            let days = line.days.describe(&ui.weekdays, ui.every_day);
            let (a, b) = (
                plain(ui, zone, line.window.opens),
                plain(ui, zone, line.window.closes),
            );
            let [first, second, middle, last] = split(ui.week_hours);
            view! {
                <p class="hw-meta hw-week">
                    {first.to_string()}{days}{second.to_string()}{time_view(a)}
                    {middle.to_string()}{time_view(b)}
                    {last.to_string()}
                </p>
            }
        })
        .collect_view()
}

/// The phone hours section of the reader's region: nothing for a region
/// without a phone number.
#[component]
pub fn HoursSection(
    /// The support data to show.
    data: SupportData,
) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let contact = expect_context::<ContactState>();
    let schedule = Memo::new(move |_| {
        let region = contact.region_in(&data, &reader.locale.get())?;
        data.schedule_for(&region).cloned()
    });
    // The picker stays while the status ticks: it is made once per
    // region with hours, and keeps what the reader typed.
    view! {
        <Show when=move || schedule.with(Option::is_some)>
            <section class="hw-hours" aria-labelledby="hw-hours-title">
                {move || {
                    let ui = reader.ui();
                    let schedule = schedule.get()?;
                    let zone = contact.time_zone.get();
                    let now = contact.now.get();
                    let language = language_name(ui, &schedule.language);
                    let closure = schedule
                        .upcoming_closure(now, &offsets(&schedule.time_zone))
                        .map(|(c, start)| (c.clone(), start));
                    Some(view! {
                        <h3 class="hw-subheading" id="hw-hours-title">{ui.phone_hours}</h3>
                        {status_view(ui, &schedule, &zone, now)}
                        {week_view(ui, &schedule, &zone, now)}
                        <p class="hw-meta">{fill(ui.phone_language, &[language])}</p>
                        {closure.map(|(c, start)| {
                            // The closure's date as its team's calendar has it.
                            let date = intl::format_date(ui.locale, &schedule.time_zone, start).unwrap_or(c.date.clone());
                            view! { <p class="hw-meta hw-closure">{fill(ui.closure, &[&date, &c.name])}</p> }
                        })}
                    })
                }}
                <ZonePicker />
            </section>
        </Show>
    }
}
