//! Where the reader is in the panel: open or not, the view on show, the
//! views Back returns to (each with where focus and the scroll were), and
//! where focus should land when a view shows.

use leptos::prelude::*;

use super::events::Events;
use crate::dom::{self, Spot};

/// The view on show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Search and suggestions.
    Home,
    /// One article, by id.
    Article(String),
    /// One category's articles, by the category's slug.
    Category(String),
    /// Contact support.
    Contact,
}

/// A view to go back to, and where the reader was in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The view.
    pub view: View,
    /// Where focus and the scroll were when the reader left it.
    pub spot: Spot,
}

/// Where focus lands when a view shows (the panel carries it out).
#[derive(Debug, Clone, PartialEq)]
pub enum Landing {
    /// At the view's top, on its heading or search box.
    Top,
    /// Back where the reader was.
    Restore(Spot),
    /// In the search box, with this selection (or the caret at the end).
    Search(Option<(u32, u32)>),
}

/// The panel's navigation.
#[derive(Clone, Copy)]
pub struct Navigation {
    /// Whether the panel is open.
    pub open: RwSignal<bool>,
    /// The view on show.
    pub view: RwSignal<View>,
    /// Views to go back to.
    pub history: RwSignal<Vec<Entry>>,
    /// Where focus lands next, numbered so the same landing twice is two.
    pub landing: RwSignal<(u32, Landing)>,
    /// Opened without the rise animation: the loader's shell is handing over.
    pub instant: RwSignal<bool>,
    /// The panel's scrolling body, once mounted: where [`Spot`]s are taken.
    pub body: StoredValue<Option<web_sys::Element>, LocalStorage>,
    /// Ids reached through a link in an article. The builder checks every
    /// such link, so one the bundle lacks is a signed-in article.
    linked: StoredValue<Vec<String>>,
    events: Events,
}

impl Navigation {
    /// A closed panel on the home view. Call it under a reactive owner.
    pub fn new(events: Events) -> Navigation {
        Navigation {
            open: RwSignal::new(false),
            view: RwSignal::new(View::Home),
            history: RwSignal::new(Vec::new()),
            landing: RwSignal::new((0, Landing::Top)),
            instant: RwSignal::new(false),
            body: StoredValue::new_local(None),
            linked: StoredValue::new(Vec::new()),
            events,
        }
    }

    /// Asks the panel to put focus per `landing`.
    pub fn land(&self, landing: Landing) {
        self.landing.update(|(n, l)| {
            *n = n.wrapping_add(1);
            *l = landing;
        });
    }

    /// Opens the panel, focus on the view's top.
    pub fn open_panel(&self) {
        self.open.set(true);
        self.land(Landing::Top);
    }

    /// Shows `view`, remembering the current one, and where the reader
    /// was in it, for Back. The new view opens at its top.
    pub fn go(&self, view: View) {
        let current = self.view.get_untracked();
        if current != view {
            let spot = self
                .body
                .with_value(|b| b.as_ref().map(dom::spot))
                .unwrap_or_default();
            self.history.update(|h| {
                h.push(Entry {
                    view: current,
                    spot,
                })
            });
            self.view.set(view);
        }
        self.land(Landing::Top);
    }

    /// Returns to the previous view, or home, where the reader was in it.
    pub fn back(&self) {
        let previous = self.history.try_update(|h| h.pop()).flatten();
        match previous {
            Some(entry) => {
                self.view.set(entry.view);
                self.land(Landing::Restore(entry.spot));
            }
            None => {
                self.view.set(View::Home);
                self.land(Landing::Top);
            }
        }
    }

    /// Opens article `id` inside the panel. The view reports `article`
    /// (or `error`) once it knows whether the article exists; a search
    /// waiting for the reader's pause is reported first.
    pub fn show_article(&self, id: &str) {
        self.events.report_search();
        self.go(View::Article(id.to_string()));
    }

    /// Opens article `id`, reached by a link in another article.
    pub fn follow_link(&self, id: &str) {
        if !self.linked.with_value(|l| l.iter().any(|x| x == id)) {
            self.linked.update_value(|l| l.push(id.to_string()));
        }
        self.show_article(id);
    }

    /// Whether article `id` was reached by a link in another article.
    pub fn was_linked(&self, id: &str) -> bool {
        self.linked.with_value(|l| l.iter().any(|x| x == id))
    }

    /// Opens the contact view.
    pub fn show_contact(&self) {
        self.go(View::Contact);
        self.events
            .emit("contact", wasm_bindgen::JsValue::UNDEFINED);
    }
}
