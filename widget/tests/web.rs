//! Browser tests: the core engine compiled to wasm, and the panel in a real DOM.
//! Run with `cargo xtask test`, or `cargo test -p help-widget --target
//! wasm32-unknown-unknown --test web` with CHROMEDRIVER set.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use help_core::{
    Analyzer, Audience, DocRecord, FORMAT_VERSION, FieldWeights, IndexWriter, IndexedArticle,
    Language, LocaleEntry, Manifest, SearchOptions, SplitOptions, Votes,
};
use help_widget::api::{Config, mount_with};
use help_widget::engine::{Engine, Source};
use help_widget::state::Emit;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A bundle of three articles, built and encoded inside wasm by `help-core`.
fn bundle() -> Source {
    let analyzer = Analyzer::new(Language::English);
    let mut writer = IndexWriter::new("en", FieldWeights::default(), SplitOptions::default());
    let articles = [
        (
            "find-site-id",
            "Finding your Site ID (SID)",
            "account",
            "The SID identifies your site in every report.",
        ),
        (
            "getting-paid",
            "Getting paid",
            "payments",
            "Payments are sent monthly above the threshold.",
        ),
        (
            "reading-reports",
            "Reading your reports",
            "reports",
            "Reports show clicks, sales and commission per site.",
        ),
    ];
    for (id, title, category, body) in articles {
        writer.add(IndexedArticle {
            record: DocRecord {
                id: id.into(),
                title: title.into(),
                category: category.into(),
                category_name: category.into(),
                summary: None,
                text: body.into(),
                body_file: format!("en/{id}.html"),
                video: None,
                updated: None,
                signed_in: false,
                locale: "en".into(),
                // Votes carried over from another help center.
                votes: (id == "getting-paid").then_some(Votes {
                    helpful: 2,
                    total: 6,
                }),
                related: Vec::new(),
                sections: Vec::new(),
            },
            contexts: vec![],
            starter: false,
            weight: 0,
            fields: [analyzer.terms(title), vec![], vec![], analyzer.terms(body)],
        });
    }
    let bodies: Vec<(String, Vec<u8>)> = articles
        .iter()
        .map(|(id, _, _, body)| {
            (
                format!("en/{id}.html"),
                format!("<p>{body}</p>").into_bytes(),
            )
        })
        .collect();
    english_source(writer, articles.len(), bodies)
}

/// A public bundle in memory: the English index `writer` holds, of
/// `articles` articles, with its manifest and the `extra` files (bodies).
fn english_source(writer: IndexWriter, articles: usize, extra: Vec<(String, Vec<u8>)>) -> Source {
    let locale = writer.finish(help_core::testing::fnv);
    let manifest = Manifest {
        format_version: FORMAT_VERSION,
        audience: Audience::Public,
        default_locale: "en".into(),
        locales: BTreeMap::from([(
            "en".into(),
            LocaleEntry {
                root: locale.root.clone(),
                articles: articles as u32,
            },
        )]),
        support: None,
    };
    let mut files = locale.files;
    files.extend(extra);
    files.insert("manifest.json".into(), manifest.to_json().into_bytes());
    Source::Memory(Rc::new(files))
}

#[wasm_bindgen_test]
#[allow(
    clippy::assertions_on_constants,
    reason = "the point is that this runs compiled to wasm"
)]
async fn a_query_reaches_the_core_engine_compiled_to_wasm() {
    assert!(cfg!(target_arch = "wasm32"));
    let engine = Engine::load(bundle(), "en-GB")
        .await
        .expect("the bundle loads in wasm");
    assert_eq!(engine.locale, "en");
    let hits = engine
        .search("site id", &SearchOptions::default())
        .await
        .unwrap()
        .hits;
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("find-site-id"));
    // "rep" is unfinished: it matches "reports" as a prefix.
    let hits = engine
        .search("rep", &SearchOptions::default())
        .await
        .unwrap()
        .hits;
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("reading-reports"));
    // One typo in a long word is forgiven.
    let hits = engine
        .search("paymnets ", &SearchOptions::default())
        .await
        .unwrap()
        .hits;
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("getting-paid"));
}

/// A fresh container inside a fresh shadow root, as the loader makes.
fn shadow_container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    shadow.append_child(&container).unwrap();
    container
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
    let container = shadow_container();

    let events = Rc::new(RefCell::new(Vec::<String>::new()));
    let sink = events.clone();
    let emit: Emit = Rc::new(move |name: &str, _detail: JsValue| {
        if name == "open" || name == "close" {
            sink.borrow_mut().push(name.to_string());
        }
    });
    let config = Config {
        bundle: "memory:".into(),
        locale: "en".into(),
        ..Config::default()
    };
    let handle = mount_with(
        container.clone(),
        config,
        emit,
        |locale: String| async move { Engine::load(bundle(), &locale).await },
    );

    let panel = container
        .query_selector(".hw-panel")
        .unwrap()
        .expect("panel is rendered");
    assert!(panel.has_attribute("hidden"), "the panel starts closed");
    handle.open();
    settle(|| !panel.has_attribute("hidden")).await;
    assert!(!panel.has_attribute("hidden"), "open() shows the panel");
    settle(|| !events.borrow().is_empty()).await;
    assert_eq!(*events.borrow(), ["open"]);

    let input: web_sys::HtmlInputElement = container
        .query_selector(".hw-search-input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("site id");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let titles = || {
        let list = container.query_selector_all(".hw-result-title").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.text_content())
            .collect::<Vec<_>>()
    };
    settle(|| !titles().is_empty()).await;
    assert_eq!(
        titles().first().map(String::as_str),
        Some("Finding your Site ID (SID)")
    );
    let status = container
        .query_selector(".hw-status")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        status.ends_with("found."),
        "status announces the count: {status}"
    );
    let marked = container
        .query_selector(".hw-result-title mark")
        .unwrap()
        .expect("matched words are marked");
    assert_eq!(marked.text_content().as_deref(), Some("Site"));

    handle.close();
    settle(|| panel.has_attribute("hidden")).await;
    assert!(panel.has_attribute("hidden"));
    settle(|| events.borrow().len() == 2).await;
    assert_eq!(*events.borrow(), ["open", "close"]);
}

#[wasm_bindgen_test]
async fn an_article_shows_the_votes_it_starts_with() {
    let container = shadow_container();
    let config = Config {
        bundle: "memory:".into(),
        locale: "en".into(),
        ..Config::default()
    };
    let handle = mount_with(
        container.clone(),
        config,
        Rc::new(|_: &str, _: JsValue| {}),
        |locale: String| async move { Engine::load(bundle(), &locale).await },
    );
    let count = || {
        container
            .query_selector(".hw-helpful-count")
            .unwrap()
            .and_then(|p| p.text_content())
    };
    handle.show_article("getting-paid".into());
    settle(|| count().is_some()).await;
    assert_eq!(count().as_deref(), Some("2 out of 6 found this helpful"));

    // An article without starting votes, and no feedback server: no count.
    handle.show_article("reading-reports".into());
    settle(|| {
        container
            .query_selector(".hw-article-title")
            .unwrap()
            .and_then(|t| t.text_content())
            .as_deref()
            == Some("Reading your reports")
    })
    .await;
    assert_eq!(count(), None);
}

#[wasm_bindgen_test]
fn the_intl_bridge_gives_offsets_at_the_instant_asked() {
    use help_widget::intl;
    // 2026-01-15 and 2026-07-15 at noon UTC.
    let (winter, summer) = (1_768_478_400_000i64, 1_784_116_800_000i64);
    assert_eq!(intl::offset_minutes("Asia/Kolkata", winter), Some(330));
    assert_eq!(intl::offset_minutes("Europe/Berlin", winter), Some(60));
    assert_eq!(intl::offset_minutes("Europe/Berlin", summer), Some(120));
    assert_eq!(intl::offset_minutes("America/St_Johns", summer), Some(-150));
    assert_eq!(intl::offset_minutes("Pacific/Auckland", winter), Some(780));
    assert_eq!(intl::offset_minutes("Not/AZone", winter), None);
    assert!(!intl::is_valid_time_zone("Not/AZone"));
    assert_eq!(
        intl::format_time("en-GB", "Asia/Kolkata", winter).as_deref(),
        Some("17:30")
    );
    assert!(intl::time_zones().iter().any(|z| z == "Europe/Berlin"));
}

const SUPPORT: &str = r#"{
  "hours": { "time_zone": "GMT", "language": "en",
    "open": [{ "days": ["mon-sun"], "from": "09:00", "to": "02:00" }], "closures": [] },
  "regions": [
    { "id": "americas", "name": "Americas", "countries": ["US"], "default": true, "languages": ["en"],
      "contacts": [{ "kind": "phone", "number": "+1-646-943-8200", "option": "7", "toll_free": false }], "hours": null, "example": false },
    { "id": "france", "name": "France", "countries": ["FR"], "default": false, "languages": ["fr", "en"],
      "contacts": [{ "kind": "email", "address": "support-fr@example.com" }], "hours": null, "example": true },
    { "id": "germany", "name": "Germany", "countries": ["DE"], "default": false, "languages": ["de", "en"],
      "contacts": [{ "kind": "phone", "number": "+49-30-5550-1234", "option": null, "toll_free": false }],
      "hours": { "time_zone": "Europe/Berlin", "language": "de",
        "open": [{ "days": ["mon-fri"], "from": "08:00", "to": "17:00" }], "closures": [] },
      "example": true }
  ],
  "request": { "safe_sender_domain": "example.com" }
}"#;

/// Chooses `value` in the `<select>` matching `selector`, as a reader would.
fn choose(container: &web_sys::Element, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = container
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_contact_view_shows_live_hours_as_utc_instants_and_the_contacts() {
    let container = shadow_container();
    let source = bundle_with_support(SUPPORT);
    let emit: Emit = Rc::new(|_: &str, _: JsValue| {});
    let config = Config {
        bundle: "memory:".into(),
        locale: "en-US".into(),
        sid: Some("42".into()),
        ..Config::default()
    };
    let handle = mount_with(container.clone(), config, emit, move |locale: String| {
        let source = source.clone();
        async move { Engine::load(source, &locale).await }
    });
    handle.open();
    let link = || container.query_selector(".hw-contact-link").unwrap();
    settle(|| link().is_some()).await;
    link()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    let status = || container.query_selector(".hw-open-status").unwrap();
    settle(|| status().is_some()).await;
    let text = status().unwrap().text_content().unwrap();
    assert!(
        text.starts_with("Open now: closes at ") || text.starts_with("Closed: opens at "),
        "{text}"
    );
    let times = container.query_selector_all(".hw-hours time").unwrap();
    assert!(times.length() >= 3);
    for i in 0..times.length() {
        let el: web_sys::Element = times.item(i).unwrap().unchecked_into();
        let at = el.get_attribute("datetime").unwrap();
        assert!(at.ends_with(":00Z") && at.len() == 20, "{at}");
    }
    let sid = container
        .query_selector(".hw-sid")
        .unwrap()
        .unwrap()
        .text_content();
    assert_eq!(sid.as_deref(), Some("42"));
    let phone = container.query_selector(".hw-contacts a").unwrap().unwrap();
    assert_eq!(
        phone.get_attribute("href").as_deref(),
        Some("tel:+16469438200,7")
    );

    // The seed's hours, every day: the week says so in one line.
    let week = || {
        let lines = container.query_selector_all(".hw-week").unwrap();
        (0..lines.length())
            .map(|i| lines.item(i).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(week().len(), 1, "{:?}", week());
    assert!(week()[0].starts_with("Every day, "), "{:?}", week());
    assert!(week()[0].ends_with(" your time"), "{:?}", week());

    // Germany's own line, Mon–Fri 08:00–17:00 in Berlin, seen from
    // Honolulu (UTC-10 all year): 21:00 or 20:00 the evening before, so
    // on the reader's Sunday to Thursday.
    choose(&container, "#hw-zone", "Pacific/Honolulu");
    let zone = || {
        container
            .query_selector("#hw-zone")
            .unwrap()
            .map(|z| z.unchecked_into::<web_sys::HtmlSelectElement>().value())
    };
    settle(|| zone().as_deref() == Some("Pacific/Honolulu")).await;
    tick().await;
    choose(&container, "#hw-region", "germany");
    settle(|| week().first().is_some_and(|w| w.starts_with("Sun–Thu, "))).await;
    assert_eq!(week().len(), 1, "{:?}", week());
    let line = &week()[0];
    assert!(
        line.contains("PM–") && line.ends_with("AM your time"),
        "{line}"
    );
    let text = container
        .query_selector(".hw-hours")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(text.contains("Phone support is in German."), "{text}");

    // France has only an email address: no phone hours at all.
    choose(&container, "#hw-region", "france");
    settle(|| container.query_selector(".hw-hours").unwrap().is_none()).await;
    assert!(
        container
            .query_selector(".hw-open-status")
            .unwrap()
            .is_none()
    );
    assert!(container.query_selector(".hw-region").unwrap().is_some());
}

/// What the builder writes with serde reads back equal through the
/// browser's `JSON`: the widget's reader and core's types agree.
#[wasm_bindgen_test]
fn the_bundle_json_the_builder_writes_reads_back_equal() {
    use help_core::support::{
        Closure, Contact, Opening, Region, RequestHelp, Schedule, SupportData,
    };
    use help_widget::json;

    let manifest = Manifest {
        format_version: FORMAT_VERSION,
        audience: Audience::SignedIn,
        default_locale: "en".into(),
        locales: BTreeMap::from([
            (
                "en".into(),
                LocaleEntry {
                    root: "en-root-1.bin".into(),
                    articles: 54,
                },
            ),
            (
                "pt-BR".into(),
                LocaleEntry {
                    root: "pt-BR-root-2.bin".into(),
                    articles: 13,
                },
            ),
        ]),
        support: Some("support-3.json".into()),
    };
    assert_eq!(
        json::manifest(manifest.to_json().as_bytes()).unwrap(),
        manifest
    );
    let without_support = Manifest {
        support: None,
        audience: Audience::Public,
        ..manifest.clone()
    };
    assert_eq!(
        json::manifest(without_support.to_json().as_bytes()).unwrap(),
        without_support
    );

    let newer = manifest.to_json().replace(
        &format!("\"format_version\": {FORMAT_VERSION}"),
        "\"format_version\": 99",
    );
    assert_eq!(
        json::manifest(newer.as_bytes()),
        Err(help_core::DecodeError::UnsupportedVersion {
            found: 99,
            supported: FORMAT_VERSION
        })
    );
    let broken = manifest.to_json().replace("\"root\"", "\"rooot\"");
    let err = json::manifest(broken.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("missing field `root`"), "{err}");
    assert!(json::manifest(b"{ not json").is_err());

    let berlin = Schedule {
        time_zone: "Europe/Berlin".into(),
        language: "de".into(),
        open: vec![
            Opening {
                days: vec!["mon-fri".into()],
                from: "08:00".into(),
                to: "17:00".into(),
            },
            Opening {
                days: vec!["sat".into(), "sun".into()],
                from: "22:00".into(),
                to: "01:00".into(),
            },
        ],
        closures: vec![Closure {
            date: "2026-12-25".into(),
            name: "Erster Weihnachtstag".into(),
        }],
    };
    let support = SupportData {
        hours: Some(Schedule {
            time_zone: "GMT".into(),
            language: "en".into(),
            open: vec![Opening {
                days: vec!["mon-sun".into()],
                from: "09:00".into(),
                to: "02:00".into(),
            }],
            closures: vec![],
        }),
        regions: vec![
            Region {
                id: "americas".into(),
                name: "Americas".into(),
                names: Default::default(),
                countries: vec!["US".into(), "CA".into()],
                default: true,
                languages: vec!["en".into()],
                contacts: vec![
                    Contact::Phone {
                        number: "+1-888-880-8430".into(),
                        option: None,
                        toll_free: true,
                    },
                    Contact::Phone {
                        number: "+1-646-943-8200".into(),
                        option: Some("7".into()),
                        toll_free: false,
                    },
                ],
                hours: None,
                example: false,
            },
            Region {
                id: "germany".into(),
                name: "Deutschland".into(),
                names: Default::default(),
                countries: vec!["DE".into()],
                default: false,
                languages: vec!["de".into(), "en".into()],
                contacts: vec![
                    Contact::Phone {
                        number: "+49-30-5550-1234".into(),
                        option: None,
                        toll_free: false,
                    },
                    Contact::Email {
                        address: "support-de@example.com".into(),
                    },
                ],
                hours: Some(berlin),
                example: true,
            },
        ],
        request: RequestHelp {
            safe_sender_domain: "example.com".into(),
        },
        strings: serde_json::from_str(
            r#"{"es": {"search_placeholder": "Buscar", "results": "{} artículos"}, "en": {"help": "Support"}}"#,
        )
        .unwrap(),
    };
    let text = serde_json::to_string(&support).unwrap();
    assert_eq!(json::support(text.as_bytes()).unwrap(), support);
    let without_default = SupportData {
        hours: None,
        ..support.clone()
    };
    let text_without = serde_json::to_string(&without_default).unwrap();
    assert_eq!(
        json::support(text_without.as_bytes()).unwrap(),
        without_default
    );
    let without_strings = SupportData {
        strings: Default::default(),
        ..support.clone()
    };
    let text_without_strings = serde_json::to_string(&without_strings).unwrap();
    assert!(
        !text_without_strings.contains("strings"),
        "{text_without_strings}"
    );
    assert_eq!(
        json::support(text_without_strings.as_bytes()).unwrap(),
        without_strings
    );
    let not_text = text.replace("\"Buscar\"", "7");
    let err = json::support(not_text.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("`search_placeholder`"), "{err}");
    let wrong = text.replace("\"kind\":\"email\"", "\"kind\":\"fax\"");
    let err = json::support(wrong.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("`kind`") && err.contains("fax"), "{err}");
}

#[wasm_bindgen_test]
fn the_feedback_queue_survives_a_round_trip_through_local_storage_text() {
    use help_widget::feedback::{Vote, parse_queue, queue_json};
    let votes = vec![
        Vote {
            id: "1".into(),
            article: "a".into(),
            helpful: true,
            comment: None,
            locale: "en".into(),
            sid: None,
            client: None,
        },
        Vote {
            id: "2".into(),
            article: "b".into(),
            helpful: false,
            comment: Some("</script><b>\"quoted\"".into()),
            locale: "pt-BR".into(),
            sid: Some("3141592".into()),
            client: Some("reader-1".into()),
        },
    ];
    assert_eq!(parse_queue(Some(&queue_json(&votes))), votes);
    assert!(parse_queue(Some("not json")).is_empty());
    assert!(parse_queue(Some("{\"id\":\"1\"}")).is_empty());
    assert!(parse_queue(None).is_empty());
    // An entry missing a required field is dropped; the rest are kept.
    let mixed = r#"[{"id":"1","article":"a","helpful":true,"locale":"en"},{"id":"2"}]"#;
    assert_eq!(parse_queue(Some(mixed)), votes[..1]);
}

#[wasm_bindgen_test]
fn whole_numbers_are_js_numbers_that_are_non_negative_integers() {
    use help_widget::js::whole_number;
    for (n, expected) in [(0.0, 0), (42.0, 42), (-0.0, 0), (4_294_967_296.0, 1 << 32)] {
        assert_eq!(whole_number(&JsValue::from_f64(n)), Some(expected), "{n}");
    }
    for n in [-1.0, 1.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(whole_number(&JsValue::from_f64(n)), None, "{n}");
    }
    assert_eq!(whole_number(&JsValue::from_str("42")), None);
    assert_eq!(whole_number(&JsValue::NULL), None);
}

/// The bundle with `support` as its support data.
fn bundle_with_support(support: &str) -> Source {
    match bundle() {
        Source::Memory(files) => {
            let mut files = (*files).clone();
            let mut manifest = Manifest::from_json(&files["manifest.json"]).unwrap();
            manifest.support = Some("support.json".into());
            files.insert("manifest.json".into(), manifest.to_json().into_bytes());
            files.insert("support.json".into(), support.as_bytes().to_vec());
            Source::Memory(Rc::new(files))
        }
        Source::Http(_) => unreachable!(),
    }
}

/// Mounts the panel for a reader of `locale` over `source`, opened.
async fn open_panel(locale: &str, source: Source) -> web_sys::HtmlElement {
    let container = shadow_container();
    let emit: Emit = Rc::new(|_: &str, _: JsValue| {});
    let config = Config {
        bundle: "memory:".into(),
        locale: locale.into(),
        ..Config::default()
    };
    let handle = mount_with(container.clone(), config, emit, move |locale: String| {
        let source = source.clone();
        async move { Engine::load(source, &locale).await }
    });
    handle.open();
    // Kept mounted for the rest of the test run, as the panel of a page.
    std::mem::forget(handle);
    container
}

fn text_of(container: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    container.query_selector(selector).unwrap()?.text_content()
}

fn attribute(container: &web_sys::HtmlElement, selector: &str, name: &str) -> Option<String> {
    container
        .query_selector(selector)
        .unwrap()?
        .get_attribute(name)
}

#[wasm_bindgen_test]
async fn an_unknown_language_gets_english_and_a_regional_variant_its_base_language() {
    use help_widget::i18n::{EN, FR};
    for (locale, ui) in [
        ("es", &EN),
        ("pl-PL", &EN),
        ("fr-CA", &FR),
        ("de-AT", &help_widget::i18n::DE),
    ] {
        let container = open_panel(locale, bundle()).await;
        let placeholder = || attribute(&container, ".hw-search-input", "placeholder");
        settle(|| placeholder().is_some()).await;
        assert_eq!(
            placeholder().as_deref(),
            Some(ui.search_placeholder),
            "{locale}"
        );
        assert_eq!(
            text_of(&container, ".hw-heading").as_deref(),
            Some(ui.help),
            "{locale}"
        );
        assert_eq!(
            attribute(&container, ".hw-panel", "lang").as_deref(),
            Some(ui.locale),
            "{locale}"
        );
    }
}

#[wasm_bindgen_test]
fn languages_the_panel_has_no_name_for_are_named_by_intl() {
    use help_widget::i18n::{EN, FR, language_name};
    assert_eq!(language_name(&EN, "es"), "Spanish");
    assert_eq!(language_name(&FR, "es"), "espagnol");
    assert_eq!(language_name(&EN, "pl"), "Polish");
    // Those it has a name for keep it.
    assert_eq!(language_name(&EN, "pt-BR"), "Brazilian Portuguese");
    assert_eq!(language_name(&FR, "de"), "allemand");
}

#[wasm_bindgen_test]
async fn the_bundles_strings_give_a_new_language_and_replace_an_english_string_as_text() {
    let mut support: serde_json::Value = serde_json::from_str(SUPPORT).unwrap();
    support["strings"] = serde_json::json!({
        "es": {
            "search_placeholder": "Buscar",
            "one_result": "1 artículo.",
            "results": "{} artículos.",
            "help": "<b>Ayuda</b>",
        },
        "en": { "contact_support": "Talk to us" },
    });
    let source = bundle_with_support(&support.to_string());
    let container = open_panel("es-MX", source.clone()).await;
    let placeholder = || attribute(&container, ".hw-search-input", "placeholder");
    settle(|| placeholder().as_deref() == Some("Buscar")).await;
    assert_eq!(placeholder().as_deref(), Some("Buscar"));
    assert_eq!(
        attribute(&container, ".hw-panel", "lang").as_deref(),
        Some("es")
    );
    // Shown as text: the markup is the title's words, not an element.
    assert_eq!(
        text_of(&container, ".hw-heading").as_deref(),
        Some("<b>Ayuda</b>")
    );
    assert!(container.query_selector(".hw-heading b").unwrap().is_none());
    // A string Spanish leaves out is English, with `[strings.en]` over it.
    assert_eq!(
        text_of(&container, ".hw-contact-link").as_deref(),
        Some("Talk to us")
    );
    assert_eq!(
        attribute(&container, ".hw-close", "aria-label").as_deref(),
        Some(help_widget::i18n::EN.close)
    );
    // Templates are filled in the new language.
    let input: web_sys::HtmlInputElement = container
        .query_selector(".hw-search-input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("site");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let status = || text_of(&container, ".hw-status").unwrap_or_default();
    settle(|| status().contains("artículo")).await;
    let status = status();
    assert!(
        status == "1 artículo."
            || (status.ends_with(" artículos.") && status.starts_with(char::is_numeric)),
        "{status}"
    );

    // An English reader gets the English override and nothing Spanish.
    let container = open_panel("en-US", source).await;
    let link = || text_of(&container, ".hw-contact-link");
    settle(|| link().as_deref() == Some("Talk to us")).await;
    assert_eq!(link().as_deref(), Some("Talk to us"));
    assert_eq!(
        attribute(&container, ".hw-search-input", "placeholder").as_deref(),
        Some(help_widget::i18n::EN.search_placeholder)
    );
    assert_eq!(
        attribute(&container, ".hw-panel", "lang").as_deref(),
        Some("en")
    );
}

/// `data-time-zone` (the loader's `timeZone`) picks the contact view's
/// zone when Intl knows it; an unknown one falls back to the browser's.
#[wasm_bindgen_test]
async fn the_page_given_time_zone_is_the_contact_views_zone() {
    for (given, expected) in [
        ("Asia/Tokyo", "Asia/Tokyo".to_string()),
        ("Not/AZone", help_widget::intl::default_time_zone()),
    ] {
        let config = js_sys::Object::new();
        for (key, value) in [("bundle", "memory:"), ("locale", "en"), ("timeZone", given)] {
            js_sys::Reflect::set(&config, &key.into(), &value.into()).unwrap();
        }
        let config = Config::from_js(&config.into()).unwrap();
        assert_eq!(config.settings.time_zone.as_deref(), Some(given));
        let container = shadow_container();
        let source = bundle_with_support(SUPPORT);
        let emit: Emit = Rc::new(|_: &str, _: JsValue| {});
        let handle = mount_with(container.clone(), config, emit, move |locale: String| {
            let source = source.clone();
            async move { Engine::load(source, &locale).await }
        });
        handle.open();
        let link = || container.query_selector(".hw-contact-link").unwrap();
        settle(|| link().is_some()).await;
        link()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
        let select = || container.query_selector("#hw-zone").unwrap();
        settle(|| select().is_some()).await;
        let select: web_sys::HtmlSelectElement = select().unwrap().unchecked_into();
        assert_eq!(select.value(), expected, "given {given}");
    }
}

/// Waits `ms` milliseconds of the browser's clock.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_search_is_reported_once_the_reader_pauses_and_an_unknown_article_is_an_error() {
    let container = shadow_container();
    let events = Rc::new(RefCell::new(Vec::<(String, String)>::new()));
    let sink = events.clone();
    let emit: Emit = Rc::new(move |name: &str, detail: JsValue| {
        let field = |key: &str| js_sys::Reflect::get(&detail, &JsValue::from_str(key)).ok();
        let text = match name {
            "search" => {
                let query = field("query")
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                let count = field("count").and_then(|v| v.as_f64()).unwrap_or(-1.0);
                format!("{query}:{count}")
            }
            "error" => field("code")
                .and_then(|v| v.as_string())
                .unwrap_or_default(),
            "article" => detail.as_string().unwrap_or_default(),
            _ => return,
        };
        sink.borrow_mut().push((name.to_string(), text));
    });
    let config = Config {
        bundle: "memory:".into(),
        locale: "en".into(),
        ..Config::default()
    };
    let handle = mount_with(
        container.clone(),
        config,
        emit,
        |locale: String| async move { Engine::load(bundle(), &locale).await },
    );
    handle.open();
    let input: web_sys::HtmlInputElement = container
        .query_selector(".hw-search-input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    for typed in ["s", "si", "sit", "site", "site "] {
        input.set_value(typed);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        tick().await;
    }
    let results = || container.query_selector_all(".hw-result").unwrap().length();
    settle(|| results() > 0).await;
    assert!(results() > 0);
    assert!(
        events.borrow().is_empty(),
        "not while typing: {:?}",
        events.borrow()
    );
    sleep(1200).await;
    let shown = results();
    assert_eq!(
        *events.borrow(),
        [("search".to_string(), format!("site:{shown}"))],
        "once, trimmed, with the count"
    );

    events.borrow_mut().clear();
    handle.show_article("no-such-id".into());
    settle(|| !events.borrow().is_empty()).await;
    assert_eq!(
        *events.borrow(),
        [("error".to_string(), "article-not-found".to_string())]
    );
    assert!(
        container.query_selector(".hw-not-found").unwrap().is_some(),
        "the not-found view shows"
    );
}

/// A bundle of `n` articles that all mention payments.
fn bundle_of_payments(n: usize) -> Source {
    let analyzer = Analyzer::new(Language::English);
    let mut writer = IndexWriter::new("en", FieldWeights::default(), SplitOptions::default());
    for i in 0..n {
        let (id, title) = (format!("pay-{i:02}"), format!("Payment question {i}"));
        let body = format!("How payment number {i} works.");
        writer.add(IndexedArticle {
            record: DocRecord {
                id: id.clone(),
                title: title.clone(),
                category: "payments".into(),
                category_name: "Payments".into(),
                summary: None,
                text: body.clone(),
                body_file: format!("en/{id}.html"),
                video: None,
                updated: None,
                signed_in: false,
                locale: "en".into(),
                votes: None,
                related: Vec::new(),
                sections: Vec::new(),
            },
            contexts: vec![],
            starter: false,
            weight: 0,
            fields: [
                analyzer.terms(&title),
                vec![],
                vec![],
                analyzer.terms(&body),
            ],
        });
    }
    english_source(writer, n, Vec::new())
}

#[wasm_bindgen_test]
async fn the_status_counts_every_match_and_show_more_lists_the_rest() {
    let container = open_panel("en", bundle_of_payments(23)).await;
    let input: web_sys::HtmlInputElement = container
        .query_selector(".hw-search-input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("payment");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let rows = || container.query_selector_all(".hw-result").unwrap().length();
    settle(|| rows() > 0).await;
    assert_eq!(rows(), 10, "the first page");
    assert_eq!(
        text_of(&container, ".hw-status").as_deref(),
        Some("23 articles found."),
        "the true count, not the rows listed"
    );
    let more = || -> Option<web_sys::HtmlElement> {
        Some(
            container
                .query_selector(".hw-show-more")
                .unwrap()?
                .unchecked_into(),
        )
    };
    assert_eq!(
        more().and_then(|b| b.text_content()).as_deref(),
        Some("Show more results")
    );
    more().unwrap().click();
    settle(|| rows() == 20).await;
    assert_eq!(rows(), 20, "ten more");
    assert_eq!(
        attribute(&container, ".hw-search-input", "aria-activedescendant").as_deref(),
        Some("hw-result-10"),
        "the arrow keys' row is the first new result"
    );
    more().unwrap().click();
    settle(|| rows() == 23).await;
    assert_eq!(rows(), 23);
    assert!(more().is_none(), "nothing more to show");
    assert_eq!(
        text_of(&container, ".hw-status").as_deref(),
        Some("23 articles found.")
    );
    // A new query starts from the first page again.
    input.set_value("payment question");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle(|| rows() == 10).await;
    assert_eq!(rows(), 10);
}

/// A key pressed in `target`, bubbling as the browser's would.
fn press(target: &web_sys::EventTarget, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

thread_local! {
    /// The panics seen since [`record_panics`] was last called.
    static PANICS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Starts recording every panic, from now on, wherever it happens: in a
/// frame callback or a timer too, where it aborts that callback alone (an
/// `unreachable` on the page) and never reaches the test. The previous
/// hook still runs.
fn record_panics() {
    PANICS.with_borrow_mut(Vec::clear);
    static HOOKED: std::sync::Once = std::sync::Once::new();
    HOOKED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.with_borrow_mut(|p| p.push(info.to_string()));
            previous(info);
        }));
    });
}

/// The panics recorded since [`record_panics`].
fn panics() -> Vec<String> {
    PANICS.with_borrow(Clone::clone)
}

/// Waits for `n` frames of the browser.
async fn frames(n: usize) {
    for _ in 0..n {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn enter_right_after_an_arrow_key_opens_the_article() {
    // The arrow key asks for the selected row to be scrolled into sight on
    // the next frame; Enter in the same frame takes the list away first,
    // and that frame must not read the list's disposed ref (a panic there
    // only aborts the frame's callback: the page sees `unreachable`).
    record_panics();
    let container = open_panel("en", bundle()).await;
    let input = results_for(&container, "site id").await;
    press(&input, "ArrowDown");
    // Let the arrow key's effects run (they ask for the next frame), but
    // press Enter before that frame comes.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
        .await
        .unwrap();
    press(&input, "Enter");
    frames(3).await;
    settle(|| {
        container
            .query_selector(".hw-article-title")
            .unwrap()
            .is_some()
    })
    .await;
    let title = container
        .query_selector(".hw-article-title")
        .unwrap()
        .unwrap();
    assert_eq!(
        title.text_content().as_deref(),
        Some("Finding your Site ID (SID)")
    );
    assert_eq!(panics(), Vec::<String>::new(), "no callback panicked");
}

/// Types `query` in the panel's search box and waits for its results;
/// the search box.
async fn results_for(container: &web_sys::HtmlElement, query: &str) -> web_sys::HtmlInputElement {
    let input: web_sys::HtmlInputElement = container
        .query_selector(".hw-search-input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(query);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let results = || container.query_selector_all(".hw-result").unwrap().length();
    settle(|| results() > 0).await;
    assert!(results() > 0, "results for {query:?}");
    input
}

#[wasm_bindgen_test]
async fn unmounting_with_a_pause_a_landing_and_a_frame_pending_panics_nowhere() {
    // `unmount` disposes every value of the panel, while its timers and
    // frame callbacks are still to come: the recent-search pause (800 ms
    // after results), a landing waiting for its view, the selected row's
    // scroll. Each must find the panel gone and stop.
    record_panics();
    let container = shadow_container();
    let emit: Emit = Rc::new(|_: &str, _: JsValue| {});
    let config = Config {
        bundle: "memory:".into(),
        locale: "en".into(),
        ..Config::default()
    };
    let source = bundle();
    let mut handle = mount_with(container.clone(), config, emit, move |locale: String| {
        let source = source.clone();
        async move { Engine::load(source, &locale).await }
    });
    handle.open();
    settle(|| text_of(&container, ".hw-suggestion").is_some()).await;
    let input = results_for(&container, "site id").await;
    press(&input, "ArrowDown");
    handle.open();
    tick().await;
    handle.unmount();
    assert!(container.query_selector(".hw-panel").unwrap().is_none());
    frames(3).await;
    sleep(900).await;
    assert_eq!(panics(), Vec::<String>::new(), "no callback panicked");
}

fn click(container: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn a_category_lists_its_articles_a_page_at_a_time_with_focus_on_the_first_new_one() {
    let total = 23;
    let page = help_widget::views::browse::CATEGORY_PAGE;
    assert!(total > page, "the fixture needs more than one page");
    let container = open_panel("en", bundle_of_payments(total)).await;
    settle(|| text_of(&container, ".hw-category-count").is_some()).await;
    assert_eq!(
        text_of(&container, ".hw-category-name").as_deref(),
        Some("Payments")
    );
    assert_eq!(
        text_of(&container, ".hw-category-count").as_deref(),
        Some("23 articles"),
        "the count of the whole category"
    );
    click(&container, ".hw-category");
    let rows = || {
        container
            .query_selector_all(".hw-category-view .hw-suggestion")
            .unwrap()
            .length() as usize
    };
    settle(|| rows() > 0).await;
    assert_eq!(rows(), page, "the first page");
    assert_eq!(
        text_of(&container, "#hw-title").as_deref(),
        Some("Payments")
    );
    assert_eq!(
        text_of(&container, ".hw-category-status").as_deref(),
        Some("23 articles")
    );
    assert_eq!(
        text_of(&container, ".hw-category-view .hw-show-more").as_deref(),
        Some("Show more articles")
    );
    click(&container, ".hw-category-view .hw-show-more");
    settle(|| rows() == total).await;
    assert_eq!(rows(), total, "the rest");
    assert!(
        container
            .query_selector(".hw-category-view .hw-show-more")
            .unwrap()
            .is_none(),
        "nothing more to show"
    );
    // Focus moves to the first article added, a frame after it is drawn.
    let focused_href = || {
        container
            .get_root_node()
            .unchecked_into::<web_sys::ShadowRoot>()
            .active_element()
            .and_then(|el| el.get_attribute("href"))
    };
    for _ in 0..30 {
        if focused_href().is_some() {
            break;
        }
        sleep(20).await;
    }
    let first_new = container
        .query_selector_all(".hw-category-view .hw-suggestion")
        .unwrap()
        .item(page as u32)
        .unwrap()
        .unchecked_into::<web_sys::Element>()
        .get_attribute("href");
    assert_eq!(focused_href(), first_new);
}

#[wasm_bindgen_test]
async fn an_article_without_related_articles_shows_no_list_and_names_its_category() {
    let container = open_panel("en", bundle()).await;
    settle(|| text_of(&container, ".hw-category").is_some()).await;
    click(&container, ".hw-category[href=\"#category:reports\"]");
    settle(|| text_of(&container, ".hw-category-view .hw-suggestion").is_some()).await;
    click(&container, ".hw-category-view .hw-suggestion");
    settle(|| text_of(&container, ".hw-article-title").is_some()).await;
    assert_eq!(
        text_of(&container, ".hw-article-title").as_deref(),
        Some("Reading your reports")
    );
    assert_eq!(
        text_of(&container, ".hw-article-category").as_deref(),
        Some("reports"),
        "the record's category name"
    );
    for _ in 0..5 {
        tick().await;
    }
    assert!(
        container.query_selector(".hw-related").unwrap().is_none(),
        "no heading over an empty list"
    );
}

/// The bundle of [`bundle`] with every doc chunk taken out.
fn bundle_without_chunks() -> Source {
    let Source::Memory(files) = bundle() else {
        unreachable!("bundle() is in memory")
    };
    let kept: BTreeMap<String, Vec<u8>> = files
        .iter()
        .filter(|(name, _)| !name.starts_with("en-d"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert!(kept.len() < files.len(), "the bundle had doc chunks");
    Source::Memory(Rc::new(kept))
}

#[wasm_bindgen_test]
async fn suggestions_list_rows_and_first_results_have_titles_without_any_doc_chunk() {
    let engine = Engine::load(bundle_without_chunks(), "en")
        .await
        .expect("the root loads");
    // No starter and no context in this bundle: the suggestions are none,
    // but the lookup needs no chunk to say so.
    assert_eq!(engine.suggestions("/", 5).await, Ok(Vec::new()));
    let rows = engine
        .titles(&["reading-reports".into(), "find-site-id".into()])
        .await
        .expect("rows from the title list");
    let titles: Vec<&str> = rows.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Reading your reports", "Finding your Site ID (SID)"]
    );
    let in_category = engine.category("payments", 10).await.expect("a category");
    assert_eq!(in_category.len(), 1);
    assert_eq!(in_category[0].1.title, "Getting paid");
    let mut first = None;
    let full = engine
        .search_titles_first("site id", &SearchOptions::default(), |r| first = Some(r))
        .await;
    let first = first.expect("the titles came first");
    assert_eq!(
        first.hits.first().map(|h| h.title.as_str()),
        Some("Finding your Site ID (SID)")
    );
    assert!(!first.hits[0].title_marks.is_empty(), "the title is marked");
    assert!(
        full.is_err(),
        "the snippets need the chunk this bundle lacks"
    );
    // With the chunks, the same search fills in its snippets.
    let engine = Engine::load(bundle(), "en").await.unwrap();
    let mut called = false;
    let full = engine
        .search_titles_first("site id", &SearchOptions::default(), |r| {
            called = true;
            assert!(
                r.hits.iter().all(|h| h.snippet.is_empty()),
                "no summary here"
            );
        })
        .await
        .unwrap();
    assert!(called);
    assert!(
        full.hits[0].snippet.contains("SID"),
        "{}",
        full.hits[0].snippet
    );
}
