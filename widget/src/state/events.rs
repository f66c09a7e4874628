//! Events for the loader and the host page's listeners.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The loader's callback: `emit(name, detail)`.
pub type Emit = Rc<dyn Fn(&str, JsValue)>;

/// Emits `(name, detail)` to the loader: `open`, `close`, `search`,
/// `article`, `contact` and `error`.
#[derive(Clone, Copy)]
pub struct Events {
    emit: StoredValue<Emit, LocalStorage>,
}

impl Events {
    /// Events sent through `emit`. Call it under a reactive owner.
    pub fn new(emit: Emit) -> Events {
        Events {
            emit: StoredValue::new_local(emit),
        }
    }

    /// Sends an event to the loader and its listeners.
    pub fn emit(&self, name: &str, detail: JsValue) {
        let emit = self.emit.get_value();
        emit(name, detail);
    }
}
