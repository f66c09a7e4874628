//! The help panel: a dialog with Back, its title and Close, and the view
//! on show. It keeps focus in itself while open: Tab and Shift+Tab cycle
//! through it, focus that its element took with it when it went (a vote's
//! buttons, a result list redrawn) comes back to the nearest part still
//! there, Escape closes from anywhere, focus lost to the page comes back
//! on Tab. When a view shows, focus lands on its heading or search box
//! (or, after Back, where the reader was) without scrolling past it.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::article::ArticleView;
use super::browse::CategoryView;
use super::contact::ContactView;
use super::home::Home;
use crate::dom;
use crate::state::navigation::Landing;
use crate::state::{Browse, Navigation, Reader, View};

/// How many frames a landing waits for its view to be drawn (an article's
/// body is fetched): about ten seconds at 60 frames a second.
const LANDING_FRAMES: u32 = 600;
/// How many frames Back waits for the element the reader left from, and
/// for the view to be tall enough for its scroll, before settling for the
/// view's top element: about two seconds.
const RESTORE_FRAMES: u32 = 120;

/// The help panel.
#[component]
pub fn Panel() -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let reader = expect_context::<Reader>();
    let panel_ref = NodeRef::<html::Section>::new();
    let body_ref = NodeRef::<html::Div>::new();
    // The focused element and its ancestors, to come back near it.
    let trail = StoredValue::new_local(Vec::<web_sys::Element>::new());

    Effect::new(move |_| {
        if let Some(body) = body_ref.get() {
            navigation.body.set_value(Some(body.into()));
        }
    });
    Effect::new(move |_| {
        let (number, landing) = navigation.landing.get();
        if let (Some(panel), Some(body)) = (panel_ref.get_untracked(), body_ref.get_untracked()) {
            land(navigation, panel.into(), body.into(), number, landing);
        }
    });
    let recover = move || {
        let Some(panel) = panel_ref.get_untracked() else {
            return;
        };
        let panel: web_sys::Element = panel.into();
        let near = trail.with_value(|t| t.iter().find(|el| el.is_connected()).cloned());
        match near {
            Some(el) => focus_in(&el),
            None => focus_in(&panel),
        }
    };
    let focus_lost = move || {
        let (Some(panel), Some(document)) = (
            panel_ref.get_untracked(),
            web_sys::window().and_then(|w| w.document()),
        ) else {
            return false;
        };
        let page = document.active_element();
        let body = document.body();
        navigation.open.get_untracked()
            && !holds_focus(&panel)
            && page.is_none_or(|a| body.is_some_and(|b| a == *b))
    };
    // Keys pressed while focus has fallen out onto the page.
    let guard = window_event_listener(ev::keydown, move |ev| {
        if ev.default_prevented() || !focus_lost() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => navigation.open.set(false),
            "Tab" => {
                ev.prevent_default();
                recover();
            }
            _ => {}
        }
    });
    on_cleanup(move || guard.remove());

    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" if !ev.default_prevented() => navigation.open.set(false),
        "Tab" => {
            if let Some(panel) = panel_ref.get_untracked() {
                trap_tab(&panel, &ev);
            }
        }
        _ => {}
    };
    let on_focusin = move |ev: web_sys::FocusEvent| {
        let mut chain = Vec::new();
        let mut at = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        while let Some(el) = at {
            if el.class_list().contains("hw-panel") {
                break;
            }
            at = el.parent_element();
            chain.push(el);
        }
        trail.set_value(chain);
    };
    let on_focusout = move |ev: web_sys::FocusEvent| {
        if ev.related_target().is_none() {
            // Focus went nowhere: its element may have gone with it.
            request_animation_frame(move || {
                // `try_`: the panel may be unmounted by then.
                let gone = trail
                    .try_with_value(|t| t.first().is_some_and(|el| !el.is_connected()))
                    .unwrap_or(false);
                if gone && focus_lost() {
                    recover();
                }
            });
        }
    };
    let browse = expect_context::<Browse>();
    let title = move || match navigation.view.get() {
        View::Contact => reader.ui().contact_support.to_string(),
        View::Category(slug) => browse
            .category(&slug)
            .map_or_else(|| reader.ui().help.to_string(), |c| c.name),
        _ => reader.ui().help.to_string(),
    };
    view! {
        <section
            node_ref=panel_ref
            class=move || if navigation.instant.get() { "hw-panel hw-instant" } else { "hw-panel" }
            role="dialog"
            aria-modal="true"
            aria-labelledby="hw-title"
            lang=move || reader.ui().locale
            hidden=move || !navigation.open.get()
            on:keydown=on_keydown
            on:focusin=on_focusin
            on:focusout=on_focusout
        >
            <div class="hw-header">
                <Show when=move || navigation.view.get() != View::Home>
                    <button type="button" class="hw-back" on:click=move |_| navigation.back()>
                        <span aria-hidden="true">"← "</span>
                        {move || reader.ui().back}
                    </button>
                </Show>
                <h2 class="hw-heading" id="hw-title" tabindex="-1">{title}</h2>
                <button
                    type="button"
                    class="hw-close"
                    aria-label=move || reader.ui().close
                    on:click=move |_| navigation.open.set(false)
                >
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
            <div class="hw-body" node_ref=body_ref>
                {move || match navigation.view.get() {
                    View::Home => view! { <Home /> }.into_any(),
                    View::Article(id) => view! { <ArticleView id=id /> }.into_any(),
                    View::Contact => view! { <ContactView /> }.into_any(),
                    View::Category(slug) => view! { <CategoryView slug=slug /> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// Tab from the last stop goes to the first, Shift+Tab from the first to
/// the last: focus stays in the dialog.
fn trap_tab(panel: &web_sys::Element, ev: &web_sys::KeyboardEvent) {
    let stops = dom::tabbables(panel);
    let (Some(first), Some(last)) = (stops.first(), stops.last()) else {
        ev.prevent_default();
        return;
    };
    let active = dom::active_element(panel);
    let is = |el: &web_sys::HtmlElement| {
        let node: &web_sys::Node = el;
        active.as_ref().is_some_and(|a| a.is_same_node(Some(node)))
    };
    let inside = holds_focus(panel);
    let to = if ev.shift_key() {
        (is(first) || !inside).then_some(last)
    } else {
        (is(last) || !inside).then_some(first)
    };
    if let Some(el) = to {
        ev.prevent_default();
        let _ = el.focus();
    }
}

/// Whether focus is on `panel` or inside it.
fn holds_focus(panel: &web_sys::Element) -> bool {
    dom::active_element(panel).is_some_and(|a| {
        let node: &web_sys::Node = &a;
        panel.contains(Some(node))
    })
}

/// Focuses the first tab stop under `el`, or `el` itself (as a focus
/// target only, out of the Tab order).
fn focus_in(el: &web_sys::Element) {
    match dom::tabbables(el).first() {
        Some(stop) => dom::focus_quietly(stop),
        None => {
            if !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            dom::focus_quietly(el);
        }
    }
}

/// Carries out landing `number` once its view is drawn: the scroll, then
/// focus, without scrolling. Gives up if another landing follows, the
/// panel closes, or it is unmounted (its values are gone).
fn land(
    navigation: Navigation,
    panel: web_sys::Element,
    body: web_sys::Element,
    number: u32,
    landing: Landing,
) {
    if !matches!(landing, Landing::Restore(_)) {
        body.set_scroll_top(0);
    }
    each_frame(0, move |frame| {
        if navigation.landing.try_with_untracked(|(n, _)| *n) != Some(number)
            || navigation.open.try_get_untracked() != Some(true)
        {
            return true;
        }
        let top = || {
            let selector = match navigation.view.get_untracked() {
                View::Home => ".hw-search-input",
                View::Article(_) => ".hw-article-title, .hw-article .hw-error",
                View::Contact | View::Category(_) => "#hw-title",
            };
            panel.query_selector(selector).ok().flatten()
        };
        let (target, scroll) = match &landing {
            Landing::Restore(spot) => {
                let found = spot.focus.as_ref().and_then(|f| dom::find(&body, f));
                let patient = spot.focus.is_some() && frame < RESTORE_FRAMES;
                match found {
                    Some(el) => (Some(el), spot.scroll),
                    None if patient => return false,
                    None => (top(), spot.scroll),
                }
            }
            Landing::Top | Landing::Search(_) => (top(), 0),
            Landing::Section(anchor) => match dom::section_heading(&body, anchor) {
                Some(heading) => {
                    let scroll = dom::scroll_to_show(&body, &heading);
                    (Some(heading), scroll)
                }
                // Drawn without that section: the article's top.
                None => (top(), 0),
            },
        };
        let Some(target) = target else {
            // Not drawn yet (an article on its way): hold focus on the
            // panel's title meanwhile, never on the page.
            if !holds_focus(&panel)
                && let Ok(Some(title)) = panel.query_selector("#hw-title")
            {
                dom::focus_quietly(&title);
            }
            return false;
        };
        if body.scroll_height() - body.client_height() < scroll && frame < RESTORE_FRAMES {
            return false;
        }
        body.set_scroll_top(scroll);
        if !target.has_attribute("tabindex")
            && !target
                .matches("a[href], button, input, select, textarea")
                .unwrap_or(false)
        {
            let _ = target.set_attribute("tabindex", "-1");
        }
        dom::focus_quietly(&target);
        if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
            let end = input.value().encode_utf16().count() as u32;
            let (start, stop) = match &landing {
                Landing::Search(Some(range)) => *range,
                _ => (end, end),
            };
            let _ = input.set_selection_range(start.min(end), stop.min(end));
        }
        true
    });
}

/// Runs `step(frame)` once a frame until it returns true, for at most
/// [`LANDING_FRAMES`] frames.
fn each_frame(frame: u32, mut step: impl FnMut(u32) -> bool + 'static) {
    request_animation_frame(move || {
        if !step(frame) && frame < LANDING_FRAMES {
            each_frame(frame + 1, step);
        }
    });
}
