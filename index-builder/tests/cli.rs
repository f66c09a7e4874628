//! The `index-builder` command end to end on the example help center.

use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

fn index_builder(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_index-builder"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/help-center")
        .display()
        .to_string()
}

#[test]
fn check_validates_without_writing() {
    let (ok, stdout, stderr) = index_builder(&["check", &example()]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("article(s) in 4 locale(s), no problems"),
        "{stdout}"
    );
}

#[test]
fn build_then_search_prints_ranked_json() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("bundle");
    let out = out.to_str().unwrap();
    let (ok, _, stderr) = index_builder(&["build", &example(), "--out", out]);
    assert!(ok, "{stderr}");

    let (ok, stdout, stderr) = index_builder(&["search", out, "find my sid", "--json"]);
    assert!(ok, "{stderr}");
    let hits: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(hits[0]["id"], "find-site-id");
    assert_eq!(hits[0]["title"], "Find your Site ID (SID)");
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    assert!(
        hits.iter().all(|h| h.as_object().unwrap().len() == 4),
        "exactly id, title, score and sections"
    );
    let sections = hits[0]["sections"].as_array().unwrap();
    assert!(
        sections
            .iter()
            .all(|s| s["anchor"].is_string() && s["heading"].is_string()),
        "{sections:?}"
    );

    let (ok, stdout, _) =
        index_builder(&["search", out, "lien profond", "--locale", "fr", "--json"]);
    assert!(ok);
    let hits: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let top: Vec<&str> = hits
        .iter()
        .take(2)
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert!(top.contains(&"deep-links"), "{stdout}");

    // The context lifts the article for the reader's page.
    let (_, plain, _) = index_builder(&["search", out, "report", "--json"]);
    let (_, in_context, _) = index_builder(&[
        "search",
        out,
        "report",
        "--context",
        "/reports/time-zone",
        "--json",
    ]);
    assert_ne!(plain, in_context);

    // A signed-in article is not in the public bundle.
    let (_, stdout, _) = index_builder(&["search", out, "close my account", "--json"]);
    let hits: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert!(hits.iter().all(|h| h["id"] != "close-account"), "{stdout}");
}

#[test]
fn searching_a_missing_bundle_names_the_file() {
    let (ok, _, stderr) = index_builder(&["search", "/nonexistent/bundle", "sid"]);
    assert!(!ok);
    assert!(
        stderr.starts_with("error: /nonexistent/bundle/manifest.json: "),
        "{stderr}"
    );
}

/// `index-builder search … | head -1`: the reader of the output goes away
/// before everything is written. The command ends quietly, as Unix tools do.
#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    use std::process::Stdio;
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("bundle");
    let (ok, _, stderr) = index_builder(&["build", &example(), "--out", out.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    for args in [
        vec!["search", "payment"],
        vec!["search", "payment", "--json"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_index-builder"))
            .args(&args[..1])
            .arg(&out)
            .args(&args[1..])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the read end at once: every write the command makes fails.
        drop(child.stdout.take());
        let result = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(
            result.status.success(),
            "{args:?}: {:?} {stderr}",
            result.status
        );
        assert!(stderr.is_empty(), "{args:?} wrote to stderr: {stderr}");
    }
}

/// The first number after `marker` in `text`.
fn number_before(text: &str, marker: &str) -> usize {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker:?} in {text:?}"));
    let digits: String = text[..at]
        .trim_end()
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

/// `check` and `build` count articles the same way: by id, however many
/// translations each has; the public build says how many signed-in ones
/// it left out.
#[test]
fn check_and_build_agree_on_the_counts() {
    let (ok, check, stderr) = index_builder(&["check", &example()]);
    assert!(ok, "{stderr}");
    let articles = number_before(&check, " article(s)");
    let files = number_before(&check, " files");
    let signed_in = number_before(&check, " signed-in");
    // 54 articles in English; the other files are their translations.
    let on_disk = std::fs::read_dir(Path::new(&example()).join("articles"))
        .unwrap()
        .flat_map(|locale| std::fs::read_dir(locale.unwrap().path()).unwrap())
        .filter(|f| {
            f.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|e| e == "md")
        })
        .count();
    assert_eq!((articles, files), (54, on_disk), "{check}");
    assert!(on_disk > articles, "{check}");
    assert!(signed_in > 0, "{check}");

    let dir = TempDir::new().unwrap();
    let out = dir.path().join("bundle");
    let out = out.to_str().unwrap();
    let (ok, all, stderr) =
        index_builder(&["build", &example(), "--out", out, "--audience", "signed-in"]);
    assert!(ok, "{stderr}");
    assert_eq!(number_before(&all, " article(s)"), articles, "{all}");
    assert_eq!(number_before(&all, " files"), files, "{all}");

    let (ok, public, stderr) = index_builder(&["build", &example(), "--out", out]);
    assert!(ok, "{stderr}");
    assert_eq!(
        number_before(&public, " article(s)"),
        articles - signed_in,
        "{public}"
    );
    assert_eq!(number_before(&public, " signed-in"), signed_in, "{public}");
}

/// A widget folder shaped like `target/widget-assets`.
fn fake_widget(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("help-widget.js"),
        "!function(){var a=__HW_APP__}();",
    )
    .unwrap();
    std::fs::write(dir.join("help-widget.d.ts"), "export {};").unwrap();
    std::fs::write(
        dir.join("help-widget-0123456789abcdef.js"),
        "export default 1;",
    )
    .unwrap();
    std::fs::write(dir.join("help-widget-0123456789abcdef_bg.wasm"), "\0asm").unwrap();
}

#[test]
fn init_then_dist_writes_the_public_folder_and_only_it() {
    let dir = TempDir::new().unwrap();
    let help = dir.path().join("help");
    let help = help.to_str().unwrap();
    let (ok, stdout, stderr) = index_builder(&["init", help]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("index-builder serve"), "{stdout}");
    let (ok, _, stderr) = index_builder(&["init", help]);
    assert!(!ok && stderr.contains("not empty"), "{stderr}");

    // A development build carries no widget, and says what to do.
    let public = dir.path().join("public");
    let public = public.to_str().unwrap();
    let (ok, _, stderr) = index_builder(&["dist", help, "--out", public]);
    assert!(!ok);
    assert!(
        stderr.contains("carries no widget") && stderr.contains("--widget DIR"),
        "{stderr}"
    );
    assert!(!Path::new(public).exists());

    let widget = dir.path().join("widget");
    fake_widget(&widget);
    let (ok, stdout, stderr) = index_builder(&[
        "dist",
        help,
        "--out",
        public,
        "--widget",
        widget.to_str().unwrap(),
        "--base-url",
        "https://help.example/w",
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("dist ready in"), "{stdout}");
    assert!(
        stdout.contains("<script src=\"https://help.example/w/help-widget-"),
        "{stdout}"
    );
    let loader = std::fs::read_to_string(Path::new(public).join("help-widget.js")).unwrap();
    assert!(
        loader.contains("help-widget-0123456789abcdef_bg.wasm"),
        "{loader}"
    );
    assert!(Path::new(public).join("bundle/manifest.json.br").exists());

    // The signed-in folder may not sit inside the public one.
    let (ok, _, stderr) = index_builder(&[
        "dist",
        help,
        "--out",
        public,
        "--widget",
        widget.to_str().unwrap(),
        "--signed-in-out",
        &format!("{public}/private"),
    ]);
    assert!(!ok && stderr.contains("must not be inside"), "{stderr}");
}

#[test]
fn dist_reports_signed_in_articles_left_out_and_writes_them_where_asked() {
    let dir = TempDir::new().unwrap();
    let widget = dir.path().join("widget");
    fake_widget(&widget);
    let public = dir.path().join("public");
    let private = dir.path().join("private");
    let (ok, stdout, stderr) = index_builder(&[
        "dist",
        &example(),
        "--out",
        public.to_str().unwrap(),
        "--widget",
        widget.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("signed-in article file(s) left out"),
        "{stdout}"
    );
    assert!(!private.exists());
    let (ok, stdout, stderr) = index_builder(&[
        "dist",
        &example(),
        "--out",
        public.to_str().unwrap(),
        "--widget",
        widget.to_str().unwrap(),
        "--signed-in-out",
        private.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("serve it only behind your sign-in"),
        "{stdout}"
    );
    assert!(private.join("manifest.json").exists());
    assert!(private.join("README.txt").exists());
    assert!(!public.join("bundle-signed-in").exists());
}
