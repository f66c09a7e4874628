//! The contact view's Copy buttons: a button copies its text and says
//! "Copied" until another button of the view copies.

use leptos::prelude::*;

use crate::dom;
use crate::i18n::Strings;
use crate::state::Reader;

/// Which Copy button of the view copied last, by key.
#[derive(Clone, Copy)]
pub struct Copied(RwSignal<Option<String>>);

impl Copied {
    /// Nothing copied yet. Call it under a reactive owner.
    pub fn none() -> Copied {
        Copied(RwSignal::new(None))
    }
}

/// A button that copies `text`, labelled `label` until it has, then
/// "Copied". `key` tells the view's buttons apart.
#[component]
pub fn CopyButton(
    /// Tells this button from the view's others.
    key: String,
    /// What to copy.
    text: String,
    /// The class of the button.
    class: &'static str,
    /// The label before copying.
    label: fn(&Strings) -> &'static str,
) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let Copied(copied) = expect_context::<Copied>();
    let is_copied = {
        let key = key.clone();
        move || copied.get().as_deref() == Some(key.as_str())
    };
    let copy = move |_| {
        dom::copy_text(&text);
        copied.set(Some(key.clone()));
    };
    view! {
        <button type="button" class=class on:click=copy>
            {move || if is_copied() { reader.ui().copied } else { label(reader.ui()) }}
        </button>
    }
}
