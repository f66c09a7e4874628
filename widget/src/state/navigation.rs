//! Where the reader is in the panel: open or not, the view on show, the
//! views Back returns to (each with where focus and the scroll were), and
//! where focus should land when a view shows.

use help_core::search::Highlight;
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
    /// On an article section's heading, scrolled to the top (the article's
    /// top if it has no such section).
    Section(String),
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
    /// The article last opened from a search, and the words to mark in it:
    /// kept while the reader goes back and forth, replaced by the next
    /// article opened.
    highlight: StoredValue<Option<(String, Highlight)>>,
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
            highlight: StoredValue::new(None),
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
        self.show_article_at(id, None, None);
    }

    /// Opens article `id` at `section` (its top if `None`), with the words
    /// of `highlight` marked in its body.
    pub fn show_article_at(&self, id: &str, section: Option<&str>, highlight: Option<Highlight>) {
        self.events.report_search();
        self.highlight
            .set_value(highlight.map(|h| (id.to_string(), h)));
        self.go(View::Article(id.to_string()));
        if let Some(anchor) = section {
            self.land(Landing::Section(anchor.to_string()));
        }
    }

    /// The words to mark in article `id`, if it was opened from a search.
    pub fn highlight_for(&self, id: &str) -> Option<Highlight> {
        self.highlight.with_value(|h| {
            h.as_ref()
                .filter(|(shown, _)| shown == id)
                .map(|(_, words)| words.clone())
        })
    }

    /// Opens article `id` at `section`, reached by a link in another
    /// article; a section of the article on show is scrolled to in place.
    pub fn follow_link(&self, id: &str, section: Option<&str>) {
        if self.view.get_untracked() == View::Article(id.to_string()) {
            if let Some(anchor) = section {
                self.land(Landing::Section(anchor.to_string()));
            }
            return;
        }
        if !self.linked.with_value(|l| l.iter().any(|x| x == id)) {
            self.linked.update_value(|l| l.push(id.to_string()));
        }
        self.show_article_at(id, section, None);
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
