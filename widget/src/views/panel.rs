//! The help panel: a dialog with Back, its title and Close, and the view
//! on show. Escape closes it.

use leptos::prelude::*;

use super::article::ArticleView;
use super::contact::ContactView;
use super::home::Home;
use crate::state::{Navigation, Reader, View};

/// The help panel.
#[component]
pub fn Panel() -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let reader = expect_context::<Reader>();
    let title = move || match navigation.view.get() {
        View::Contact => reader.ui().contact_support,
        _ => reader.ui().help,
    };
    view! {
        <section
            class="hw-panel"
            role="dialog"
            aria-modal="false"
            aria-labelledby="hw-title"
            lang=move || reader.ui().locale
            hidden=move || !navigation.open.get()
            on:keydown=move |ev| {
                if ev.key() == "Escape" && !ev.default_prevented() {
                    navigation.open.set(false);
                }
            }
        >
            <div class="hw-header">
                <Show when=move || navigation.view.get() != View::Home>
                    <button type="button" class="hw-back" on:click=move |_| navigation.back()>
                        <span aria-hidden="true">"← "</span>
                        {move || reader.ui().back}
                    </button>
                </Show>
                <h2 class="hw-heading" id="hw-title">{title}</h2>
                <button
                    type="button"
                    class="hw-close"
                    aria-label=move || reader.ui().close
                    on:click=move |_| navigation.open.set(false)
                >
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
            <div class="hw-body">
                {move || match navigation.view.get() {
                    View::Home => view! { <Home /> }.into_any(),
                    View::Article(id) => view! { <ArticleView id=id /> }.into_any(),
                    View::Contact => view! { <ContactView /> }.into_any(),
                }}
            </div>
        </section>
    }
}
