//! The differential test: the build side (elasticlunr-rs with the shared
//! trimmer) and the query side (`help_core::text`, which the widget runs in
//! wasm) must turn every token into the same term.
//!
//! It runs over every token of the example help center, of a paragraph in
//! each other language (`fixtures/languages/<code>.txt`, one per stemmed
//! language and one unstemmed), over every stop word of every language,
//! and, when the benchmark corpus is present beside the repository
//! (`../shared/corpus`), over all of it too.

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

#[test]
fn both_pipelines_agree_on_a_paragraph_of_every_other_language() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/languages");
    let mut covered = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let code = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let language = Language::from_locale(&code);
        let checked = compare(
            language,
            &text,
            &mut BTreeSet::new(),
            &path.display().to_string(),
        );
        assert!(checked > 40, "only {checked} distinct tokens in {code}");
        // Both sides stem (or keep) the words alike, and actually stem them:
        // a pipeline that stemmed nothing on either side would agree too.
        let build = BuildAnalyzer::new(language);
        let words: Vec<String> = build
            .tokenize(&text)
            .iter()
            .map(|t| help_core::text::trim(t, language).to_string())
            .filter(|w| !w.is_empty() && !language.is_stop_word(w))
            .collect();
        let terms = build.terms(&text);
        assert_eq!(words.len(), terms.len(), "{code}");
        let stemmed = words.iter().zip(&terms).filter(|(w, t)| w != t).count();
        if language.is_stemmed() {
            assert!(stemmed >= 10, "{code}: only {stemmed} words stemmed");
        } else {
            assert_eq!(stemmed, 0, "{code} is unstemmed");
        }
        covered.insert(language);
    }
    // With the example content's English, French, German and Portuguese,
    // every language the pipelines know is covered.
    for language in Language::ALL {
        let in_example = ["en", "fr", "de", "pt"].contains(&language.code());
        assert!(
            in_example || covered.contains(&language),
            "no paragraph in {language:?} under {}",
            dir.display()
        );
    }
}

#[test]
fn both_pipelines_agree_on_every_stop_word_of_every_language() {
    for language in Language::ALL {
        let build = BuildAnalyzer::new(language);
        let query = Analyzer::new(language);
        for word in language.stop_words() {
            assert_eq!(build.term(word), query.term(word), "{language:?} {word:?}");
            // A few listed words ("stb." in Hungarian) keep punctuation the
            // trimmer strips first, so no token ever matches them; the rest
            // are dropped.
            if help_core::text::trim(word, language) == *word {
                assert_eq!(query.term(word), None, "{language:?} stop word {word:?}");
            }
        }
        // Uppercase and punctuated, as text has them.
        let sentence: Vec<String> = language
            .stop_words()
            .iter()
            .map(|w| format!("«{}»,", w.to_uppercase()))
            .collect();
        let sentence = sentence.join(" ");
        assert_eq!(
            build.terms(&sentence),
            query.terms(&sentence),
            "{language:?}"
        );
    }
}
