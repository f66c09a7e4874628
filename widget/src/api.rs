//! The surface the loader talks to: [`mount`] and the [`WidgetHandle`] it returns.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::app::{EngineResult, Panel, WidgetState};
use crate::engine::{Engine, Source};

/// The widget's own stylesheet, adopted into its shadow root.
const STYLE: &str = include_str!("style.css");

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A mounted widget, as the loader sees it.
#[wasm_bindgen]
pub struct WidgetHandle {
    state: WidgetState,
    container: web_sys::HtmlElement,
    mounted: Option<Box<dyn Any>>,
}

/// The loader's configuration, read from the script tag's data attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Config {
    bundle: String,
    locale: String,
    context: Option<String>,
}

impl Config {
    fn from_js(value: &JsValue) -> Result<Config, JsValue> {
        let get = |key: &str| Reflect::get(value, &JsValue::from_str(key)).ok().and_then(|v| v.as_string());
        let bundle = get("bundle").ok_or_else(|| JsValue::from_str("help widget: `bundle` URL is required"))?;
        Ok(Config {
            bundle,
            locale: get("locale").unwrap_or_else(|| "en".to_string()),
            context: get("context"),
        })
    }
}

/// Mounts the panel into `container`, which should sit in a shadow root.
///
/// `config` is `{ bundle, locale?, context? }`; `emit(name, detail)` is called
/// for the `open` and `close` events.
#[wasm_bindgen]
pub fn mount(container: web_sys::HtmlElement, config: JsValue, emit: Function) -> Result<WidgetHandle, JsValue> {
    let config = Config::from_js(&config)?;
    adopt_style(&container)?;
    let bundle = config.bundle.clone();
    let locale = config.locale.clone();
    Ok(mount_with(container, config.context, emit, move || {
        let (bundle, locale) = (bundle.clone(), locale.clone());
        async move { Engine::load(Source::http(&bundle), &locale).await }
    }))
}

/// Mounts the panel with any source of an engine. [`mount`] fetches the
/// bundle; tests hand in an engine built in memory.
pub fn mount_with<Fut>(
    container: web_sys::HtmlElement,
    context: Option<String>,
    emit: Function,
    load: impl Fn() -> Fut + 'static,
) -> WidgetHandle
where
    Fut: Future<Output = EngineResult> + 'static,
{
    let slot = Rc::new(Cell::new(None));
    let out = slot.clone();
    let handle = mount_to(container.clone(), move || {
        let engine = LocalResource::new(load);
        let state = WidgetState::new(engine, context);
        out.set(Some(state));
        report_load_failure(engine);
        announce_open_changes(state, emit);
        view! { <Panel state=state /> }
    });
    let state = slot.take().expect("mount_to runs its view function at once");
    WidgetHandle { state, container, mounted: Some(Box::new(handle)) }
}

/// Logs one clear console warning when the bundle cannot be loaded.
fn report_load_failure(engine: LocalResource<EngineResult>) {
    Effect::new(move |_| {
        if let Some(Err(err)) = engine.get() {
            web_sys::console::warn_1(&format!("help widget: {err}").into());
        }
    });
}

/// Tells the loader when the panel opens or closes, and moves focus.
fn announce_open_changes(state: WidgetState, emit: Function) {
    // Effects first run on a later tick, so remember the state at mount
    // rather than trusting the first run to see the initial value.
    let mut last = state.open.get_untracked();
    Effect::new(move |_| {
        let open = state.open.get();
        if open != last {
            last = open;
            let name = if open { "open" } else { "close" };
            if let Err(err) = emit.call2(&JsValue::NULL, &name.into(), &JsValue::UNDEFINED) {
                web_sys::console::warn_1(&err);
            }
        }
    });
}

fn adopt_style(container: &web_sys::HtmlElement) -> Result<(), JsValue> {
    let Ok(root) = container.get_root_node().dyn_into::<web_sys::ShadowRoot>() else {
        return Ok(());
    };
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(STYLE)?;
    let sheets = root.adopted_style_sheets();
    sheets.push(&sheet);
    root.set_adopted_style_sheets(&sheets);
    Ok(())
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Opens the panel and puts the cursor in the search box.
    pub fn open(&self) {
        self.state.open.set(true);
        self.focus_search();
    }

    /// Closes the panel.
    pub fn close(&self) {
        self.state.open.set(false);
    }

    /// Opens the panel if closed, closes it if open.
    pub fn toggle(&self) {
        if self.state.open.get_untracked() { self.close() } else { self.open() }
    }

    /// Whether the panel is open.
    #[wasm_bindgen(js_name = isOpen)]
    pub fn is_open(&self) -> bool {
        self.state.open.get_untracked()
    }

    /// Sets the dashboard route used for contextual ranking.
    #[wasm_bindgen(js_name = setContext)]
    pub fn set_context(&self, route: Option<String>) {
        self.state.context.set(route);
    }

    /// Types `query` into the search box, as if the reader had.
    #[wasm_bindgen(js_name = setQuery)]
    pub fn set_query(&self, query: String) {
        self.state.query.set(query);
    }

    /// Resolves to the ranked results for `query`:
    /// `[{ id, title, category, score }]`, best first.
    pub fn search(&self, query: String) -> Promise {
        let engine = self.state.engine;
        let options = self.state.search_options();
        wasm_bindgen_futures::future_to_promise(async move {
            let error = |err: crate::engine::LoadError| JsValue::from(js_sys::Error::new(&err.to_string()));
            let engine = engine.await.map_err(error)?;
            let hits = engine.search(&query, &options).await.map_err(error)?;
            let results = Array::new();
            for hit in hits {
                let item = Object::new();
                Reflect::set(&item, &"id".into(), &hit.id.into())?;
                Reflect::set(&item, &"title".into(), &hit.title.into())?;
                Reflect::set(&item, &"category".into(), &hit.category.into())?;
                Reflect::set(&item, &"snippet".into(), &hit.snippet.into())?;
                Reflect::set(&item, &"score".into(), &hit.score.into())?;
                results.push(&item);
            }
            Ok(results.into())
        })
    }

    /// Removes the panel and stops all of its work.
    pub fn unmount(&mut self) {
        self.mounted = None;
    }

    fn focus_search(&self) {
        let container = self.container.clone();
        // The panel is un-hidden on the next reactive tick; focus after it.
        request_animation_frame(move || {
            if let Ok(Some(input)) = container.query_selector(".hw-search-input") {
                if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                }
            }
        });
    }
}
