//! Home: the search box (arrow keys, Enter, Escape), the spoken status,
//! the results as the reader types or the suggestions for the page, the
//! recent lists and the categories to browse, and the way to contact
//! support. When the bundle cannot be loaded, it shows
//! a Retry and the contacts instead.

use leptos::prelude::*;

use super::browse::BrowseCategories;
use super::contact::ContactView;
use super::recent::RecentLists;
use super::results::ResultList;
use super::suggestions::Suggestions;
use crate::state::search::{move_active, rows, status_text};
use crate::state::{Navigation, Reader, Search};

/// Search, suggestions, and the way to contact support.
#[component]
pub fn Home() -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let search = expect_context::<Search>();
    let reader = expect_context::<Reader>();
    let hits = move || search.hits();
    let status = move || {
        let query = search.query.get();
        let loading = reader.engine.get().is_none();
        search
            .results
            .with(|r| status_text(reader.ui(), &query, loading, r))
    };
    let failed = move || reader.failed();
    let open_active = move || {
        let list = hits();
        let row = search
            .active
            .get_untracked()
            .and_then(|i| rows(&list).get(i).copied());
        if let Some(row) = row {
            let hit = &list[row.hit];
            let section = row
                .section
                .and_then(|s| hit.sections.get(s))
                .map(|s| s.anchor.as_str());
            navigation.show_article_at(&hit.id, section, Some(search.highlight()));
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            ev.prevent_default();
            let len = rows(&hits()).len();
            search
                .active
                .update(|a| *a = move_active(*a, len, ev.key() == "ArrowDown"));
        }
        "Enter" => {
            ev.prevent_default();
            open_active();
        }
        "Escape" if !search.query.get_untracked().is_empty() => {
            // Clear the box first; a second Escape closes the panel.
            ev.prevent_default();
            search.query.set(String::new());
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
                aria-activedescendant=move || search.active.get().map(|i| format!("hw-result-{i}")).unwrap_or_default()
                placeholder=move || reader.ui().search_placeholder
                aria-label=move || reader.ui().search_placeholder
                autocomplete="off"
                spellcheck="false"
                prop:value=move || search.query.get()
                on:input=move |ev| search.query.set(event_target_value(&ev))
                on:keydown=on_keydown
            />
        </div>
        <p class="hw-status" role="status" aria-live="polite">{status}</p>
        <Show when=failed>
            <div class="hw-error">
                <p>{move || reader.ui().unavailable}</p>
                <button type="button" class="hw-button" on:click=move |_| reader.engine.refetch()>
                    {move || reader.ui().retry}
                </button>
            </div>
            <ContactView />
        </Show>
        <ResultList />
        <Show when=move || search.query.get().trim().is_empty() && !failed()>
            <Suggestions />
            <RecentLists />
            <BrowseCategories />
        </Show>
        <Show when=move || !failed()>
            <button type="button" class="hw-link-button hw-contact-link" on:click=move |_| navigation.show_contact()>
                {move || reader.ui().contact_support}
            </button>
        </Show>
    }
}
