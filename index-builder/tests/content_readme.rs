//! The content README's tables are the parsers' contract: the front-matter
//! table, and the `support.toml` tables of a schedule, its windows and its
//! closures. Every key a table lists is one the parser knows, required
//! exactly when it says so, and the parser knows no key the table leaves
//! out. UI strings: exactly the keys `support.toml`'s `[strings]` accepts,
//! each with the placeholders it takes.

use std::path::Path;

use index_builder::{parse_article, parse_support};

/// `(key, required)` for each row of the README's table whose header's
/// first cell is `header`.
fn documented_keys_of(header: &str) -> Vec<(String, bool)> {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center/README.md");
    let text = std::fs::read_to_string(readme).unwrap();
    text.lines()
        .skip_while(|line| !line.starts_with(&format!("| {header} |")))
        .skip(1)
        .take_while(|line| line.starts_with('|'))
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

/// `(key, required)` for each row of the README's front-matter table.
fn documented_keys() -> Vec<(String, bool)> {
    documented_keys_of("key")
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
        "weight" => "10",
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

/// The keys of the parser's unknown-key message in `problems` (serde
/// says "expected one of `a`, `b`, `c`", or "expected `a` or `b`").
fn known_keys(problems: &[String]) -> Vec<String> {
    let mut known: Vec<String> = problems
        .iter()
        .find_map(|p| p.split_once(", expected "))
        .map(|(_, list)| {
            list.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_else(|| panic!("no list of known keys in {problems:?}"));
    known.sort();
    known
}

fn support_problems(text: &str) -> Vec<String> {
    match parse_support(Path::new("support.toml"), text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

/// A `support.toml` whose default schedule is `schedule`, `window` its one
/// window and `closure` its one closure, each the inside of a table.
fn support_toml(schedule: &str, window: &str, closure: &str) -> String {
    format!(
        "[hours]\n{schedule}\nopen = [{{ {window} }}]\nclosures = [{{ {closure} }}]\n\n\
         [[regions]]\nid = \"all\"\nname = \"All\"\ndefault = true\nlanguages = [\"en\"]\n\
         contacts = [{{ kind = \"phone\", number = \"+1-646-943-8200\" }}]\n\n\
         [request]\nsafe_sender_domain = \"example.com\"\n"
    )
}

/// A valid value for each documented `support.toml` key.
fn support_value(key: &str) -> &'static str {
    match key {
        "time_zone" => r#""Europe/Berlin""#,
        "language" => r#""de""#,
        "days" => r#"["mon-fri"]"#,
        "from" => r#""08:00""#,
        "to" => r#""17:00""#,
        "date" => r#""2026-12-25""#,
        "name" => r#""Erster Weihnachtstag""#,
        other => panic!("the test has no value for the documented key `{other}`"),
    }
}

#[test]
fn the_readme_documents_every_support_schedule_key_and_whether_it_is_required() {
    let schedule = documented_keys_of("schedule key");
    let window = documented_keys_of("window key");
    let closure = documented_keys_of("closure key");
    for (table, keys) in [
        ("schedule", &schedule),
        ("window", &window),
        ("closure", &closure),
    ] {
        assert!(keys.len() >= 2, "no {table} table found: {keys:?}");
    }
    // `open` and `closures` are written by `support_toml` itself.
    let inside = |keys: &[(String, bool)], without: Option<&str>, separator: &str| {
        keys.iter()
            .filter(|(k, _)| Some(k.as_str()) != without && k != "open" && k != "closures")
            .map(|(k, _)| format!("{k} = {}", support_value(k)))
            .collect::<Vec<_>>()
            .join(separator)
    };
    let text = |without: Option<&str>| {
        support_toml(
            &inside(&schedule, without, "\n"),
            &inside(&window, without, ", "),
            &inside(&closure, without, ", "),
        )
    };
    assert_eq!(support_problems(&text(None)), Vec::<String>::new());
    for (key, required) in schedule.iter().chain(&window).chain(&closure) {
        let found = match key.as_str() {
            "open" => support_problems(&text(None).replace("open = [{", "#")),
            "closures" => support_problems(&text(None).replace("closures = [{", "#")),
            _ => support_problems(&text(Some(key))),
        };
        if *required {
            let missing = format!("missing field `{key}`");
            assert!(
                found.iter().any(|p| p.contains(&missing)),
                "the README says `{key}` is required, but support.toml without it gives {found:?}"
            );
        } else {
            assert_eq!(
                found,
                Vec::<String>::new(),
                "the README says `{key}` is optional"
            );
        }
    }
    let documented = |keys: &[(String, bool)]| {
        let mut keys: Vec<String> = keys.iter().map(|(k, _)| k.clone()).collect();
        keys.sort();
        keys
    };
    let unknown =
        |from: &str, to: &str| known_keys(&support_problems(&text(None).replacen(from, to, 1)));
    assert_eq!(
        unknown("[hours]\n", "[hours]\ncolour = 1\n"),
        documented(&schedule),
        "the README's schedule keys and the parser's differ"
    );
    assert_eq!(
        unknown("open = [{ ", "open = [{ colour = 1, "),
        documented(&window),
        "the README's window keys and the parser's differ"
    );
    assert_eq!(
        unknown("closures = [{ ", "closures = [{ colour = 1, "),
        documented(&closure),
        "the README's closure keys and the parser's differ"
    );
}

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
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .find(|block| block.contains("[strings."))
        .expect("a TOML example of [strings] in the README");
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
