//! DOM and browser helpers the views and the handle share: the panel's
//! stylesheet, focus (where it is, putting it back, the elements Tab
//! reaches), scrolling, links, the clipboard, and what the page tells about
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

/// Focuses `el` without scrolling it into view: the caller has put the
/// scroll where it belongs.
pub fn focus_quietly(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Moves focus to the search box of the panel `ev` happened in, without
/// scrolling: for a control that is about to go (the last "Show more", a
/// recent search run again).
pub fn focus_search_box_of(ev: &web_sys::Event) {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".hw-panel").ok().flatten())
        .and_then(|panel| panel.query_selector(".hw-search-input").ok().flatten());
    if let Some(input) = input {
        focus_quietly(&input);
    }
}

/// The element with focus, in the shadow root (or document) `scope` is in.
pub fn active_element(scope: &web_sys::Element) -> Option<web_sys::Element> {
    match scope.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(root) => root.active_element(),
        Err(_) => web_sys::window()?.document()?.active_element(),
    }
}

/// Where the reader is in a view: which element has focus, as a selector
/// and its rank among the matches, and how far the view is scrolled.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spot {
    /// The focused element under the view, if any.
    pub focus: Option<(String, u32)>,
    /// The view's `scrollTop`, in CSS pixels.
    pub scroll: i32,
}

/// The reader's [`Spot`] in `body`.
pub fn spot(body: &web_sys::Element) -> Spot {
    let focus = active_element(body)
        .filter(|el| {
            let node: &web_sys::Node = el;
            el != body && body.contains(Some(node))
        })
        .and_then(|el| {
            let selector = selector_of(&el);
            let list = body.query_selector_all(&selector).ok()?;
            let node: &web_sys::Node = &el;
            let rank = (0..list.length())
                .find(|&i| list.item(i).is_some_and(|n| n.is_same_node(Some(node))))?;
            Some((selector, rank))
        });
    Spot {
        focus,
        scroll: body.scroll_top(),
    }
}

/// The element a [`Spot`]'s focus names under `body`, once it is there.
pub fn find(body: &web_sys::Element, (selector, rank): &(String, u32)) -> Option<web_sys::Element> {
    let list = body.query_selector_all(selector).ok()?;
    list.item(*rank)?.dyn_into().ok()
}

/// A selector that finds `el` again after its view is drawn anew: its tag,
/// its first `hw-` class, and the link it points to.
fn selector_of(el: &web_sys::Element) -> String {
    let mut selector = el.tag_name().to_ascii_lowercase();
    let classes = el.class_list();
    if let Some(class) = (0..classes.length())
        .filter_map(|i| classes.item(i))
        .find(|c| c.starts_with("hw-") && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    {
        selector.push('.');
        selector.push_str(&class);
    }
    if let Some(href) = el.get_attribute("href") {
        selector.push_str("[href=\"");
        for c in href.chars() {
            if matches!(c, '"' | '\\') {
                selector.push('\\');
            }
            if !c.is_control() {
                selector.push(c);
            }
        }
        selector.push_str("\"]");
    }
    selector
}

/// What Tab reaches under `scope`, in order: enabled controls, links and
/// tab stops that are on show.
pub fn tabbables(scope: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    const TABBABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
        select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";
    let Ok(list) = scope.query_selector_all(TABBABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| el.tab_index() >= 0 && (el.offset_width() > 0 || el.offset_height() > 0))
        .collect()
}

/// Scrolls `el` into its scroller's view, as little as needed.
pub fn scroll_into_view_nearest(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// How far `el` is below the top of the scrolling `body`'s content, in
/// pixels, less a little room above it: the scroll that shows it at the top.
pub fn scroll_to_show(body: &web_sys::Element, el: &web_sys::Element) -> i32 {
    let below = el.get_bounding_client_rect().top() - body.get_bounding_client_rect().top();
    (f64::from(body.scroll_top()) + below - 8.0).max(0.0) as i32
}

/// The heading of section `anchor` in the article body under `scope`.
pub fn section_heading(scope: &web_sys::Element, anchor: &str) -> Option<web_sys::Element> {
    // Anchors are letters, digits, `-` and `_` (the builder checks them):
    // nothing in one can end the quoted value.
    if anchor.contains(['"', '\\']) {
        return None;
    }
    let selector = format!(
        ".hw-article-body [id=\"{}{anchor}\"]",
        help_core::format::SECTION_ID_PREFIX
    );
    scope.query_selector(&selector).ok().flatten()
}

/// Wraps the words `highlight` matched in the text under `root` in
/// `<mark class="hw-found">`, as new text nodes: the body's markup is the
/// builder's, and what is marked stays text.
pub fn mark_words(root: &web_sys::Node, highlight: &help_core::search::Highlight) {
    if highlight.is_empty() {
        return;
    }
    let Some(document) = root.owner_document() else {
        return;
    };
    let mut texts = Vec::new();
    collect_texts(root, &mut texts);
    for node in texts {
        let Some(text) = node.text_content() else {
            continue;
        };
        let marks = highlight.marks(&text);
        let Some(parent) = node.parent_node().filter(|_| !marks.is_empty()) else {
            continue;
        };
        let mut at = 0;
        let insert = |n: &web_sys::Node| {
            let _ = parent.insert_before(n, Some(&node));
        };
        for m in marks {
            if m.start > at {
                insert(&document.create_text_node(&text[at..m.start]));
            }
            if let Ok(mark) = document.create_element("mark") {
                mark.set_class_name("hw-found");
                mark.set_text_content(Some(&text[m.clone()]));
                insert(&mark);
            }
            at = m.end;
        }
        if at < text.len() {
            insert(&document.create_text_node(&text[at..]));
        }
        let _ = parent.remove_child(&node);
    }
}

/// The text nodes under `node`, outside marks already there.
fn collect_texts(node: &web_sys::Node, out: &mut Vec<web_sys::Node>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            web_sys::Node::TEXT_NODE => out.push(child),
            web_sys::Node::ELEMENT_NODE if child.node_name() != "MARK" => {
                collect_texts(&child, out)
            }
            _ => {}
        }
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
