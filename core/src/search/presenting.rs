//! Presenting: ranked documents as hits, with a snippet around the matched
//! words and the byte ranges to mark in the title and the snippet.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::format::DocRecord;
use crate::text::{tokens, trim_range};

use super::index::{LocaleIndex, Need};
use super::options::SearchHit;
use super::ranking::Ranking;

impl LocaleIndex {
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
                    category_name: record.category_name.clone(),
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

    /// Byte ranges of the words in `text` that the ranking matched, with
    /// the ranking's [`first_letters`] worked out once by the caller rather
    /// than once per text.
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
            let (s, e) = trim_range(raw, language);
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
const SNIPPET_BYTES: usize = 180;

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
