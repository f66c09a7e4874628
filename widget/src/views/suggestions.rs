//! Articles suggested for the dashboard page the reader is on (or the
//! getting-started ones), shown while the search box is empty.

use help_core::DocTitle;
use leptos::prelude::*;

use crate::state::{Browse, Navigation, Reader};

/// How many articles are suggested.
const SUGGESTIONS: usize = 5;

/// Articles for the page the reader is on.
#[component]
pub fn Suggestions() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let suggestions = LocalResource::new(move || {
        let route = reader.context.get().unwrap_or_else(|| "/".to_string());
        let engine = reader.engine.get();
        async move {
            match engine {
                Some(Ok(engine)) => engine
                    .suggestions(&route, SUGGESTIONS)
                    .await
                    .unwrap_or_default(),
                _ => Vec::<(u32, DocTitle)>::new(),
            }
        }
    });
    let list = move || suggestions.get().unwrap_or_default();
    // Once they are on show, the category list may come.
    let browse = expect_context::<Browse>();
    Effect::new(move |_| {
        if suggestions.with(Option::is_some) {
            browse.suggested.set(true);
        }
    });
    view! {
        <Show when=move || !list().is_empty()>
            <h3 class="hw-subheading" id="hw-suggested">{move || reader.ui().suggested}</h3>
            <ul class="hw-suggestions" aria-labelledby="hw-suggested">
                <For each=list key=|(doc, _)| *doc let:item>
                    <li><ArticleLink record=item.1 /></li>
                </For>
            </ul>
        </Show>
    }
}

/// An article as a row of a list: its title and summary, a link that
/// opens it in the panel.
#[component]
pub fn ArticleLink(
    /// The article's list row.
    record: DocTitle,
) -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let id = record.id.clone();
    view! {
        <a
            class="hw-suggestion"
            href=format!("#article:{}", record.id)
            on:click=move |ev| {
                ev.prevent_default();
                navigation.show_article(&id);
            }
        >
            <span class="hw-result-title">{record.title}</span>
            {record.summary.map(|s| view! { <span class="hw-result-snippet">{s}</span> })}
        </a>
    }
}
