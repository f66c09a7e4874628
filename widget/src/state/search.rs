//! The search box and its results: what is typed, the result the arrow
//! keys are on, and the latest results, kept up to date as the reader
//! types.

use help_core::SearchHit;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::events::Events;
use super::reader::Reader;
use crate::engine::LoadError;
use crate::i18n::Strings;

/// The results on show, and for which query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// The query these results answer.
    pub query: String,
    /// The hits, best first.
    pub hits: Vec<SearchHit>,
    /// Why the search failed, if it did.
    pub error: Option<LoadError>,
}

/// The search's state.
#[derive(Clone, Copy)]
pub struct Search {
    /// What is in the search box.
    pub query: RwSignal<String>,
    /// The result the arrow keys are on.
    pub active: RwSignal<Option<usize>>,
    /// The latest results.
    pub results: RwSignal<Results>,
}

impl Search {
    /// An empty search box that searches `reader`'s bundle as the reader
    /// types. Call it under a reactive owner.
    pub fn new(reader: Reader, events: Events) -> Search {
        let search = Search {
            query: RwSignal::new(String::new()),
            active: RwSignal::new(None),
            results: RwSignal::new(Results::default()),
        };
        search.search_as_you_type(reader, events);
        search
    }

    /// The hits to list: none while the box is empty.
    pub fn hits(&self) -> Vec<SearchHit> {
        let query = self.query.get();
        self.results.with(|r| {
            if query.trim().is_empty() {
                Vec::new()
            } else {
                r.hits.clone()
            }
        })
    }

    /// Runs a search whenever the query, the context or the engine
    /// changes; a slower, older search never overwrites a newer one.
    fn search_as_you_type(self, reader: Reader, events: Events) {
        let latest = StoredValue::new(0u64);
        Effect::new(move |_| {
            let query = self.query.get();
            reader.context.track();
            let Some(engine) = reader.engine.get() else {
                return;
            };
            let ticket = latest.get_value() + 1;
            latest.set_value(ticket);
            let options = reader.search_options();
            self.active.set(None);
            spawn_local(async move {
                let (hits, error) = match engine {
                    Ok(engine) => match engine.search(&query, &options).await {
                        Ok(hits) => (hits, None),
                        Err(err) => (Vec::new(), Some(err)),
                    },
                    Err(err) => (Vec::new(), Some(err)),
                };
                if latest.get_value() == ticket {
                    // Reported once the reader pauses: see `Events::searched`.
                    events.searched(&query, hits.len());
                    self.results.set(Results { query, hits, error });
                }
            });
        });
    }
}

/// What the status line says, for sighted readers and screen readers alike.
pub fn status_text(ui: &Strings, query: &str, loading: bool, results: &Results) -> String {
    if query.trim().is_empty() {
        return String::new();
    }
    if results.error.is_some() {
        return ui.unavailable.to_string();
    }
    if loading || results.query != query {
        return ui.searching.to_string();
    }
    match results.hits.len() {
        0 => help_core::template::fill(ui.no_results, &[query.trim()]),
        1 => ui.one_result.to_string(),
        n => help_core::template::fill(ui.results, &[&n.to_string()]),
    }
}

/// The next active result for an arrow key.
pub fn move_active(active: Option<usize>, len: usize, down: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (active, down) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(i), true) => (i + 1) % len,
        (Some(i), false) => (i + len - 1) % len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    fn results(query: &str, n: usize) -> Results {
        let hit = SearchHit {
            doc: 0,
            id: "a".into(),
            title: "A".into(),
            category: "c".into(),
            score: 1.0,
            matched_words: 1,
            snippet: String::new(),
            snippet_marks: vec![],
            title_marks: vec![],
            signed_in: false,
        };
        Results {
            query: query.into(),
            hits: vec![hit; n],
            error: None,
        }
    }

    #[test]
    fn status_speaks_the_result_count() {
        assert_eq!(status_text(&EN, "  ", false, &results("", 0)), "");
        assert_eq!(status_text(&EN, "sid", true, &results("", 0)), "Searching…");
        assert_eq!(
            status_text(&EN, "sid", false, &results("si", 3)),
            "Searching…",
            "results of an older query"
        );
        assert_eq!(
            status_text(&EN, "sid", false, &results("sid", 1)),
            "1 article found."
        );
        assert_eq!(
            status_text(&EN, "sid", false, &results("sid", 4)),
            "4 articles found."
        );
        assert_eq!(
            status_text(&EN, " zz ", false, &results(" zz ", 0)),
            "No articles match “zz”."
        );
        let failed = Results {
            error: Some(LoadError::Empty { url: "x".into() }),
            ..Results::default()
        };
        assert_eq!(
            status_text(&EN, "sid", false, &failed),
            "Help articles are unavailable right now."
        );
        assert_eq!(
            status_text(&crate::i18n::DE, "sid", false, &results("sid", 4)),
            "4 Artikel gefunden."
        );
    }

    #[test]
    fn arrow_keys_wrap_around() {
        assert_eq!(move_active(None, 3, true), Some(0));
        assert_eq!(move_active(None, 3, false), Some(2));
        assert_eq!(move_active(Some(2), 3, true), Some(0));
        assert_eq!(move_active(Some(0), 3, false), Some(2));
        assert_eq!(move_active(Some(1), 0, true), None);
    }
}
