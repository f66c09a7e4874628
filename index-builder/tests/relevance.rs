//! Ranking quality on the example help center: the judged queries in
//! `examples/help-center/queries.toml`, scored by mean reciprocal rank at 10.
//! The bench prints the same figure beside MiniSearch's and lunr.js's.

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
    let entry = &bundle.manifest.locales["en"];
    let locale_root = LocaleRoot::decode(&bundle.files[&entry.root]).unwrap();
    let mut total = 0.0;
    let mut missed = Vec::new();
    for j in &judged.query {
        let mut index = LocaleIndex::new(locale_root.clone());
        let hits = index
            .search_with(&j.q, &SearchOptions::default(), |name| {
                bundle.files.get(name).cloned().ok_or(())
            })
            .unwrap();
        match hits.iter().position(|h| j.relevant.contains(&h.id)) {
            Some(rank) => total += 1.0 / (rank + 1) as f64,
            None => missed.push(format!(
                "{:?} (want {:?}, got {:?})",
                j.q,
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
