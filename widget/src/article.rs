//! An article read inside the panel, with its video and feedback.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{WidgetState, anchor_of};
use crate::feedback::{Vote, new_vote_id};
use crate::i18n::fill;

/// `m:ss` or `h:mm:ss` for a length in seconds.
pub fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The article `id`: title, video, body, feedback.
#[component]
pub fn ArticleView(
    /// The shared state.
    state: WidgetState,
    /// The article's id.
    id: String,
) -> impl IntoView {
    let article_id = id.clone();
    let article = LocalResource::new(move || {
        let engine = state.engine.get();
        let id = article_id.clone();
        async move {
            match engine {
                Some(Ok(engine)) => engine.article(&id).await.map_err(|e| e.to_string()),
                Some(Err(err)) => Err(err.to_string()),
                None => Ok(None),
            }
        }
    });
    // Links to other articles open here; others open in a new tab. The
    // body is the builder's sanitized HTML, so the links are its own.
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(anchor) = anchor_of(&ev) else { return };
        let href = anchor.get_attribute("href").unwrap_or_default();
        if let Some(target) = href.strip_prefix("#article:") {
            ev.prevent_default();
            let id = target.split('#').next().unwrap_or(target).to_string();
            state.show_article(&id);
        } else if href.starts_with("http://") || href.starts_with("https://") {
            ev.prevent_default();
            if let Some(window) = web_sys::window() {
                let _ = window.open_with_url_and_target_and_features(
                    &href,
                    "_blank",
                    "noopener,noreferrer",
                );
            }
        }
    };
    view! {
        <article class="hw-article" aria-busy=move || article.get().is_none().to_string()>
            {move || match article.get() {
                None => view! { <p class="hw-status">{state.ui().searching}</p> }.into_any(),
                Some(Err(err)) => {
                    web_sys::console::warn_1(&format!("help widget: {err}").into());
                    view! {
                        <p class="hw-error">{state.ui().unavailable}</p>
                        <button type="button" class="hw-button" on:click=move |_| article.refetch()>{state.ui().retry}</button>
                    }.into_any()
                }
                Some(Ok(None)) => view! { <p class="hw-error">{state.ui().sign_in_to_read}</p> }.into_any(),
                Some(Ok(Some(content))) => {
                    let record = content.record.clone();
                    let help_center = state.settings.with_value(|s| s.help_center_url.clone());
                    let id = record.id.clone();
                    let ui = state.ui();
                    let foreign = (crate::i18n::strings(&record.locale).locale != ui.locale)
                        .then(|| fill(ui.written_in, &[crate::i18n::language_name(ui, &record.locale)]));
                    view! {
                        <h3 class="hw-article-title" tabindex="-1" lang=record.locale.clone()>{record.title.clone()}</h3>
                        {foreign.map(|note| view! { <p class="hw-meta">{note}</p> })}
                        {record.updated.clone().map(|d| view! {
                            <p class="hw-meta"><time datetime=d.clone()>{fill(state.ui().updated, &[&d])}</time></p>
                        })}
                        {record.video.clone().map(|v| view! {
                            <p class="hw-video">
                                <a href=v.url.clone() target="_blank" rel="noopener noreferrer" class="hw-button">
                                    <span aria-hidden="true">"▶ "</span>
                                    {fill(state.ui().watch_video, &[&clock(v.seconds)])}
                                </a>
                            </p>
                        })}
                        <div class="hw-article-body" lang=record.locale.clone() inner_html=content.html.clone() on:click=on_click></div>
                        {help_center.map(|base| view! {
                            <p class="hw-meta">
                                <a href=format!("{}/articles/{}", base.trim_end_matches('/'), id) target="_blank" rel="noopener noreferrer">
                                    {state.ui().open_in_help_center}
                                </a>
                            </p>
                        })}
                        <Feedback state=state article=record.id.clone() />
                    }.into_any()
                }
            }}
        </article>
    }
}

/// "Was this article helpful?", with an optional comment.
#[component]
fn Feedback(state: WidgetState, article: String) -> impl IntoView {
    let article_attr = article.clone();
    let vote: RwSignal<Option<Vote>> = RwSignal::new(None);
    let comment = RwSignal::new(String::new());
    let sent_comment = RwSignal::new(false);
    // "6 out of 15 found this helpful", from the feedback server, if any.
    let counts: RwSignal<Option<(u64, u64)>> = RwSignal::new(None);
    let feedback_url = state.settings.with_value(|s| s.feedback_url.clone());
    let refresh = {
        let (url, article) = (feedback_url.clone(), article.clone());
        move || {
            if let Some(url) = url.clone() {
                let article = article.clone();
                spawn_local(async move {
                    if let Some(c) = crate::feedback::counts(&url, &article).await {
                        counts.try_set(Some(c));
                    }
                });
            }
        }
    };
    refresh();
    let submit = Callback::new(move |v: Vote| {
        vote.set(Some(v.clone()));
        if let Some(url) = feedback_url.clone() {
            let refresh = refresh.clone();
            spawn_local(async move {
                crate::feedback::send(&url, v).await;
                refresh();
            });
        }
    });
    let cast = move |helpful: bool| {
        let v = Vote {
            id: new_vote_id(),
            article: article.clone(),
            helpful,
            comment: None,
            locale: state.locale.get_untracked(),
            sid: state.sid.get_untracked(),
        };
        submit.run(v);
    };
    let cast_yes = cast.clone();
    let article_for_attr = article_attr;
    view! {
        <section class="hw-feedback" aria-label=state.ui().helpful data-article-id=article_for_attr>
            {move || counts.get().filter(|(_, total)| *total > 0).map(|(helpful, total)| view! {
                <p class="hw-meta hw-helpful-count">{fill(state.ui().found_helpful, &[&helpful.to_string(), &total.to_string()])}</p>
            })}
            <Show
                when=move || vote.with(Option::is_none)
                fallback=move || view! {
                    <p class="hw-thanks" role="status">{state.ui().thanks}</p>
                    <Show when=move || !sent_comment.get()>
                        <label class="hw-label" for="hw-comment">{state.ui().comment}</label>
                        <textarea
                            id="hw-comment"
                            class="hw-textarea"
                            maxlength="2000"
                            prop:value=move || comment.get()
                            on:input=move |ev| comment.set(event_target_value(&ev))
                        ></textarea>
                        <button type="button" class="hw-button" on:click=move |_| {
                            let text = comment.get_untracked();
                            if let Some(v) = vote.get_untracked() {
                                if !text.trim().is_empty() {
                                    submit.run(Vote { comment: Some(text.trim().to_string()), ..v });
                                }
                            }
                            sent_comment.set(true);
                        }>{state.ui().send}</button>
                    </Show>
                }
            >
                <p id="hw-feedback-q">{state.ui().helpful}</p>
                <div class="hw-row">
                    <button type="button" class="hw-button" on:click={
                        let cast = cast_yes.clone();
                        move |_| cast(true)
                    }>{state.ui().yes}</button>
                    <button type="button" class="hw-button" on:click={
                        let cast = cast.clone();
                        move |_| cast(false)
                    }>{state.ui().no}</button>
                </div>
            </Show>
        </section>
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
}
