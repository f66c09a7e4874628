//! The time zone picker: every zone the browser knows under its current
//! name (Asia/Kolkata, not the Asia/Calcutta that Chromium's ICU still
//! lists), grouped by region (UTC first, then Africa, America, …) with its
//! offset now ("UTC+05:30"), and a search box that filters the list. The
//! list is made when the contact view opens, never before.

use leptos::prelude::*;

use crate::intl;
use crate::state::{ContactState, Reader};

/// Legacy zone ids that browsers still return (ICU keeps them as its
/// canonical ids), with the name the IANA database uses today.
pub const ALIASES: &[(&str, &str)] = &[
    ("Africa/Asmera", "Africa/Asmara"),
    ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
    ("America/Catamarca", "America/Argentina/Catamarca"),
    ("America/Coral_Harbour", "America/Atikokan"),
    ("America/Cordoba", "America/Argentina/Cordoba"),
    ("America/Godthab", "America/Nuuk"),
    ("America/Indianapolis", "America/Indiana/Indianapolis"),
    ("America/Jujuy", "America/Argentina/Jujuy"),
    ("America/Louisville", "America/Kentucky/Louisville"),
    ("America/Mendoza", "America/Argentina/Mendoza"),
    ("Asia/Calcutta", "Asia/Kolkata"),
    ("Asia/Katmandu", "Asia/Kathmandu"),
    ("Asia/Rangoon", "Asia/Yangon"),
    ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
    ("Atlantic/Faeroe", "Atlantic/Faroe"),
    ("Europe/Kiev", "Europe/Kyiv"),
    ("Pacific/Enderbury", "Pacific/Kanton"),
    ("Pacific/Ponape", "Pacific/Pohnpei"),
    ("Pacific/Truk", "Pacific/Chuuk"),
    ("Etc/UTC", "UTC"),
    ("Etc/GMT", "UTC"),
];

/// The current IANA name of `zone`: itself unless it is a legacy alias.
pub fn canonical_zone(zone: &str) -> &str {
    ALIASES
        .iter()
        .find(|(old, _)| *old == zone)
        .map_or(zone, |(_, new)| new)
}

/// The group a zone is listed under: `UTC` for UTC, else its first part
/// (`Asia` for `Asia/Kolkata`).
pub fn zone_group(zone: &str) -> &str {
    match zone.split_once('/') {
        Some((group, _)) => group,
        None => "UTC",
    }
}

/// The zone's place as a reader reads it: `Argentina / Buenos Aires` for
/// `America/Argentina/Buenos_Aires`, `UTC` for `UTC`.
pub fn zone_place(zone: &str) -> String {
    let place = zone.split_once('/').map_or(zone, |(_, rest)| rest);
    place.replace('_', " ").replace('/', " / ")
}

/// An offset in minutes east of UTC as `UTC+05:30`, `UTC−03:00` (a true
/// minus sign), `UTC+00:00`.
pub fn offset_label(minutes: i32) -> String {
    let sign = if minutes < 0 { '\u{2212}' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// One zone of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneChoice {
    /// The id the widget uses: the current name when the browser takes it,
    /// else the browser's own.
    pub id: String,
    /// The current name, shown and searched.
    pub name: String,
    /// Its offset now, minutes east of UTC.
    pub offset: i32,
}

impl ZoneChoice {
    /// What the option shows: `Kolkata (UTC+05:30)`.
    pub fn label(&self) -> String {
        let place = zone_place(&self.name);
        if self.name == "UTC" {
            place
        } else {
            format!("{place} ({})", offset_label(self.offset))
        }
    }

    /// Whether the search text `query` finds this zone: every word of it
    /// is in the name, the place or the offset, case and `_` aside.
    pub fn matches(&self, query: &str) -> bool {
        let hay = format!(
            "{} {} {}",
            self.name.replace('_', " "),
            zone_place(&self.name),
            offset_label(self.offset).replace('\u{2212}', "-")
        )
        .to_lowercase();
        query
            .to_lowercase()
            .replace('\u{2212}', "-")
            .split_whitespace()
            .all(|word| hay.contains(&word.replace('_', " ")))
    }
}

/// The picker's zones from the browser's list (`ids`) and `extra` (the
/// reader's own zone): current names, no duplicate, UTC added, sorted by
/// group (UTC first) then name. `offset` gives a zone's offset now;
/// `valid` whether the browser takes an id.
pub fn choices(
    ids: &[String],
    extra: &str,
    offset: &dyn Fn(&str) -> Option<i32>,
    valid: &dyn Fn(&str) -> bool,
) -> Vec<ZoneChoice> {
    let mut out: Vec<ZoneChoice> = Vec::new();
    for id in ids.iter().map(String::as_str).chain(["UTC", extra]) {
        let name = canonical_zone(id);
        if out.iter().any(|c| c.name == name) {
            continue;
        }
        let id = if valid(name) { name } else { id };
        let Some(minutes) = offset(id) else { continue };
        out.push(ZoneChoice {
            id: id.to_string(),
            name: name.to_string(),
            offset: minutes,
        });
    }
    out.sort_by(|a, b| {
        let key = |c: &'_ ZoneChoice| {
            let group = zone_group(&c.name);
            (group != "UTC", group.to_string(), c.name.clone())
        };
        key(a).cmp(&key(b))
    });
    out
}

/// The time zone picker: a search box and the grouped list.
#[component]
pub fn ZonePicker() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let contact = expect_context::<ContactState>();
    let now = intl::now();
    // The browser may name the reader's zone by its old id: show and keep
    // the current one when the browser takes it.
    let own = contact.time_zone.get_untracked();
    let current_name = canonical_zone(&own);
    if current_name != own && intl::is_valid_time_zone(current_name) {
        contact.time_zone.set(current_name.to_string());
    }
    let all = choices(
        &intl::time_zones(),
        &contact.time_zone.get_untracked(),
        &|z: &str| intl::offset_minutes(z, now),
        &intl::is_valid_time_zone,
    );
    let query = RwSignal::new(String::new());
    let shown = move || {
        let q = query.get();
        let current = contact.time_zone.get();
        all.iter()
            .filter(|c| c.id == current || c.matches(&q))
            .cloned()
            .collect::<Vec<_>>()
    };
    let shown = Memo::new(move |_| shown());
    view! {
        <div class="hw-zone-picker">
            <label class="hw-label" for="hw-zone">{move || reader.ui().time_zone}</label>
            <input
                type="search"
                id="hw-zone-search"
                class="hw-search-input hw-zone-search"
                aria-controls="hw-zone"
                aria-describedby="hw-zone-count"
                aria-label=move || reader.ui().time_zone_search
                placeholder=move || reader.ui().time_zone_search
                autocomplete="off"
                spellcheck="false"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" && !query.get_untracked().is_empty() {
                        ev.prevent_default();
                        query.set(String::new());
                    }
                }
            />
            <p class="hw-meta" id="hw-zone-count" aria-live="polite">
                {move || help_core::template::fill(reader.ui().time_zone_count, &[&shown.with(Vec::len).to_string()])}
            </p>
            <select id="hw-zone" class="hw-select" on:change=move |ev| {
                let zone = event_target_value(&ev);
                if intl::is_valid_time_zone(&zone) {
                    contact.time_zone.set(zone);
                }
            }>
                {move || {
                    let current = contact.time_zone.get();
                    let list = shown.get();
                    let mut groups: Vec<(String, Vec<ZoneChoice>)> = Vec::new();
                    for c in list {
                        let group = zone_group(&c.name).to_string();
                        match groups.last_mut() {
                            Some((g, items)) if *g == group => items.push(c),
                            _ => groups.push((group, vec![c])),
                        }
                    }
                    groups.into_iter().map(|(group, items)| {
                        let current = current.clone();
                        view! {
                            <optgroup label=group>
                                {items.into_iter().map(|c| {
                                    let selected = c.id == current;
                                    view! { <option value=c.id.clone() selected=selected>{c.label()}</option> }
                                }).collect_view()}
                            </optgroup>
                        }
                    }).collect_view()
                }}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_ids_get_their_current_names() {
        assert_eq!(canonical_zone("Asia/Calcutta"), "Asia/Kolkata");
        assert_eq!(canonical_zone("Europe/Kiev"), "Europe/Kyiv");
        assert_eq!(canonical_zone("Europe/Berlin"), "Europe/Berlin");
        for (old, new) in ALIASES {
            assert_ne!(old, new);
            assert_eq!(canonical_zone(new), *new, "{new} is current");
        }
    }

    #[test]
    fn offsets_read_as_utc_plus_or_minus() {
        assert_eq!(offset_label(330), "UTC+05:30");
        assert_eq!(offset_label(-210), "UTC\u{2212}03:30");
        assert_eq!(offset_label(0), "UTC+00:00");
        assert_eq!(offset_label(765), "UTC+12:45");
    }

    #[test]
    fn the_list_has_current_names_grouped_with_utc_first_and_is_searchable() {
        let ids: Vec<String> = [
            "Europe/Kiev",
            "Asia/Calcutta",
            "America/Argentina/Buenos_Aires",
            "America/Buenos_Aires",
            "Africa/Cairo",
        ]
        .map(String::from)
        .to_vec();
        let offset = |z: &str| {
            Some(match z {
                "Asia/Kolkata" | "Asia/Calcutta" => 330,
                "Europe/Kyiv" | "Europe/Kiev" => 120,
                "Africa/Cairo" => 120,
                "UTC" => 0,
                _ => -180,
            })
        };
        // The browser takes every current name but Europe/Kyiv.
        let valid = |z: &str| z != "Europe/Kyiv";
        let list = choices(&ids, "Asia/Calcutta", &offset, &valid);
        let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "UTC",
                "Africa/Cairo",
                "America/Argentina/Buenos_Aires",
                "Asia/Kolkata",
                "Europe/Kyiv"
            ]
        );
        // A current name the browser refuses keeps the browser's id.
        let kyiv = &list[4];
        assert_eq!(
            (kyiv.id.as_str(), kyiv.label()),
            ("Europe/Kiev", "Kyiv (UTC+02:00)".to_string())
        );
        assert_eq!(list[3].label(), "Kolkata (UTC+05:30)");
        assert_eq!(list[0].label(), "UTC");
        assert_eq!(
            list[2].label(),
            "Argentina / Buenos Aires (UTC\u{2212}03:00)"
        );
        let found = |q: &str| {
            list.iter()
                .filter(|c| c.matches(q))
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("kolk"), ["Asia/Kolkata"]);
        assert_eq!(found("buenos ai"), ["America/Argentina/Buenos_Aires"]);
        assert_eq!(found("+05:30"), ["Asia/Kolkata"]);
        assert_eq!(found("utc-03"), ["America/Argentina/Buenos_Aires"]);
        assert_eq!(found("europe"), ["Europe/Kyiv"]);
        assert_eq!(found(""), names);
    }
}
