//! The reader's recent searches and recently read articles, on the home
//! view while the search box is empty. A recent search runs again, a
//! recent article opens, and each list has its Clear button. Articles the
//! bundle no longer has are dropped quietly once the bundle is loaded.

use leptos::prelude::*;

use crate::dom;
use crate::state::{Navigation, Reader, Recent, Search};

/// The recent searches and recently read articles, each list with a heading
/// and a Clear button, or nothing when both are empty.
#[component]
pub fn RecentLists() -> impl IntoView {
    let recent = expect_context::<Recent>();
    let search = expect_context::<Search>();
    let navigation = expect_context::<Navigation>();
    let reader = expect_context::<Reader>();
    // Once the bundle is loaded, drop the articles it no longer has. A
    // lookup that fails (offline) drops nothing.
    Effect::new(move |_| {
        let Some(Ok(engine)) = reader.engine.get() else {
            return;
        };
        let ids: Vec<String> = recent
            .lists
            .with_untracked(|l| l.articles.iter().map(|a| a.id.clone()).collect());
        if ids.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            // One lookup in the title list for all of them.
            let Ok(found) = engine.titles(&ids).await else {
                return;
            };
            if found.len() < ids.len() {
                recent.retain_articles(|id| found.iter().any(|t| t.id == id));
            }
        });
    });
    let searches = move || recent.lists.with(|l| l.searches.clone());
    let articles = move || recent.lists.with(|l| l.articles.clone());
    view! {
        <Show when=move || !searches().is_empty()>
            <div class="hw-recent-head">
                <h3 class="hw-subheading" id="hw-recent-searches">{move || reader.ui().recent_searches}</h3>
                <button
                    type="button"
                    class="hw-link-button hw-recent-clear"
                    aria-label=move || reader.ui().clear_recent_searches
                    on:click=move |ev| {
                        dom::focus_search_box_of(&ev);
                        recent.clear_searches();
                    }
                >
                    {move || reader.ui().clear}
                </button>
            </div>
            <ul class="hw-recent hw-recent-searches" aria-labelledby="hw-recent-searches">
                <For each=searches key=|q| q.clone() let:query>
                    <li>
                        <button
                            type="button"
                            class="hw-recent-search"
                            on:click={
                                let query = query.clone();
                                move |ev| {
                                    dom::focus_search_box_of(&ev);
                                    search.query.set(query.clone());
                                }
                            }
                        >
                            <span class="hw-recent-icon" aria-hidden="true">"↺ "</span>
                            {query.clone()}
                        </button>
                    </li>
                </For>
            </ul>
        </Show>
        <Show when=move || !articles().is_empty()>
            <div class="hw-recent-head">
                <h3 class="hw-subheading" id="hw-recently-read">{move || reader.ui().recently_read}</h3>
                <button
                    type="button"
                    class="hw-link-button hw-recent-clear"
                    aria-label=move || reader.ui().clear_recently_read
                    on:click=move |ev| {
                        dom::focus_search_box_of(&ev);
                        recent.clear_articles();
                    }
                >
                    {move || reader.ui().clear}
                </button>
            </div>
            <ul class="hw-recent hw-recent-articles" aria-labelledby="hw-recently-read">
                <For each=articles key=|a| (a.id.clone(), a.title.clone()) let:article>
                    <li>
                        <a
                            class="hw-suggestion hw-recent-article"
                            href=format!("#article:{}", article.id)
                            on:click={
                                let id = article.id.clone();
                                move |ev| {
                                    ev.prevent_default();
                                    navigation.show_article(&id);
                                }
                            }
                        >
                            <span class="hw-result-title">{article.title.clone()}</span>
                        </a>
                    </li>
                </For>
            </ul>
        </Show>
    }
}
