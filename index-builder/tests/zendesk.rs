//! `index-builder import zendesk`: a Zendesk Help Center export becomes a
//! content folder that loads, builds, and carries nothing unsafe.

use std::path::{Path, PathBuf};
use std::process::Command;

use help_core::Audience;
use index_builder::{BuildOptions, Content, Visibility, ZendeskError};
use tempfile::TempDir;

const PAYOUT_ID: &str = "zd-360001-how-do-i-change-my-payout-method";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zendesk/articles.json")
}

/// Imports the fixture into a fresh folder and loads it.
fn imported() -> (TempDir, Content) {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    let import = index_builder::import_zendesk(&fixture(), &out, false).unwrap();
    assert_eq!(import.articles(), 6);
    assert_eq!(import.drafts_skipped, 1);
    assert_eq!(import.locales, ["en", "fr", "pt-BR"]);
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    let content = index_builder::load_content(&out).expect("the imported folder loads");
    (dir, content)
}

fn article<'a>(content: &'a Content, locale: &str, id_prefix: &str) -> &'a index_builder::Article {
    content
        .articles
        .iter()
        .find(|a| a.locale == locale && a.front.id.starts_with(id_prefix))
        .unwrap_or_else(|| panic!("no {locale} article {id_prefix}*"))
}

/// The error of converting `json`, named `articles.json`.
fn error(json: &str) -> String {
    index_builder::convert_zendesk(Path::new("articles.json"), json.as_bytes())
        .unwrap_err()
        .to_string()
}

/// One complete article object, with `changes` (`"key": value, ...`) merged over it.
fn entry(changes: &str) -> String {
    let mut base: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
        r#"{"id": 360001, "title": "Title", "body": "<p>Body</p>", "locale": "en-us", "section_id": 1,
            "label_names": [], "user_segment_id": null, "draft": false}"#,
    )
    .unwrap();
    let changes: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&format!("{{{changes}}}")).unwrap();
    for (key, value) in changes {
        if value == "REMOVE" {
            base.remove(&key);
        } else {
            base.insert(key, value);
        }
    }
    serde_json::Value::Object(base).to_string()
}

#[test]
fn the_import_loads_with_every_field_mapped() {
    let (_dir, content) = imported();
    assert_eq!(content.articles.len(), 6);
    assert!(
        content
            .articles
            .iter()
            .all(|a| !a.front.id.starts_with("zd-360002")),
        "the draft is absent"
    );

    let payout = article(&content, "en", "zd-360001");
    assert_eq!(payout.front.id, PAYOUT_ID);
    assert_eq!(payout.front.title, "How do I change my payout method?");
    assert_eq!(payout.front.category, "section-100");
    assert_eq!(payout.front.tags, ["payouts", "bank transfer"]);
    assert_eq!(payout.front.contexts, [index_builder::DEFAULT_CONTEXT]);
    assert_eq!(payout.front.visibility, Visibility::Public);
    assert_eq!(payout.front.updated.unwrap().to_string(), "2024-03-05");
    // The body is Markdown now, so its words are indexed, table included.
    for words in [
        "pick a new payout method",
        "Wire transfer",
        "Confirm with the code",
    ] {
        assert!(
            payout.body_text.contains(words),
            "{words:?} not in {:?}",
            payout.body_text
        );
    }
    assert!(
        payout.body_html.contains("<table>") && payout.body_html.contains("<ol>"),
        "{}",
        payout.body_html
    );

    let french = article(&content, "fr", "zd-360001");
    assert_eq!(
        french.front.id, PAYOUT_ID,
        "the translation shares the English id"
    );
    assert_eq!(french.front.title, "Comment changer mon mode de paiement ?");
    assert_eq!(french.front.tags, ["versements"]);

    let tax = article(&content, "en", "zd-360003");
    assert_eq!(tax.front.visibility, Visibility::SignedIn);
    assert_eq!(tax.front.id, "zd-360003-tax-forms-for-publishers");
    let tax_pt = article(&content, "pt-BR", "zd-360003");
    assert_eq!(tax_pt.front.id, tax.front.id);
    assert_eq!(tax_pt.front.visibility, Visibility::SignedIn);
    assert_eq!(tax_pt.front.updated, None);

    let tracking = article(&content, "en", "zd-360004");
    assert_eq!(
        tracking.front.tags,
        ["tracking", "cookies", "missing commission"]
    );
    assert_eq!(tracking.front.updated.unwrap().to_string(), "2024-05-20");

    let rich = article(&content, "en", "zd-360005");
    assert_eq!(rich.front.title, "Embedding \"rich\" content safely");
}

#[test]
fn nothing_unsafe_reaches_the_content_files_or_the_bundle() {
    let (dir, content) = imported();
    let options = BuildOptions {
        audience: Audience::SignedIn,
        ..Default::default()
    };
    let bundle = index_builder::build_bundle(&content, &options, &mut || {});
    let mut files: Vec<(String, Vec<u8>)> = bundle.files.into_iter().collect();
    for article in &content.articles {
        files.push((
            article.path.display().to_string(),
            std::fs::read(&article.path).unwrap(),
        ));
    }
    assert!(files.len() > 10);
    for (name, bytes) in &files {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        for bad in ["<script", "onerror", "javascript:", "style=", "alert(1)"] {
            assert!(!text.contains(bad), "{bad} in {name}");
        }
    }
    let rich = article(&content, "en", "zd-360005");
    assert!(
        rich.body_html
            .contains(r#"<a href="https://example.com/help""#),
        "{}",
        rich.body_html
    );
    assert!(
        rich.body_text.contains("a dangerous link"),
        "the link's text stays: {}",
        rich.body_text
    );
    drop(dir);
}

#[test]
fn a_bare_array_of_articles_is_accepted() {
    let json = format!("[{}]", entry(""));
    let import = index_builder::convert_zendesk(Path::new("a.json"), json.as_bytes()).unwrap();
    assert_eq!(
        import.files.keys().collect::<Vec<_>>(),
        ["articles/en/zd-360001-title.md"]
    );
}

#[test]
fn the_front_matter_is_written_as_content_rs_reads_it() {
    let json = format!(
        "[{}]",
        entry(
            r#""title": "Quotes \" and \\ backslash\nand a newline", "label_names": ["a \"b\""]"#
        )
    );
    let import = index_builder::convert_zendesk(Path::new("a.json"), json.as_bytes()).unwrap();
    let (path, text) = import.files.iter().next().unwrap();
    let article = index_builder::parse_article(Path::new(path), "en", text).unwrap();
    assert_eq!(
        article.front.title,
        "Quotes \" and \\ backslash\nand a newline"
    );
    assert_eq!(article.front.tags, ["a \"b\""]);
    assert_eq!(
        article.front.id,
        "zd-360001-quotes-and-backslash-and-a-newline"
    );
}

#[test]
fn a_translation_without_english_is_skipped_with_a_warning() {
    let json = format!(
        "[{}, {}, {}]",
        entry(""),
        entry(r#""id": 7, "locale": "de", "title": "Nur auf Deutsch""#),
        entry(r#""id": 8, "locale": "en-us", "draft": true, "title": "English draft""#).replace(
            '}',
            &format!(
                "}}, {}",
                entry(r#""id": 8, "locale": "fr", "title": "Brouillon anglais""#)
            )
        ),
    );
    let import = index_builder::convert_zendesk(Path::new("a.json"), json.as_bytes()).unwrap();
    assert_eq!(import.articles(), 1);
    assert_eq!(import.drafts_skipped, 1);
    assert_eq!(import.skipped.len(), 2, "{:?}", import.skipped);
    assert!(
        import.skipped[0].starts_with(
            "a.json: [1] (id 7): skipped: a de article without a published English one"
        ),
        "{:?}",
        import.skipped
    );
}

#[test]
fn without_any_english_translations_still_share_one_id() {
    let json = format!(
        "[{}, {}]",
        entry(r#""locale": "de", "title": "Auszahlung ändern""#),
        entry(r#""locale": "fr", "title": "Changer le paiement""#)
    );
    let import = index_builder::convert_zendesk(Path::new("a.json"), json.as_bytes()).unwrap();
    let files: Vec<&String> = import.files.keys().collect();
    assert_eq!(
        files,
        [
            "articles/de/zd-360001-changer-le-paiement.md",
            "articles/fr/zd-360001-changer-le-paiement.md"
        ]
    );
}

#[test]
fn not_json_names_the_file_line_and_column() {
    assert_eq!(
        error("{\"articles\": [\n  {\"id\": 1,}\n]}"),
        "articles.json:2:12: not valid JSON: trailing comma"
    );
    assert_eq!(
        error(r#"{"articles": [{"id": 1"#),
        "articles.json:1:22: not valid JSON: EOF while parsing an object"
    );
    assert_eq!(error(" \n"), "articles.json: the file is empty");
}

#[test]
fn json_that_is_not_a_list_of_articles_says_what_it_expected() {
    assert_eq!(
        error(r#"{"article": {}}"#),
        "articles.json: expected an object with an `articles` array, as the Help Center articles API returns, or an array of articles"
    );
    assert_eq!(
        error(r#"{"articles": {"id": 1}}"#),
        "articles.json: `articles` must be an array, found an object"
    );
    assert_eq!(
        error("42"),
        "articles.json: expected an object with an `articles` array, found the number 42"
    );
    assert_eq!(
        error(r#"["not an article"]"#),
        "articles.json: [0]: expected an article object, found the string \"not an article\"\n1 problem found"
    );
}

#[test]
fn a_missing_field_names_the_article_and_the_field() {
    let json = format!(
        r#"{{"articles": [{}, {}, {}, {}]}}"#,
        entry(""),
        entry(r#""id": 2"#),
        entry(r#""id": 3"#),
        entry(r#""id": 360001, "locale": "fr", "title": "REMOVE""#)
    );
    assert_eq!(
        error(&json),
        "articles.json: articles[3] (id 360001): missing field \"title\"\n1 problem found"
    );
    let json = format!("[{}]", entry(r#""id": "REMOVE", "body": "REMOVE""#));
    assert_eq!(
        error(&json),
        "articles.json: [0]: missing field \"id\"\narticles.json: [0]: missing field \"body\"\n2 problems found"
    );
}

#[test]
fn a_wrong_type_names_the_field_and_what_was_found() {
    let cases = [
        (
            r#""id": "360001""#,
            r#"[0]: field "id" must be a whole number, found the string "360001""#,
        ),
        (
            r#""id": -4"#,
            r#"[0]: field "id" must be a whole number, found the number -4"#,
        ),
        (
            r#""body": null"#,
            r#"[0] (id 360001): field "body" must be a string, found null"#,
        ),
        (
            r#""title": ["a"]"#,
            r#"[0] (id 360001): field "title" must be a string, found an array"#,
        ),
        (
            r#""title": "   ""#,
            r#"[0] (id 360001): field "title" is empty"#,
        ),
        (
            r#""section_id": 1.5"#,
            r#"[0] (id 360001): field "section_id" must be a whole number, found the number 1.5"#,
        ),
        (
            r#""label_names": "a,b""#,
            r#"[0] (id 360001): field "label_names" must be an array of strings, found the string "a,b""#,
        ),
        (
            r#""label_names": ["a", 2]"#,
            r#"[0] (id 360001): field "label_names[1]" must be a string, found the number 2"#,
        ),
        (
            r#""user_segment_id": "everyone""#,
            r#"[0] (id 360001): field "user_segment_id" must be a whole number or null, found the string "everyone""#,
        ),
        (
            r#""draft": "no""#,
            r#"[0] (id 360001): field "draft" must be true or false, found the string "no""#,
        ),
        (
            r#""updated_at": "yesterday""#,
            r#"[0] (id 360001): field "updated_at" must be an ISO 8601 timestamp like "2024-03-05T10:20:30Z", found "yesterday""#,
        ),
        (
            r#""updated_at": "2024-03-05junk""#,
            r#"[0] (id 360001): field "updated_at" must be an ISO 8601 timestamp like "2024-03-05T10:20:30Z", found "2024-03-05junk""#,
        ),
    ];
    for (change, expected) in cases {
        let json = format!("[{}]", entry(change));
        assert_eq!(
            error(&json),
            format!("articles.json: {expected}\n1 problem found"),
            "{change}"
        );
    }
}

#[test]
fn every_unsupported_locale_is_listed() {
    let json = format!(
        "[{}, {}, {}, {}]",
        entry(r#""locale": "es""#),
        entry(r#""id": 2, "locale": "pt-pt""#),
        entry(r#""id": 3, "locale": "ja", "draft": true"#),
        entry(r#""id": 4, "locale": "de-at""#),
    );
    assert_eq!(
        error(&json),
        "articles.json: [0] (id 360001): locale \"es\" is not one of the help center's locales (en-*, fr-*, de-*, pt-br)\n\
         articles.json: [1] (id 2): locale \"pt-pt\" is not one of the help center's locales (en-*, fr-*, de-*, pt-br)\n\
         2 problems found"
    );
}

#[test]
fn the_same_id_twice_in_one_locale_is_an_error() {
    let json = format!(
        "[{}, {}]",
        entry(r#""locale": "en-us""#),
        entry(r#""locale": "en-gb""#)
    );
    assert_eq!(
        error(&json),
        "articles.json: [1] (id 360001): a second en entry for this id (the first is [0])\n1 problem found"
    );
}

#[test]
fn only_drafts_is_an_error() {
    let json = format!("[{}]", entry(r#""draft": true"#));
    assert_eq!(
        error(&json),
        "articles.json: no published article to import (1 draft(s) and 0 untranslated article(s) skipped)"
    );
}

#[test]
fn a_non_empty_output_is_refused_unless_forced_then_replaced_whole() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    std::fs::create_dir_all(out.join("articles/en")).unwrap();
    std::fs::write(out.join("articles/en/old.md"), "old").unwrap();

    let err = index_builder::import_zendesk(&fixture(), &out, false).unwrap_err();
    assert!(matches!(err, ZendeskError::OutputNotEmpty { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "{} exists and is not empty; refusing to replace it without --force",
            out.display()
        )
    );
    assert!(out.join("articles/en/old.md").exists(), "left as it was");

    index_builder::import_zendesk(&fixture(), &out, true).unwrap();
    assert!(!out.join("articles/en/old.md").exists(), "replaced whole");
    assert!(out.join(format!("articles/en/{PAYOUT_ID}.md")).exists());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["content"], "no temporary folder is left behind");

    // An empty folder needs no --force.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    index_builder::import_zendesk(&fixture(), &empty, false).unwrap();
}

#[test]
fn a_bad_export_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("bad.json");
    std::fs::write(&input, format!("[{}]", entry(r#""locale": "es""#))).unwrap();
    let out = dir.path().join("content");
    let err = index_builder::import_zendesk(&input, &out, false).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "{}: [0] (id 360001): locale \"es\"",
            input.display()
        )),
        "{err}"
    );
    assert!(!out.exists());
    let err =
        index_builder::import_zendesk(&dir.path().join("missing.json"), &out, false).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "{}: cannot read:",
            dir.path().join("missing.json").display()
        )),
        "{err}"
    );
}

#[test]
fn the_command_prints_a_summary_and_the_folder_checks() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_index-builder"))
            .args(args)
            .output()
            .unwrap()
    };
    let result = run(&[
        "import",
        "zendesk",
        fixture().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(
        stdout.starts_with("imported 6 article(s) in 3 locale(s) (en, fr, pt-BR) into "),
        "{stdout}"
    );
    assert!(
        stdout.trim_end().ends_with("; 1 draft(s) skipped"),
        "{stdout}"
    );

    let result = run(&["check", out.to_str().unwrap()]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );

    let result = run(&[
        "import",
        "zendesk",
        fixture().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!result.status.success());
    assert!(
        String::from_utf8_lossy(&result.stderr).contains("refusing to replace it without --force")
    );
}
