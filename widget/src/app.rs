//! The panel's components.

use std::sync::Arc;

use help_core::{SearchHit, SearchOptions};
use leptos::prelude::*;

use crate::engine::{Engine, LoadError};

/// What the loaded bundle gives the panel: an engine, or why there is none.
pub type EngineResult = Result<Arc<Engine>, LoadError>;

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
}

impl WidgetState {
    /// Fresh state around an engine resource. Call it under a reactive owner.
    pub fn new(engine: LocalResource<EngineResult>, context: Option<String>) -> WidgetState {
        WidgetState {
            open: RwSignal::new(false),
            query: RwSignal::new(String::new()),
            context: RwSignal::new(context),
            engine,
        }
    }

    /// Search options for the current context.
    pub fn search_options(&self) -> SearchOptions {
        SearchOptions { context: self.context.get_untracked(), ..SearchOptions::default() }
    }
}

/// What the status line says, for sighted readers and screen readers alike.
pub fn status_text(query: &str, engine: Option<&EngineResult>, hits: usize) -> String {
    match engine {
        _ if query.trim().is_empty() => String::new(),
        None => "Loading help articles…".to_string(),
        Some(Err(_)) => "Help articles are unavailable right now.".to_string(),
        Some(Ok(_)) if hits == 0 => format!("No articles match “{}”.", query.trim()),
        Some(Ok(_)) if hits == 1 => "1 article found.".to_string(),
        Some(Ok(_)) => format!("{hits} articles found."),
    }
}

/// The help panel: a search box and its results.
#[component]
pub fn Panel(
    /// The state shared with the JS API.
    state: WidgetState,
) -> impl IntoView {
    let hits = Memo::new(move |_| {
        let query = state.query.get();
        state.context.track();
        match state.engine.get() {
            Some(Ok(engine)) => engine.search(&query, &state.search_options()),
            _ => Vec::<SearchHit>::new(),
        }
    });
    let status = move || status_text(&state.query.get(), state.engine.get().as_ref(), hits.with(Vec::len));

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
                <For each=move || hits.get() key=|hit| hit.id.clone() let:hit>
                    <li class="hw-result" data-article-id=hit.id.clone()>
                        <span class="hw-result-title">{hit.title.clone()}</span>
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
        let ok: EngineResult = Ok(Arc::new(Engine::new(help_core::IndexWriter::new("en").finish())));
        assert_eq!(status_text("  ", Some(&ok), 0), "");
        assert_eq!(status_text("sid", None, 0), "Loading help articles…");
        assert_eq!(status_text("sid", Some(&ok), 1), "1 article found.");
        assert_eq!(status_text("sid", Some(&ok), 4), "4 articles found.");
        assert_eq!(status_text(" zz ", Some(&ok), 0), "No articles match “zz”.");
        let failed: EngineResult = Err(LoadError::Empty { url: "x".into() });
        assert_eq!(status_text("sid", Some(&failed), 0), "Help articles are unavailable right now.");
    }
}
