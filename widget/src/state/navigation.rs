//! Where the reader is in the panel: open or not, the view on show, and
//! the views Back returns to.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::events::Events;

/// The view on show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Search and suggestions.
    Home,
    /// One article, by id.
    Article(String),
    /// Contact support.
    Contact,
}

/// The panel's navigation.
#[derive(Clone, Copy)]
pub struct Navigation {
    /// Whether the panel is open.
    pub open: RwSignal<bool>,
    /// The view on show.
    pub view: RwSignal<View>,
    /// Views to go back to.
    pub history: RwSignal<Vec<View>>,
    events: Events,
}

impl Navigation {
    /// A closed panel on the home view. Call it under a reactive owner.
    pub fn new(events: Events) -> Navigation {
        Navigation {
            open: RwSignal::new(false),
            view: RwSignal::new(View::Home),
            history: RwSignal::new(Vec::new()),
            events,
        }
    }

    /// Shows `view`, remembering the current one for Back.
    pub fn go(&self, view: View) {
        let current = self.view.get_untracked();
        if current != view {
            self.history.update(|h| h.push(current));
            self.view.set(view);
        }
    }

    /// Returns to the previous view, or home.
    pub fn back(&self) {
        let previous = self
            .history
            .try_update(|h| h.pop())
            .flatten()
            .unwrap_or(View::Home);
        self.view.set(previous);
    }

    /// Opens article `id` inside the panel.
    pub fn show_article(&self, id: &str) {
        self.go(View::Article(id.to_string()));
        self.events.emit("article", JsValue::from_str(id));
    }

    /// Opens the contact view.
    pub fn show_contact(&self) {
        self.go(View::Contact);
        self.events.emit("contact", JsValue::UNDEFINED);
    }
}
