//! Events for the loader and the host page's listeners, and when a search
//! is worth reporting.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::js;

/// The loader's callback: `emit(name, detail)`.
pub type Emit = Rc<dyn Fn(&str, JsValue)>;

/// How long the reader must pause typing before a search is reported as
/// `search`: 800 ms (about the pause between two thoughts, not between two
/// keystrokes). Shorter reports half-typed words; longer misses readers who
/// glance at the results and leave. Opening a result reports at once.
pub const SEARCH_PAUSE: Duration = Duration::from_millis(800);

/// Emits `(name, detail)` to the loader: `open`, `close`, `search`,
/// `article`, `contact` and `error`.
#[derive(Clone, Copy)]
pub struct Events {
    emit: StoredValue<Emit, LocalStorage>,
    /// The search waiting for the reader's pause: trimmed query, count.
    pending: StoredValue<Option<(String, usize)>>,
    /// The last search reported, so one query is reported once.
    reported: StoredValue<String>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Events {
    /// Events sent through `emit`. Call it under a reactive owner.
    pub fn new(emit: Emit) -> Events {
        Events {
            emit: StoredValue::new_local(emit),
            pending: StoredValue::new(None),
            reported: StoredValue::new(String::new()),
            timer: StoredValue::new(None),
        }
    }

    /// Sends an event to the loader and its listeners.
    pub fn emit(&self, name: &str, detail: JsValue) {
        let emit = self.emit.get_value();
        emit(name, detail);
    }

    /// The results for `query` are on show, `count` of them: reported as
    /// `search` once the reader pauses ([`SEARCH_PAUSE`]) or opens a
    /// result. An empty query is never reported, nor one query twice in
    /// a row.
    pub fn searched(&self, query: &str, count: usize) {
        self.stop_timer();
        let query = query.trim();
        if query.is_empty() {
            self.pending.set_value(None);
            return;
        }
        self.pending.set_value(Some((query.to_string(), count)));
        let events = *self;
        if let Ok(handle) = set_timeout_with_handle(move || events.report_search(), SEARCH_PAUSE) {
            self.timer.set_value(Some(handle));
        }
    }

    /// Reports the waiting search now, if any: `search` with
    /// `{ query, count }`.
    pub fn report_search(&self) {
        self.stop_timer();
        let Some((query, count)) = self.pending.try_update_value(Option::take).flatten() else {
            return;
        };
        if self.reported.with_value(|last| *last == query) {
            return;
        }
        self.reported.set_value(query.clone());
        let detail = js::object(&[
            ("query", Some(JsValue::from_str(&query))),
            ("count", Some(JsValue::from_f64(count as f64))),
        ]);
        self.emit("search", detail.into());
    }

    fn stop_timer(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}
