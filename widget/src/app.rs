//! The panel's components and the state they share with the JS API.

use std::ops::Range;
use std::rc::Rc;

use help_core::{SearchHit, SearchOptions};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::engine::{Engine, LoadError};

/// What the loaded bundle gives the panel: an engine, or why there is none.
pub type EngineResult = Result<Rc<Engine>, LoadError>;

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

/// The widget's reactive state, shared by the panel and the JS API.
#[derive(Clone, Copy)]
pub struct WidgetState {
    /// Whether the panel is open.
    pub open: RwSignal<bool>,
    /// What is in the search box.
    pub query: RwSignal<String>,
    /// The dashboard route the reader is on, for contextual ranking.
    pub context: RwSignal<Option<String>>,
    /// The bundle, loading or loaded.
    pub engine: LocalResource<EngineResult>,
    /// The latest results.
    pub results: RwSignal<Results>,
}

impl WidgetState {
    /// Fresh state around an engine resource. Call it under a reactive owner.
    pub fn new(engine: LocalResource<EngineResult>, context: Option<String>) -> WidgetState {
        let state = WidgetState {
            open: RwSignal::new(false),
            query: RwSignal::new(String::new()),
            context: RwSignal::new(context),
            engine,
            results: RwSignal::new(Results::default()),
        };
        state.search_as_you_type();
        state
    }

    /// Search options for the current context.
    pub fn search_options(&self) -> SearchOptions {
        SearchOptions { context: self.context.get_untracked(), ..SearchOptions::default() }
    }

    /// Runs a search whenever the query, the context or the engine
    /// changes; a slower, older search never overwrites a newer one.
    fn search_as_you_type(self) {
        let latest = StoredValue::new(0u64);
        Effect::new(move |_| {
            let query = self.query.get();
            self.context.track();
            let Some(engine) = self.engine.get() else { return };
            let ticket = latest.get_value() + 1;
            latest.set_value(ticket);
            let options = self.search_options();
            spawn_local(async move {
                let (hits, error) = match engine {
                    Ok(engine) => match engine.search(&query, &options).await {
                        Ok(hits) => (hits, None),
                        Err(err) => (Vec::new(), Some(err)),
                    },
                    Err(err) => (Vec::new(), Some(err)),
                };
                if latest.get_value() == ticket {
                    self.results.set(Results { query, hits, error });
                }
            });
        });
    }
}

/// What the status line says, for sighted readers and screen readers alike.
pub fn status_text(query: &str, loading: bool, results: &Results) -> String {
    if query.trim().is_empty() {
        return String::new();
    }
    if results.error.is_some() {
        return "Help articles are unavailable right now.".to_string();
    }
    if loading || results.query != query {
        return "Searching…".to_string();
    }
    match results.hits.len() {
        0 => format!("No articles match “{}”.", query.trim()),
        1 => "1 article found.".to_string(),
        n => format!("{n} articles found."),
    }
}

/// `text` cut into runs, each marked or not, from byte ranges. Ranges that
/// overlap, run backwards or split a character are skipped.
pub fn segments(text: &str, marks: &[Range<usize>]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for m in marks {
        if m.start < at || m.end <= m.start || text.get(m.clone()).is_none() {
            continue;
        }
        if m.start > at {
            out.push((text[at..m.start].to_string(), false));
        }
        out.push((text[m.clone()].to_string(), true));
        at = m.end;
    }
    if at < text.len() {
        out.push((text[at..].to_string(), false));
    }
    out
}

fn highlighted(text: &str, marks: &[Range<usize>]) -> impl IntoView + use<> {
    segments(text, marks)
        .into_iter()
        .map(|(run, marked)| if marked { Either::Left(view! { <mark>{run}</mark> }) } else { Either::Right(run) })
        .collect_view()
}

/// The help panel: a search box and its results.
#[component]
pub fn Panel(
    /// The state shared with the JS API.
    state: WidgetState,
) -> impl IntoView {
    let status = move || {
        let query = state.query.get();
        let loading = state.engine.get().is_none();
        state.results.with(|r| status_text(&query, loading, r))
    };
    let hits = move || {
        let query = state.query.get();
        state.results.with(|r| if query.trim().is_empty() { Vec::new() } else { r.hits.clone() })
    };

    view! {
        <section
            class="hw-panel"
            role="dialog"
            aria-label="Help"
            hidden=move || !state.open.get()
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    state.open.set(false);
                }
            }
        >
            <header class="hw-header">
                <h2 class="hw-heading">"Help"</h2>
                <button
                    type="button"
                    class="hw-close"
                    aria-label="Close help"
                    on:click=move |_| state.open.set(false)
                >
                    "×"
                </button>
            </header>
            <div class="hw-search" role="search">
                <input
                    type="search"
                    class="hw-search-input"
                    placeholder="Search help articles"
                    aria-label="Search help articles"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || state.query.get()
                    on:input=move |ev| state.query.set(event_target_value(&ev))
                />
            </div>
            <p class="hw-status" role="status" aria-live="polite">{status}</p>
            <ul class="hw-results" aria-label="Search results">
                <For each=hits key=|hit| (hit.id.clone(), hit.snippet.clone()) let:hit>
                    <li class="hw-result" data-article-id=hit.id.clone()>
                        <span class="hw-result-title">{highlighted(&hit.title, &hit.title_marks)}</span>
                        <span class="hw-result-snippet">{highlighted(&hit.snippet, &hit.snippet_marks)}</span>
                        <span class="hw-result-category">{hit.category.clone()}</span>
                    </li>
                </For>
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_speaks_the_result_count() {
        let done = |query: &str, n: usize| Results {
            query: query.into(),
            hits: vec![
                SearchHit {
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
                n
            ],
            error: None,
        };
        assert_eq!(status_text("  ", false, &done("", 0)), "");
        assert_eq!(status_text("sid", true, &done("", 0)), "Searching…");
        assert_eq!(status_text("sid", false, &done("si", 3)), "Searching…", "results of an older query");
        assert_eq!(status_text("sid", false, &done("sid", 1)), "1 article found.");
        assert_eq!(status_text("sid", false, &done("sid", 4)), "4 articles found.");
        assert_eq!(status_text(" zz ", false, &done(" zz ", 0)), "No articles match “zz”.");
        let failed = Results { error: Some(LoadError::Empty { url: "x".into() }), ..Results::default() };
        assert_eq!(status_text("sid", false, &failed), "Help articles are unavailable right now.");
    }

    #[test]
    fn segments_split_text_at_marks() {
        let text = "Find your Site ID";
        assert_eq!(
            segments(text, &[10..14, 15..17]),
            [("Find your ".into(), false), ("Site".into(), true), (" ".into(), false), ("ID".into(), true)]
        );
        // Bad ranges are ignored rather than trusted.
        assert_eq!(segments("é", &[0..1, 5..9]), [("é".into(), false)]);
    }
}
