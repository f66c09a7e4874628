//! Ranking: BM25F scores over the matched terms, all-words-first, the
//! route's boost; and the suggestions for a route.

use std::collections::BTreeSet;

use crate::format::reserved::STARTER_TERM;

use super::finding::{MatchKind, keep_most_frequent_completions};
use super::index::LocaleIndex;
use super::options::SearchOptions;
use super::query::Query;
use super::route::route_terms;

/// A ranked document before it is presented.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    /// The document number.
    pub doc: u32,
    /// Its score.
    pub score: f32,
    /// How many query words it matched.
    pub matched_words: usize,
}

/// The outcome of [`LocaleIndex::rank`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranking {
    /// The best documents, at most the search's `limit`, best first.
    pub docs: Vec<Ranked>,
    /// Every index term that matched, for highlighting.
    pub terms: BTreeSet<String>,
    /// Unfinished words that matched as prefixes, for highlighting.
    pub prefixes: Vec<String>,
}

impl LocaleIndex {
    /// Articles for a dashboard route, most specific match first; the
    /// getting-started articles when nothing matches. Call
    /// [`LocaleIndex::needs_for_route`] first.
    pub fn suggestions(&self, route: &str) -> Vec<u32> {
        let mut matches: Vec<((usize, bool), u32)> = route_terms(route)
            .into_iter()
            .filter_map(|(term, rank)| Some((rank, self.entry(&term)?)))
            .flat_map(|(rank, entry)| entry.postings.iter().map(move |&(d, _)| (rank, d)))
            .collect();
        matches.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut seen = BTreeSet::new();
        let docs: Vec<u32> = matches
            .into_iter()
            .map(|(_, d)| d)
            .filter(|d| seen.insert(*d))
            .collect();
        if !docs.is_empty() {
            return docs;
        }
        self.entry(STARTER_TERM)
            .map(|e| e.postings.iter().map(|&(d, _)| d).collect())
            .unwrap_or_default()
    }

    /// Ranks documents for `query` using the files loaded so far; call
    /// [`LocaleIndex::needs`] first for a full ranking.
    pub fn rank(&self, query: &Query, options: &SearchOptions) -> Ranking {
        let docs = self.root.doc_count as usize;
        let n = docs as f32;
        let weights = &options.weights;
        // Dense per-document accumulators: a few bytes per article, and no
        // tree to walk on every posting.
        let mut score = vec![0f32; docs];
        let mut words_matched = vec![0u16; docs];
        let mut best = vec![0f32; docs];
        let mut touched: Vec<u32> = Vec::new();
        let mut ranking = Ranking::default();

        for w in &query.words {
            let mut matched = self.direct_matches(w);
            if w.prefix && matched.iter().any(|(_, k)| *k == MatchKind::Prefix) {
                ranking.prefixes.push(w.word.clone());
            }
            if matched.is_empty() {
                let (candidates, _) = self.typo_candidates(w);
                matched.extend(
                    candidates
                        .iter()
                        .filter_map(|t| self.entry(t))
                        .map(|e| (e, MatchKind::Typo)),
                );
            }
            keep_most_frequent_completions(&mut matched);

            // One IDF per query word, from every document any of its terms
            // matched: a rare completion of a prefix ("id" → "identifier")
            // must not outweigh the common word actually typed.
            touched.clear();
            for (entry, _) in &matched {
                for &(doc, _) in &entry.postings {
                    if best[doc as usize] == 0.0 {
                        best[doc as usize] = f32::MIN_POSITIVE;
                        touched.push(doc);
                    }
                }
            }
            let df = touched.len() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let word_len = w.word.chars().count() as f32;
            for (entry, kind) in matched {
                ranking.terms.insert(entry.term.clone());
                let factor = match kind {
                    MatchKind::Exact => 1.0,
                    // Completions count for less the more they add to the word.
                    MatchKind::Prefix => {
                        let ratio = word_len / entry.term.chars().count().max(1) as f32;
                        weights.prefix_factor * ratio.min(1.0).sqrt()
                    }
                    MatchKind::Typo => weights.typo_factor,
                };
                let scale = factor * idf / 255.0;
                for &(doc, impact) in &entry.postings {
                    let slot = &mut best[doc as usize];
                    *slot = slot.max(scale * f32::from(impact));
                }
            }
            for &doc in &touched {
                let d = doc as usize;
                score[d] += best[d];
                words_matched[d] += 1;
                best[d] = 0.0;
            }
        }

        if let Some(route) = &options.context {
            // `best` is all zeros again: reuse it to mark boosted articles.
            for (term, _) in route_terms(route) {
                for &(doc, _) in self.entry(&term).map_or(&[][..], |e| &e.postings[..]) {
                    best[doc as usize] = weights.context_boost;
                }
            }
        }
        ranking.docs = (0..docs)
            .filter(|&d| words_matched[d] > 0)
            .map(|d| {
                let boost = if best[d] > 0.0 { best[d] } else { 1.0 };
                Ranked {
                    doc: d as u32,
                    score: score[d] * boost,
                    matched_words: usize::from(words_matched[d]),
                }
            })
            .collect();
        // Only the best `limit` are shown: select them, then sort just those.
        let order = |a: &Ranked, b: &Ranked| {
            b.matched_words
                .cmp(&a.matched_words)
                .then(b.score.total_cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        };
        if options.limit > 0 && ranking.docs.len() > options.limit {
            ranking
                .docs
                .select_nth_unstable_by(options.limit - 1, order);
            ranking.docs.truncate(options.limit);
        }
        ranking.docs.sort_by(order);
        ranking
    }
}
