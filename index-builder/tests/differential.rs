//! The differential test: the build side (elasticlunr-rs with the shared
//! trimmer) and the query side (`help_core::text`, which the widget runs in
//! wasm) must turn every token into the same term.
//!
//! It runs over every token of the example help center and, when the
//! benchmark corpus is present beside the repository (`../shared/corpus`),
//! over all of it too.

use std::collections::BTreeSet;
use std::path::Path;

use help_core::{Analyzer, Language};
use index_builder::BuildAnalyzer;

/// Compares both pipelines on `text`, token by token, then as a whole.
fn compare(language: Language, text: &str, seen: &mut BTreeSet<String>, where_: &str) -> usize {
    let build = BuildAnalyzer::new(language);
    let query = Analyzer::new(language);
    let mut checked = 0;
    for token in build.tokenize(text) {
        if !seen.insert(token.clone()) {
            continue;
        }
        assert_eq!(
            build.term(&token),
            query.term(&token),
            "{language:?} token {token:?} in {where_}"
        );
        checked += 1;
    }
    assert_eq!(
        build.terms(text),
        query.terms(text),
        "{language:?} text of {where_}"
    );
    checked
}

#[test]
fn both_pipelines_agree_on_every_token_of_the_example_help_center() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center");
    let content = index_builder::load_content(&root).expect("the example content is valid");
    let mut seen: Vec<BTreeSet<String>> = vec![BTreeSet::new(); Language::ALL.len()];
    let mut checked = 0;
    for article in &content.articles {
        let language = Language::from_locale(&article.locale);
        let front = &article.front;
        let text = [
            front.title.as_str(),
            &front.tags.join(" "),
            front.summary.as_deref().unwrap_or(""),
            &article.body_text,
        ]
        .join("\n");
        checked += compare(
            language,
            &text,
            &mut seen[language as usize],
            &article.path.display().to_string(),
        );
    }
    assert!(checked > 2000, "only {checked} distinct tokens checked");
}

#[test]
fn both_pipelines_agree_on_every_token_of_the_benchmark_corpus() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/gnome-help.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "note: {} is absent; only the example content was compared",
            path.display()
        );
        return;
    };
    let mut seen: Vec<BTreeSet<String>> = vec![BTreeSet::new(); Language::ALL.len()];
    let mut checked = 0;
    for (n, line) in text.lines().enumerate() {
        let page: serde_json::Value = serde_json::from_str(line).expect("the corpus is JSON lines");
        let field = |k: &str| page[k].as_str().unwrap_or_default().to_string();
        let language = Language::from_locale(&field("locale"));
        let all = [field("title"), field("desc"), field("body")].join("\n");
        checked += compare(
            language,
            &all,
            &mut seen[language as usize],
            &format!("{}:{}", path.display(), n + 1),
        );
    }
    assert!(checked > 20_000, "only {checked} distinct tokens checked");
}

#[test]
fn the_two_known_trimmer_weaknesses_are_fixed_on_both_sides() {
    let fr_build = BuildAnalyzer::new(Language::French);
    let fr_query = Analyzer::new(Language::French);
    assert_eq!(fr_build.terms("l'écran"), fr_build.terms("écran"));
    assert_eq!(fr_query.terms("l’écran"), fr_query.terms("écran"));
    let en_build = BuildAnalyzer::new(Language::English);
    assert_eq!(en_build.terms("café"), ["café"]);
    assert_eq!(Analyzer::new(Language::English).terms("café"), ["café"]);
}
