//! Browser tests: the core engine compiled to wasm, and the panel in a real DOM.
//! Run with `cargo xtask test`, or `cargo test -p help-widget --target
//! wasm32-unknown-unknown --test web` with CHROMEDRIVER set.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use help_core::{Analyzer, ArticleMeta, IndexWriter, Language, SearchIndex, SearchOptions};
use help_widget::Engine;
use help_widget::api::mount_with;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// An engine over three articles, built, encoded and decoded inside wasm.
fn engine() -> Arc<Engine> {
    let analyzer = Analyzer::new(Language::English);
    let mut writer = IndexWriter::new("en");
    let articles = [
        ("find-site-id", "Finding your Site ID (SID)", "account", "The SID identifies your site in every report."),
        ("getting-paid", "Getting paid", "payments", "Payments are sent monthly above the threshold."),
        ("reading-reports", "Reading your reports", "reports", "Reports show clicks, sales and commission per site."),
    ];
    for (id, title, category, body) in articles {
        let terms = |text: &str| analyzer.tokens(text).into_iter().map(|t| t.term).collect();
        writer.add(
            ArticleMeta { id: id.into(), title: title.into(), category: category.into(), contexts: vec![] },
            [terms(title), vec![], vec![], terms(body)],
        );
    }
    let bytes = writer.finish().encode();
    Arc::new(Engine::new(SearchIndex::decode(&bytes).expect("decodes in wasm")))
}

#[wasm_bindgen_test]
fn a_query_reaches_the_core_engine_compiled_to_wasm() {
    let engine = engine();
    assert!(cfg!(target_arch = "wasm32"));
    let hits = engine.search("site id", &SearchOptions::default());
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("find-site-id"));
    // "rep" is unfinished: it matches "reports" as a prefix.
    let hits = engine.search("rep", &SearchOptions::default());
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("reading-reports"));
}

async fn settle(mut done: impl FnMut() -> bool) {
    for _ in 0..50 {
        if done() {
            return;
        }
        tick().await;
    }
}

#[wasm_bindgen_test]
async fn typing_in_the_panel_lists_matching_articles() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    shadow.append_child(&container).unwrap();

    let events = Rc::new(RefCell::new(Vec::<String>::new()));
    let sink = events.clone();
    let emit = Closure::<dyn FnMut(JsValue, JsValue)>::new(move |name: JsValue, _detail: JsValue| {
        sink.borrow_mut().push(name.as_string().unwrap_or_default());
    });
    let handle = mount_with(container.clone(), None, emit.as_ref().clone().unchecked_into(), || async {
        Ok(engine())
    });

    let panel = container.query_selector(".hw-panel").unwrap().expect("panel is rendered");
    assert!(panel.has_attribute("hidden"), "the panel starts closed");
    handle.open();
    settle(|| !panel.has_attribute("hidden")).await;
    assert!(!panel.has_attribute("hidden"), "open() shows the panel");
    settle(|| !events.borrow().is_empty()).await;
    assert_eq!(*events.borrow(), ["open"]);

    let input: web_sys::HtmlInputElement =
        container.query_selector(".hw-search-input").unwrap().unwrap().unchecked_into();
    input.set_value("site id");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    let titles = || {
        let list = container.query_selector_all(".hw-result-title").unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.text_content()).collect::<Vec<_>>()
    };
    settle(|| !titles().is_empty()).await;
    assert_eq!(titles().first().map(String::as_str), Some("Finding your Site ID (SID)"));
    let status = container.query_selector(".hw-status").unwrap().unwrap().text_content().unwrap();
    assert!(status.ends_with("found."), "status announces the count: {status}");

    handle.close();
    settle(|| panel.has_attribute("hidden")).await;
    assert!(panel.has_attribute("hidden"));
    settle(|| events.borrow().len() == 2).await;
    assert_eq!(*events.borrow(), ["open", "close"]);
}
