//! Bad content: every case gets its own test, and each names the file and
//! line. Through the CLI, a bad folder exits non-zero, reports every problem
//! in one run, and leaves the output folder exactly as it was.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

const GOOD: &str = "+++\nid = \"{id}\"\ntitle = \"Title of {id}\"\ncategory = \"account\"\ncontexts = [\"/account\"]\n+++\nBody of {id}.\n";

fn article(id: &str) -> String {
    GOOD.replace("{id}", id)
}

/// A content folder with the given `(relative path, contents)` files.
fn folder(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir_all(dir.path().join("articles")).unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// Every problem line, with the temporary folder's path replaced by `$DIR`.
fn problems(dir: &TempDir) -> Vec<String> {
    let err = index_builder::load_content(dir.path()).expect_err("the content is bad");
    let prefix = dir.path().display().to_string();
    err.0
        .iter()
        .map(|p| p.to_string().replace(&prefix, "$DIR"))
        .collect()
}

#[test]
fn duplicate_id() {
    let dir = folder(&[
        ("articles/en/a.md", article("same").as_bytes()),
        ("articles/en/b.md", article("same").as_bytes()),
    ]);
    assert_eq!(
        problems(&dir),
        [
            "$DIR/articles/en/b.md:2: duplicate article id `same`, already used by $DIR/articles/en/a.md"
        ]
    );
}

#[test]
fn missing_title() {
    let text = article("a").replace("title = \"Title of a\"\n", "");
    let dir = folder(&[("articles/en/a.md", text.as_bytes())]);
    assert_eq!(
        problems(&dir),
        ["$DIR/articles/en/a.md:2: missing field `title`"]
    );
}

#[test]
fn a_locale_folder_not_named_by_a_locale_tag() {
    let dir = folder(&[
        ("articles/en/a.md", article("a").as_bytes()),
        ("articles/Spanish/a.md", article("a").as_bytes()),
        ("articles/pt-br/a.md", article("a").as_bytes()),
    ]);
    assert_eq!(
        problems(&dir),
        [
            "$DIR/articles/Spanish: the folder's name must be its locale: `Spanish` is not a locale tag: \
             expected a language code such as `es`, optionally with a region such as `es-MX` \
             (lowercase language, then `-` and an uppercase region)",
            "$DIR/articles/pt-br: the folder's name must be its locale: `pt-br` is not a locale tag: \
             `br` is neither a script nor a region; expected a language code such as `es`, \
             optionally with a region such as `es-MX` (lowercase language, then `-` and an uppercase region)"
        ]
    );
}

#[test]
fn any_locale_tag_is_a_locale() {
    let dir = folder(&[
        ("articles/en/a.md", article("a").as_bytes()),
        ("articles/es/a.md", article("a").as_bytes()),
        ("articles/pl/a.md", article("a").as_bytes()),
        ("articles/pt-PT/a.md", article("a").as_bytes()),
    ]);
    let content = index_builder::load_content(dir.path()).expect("every folder is a locale");
    assert_eq!(content.locales(), ["en", "es", "pl", "pt-PT"]);
}

#[test]
fn unknown_front_matter_key() {
    let text = article("a").replace("category", "colour = \"red\"\ncategory");
    let dir = folder(&[("articles/en/a.md", text.as_bytes())]);
    let found = problems(&dir);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("$DIR/articles/en/a.md:4: unknown field `colour`, expected one of"),
        "{found:?}"
    );
}

#[test]
fn bad_route_pattern() {
    let text = article("a").replace("[\"/account\"]", "[\"/reports/*/daily\"]");
    let dir = folder(&[("articles/en/a.md", text.as_bytes())]);
    assert_eq!(
        problems(&dir),
        [
            "$DIR/articles/en/a.md:5: bad route pattern `/reports/*/daily`: `*` may only stand as the last segment, as in `/reports/*`"
        ]
    );
}

#[test]
fn link_to_a_missing_article() {
    let text = article("a").replace(
        "Body of a.",
        "Intro.\n\nSee [this](article:nope) and [that](missing.md).",
    );
    let dir = folder(&[("articles/en/a.md", text.as_bytes())]);
    assert_eq!(
        problems(&dir),
        [
            "$DIR/articles/en/a.md:9: link to missing article `nope`",
            "$DIR/articles/en/a.md:9: link to missing article file `missing.md`",
        ]
    );
}

#[test]
fn links_to_existing_articles_are_resolved() {
    let text = article("a").replace(
        "Body of a.",
        "See [b](article:b), [b again](b.md) and [out](https://example.com).",
    );
    let dir = folder(&[
        ("articles/en/a.md", text.as_bytes()),
        ("articles/en/b.md", article("b").as_bytes()),
    ]);
    let content = index_builder::load_content(dir.path()).unwrap();
    let html = &content.articles[0].body_html;
    assert!(
        html.contains(r##"<a href="#article:b" rel="noopener noreferrer">b</a>"##),
        "{html}"
    );
    assert!(
        html.contains(r##"<a href="#article:b" rel="noopener noreferrer">b again</a>"##),
        "{html}"
    );
    assert!(
        html.contains(r#"<a href="https://example.com" rel="noopener noreferrer">out</a>"#),
        "{html}"
    );
}

#[test]
fn a_file_that_is_not_utf8() {
    let mut bytes = article("a").into_bytes();
    bytes.extend_from_slice(b"line eight\ncaf\xe9\n");
    let dir = folder(&[("articles/en/a.md", &bytes)]);
    assert_eq!(
        problems(&dir),
        ["$DIR/articles/en/a.md:9: the file is not valid UTF-8; save it as UTF-8"]
    );
}

#[test]
fn an_empty_folder() {
    let dir = folder(&[]);
    assert_eq!(
        problems(&dir),
        ["$DIR: no articles found (expected articles/<locale>/*.md)"]
    );
    let none = TempDir::new().unwrap();
    let found = problems(&none);
    assert!(
        found[0].starts_with("$DIR/articles: cannot read the articles folder"),
        "{found:?}"
    );
}

#[test]
fn a_50_mb_article_is_refused_without_reading_it() {
    let dir = folder(&[("articles/en/a.md", article("a").as_bytes())]);
    let big = dir.path().join("articles/en/huge.md");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    assert_eq!(
        problems(&dir),
        [
            "$DIR/articles/en/huge.md: article is 50.0 MiB, more than the 2 MiB limit; split it into several articles"
        ]
    );
}

#[test]
fn a_bad_support_file_is_reported_with_the_articles() {
    let support = "[hours]\ntime_zone = \"GMT\"\nlanguage = \"en\"\nopen = [{ days = [\"mon\"], from = \"9am\", to = \"02:00\" }]\n\n[[regions]]\nid = \"all\"\nname = \"All\"\ndefault = true\nlanguages = [\"en\"]\ncontacts = [{ kind = \"email\", address = \"help@example.com\" }]\n\n[request]\nsafe_sender_domain = \"example.com\"\n";
    let dir = folder(&[
        ("articles/en/a.md", article("a").as_bytes()),
        ("support.toml", support.as_bytes()),
    ]);
    assert_eq!(
        problems(&dir),
        ["$DIR/support.toml:4: opening time `9am` must be a time like 09:00"]
    );
}

#[test]
fn a_translation_needs_an_english_original() {
    let dir = folder(&[
        ("articles/en/a.md", article("a").as_bytes()),
        ("articles/fr/b.md", article("b").as_bytes()),
    ]);
    assert_eq!(
        problems(&dir),
        [
            "$DIR/articles/fr/b.md:2: translation of `b`, which has no en article; translations share the English article's id"
        ]
    );
}

fn cli(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_index-builder"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// Every file under `dir` with its bytes, to prove nothing changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&path).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_cli_reports_every_problem_at_once_and_leaves_the_output_untouched() {
    let good = folder(&[("articles/en/a.md", article("a").as_bytes())]);
    let out = TempDir::new().unwrap();
    let bundle = out.path().join("bundle");
    let (code, stdout, stderr) = cli(&[
        "build".as_ref(),
        good.path().as_os_str(),
        "--out".as_ref(),
        bundle.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("built 1 article(s) in 1 locale(s)"),
        "{stdout}"
    );
    let before = snapshot(out.path());

    let bad = folder(&[
        (
            "articles/en/a.md",
            article("a")
                .replace("title = \"Title of a\"\n", "")
                .as_bytes(),
        ),
        (
            "articles/en/b.md",
            article("b")
                .replace("Body of b.", "[x](article:gone)")
                .as_bytes(),
        ),
        (
            "articles/en/c.md",
            article("c")
                .replace("[\"/account\"]", "[\"account\"]")
                .as_bytes(),
        ),
    ]);
    let (code, stdout, stderr) = cli(&[
        "build".as_ref(),
        bad.path().as_os_str(),
        "--out".as_ref(),
        bundle.as_os_str(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    let lines: Vec<String> = stderr
        .lines()
        .map(|l| l.replace(&format!("{}/", bad.path().display()), "$DIR/"))
        .collect();
    assert_eq!(
        lines,
        [
            "$DIR/articles/en/a.md:2: missing field `title`",
            "$DIR/articles/en/b.md:7: link to missing article `gone`",
            "$DIR/articles/en/c.md:5: bad route pattern `account`: a route starts with `/`",
            "3 problems found",
        ]
    );
    assert_eq!(
        snapshot(out.path()),
        before,
        "the output folder is untouched"
    );

    let (code, _, stderr) = cli(&["check".as_ref(), bad.path().as_os_str()]);
    assert_eq!(code, 1);
    assert!(stderr.ends_with("3 problems found\n"), "{stderr}");
}
