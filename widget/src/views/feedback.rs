//! "Was this article helpful?": Yes or No, then an optional comment ("What
//! was missing?" and the way to Contact support after a No), and "N out of
//! M found this helpful": the votes the article starts with (from another
//! help center) plus the feedback server's, if any. The reader's own vote
//! is remembered per article: on return they see it ("You found this
//! helpful · Change") and may change it; the same answer again sends
//! nothing.

use help_core::Votes;
use help_core::template::fill;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::contact::ContactLink;
use crate::feedback::{
    Remembered, Vote, client_id, counts, new_vote_id, remember, remembered, send,
};
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
    // The reader's vote: remembered from an earlier visit, or cast now.
    let mine: RwSignal<Option<Remembered>> = RwSignal::new(remembered(&article));
    // Cast on this visit: the comment field shows only then.
    let cast_now = RwSignal::new(false);
    let changing = RwSignal::new(false);
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
    let submit = {
        let article = article.clone();
        Callback::new(move |(helpful, text): (bool, Option<String>)| {
            let id = mine.get_untracked().map_or_else(new_vote_id, |m| m.id);
            let kept = Remembered {
                id: id.clone(),
                helpful,
            };
            remember(&article, &kept);
            mine.set(Some(kept));
            let vote = Vote {
                id,
                article: article.clone(),
                helpful,
                comment: text,
                locale: reader.locale.get_untracked(),
                sid: reader.sid.get_untracked(),
                client: client_id(),
            };
            if let Some(url) = feedback_url.clone() {
                let refresh = refresh.clone();
                spawn_local(async move {
                    send(&url, vote).await;
                    refresh();
                });
            }
        })
    };
    let cast = move |helpful: bool| {
        changing.set(false);
        // The same answer again is no change: nothing to send.
        if mine.get_untracked().is_some_and(|m| m.helpful == helpful) {
            return;
        }
        comment.set(String::new());
        sent_comment.set(false);
        cast_now.set(true);
        submit.run((helpful, None));
    };
    let asking = move || changing.get() || mine.with(Option::is_none);
    let helpful_now = move || mine.with(|m| m.as_ref().map(|m| m.helpful));
    view! {
        <section class="hw-feedback" aria-label=reader.ui().helpful data-article-id=article_attr>
            {move || Votes::shown(votes, helpful_counts.get()).map(|(helpful, total)| view! {
                <p class="hw-meta hw-helpful-count">{fill(reader.ui().found_helpful, &[&helpful.to_string(), &total.to_string()])}</p>
            })}
            <Show
                when=asking
                fallback=move || view! {
                    <p class="hw-voted">
                        <span class="hw-voted-text">{move || if helpful_now() == Some(true) { reader.ui().voted_yes } else { reader.ui().voted_no }}</span>
                        <span aria-hidden="true">" · "</span>
                        <button type="button" class="hw-link-button hw-change-vote" on:click=move |_| changing.set(true)>
                            {move || reader.ui().change_vote}
                        </button>
                    </p>
                    <Show when=move || cast_now.get()>
                        <p class="hw-thanks" role="status">{reader.ui().thanks}</p>
                        <Show when=move || !sent_comment.get()>
                            <label class="hw-label" for="hw-comment">
                                {move || if helpful_now() == Some(false) { reader.ui().missing } else { reader.ui().comment }}
                            </label>
                            <textarea
                                id="hw-comment"
                                class="hw-textarea"
                                maxlength="2000"
                                prop:value=move || comment.get()
                                on:input=move |ev| comment.set(event_target_value(&ev))
                            ></textarea>
                            <button type="button" class="hw-button hw-send-comment" on:click=move |_| {
                                let text = comment.get_untracked();
                                if let Some(helpful) = helpful_now()
                                    && !text.trim().is_empty()
                                {
                                    submit.run((helpful, Some(text.trim().to_string())));
                                }
                                sent_comment.set(true);
                            }>{reader.ui().send}</button>
                        </Show>
                        <Show when=move || helpful_now() == Some(false)>
                            <p class="hw-meta hw-still-stuck">{reader.ui().still_stuck}" "<ContactLink /></p>
                        </Show>
                    </Show>
                }
            >
                <p id="hw-feedback-q">{reader.ui().helpful}</p>
                <div class="hw-row" role="group" aria-labelledby="hw-feedback-q">
                    <button type="button" class="hw-button hw-vote-yes"
                        aria-pressed=move || helpful_now().map(|h| h.to_string())
                        on:click=move |_| cast(true)
                    >{reader.ui().yes}</button>
                    <button type="button" class="hw-button hw-vote-no"
                        aria-pressed=move || helpful_now().map(|h| (!h).to_string())
                        on:click=move |_| cast(false)
                    >{reader.ui().no}</button>
                </div>
            </Show>
        </section>
    }
}
