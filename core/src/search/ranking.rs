//! Ranking: BM25F scores over the matched terms, lowered for each query
//! word an article misses, the route as a tie-breaker; and the suggestions
//! for a route.
//!
//! The route never overrides the words typed: an article whose `contexts`
//! cover the route moves above another only when its score is within
//! [`RankingWeights::context_tie_band`](super::options::RankingWeights)
//! of that one's.

use std::collections::BTreeSet;

use crate::format::reserved::{STARTER_TERM, impact_weight};

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
    /// How many documents matched at least one word: `docs` is the best
    /// `limit` of them.
    pub total: usize,
}

impl LocaleIndex {
    /// Articles for a dashboard route: those whose most specific pattern
    /// covering it is most specific first (an exact route before a
    /// wildcard, a deeper one before a shallower one), then the author's
    /// higher `weight`, then document order (the builder's, which is
    /// stable). The getting-started articles, by weight, when nothing
    /// matches. Call [`LocaleIndex::needs_for_route`] first.
    pub fn suggestions(&self, route: &str) -> Vec<u32> {
        // (specificity, weight, doc) for every covering pattern.
        let mut matches: Vec<((usize, bool), i32, u32)> = route_terms(route)
            .into_iter()
            .filter_map(|(term, rank)| Some((rank, self.entry(&term)?)))
            .flat_map(|(rank, entry)| {
                entry
                    .postings
                    .iter()
                    .map(move |&(d, impact)| (rank, impact_weight(impact), d))
            })
            .collect();
        if matches.is_empty() {
            matches = self
                .entry(STARTER_TERM)
                .map(|e| {
                    e.postings
                        .iter()
                        .map(|&(d, impact)| ((0, false), impact_weight(impact), d))
                        .collect()
                })
                .unwrap_or_default();
        }
        // Each document's best pattern comes first: keep only that one.
        matches.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)));
        let mut seen = BTreeSet::new();
        matches.retain(|m| seen.insert(m.2));
        matches.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        matches.into_iter().map(|m| m.2).collect()
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
            // `best` is all zeros again: reuse it to mark the articles the
            // route covers. Their score grows by at most the tie band, so
            // the route only reorders articles about equally good for the
            // words typed.
            let boost = 1.0 + weights.context_tie_band.clamp(0.0, 1.0);
            for (term, _) in route_terms(route) {
                for &(doc, _) in self.entry(&term).map_or(&[][..], |e| &e.postings[..]) {
                    best[doc as usize] = boost;
                }
            }
        }
        let missing = weights.missing_word_factor.clamp(0.0, 1.0);
        let words = query.words.len();
        let coordination = |matched: u16| -> f32 {
            let missed = words.saturating_sub(usize::from(matched));
            (0..missed).fold(1.0, |f, _| f * missing)
        };
        ranking.docs = (0..docs)
            .filter(|&d| words_matched[d] > 0)
            .map(|d| {
                let boost = if best[d] > 0.0 { best[d] } else { 1.0 };
                Ranked {
                    doc: d as u32,
                    score: score[d] * boost * coordination(words_matched[d]),
                    matched_words: usize::from(words_matched[d]),
                }
            })
            .collect();
        ranking.total = ranking.docs.len();
        // Only the best `limit` are shown: select them, then sort just those.
        // With a factor of 0 every score of an article missing a word is
        // 0: the number of words matched decides first.
        let order = |a: &Ranked, b: &Ranked| {
            let by_words = if missing == 0.0 {
                b.matched_words.cmp(&a.matched_words)
            } else {
                std::cmp::Ordering::Equal
            };
            by_words
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
