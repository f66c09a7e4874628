//! Ranking quality on the example help center: the judged queries in
//! `examples/help-center/queries.toml`, scored by mean reciprocal rank at 10.
//! The bench prints the same figure beside MiniSearch's and lunr.js's.
//!
//! A query may carry the dashboard `route` the reader is on and the
//! `locale` of the index it searches (default `en`): the route must only
//! break ties, never bury the article the words ask for.

use std::path::Path;

use help_core::{Audience, LocaleIndex, LocaleRoot, SearchOptions};
use index_builder::BuildOptions;
use serde::Deserialize;

#[derive(Deserialize)]
struct Judged {
    query: Vec<JudgedQuery>,
}

#[derive(Deserialize)]
struct JudgedQuery {
    q: String,
    relevant: Vec<String>,
    #[serde(default)]
    route: Option<String>,
    #[serde(default)]
    locale: Option<String>,
    /// Whether a relevant article must come first (a route query's
    /// answer must otherwise be in the top three).
    #[serde(default)]
    must_be_first: bool,
}

/// MRR@10 of the engine on the judged queries, and the queries it missed.
fn mrr() -> (f64, Vec<String>, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center");
    let judged: Judged =
        toml::from_str(&std::fs::read_to_string(root.join("queries.toml")).unwrap()).unwrap();
    let content = index_builder::load_content(&root).unwrap();
    let options = BuildOptions {
        audience: Audience::SignedIn,
        ..BuildOptions::default()
    };
    let bundle = index_builder::build_bundle(&content, &options, &mut || {});
    let mut total = 0.0;
    let mut missed = Vec::new();
    for j in &judged.query {
        let locale = j.locale.as_deref().unwrap_or("en");
        let entry = &bundle.manifest.locales[locale];
        let mut index = LocaleIndex::new(LocaleRoot::decode(&bundle.files[&entry.root]).unwrap());
        let options = SearchOptions {
            context: j.route.clone(),
            ..SearchOptions::default()
        };
        let hits = index
            .search_with(&j.q, &options, |name| {
                bundle.files.get(name).cloned().ok_or(())
            })
            .unwrap()
            .hits;
        match hits.iter().position(|h| j.relevant.contains(&h.id)) {
            Some(0) => total += 1.0,
            Some(rank) => {
                total += 1.0 / (rank + 1) as f64;
                missed.push(format!(
                    "{:?} on {:?} in {locale}: first relevant at {} (got {:?})",
                    j.q,
                    j.route,
                    rank + 1,
                    hits.iter().take(3).map(|h| &h.id).collect::<Vec<_>>()
                ));
            }
            None => missed.push(format!(
                "{:?} on {:?} in {locale} (want {:?}, got {:?})",
                j.q,
                j.route,
                j.relevant,
                hits.iter().take(3).map(|h| &h.id).collect::<Vec<_>>()
            )),
        }
    }
    (
        total / judged.query.len() as f64,
        missed,
        judged.query.len(),
    )
}

#[test]
fn judged_queries_rank_a_relevant_article_near_the_top() {
    let (mrr, missed, n) = mrr();
    println!("MRR@10 over {n} judged queries: {mrr:.3}");
    for m in &missed {
        println!("  missed: {m}");
    }
    assert!(n >= 60, "the judged set has at least 60 queries");
    assert!(mrr >= 0.90, "MRR@10 fell to {mrr:.3}; missed: {missed:#?}");
}

/// The judged queries that carry a route: the route may break ties but
/// must not bury the answer, so each ranks a relevant article in the top
/// three (the three cases of issue 11 among them, each first).
#[test]
fn a_route_never_buries_the_answer_to_the_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/help-center");
    let judged: Judged =
        toml::from_str(&std::fs::read_to_string(root.join("queries.toml")).unwrap()).unwrap();
    let content = index_builder::load_content(&root).unwrap();
    let options = BuildOptions {
        audience: Audience::SignedIn,
        ..BuildOptions::default()
    };
    let bundle = index_builder::build_bundle(&content, &options, &mut || {});
    let routed: Vec<&JudgedQuery> = judged.query.iter().filter(|j| j.route.is_some()).collect();
    assert!(
        routed.len() >= 10,
        "at least 10 judged queries carry a route"
    );
    let mut wrong = Vec::new();
    for j in routed {
        let locale = j.locale.as_deref().unwrap_or("en");
        let entry = &bundle.manifest.locales[locale];
        let mut index = LocaleIndex::new(LocaleRoot::decode(&bundle.files[&entry.root]).unwrap());
        let options = SearchOptions {
            context: j.route.clone(),
            ..SearchOptions::default()
        };
        let hits = index
            .search_with(&j.q, &options, |name| {
                bundle.files.get(name).cloned().ok_or(())
            })
            .unwrap()
            .hits;
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        let first = ids.iter().position(|id| j.relevant.iter().any(|r| r == id));
        let needed = if j.must_be_first { 1 } else { 3 };
        if first.is_none_or(|rank| rank >= needed) {
            wrong.push(format!(
                "{:?} on {:?} in {locale}: {:?}",
                j.q,
                j.route,
                &ids[..ids.len().min(5)]
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
