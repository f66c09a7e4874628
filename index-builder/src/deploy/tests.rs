use std::collections::{BTreeMap, BTreeSet};
use std::io::Read as _;
use std::path::Path;

use help_core::{DocChunk, LocaleRoot, Manifest};

use super::hashed::{is_hashed, is_hashed_path};
use super::headers::{IMMUTABLE, SHORT};
use super::*;
use crate::content::{Visibility, load_content};

/// A stand-in widget whose app files carry `app_hash` and whose bytes
/// depend on `version`; its loader template is shaped like the real one.
fn widget(app_hash: &str, version: &str) -> WidgetAssets {
    let js = format!("help-widget-{app_hash}.js");
    let wasm = format!("help-widget-{app_hash}_bg.wasm");
    WidgetAssets::new(
        format!("!function(){{var a=__HW_APP__;/*{version}*/}}();"),
        b"export {};\n".to_vec(),
        (js, format!("export default {version:?};").into_bytes()),
        (wasm, format!("\0asm{version}").into_bytes()),
    )
    .unwrap()
}

fn example_content() -> Content {
    load_content(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center")).unwrap()
}

/// The starter help center: a few files, where a test needs no more
/// (precompressing the example's hundreds of files takes a while).
fn small_content() -> Content {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("help");
    crate::init::init(&dir).unwrap();
    load_content(&dir).unwrap()
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files::walk(dir)
        .unwrap()
        .into_iter()
        .map(|rel| {
            let bytes = std::fs::read(dir.join(&rel)).unwrap();
            (rel, bytes)
        })
        .collect()
}

/// Every file a bundle's manifest names, directly or through the files it
/// names: locale roots, term shards and their term lists, title lists, doc chunks,
/// article bodies, the support file.
fn files_named_by(manifest: &[u8], read: impl Fn(&str) -> Vec<u8>) -> BTreeSet<String> {
    let manifest = Manifest::from_json(manifest).unwrap();
    let mut names = BTreeSet::new();
    names.extend(manifest.support.clone());
    for entry in manifest.locales.values() {
        let root = LocaleRoot::decode(&read(&entry.root)).unwrap();
        names.insert(entry.root.clone());
        for i in 0..root.shards.len() {
            names.insert(root.shard_file(i));
            names.insert(root.vocab_file(i));
        }
        names.insert(root.titles_file());
        for i in 0..root.chunk_count() {
            let name = root.chunk_file(i);
            let chunk = DocChunk::decode(&read(&name)).unwrap();
            names.extend(chunk.docs.into_iter().map(|d| d.body_file));
            names.insert(name);
        }
    }
    names
}

/// The hashed app files (`.js`, `.wasm`) a loader names.
fn app_files_named_by(loader: &str) -> BTreeSet<String> {
    loader
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
        .filter(|t| (t.ends_with(".js") || t.ends_with(".wasm")) && is_hashed(t))
        .map(String::from)
        .collect()
}

fn dist_to(content: &Content, widget: &WidgetAssets, out: &Path) -> DistReport {
    dist(content, widget, out, &DistOptions::default()).unwrap()
}

#[test]
fn a_page_holding_the_old_version_still_reads_its_files_after_a_deploy() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dist");

    let mut content = example_content();
    dist_to(&content, &widget("1111111111111111", "v1"), &out);
    let old = snapshot(&out);

    // Version 2 changes an article, the support data and the app.
    let article = content
        .articles
        .iter_mut()
        .find(|a| a.locale == "en" && a.front.visibility == Visibility::Public)
        .unwrap();
    article.front.title.push_str(" (revised)");
    article.body_text.push_str(" Revised for version two.");
    article
        .body_html
        .push_str("<p>Revised for version two.</p>");
    content.support.as_mut().unwrap().request.safe_sender_domain = "example.org".into();
    let report = dist_to(&content, &widget("2222222222222222", "v2"), &out);
    assert!(!report.public.added.is_empty());
    let new = snapshot(&out);

    let manifest = "bundle/manifest.json";
    assert_ne!(old[manifest], new[manifest]);
    let read = |name: &str| std::fs::read(out.join("bundle").join(name)).unwrap();
    let old_files = files_named_by(&old[manifest], read);
    let new_files = files_named_by(&new[manifest], read);
    // The old manifest names roots, shards, term lists, chunks, bodies and
    // the support file, and some of them are gone from the new version:
    // the test covers a real change.
    for part in ["-root-", "-t0-", "-v0-", "-d0-", ".html", "support-"] {
        assert!(old_files.iter().any(|f| f.contains(part)), "no {part}");
    }
    assert!(old_files.difference(&new_files).count() > 5);
    for name in &old_files {
        let rel = format!("bundle/{name}");
        assert!(old.contains_key(&rel), "{rel} was never written");
        assert_eq!(new.get(&rel), old.get(&rel), "{rel} changed or vanished");
        for sibling in [format!("{rel}.br"), format!("{rel}.gz")] {
            assert_eq!(new.get(&sibling), old.get(&sibling), "{sibling}");
        }
    }

    let old_loader = String::from_utf8(old[LOADER].clone()).unwrap();
    let old_app = app_files_named_by(&old_loader);
    assert_eq!(old_app.len(), 2, "{old_app:?}");
    for name in &old_app {
        assert_eq!(new.get(name), old.get(name), "{name} changed or vanished");
    }
    assert_ne!(old[LOADER], new[LOADER]);
    // The loader carries this content's contacts, for when nothing loads.
    assert!(!old_loader.contains("example.org"));
    assert!(String::from_utf8_lossy(&new[LOADER]).contains("example.org"));

    // Nothing hashed was ever changed or removed.
    for (rel, bytes) in old.iter().filter(|(rel, _)| is_hashed_path(rel)) {
        assert_eq!(new.get(rel), Some(bytes), "{rel}");
    }

    // The integrity is the new loader's, and the headers cover both versions.
    let integrity_txt = String::from_utf8(new["integrity.txt"].clone()).unwrap();
    assert!(integrity_txt.starts_with(&integrity(&new[LOADER])));
    assert!(integrity_txt.contains(&report.script_tag));
    check_headers(
        &String::from_utf8(std::fs::read(out.join("_headers")).unwrap()).unwrap(),
        &new,
        "",
    );
}

/// Every hashed file gets exactly one immutable Cache-Control, every
/// loader and manifest exactly one short one; `private` prefixes the
/// paths cached as private.
fn check_headers(headers: &str, files: &BTreeMap<String, Vec<u8>>, private: &str) {
    let mut rules: Vec<(String, String)> = Vec::new();
    for line in headers.lines().filter(|l| !l.starts_with('#')) {
        if let Some(value) = line.trim().strip_prefix("Cache-Control: ") {
            rules.last_mut().unwrap().1 = value.to_string();
        } else if line.starts_with('/') {
            rules.push((line.to_string(), String::new()));
        }
    }
    let matches = |pattern: &str, path: &str| match pattern.strip_suffix('*') {
        Some(prefix) => format!("/{path}").starts_with(prefix),
        None => pattern == format!("/{path}"),
    };
    for path in files.keys() {
        let values: Vec<&str> = rules
            .iter()
            .filter(|(p, v)| !v.is_empty() && matches(p, path))
            .map(|(_, v)| v.as_str())
            .collect();
        let scope = if !private.is_empty() && path.starts_with(private) || private == "*" {
            "private"
        } else {
            "public"
        };
        let base = path
            .strip_suffix(".br")
            .or_else(|| path.strip_suffix(".gz"))
            .unwrap_or(path);
        if is_hashed_path(path) {
            assert_eq!(values, [format!("{scope}, {IMMUTABLE}")], "{path}");
        } else if base.ends_with(".json") || base.ends_with(".js") || base.ends_with(".ts") {
            assert_eq!(values, [format!("{scope}, {SHORT}")], "{path}");
        } else {
            assert!(values.is_empty(), "{path}: {values:?}");
        }
    }
    assert!(rules.len() < MAX_HEADER_RULES, "{} rules", rules.len());
}

#[test]
fn every_downloaded_file_has_precompressed_siblings_of_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dist");
    dist_to(&small_content(), &widget("6666666666666666", "v1"), &out);
    let files = snapshot(&out);
    let plain: Vec<&String> = files
        .keys()
        .filter(|p| !p.ends_with(".br") && !p.ends_with(".gz"))
        .collect();
    assert!(plain.len() > 10, "{plain:?}");
    for path in plain {
        if !compress::compressible(path) {
            assert!(
                ["_headers", "README.txt", "integrity.txt"].contains(&path.as_str()),
                "{path}"
            );
            continue;
        }
        let mut from_br = Vec::new();
        brotli::BrotliDecompress(&mut &files[&format!("{path}.br")][..], &mut from_br).unwrap();
        assert_eq!(from_br, files[path], "{path}.br");
        let mut from_gz = Vec::new();
        flate2::read::GzDecoder::new(&files[&format!("{path}.gz")][..])
            .read_to_end(&mut from_gz)
            .unwrap();
        assert_eq!(from_gz, files[path], "{path}.gz");
    }
}

/// Every file under `dir`, and the decompressed bytes of every sibling.
fn every_byte_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (path, bytes) in snapshot(dir) {
        if path.ends_with(".br") {
            let mut plain = Vec::new();
            brotli::BrotliDecompress(&mut &bytes[..], &mut plain).unwrap();
            out.push((path.clone(), plain));
        } else if path.ends_with(".gz") {
            let mut plain = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut plain)
                .unwrap();
            out.push((path.clone(), plain));
        }
        out.push((path, bytes));
    }
    out
}

#[test]
fn no_signed_in_byte_is_under_out() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let signed_in_out = tmp.path().join("private");
    let content = example_content();
    let report = dist(
        &content,
        &widget("7777777777777777", "v1"),
        &out,
        &DistOptions {
            signed_in_out: Some(signed_in_out.clone()),
            ..DistOptions::default()
        },
    )
    .unwrap();

    // What only signed-in articles say: their titles, and sentences of
    // their bodies that no public article has.
    let public_text: String = content
        .articles
        .iter()
        .filter(|a| a.front.visibility == Visibility::Public)
        .map(|a| format!("{} {} {}\n", a.front.title, a.body_text, a.body_html))
        .collect();
    let mut secrets = Vec::new();
    for article in content
        .articles
        .iter()
        .filter(|a| a.front.visibility == Visibility::SignedIn)
    {
        if !public_text.contains(&article.front.title) {
            secrets.push(article.front.title.clone());
        }
        secrets.extend(
            article
                .body_text
                .split(". ")
                .filter(|s| s.len() > 30 && !public_text.contains(*s))
                .map(String::from),
        );
    }
    assert!(secrets.len() > 3, "{secrets:?}");
    assert_eq!(report.signed_in_left_out, content.counts().signed_in);
    assert!(report.signed_in_left_out > 0);

    let public = every_byte_under(&out);
    assert!(public.iter().any(|(p, _)| p.ends_with("_bg.wasm")));
    for (path, bytes) in &public {
        let text = String::from_utf8_lossy(bytes);
        for secret in &secrets {
            assert!(!text.contains(secret.as_str()), "{path} holds {secret:?}");
        }
    }
    // And they are all in the signed-in folder, in the clear or not.
    let private = every_byte_under(&signed_in_out);
    for secret in &secrets[..1] {
        assert!(
            private
                .iter()
                .any(|(_, b)| String::from_utf8_lossy(b).contains(secret.as_str())),
            "{secret:?} is missing from the signed-in folder"
        );
    }
    let private_files = snapshot(&signed_in_out);
    assert!(private_files.contains_key("README.txt"));
    assert!(
        String::from_utf8_lossy(&private_files["README.txt"]).contains("NOT PUBLIC"),
        "the signed-in README says where the folder belongs"
    );
    assert!(String::from_utf8_lossy(&snapshot(&out)["README.txt"]).contains("never written here"));
    check_headers(
        &String::from_utf8(std::fs::read(signed_in_out.join("_headers")).unwrap()).unwrap(),
        &private_files,
        "*",
    );
}

#[test]
fn a_signed_in_folder_inside_the_public_one_is_refused_before_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    for inside in [
        out.join("signed-in"),
        out.clone(),
        tmp.path().join("public/../public/x"),
    ] {
        let err = dist(
            &small_content(),
            &widget("8888888888888888", "v1"),
            &out,
            &DistOptions {
                signed_in_out: Some(inside.clone()),
                ..DistOptions::default()
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("must not be inside"), "{err}");
    }
    assert!(!out.exists());
}

#[test]
fn a_signed_in_bundle_left_by_an_older_dist_is_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dist");
    std::fs::create_dir_all(out.join("bundle-signed-in")).unwrap();
    let report = dist_to(&small_content(), &widget("9999999999999999", "v1"), &out);
    assert_eq!(report.warnings.len(), 1);
    assert!(report.warnings[0].contains("bundle-signed-in"));
}

#[test]
fn a_hashed_file_with_other_bytes_fails_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dist");
    dist_to(&small_content(), &widget("3333333333333333", "v1"), &out);
    let before = snapshot(&out);

    // Same name, other bytes: a broken build, or a hash collision.
    let err = dist(
        &small_content(),
        &widget("3333333333333333", "tampered"),
        &out,
        &DistOptions::default(),
    )
    .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("help-widget-3333333333333333_bg.wasm"),
        "{message}"
    );
    assert!(message.contains("not overwritten"), "{message}");
    assert_eq!(snapshot(&out), before);
    assert!(
        files::walk(&out)
            .unwrap()
            .iter()
            .all(|f| !f.contains(".tmp"))
    );
}

#[test]
fn the_same_version_twice_adds_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dist");
    let options = DistOptions {
        base_url: "https://cdn.test/hw".into(),
        ..DistOptions::default()
    };
    let app = widget("4444444444444444", "v1");
    let first = dist(&small_content(), &app, &out, &options).unwrap();
    let second = dist(&small_content(), &app, &out, &options).unwrap();
    assert!(!first.public.added.is_empty());
    assert!(second.public.added.is_empty());
    assert_eq!(second.public.unchanged, first.public.added.len());
    let pinned = pinned_loader_name(&std::fs::read(out.join(LOADER)).unwrap());
    assert!(second.script_tag.starts_with(&format!(
        "<script src=\"https://cdn.test/hw/{pinned}\" integrity=\"sha384-"
    )));
    // The pinned loader is the loader's bytes, under a name that a later
    // deploy never reuses for other bytes.
    assert_eq!(
        std::fs::read(out.join(&pinned)).unwrap(),
        std::fs::read(out.join(LOADER)).unwrap()
    );
    assert!(is_hashed(&pinned));
    assert!(
        second
            .script_tag
            .contains("data-bundle=\"https://cdn.test/hw/bundle/\"")
    );
}

#[test]
fn a_widget_folder_without_its_app_or_with_two_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join(LOADER), "var a=__HW_APP__;").unwrap();
    std::fs::write(dir.join(TYPES), "export {};").unwrap();
    let err = WidgetAssets::from_dir(dir).unwrap_err();
    assert!(err.to_string().contains("_bg.wasm"), "{err}");
    std::fs::write(dir.join("help-widget-0123456789abcdef.js"), "x").unwrap();
    std::fs::write(dir.join("help-widget-0123456789abcdef_bg.wasm"), "x").unwrap();
    let assets = WidgetAssets::from_dir(dir).unwrap();
    assert_eq!(
        app_files_named_by(&assets.loader("null")),
        [
            "help-widget-0123456789abcdef.js",
            "help-widget-0123456789abcdef_bg.wasm"
        ]
        .into_iter()
        .map(String::from)
        .collect()
    );
    std::fs::write(dir.join("help-widget-fedcba9876543210_bg.wasm"), "y").unwrap();
    let err = WidgetAssets::from_dir(dir).unwrap_err();
    assert!(err.to_string().contains("two app files"), "{err}");
    std::fs::write(dir.join(LOADER), "var a=1;").unwrap();
    std::fs::remove_file(dir.join("help-widget-fedcba9876543210_bg.wasm")).unwrap();
    let err = WidgetAssets::from_dir(dir).unwrap_err();
    assert!(err.to_string().contains("__HW_APP__"), "{err}");
}

#[test]
fn the_loader_and_its_types_are_not_hashed() {
    assert!(!is_hashed(LOADER));
    assert!(!is_hashed(TYPES));
}

#[test]
fn header_rules_are_few_and_never_cover_an_unhashed_file() {
    let present: BTreeSet<String> = [
        LOADER,
        TYPES,
        "help-widget-0123456789abcdef.js",
        "help-widget-0123456789abcdef_bg.wasm",
        "help-widget-0123456789abcdef_bg.wasm.br",
        "bundle/manifest.json",
        "bundle/manifest.json.br",
        "bundle/en-root-0123456789abcdef.bin",
        "bundle/en-t0-0123456789abcdef.bin",
        "bundle/en-t1-fedcba9876543210.bin",
        "bundle/en/a-0123456789abcdef.html",
        "bundle/pt-BR-t0-0123456789abcdef.bin",
        "bundle/pt-BR/a-0123456789abcdef.html",
        "bundle/support-0123456789abcdef.json",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let (headers, rules) = headers::headers_file(&present, "", &[]);
    let patterns: Vec<&str> = headers.lines().filter(|l| l.starts_with('/')).collect();
    assert_eq!(
        patterns,
        [
            "/*",
            "/bundle/manifest.json*",
            "/help-widget.d.ts*",
            "/help-widget.js*",
            "/bundle/en-*",
            "/bundle/en/*",
            "/bundle/pt-*",
            "/bundle/support-*",
            "/help-widget-*",
        ]
    );
    assert_eq!(rules, patterns.len());
}

#[test]
fn integrity_is_sha384_in_base64() {
    assert_eq!(
        integrity(b""),
        "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
    );
}
