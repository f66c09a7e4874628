//! The results list: one option per hit, and under it one per section its
//! words point to ("Get paid › Payment threshold"), the matched words
//! marked, the one the arrow keys are on selected and scrolled into sight;
//! and "Show more results" while more match than are listed. An option
//! opens its article (at its section) with the words marked in the body.

use std::ops::Range;

use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;

use crate::dom;
use crate::state::search::rows;
use crate::state::{Navigation, Reader, Search};

/// The results for what is in the search box, as a listbox.
#[component]
pub fn ResultList() -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let search = expect_context::<Search>();
    let reader = expect_context::<Reader>();
    let hits = move || search.hits();
    let list_ref = NodeRef::<html::Ul>::new();
    // The selected row stays in sight as the arrow keys move, once drawn.
    Effect::new(move |_| {
        if search.active.get().is_some() {
            request_animation_frame(move || {
                // The list may be gone by then (Enter opened an article
                // within the frame): a disposed ref is read as no list.
                let row = list_ref.try_get_untracked().flatten().and_then(|list| {
                    list.query_selector("[aria-selected=\"true\"]")
                        .ok()
                        .flatten()
                });
                if let Some(row) = row {
                    dom::scroll_into_view_nearest(&row);
                }
            });
        }
    });
    view! {
        <ul node_ref=list_ref class="hw-results" id="hw-results" role="listbox" aria-label=move || reader.ui().search_placeholder>
            <For
                each=move || {
                    let hits = hits();
                    rows(&hits).into_iter().enumerate().map(|(i, row)| (i, row, hits[row.hit].clone())).collect::<Vec<_>>()
                }
                key=|(i, row, hit)| (*i, hit.id.clone(), row.section, hit.snippet.clone())
                let:item
            >
                {
                    let (i, row, hit) = item;
                    let section = row.section.and_then(|s| hit.sections.get(s).cloned());
                    let anchor = section.as_ref().map(|s| s.anchor.clone());
                    let id = hit.id.clone();
                    let open = move |_| {
                        navigation.show_article_at(&id, anchor.as_deref(), Some(search.highlight()));
                    };
                    let selected = move || (search.active.get() == Some(i)).to_string();
                    match section {
                        None => view! {
                            <li class="hw-result" id=format!("hw-result-{i}") role="option" aria-selected=selected data-article-id=hit.id.clone() on:click=open>
                                <span class="hw-result-title">{highlighted(&hit.title, &hit.title_marks)}</span>
                                <span class="hw-result-snippet">{highlighted(&hit.snippet, &hit.snippet_marks)}</span>
                                <span class="hw-result-category">{hit.category_name.clone()}</span>
                            </li>
                        }.into_any(),
                        Some(section) => view! {
                            <li class="hw-subresult" id=format!("hw-result-{i}") role="option" aria-selected=selected data-article-id=hit.id.clone() data-section=section.anchor.clone() on:click=open>
                                <span class="hw-result-title">
                                    <span class="hw-crumb">{hit.title.clone()}<span aria-hidden="true">" › "</span></span>
                                    {highlighted(&section.heading, &section.heading_marks)}
                                </span>
                                {(!section.snippet.is_empty()).then(|| view! {
                                    <span class="hw-result-snippet">{highlighted(&section.snippet, &section.snippet_marks)}</span>
                                })}
                            </li>
                        }.into_any(),
                    }
                }
            </For>
        </ul>
        <Show when=move || search.has_more()>
            <button
                type="button"
                class="hw-link-button hw-show-more"
                on:click=move |ev| {
                    search.show_more();
                    // The button may go with the last page: the search box
                    // keeps the focus, on the first new result.
                    dom::focus_search_box_of(&ev);
                }
            >
                {move || reader.ui().show_more}
            </button>
        </Show>
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
