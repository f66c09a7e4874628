//! The bridge to the browser's `Intl`: time-zone offsets and formatting.
//!
//! The wasm ships no time-zone data: the offset lookup that
//! `help_core::support` needs comes from `Intl.DateTimeFormat`, and times
//! are formatted by it for the reader's locale. Every call that the
//! browser could reject (an unknown zone) is caught and reported as `None`.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn intl() -> Option<Object> {
    Reflect::get(&js_sys::global(), &"Intl".into())
        .ok()?
        .dyn_into()
        .ok()
}

fn date_time_format(locale: &str, options: &[(&str, &str)]) -> Option<Object> {
    let intl = intl()?;
    let constructor: Function = Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let opts = Object::new();
    for (k, v) in options {
        Reflect::set(&opts, &(*k).into(), &(*v).into()).ok()?;
    }
    let args = Array::of2(&JsValue::from_str(locale), &opts);
    Reflect::construct(&constructor, &args)
        .ok()?
        .dyn_into()
        .ok()
}

fn call(object: &Object, method: &str, args: &Array) -> Option<JsValue> {
    let f: Function = Reflect::get(object, &method.into()).ok()?.dyn_into().ok()?;
    Reflect::apply(&f, object, args).ok()
}

thread_local! {
    /// Names [`language_name`] gave, by locale and tag.
    static LANGUAGE_NAMES: std::cell::RefCell<std::collections::HashMap<(String, String), &'static str>> =
        Default::default();
}

/// The name of the language `tag` in `locale`'s language, from
/// `Intl.DisplayNames` (`es` in English is "Spanish"); the tag itself if
/// the browser cannot name it. Each name is made once and kept for the
/// page's life, so views can hold it like their other words.
pub fn language_name(locale: &str, tag: &str) -> &'static str {
    let key = (locale.to_string(), tag.to_string());
    if let Some(name) = LANGUAGE_NAMES.with_borrow(|names| names.get(&key).copied()) {
        return name;
    }
    let name = display_name(locale, tag).unwrap_or_else(|| tag.to_string());
    let name: &'static str = String::leak(name);
    LANGUAGE_NAMES.with_borrow_mut(|names| names.insert(key, name));
    name
}

fn display_name(locale: &str, tag: &str) -> Option<String> {
    let intl = intl()?;
    let constructor: Function = Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let opts = Object::new();
    Reflect::set(&opts, &"type".into(), &"language".into()).ok()?;
    let args = Array::of2(&JsValue::from_str(locale), &opts);
    let names: Object = Reflect::construct(&constructor, &args)
        .ok()?
        .dyn_into()
        .ok()?;
    call(&names, "of", &Array::of1(&tag.into()))?.as_string()
}

/// The browser's own time zone, such as `Europe/Berlin`.
pub fn default_time_zone() -> String {
    date_time_format("en-US", &[])
        .and_then(|f| call(&f, "resolvedOptions", &Array::new()))
        .and_then(|o| Reflect::get(&o, &"timeZone".into()).ok())
        .and_then(|z| z.as_string())
        .unwrap_or_else(|| "UTC".to_string())
}

/// Whether the browser knows `zone`.
pub fn is_valid_time_zone(zone: &str) -> bool {
    date_time_format("en-US", &[("timeZone", zone)]).is_some()
}

/// Every zone the browser knows, for the time zone picker.
pub fn time_zones() -> Vec<String> {
    let Some(intl) = intl() else {
        return Vec::new();
    };
    call(&intl, "supportedValuesOf", &Array::of1(&"timeZone".into()))
        .and_then(|v| v.dyn_into::<Array>().ok())
        .map(|a| a.iter().filter_map(|z| z.as_string()).collect())
        .unwrap_or_default()
}

thread_local! {
    /// The formatter `offset_minutes` reads each zone's wall clock with,
    /// by zone (`None` for a zone the browser refused): the hours of the
    /// week ask for offsets a few dozen times a tick, and building an
    /// `Intl.DateTimeFormat` costs far more than using one.
    static WALL_CLOCKS: std::cell::RefCell<std::collections::HashMap<String, Option<Object>>> =
        Default::default();
}

/// A formatter of `zone`'s wall clock to the second, 24-hour, made once.
fn wall_clock(zone: &str) -> Option<Object> {
    WALL_CLOCKS.with(|cache| {
        cache
            .borrow_mut()
            .entry(zone.to_string())
            .or_insert_with(|| {
                date_time_format(
                    "en-US",
                    &[
                        ("timeZone", zone),
                        ("hourCycle", "h23"),
                        ("year", "numeric"),
                        ("month", "numeric"),
                        ("day", "numeric"),
                        ("hour", "numeric"),
                        ("minute", "numeric"),
                        ("second", "numeric"),
                    ],
                )
            })
            .clone()
    })
}

/// Minutes east of UTC in `zone` at `instant` (ms since the epoch): the
/// offset lookup for `help_core::support`, for the schedule's zone and the
/// reader's alike. `None` for an unknown zone.
pub fn offset_minutes(zone: &str, instant: i64) -> Option<i32> {
    let format = wall_clock(zone)?;
    let date = js_sys::Date::new(&JsValue::from_f64(instant as f64));
    let parts: Array = call(&format, "formatToParts", &Array::of1(&date))?
        .dyn_into()
        .ok()?;
    let mut fields = [0i64; 6];
    for part in parts.iter() {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
        let slot = match kind.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        fields[slot] = value.parse().ok()?;
    }
    let wall = js_sys::Date::utc(fields[0] as f64, (fields[1] - 1) as f64) as i64
        + (fields[2] - 1) * 86_400_000
        + fields[3] * 3_600_000
        + fields[4] * 60_000
        + fields[5] * 1000;
    let instant_seconds = instant.div_euclid(1000) * 1000;
    Some(((wall - instant_seconds) / 60_000) as i32)
}

thread_local! {
    /// [`hour_style`] by locale.
    static HOUR_STYLES: std::cell::RefCell<std::collections::HashMap<String, &'static str>> =
        Default::default();
}

/// How `locale` writes the hour: `2-digit` where its clock runs 0–23
/// ("09:00" in de, fr, pt-BR), `numeric` on a 12-hour clock ("9:00 AM"):
/// `Intl` itself leaves the 24-hour "9:00" unpadded when asked for
/// `numeric`.
pub fn hour_style(locale: &str) -> &'static str {
    if let Some(style) = HOUR_STYLES.with_borrow(|m| m.get(locale).copied()) {
        return style;
    }
    let cycle = date_time_format(locale, &[("hour", "numeric")])
        .and_then(|f| call(&f, "resolvedOptions", &Array::new()))
        .and_then(|o| Reflect::get(&o, &"hourCycle".into()).ok())
        .and_then(|c| c.as_string());
    let style = hour_style_for(cycle.as_deref());
    HOUR_STYLES.with_borrow_mut(|m| m.insert(locale.to_string(), style));
    style
}

/// The hour style for a resolved `hourCycle`.
pub fn hour_style_for(cycle: Option<&str>) -> &'static str {
    match cycle {
        Some("h23" | "h24") => "2-digit",
        _ => "numeric",
    }
}

/// `instant` as a time of day in `zone`, for `locale` ("21:00", "09:00",
/// "9:00 PM").
pub fn format_time(locale: &str, zone: &str, instant: i64) -> Option<String> {
    format(
        locale,
        &[
            ("timeZone", zone),
            ("hour", hour_style(locale)),
            ("minute", "2-digit"),
        ],
        instant,
    )
}

/// `instant` as a weekday and time in `zone`, for `locale`.
pub fn format_day_time(locale: &str, zone: &str, instant: i64) -> Option<String> {
    format(
        locale,
        &[
            ("timeZone", zone),
            ("weekday", "long"),
            ("hour", hour_style(locale)),
            ("minute", "2-digit"),
        ],
        instant,
    )
}

/// `instant` as a date in `zone`, for `locale` ("25 December 2026").
pub fn format_date(locale: &str, zone: &str, instant: i64) -> Option<String> {
    format(
        locale,
        &[("timeZone", zone), ("dateStyle", "long")],
        instant,
    )
}

fn format(locale: &str, options: &[(&str, &str)], instant: i64) -> Option<String> {
    let format = date_time_format(locale, options)?;
    let date = js_sys::Date::new(&JsValue::from_f64(instant as f64));
    call(&format, "format", &Array::of1(&date))?.as_string()
}

/// Now, in ms since the epoch.
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_24_hour_clock_pads_the_hour_and_a_12_hour_clock_does_not() {
        assert_eq!(hour_style_for(Some("h23")), "2-digit");
        assert_eq!(hour_style_for(Some("h24")), "2-digit");
        assert_eq!(hour_style_for(Some("h12")), "numeric");
        assert_eq!(hour_style_for(Some("h11")), "numeric");
        assert_eq!(hour_style_for(None), "numeric");
    }
}
