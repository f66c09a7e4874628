//! `index-builder export-elasticlunr`: the example help center as an
//! elasticlunr.js index, in the format elasticlunr.js 0.9 loads.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use help_core::Audience;
use index_builder::{Content, Visibility};
use serde_json::Value;
use tempfile::TempDir;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center")
}

fn content() -> Content {
    index_builder::load_content(&example()).expect("the example content is valid")
}

/// Exports `locale` for `audience` to a temporary file and parses it back.
fn exported(content: &Content, locale: &str, audience: Audience) -> Value {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("index.json");
    let export = index_builder::export_elasticlunr(content, locale, audience).unwrap();
    index_builder::write_elasticlunr(&export, &out).unwrap();
    serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap()
}

fn ids(content: &Content, locale: &str, visibility: Visibility) -> BTreeSet<String> {
    content
        .articles
        .iter()
        .filter(|a| a.locale == locale && a.front.visibility == visibility)
        .map(|a| a.front.id.clone())
        .collect()
}

/// The documents under `term` in `field`'s inverted index, a trie of characters.
fn docs_for(index: &Value, field: &str, term: &str) -> BTreeSet<String> {
    let mut node = &index["index"][field]["root"];
    for c in term.chars() {
        node = &node[c.to_string()];
    }
    node["docs"]
        .as_object()
        .map(|docs| docs.keys().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn the_public_english_index_has_elasticlunrs_shape_and_only_public_articles() {
    let content = content();
    let index = exported(&content, "en", Audience::Public);
    assert_eq!(index["version"], "0.9.5");
    assert_eq!(
        index["fields"],
        serde_json::json!(["title", "tags", "summary", "body"])
    );
    assert_eq!(index["ref"], "id");
    assert_eq!(
        index["pipeline"],
        serde_json::json!(["trimmer", "stopWordFilter", "stemmer"])
    );
    assert_eq!(index["documentStore"]["save"], true);

    let docs = index["documentStore"]["docs"].as_object().unwrap();
    let stored: BTreeSet<String> = docs.keys().cloned().collect();
    let public = ids(&content, "en", Visibility::Public);
    assert!(public.len() > 20);
    assert_eq!(stored, public);
    assert!(
        ids(&content, "en", Visibility::SignedIn)
            .iter()
            .all(|id| !stored.contains(id))
    );
    assert_eq!(index["documentStore"]["length"], public.len());
    for (id, doc) in docs {
        let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["id", "summary", "title"], "{id}");
        assert_eq!(doc["id"], id.as_str());
    }
    assert_eq!(docs["find-site-id"]["title"], "Find your Site ID (SID)");

    for field in ["title", "tags", "summary", "body"] {
        assert!(index["index"][field]["root"].is_object(), "index.{field}");
    }
    // "channels" in the body, "Find" in the title: stemmed and lowercased.
    assert!(docs_for(&index, "body", "channel").contains("find-site-id"));
    assert!(docs_for(&index, "title", "find").contains("find-site-id"));
    assert!(
        docs_for(&index, "body", "channels").is_empty(),
        "terms are stems"
    );
}

#[test]
fn the_signed_in_index_holds_every_article() {
    let content = content();
    let index = exported(&content, "en", Audience::SignedIn);
    let stored: BTreeSet<String> = index["documentStore"]["docs"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut all = ids(&content, "en", Visibility::Public);
    all.extend(ids(&content, "en", Visibility::SignedIn));
    assert!(stored.contains("close-account"));
    assert_eq!(stored, all);
}

#[test]
fn each_locale_uses_elasticlunrs_stock_pipeline_for_its_language() {
    let content = content();
    for (locale, name, code) in [
        ("fr", "French", "fr"),
        ("de", "German", "de"),
        ("pt-BR", "Portuguese", "pt"),
    ] {
        let index = exported(&content, locale, Audience::Public);
        assert_eq!(index["lang"], name);
        let pipeline = [
            format!("trimmer-{code}"),
            format!("stopWordFilter-{code}"),
            format!("stemmer-{code}"),
        ];
        assert_eq!(index["pipeline"], serde_json::json!(pipeline), "{locale}");
        let stored: BTreeSet<String> = index["documentStore"]["docs"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(
            stored,
            ids(&content, locale, Visibility::Public),
            "{locale}"
        );
    }
}

#[test]
fn the_same_content_gives_the_same_bytes() {
    let content = content();
    let a = index_builder::export_elasticlunr(&content, "en", Audience::Public).unwrap();
    let b = index_builder::export_elasticlunr(&content, "en", Audience::Public).unwrap();
    assert_eq!(a, b);
}

#[test]
fn an_unknown_unstemmed_or_empty_locale_is_an_error() {
    let content = content();
    let err = index_builder::export_elasticlunr(&content, "es_ES", Audience::Public).unwrap_err();
    assert!(
        err.to_string().starts_with("`es_ES` is not a locale tag: "),
        "{err}"
    );
    let err = index_builder::export_elasticlunr(&content, "pl", Audience::Public).unwrap_err();
    assert_eq!(
        err.to_string(),
        "locale `pl` cannot be exported: elasticlunr has no pipeline for its language \
         (it stems en, da, nl, fi, fr, de, hu, it, no, pt, ro, ru, es, sv, tr)"
    );
    let err = index_builder::export_elasticlunr(&content, "es", Audience::Public).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no public article in locale `es` to export"
    );
    let english_only = Content {
        articles: content
            .articles
            .iter()
            .filter(|a| a.locale == "en")
            .cloned()
            .collect(),
        support: None,
        categories: content.categories.clone(),
    };
    let err = index_builder::export_elasticlunr(&english_only, "fr", Audience::Public).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no public article in locale `fr` to export"
    );
}

#[test]
fn the_command_replaces_the_file_atomically_and_prints_the_search_options() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("search-index.json");
    std::fs::write(&out, "old").unwrap();
    let result = Command::new(env!("CARGO_BIN_EXE_index-builder"))
        .args([
            "export-elasticlunr",
            example().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--locale",
            "de",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(
        stdout.contains("article(s) of locale de (de pipeline)"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            r#"index.search(query, {"bool":"OR","expand":true,"fields":{"body":{"boost":1.0}"#
        ),
        "{stdout}"
    );
    let index: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(index["lang"], "German");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["search-index.json"],
        "no temporary file is left behind"
    );
}
