//! DOM and browser helpers the views and the handle share: the panel's
//! stylesheet, focus, links, the clipboard, and what the page tells about
//! the reader's browser.
//!
//! Each one swallows what the browser may refuse (no window, a blocked
//! clipboard): the panel goes on without it.

use wasm_bindgen::{JsCast, JsValue};

/// Adopts `css` into the shadow root `container` sits in, if it sits in one.
pub fn adopt_style(container: &web_sys::HtmlElement, css: &str) -> Result<(), JsValue> {
    let Ok(root) = container.get_root_node().dyn_into::<web_sys::ShadowRoot>() else {
        return Ok(());
    };
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    let sheets = root.adopted_style_sheets();
    sheets.push(&sheet);
    root.set_adopted_style_sheets(&sheets);
    Ok(())
}

/// Focuses the first element under `container` that matches one of
/// `selectors`, tried in order.
pub fn focus_first(container: &web_sys::Element, selectors: &[&str]) {
    let target = selectors
        .iter()
        .find_map(|s| container.query_selector(s).ok().flatten());
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The anchor an event started in, if any, within the panel.
pub fn anchor_of(ev: &web_sys::Event) -> Option<web_sys::HtmlAnchorElement> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    target.closest("a").ok()??.dyn_into().ok()
}

/// Opens `url` in a new tab that cannot reach back to this page.
pub fn open_in_new_tab(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer");
    }
}

/// Puts `text` on the clipboard, if the page may.
pub fn copy_text(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// The browser's user agent string, or `""`.
pub fn user_agent() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default()
}

/// The address of the page the reader is on, or `""`.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Logs a warning to the console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}
