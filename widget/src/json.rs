//! The bundle's JSON files (manifest, support data), read with the
//! browser's own `JSON`: the one place the widget walks their schema.
//!
//! The types are core's ([`Manifest`], [`SupportData`]); the index builder
//! writes them with serde. Reading them with serde in the wasm costs too
//! much: serde_json about 39 KB gzip of parser and visitor code, and even
//! serde-wasm-bindgen over `JSON.parse`'s value (core's derives, no
//! parser) 23 KB gzip. So `JSON.parse` does the parsing and this module
//! only walks the resulting objects; the version rule is core's
//! ([`Manifest::check_version`]). `tests/web.rs` checks that what the
//! builder writes reads back equal.

use std::collections::BTreeMap;

use help_core::support::{Closure, Contact, Opening, Region, RequestHelp, Schedule, SupportData};
use help_core::ui_strings::UiStrings;
use help_core::{Audience, DecodeError, FORMAT_VERSION, LocaleEntry, Manifest};
use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A parsed JSON object, with typed field access and errors that name the
/// field.
struct Obj {
    value: JsValue,
    what: &'static str,
}

type Result<T> = std::result::Result<T, DecodeError>;

impl Obj {
    fn new(value: JsValue, what: &'static str) -> Result<Obj> {
        if value.is_object() && !Array::is_array(&value) {
            Ok(Obj { value, what })
        } else {
            Err(corrupt(what, "expected an object".into()))
        }
    }

    fn wrong(&self, key: &str, expected: &str) -> DecodeError {
        corrupt(self.what, format!("field `{key}` should be {expected}"))
    }

    /// The field's value; `undefined` and `null` count as absent.
    fn get(&self, key: &str) -> Option<JsValue> {
        Reflect::get(&self.value, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn string(&self, key: &str) -> Result<String> {
        self.opt_string(key)?
            .ok_or_else(|| corrupt(self.what, format!("missing field `{key}`")))
    }

    fn opt_string(&self, key: &str) -> Result<Option<String>> {
        self.get(key)
            .map(|v| v.as_string().ok_or_else(|| self.wrong(key, "a string")))
            .transpose()
    }

    fn flag(&self, key: &str) -> Result<bool> {
        self.get(key).map_or(Ok(false), |v| {
            v.as_bool().ok_or_else(|| self.wrong(key, "true or false"))
        })
    }

    fn count(&self, key: &str) -> Result<u32> {
        self.get(key)
            .as_ref()
            .and_then(whole_number)
            .ok_or_else(|| self.wrong(key, "a whole number"))
    }

    fn list(&self, key: &str) -> Result<Vec<JsValue>> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(v) if Array::is_array(&v) => Ok(v.unchecked_into::<Array>().iter().collect()),
            Some(_) => Err(self.wrong(key, "a list")),
        }
    }

    fn strings(&self, key: &str) -> Result<Vec<String>> {
        self.list(key)?
            .into_iter()
            .map(|v| {
                v.as_string()
                    .ok_or_else(|| self.wrong(key, "a list of strings"))
            })
            .collect()
    }

    fn objects(&self, key: &str, what: &'static str) -> Result<Vec<Obj>> {
        self.list(key)?
            .into_iter()
            .map(|v| Obj::new(v, what))
            .collect()
    }

    fn opt_object(&self, key: &str, what: &'static str) -> Result<Option<Obj>> {
        self.get(key).map(|v| Obj::new(v, what)).transpose()
    }

    fn object(&self, key: &str, what: &'static str) -> Result<Obj> {
        Obj::new(
            self.get(key)
                .ok_or_else(|| corrupt(self.what, format!("missing field `{key}`")))?,
            what,
        )
    }
}

/// A JSON number that is a whole `u32`.
fn whole_number(value: &JsValue) -> Option<u32> {
    u32::try_from(crate::js::whole_number(value)?).ok()
}

fn corrupt(what: &'static str, reason: String) -> DecodeError {
    DecodeError::Corrupt { what, reason }
}

fn parse(bytes: &[u8], what: &'static str) -> Result<JsValue> {
    let text = std::str::from_utf8(bytes).map_err(|_| corrupt(what, "it is not UTF-8".into()))?;
    JSON::parse(text).map_err(|e| corrupt(what, crate::js::message(&e)))
}

/// Reads `manifest.json`, checking its format version before anything else.
pub fn manifest(bytes: &[u8]) -> Result<Manifest> {
    let root = Obj::new(parse(bytes, "manifest")?, "manifest")?;
    let version = match root.get("format_version") {
        None => None,
        Some(v) => Some(whole_number(&v).ok_or_else(|| {
            DecodeError::Manifest("field `format_version` should be a whole number".into())
        })?),
    };
    Manifest::check_version(version)?;
    let audience = match root.string("audience")?.as_str() {
        "public" => Audience::Public,
        "signed-in" => Audience::SignedIn,
        other => return Err(DecodeError::Manifest(format!("unknown audience `{other}`"))),
    };
    let locales_value = root.object("locales", "manifest")?;
    let mut locales = BTreeMap::new();
    for key in Object::keys(locales_value.value.unchecked_ref::<Object>()).iter() {
        let tag = key.as_string().unwrap_or_default();
        let entry = locales_value.object(&tag, "manifest")?;
        locales.insert(
            tag,
            LocaleEntry {
                root: entry.string("root")?,
                articles: entry.count("articles")?,
            },
        );
    }
    Ok(Manifest {
        format_version: FORMAT_VERSION,
        audience,
        default_locale: root.string("default_locale")?,
        locales,
        support: root.opt_string("support")?,
    })
}

/// Reads the bundle's support data (or the loader's fallback copy of it).
pub fn support(bytes: &[u8]) -> Result<SupportData> {
    support_value(parse(bytes, "support data")?)
}

/// Reads support data from an already parsed value.
pub fn support_value(value: JsValue) -> Result<SupportData> {
    const WHAT: &str = "support data";
    let root = Obj::new(value, WHAT)?;
    let hours = root
        .opt_object("hours", WHAT)?
        .map(|h| schedule(&h))
        .transpose()?;
    let regions = root
        .objects("regions", WHAT)?
        .into_iter()
        .map(|r| {
            let contacts = r
                .objects("contacts", WHAT)?
                .into_iter()
                .map(|c| contact(&c))
                .collect::<Result<_>>()?;
            Ok(Region {
                id: r.string("id")?,
                name: r.string("name")?,
                names: region_names(&r)?,
                countries: r.strings("countries")?,
                default: r.flag("default")?,
                languages: r.strings("languages")?,
                contacts,
                hours: r
                    .opt_object("hours", WHAT)?
                    .map(|h| schedule(&h))
                    .transpose()?,
                example: r.flag("example")?,
            })
        })
        .collect::<Result<_>>()?;
    let request = root.object("request", WHAT)?;
    let request = RequestHelp {
        safe_sender_domain: request.string("safe_sender_domain")?,
    };
    Ok(SupportData {
        hours,
        regions,
        request,
        strings: ui_strings(&root, WHAT)?,
    })
}

fn schedule(h: &Obj) -> Result<Schedule> {
    const WHAT: &str = "support data";
    Ok(Schedule {
        time_zone: h.string("time_zone")?,
        language: h.string("language")?,
        open: h
            .objects("open", WHAT)?
            .into_iter()
            .map(|o| {
                Ok(Opening {
                    days: o.strings("days")?,
                    from: o.string("from")?,
                    to: o.string("to")?,
                })
            })
            .collect::<Result<_>>()?,
        closures: h
            .objects("closures", WHAT)?
            .into_iter()
            .map(|c| {
                Ok(Closure {
                    date: c.string("date")?,
                    name: c.string("name")?,
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// The optional `strings` object of support data: by locale, by key, text.
fn ui_strings(root: &Obj, what: &'static str) -> Result<UiStrings> {
    let mut strings = BTreeMap::new();
    if root.get("strings").is_none() {
        return Ok(UiStrings(strings));
    }
    let locales = root.object("strings", what)?;
    for locale in Object::keys(locales.value.unchecked_ref::<Object>()).iter() {
        let locale = locale.as_string().unwrap_or_default();
        let table = locales.object(&locale, what)?;
        let mut texts = BTreeMap::new();
        for key in Object::keys(table.value.unchecked_ref::<Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            texts.insert(key.clone(), table.string(&key)?);
        }
        strings.insert(locale, texts);
    }
    Ok(UiStrings(strings))
}

/// A region's `names` by locale tag; none when absent.
fn region_names(r: &Obj) -> Result<BTreeMap<String, String>> {
    let mut names = BTreeMap::new();
    if r.get("names").is_none() {
        return Ok(names);
    }
    let table = r.object("names", "support data")?;
    for tag in Object::keys(table.value.unchecked_ref::<Object>()).iter() {
        let tag = tag.as_string().unwrap_or_default();
        names.insert(tag.clone(), table.string(&tag)?);
    }
    Ok(names)
}

fn contact(c: &Obj) -> Result<Contact> {
    match c.string("kind")?.as_str() {
        "phone" => Ok(Contact::Phone {
            number: c.string("number")?,
            option: c.opt_string("option")?,
            toll_free: c.flag("toll_free")?,
        }),
        "email" => Ok(Contact::Email {
            address: c.string("address")?,
        }),
        other => Err(c.wrong("kind", &format!("`phone` or `email`, not `{other}`"))),
    }
}
