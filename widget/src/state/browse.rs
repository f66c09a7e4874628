//! Browsing by category: the locale's category list, fetched only once a
//! view wants it (the home view once its suggestions are on show and the
//! panel is open, or a category's own view), never on the first open's
//! way, and again when the bundle changes (a new locale).

use help_core::Category;
use leptos::prelude::*;

use super::reader::Reader;

/// The category list.
#[derive(Clone, Copy)]
pub struct Browse {
    /// Whether the home view's suggestions have been shown: the category
    /// list waits for them, so it never delays the first open.
    pub suggested: RwSignal<bool>,
    wanted: RwSignal<bool>,
    /// The list once wanted: `Some(None)` before that, or if it could not
    /// be fetched; `None` while it is on its way.
    list: LocalResource<Option<Vec<Category>>>,
}

impl Browse {
    /// Nothing fetched until [`Browse::want`]. Call it under a reactive
    /// owner.
    pub fn new(reader: Reader) -> Browse {
        let wanted = RwSignal::new(false);
        let list = LocalResource::new(move || {
            let engine = reader.engine.get();
            let wanted = wanted.get();
            async move {
                match engine {
                    Some(Ok(engine)) if wanted => engine.categories().await.ok(),
                    _ => None,
                }
            }
        });
        Browse {
            suggested: RwSignal::new(false),
            wanted,
            list,
        }
    }

    /// Fetches the list if it is not there yet (again, if the last try
    /// failed).
    pub fn want(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        } else if matches!(self.list.get_untracked(), Some(None)) {
            self.list.refetch();
        }
    }

    /// The categories, in the authors' order; empty until fetched.
    pub fn categories(&self) -> Vec<Category> {
        self.list.get().flatten().unwrap_or_default()
    }

    /// Category `slug` as listed, once the list is here.
    pub fn category(&self, slug: &str) -> Option<Category> {
        self.list.with(|l| {
            l.as_ref()?
                .as_ref()?
                .iter()
                .find(|c| c.slug == slug)
                .cloned()
        })
    }
}
