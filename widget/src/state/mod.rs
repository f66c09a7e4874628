//! The widget's reactive state, split by concern. [`WidgetState::provide`]
//! puts each part in the reactive context; a view takes the parts it uses
//! with `expect_context`, and the JS API holds the whole.
//!
//! - [`navigation`]: open or closed, the view on show, Back;
//! - [`search`]: the search box and its results, searched as one types;
//! - [`reader`]: the reader's locale, Site ID and route, the bundle loaded
//!   for them, and the embedding page's settings;
//! - [`contact`]: the time zone, the chosen region, the ticking clock;
//! - [`events`]: what the loader is told;
//! - [`recent`]: the reader's recent searches and articles, kept in
//!   localStorage;
//! - [`browse`]: the category list, fetched once a view wants it.

pub mod browse;
pub mod contact;
pub mod events;
pub mod navigation;
pub mod reader;
pub mod recent;
pub mod search;

use leptos::prelude::*;

pub use browse::Browse;
pub use contact::ContactState;
pub use events::{Emit, Events};
pub use navigation::{Navigation, View};
pub use reader::{EngineResult, Reader, Settings};
pub use recent::Recent;
pub use search::{Results, Search};

/// Every part of the state, as the JS API drives it.
#[derive(Clone, Copy)]
pub struct WidgetState {
    /// Open or closed, and the view on show.
    pub navigation: Navigation,
    /// The search box and its results.
    pub search: Search,
    /// The reader and their bundle.
    pub reader: Reader,
    /// The contact view's time zone, region and clock.
    pub contact: ContactState,
    /// What the loader is told.
    pub events: Events,
    /// Recent searches and articles.
    pub recent: Recent,
    /// The category list.
    pub browse: Browse,
}

impl WidgetState {
    /// Fresh state for `reader`, telling the loader through `events`.
    /// Call it under a reactive owner.
    pub fn new(reader: Reader, events: Events) -> WidgetState {
        let navigation = Navigation::new(events);
        let search = Search::new(reader, events);
        WidgetState {
            navigation,
            search,
            reader,
            contact: ContactState::from_browser(
                reader
                    .settings
                    .with_value(|s| s.time_zone.clone())
                    .as_deref(),
            ),
            events,
            recent: Recent::new(reader, search, navigation),
            browse: Browse::new(reader),
        }
    }

    /// Provides each part to the views below the current owner.
    pub fn provide(&self) {
        provide_context(self.navigation);
        provide_context(self.search);
        provide_context(self.reader);
        provide_context(self.contact);
        provide_context(self.events);
        provide_context(self.recent);
        provide_context(self.browse);
    }
}
