//! An article read inside the panel: its title, a note when it is in
//! another language, its date, its video, a table of contents when it is
//! long, its body (with the words of the search it came from marked, and
//! links to its own sections scrolling to them), a link to the full
//! help center, and the feedback question; or, for an id the bundle
//! lacks, "not found" with a search box and the way to Contact. It tells
//! the loader `article` once the article is found, `error` if not.

use help_core::template::fill;
use help_core::ui_strings::base_language;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::browse::CategoryLink;
use super::contact::ContactLink;
use super::feedback::Feedback;
use super::image_viewer::ImageViewer;
use super::related::RelatedArticles;
use crate::i18n::language_name;
use crate::state::navigation::Landing;
use crate::state::{Events, Navigation, Reader, Search, View};
use crate::{dom, js};

/// `m:ss` or `h:mm:ss` for a length in seconds.
pub fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The fewest sections for which an article gets a table of contents.
pub const TOC_MIN_SECTIONS: usize = 4;

/// Where a click on a link in an article's body goes.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkTarget<'a> {
    /// An article, by id, opened in the panel, at a section if one is named
    /// (the article on show is scrolled to it).
    Article {
        /// The article's id.
        id: &'a str,
        /// The section's anchor.
        section: Option<&'a str>,
    },
    /// A web page, opened in a new tab.
    Web,
    /// Anything else (an anchor in the page): the browser's own way.
    Other,
}

/// What a link's `href` in the builder's HTML points to.
pub fn link_target(href: &str) -> LinkTarget<'_> {
    if let Some(target) = href.strip_prefix("#article:") {
        let (id, section) = match target.split_once('#') {
            Some((id, section)) => (id, Some(section).filter(|s| !s.is_empty())),
            None => (target, None),
        };
        LinkTarget::Article { id, section }
    } else if href.starts_with("http://") || href.starts_with("https://") {
        LinkTarget::Web
    } else {
        LinkTarget::Other
    }
}

/// The article `id`: title, video, body, feedback.
#[component]
pub fn ArticleView(
    /// The article's id.
    id: String,
) -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let reader = expect_context::<Reader>();
    let events = expect_context::<Events>();
    let asked = id.clone();
    let id_shown = id.clone();
    // Waits for the engine (the panel may open on an article before the
    // bundle has loaded), and runs again when it changes.
    let article = LocalResource::new(move || {
        let engine = reader.engine;
        engine.track();
        let id = id.clone();
        async move {
            match engine.await {
                Ok(engine) => engine.article(&id).await.map_err(|e| e.to_string()),
                Err(err) => Err(err.to_string()),
            }
        }
    });
    // Tell the loader once whether the article exists.
    let told = StoredValue::new(false);
    Effect::new(move |_| {
        let found = match article.get() {
            Some(Ok(found)) => found.is_some(),
            _ => return,
        };
        if told.get_value() {
            return;
        }
        told.set_value(true);
        if found {
            events.emit("article", JsValue::from_str(&asked));
        } else {
            let (code, message) = if navigation.was_linked(&asked) {
                (
                    "article-signed-in",
                    format!("help widget: article “{asked}” is for signed-in readers"),
                )
            } else {
                (
                    "article-not-found",
                    format!("help widget: no article “{asked}” in this help center"),
                )
            };
            let detail = js::object(&[
                ("code", Some(JsValue::from_str(code))),
                ("id", Some(JsValue::from_str(&asked))),
                ("message", Some(JsValue::from_str(&message))),
            ]);
            events.emit("error", detail.into());
        }
    });
    // Links to other articles open here; others open in a new tab. The
    // body is the builder's sanitized HTML, so the links are its own.
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(anchor) = dom::anchor_of(&ev) else {
            return;
        };
        let href = anchor.get_attribute("href").unwrap_or_default();
        match link_target(&href) {
            LinkTarget::Article { id, section } => {
                ev.prevent_default();
                navigation.follow_link(id, section);
            }
            LinkTarget::Web => {
                ev.prevent_default();
                dom::open_in_new_tab(&href);
            }
            LinkTarget::Other => {}
        }
    };
    view! {
        <article class="hw-article" aria-busy=move || article.get().is_none().to_string()>
            {move || match article.get() {
                None => view! { <p class="hw-status">{reader.ui().searching}</p> }.into_any(),
                Some(Err(err)) => {
                    dom::warn(&format!("help widget: {err}"));
                    view! {
                        <p class="hw-error">{reader.ui().unavailable}</p>
                        <button type="button" class="hw-button" on:click=move |_| article.refetch()>{reader.ui().retry}</button>
                    }.into_any()
                }
                // The builder checks links: one to an article this bundle
                // lacks leads to a signed-in article.
                Some(Ok(None)) if navigation.was_linked(&id_shown) => view! {
                    <p class="hw-error">{reader.ui().sign_in_to_read}</p>
                }.into_any(),
                Some(Ok(None)) => view! { <NotFound /> }.into_any(),
                Some(Ok(Some(content))) => {
                    let record = content.record.clone();
                    let help_center = reader.settings.with_value(|s| s.help_center_url.clone());
                    let id = record.id.clone();
                    let ui = reader.ui();
                    let foreign = (base_language(&record.locale) != base_language(ui.locale))
                        .then(|| fill(ui.written_in, &[language_name(ui, &record.locale)]));
                    // The words of the search it was opened from, marked
                    // once the body is in place.
                    let body_ref = NodeRef::<leptos::html::Div>::new();
                    if let Some(highlight) = navigation.highlight_for(&record.id) {
                        Effect::new(move |done: Option<bool>| {
                            if done == Some(true) {
                                return true;
                            }
                            let Some(body) = body_ref.get() else {
                                return false;
                            };
                            dom::mark_words(&body, &highlight);
                            true
                        });
                    }
                    let toc = (record.sections.len() >= TOC_MIN_SECTIONS).then(|| {
                        let id = record.id.clone();
                        view! {
                            <nav class="hw-toc" aria-labelledby="hw-toc-title" on:click=on_click>
                                <h4 class="hw-toc-title" id="hw-toc-title">{ui.on_this_page}</h4>
                                <ul>
                                    {record.sections.iter().map(|s| view! {
                                        <li class=if s.level == 3 { "hw-toc-3" } else { "hw-toc-2" }>
                                            <a href=format!("#article:{}#{}", id, s.anchor)>{s.heading.clone()}</a>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </nav>
                        }
                    });
                    view! {
                        <CategoryLink slug=record.category.clone() name=record.category_name.clone() />
                        <h3 class="hw-article-title" tabindex="-1" lang=record.locale.clone()>{record.title.clone()}</h3>
                        {foreign.map(|note| view! { <p class="hw-meta">{note}</p> })}
                        {record.updated.clone().map(|d| view! {
                            <p class="hw-meta"><time datetime=d.clone()>{fill(ui.updated, &[&d])}</time></p>
                        })}
                        {record.video.clone().map(|v| view! {
                            <p class="hw-video">
                                <a href=v.url.clone() target="_blank" rel="noopener noreferrer" class="hw-button">
                                    <span aria-hidden="true">"▶ "</span>
                                    {fill(ui.watch_video, &[&clock(v.seconds)])}
                                </a>
                            </p>
                        })}
                        {toc}
                        <div class="hw-article-body" node_ref=body_ref lang=record.locale.clone() inner_html=content.html.clone() on:click=on_click></div>
                        <ImageViewer />
                        {help_center.map(|base| view! {
                            <p class="hw-meta">
                                <a href=format!("{}/articles/{}", base.trim_end_matches('/'), id) target="_blank" rel="noopener noreferrer">
                                    {ui.open_in_help_center}
                                </a>
                            </p>
                        })}
                        <Feedback article=record.id.clone() votes=record.votes />
                        <RelatedArticles ids=record.related.clone() />
                    }.into_any()
                }
            }}
            <p class="hw-article-contact"><ContactLink /></p>
        </article>
    }
}

/// An article the bundle lacks: say so, and offer search (the article
/// view's Contact link follows it).
#[component]
fn NotFound() -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let search = expect_context::<Search>();
    let reader = expect_context::<Reader>();
    let ui = reader.ui();
    let on_input = move |ev: leptos::ev::Event| {
        search.query.set(event_target_value(&ev));
        navigation.go(View::Home);
        navigation.land(Landing::Search(None));
    };
    view! {
        <div class="hw-not-found">
            <h3 class="hw-article-title" tabindex="-1">{ui.not_found}</h3>
            <p>{ui.not_found_text}</p>
            <div class="hw-search" role="search">
                <input
                    type="search"
                    class="hw-search-input"
                    placeholder=ui.search_placeholder
                    aria-label=ui.search_placeholder
                    autocomplete="off"
                    spellcheck="false"
                    on:input=on_input
                />
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn video_lengths_read_like_a_player() {
        assert_eq!(clock(225), "3:45");
        assert_eq!(clock(59), "0:59");
        assert_eq!(clock(3723), "1:02:03");
    }

    #[test]
    fn article_links_open_in_the_panel_and_web_links_in_a_tab() {
        assert_eq!(
            link_target("#article:getting-paid"),
            LinkTarget::Article {
                id: "getting-paid",
                section: None
            }
        );
        assert_eq!(
            link_target("#article:getting-paid#tax"),
            LinkTarget::Article {
                id: "getting-paid",
                section: Some("tax")
            }
        );
        assert_eq!(
            link_target("#article:getting-paid#"),
            LinkTarget::Article {
                id: "getting-paid",
                section: None
            }
        );
        assert_eq!(link_target("https://example.com/x"), LinkTarget::Web);
        assert_eq!(link_target("http://example.com/x"), LinkTarget::Web);
        assert_eq!(link_target("#section"), LinkTarget::Other);
        assert_eq!(link_target("mailto:a@example.com"), LinkTarget::Other);
    }
}
