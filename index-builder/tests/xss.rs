//! The XSS corpus, through both ways content comes in: an author's Markdown
//! file, and a Zendesk export imported with `import zendesk`.
//!
//! `tests/fixtures/xss/payloads.md` is one article; each `## NN` section
//! holds a payload between `Safe text NNa.` and `Safe text NNb.`. The
//! Zendesk export beside it is made from the same sections, one article per
//! section, each body the section rendered to HTML without sanitizing
//! (`UPDATE_SNAPSHOTS=1` rewrites it, and the copy in `examples/xss/`).
//!
//! Both are built into bundles, and every article body file of the bundle
//! is parsed with html5ever (through htmd, a dependency already) and
//! checked: no dangerous element, no event handler or style attribute, no
//! URL with a scheme other than http, https, mailto or tel, and every piece
//! of safe text still there.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use help_core::Audience;
use index_builder::BuildOptions;
use markup5ever_rcdom::{Node, NodeData};
use tempfile::TempDir;

/// Elements that may load or run something, or change the page around the
/// article. None may appear in a sanitized body.
const FORBIDDEN_ELEMENTS: [&str; 21] = [
    "script", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "style", "link", "meta", "base", "form", "input", "button", "select", "textarea", "svg",
    "math", "portal",
];

/// Attributes whose value is a URL the browser may follow or fetch.
const URL_ATTRIBUTES: [&str; 13] = [
    "href",
    "src",
    "action",
    "formaction",
    "srcset",
    "poster",
    "background",
    "data",
    "cite",
    "ping",
    "lowsrc",
    "dynsrc",
    "longdesc",
];

/// The only schemes a URL in a body may have.
const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss")
}

/// The small content folder that holds a copy of the payload article, for
/// browser tests.
fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/xss")
}

fn example_copy() -> PathBuf {
    example_dir().join("articles/en/xss-payloads.md")
}

fn payloads() -> String {
    std::fs::read_to_string(fixtures().join("payloads.md")).unwrap()
}

/// One `## NN Title` section of the payload article.
struct Case {
    number: String,
    title: String,
    markdown: String,
}

/// The sections of the payload article, in order.
fn cases(article: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for line in article.split_inclusive('\n') {
        if let Some(heading) = line.strip_prefix("## ") {
            let (number, title) = heading.trim().split_once(' ').unwrap();
            cases.push(Case {
                number: number.to_string(),
                title: title.to_string(),
                markdown: String::new(),
            });
        } else if let Some(case) = cases.last_mut() {
            case.markdown.push_str(line);
        }
    }
    assert!(cases.len() >= 15, "the corpus has {} sections", cases.len());
    cases
}

/// Markdown to HTML as pulldown-cmark writes it, raw HTML passed through:
/// what a Zendesk body holding the same payloads looks like.
fn unsanitized_html(markdown: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(markdown));
    html
}

/// The Zendesk Help Center export made from the payload sections.
fn zendesk_export(cases: &[Case]) -> String {
    let articles: Vec<serde_json::Value> = cases
        .iter()
        .map(|case| {
            serde_json::json!({
                "id": 990_000 + case.number.parse::<u64>().unwrap(),
                "title": format!("XSS case {}: {}", case.number, case.title),
                "body": unsanitized_html(&case.markdown),
                "locale": "en-us",
                "section_id": 99,
                "label_names": ["xss"],
                "user_segment_id": null,
                "draft": false,
                "updated_at": "2026-01-05T10:00:00Z",
            })
        })
        .collect();
    let export = serde_json::json!({ "articles": articles, "next_page": null });
    format!("{}\n", serde_json::to_string_pretty(&export).unwrap())
}

/// Every article body file of the public bundle built from `dir`, by name.
fn body_files(dir: &Path) -> BTreeMap<String, String> {
    let content = index_builder::load_content(dir).expect("the content loads");
    let options = BuildOptions {
        audience: Audience::Public,
        ..BuildOptions::default()
    };
    let bundle = index_builder::build_bundle(&content, &options, &mut || {});
    bundle
        .files
        .into_iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .map(|(name, bytes)| (name, String::from_utf8(bytes).unwrap()))
        .collect()
}

fn parse(html: &str) -> Rc<Node> {
    htmd::HtmlToMarkdown::new().html_to_tree(html).unwrap()
}

/// Calls `visit` on `node` and everything under it, template contents too.
fn walk(node: &Rc<Node>, visit: &mut dyn FnMut(&Node)) {
    visit(node);
    if let NodeData::Element {
        template_contents, ..
    } = &node.data
        && let Some(contents) = template_contents.borrow().as_ref()
    {
        walk(contents, visit);
    }
    for child in node.children.borrow().iter() {
        walk(child, visit);
    }
}

/// The scheme a browser would see in a URL attribute's value (entities are
/// already decoded by the parser): tabs and newlines anywhere are dropped,
/// leading and trailing controls and spaces trimmed, and case folded.
fn scheme(url: &str) -> Option<String> {
    let url: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let url = url.trim_matches(|c: char| c <= ' ').to_ascii_lowercase();
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    is_scheme.then(|| scheme.to_string())
}

/// Everything unsafe in `html`, one line each; empty when it is clean.
fn unsafe_parts(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    for tag in FORBIDDEN_ELEMENTS {
        if lower.contains(&format!("<{tag}")) {
            found.push(format!("the text `<{tag}`"));
        }
    }
    walk(&parse(html), &mut |node| {
        let NodeData::Element { name, attrs, .. } = &node.data else {
            return;
        };
        let element = name.local.to_string();
        // The parser wraps every fragment in html, head and body.
        if matches!(element.as_str(), "html" | "head" | "body") && attrs.borrow().is_empty() {
            return;
        }
        if &*name.ns != HTML_NAMESPACE {
            found.push(format!("<{element}> in namespace {}", &*name.ns));
        }
        if FORBIDDEN_ELEMENTS.contains(&element.as_str()) {
            found.push(format!("a <{element}> element"));
        }
        for attr in attrs.borrow().iter() {
            let attribute = attr.name.local.to_string().to_ascii_lowercase();
            let value: &str = &attr.value;
            if attribute.starts_with("on") {
                found.push(format!(
                    "<{element} {attribute}={value:?}>: an event handler"
                ));
            }
            if attribute == "style" || attribute == "srcdoc" {
                found.push(format!("<{element} {attribute}={value:?}>"));
            }
            if URL_ATTRIBUTES.contains(&attribute.as_str())
                && let Some(scheme) = scheme(value)
                && !ALLOWED_SCHEMES.contains(&scheme.as_str())
            {
                found.push(format!(
                    "<{element} {attribute}={value:?}>: a {scheme}: URL"
                ));
            }
        }
    });
    found
}

/// The text a reader sees, whitespace squeezed to single spaces.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    walk(&parse(html), &mut |node| {
        if let NodeData::Text { contents } = &node.data {
            text.push_str(&contents.borrow());
        }
    });
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What must survive sanitizing in a body holding `cases`: the safe text on
/// both sides of each payload, and the text and targets of harmless links.
fn missing_safe_parts(html: &str, cases: &[&Case]) -> Vec<String> {
    let text = visible_text(html);
    let mut missing = Vec::new();
    for case in cases {
        for side in ["a", "b"] {
            let marker = format!("Safe text {}{side}.", case.number);
            if !text.contains(&marker) {
                missing.push(marker);
            }
        }
        let must_keep: &[&str] = match case.number.as_str() {
            "00" => &[
                r#"<a href="https://example.com/help" rel="noopener noreferrer">plain link</a>"#,
                r#"src="https://example.com/logo.png""#,
            ],
            "05" => &["link five"],
            "13" => &["Sign in"],
            "17" => &[r#"href="https://example.com/ok""#],
            "18" => &["<script>alert(18)</script> is shown, not run."],
            "20" => &[r#"href="https://example.com/titled""#],
            _ => &[],
        };
        for part in must_keep {
            if !html.contains(part) && !text.contains(part) {
                missing.push((*part).to_string());
            }
        }
    }
    missing
}

#[test]
fn the_fixtures_are_made_from_the_payload_article() {
    let article = payloads();
    let export = zendesk_export(&cases(&article));
    let export_path = fixtures().join("zendesk-export.json");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&export_path, &export).unwrap();
        std::fs::create_dir_all(example_copy().parent().unwrap()).unwrap();
        std::fs::write(example_copy(), &article).unwrap();
    }
    assert!(
        std::fs::read_to_string(&export_path).unwrap_or_default() == export,
        "{} is out of date; rerun with UPDATE_SNAPSHOTS=1",
        export_path.display()
    );
    assert!(
        std::fs::read_to_string(example_copy()).unwrap_or_default() == article,
        "{} differs from payloads.md; rerun with UPDATE_SNAPSHOTS=1",
        example_copy().display()
    );
    let example = index_builder::load_content(&example_dir())
        .expect("examples/xss is a valid content folder");
    assert_eq!(example.articles.len(), 1);
}

#[test]
fn the_checks_catch_every_payload_left_unsanitized() {
    // Without the sanitizer, every section but the control and the escaped
    // text must trip a check: otherwise the checks prove nothing.
    for case in cases(&payloads()) {
        let found = unsafe_parts(&unsanitized_html(&case.markdown));
        let harmless = matches!(case.number.as_str(), "00" | "18");
        assert_eq!(
            found.is_empty(),
            harmless,
            "case {} {}: {found:?}",
            case.number,
            case.title
        );
    }
}

#[test]
fn markdown_payloads_are_neutralised_and_the_safe_text_kept() {
    let dir = TempDir::new().unwrap();
    let en = dir.path().join("articles/en");
    std::fs::create_dir_all(&en).unwrap();
    std::fs::write(en.join("xss-payloads.md"), payloads()).unwrap();
    let files = body_files(dir.path());
    assert_eq!(files.len(), 1, "{:?}", files.keys());
    let article = payloads();
    let cases = cases(&article);
    for (name, html) in &files {
        let found = unsafe_parts(html);
        assert!(found.is_empty(), "{name}: {found:#?}\n{html}");
        let all: Vec<&Case> = cases.iter().collect();
        let missing = missing_safe_parts(html, &all);
        assert!(missing.is_empty(), "{name} lost {missing:#?}\n{html}");
    }
}

#[test]
fn zendesk_payloads_are_neutralised_and_the_safe_text_kept() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    let import = index_builder::import_zendesk(
        &fixtures().join("zendesk-export.json"),
        &out,
        &Default::default(),
    )
    .unwrap()
    .import;
    let article = payloads();
    let cases = cases(&article);
    assert_eq!(import.articles(), cases.len());

    // The imported Markdown holds no live markup either: the first
    // sanitizing pass, before conversion, is not left to the second.
    for (file, text) in &import.files {
        let body = text.splitn(3, "+++\n").nth(2).unwrap();
        let found = unsafe_parts(&unsanitized_html(body));
        assert!(found.is_empty(), "{file}: {found:#?}\n{text}");
    }

    let files = body_files(&out);
    assert_eq!(files.len(), cases.len(), "{:?}", files.keys());
    for case in &cases {
        let prefix = format!("en/zd-9900{}-", case.number);
        let (name, html) = files
            .iter()
            .find(|(name, _)| name.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no body file {prefix}*"));
        let found = unsafe_parts(html);
        assert!(found.is_empty(), "{name}: {found:#?}\n{html}");
        let missing = missing_safe_parts(html, &[case]);
        assert!(missing.is_empty(), "{name} lost {missing:#?}\n{html}");
    }
}

#[test]
fn schemes_are_read_as_a_browser_reads_them() {
    assert_eq!(
        scheme(" \u{e}JaVa\tScRiPt:alert(1)").as_deref(),
        Some("javascript")
    );
    assert_eq!(scheme("java\nscript:x").as_deref(), Some("javascript"));
    assert_eq!(scheme("DATA:text/html,x").as_deref(), Some("data"));
    assert_eq!(scheme("https://example.com").as_deref(), Some("https"));
    assert_eq!(scheme("#article:b"), None);
    assert_eq!(scheme("/help/a:b"), None);
    assert_eq!(scheme("x"), None);
}
