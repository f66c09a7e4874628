//! "Was this article helpful?": Yes or No, then an optional comment, and
//! "N out of M found this helpful": the votes the article starts with (from
//! another help center) plus the feedback server's, if any.

use help_core::Votes;
use help_core::template::fill;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::feedback::{Vote, counts, new_vote_id, send};
use crate::state::Reader;

/// The feedback question for `article`, with an optional comment.
#[component]
pub fn Feedback(
    /// The article's id.
    article: String,
    /// The votes it starts with, from its record, if any.
    votes: Option<Votes>,
) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let article_attr = article.clone();
    let vote: RwSignal<Option<Vote>> = RwSignal::new(None);
    let comment = RwSignal::new(String::new());
    let sent_comment = RwSignal::new(false);
    // "6 out of 15 found this helpful", from the feedback server, if any.
    let helpful_counts: RwSignal<Option<(u64, u64)>> = RwSignal::new(None);
    let feedback_url = reader.settings.with_value(|s| s.feedback_url.clone());
    let refresh = {
        let (url, article) = (feedback_url.clone(), article.clone());
        move || {
            if let Some(url) = url.clone() {
                let article = article.clone();
                spawn_local(async move {
                    if let Some(c) = counts(&url, &article).await {
                        helpful_counts.try_set(Some(c));
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
                send(&url, v).await;
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
            locale: reader.locale.get_untracked(),
            sid: reader.sid.get_untracked(),
        };
        submit.run(v);
    };
    let cast_yes = cast.clone();
    view! {
        <section class="hw-feedback" aria-label=reader.ui().helpful data-article-id=article_attr>
            {move || Votes::shown(votes, helpful_counts.get()).map(|(helpful, total)| view! {
                <p class="hw-meta hw-helpful-count">{fill(reader.ui().found_helpful, &[&helpful.to_string(), &total.to_string()])}</p>
            })}
            <Show
                when=move || vote.with(Option::is_none)
                fallback=move || view! {
                    <p class="hw-thanks" role="status">{reader.ui().thanks}</p>
                    <Show when=move || !sent_comment.get()>
                        <label class="hw-label" for="hw-comment">{reader.ui().comment}</label>
                        <textarea
                            id="hw-comment"
                            class="hw-textarea"
                            maxlength="2000"
                            prop:value=move || comment.get()
                            on:input=move |ev| comment.set(event_target_value(&ev))
                        ></textarea>
                        <button type="button" class="hw-button" on:click=move |_| {
                            let text = comment.get_untracked();
                            if let Some(v) = vote.get_untracked()
                                && !text.trim().is_empty()
                            {
                                submit.run(Vote { comment: Some(text.trim().to_string()), ..v });
                            }
                            sent_comment.set(true);
                        }>{reader.ui().send}</button>
                    </Show>
                }
            >
                <p id="hw-feedback-q">{reader.ui().helpful}</p>
                <div class="hw-row">
                    <button type="button" class="hw-button" on:click={
                        let cast = cast_yes.clone();
                        move |_| cast(true)
                    }>{reader.ui().yes}</button>
                    <button type="button" class="hw-button" on:click={
                        let cast = cast.clone();
                        move |_| cast(false)
                    }>{reader.ui().no}</button>
                </div>
            </Show>
        </section>
    }
}
