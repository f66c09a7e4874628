//! A query as typed into a search box, analyzed once.

use crate::text::{Analyzer, tokens, trim};

/// A query, analyzed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub(super) words: Vec<QueryWord>,
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct QueryWord {
    /// The analyzed term, or `None` for a stop word.
    pub(super) term: Option<String>,
    /// The word lowercased and trimmed, for prefix and typo matching.
    pub(super) word: String,
    /// Whether the word may still be growing (last word, no trailing space).
    pub(super) prefix: bool,
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
