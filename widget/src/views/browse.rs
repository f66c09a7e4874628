//! Browsing by category, for readers who do not know what to type: the
//! categories with their article counts on the home view, a category's
//! own view listing its articles, and an article's category as a link to
//! that view. The list is fetched only once the home view's suggestions
//! are on show in an open panel (see [`crate::state::browse`]).

use help_core::DocTitle;
use help_core::template::fill;
use leptos::html;
use leptos::prelude::*;

use super::contact::ContactLink;
use super::suggestions::ArticleLink;
use crate::dom;
use crate::i18n::Strings;
use crate::state::{Browse, Navigation, Reader, View};

/// How many of a category's articles its view lists at first, and how
/// many more each "Show more articles" adds.
pub const CATEGORY_PAGE: usize = 20;

/// "1 article" or "`n` articles", in the reader's words.
pub fn article_count(ui: &Strings, n: u32) -> String {
    if n == 1 {
        ui.one_article.to_string()
    } else {
        fill(ui.articles, &[&n.to_string()])
    }
}

/// The `href` of category `slug`'s link: read by no one but the reader's
/// browser (a click opens the view in the panel), and a stable name for
/// focus to come back to.
fn category_href(slug: &str) -> String {
    format!("#category:{slug}")
}

/// The categories, each with its article count, leading to its view;
/// nothing until the list is here (or if it cannot be had).
#[component]
pub fn BrowseCategories() -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let reader = expect_context::<Reader>();
    let browse = expect_context::<Browse>();
    // Off the first open's way: asked for once the suggestions show in
    // an open panel.
    Effect::new(move |_| {
        if navigation.open.get() && browse.suggested.get() {
            browse.want();
        }
    });
    let categories = move || browse.categories();
    view! {
        <Show when=move || !categories().is_empty()>
            <h3 class="hw-subheading" id="hw-browse">{move || reader.ui().browse_categories}</h3>
            <ul class="hw-categories" aria-labelledby="hw-browse">
                <For each=categories key=|c| (c.slug.clone(), c.name.clone(), c.articles) let:category>
                    <li>
                        <a
                            class="hw-category"
                            href=category_href(&category.slug)
                            on:click={
                                let slug = category.slug.clone();
                                move |ev| {
                                    ev.prevent_default();
                                    navigation.go(View::Category(slug.clone()));
                                }
                            }
                        >
                            <span class="hw-category-name">{category.name.clone()}</span>
                            <span class="hw-category-count">
                                {move || article_count(reader.ui(), category.articles)}
                            </span>
                        </a>
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// Category `slug`'s view: how many articles it holds and the articles,
/// the author's `weight` first, [`CATEGORY_PAGE`] at a time. The panel's
/// title names it.
#[component]
pub fn CategoryView(
    /// The category's slug.
    slug: String,
) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let browse = expect_context::<Browse>();
    browse.want();
    let limit = RwSignal::new(CATEGORY_PAGE);
    let list_ref = NodeRef::<html::Ul>::new();
    // The first article "Show more" added, to move focus to once drawn.
    let focus_from = StoredValue::new(None::<usize>);
    let asked = slug.clone();
    let articles = LocalResource::new(move || {
        let engine = reader.engine.get();
        let limit = limit.get();
        let slug = asked.clone();
        async move {
            match engine {
                Some(Ok(engine)) => engine
                    .category(&slug, limit)
                    .await
                    .map_err(|e| e.to_string()),
                Some(Err(err)) => Err(err.to_string()),
                None => Ok(Vec::new()),
            }
        }
    });
    let listed = move || match articles.get() {
        Some(Ok(list)) => list,
        _ => Vec::<(u32, DocTitle)>::new(),
    };
    let count = {
        let slug = slug.clone();
        move || browse.category(&slug).map(|c| c.articles as usize)
    };
    let has_more = {
        let count = count.clone();
        move || count().is_some_and(|n| n > listed().len())
    };
    Effect::new(move |_| {
        let shown = listed().len();
        let Some(from) = focus_from.get_value().filter(|&f| f < shown) else {
            return;
        };
        focus_from.set_value(None);
        request_animation_frame(move || {
            // The view may be gone by the next frame.
            let link = list_ref
                .try_get_untracked()
                .flatten()
                .and_then(|ul| ul.query_selector_all(".hw-suggestion").ok())
                .and_then(|l| l.item(from as u32))
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok());
            if let Some(link) = link {
                dom::focus_quietly(&link);
                dom::scroll_into_view_nearest(&link);
            }
        });
    });
    let status = move || match articles.get() {
        None => reader.ui().searching.to_string(),
        Some(Err(_)) => reader.ui().unavailable.to_string(),
        Some(Ok(list)) => article_count(reader.ui(), count().unwrap_or(list.len()) as u32),
    };
    let category = slug.clone();
    view! {
        <div class="hw-category-view" data-category=category>
            <p class="hw-meta hw-category-status">{status}</p>
            <Show when=move || matches!(articles.get(), Some(Err(_)))>
                <button type="button" class="hw-button" on:click=move |_| articles.refetch()>
                    {move || reader.ui().retry}
                </button>
            </Show>
            <ul class="hw-suggestions hw-category-articles" aria-labelledby="hw-title" node_ref=list_ref>
                <For each=listed key=|(doc, _)| *doc let:item>
                    <li><ArticleLink record=item.1 /></li>
                </For>
            </ul>
            <Show when=has_more>
                <button
                    type="button"
                    class="hw-link-button hw-show-more"
                    on:click=move |_| {
                        let shown = listed().len();
                        focus_from.set_value(Some(shown));
                        limit.set(shown + CATEGORY_PAGE);
                    }
                >
                    {move || reader.ui().show_more_articles}
                </button>
            </Show>
            <p class="hw-article-contact"><ContactLink /></p>
        </div>
    }
}

/// An article's category, above its title: a link to the category's view.
#[component]
pub fn CategoryLink(
    /// The category's slug.
    slug: String,
    /// Its name in the reader's locale.
    name: String,
) -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let reader = expect_context::<Reader>();
    let href = category_href(&slug);
    view! {
        <nav class="hw-breadcrumb" aria-label=move || reader.ui().category>
            <a
                class="hw-article-category"
                href=href
                on:click=move |ev| {
                    ev.prevent_default();
                    navigation.go(View::Category(slug.clone()));
                }
            >
                {name}
            </a>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{DE, EN, FR, PT_BR};

    #[test]
    fn counts_read_as_one_article_or_many() {
        assert_eq!(article_count(&EN, 1), "1 article");
        assert_eq!(article_count(&EN, 0), "0 articles");
        assert_eq!(article_count(&EN, 7), "7 articles");
        assert_eq!(article_count(&FR, 7), "7 articles");
        assert_eq!(article_count(&DE, 1), "1 Artikel");
        assert_eq!(article_count(&PT_BR, 12), "12 artigos");
    }
}
