//! The search box and its results: what is typed, the result the arrow
//! keys are on, and the latest results, kept up to date as the reader
//! types.

use help_core::search::Highlight;
use help_core::{SearchHit, SearchOptions};
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
    /// The hits, best first: the best [`Search::limit`] of them.
    pub hits: Vec<SearchHit>,
    /// How many articles matched in all, `hits` included.
    pub total: usize,
    /// The words matched, to mark in an article opened from these results.
    pub highlight: Highlight,
    /// Why the search failed, if it did.
    pub error: Option<LoadError>,
}

/// One row of the results list: a hit, or one of its sections under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The hit's place in the results.
    pub hit: usize,
    /// The section's place in the hit's sections, for a sub-result.
    pub section: Option<usize>,
}

/// The rows for `hits`: each hit, then its sections.
pub fn rows(hits: &[SearchHit]) -> Vec<Row> {
    hits.iter()
        .enumerate()
        .flat_map(|(hit, h)| {
            std::iter::once(Row { hit, section: None }).chain((0..h.sections.len()).map(move |s| {
                Row {
                    hit,
                    section: Some(s),
                }
            }))
        })
        .collect()
}

/// The search's state.
#[derive(Clone, Copy)]
pub struct Search {
    /// What is in the search box.
    pub query: RwSignal<String>,
    /// The row the arrow keys are on (see [`rows`]).
    pub active: RwSignal<Option<usize>>,
    /// The latest results.
    pub results: RwSignal<Results>,
    /// How many results to list; "Show more results" raises it by
    /// [`RESULTS_PAGE`], a new query puts it back.
    pub limit: RwSignal<usize>,
}

/// How many more results each "Show more results" lists (and how many a
/// new query starts with).
pub const RESULTS_PAGE: usize = 10;

impl Search {
    /// An empty search box that searches `reader`'s bundle as the reader
    /// types. Call it under a reactive owner.
    pub fn new(reader: Reader, events: Events) -> Search {
        let search = Search {
            query: RwSignal::new(String::new()),
            active: RwSignal::new(None),
            results: RwSignal::new(Results::default()),
            limit: RwSignal::new(RESULTS_PAGE),
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

    /// Whether more results match than are listed.
    pub fn has_more(&self) -> bool {
        let query = self.query.get();
        !query.trim().is_empty()
            && self
                .results
                .with(|r| r.query == query && r.total > r.hits.len())
    }

    /// Lists [`RESULTS_PAGE`] more results, moving the arrow keys' row to
    /// the first new one.
    pub fn show_more(&self) {
        let (shown, rows) = self
            .results
            .with_untracked(|r| (r.hits.len(), rows(&r.hits).len()));
        self.active.set(Some(rows));
        self.limit.set(shown + RESULTS_PAGE);
    }

    /// The words to mark in an article opened from the results on show.
    pub fn highlight(&self) -> Highlight {
        self.results.with_untracked(|r| r.highlight.clone())
    }

    /// Runs a search whenever the query, the limit, the context or the
    /// engine changes; a slower, older search never overwrites a newer one.
    fn search_as_you_type(self, reader: Reader, events: Events) {
        let latest = StoredValue::new(0u64);
        // A new query starts again from the first page.
        Effect::new(move |previous: Option<String>| {
            let query = self.query.get();
            if previous.is_some_and(|p| p != query) {
                self.limit.set(RESULTS_PAGE);
            }
            query
        });
        // Returns the query it searched for, to tell a new query from
        // more results (or a new route) for the same one.
        Effect::new(move |searched: Option<String>| {
            let query = self.query.get();
            let limit = self.limit.get();
            reader.context.track();
            let Some(engine) = reader.engine.get() else {
                return searched.unwrap_or_default();
            };
            let fresh = searched.as_ref() != Some(&query);
            let ticket = latest.get_value() + 1;
            latest.set_value(ticket);
            let options = SearchOptions {
                limit,
                ..reader.search_options()
            };
            // More of the same results keep the row the reader is on.
            if fresh {
                self.active.set(None);
            }
            let asked = query.clone();
            spawn_local(async move {
                // Shows `found` unless a newer search began; `try_`: the
                // panel may be unmounted by then. Reported once (see
                // `Events::searched`); more results for the same query
                // are not a new search.
                let mut reported = !fresh;
                let mut show = |found: help_core::SearchResults, error: Option<LoadError>| {
                    if latest.try_get_value() != Some(ticket) {
                        return;
                    }
                    if !reported {
                        reported = true;
                        events.searched(&query, found.total);
                    }
                    self.results.set(Results {
                        query: query.clone(),
                        hits: found.hits,
                        total: found.total,
                        highlight: found.highlight,
                        error,
                    });
                };
                match engine {
                    // Titles and summaries first, from the title list; the
                    // snippets fill in once the hits' chunks arrive.
                    Ok(engine) => {
                        let answer = engine
                            .search_titles_first(&query, &options, |first| show(first, None))
                            .await;
                        match answer {
                            Ok(found) => show(found, None),
                            Err(err) => show(Default::default(), Some(err)),
                        }
                    }
                    Err(err) => show(Default::default(), Some(err)),
                }
            });
            asked
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
    match results.total.max(results.hits.len()) {
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
            category_name: "C".into(),
            score: 1.0,
            matched_words: 1,
            snippet: String::new(),
            snippet_marks: vec![],
            title_marks: vec![],
            signed_in: false,
            sections: vec![],
        };
        Results {
            query: query.into(),
            hits: vec![hit; n.min(10)],
            total: n,
            ..Results::default()
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
            status_text(&EN, "pay", false, &results("pay", 27)),
            "27 articles found.",
            "every match is counted, not only those listed"
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
    fn sections_are_rows_under_their_hit() {
        let mut two = results("pay", 2).hits;
        two[0].sections = vec![
            help_core::search::SectionHit {
                anchor: "fees".into(),
                heading: "Fees".into(),
                heading_marks: vec![],
                snippet: String::new(),
                snippet_marks: vec![],
            };
            2
        ];
        let row = |hit, section| Row { hit, section };
        assert_eq!(
            rows(&two),
            [row(0, None), row(0, Some(0)), row(0, Some(1)), row(1, None)]
        );
        assert!(rows(&[]).is_empty());
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
