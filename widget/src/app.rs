//! The panel: its state, its views and how they switch.
//!
//! - Home: the search box, articles suggested for the current page, and
//!   results as the reader types (arrow keys, Enter, Escape).
//! - Article: the article read inline, with its video and feedback.
//! - Contact: support hours in the reader's time, contacts by region, and
//!   a request helper (see [`crate::contact`]).
//!
//! When the bundle cannot be loaded, the panel still opens and shows the
//! contact details with a Retry.

use std::ops::Range;
use std::rc::Rc;

use help_core::support::SupportData;
use help_core::{DocRecord, SearchHit, SearchOptions};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::article::ArticleView;
use crate::contact::ContactView;
use crate::engine::{Engine, LoadError};
use crate::i18n::{Strings, fill, strings};

/// What the loaded bundle gives the panel: an engine, or why there is none.
pub type EngineResult = Result<Rc<Engine>, LoadError>;

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

/// Settings from the embedding page that do not change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    /// Where feedback is POSTed, if anywhere.
    pub feedback_url: Option<String>,
    /// The full help center, for "open in the help center" links.
    pub help_center_url: Option<String>,
    /// Contacts to show when the bundle cannot be loaded.
    pub fallback_support: Option<SupportData>,
}

/// The widget's reactive state, shared by the views and the JS API.
#[derive(Clone, Copy)]
pub struct WidgetState {
    /// Whether the panel is open.
    pub open: RwSignal<bool>,
    /// The view on show.
    pub view: RwSignal<View>,
    /// Views to go back to.
    pub history: RwSignal<Vec<View>>,
    /// What is in the search box.
    pub query: RwSignal<String>,
    /// The result the arrow keys are on.
    pub active: RwSignal<Option<usize>>,
    /// The dashboard route the reader is on.
    pub context: RwSignal<Option<String>>,
    /// The reader's locale.
    pub locale: RwSignal<String>,
    /// The publisher's Site ID.
    pub sid: RwSignal<Option<String>>,
    /// The reader's time zone for support hours.
    pub time_zone: RwSignal<String>,
    /// The region whose contacts are shown, by id.
    pub region: RwSignal<Option<String>>,
    /// Now, in ms; ticks so the live status stays true.
    pub now: RwSignal<i64>,
    /// The bundle, loading or loaded.
    pub engine: LocalResource<EngineResult>,
    /// The latest results.
    pub results: RwSignal<Results>,
    /// Settings from the embedding page.
    pub settings: StoredValue<Settings>,
    /// Emits events to the loader: `(name, detail)`.
    pub emit: StoredValue<Rc<dyn Fn(&str, wasm_bindgen::JsValue)>, LocalStorage>,
}

impl WidgetState {
    /// Fresh state; `load(locale)` loads the bundle for a locale, again
    /// whenever the locale changes. Call it under a reactive owner.
    pub fn new<Fut>(
        load: impl Fn(String) -> Fut + 'static,
        context: Option<String>,
        locale: String,
        settings: Settings,
        emit: Rc<dyn Fn(&str, wasm_bindgen::JsValue)>,
    ) -> WidgetState
    where
        Fut: Future<Output = EngineResult> + 'static,
    {
        let locale = RwSignal::new(locale);
        let engine = LocalResource::new(move || load(locale.get()));
        let state = WidgetState {
            open: RwSignal::new(false),
            view: RwSignal::new(View::Home),
            history: RwSignal::new(Vec::new()),
            query: RwSignal::new(String::new()),
            active: RwSignal::new(None),
            context: RwSignal::new(context),
            locale,
            sid: RwSignal::new(None),
            time_zone: RwSignal::new(crate::intl::default_time_zone()),
            region: RwSignal::new(None),
            now: RwSignal::new(crate::intl::now()),
            engine,
            results: RwSignal::new(Results::default()),
            settings: StoredValue::new(settings),
            emit: StoredValue::new_local(emit),
        };
        state.search_as_you_type();
        state
    }

    /// The strings for the reader's locale.
    pub fn ui(&self) -> &'static Strings {
        strings(&self.locale.get())
    }

    /// Sends an event to the loader and its listeners.
    pub fn emit(&self, name: &str, detail: wasm_bindgen::JsValue) {
        let emit = self.emit.get_value();
        emit(name, detail);
    }

    /// Search options for the current context.
    pub fn search_options(&self) -> SearchOptions {
        SearchOptions {
            context: self.context.get_untracked(),
            ..SearchOptions::default()
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
        self.emit("article", wasm_bindgen::JsValue::from_str(id));
    }

    /// The support data: the bundle's, else the fallback the loader carries.
    pub fn support(&self) -> Option<SupportData> {
        match self.engine.get() {
            Some(Ok(engine)) if engine.support.is_some() => engine.support.clone(),
            _ => self.settings.with_value(|s| s.fallback_support.clone()),
        }
    }

    /// Runs a search whenever the query, the context or the engine
    /// changes; a slower, older search never overwrites a newer one.
    fn search_as_you_type(self) {
        let latest = StoredValue::new(0u64);
        Effect::new(move |_| {
            let query = self.query.get();
            self.context.track();
            let Some(engine) = self.engine.get() else {
                return;
            };
            let ticket = latest.get_value() + 1;
            latest.set_value(ticket);
            let options = self.search_options();
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
                    if !query.trim().is_empty() {
                        self.emit("search", wasm_bindgen::JsValue::from_str(&query));
                    }
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
        0 => fill(ui.no_results, &[query.trim()]),
        1 => ui.one_result.to_string(),
        n => fill(ui.results, &[&n.to_string()]),
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

/// Text with marked runs in `<mark>`: always as text nodes, never markup.
pub fn highlighted(text: &str, marks: &[Range<usize>]) -> impl IntoView + use<> {
    segments(text, marks)
        .into_iter()
        .map(|(run, marked)| {
            if marked {
                Either::Left(view! { <mark>{run}</mark> })
            } else {
                Either::Right(run)
            }
        })
        .collect_view()
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

/// The help panel.
#[component]
pub fn Panel(
    /// The state shared with the JS API.
    state: WidgetState,
) -> impl IntoView {
    let title = move || match state.view.get() {
        View::Contact => state.ui().contact_support,
        _ => state.ui().help,
    };
    view! {
        <section
            class="hw-panel"
            role="dialog"
            aria-modal="false"
            aria-labelledby="hw-title"
            lang=move || state.ui().locale
            hidden=move || !state.open.get()
            on:keydown=move |ev| {
                if ev.key() == "Escape" && !ev.default_prevented() {
                    state.open.set(false);
                }
            }
        >
            <div class="hw-header">
                <Show when=move || state.view.get() != View::Home>
                    <button type="button" class="hw-back" on:click=move |_| state.back()>
                        <span aria-hidden="true">"← "</span>
                        {move || state.ui().back}
                    </button>
                </Show>
                <h2 class="hw-heading" id="hw-title">{title}</h2>
                <button
                    type="button"
                    class="hw-close"
                    aria-label=move || state.ui().close
                    on:click=move |_| state.open.set(false)
                >
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
            <div class="hw-body">
                {move || match state.view.get() {
                    View::Home => view! { <Home state=state /> }.into_any(),
                    View::Article(id) => view! { <ArticleView state=state id=id /> }.into_any(),
                    View::Contact => view! { <ContactView state=state /> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// Search, suggestions, and the way to contact support.
#[component]
fn Home(state: WidgetState) -> impl IntoView {
    let hits = move || {
        let query = state.query.get();
        state.results.with(|r| {
            if query.trim().is_empty() {
                Vec::new()
            } else {
                r.hits.clone()
            }
        })
    };
    let status = move || {
        let query = state.query.get();
        let loading = state.engine.get().is_none();
        state
            .results
            .with(|r| status_text(state.ui(), &query, loading, r))
    };
    let failed = move || matches!(state.engine.get(), Some(Err(_)));
    let open_active = move || {
        let list = hits();
        if let Some(hit) = state.active.get_untracked().and_then(|i| list.get(i)) {
            state.show_article(&hit.id);
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            ev.prevent_default();
            let len = hits().len();
            state
                .active
                .update(|a| *a = move_active(*a, len, ev.key() == "ArrowDown"));
        }
        "Enter" => {
            ev.prevent_default();
            open_active();
        }
        "Escape" if !state.query.get_untracked().is_empty() => {
            // Clear the box first; a second Escape closes the panel.
            ev.prevent_default();
            state.query.set(String::new());
        }
        _ => {}
    };
    view! {
        <div class="hw-search" role="search">
            <input
                type="search"
                class="hw-search-input"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="hw-results"
                aria-expanded=move || (!hits().is_empty()).to_string()
                aria-activedescendant=move || state.active.get().map(|i| format!("hw-result-{i}")).unwrap_or_default()
                placeholder=move || state.ui().search
                aria-label=move || state.ui().search
                autocomplete="off"
                spellcheck="false"
                prop:value=move || state.query.get()
                on:input=move |ev| state.query.set(event_target_value(&ev))
                on:keydown=on_keydown
            />
        </div>
        <p class="hw-status" role="status" aria-live="polite">{status}</p>
        <Show when=failed>
            <div class="hw-error">
                <p>{move || state.ui().unavailable}</p>
                <button type="button" class="hw-button" on:click=move |_| state.engine.refetch()>
                    {move || state.ui().retry}
                </button>
            </div>
            <ContactView state=state />
        </Show>
        <ul class="hw-results" id="hw-results" role="listbox" aria-label=move || state.ui().search>
            <For each=move || hits().into_iter().enumerate() key=|(i, hit)| (*i, hit.id.clone(), hit.snippet.clone()) let:item>
                <li
                    class="hw-result"
                    id=format!("hw-result-{}", item.0)
                    role="option"
                    aria-selected=move || (state.active.get() == Some(item.0)).to_string()
                    data-article-id=item.1.id.clone()
                    on:click={
                        let id = item.1.id.clone();
                        move |_| state.show_article(&id)
                    }
                >
                    <span class="hw-result-title">{highlighted(&item.1.title, &item.1.title_marks)}</span>
                    <span class="hw-result-snippet">{highlighted(&item.1.snippet, &item.1.snippet_marks)}</span>
                    <span class="hw-result-category">{item.1.category.clone()}</span>
                </li>
            </For>
        </ul>
        <Show when=move || state.query.get().trim().is_empty() && !failed()>
            <Suggestions state=state />
        </Show>
        <Show when=move || !failed()>
            <button type="button" class="hw-link-button hw-contact-link" on:click=move |_| {
                state.go(View::Contact);
                state.emit("contact", wasm_bindgen::JsValue::UNDEFINED);
            }>
                {move || state.ui().contact_support}
            </button>
        </Show>
    }
}

/// Articles for the page the reader is on.
#[component]
fn Suggestions(state: WidgetState) -> impl IntoView {
    let suggestions = LocalResource::new(move || {
        let route = state.context.get().unwrap_or_else(|| "/".to_string());
        let engine = state.engine.get();
        async move {
            match engine {
                Some(Ok(engine)) => engine.suggestions(&route, 5).await.unwrap_or_default(),
                _ => Vec::<(u32, DocRecord)>::new(),
            }
        }
    });
    let list = move || suggestions.get().unwrap_or_default();
    view! {
        <Show when=move || !list().is_empty()>
            <h3 class="hw-subheading" id="hw-suggested">{move || state.ui().suggested}</h3>
            <ul class="hw-suggestions" aria-labelledby="hw-suggested">
                <For each=list key=|(doc, _)| *doc let:item>
                    <li>
                        <a
                            class="hw-suggestion"
                            href=format!("#article:{}", item.1.id)
                            on:click={
                                let id = item.1.id.clone();
                                move |ev| {
                                    ev.prevent_default();
                                    state.show_article(&id);
                                }
                            }
                        >
                            <span class="hw-result-title">{item.1.title.clone()}</span>
                            {item.1.summary.clone().map(|s| view! { <span class="hw-result-snippet">{s}</span> })}
                        </a>
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// The anchor an event started in, if any, within the panel.
pub fn anchor_of(ev: &web_sys::Event) -> Option<web_sys::HtmlAnchorElement> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    target.closest("a").ok()??.dyn_into().ok()
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
    fn segments_split_text_at_marks() {
        let text = "Find your Site ID";
        assert_eq!(
            segments(text, &[10..14, 15..17]),
            [
                ("Find your ".into(), false),
                ("Site".into(), true),
                (" ".into(), false),
                ("ID".into(), true)
            ]
        );
        // Bad ranges are ignored rather than trusted.
        assert_eq!(segments("é", &[0..1, 5..9]), [("é".into(), false)]);
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
