//! The surface the loader talks to: [`mount`] and the [`WidgetHandle`] it returns.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Function, Promise};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::engine::{Engine, LoadError, Source};
use crate::state::navigation::Landing;
use crate::state::{Emit, EngineResult, Events, Reader, Settings, View, WidgetState};
use crate::views::Panel;
use crate::{dom, js};

/// The widget's own stylesheet, adopted into its shadow root.
const STYLE: &str = include_str!("style.css");

#[wasm_bindgen(start)]
fn start() {
    // Readable panics in development; release builds abort without the
    // formatting machinery the hook pulls in.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

/// A mounted widget, as the loader sees it.
#[wasm_bindgen]
pub struct WidgetHandle {
    state: WidgetState,
    mounted: Option<Box<dyn Any>>,
}

/// The loader's configuration, read from the script tag's data attributes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// The bundle's base URL.
    pub bundle: String,
    /// The reader's locale.
    pub locale: String,
    /// The route the reader is on.
    pub context: Option<String>,
    /// The publisher's Site ID.
    pub sid: Option<String>,
    /// Settings that do not change.
    pub settings: Settings,
}

impl Config {
    /// Reads `{ bundle, locale?, context?, sid?, feedbackUrl?, helpCenterUrl?, timeZone?, fallbackSupport? }`.
    pub fn from_js(value: &JsValue) -> Result<Config, JsValue> {
        let get = |key: &str| js::field_string(value, key).filter(|s| !s.is_empty());
        let bundle = get("bundle")
            .ok_or_else(|| JsValue::from_str("help widget: `bundle` URL is required"))?;
        // The loader's copy of the support data: an object (a string is
        // accepted too). Walked as is, so a host that patched JSON or
        // Array.prototype cannot garble it.
        let fallback = js::field(value, "fallbackSupport").unwrap_or(JsValue::NULL);
        let fallback_support = if fallback.is_null() || fallback.is_undefined() {
            None
        } else {
            let parsed = match fallback.as_string() {
                Some(text) => crate::json::support(text.as_bytes()),
                None => crate::json::support_value(fallback),
            };
            match parsed {
                Ok(data) => Some(data),
                Err(err) => {
                    dom::warn(&format!("help widget: ignoring fallback contacts: {err}"));
                    None
                }
            }
        };
        Ok(Config {
            bundle,
            locale: get("locale").unwrap_or_else(|| "en".to_string()),
            context: get("context"),
            sid: get("sid"),
            settings: Settings {
                feedback_url: get("feedbackUrl"),
                help_center_url: get("helpCenterUrl"),
                fallback_support,
                time_zone: get("timeZone"),
            },
        })
    }
}

/// Mounts the panel into `container`, which should sit in a shadow root.
///
/// `emit(name, detail)` is called for the `open`, `close`, `search`,
/// `article`, `contact` and `error` events.
#[wasm_bindgen]
pub fn mount(
    container: web_sys::HtmlElement,
    config: JsValue,
    emit: Function,
) -> Result<WidgetHandle, JsValue> {
    let config = Config::from_js(&config)?;
    dom::adopt_style(&container, STYLE)?;
    let bundle = config.bundle.clone();
    let emit: Emit = Rc::new(move |name: &str, detail: JsValue| {
        if let Err(err) = emit.call2(&JsValue::NULL, &name.into(), &detail) {
            web_sys::console::warn_1(&err);
        }
    });
    let handle = mount_with(container, config, emit, move |locale| {
        let source = Source::http(&bundle);
        async move { Engine::load(source, &locale).await }
    });
    if let Some(url) = handle
        .state
        .reader
        .settings
        .with_value(|s| s.feedback_url.clone())
    {
        flush_feedback_now_and_when_online(url);
    }
    Ok(handle)
}

fn flush_feedback_now_and_when_online(url: String) {
    let again = url.clone();
    leptos::task::spawn_local(async move { crate::feedback::flush(&url).await });
    let listener = window_event_listener(leptos::ev::online, move |_| {
        let url = again.clone();
        leptos::task::spawn_local(async move { crate::feedback::flush(&url).await });
    });
    std::mem::forget(listener);
}

/// Mounts the panel with any way of loading an engine. [`mount`] fetches
/// the bundle; tests hand in one built in memory.
pub fn mount_with<Fut>(
    container: web_sys::HtmlElement,
    config: Config,
    emit: Emit,
    load: impl Fn(String) -> Fut + 'static,
) -> WidgetHandle
where
    Fut: Future<Output = EngineResult> + 'static,
{
    let slot = Rc::new(Cell::new(None));
    let out = slot.clone();
    let handle = mount_to(container, move || {
        let reader = Reader::new(load, config.context, config.locale, config.settings);
        reader.sid.set(config.sid);
        let state = WidgetState::new(reader, Events::new(emit));
        state.provide();
        out.set(Some(state));
        report_load_failure(state);
        announce_open_changes(state);
        view! { <Panel /> }
    });
    let state = slot
        .take()
        .expect("mount_to runs its view function at once");
    WidgetHandle {
        state,
        mounted: Some(Box::new(handle)),
    }
}

/// Logs one clear console warning, and emits `error`, when the bundle
/// cannot be loaded.
fn report_load_failure(state: WidgetState) {
    Effect::new(move |_| {
        if let Some(Err(err)) = state.reader.engine.get() {
            let message = format!("help widget: {err}");
            dom::warn(&message);
            state.events.emit("error", JsValue::from_str(&message));
        }
    });
}

/// Tells the loader when the panel opens or closes.
fn announce_open_changes(state: WidgetState) {
    // Effects first run on a later tick, so remember the state at mount
    // rather than trusting the first run to see the initial value.
    let mut last = state.navigation.open.get_untracked();
    Effect::new(move |_| {
        let open = state.navigation.open.get();
        if open != last {
            last = open;
            state
                .events
                .emit(if open { "open" } else { "close" }, JsValue::UNDEFINED);
        }
    });
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Opens the panel on the view it was left on, focus at its top.
    pub fn open(&self) {
        self.state.navigation.instant.set(false);
        self.state.navigation.open_panel();
    }

    /// Opens the panel on search, the caret in the search box (a hotkey):
    /// from another view, Back returns to it.
    #[wasm_bindgen(js_name = openSearch)]
    pub fn open_search(&self) {
        let navigation = self.state.navigation;
        navigation.instant.set(false);
        if navigation.view.get_untracked() != View::Home {
            navigation.go(View::Home);
        }
        navigation.open.set(true);
        navigation.land(Landing::Search(None));
    }

    /// Takes over from the loader's shell: opens on search with what the
    /// reader typed there, the selection `start..end` (UTF-16 offsets, as
    /// the input reports them) kept, and no opening animation, so nothing
    /// moves.
    #[wasm_bindgen(js_name = takeOver)]
    pub fn take_over(&self, query: String, start: u32, end: u32) {
        let navigation = self.state.navigation;
        navigation.instant.set(true);
        if !query.is_empty() {
            self.state.search.query.set(query);
        }
        if navigation.view.get_untracked() != View::Home {
            navigation.go(View::Home);
        }
        navigation.open.set(true);
        navigation.land(Landing::Search(Some((start, end))));
    }

    /// Closes the panel.
    pub fn close(&self) {
        self.state.navigation.open.set(false);
    }

    /// Opens the panel if closed, closes it if open.
    pub fn toggle(&self) {
        if self.state.navigation.open.get_untracked() {
            self.close()
        } else {
            self.open()
        }
    }

    /// Whether the panel is open.
    #[wasm_bindgen(js_name = isOpen)]
    pub fn is_open(&self) -> bool {
        self.state.navigation.open.get_untracked()
    }

    /// Sets the dashboard route used for suggestions and ranking.
    #[wasm_bindgen(js_name = setContext)]
    pub fn set_context(&self, route: Option<String>) {
        self.state.reader.context.set(route);
    }

    /// Sets the reader's locale: the panel's words and the articles.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: String) {
        if self.state.reader.locale.get_untracked() != locale {
            self.state.reader.locale.set(locale);
        }
    }

    /// Tells the widget who the publisher is: `{ sid, name, email }`.
    pub fn identify(&self, user: JsValue) {
        let sid = js::field(&user, "sid")
            .and_then(|v| {
                v.as_string()
                    .or_else(|| js::whole_number(&v).map(|n| n.to_string()))
            })
            .filter(|s| !s.trim().is_empty());
        self.state.reader.sid.set(sid);
    }

    /// Types `query` into the search box, as if the reader had.
    #[wasm_bindgen(js_name = setQuery)]
    pub fn set_query(&self, query: String) {
        self.state.navigation.view.set(View::Home);
        self.state.search.query.set(query);
    }

    /// Opens the panel on article `id`, or at a section of it with
    /// `id#section`: `article` is emitted once it is found, `error` (code
    /// `article-not-found`) if the bundle lacks it. A section the article
    /// lacks opens it at its top.
    #[wasm_bindgen(js_name = showArticle)]
    pub fn show_article(&self, id: String) {
        self.state.navigation.instant.set(false);
        self.state.navigation.open.set(true);
        let (id, section) = match id.split_once('#') {
            Some((id, section)) if !section.is_empty() => (id, Some(section)),
            Some((id, _)) => (id, None),
            None => (id.as_str(), None),
        };
        self.state.navigation.show_article_at(id, section, None);
    }

    /// Resolves to the ranked results for `query`:
    /// `[{ id, title, category, snippet, score }]`, best first.
    pub fn search(&self, query: String) -> Promise {
        let engine = self.state.reader.engine;
        let options = self.state.reader.search_options();
        wasm_bindgen_futures::future_to_promise(async move {
            let error = |err: LoadError| JsValue::from(js_sys::Error::new(&err.to_string()));
            let engine = engine.await.map_err(error)?;
            let found = engine.search(&query, &options).await.map_err(error)?;
            let results = Array::new();
            for hit in found.hits {
                let item = js::object(&[
                    ("id", Some(hit.id.into())),
                    ("title", Some(hit.title.into())),
                    ("category", Some(hit.category.into())),
                    ("snippet", Some(hit.snippet.into())),
                    ("score", Some(hit.score.into())),
                ]);
                results.push(&item);
            }
            Ok(results.into())
        })
    }

    /// Removes the panel and stops all of its work.
    pub fn unmount(&mut self) {
        self.mounted = None;
    }
}
