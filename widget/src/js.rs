//! Plain JS object helpers: fields read and written through `Reflect`,
//! `JSON` text in and out, and the message of a thrown JS value.
//!
//! Nothing here knows a schema: the bundle's JSON files and the feedback
//! queue are read by the modules that own them.

use js_sys::{JSON, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A JS object from `(key, value)` pairs; absent values are left out.
pub fn object(fields: &[(&str, Option<JsValue>)]) -> Object {
    let object = Object::new();
    for (key, value) in fields {
        if let Some(value) = value {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &JsValue::from_str(key), value);
        }
    }
    object
}

/// The field `key` of `value`, if reading it does not throw.
pub fn field(value: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(value, &JsValue::from_str(key)).ok()
}

/// A string field, if present and a string.
pub fn field_string(value: &JsValue, key: &str) -> Option<String> {
    field(value, key)?.as_string()
}

/// A boolean field, if present and boolean.
pub fn field_bool(value: &JsValue, key: &str) -> Option<bool> {
    field(value, key)?.as_bool()
}

/// `value` as a non-negative whole number, if it is a JS number that is one.
pub fn whole_number(value: &JsValue) -> Option<u64> {
    let n = value.as_f64()?;
    (n >= 0.0 && n.fract() == 0.0).then_some(n as u64)
}

/// `JSON.stringify(value)`, or `None` if it cannot be serialized.
pub fn stringify(value: &JsValue) -> Option<String> {
    JSON::stringify(value).ok().and_then(|s| s.as_string())
}

/// `JSON.parse(text)`, or `None` if it is not JSON.
pub fn parse_text(text: &str) -> Option<JsValue> {
    JSON::parse(text).ok()
}

/// The message of a JS error, or its string form.
pub fn message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}
