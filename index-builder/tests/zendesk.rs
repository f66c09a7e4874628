//! `index-builder import zendesk`: a Zendesk Help Center export becomes a
//! content folder that loads, builds, and carries nothing unsafe.

use std::path::{Path, PathBuf};
use std::process::Command;

use help_core::Audience;
use index_builder::{BuildOptions, Content, ImportOptions, ImportReport, Visibility, ZendeskError};
use tempfile::TempDir;

const PAYOUT_ID: &str = "zd-360001-how-do-i-change-my-payout-method";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zendesk")
}

fn fixture() -> PathBuf {
    fixtures().join("articles.json")
}

/// Imports `export` into `out` with `options`.
fn import(export: &Path, out: &Path, options: &ImportOptions) -> ImportReport {
    index_builder::import_zendesk(export, out, options)
        .unwrap_or_else(|e| panic!("importing {}: {e}", export.display()))
}

/// Imports the fixture into a fresh folder and loads it.
fn imported() -> (TempDir, Content) {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    let import = import(&fixture(), &out, &ImportOptions::default()).import;
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

    let err =
        index_builder::import_zendesk(&fixture(), &out, &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, ZendeskError::OutputNotEmpty { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "{} exists and is not empty; refusing to replace it without --force",
            out.display()
        )
    );
    assert!(out.join("articles/en/old.md").exists(), "left as it was");

    let forced = ImportOptions {
        force: true,
        ..ImportOptions::default()
    };
    import(&fixture(), &out, &forced);
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
    import(&fixture(), &empty, &ImportOptions::default());
}

#[test]
fn a_bad_export_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("bad.json");
    std::fs::write(&input, format!("[{}]", entry(r#""locale": "es""#))).unwrap();
    let out = dir.path().join("content");
    let err = index_builder::import_zendesk(&input, &out, &ImportOptions::default()).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "{}: [0] (id 360001): locale \"es\"",
            input.display()
        )),
        "{err}"
    );
    assert!(!out.exists());
    let err = index_builder::import_zendesk(
        &dir.path().join("missing.json"),
        &out,
        &ImportOptions::default(),
    )
    .unwrap_err();
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
        stdout
            .lines()
            .next()
            .unwrap()
            .ends_with("; 1 draft(s) skipped"),
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

/// The text of the content file `file` under `out`.
fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

const TRACKING_FILE: &str = "articles/en/zd-360004-why-a-sale-was-not-tracked.md";
const RICH_FILE: &str = "articles/en/zd-360005-embedding-rich-content-safely.md";

#[test]
fn links_between_imported_articles_become_widget_links_whatever_their_host() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    let report = import(&fixture(), &out, &ImportOptions::default());
    let text = read(&out, TRACKING_FILE);
    assert!(
        text.contains(&format!("[payout fees](article:{PAYOUT_ID}#fees)")),
        "{text}"
    );
    assert!(
        text.contains(&format!("[the French guide](article:{PAYOUT_ID})")),
        "{text}"
    );
    // Not in the export: left absolute, and listed.
    assert!(
        text.contains(
            "[old FAQ](https://help.example.com/hc/en-us/articles/359999-Old-tracking-FAQ)"
        ),
        "{text}"
    );
    let import = &report.import;
    assert_eq!(import.internal_links, 2);
    assert_eq!(
        import.external_links,
        [(
            TRACKING_FILE.to_string(),
            "https://help.example.com/hc/en-us/articles/359999-Old-tracking-FAQ".to_string()
        )]
    );
    // Without --help-center-url, relative links and images cannot be
    // resolved (the rich article's image is `src=x`).
    assert_eq!(
        import.unresolved_links,
        [
            (
                TRACKING_FILE.to_string(),
                "/hc/en-us/sections/400-Tracking".to_string()
            ),
            (
                TRACKING_FILE.to_string(),
                "/hc/article_attachments/77/click-report.png".to_string()
            ),
            (RICH_FILE.to_string(), "x".to_string()),
        ]
    );

    // The builder opens them in the widget, the anchor kept.
    let content = index_builder::load_content(&out).unwrap();
    let tracking = article(&content, "en", "zd-360004");
    assert!(
        tracking
            .body_html
            .contains(&format!(r##"<a href="#article:{PAYOUT_ID}#fees""##)),
        "{}",
        tracking.body_html
    );
}

#[test]
fn relative_links_and_images_resolve_against_the_help_center_url() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    let options = ImportOptions {
        help_center_url: Some("https://help.example.com".into()),
        ..ImportOptions::default()
    };
    let report = import(&fixture(), &out, &options);
    assert!(
        report.import.unresolved_links.is_empty(),
        "{:?}",
        report.import.unresolved_links
    );
    assert_eq!(
        report.import.internal_links, 2,
        "imported articles stay in the widget"
    );
    let text = read(&out, TRACKING_FILE);
    assert!(
        text.contains(
            "[the Tracking section](https://help.example.com/hc/en-us/sections/400-Tracking)"
        ),
        "{text}"
    );
    let content = index_builder::load_content(&out).unwrap();
    let tracking = article(&content, "en", "zd-360004");
    assert!(
        tracking.body_html.contains(
            r#"<img src="https://help.example.com/hc/article_attachments/77/click-report.png" alt="The click report" loading="lazy" decoding="async">"#
        ),
        "{}",
        tracking.body_html
    );

    let bad = ImportOptions {
        help_center_url: Some("help.example.com".into()),
        ..ImportOptions::default()
    };
    let err = index_builder::import_zendesk(&fixture(), &dir.path().join("other"), &bad)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("--help-center-url: \"help.example.com\" is not a URL"),
        "{err}"
    );
    assert!(!dir.path().join("other").exists());
}

#[test]
fn sections_name_the_categories_in_each_locale() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    let options = ImportOptions {
        sections: Some(fixtures().join("sections.json")),
        ..ImportOptions::default()
    };
    let report = import(&fixture(), &out, &options);
    let content = index_builder::load_content(&out).unwrap();
    assert_eq!(
        article(&content, "en", "zd-360001").front.category,
        "Payments"
    );
    assert_eq!(
        article(&content, "fr", "zd-360001").front.category,
        "Paiements"
    );
    assert_eq!(article(&content, "en", "zd-360003").front.category, "Taxes");
    assert_eq!(
        article(&content, "pt-BR", "zd-360003").front.category,
        "Taxes",
        "no Portuguese name: the English one"
    );
    assert_eq!(
        article(&content, "en", "zd-360004").front.category,
        "Tracking"
    );
    // Section 500 is not in the list.
    assert_eq!(
        article(&content, "en", "zd-360005").front.category,
        "section-500"
    );
    assert_eq!(
        report.import.unknown_sections.iter().collect::<Vec<_>>(),
        [&500]
    );
    assert!(
        report.to_string().contains(
            "1 section(s) without a name, filed as section-<id> (give --sections with their names):\n  section 500\n"
        ),
        "{report}"
    );

    let bad = dir.path().join("sections.json");
    std::fs::write(&bad, r#"{"sections": [{"id": 100, "name": 7}]}"#).unwrap();
    let options = ImportOptions {
        sections: Some(bad.clone()),
        ..ImportOptions::default()
    };
    let err = index_builder::import_zendesk(&fixture(), &dir.path().join("other"), &options)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "{}: sections[0] (id 100): field \"name\" must be a string, found the number 7\n1 problem found",
            bad.display()
        )
    );
}

/// The fixture with `edit` applied to its entries.
fn edited_export(dir: &Path, edit: impl FnOnce(&mut Vec<serde_json::Value>)) -> PathBuf {
    let mut root: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture()).unwrap()).unwrap();
    edit(root["articles"].as_array_mut().unwrap());
    let path = dir.join("edited.json");
    std::fs::write(&path, root.to_string()).unwrap();
    path
}

fn update(force: bool) -> ImportOptions {
    ImportOptions {
        update: true,
        force,
        ..ImportOptions::default()
    }
}

#[test]
fn an_update_adds_new_articles_rewrites_changed_ones_and_leaves_the_rest() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    import(&fixture(), &out, &ImportOptions::default());
    assert!(out.join(index_builder::IMPORT_RECORD).is_file());

    // The same export again changes nothing.
    let again = import(&fixture(), &out, &update(false));
    assert_eq!(again.written.unchanged.len(), 6);
    assert!(again.written.added.is_empty() && again.written.updated.is_empty());

    // A title changed (the id stays, so links to it still hold), a body
    // changed, an article added.
    let export = edited_export(dir.path(), |articles| {
        articles[0]["title"] = "How do I switch payout methods?".into();
        articles[5]["body"] = "<p>Ad blockers, mostly.</p>".into();
        let mut new = articles[5].clone();
        new["id"] = 360006.into();
        new["title"] = "Cookie lengths".into();
        articles.push(new);
    });
    let report = import(&export, &out, &update(false));
    assert_eq!(
        report.written.updated,
        [
            format!("articles/en/{PAYOUT_ID}.md"),
            TRACKING_FILE.to_string()
        ]
    );
    assert_eq!(
        report.written.added,
        ["articles/en/zd-360006-cookie-lengths.md"]
    );
    assert_eq!(report.written.unchanged.len(), 4);
    assert!(report.to_string().contains(
        "update: 1 added, 2 updated, 4 unchanged, 0 kept as edited by hand, 0 overwritten\n"
    ));
    let payout = read(&out, &format!("articles/en/{PAYOUT_ID}.md"));
    assert!(
        payout.contains("title = \"How do I switch payout methods?\""),
        "{payout}"
    );
    assert!(read(&out, TRACKING_FILE).contains("Ad blockers, mostly."));
    index_builder::load_content(&out).unwrap();
}

#[test]
fn an_update_keeps_files_edited_by_hand_unless_forced() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    import(&fixture(), &out, &ImportOptions::default());
    // An author narrows the contexts of one article, and adds one of their own.
    let file = out.join(TRACKING_FILE);
    let edited =
        read(&out, TRACKING_FILE).replace("contexts = [\"/support\"]", "contexts = [\"/reports\"]");
    std::fs::write(&file, &edited).unwrap();
    std::fs::write(
        out.join("articles/en/own.md"),
        "+++\nid = \"own\"\ntitle = \"Our own\"\ncategory = \"c\"\ncontexts = []\n+++\nMine.\n",
    )
    .unwrap();

    let export = edited_export(dir.path(), |articles| {
        articles[5]["body"] = "<p>Ad blockers, mostly.</p>".into();
    });
    let report = import(&export, &out, &update(false));
    assert_eq!(
        report.written.kept,
        [(
            TRACKING_FILE.to_string(),
            "edited since the last import".to_string()
        )]
    );
    assert!(report.written.updated.is_empty());
    assert_eq!(read(&out, TRACKING_FILE), edited, "the hand edit is kept");
    assert!(
        out.join("articles/en/own.md").exists(),
        "the author's own article stays"
    );
    let summary = report.to_string();
    assert!(
        summary.contains(&format!(
            "1 file(s) kept as they are, edited by hand (--force overwrites them):\n  {TRACKING_FILE}: edited since the last import\n"
        )),
        "{summary}"
    );

    // Still detected as edited the next time, then overwritten with --force.
    let report = import(&export, &out, &update(false));
    assert_eq!(report.written.kept.len(), 1);
    let report = import(&export, &out, &update(true));
    assert_eq!(report.written.overwritten, [TRACKING_FILE]);
    assert!(read(&out, TRACKING_FILE).contains("Ad blockers, mostly."));
    assert!(out.join("articles/en/own.md").exists());
    let report = import(&export, &out, &update(false));
    assert_eq!(
        report.written.unchanged.len(),
        6,
        "written by the importer again"
    );
}

#[test]
fn an_update_without_the_import_record_overwrites_nothing() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    import(&fixture(), &out, &ImportOptions::default());
    std::fs::remove_file(out.join(index_builder::IMPORT_RECORD)).unwrap();
    let before = read(&out, TRACKING_FILE);
    let export = edited_export(dir.path(), |articles| {
        articles[5]["body"] = "<p>Ad blockers, mostly.</p>".into();
    });
    let report = import(&export, &out, &update(false));
    assert_eq!(
        report.written.kept,
        [(
            TRACKING_FILE.to_string(),
            "not written by the importer (no entry in the import record)".to_string()
        )]
    );
    assert_eq!(
        report.written.unchanged.len(),
        5,
        "identical files need no record"
    );
    assert_eq!(read(&out, TRACKING_FILE), before);
}

#[test]
fn an_update_merges_into_an_existing_help_center() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center");
    copy(&example, &out);
    let before = index_builder::load_content(&out).unwrap().articles.len();

    let report = import(&fixture(), &out, &update(false));
    assert_eq!(report.written.added.len(), 6);
    let content = index_builder::load_content(&out).unwrap();
    assert_eq!(content.articles.len(), before + 6);
    assert_eq!(
        read(&out, "support.toml"),
        std::fs::read_to_string(example.join("support.toml")).unwrap()
    );
    // The folder names its categories: the sections are filed by slug and
    // added to its categories.toml, after the author's own entries.
    let own = std::fs::read_to_string(example.join("categories.toml")).unwrap();
    let categories = read(&out, "categories.toml");
    assert!(categories.starts_with(&own), "{categories}");
    let payout = article(&content, "en", "zd-360001");
    assert_eq!(payout.front.category, "section-100");
    let listed = &content.categories.listed;
    let section = listed.iter().find(|c| c.slug == "section-100").unwrap();
    assert_eq!(section.names["en"], "Section 100");
    assert_eq!(
        listed.len(),
        own.matches("[[categories]]").count() + 4,
        "{categories}"
    );
    // Named sections get their names per locale.
    let named = dir.path().join("named");
    copy(&example, &named);
    let options = ImportOptions {
        sections: Some(fixtures().join("sections.json")),
        ..update(false)
    };
    import(&fixture(), &named, &options);
    let content = index_builder::load_content(&named).unwrap();
    let names = &content
        .categories
        .listed
        .iter()
        .find(|c| c.slug == "section-300")
        .unwrap()
        .names;
    assert_eq!(names["en"], "Taxes", "{names:?}");
    assert_eq!(
        names.len(),
        2,
        "en and pt-BR articles are in section 300: {names:?}"
    );

    // An article deleted from Zendesk is left in place, and said.
    let export = edited_export(dir.path(), |articles| {
        articles.retain(|a| a["id"] != 360005);
    });
    let report = import(&export, &out, &update(false));
    assert_eq!(report.written.not_in_export, [RICH_FILE]);
    assert_eq!(
        index_builder::load_content(&out).unwrap().articles.len(),
        before + 6
    );
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn the_summary_lists_what_could_not_be_mapped_with_counts() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("content");
    let result = Command::new(env!("CARGO_BIN_EXE_index-builder"))
        .args(["import", "zendesk"])
        .arg(fixture())
        .arg("--out")
        .arg(&out)
        .args(["--sections"])
        .arg(fixtures().join("sections.json"))
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let stdout = String::from_utf8_lossy(&result.stdout);
    let expected = format!(
        "imported 6 article(s) in 3 locale(s) (en, fr, pt-BR) into {}; 1 draft(s) skipped\n\
         2 link(s) between imported articles made in-widget links\n\
         1 link(s) to Zendesk articles not in the export, kept as web links:\n  \
         {TRACKING_FILE}: https://help.example.com/hc/en-us/articles/359999-Old-tracking-FAQ\n\
         3 relative link(s) or image(s) left unresolved, as written (give --help-center-url to resolve them):\n  \
         {TRACKING_FILE}: /hc/en-us/sections/400-Tracking\n  \
         {TRACKING_FILE}: /hc/article_attachments/77/click-report.png\n  \
         {RICH_FILE}: x\n\
         1 section(s) without a name, filed as section-<id> (give --sections with their names):\n  \
         section 500\n",
        out.display()
    );
    assert_eq!(stdout, expected);
}

#[test]
fn votes_carry_over_as_the_starting_helpful_counts() {
    let (_dir, content) = imported();
    // vote_sum 3 of vote_count 3: three up; -2 of 6: two up, four down.
    let payout = article(&content, "en", "zd-360001").front.votes.unwrap();
    assert_eq!((payout.helpful, payout.total), (3, 3));
    let tracking = article(&content, "en", "zd-360004").front.votes.unwrap();
    assert_eq!((tracking.helpful, tracking.total), (2, 6));
    assert_eq!(
        article(&content, "fr", "zd-360001").front.votes,
        None,
        "no votes given"
    );

    // The bundle carries them to the widget.
    let bundle = index_builder::build_bundle(&content, &BuildOptions::default(), &mut || {});
    let records: Vec<help_core::DocRecord> = bundle
        .files
        .iter()
        .filter(|(name, _)| name.starts_with("en-d"))
        .flat_map(|(_, bytes)| help_core::DocChunk::decode(bytes).unwrap().docs)
        .collect();
    let votes = |prefix: &str| {
        records
            .iter()
            .find(|r| r.id.starts_with(prefix))
            .unwrap_or_else(|| panic!("no record {prefix}"))
            .votes
    };
    assert_eq!(
        votes("zd-360004"),
        Some(help_core::Votes {
            helpful: 2,
            total: 6
        })
    );
    assert_eq!(votes("zd-360005"), None);
}

#[test]
fn votes_that_do_not_add_up_name_the_fields() {
    for (change, sum, count) in [
        (r#""vote_sum": 4, "vote_count": 3"#, 4, 3),
        (r#""vote_sum": -1, "vote_count": 2"#, -1, 2),
    ] {
        assert_eq!(
            error(&format!("[{}]", entry(change))),
            format!(
                "articles.json: [0] (id 360001): fields \"vote_sum\" ({sum}) and \"vote_count\" ({count}) disagree: \
                 the sum of up (+1) and down (-1) votes is at most the count, and differs from it by an even number\n1 problem found"
            )
        );
    }
    assert_eq!(
        error(&format!("[{}]", entry(r#""vote_sum": "3""#))),
        "articles.json: [0] (id 360001): field \"vote_sum\" must be a whole number or null, found the string \"3\"\n1 problem found"
    );
    // No votes at all writes no `votes`.
    let json = format!("[{}]", entry(r#""vote_sum": 0, "vote_count": 0"#));
    let import = index_builder::convert_zendesk(Path::new("a.json"), json.as_bytes()).unwrap();
    assert!(!import.files.values().next().unwrap().contains("votes"));
}
