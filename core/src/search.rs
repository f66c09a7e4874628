//! The query engine: ranks a locale's articles for what the reader typed.
//!
//! Scoring is BM25F: each field's term frequency is normalized by the field's
//! length, weighted, summed, then saturated once per query word. The last word
//! of a query that does not end in a space is treated as unfinished and also
//! matches as a prefix, so results appear while the reader types.

use crate::format::{Field, SearchIndex};
use crate::text::{Analyzer, words};

/// The knobs of the ranking. [`RankingWeights::default`] is what the widget uses.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingWeights {
    /// Weight of each field, indexed by [`Field`]. Range `0.0..=10.0`; `0`
    /// ignores the field and higher values make a match in it count more than
    /// a match in the others. Defaults: title 5, tags 3, summary 2, body 1.
    pub field: [f32; 4],
    /// Length normalization per field, indexed by [`Field`]. Range
    /// `0.0..=1.0`; `0` ignores length and `1` fully penalizes long fields.
    /// Default 0.75 everywhere but title (0.4: titles are all short).
    pub length_normalization: [f32; 4],
    /// Term frequency saturation (BM25's `k1`). Range `0.5..=3.0`; lower
    /// values make a second occurrence count for less. Default 1.2.
    pub saturation: f32,
    /// Factor applied to a word matched only as a prefix of a longer term.
    /// Range `0.0..=1.0`; default 0.7, so a whole-word match outranks it.
    pub prefix_factor: f32,
    /// Score multiplier for articles whose `contexts` match the current
    /// route. Range `1.0..=5.0`; `1` turns context off. Default 1.5.
    pub context_boost: f32,
}

impl Default for RankingWeights {
    fn default() -> RankingWeights {
        RankingWeights {
            field: [5.0, 3.0, 2.0, 1.0],
            length_normalization: [0.4, 0.75, 0.75, 0.75],
            saturation: 1.2,
            prefix_factor: 0.7,
            context_boost: 1.5,
        }
    }
}

/// What to search for besides the query itself.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOptions {
    /// The most results to return.
    pub limit: usize,
    /// The dashboard route the reader is on, such as `/reports/daily`.
    pub context: Option<String>,
    /// The ranking knobs.
    pub weights: RankingWeights,
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions { limit: 10, context: None, weights: RankingWeights::default() }
    }
}

/// One ranked article.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The article's stable id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its category.
    pub category: String,
    /// How well it matched; only the order of scores is meaningful.
    pub score: f32,
    /// How many of the query's words it matched.
    pub matched_words: usize,
}

struct QueryWord {
    /// The analyzed term, or `None` for a stop word.
    term: Option<String>,
    /// The lowercased word, used for prefix matching.
    word: String,
    /// Whether the word may still be growing (last word, no trailing space).
    prefix: bool,
}

fn parse_query(analyzer: &Analyzer, query: &str) -> Vec<QueryWord> {
    let ranges: Vec<(usize, usize)> = words(query).collect();
    let unfinished = ranges.last().is_some_and(|&(_, end)| end == query.len());
    let count = ranges.len();
    ranges
        .into_iter()
        .enumerate()
        .map(|(i, (start, end))| {
            let word = query[start..end].to_lowercase();
            QueryWord { term: analyzer.term(&word), word, prefix: unfinished && i + 1 == count }
        })
        // A finished stop word carries no meaning; an unfinished one may be
        // the start of a real word ("the" on its way to "theme").
        .filter(|w| w.term.is_some() || w.prefix)
        .collect()
}

/// Whether a route pattern from an article's `contexts` covers `route`.
///
/// `/reports/*` covers `/reports` and everything below it; any other pattern
/// must equal the route. Query strings, fragments and a trailing slash on the
/// route are ignored.
pub fn context_matches(pattern: &str, route: &str) -> bool {
    let route = route.split(['?', '#']).next().unwrap_or(route);
    let route = if route.len() > 1 { route.trim_end_matches('/') } else { route };
    match pattern.strip_suffix("/*") {
        Some(base) => {
            route == base || (route.starts_with(base) && route[base.len()..].starts_with('/'))
        }
        None => pattern.trim_end_matches('/') == route || pattern == route,
    }
}

impl SearchIndex {
    /// The best articles for `query`, best first.
    ///
    /// Articles that match every word come before those that match only
    /// some; within each group they are ordered by score.
    pub fn search(&self, analyzer: &Analyzer, query: &str, options: &SearchOptions) -> Vec<SearchHit> {
        let words = parse_query(analyzer, query);
        if words.is_empty() || self.docs.is_empty() {
            return Vec::new();
        }
        let weights = &options.weights;
        let n = self.docs.len() as f32;
        let mut avg_len = [0f32; 4];
        for doc in &self.docs {
            for f in Field::ALL {
                avg_len[f as usize] += doc.field_lengths[f as usize] as f32;
            }
        }
        avg_len.iter_mut().for_each(|total| *total = (*total / n).max(1.0));

        let mut scores = vec![0f32; self.docs.len()];
        let mut matched = vec![0usize; self.docs.len()];
        for word in &words {
            // Best contribution of this word per document.
            let mut best = vec![0f32; self.docs.len()];
            let mut visit = |entry_index: usize, factor: f32| {
                let entry = &self.terms[entry_index];
                let df = entry.postings.len() as f32;
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                for posting in &entry.postings {
                    let doc = &self.docs[posting.doc as usize];
                    let mut tf = 0f32;
                    for f in Field::ALL {
                        let i = f as usize;
                        if posting.tf[i] == 0 {
                            continue;
                        }
                        let b = weights.length_normalization[i];
                        let norm = 1.0 - b + b * doc.field_lengths[i] as f32 / avg_len[i];
                        tf += weights.field[i] * f32::from(posting.tf[i]) / norm;
                    }
                    let score = factor * idf * tf / (weights.saturation + tf);
                    let slot = &mut best[posting.doc as usize];
                    *slot = slot.max(score);
                }
            };
            if let Some(term) = &word.term {
                let at = self.lower_bound(term);
                if self.terms.get(at).is_some_and(|e| &e.term == term) {
                    visit(at, 1.0);
                }
            }
            if word.prefix {
                for prefix in [Some(word.word.as_str()), word.term.as_deref()].into_iter().flatten() {
                    let mut at = self.lower_bound(prefix);
                    while let Some(entry) = self.terms.get(at) {
                        if !entry.term.starts_with(prefix) {
                            break;
                        }
                        if Some(&entry.term) != word.term.as_ref() {
                            visit(at, weights.prefix_factor);
                        }
                        at += 1;
                    }
                }
            }
            for (doc, score) in best.into_iter().enumerate() {
                if score > 0.0 {
                    scores[doc] += score;
                    matched[doc] += 1;
                }
            }
        }

        let mut hits: Vec<SearchHit> = self
            .docs
            .iter()
            .enumerate()
            .filter(|&(i, _)| matched[i] > 0)
            .map(|(i, doc)| {
                let in_context = options.context.as_deref().is_some_and(|route| {
                    doc.meta.contexts.iter().any(|pattern| context_matches(pattern, route))
                });
                let boost = if in_context { weights.context_boost } else { 1.0 };
                SearchHit {
                    id: doc.meta.id.clone(),
                    title: doc.meta.title.clone(),
                    category: doc.meta.category.clone(),
                    score: scores[i] * boost,
                    matched_words: matched[i],
                }
            })
            .collect();
        hits.sort_by(|a, b| {
            b.matched_words
                .cmp(&a.matched_words)
                .then(b.score.total_cmp(&a.score))
                .then_with(|| a.id.cmp(&b.id))
        });
        hits.truncate(options.limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{ArticleMeta, IndexWriter};
    use crate::text::Language;

    fn index(articles: &[(&str, &str, &str, &[&str])]) -> (SearchIndex, Analyzer) {
        let analyzer = Analyzer::new(Language::English);
        let mut writer = IndexWriter::new("en");
        for (id, title, body, contexts) in articles {
            let terms = |text: &str| analyzer.tokens(text).into_iter().map(|t| t.term).collect();
            writer.add(
                ArticleMeta {
                    id: (*id).into(),
                    title: (*title).into(),
                    category: "test".into(),
                    contexts: contexts.iter().map(|c| (*c).into()).collect(),
                },
                [terms(title), vec![], vec![], terms(body)],
            );
        }
        (writer.finish(), analyzer)
    }

    fn ids(hits: &[SearchHit]) -> Vec<&str> {
        hits.iter().map(|h| h.id.as_str()).collect()
    }

    fn corpus() -> (SearchIndex, Analyzer) {
        index(&[
            ("sid", "Find your Site ID", "Your SID is shown on the account page.", &["/account"]),
            ("pay", "Getting paid", "Payments go out monthly once your balance passes the threshold. Your site must be approved.", &["/payments/*"]),
            ("links", "Creating links", "Build a tracking link for any page of an advertiser's site.", &["/links/*"]),
        ])
    }

    #[test]
    fn title_match_outranks_body_match() {
        let (index, analyzer) = corpus();
        let hits = index.search(&analyzer, "site id", &SearchOptions::default());
        assert_eq!(ids(&hits)[0], "sid");
    }

    #[test]
    fn documents_matching_every_word_come_first() {
        let (index, analyzer) = corpus();
        let hits = index.search(&analyzer, "site payments ", &SearchOptions::default());
        assert_eq!(ids(&hits)[0], "pay");
        assert_eq!(hits[0].matched_words, 2);
        assert!(hits[1..].iter().all(|h| h.matched_words == 1));
    }

    #[test]
    fn last_unfinished_word_matches_as_prefix() {
        let (index, analyzer) = corpus();
        assert_eq!(ids(&index.search(&analyzer, "pay", &SearchOptions::default())), ["pay"]);
        // Once the word is finished, it no longer matches longer terms.
        assert!(index.search(&analyzer, "pay ", &SearchOptions::default()).is_empty());
    }

    #[test]
    fn context_boost_lifts_articles_for_the_current_route() {
        let (index, analyzer) = corpus();
        let plain = index.search(&analyzer, "site", &SearchOptions::default());
        assert_eq!(ids(&plain)[0], "sid");
        let on_links = SearchOptions { context: Some("/links/new".into()), ..SearchOptions::default() };
        let boosted = index.search(&analyzer, "site", &on_links);
        let before = plain.iter().find(|h| h.id == "links").unwrap().score;
        let after = boosted.iter().find(|h| h.id == "links").unwrap().score;
        assert!(after > before * 1.4, "{after} vs {before}");
    }

    #[test]
    fn empty_and_stop_word_queries_find_nothing() {
        let (index, analyzer) = corpus();
        assert!(index.search(&analyzer, "", &SearchOptions::default()).is_empty());
        assert!(index.search(&analyzer, "the ", &SearchOptions::default()).is_empty());
    }

    #[test]
    fn route_patterns() {
        assert!(context_matches("/reports/*", "/reports"));
        assert!(context_matches("/reports/*", "/reports/daily?x=1"));
        assert!(!context_matches("/reports/*", "/reportsx"));
        assert!(context_matches("/links/deep-link", "/links/deep-link/"));
        assert!(!context_matches("/links/deep-link", "/links"));
    }
}
