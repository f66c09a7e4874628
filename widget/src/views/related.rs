//! "Related articles" at the end of an article: the ids the builder
//! chose (shared words, tags and category), listed by their titles. Their
//! rows come from the title list, asked only once the article's body is on show; the list
//! is left out when there are none. A related article opens in the panel,
//! and Back returns to the article it was listed under.

use help_core::DocTitle;
use leptos::prelude::*;

use crate::state::{Navigation, Reader};

/// The articles `ids` by their titles, under a heading; nothing if the
/// bundle has none of them.
#[component]
pub fn RelatedArticles(
    /// The related articles' ids, best first (`DocRecord::related`).
    ids: Vec<String>,
) -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let reader = expect_context::<Reader>();
    let records = LocalResource::new(move || {
        let engine = reader.engine.get();
        let ids = ids.clone();
        async move {
            match engine {
                Some(Ok(engine)) if !ids.is_empty() => {
                    engine.titles(&ids).await.unwrap_or_default()
                }
                _ => Vec::<DocTitle>::new(),
            }
        }
    });
    let list = move || records.get().unwrap_or_default();
    view! {
        <Show when=move || !list().is_empty()>
            <section class="hw-related" aria-labelledby="hw-related-heading">
                <h3 class="hw-subheading" id="hw-related-heading">{move || reader.ui().related_articles}</h3>
                <ul class="hw-suggestions hw-related-articles">
                    <For each=list key=|r| r.id.clone() let:record>
                        <li>
                            <a
                                class="hw-suggestion hw-related-article"
                                href=format!("#article:{}", record.id)
                                lang=record.locale.clone()
                                on:click={
                                    let id = record.id.clone();
                                    move |ev| {
                                        ev.prevent_default();
                                        navigation.show_article(&id);
                                    }
                                }
                            >
                                <span class="hw-result-title">{record.title.clone()}</span>
                            </a>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}
