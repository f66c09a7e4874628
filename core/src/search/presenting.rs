//! Presenting: ranked documents as hits, with a snippet around the matched
//! words and the byte ranges to mark in the title and the snippet.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::format::DocRecord;
use crate::text::{Analyzer, tokens, trim_range};

use super::index::{LocaleIndex, Need};
use super::options::{Highlight, MAX_SECTION_HITS, SearchHit, SectionHit};
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

    /// The words `ranking` matched, to mark them in other texts.
    pub fn highlight(&self, ranking: &Ranking) -> Highlight {
        Highlight {
            language: self.analyzer.language(),
            terms: ranking.terms.clone(),
            prefixes: ranking.prefixes.clone(),
        }
    }

    /// The top `limit` ranked documents as hits, with snippets, marks and
    /// the sections the words point to. Documents whose chunk is not loaded
    /// are skipped.
    pub fn present(&self, ranking: &Ranking, limit: usize) -> Vec<SearchHit> {
        let highlight = self.highlight(ranking);
        let marker = Marker::new(&highlight);
        ranking
            .docs
            .iter()
            .take(limit)
            .filter_map(|r| {
                let record = self.doc(r.doc)?;
                let title_marks = marker.marks(&record.title);
                let text_marks = marker.marks(&record.text);
                let sections = section_hits(record, &text_marks, &marker);
                // With sections under it, the hit's own line is its summary:
                // the passages are theirs.
                let (snippet, snippet_marks) = match &record.summary {
                    Some(summary) if !sections.is_empty() => {
                        let marks = marker.marks(summary);
                        (summary.clone(), marks)
                    }
                    _ => snippet(
                        record,
                        &text_marks,
                        &marker,
                        0..record.text.len(),
                        SNIPPET_BYTES,
                    ),
                };
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
                    sections,
                })
            })
            .collect()
    }
}

impl LocaleIndex {
    /// The top `limit` ranked documents as hits from the title list alone:
    /// titles and categories as [`LocaleIndex::present`] gives them, the
    /// summary (marked) for a snippet, or none, and no sections. Empty
    /// until the title list is loaded.
    pub fn present_titles(&self, ranking: &Ranking, limit: usize) -> Vec<SearchHit> {
        let highlight = self.highlight(ranking);
        let marker = Marker::new(&highlight);
        ranking
            .docs
            .iter()
            .take(limit)
            .filter_map(|r| {
                let title = self.title(r.doc)?;
                let snippet = title
                    .summary
                    .as_deref()
                    .map_or("", |s| &s[..cut(s, SNIPPET_BYTES)]);
                Some(SearchHit {
                    doc: r.doc,
                    id: title.id.clone(),
                    title: title.title.clone(),
                    category: title.category.clone(),
                    category_name: title.category_name.clone(),
                    score: r.score,
                    matched_words: r.matched_words,
                    snippet: snippet.to_string(),
                    snippet_marks: marker.marks(snippet),
                    title_marks: marker.marks(&title.title),
                    signed_in: title.signed_in,
                    sections: Vec::new(),
                })
            })
            .collect()
    }
}

/// A section's score for a query, with where its text is and its
/// heading's marks.
struct Scored {
    score: usize,
    section: usize,
    text: Range<usize>,
    heading_marks: Vec<Range<usize>>,
}

/// The sections of `record` that the matched words point to, best first:
/// each scores one for every distinct word matched in its text and two for
/// every one in its heading. Only sections scoring at least half the best
/// are kept, and none when every section scores the same: the words are
/// then about the whole article, not one part of it (unless there is one
/// section and its heading matched).
fn section_hits(
    record: &DocRecord,
    text_marks: &[Range<usize>],
    marker: &Marker<'_>,
) -> Vec<SectionHit> {
    let text = record.text.as_str();
    let sections = &record.sections;
    if sections.is_empty() {
        return Vec::new();
    }
    let distinct = |ranges: &mut dyn Iterator<Item = &Range<usize>>, of: &str| {
        ranges
            .map(|m| of[m.clone()].to_lowercase())
            .collect::<BTreeSet<String>>()
            .len()
    };
    let mut scored: Vec<Scored> = Vec::new();
    for (i, section) in sections.iter().enumerate() {
        let start = section.start as usize;
        let end = sections
            .get(i + 1)
            .map_or(text.len(), |next| next.start as usize);
        // The section's text starts with its heading's: skip that, the
        // heading is scored on its own.
        let body_start = if text[start..end].starts_with(section.heading.as_str()) {
            start + section.heading.len()
        } else {
            start
        };
        let heading_marks = marker.marks(&section.heading);
        let in_heading = distinct(&mut heading_marks.iter(), &section.heading);
        let in_text = distinct(
            &mut text_marks
                .iter()
                .filter(|m| m.start >= body_start && m.end <= end),
            text,
        );
        let score = 2 * in_heading + in_text;
        if score > 0 {
            scored.push(Scored {
                score,
                section: i,
                text: body_start..end,
                heading_marks,
            });
        }
    }
    let best = scored.iter().map(|s| s.score).max().unwrap_or(0);
    // One section whose heading matched is worth pointing to.
    let lone_heading = sections.len() == 1 && scored.iter().any(|s| !s.heading_marks.is_empty());
    let all_alike = scored.len() == sections.len() && scored.iter().all(|s| s.score == best);
    if best == 0 || (all_alike && !lone_heading) {
        return Vec::new();
    }
    scored.retain(|s| 2 * s.score >= best);
    scored.sort_by(|a, b| b.score.cmp(&a.score).then(a.section.cmp(&b.section)));
    scored
        .into_iter()
        .take(MAX_SECTION_HITS)
        .map(
            |Scored {
                 section: i,
                 text: range,
                 heading_marks,
                 ..
             }| {
                let section = &sections[i];
                let (snippet, snippet_marks) = if range.is_empty() {
                    (String::new(), Vec::new())
                } else {
                    snippet_in(text, text_marks, range, SECTION_SNIPPET_BYTES)
                };
                SectionHit {
                    anchor: section.anchor.clone(),
                    heading: section.heading.clone(),
                    heading_marks,
                    snippet,
                    snippet_marks,
                }
            },
        )
        .collect()
}

/// About `bytes` of the article's text within `range` around its densest
/// cluster of matched words, with the marks inside it; the summary (or
/// the text's start) when no word matched there.
fn snippet(
    record: &DocRecord,
    marks: &[Range<usize>],
    marker: &Marker<'_>,
    range: Range<usize>,
    bytes: usize,
) -> (String, Vec<Range<usize>>) {
    let text = record.text.as_str();
    if !marks
        .iter()
        .any(|m| m.start >= range.start && m.end <= range.end)
    {
        let source = record.summary.as_deref().unwrap_or(text);
        let end = cut(source, bytes);
        let mut s = source[..end].trim_end().to_string();
        if end < source.len() {
            s.push('…');
        }
        let m = marker.marks(&s);
        return (s.replace('\n', " "), m);
    }
    snippet_in(text, marks, range, bytes)
}

/// About `bytes` of `text[range]` around the densest cluster of `marks`
/// in it (its start when none), with those marks shifted into it.
fn snippet_in(
    text: &str,
    marks: &[Range<usize>],
    range: Range<usize>,
    bytes: usize,
) -> (String, Vec<Range<usize>>) {
    let marks: Vec<Range<usize>> = marks
        .iter()
        .filter(|m| m.start >= range.start && m.end <= range.end)
        .cloned()
        .collect();
    // The window start (a mark) that covers the most marks.
    let (mut best_start, mut best_count) = (0, 0);
    for (i, m) in marks.iter().enumerate() {
        let count = marks[i..]
            .iter()
            .take_while(|n| n.end <= m.start + bytes)
            .count();
        if count > best_count {
            (best_start, best_count) = (i, count);
        }
    }
    // From the range's start if the cluster fits from there, else a
    // little before its first mark, at a word boundary.
    let anchor = marks.get(best_start).map_or(range.start, |m| m.start);
    let cluster_end = marks
        .get(best_start + best_count.max(1) - 1)
        .map_or(range.start, |m| m.end);
    let lead_space = text[range.clone()].len() - text[range.clone()].trim_start().len();
    let mut start = if cluster_end <= range.start + lead_space + bytes {
        range.start
    } else {
        anchor.saturating_sub(bytes / 4).max(range.start)
    };
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > range.start {
        start = text[start..anchor]
            .find(char::is_whitespace)
            .map_or(anchor, |i| start + i + 1);
    }
    let cut_in = start > range.start;
    // Leading blank lines (after a heading) are not worth showing.
    start += text[start..range.end].len() - text[start..range.end].trim_start().len();
    let end = start + cut(&text[start..range.end], bytes);
    let (lead, trail) = (
        if cut_in { "…" } else { "" },
        if end < range.end { "…" } else { "" },
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

/// The target length of a section's snippet, in bytes: shorter than a
/// hit's, as it sits under it.
const SECTION_SNIPPET_BYTES: usize = 110;

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

impl Highlight {
    /// Byte ranges of the words of `text` that the search matched, in
    /// order. Words are only stemmed when their first letter is one a
    /// matched term or prefix starts with: stemming is the costly part.
    pub fn marks(&self, text: &str) -> Vec<Range<usize>> {
        Marker::new(self).marks(text)
    }
}

/// A [`Highlight`] ready to mark many texts: its analyzer built and its
/// first letters worked out once.
struct Marker<'a> {
    highlight: &'a Highlight,
    analyzer: Analyzer,
    firsts: BTreeSet<char>,
}

impl<'a> Marker<'a> {
    fn new(highlight: &'a Highlight) -> Marker<'a> {
        Marker {
            highlight,
            analyzer: Analyzer::new(highlight.language),
            firsts: highlight
                .terms
                .iter()
                .chain(&highlight.prefixes)
                .filter_map(|t| t.chars().next().map(fold_first))
                .collect(),
        }
    }

    fn marks(&self, text: &str) -> Vec<Range<usize>> {
        let language = self.highlight.language;
        let mut marks = Vec::new();
        for (start, end) in tokens(text) {
            let raw = &text[start..end];
            let (s, e) = trim_range(raw, language);
            let Some(first) = raw[s..e].chars().next() else {
                continue;
            };
            if !self
                .firsts
                .contains(&fold_first(first.to_lowercase().next().unwrap_or(first)))
            {
                continue;
            }
            let word = raw[s..e].to_lowercase();
            let hit = self
                .highlight
                .prefixes
                .iter()
                .any(|p| word.starts_with(p.as_str()))
                || self
                    .analyzer
                    .term(&word)
                    .is_some_and(|t| self.highlight.terms.contains(&t));
            if hit {
                marks.push(start + s..start + e);
            }
        }
        marks
    }
}

/// A first letter with German umlauts folded, as the German stemmer folds
/// them: a stem keeps its word's first letter otherwise.
fn fold_first(c: char) -> char {
    match c {
        'ä' => 'a',
        'ö' => 'o',
        'ü' => 'u',
        other => other,
    }
}
