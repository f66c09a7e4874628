//! The query engine: ranks a locale's articles for what the reader typed.
//!
//! It is sans-IO: [`LocaleIndex`] says which files a query needs
//! ([`LocaleIndex::shards_needed`], [`LocaleIndex::chunks_needed`]), the
//! caller fetches them however it can (the widget over HTTP, the CLI from
//! disk) and hands the bytes back, then the index ranks and presents.
//!
//! - Scores are BM25F: each posting's impact (field-weighted, saturated,
//!   see [`crate::build::FieldWeights`]) times the term's IDF.
//! - The last word of a query that does not end in a space is unfinished
//!   and also matches as a prefix.
//! - A word of 5 letters or more that matches nothing tolerates one typo
//!   (an insertion, deletion, substitution or swap of neighbours), except in
//!   its first letter.
//! - Articles matching every word rank before those matching only some.
//! - An optional route boosts articles whose `contexts` cover it.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::format::{DecodeError, DocChunk, DocRecord, LocaleRoot, TermEntry, TermList, TermShard};
use crate::text::{Analyzer, Language, tokens, trim};

/// The query-time knobs of the ranking. [`RankingWeights::default`] is what
/// the widget uses.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingWeights {
    /// Factor for a word matched only as the prefix of a longer term.
    /// Range `0.0..=1.0`; default 0.75, so a whole-word match outranks it.
    pub prefix_factor: f32,
    /// Factor for a word matched only with one typo. Range `0.0..=1.0`;
    /// default 0.5.
    pub typo_factor: f32,
    /// Score multiplier for articles whose `contexts` cover the current
    /// route. Range `1.0..=5.0`; `1` turns context off. Default 1.5.
    pub context_boost: f32,
}

impl Default for RankingWeights {
    fn default() -> RankingWeights {
        RankingWeights {
            prefix_factor: 0.75,
            typo_factor: 0.5,
            context_boost: 1.5,
        }
    }
}

/// What to search for besides the query itself.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOptions {
    /// The most results to return. Default 10.
    pub limit: usize,
    /// The dashboard route the reader is on, such as `/reports/daily`.
    pub context: Option<String>,
    /// The ranking knobs.
    pub weights: RankingWeights,
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions {
            limit: 10,
            context: None,
            weights: RankingWeights::default(),
        }
    }
}

/// One ranked article, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The document number within its locale.
    pub doc: u32,
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
    /// A passage of the article around the matched words.
    pub snippet: String,
    /// Byte ranges of matched words within `snippet`.
    pub snippet_marks: Vec<Range<usize>>,
    /// Byte ranges of matched words within `title`.
    pub title_marks: Vec<Range<usize>>,
    /// Whether only signed-in publishers may see the article.
    pub signed_in: bool,
}

/// A query, analyzed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    words: Vec<QueryWord>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct QueryWord {
    /// The analyzed term, or `None` for a stop word.
    term: Option<String>,
    /// The word lowercased and trimmed, for prefix and typo matching.
    word: String,
    /// Whether the word may still be growing (last word, no trailing space).
    prefix: bool,
}

impl Query {
    /// Whether the query has no word to look for.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Analyzes `text` as typed into a search box.
    pub fn parse(analyzer: &Analyzer, text: &str) -> Query {
        let ranges: Vec<(usize, usize)> = tokens(text).collect();
        let unfinished = ranges.last().is_some_and(|&(_, end)| end == text.len());
        let count = ranges.len();
        let words = ranges
            .into_iter()
            .enumerate()
            .filter_map(|(i, (start, end))| {
                let lower = text[start..end].to_lowercase();
                let word = trim(&lower, analyzer.language()).to_string();
                let prefix = unfinished && i + 1 == count && !word.is_empty();
                let term = analyzer.term(&lower);
                // A finished stop word carries no meaning; an unfinished one
                // may be the start of a real word ("the" on its way to "theme").
                (term.is_some() || prefix).then_some(QueryWord { term, word, prefix })
            })
            .collect();
        Query { words }
    }
}

/// Whether `a` and `b` are at most one edit apart: an insertion, deletion,
/// substitution, or swap of two neighbouring letters.
pub fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return false;
    }
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if common == a.len() {
        return true; // equal, or `b` has one more letter at the end
    }
    let (ra, rb) = (&a[common..], &b[common..]);
    if a.len() == b.len() {
        ra[1..] == rb[1..]
            || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else {
        ra == &rb[1..]
    }
}

/// Whether some prefix of `term` is within one edit of `word`.
fn prefix_within_one_edit(word: &[char], term: &[char]) -> bool {
    let lo = word.len().saturating_sub(1);
    let hi = (word.len() + 1).min(term.len());
    (lo..=hi).any(|n| n <= term.len() && within_one_edit(word, &term[..n]))
}

/// Whether a route pattern from an article's `contexts` covers `route`.
///
/// `/reports/*` covers `/reports` and everything below it; any other pattern
/// must equal the route. Query strings, fragments and a trailing slash on
/// the route are ignored.
pub fn context_matches(pattern: &str, route: &str) -> bool {
    let route = route.split(['?', '#']).next().unwrap_or(route);
    let route = if route.len() > 1 {
        route.trim_end_matches('/')
    } else {
        route
    };
    match pattern.strip_suffix("/*") {
        Some(base) => {
            route == base || (route.starts_with(base) && route[base.len()..].starts_with('/'))
        }
        None => pattern == route || (pattern.len() > 1 && pattern.trim_end_matches('/') == route),
    }
}

/// How specific a pattern is: exact routes beat wildcards, longer beats shorter.
fn specificity(pattern: &str) -> (usize, bool) {
    let exact = !pattern.ends_with("/*");
    let segments = pattern
        .trim_end_matches("/*")
        .split('/')
        .filter(|s| !s.is_empty())
        .count();
    (segments, exact)
}

/// How a term matched a query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MatchKind {
    Exact,
    Prefix,
    Typo,
}

/// The context terms that could cover `route`, with how specific each
/// pattern is: the route itself, and `/*` under each of its ancestors.
fn route_terms(route: &str) -> Vec<(String, (usize, bool))> {
    let route = route.split(['?', '#']).next().unwrap_or(route);
    let route = if route.len() > 1 {
        route.trim_end_matches('/')
    } else {
        route
    };
    let mut patterns = vec![route.to_string()];
    let segments: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
    for depth in 0..=segments.len() {
        patterns.push(format!("/{}/*", segments[..depth].join("/")).replace("//", "/"));
    }
    patterns
        .into_iter()
        .map(|p| (crate::build::context_term(&p), specificity(&p)))
        .collect()
}

/// A file that a query needs before it can be ranked or shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// A term shard, with postings.
    Shard(usize),
    /// A shard's term list, to look for typos.
    Vocab(usize),
    /// A doc chunk, to show results.
    Chunk(usize),
}

/// A locale's index, filled in as the files a query needs arrive.
#[derive(Debug)]
pub struct LocaleIndex {
    root: LocaleRoot,
    analyzer: Analyzer,
    shards: Vec<Option<TermShard>>,
    vocabs: Vec<Option<TermList>>,
    chunks: Vec<Option<DocChunk>>,
}

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

/// Whether index `term` is one typo away from the query word: from its
/// stem, from the word as typed (for an unfinished word, from a prefix of
/// the term), or from the word less a suffix the stemmer would have cut.
fn is_typo_of(word: &[char], stem: &[char], unfinished: bool, term: &[char]) -> bool {
    within_one_edit(stem, term)
        || (unfinished && prefix_within_one_edit(word, term))
        || (term.len() >= 4
            && (word.len().saturating_sub(3)..word.len())
                .any(|k| k >= 4 && within_one_edit(&word[..k], term)))
}

/// The most completions an unfinished word expands to. A short prefix such
/// as "c" may complete to thousands of terms; the most frequent ones carry
/// nearly all of the ranking, at a fraction of the cost.
const MAX_COMPLETIONS: usize = 64;

/// Keeps exact and typo matches, and only the [`MAX_COMPLETIONS`] most
/// frequent completions (ties by term order, so results are stable).
fn keep_most_frequent_completions(matched: &mut Vec<(&TermEntry, MatchKind)>) {
    let completions = matched
        .iter()
        .filter(|(_, k)| *k == MatchKind::Prefix)
        .count();
    if completions <= MAX_COMPLETIONS {
        return;
    }
    let mut dfs: Vec<usize> = matched
        .iter()
        .filter(|(_, k)| *k == MatchKind::Prefix)
        .map(|(e, _)| e.postings.len())
        .collect();
    dfs.sort_unstable_by(|a, b| b.cmp(a));
    let threshold = dfs[MAX_COMPLETIONS - 1];
    let mut above = dfs.iter().filter(|&&d| d > threshold).count();
    matched.retain(|(e, k)| {
        if *k != MatchKind::Prefix || e.postings.len() > threshold {
            return true;
        }
        if e.postings.len() == threshold && above < MAX_COMPLETIONS {
            above += 1;
            return true;
        }
        false
    });
}

/// Whether an unfinished word is short enough to use its precomputed
/// prefix term rather than expanding to every completion.
fn is_short(word: &str) -> bool {
    word.chars().count() <= crate::build::PREFIX_TERM_CHARS
}

/// Words shorter than this must be typed right.
const TYPO_MIN_CHARS: usize = 5;

impl LocaleIndex {
    /// An index around a decoded root; shards and chunks come later.
    pub fn new(root: LocaleRoot) -> LocaleIndex {
        let analyzer = Analyzer::new(Language::from_locale(&root.locale));
        LocaleIndex {
            shards: vec![None; root.shards.len()],
            vocabs: vec![None; root.shards.len()],
            chunks: vec![None; root.chunk_count()],
            analyzer,
            root,
        }
    }

    /// The locale's root.
    pub fn root(&self) -> &LocaleRoot {
        &self.root
    }

    /// The analyzer for the locale's language.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Analyzes a query for this locale.
    pub fn parse(&self, text: &str) -> Query {
        Query::parse(&self.analyzer, text)
    }

    /// The file name of what `need` names.
    pub fn file(&self, need: Need) -> String {
        match need {
            Need::Shard(i) => self.root.shard_file(i),
            Need::Vocab(i) => self.root.vocab_file(i),
            Need::Chunk(i) => self.root.chunk_file(i),
        }
    }

    /// Stores the bytes of what `need` names.
    pub fn insert(&mut self, need: Need, bytes: &[u8]) -> Result<(), DecodeError> {
        match need {
            Need::Shard(i) => self.shards[i] = Some(TermShard::decode(bytes, self.root.doc_count)?),
            Need::Vocab(i) => self.vocabs[i] = Some(TermList::decode(bytes)?),
            Need::Chunk(i) => {
                let chunk = DocChunk::decode(bytes)?;
                let first = i as u32 * self.root.chunk_docs;
                if chunk.first_doc != first || chunk.docs.len() > self.root.chunk_docs as usize {
                    return Err(DecodeError::Corrupt {
                        what: "doc chunk",
                        reason: format!("it does not hold the documents of chunk {i}"),
                    });
                }
                self.chunks[i] = Some(chunk);
            }
        }
        Ok(())
    }

    fn loaded(&self, need: Need) -> bool {
        match need {
            Need::Shard(i) => self.shards[i].is_some(),
            Need::Vocab(i) => self.vocabs[i].is_some(),
            Need::Chunk(i) => self.chunks[i].is_some(),
        }
    }

    /// The next files `query` needs before [`LocaleIndex::rank`] can rank
    /// it fully; empty once everything is there. Call it again after
    /// inserting what it asked for: a word that matches nothing asks, in a
    /// second round, for the term lists where its typo may be, and then for
    /// the shards of the terms found there.
    pub fn needs(&self, query: &Query, context: Option<&str>) -> Vec<Need> {
        let mut direct = BTreeSet::new();
        for (term, _) in context.map(route_terms).unwrap_or_default() {
            direct.insert(self.root.shard_for(&term));
        }
        for w in &query.words {
            if let Some(term) = &w.term {
                direct.insert(self.root.shard_for(term));
            }
            // A short prefix first looks for its precomputed prefix term;
            // only where the index has none does it expand.
            let short = w.prefix && is_short(&w.word);
            if short {
                direct.insert(self.root.shard_for(&crate::build::prefix_term(&w.word)));
            }
            if w.prefix && !(short && self.prefix_term_present(&w.word) != Some(false)) {
                if let Some(term) = &w.term {
                    direct.extend(self.root.shards_for_prefix(term));
                }
                direct.extend(self.root.shards_for_prefix(&w.word));
            }
        }
        let missing: Vec<Need> = direct
            .into_iter()
            .map(Need::Shard)
            .filter(|&n| !self.loaded(n))
            .collect();
        if !missing.is_empty() {
            return missing;
        }
        let mut vocab = BTreeSet::new();
        let mut shards = BTreeSet::new();
        for w in query
            .words
            .iter()
            .filter(|w| self.direct_matches(w).is_empty())
        {
            let (candidates, unread) = self.typo_candidates(w);
            vocab.extend(unread.into_iter().map(Need::Vocab));
            shards.extend(
                candidates
                    .iter()
                    .map(|t| Need::Shard(self.root.shard_for(t))),
            );
        }
        let vocab: Vec<Need> = vocab.into_iter().filter(|&n| !self.loaded(n)).collect();
        if !vocab.is_empty() {
            return vocab;
        }
        shards.into_iter().filter(|&n| !self.loaded(n)).collect()
    }

    /// The shards that say which articles suit `route`, not loaded yet.
    pub fn needs_for_route(&self, route: &str) -> Vec<Need> {
        let mut terms: Vec<String> = route_terms(route).into_iter().map(|(t, _)| t).collect();
        terms.push(crate::build::STARTER_TERM.to_string());
        let set: BTreeSet<Need> = terms
            .iter()
            .map(|t| Need::Shard(self.root.shard_for(t)))
            .collect();
        set.into_iter().filter(|&n| !self.loaded(n)).collect()
    }

    /// The chunks the top `limit` documents of `ranking` need.
    pub fn needs_for_hits(&self, ranking: &Ranking, limit: usize) -> Vec<Need> {
        let set: BTreeSet<Need> = ranking
            .docs
            .iter()
            .take(limit)
            .map(|r| Need::Chunk(self.root.chunk_for(r.doc)))
            .collect();
        set.into_iter().filter(|&n| !self.loaded(n)).collect()
    }

    /// The chunks that hold `docs` and are not loaded yet.
    pub fn needs_for_docs(&self, docs: impl IntoIterator<Item = u32>) -> Vec<Need> {
        let set: BTreeSet<Need> = docs
            .into_iter()
            .map(|d| Need::Chunk(self.root.chunk_for(d)))
            .collect();
        set.into_iter().filter(|&n| !self.loaded(n)).collect()
    }

    /// The shard that says which document has the id `id`, if not loaded.
    pub fn needs_for_id(&self, id: &str) -> Vec<Need> {
        let need = Need::Shard(self.root.shard_for(&crate::build::id_term(id)));
        if self.loaded(need) {
            Vec::new()
        } else {
            vec![need]
        }
    }

    /// The document with the id `id`, once [`LocaleIndex::needs_for_id`]
    /// is satisfied; `None` if there is no such article.
    pub fn doc_by_id(&self, id: &str) -> Option<u32> {
        self.entry(&crate::build::id_term(id))?
            .postings
            .first()
            .map(|&(doc, _)| doc)
    }

    /// Document `doc`, if its chunk is loaded.
    pub fn doc(&self, doc: u32) -> Option<&DocRecord> {
        self.chunks
            .get(self.root.chunk_for(doc))?
            .as_ref()?
            .get(doc)
    }

    /// Every document whose chunk is loaded, with its number.
    pub fn loaded_docs(&self) -> impl Iterator<Item = (u32, &DocRecord)> {
        self.chunks.iter().flatten().flat_map(|c| {
            c.docs
                .iter()
                .enumerate()
                .map(move |(i, d)| (c.first_doc + i as u32, d))
        })
    }

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
        self.entry(crate::build::STARTER_TERM)
            .map(|e| e.postings.iter().map(|&(d, _)| d).collect())
            .unwrap_or_default()
    }

    /// Whether the index has a prefix term for `prefix`: `None` until the
    /// shard that would hold it is loaded.
    fn prefix_term_present(&self, prefix: &str) -> Option<bool> {
        let term = crate::build::prefix_term(prefix);
        let shard = self.shards.get(self.root.shard_for(&term))?.as_ref()?;
        Some(shard.get(&term).is_some())
    }

    fn entry(&self, term: &str) -> Option<&TermEntry> {
        self.shards
            .get(self.root.shard_for(term))?
            .as_ref()?
            .get(term)
    }

    /// The terms matching `w` exactly or, if unfinished, as a prefix, in
    /// the shards loaded so far.
    fn direct_matches(&self, w: &QueryWord) -> Vec<(&TermEntry, MatchKind)> {
        let mut matched: Vec<(&TermEntry, MatchKind)> = Vec::new();
        if let Some(entry) = w.term.as_deref().and_then(|t| self.entry(t)) {
            matched.push((entry, MatchKind::Exact));
        }
        let precomputed = (w.prefix && is_short(&w.word))
            .then(|| self.entry(&crate::build::prefix_term(&w.word)))
            .flatten();
        if let Some(entry) = precomputed {
            matched.push((entry, MatchKind::Prefix));
        } else if w.prefix {
            let mut prefixes = vec![w.word.as_str()];
            if let Some(term) = w.term.as_deref().filter(|t| *t != w.word) {
                prefixes.push(term);
            }
            for prefix in prefixes {
                for i in self.root.shards_for_prefix(prefix) {
                    let Some(shard) = &self.shards[i] else {
                        continue;
                    };
                    for entry in shard.with_prefix(prefix) {
                        if !matched.iter().any(|(e, _)| e.term == entry.term) {
                            matched.push((entry, MatchKind::Prefix));
                        }
                    }
                }
            }
        }
        matched
    }

    /// Index terms one typo away from `w` (sharing its first letter), from
    /// loaded shards or term lists, and the term lists still to read.
    fn typo_candidates(&self, w: &QueryWord) -> (Vec<String>, Vec<usize>) {
        let chars: Vec<char> = w.word.chars().collect();
        if chars.len() < TYPO_MIN_CHARS {
            return (Vec::new(), Vec::new());
        }
        let stem: Vec<char> = w.term.as_deref().unwrap_or(&w.word).chars().collect();
        let first = chars[0].to_string();
        let mut candidates = Vec::new();
        let mut unread = Vec::new();
        for i in self.root.shards_for_prefix(&first) {
            let terms: Box<dyn Iterator<Item = &str>> = match (&self.shards[i], &self.vocabs[i]) {
                (Some(shard), _) => {
                    Box::new(shard.with_prefix(&first).iter().map(|e| e.term.as_str()))
                }
                (None, Some(list)) => Box::new(
                    list.terms
                        .iter()
                        .map(String::as_str)
                        .filter(|t| t.starts_with(&first)),
                ),
                (None, None) => {
                    unread.push(i);
                    continue;
                }
            };
            for term in terms {
                let term_chars: Vec<char> = term.chars().collect();
                if is_typo_of(&chars, &stem, w.prefix, &term_chars) {
                    candidates.push(term.to_string());
                }
            }
        }
        (candidates, unread)
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

    /// The top `limit` ranked documents as hits, with snippets and marks.
    /// Documents whose chunk is not loaded are skipped.
    pub fn present(&self, ranking: &Ranking, limit: usize) -> Vec<SearchHit> {
        let firsts = first_letters(ranking);
        ranking
            .docs
            .iter()
            .take(limit)
            .filter_map(|r| {
                let record = self.doc(r.doc)?;
                let title_marks = self.marks_with(&record.title, ranking, &firsts);
                let (snippet, snippet_marks) = self.snippet(record, ranking, &firsts);
                Some(SearchHit {
                    doc: r.doc,
                    id: record.id.clone(),
                    title: record.title.clone(),
                    category: record.category.clone(),
                    score: r.score,
                    matched_words: r.matched_words,
                    snippet,
                    snippet_marks,
                    title_marks,
                    signed_in: record.signed_in,
                })
            })
            .collect()
    }

    /// Byte ranges of the words in `text` that the ranking matched.
    pub fn marks(&self, text: &str, ranking: &Ranking) -> Vec<Range<usize>> {
        self.marks_with(text, ranking, &first_letters(ranking))
    }

    /// [`LocaleIndex::marks`], with the ranking's [`first_letters`] worked
    /// out once by the caller rather than once per text.
    fn marks_with(
        &self,
        text: &str,
        ranking: &Ranking,
        firsts: &BTreeSet<char>,
    ) -> Vec<Range<usize>> {
        let language = self.analyzer.language();
        let mut marks = Vec::new();
        for (start, end) in tokens(text) {
            let raw = &text[start..end];
            let (s, e) = crate::text::trim_range(raw, language);
            let Some(first) = raw[s..e].chars().next() else {
                continue;
            };
            if !firsts.contains(&fold_first(first.to_lowercase().next().unwrap_or(first))) {
                continue;
            }
            let word = raw[s..e].to_lowercase();
            let hit = ranking
                .prefixes
                .iter()
                .any(|p| word.starts_with(p.as_str()))
                || self
                    .analyzer
                    .term(&word)
                    .is_some_and(|t| ranking.terms.contains(&t));
            if hit {
                marks.push(start + s..start + e);
            }
        }
        marks
    }

    /// About [`SNIPPET_BYTES`] of the article's text around its densest
    /// cluster of matched words, with the marks inside it.
    fn snippet(
        &self,
        record: &DocRecord,
        ranking: &Ranking,
        firsts: &BTreeSet<char>,
    ) -> (String, Vec<Range<usize>>) {
        let text = record.text.as_str();
        let marks = self.marks_with(text, ranking, firsts);
        if marks.is_empty() {
            let source = record.summary.as_deref().unwrap_or(text);
            let end = cut(source, SNIPPET_BYTES);
            let mut s = source[..end].trim_end().to_string();
            if end < source.len() {
                s.push('…');
            }
            let m = self.marks_with(&s, ranking, firsts);
            return (s, m);
        }
        // The window start (a mark) that covers the most marks.
        let (mut best_start, mut best_count) = (0, 0);
        for (i, m) in marks.iter().enumerate() {
            let count = marks[i..]
                .iter()
                .take_while(|n| n.end <= m.start + SNIPPET_BYTES)
                .count();
            if count > best_count {
                (best_start, best_count) = (i, count);
            }
        }
        // Start a little before the first mark, at a word boundary.
        let anchor = marks[best_start].start;
        let mut start = anchor.saturating_sub(SNIPPET_BYTES / 4);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        if start > 0 {
            start = text[start..anchor]
                .find(char::is_whitespace)
                .map_or(anchor, |i| start + i + 1);
        }
        let end = start + cut(&text[start..], SNIPPET_BYTES);
        let (lead, trail) = (
            if start > 0 { "…" } else { "" },
            if end < text.len() { "…" } else { "" },
        );
        let body = text[start..end].trim_end();
        let snippet = format!("{lead}{body}{trail}");
        let shift = lead.len();
        let marks = marks
            .into_iter()
            .filter(|m| m.start >= start && m.end <= start + body.len())
            .map(|m| m.start - start + shift..m.end - start + shift)
            .collect();
        (snippet.replace('\n', " "), marks)
    }

    /// Ranks and presents in one go, fetching what is missing through
    /// `fetch(file_name)`. For native callers (the CLI, tests, benchmarks).
    pub fn search_with<E>(
        &mut self,
        text: &str,
        options: &SearchOptions,
        mut fetch: impl FnMut(&str) -> Result<Vec<u8>, E>,
    ) -> Result<Vec<SearchHit>, FetchError<E>> {
        let query = self.parse(text);
        loop {
            let needs = self.needs(&query, options.context.as_deref());
            if needs.is_empty() {
                break;
            }
            self.fetch_all(&needs, &mut fetch)?;
        }
        let ranking = self.rank(&query, options);
        let needs = self.needs_for_hits(&ranking, options.limit);
        self.fetch_all(&needs, &mut fetch)?;
        Ok(self.present(&ranking, options.limit))
    }

    fn fetch_all<E>(
        &mut self,
        needs: &[Need],
        fetch: &mut impl FnMut(&str) -> Result<Vec<u8>, E>,
    ) -> Result<(), FetchError<E>> {
        for &need in needs {
            let bytes = fetch(&self.file(need)).map_err(FetchError::Fetch)?;
            self.insert(need, &bytes).map_err(FetchError::Decode)?;
        }
        Ok(())
    }
}

/// Why [`LocaleIndex::search_with`] failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError<E> {
    /// A file could not be fetched.
    #[error("could not fetch a bundle file: {0}")]
    Fetch(E),
    /// A fetched file could not be decoded.
    #[error(transparent)]
    Decode(DecodeError),
}

/// The first letters (folded) of every matched term and prefix. Stemming
/// every word of an article is the costly part of showing results; a stem
/// keeps its word's first letter (German umlauts aside), so only words
/// starting with one of these letters need stemming to be marked.
fn first_letters(ranking: &Ranking) -> BTreeSet<char> {
    ranking
        .terms
        .iter()
        .chain(&ranking.prefixes)
        .filter_map(|t| t.chars().next().map(fold_first))
        .collect()
}

/// A first letter with German umlauts folded, as the German stemmer folds them.
fn fold_first(c: char) -> char {
    match c {
        'ä' => 'a',
        'ö' => 'o',
        'ü' => 'u',
        other => other,
    }
}

/// The target length of a snippet, in bytes.
pub const SNIPPET_BYTES: usize = 180;

/// The largest char boundary `<= max` in `text`, preferring a space.
fn cut(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end]
        .rfind(char::is_whitespace)
        .filter(|&i| i > max / 2)
        .unwrap_or(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn one_edit_covers_insert_delete_substitute_and_swap() {
        assert!(within_one_edit(&chars("payment"), &chars("payment")));
        assert!(within_one_edit(&chars("paymnet"), &chars("payment")));
        assert!(within_one_edit(&chars("threshhold"), &chars("threshold")));
        assert!(within_one_edit(&chars("paymant"), &chars("payment")));
        assert!(within_one_edit(&chars("payments"), &chars("payment")));
        assert!(!within_one_edit(&chars("pamyetn"), &chars("payment")));
        assert!(!within_one_edit(&chars("pay"), &chars("payment")));
        assert!(prefix_within_one_edit(&chars("paymn"), &chars("payment")));
        assert!(!prefix_within_one_edit(&chars("pymnt"), &chars("payment")));
    }

    #[test]
    fn route_patterns() {
        assert!(context_matches("/reports/*", "/reports"));
        assert!(context_matches("/reports/*", "/reports/daily?x=1"));
        assert!(!context_matches("/reports/*", "/reportsx"));
        assert!(context_matches("/links/deep-link", "/links/deep-link/"));
        assert!(!context_matches("/links/deep-link", "/links"));
        assert!(context_matches("/", "/"));
        assert!(!context_matches("/", "/links"));
    }

    #[test]
    fn exact_routes_are_more_specific_than_wildcards() {
        assert!(specificity("/links/deep-link") > specificity("/links/*"));
        assert!(specificity("/links/*") > specificity("/"));
        assert!(specificity("/links") > specificity("/links/*"));
    }
}
