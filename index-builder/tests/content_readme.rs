//! The content README's front-matter table is the parser's contract: every
//! key it lists is one the parser knows, required exactly when it says so,
//! and the parser knows no key the table leaves out.

use std::path::Path;

use index_builder::parse_article;

/// `(key, required)` for each row of the README's front-matter table.
fn documented_keys() -> Vec<(String, bool)> {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center/README.md");
    let text = std::fs::read_to_string(readme).unwrap();
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let key = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let required = match *cells.get(2)? {
                "required" => true,
                "optional" => false,
                other => panic!("`{key}` is neither required nor optional: {other:?}"),
            };
            Some((key.to_string(), required))
        })
        .collect()
}

/// One line of front matter giving `key` a valid value.
fn line_for(key: &str) -> String {
    let value = match key {
        "id" => r#""payouts""#,
        "title" => r#""Change your payout method""#,
        "category" => r#""payments""#,
        "contexts" => r#"["/payments"]"#,
        "summary" => r#""Pick how you are paid.""#,
        "tags" => r#"["payout", "bank"]"#,
        "visibility" => r#""signed-in""#,
        "video" => r#"{ url = "https://videos.example.com/payouts.mp4", duration = "2:20" }"#,
        "updated" => "2026-10-14",
        "votes" => "{ helpful = 12, total = 15 }",
        other => panic!("the test has no value for the documented key `{other}`"),
    };
    format!("{key} = {value}\n")
}

fn article(keys: &[(String, bool)], without: Option<&str>) -> String {
    let mut text = String::from("+++\n");
    for (key, _) in keys.iter().filter(|(k, _)| Some(k.as_str()) != without) {
        text.push_str(&line_for(key));
    }
    text + "+++\nOpen **Payments** > **Settings**.\n"
}

fn problems(text: &str) -> Vec<String> {
    match parse_article(Path::new("articles/en/payouts.md"), "en", text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_readme_documents_every_front_matter_key_and_whether_it_is_required() {
    let keys = documented_keys();
    assert!(keys.len() >= 4, "no front-matter table found: {keys:?}");
    assert_eq!(problems(&article(&keys, None)), Vec::<String>::new());
    for (key, required) in &keys {
        let found = problems(&article(&keys, Some(key)));
        if *required {
            let missing = format!("missing field `{key}`");
            assert!(
                found.iter().any(|p| p.contains(&missing)),
                "the README says `{key}` is required, but an article without it gives {found:?}"
            );
        } else {
            assert_eq!(
                found,
                Vec::<String>::new(),
                "the README says `{key}` is optional"
            );
        }
    }
    // The parser's own list of the keys it knows, from its unknown-key error.
    let unknown = problems(&article(&keys, None).replacen("+++\n", "+++\ncolour = 1\n", 1));
    let known: Vec<String> = unknown
        .iter()
        .find_map(|p| p.split_once("expected one of "))
        .map(|(_, list)| {
            list.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_else(|| panic!("no list of known keys in {unknown:?}"));
    let mut documented: Vec<String> = keys.into_iter().map(|(k, _)| k).collect();
    documented.sort();
    let mut known = known;
    known.sort();
    assert_eq!(
        documented, known,
        "the README's keys and the parser's differ"
    );
}
