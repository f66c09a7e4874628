//! The content README's tables are the parser's contract. Front matter:
//! every key it lists is one the parser knows, required exactly when it
//! says so, and the parser knows no key the table leaves out. UI strings:
//! exactly the keys `support.toml`'s `[strings]` accepts, each with the
//! placeholders it takes.

use std::path::Path;

use index_builder::parse_article;

/// The rows of the README's tables under the heading `## {title}`: the
/// trimmed cells of each line that starts with a backticked key.
fn rows(title: &str) -> Vec<Vec<String>> {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center/README.md");
    let text = std::fs::read_to_string(readme).unwrap();
    let heading = format!("## {title}\n");
    let (_, section) = text
        .split_once(&heading)
        .unwrap_or_else(|| panic!("no `## {title}` in the README"));
    let section = section.split("\n## ").next().unwrap_or_default();
    section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| line.split('|').map(|c| c.trim().to_string()).collect())
        .collect()
}

/// `(key, required)` for each row of the README's front-matter table.
fn documented_keys() -> Vec<(String, bool)> {
    rows("Front matter")
        .into_iter()
        .filter_map(|cells| {
            let key = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let required = match cells.get(2)?.as_str() {
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

#[test]
fn the_readme_documents_every_ui_string_and_its_placeholders() {
    let documented: Vec<(String, String)> = rows("UI strings")
        .into_iter()
        .map(|cells| (cells[1].trim_matches('`').to_string(), cells[2].clone()))
        .collect();
    let known: Vec<(String, String)> = help_core::ui_strings::UI_STRINGS
        .iter()
        .map(|s| {
            let args = if s.args.is_empty() {
                "plain text".to_string()
            } else {
                s.args.join(", then ")
            };
            (s.key.to_string(), args)
        })
        .collect();
    assert_eq!(documented, known);
    // And the README's example is a valid `[strings]` table.
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center/README.md");
    let text = std::fs::read_to_string(readme).unwrap();
    let example = text
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a TOML example in the README");
    let support =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center/support.toml");
    let support = std::fs::read_to_string(support).unwrap() + "\n" + example;
    let data = index_builder::parse_support(Path::new("support.toml"), &support)
        .unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(
        data.strings.0["es"]["search_placeholder"],
        "Buscar en la ayuda"
    );
}
