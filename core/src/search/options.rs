//! The knobs of a search, and what it returns for each article.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::text::Language;

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
    /// How close, relatively, two scores must be for the route to break
    /// their tie. An article whose `contexts` cover the current route has
    /// its score multiplied by `1 + context_tie_band`, so it moves above an
    /// article the route does not cover only when that one scores less
    /// than `1 + context_tie_band` times its own: the words typed decide,
    /// the route only orders results about equally good for them.
    /// Range `0.0..=1.0` (clamped); `0` ignores the route. Default 0.08.
    pub context_tie_band: f32,
    /// Factor for each query word an article does not match. An article
    /// matching every word usually comes first, but one whose title holds
    /// two of three words can outrank one that merely mentions all three:
    /// readers type a task in their own words ("change password" for
    /// "Modification du mot de passe"), and one of them is often not the
    /// article's. Range `0.0..=1.0`; `0` ranks every article matching more
    /// words above all matching fewer. Default 0.9.
    pub missing_word_factor: f32,
}

impl Default for RankingWeights {
    fn default() -> RankingWeights {
        RankingWeights {
            prefix_factor: 0.75,
            typo_factor: 0.5,
            context_tie_band: 0.08,
            missing_word_factor: 0.9,
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

/// The words a search matched, to mark them in any text of its locale:
/// an article's body once the reader opens a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// The locale's language, whose pipeline turns a word into a term.
    pub language: Language,
    /// Every index term that matched.
    pub terms: BTreeSet<String>,
    /// The unfinished words that matched as prefixes, lowercased.
    pub prefixes: Vec<String>,
}

impl Default for Highlight {
    /// Marks nothing.
    fn default() -> Highlight {
        Highlight {
            language: Language::Unstemmed,
            terms: BTreeSet::new(),
            prefixes: Vec::new(),
        }
    }
}

impl Highlight {
    /// Whether nothing would be marked.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.prefixes.is_empty()
    }
}

/// The answer to a search: the best hits, and how many articles matched.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    /// The best `limit` articles, best first.
    pub hits: Vec<SearchHit>,
    /// How many articles matched at least one word of the query; at least
    /// `hits.len()`. Raise [`SearchOptions::limit`] to see more of them.
    pub total: usize,
    /// The words it matched, to mark in an article opened from it.
    pub highlight: Highlight,
}

/// A section of a hit that the query's words point to: a sub-result
/// ("Payments › Payment threshold") that opens the article there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionHit {
    /// The section's anchor ([`crate::Section::anchor`]).
    pub anchor: String,
    /// Its heading.
    pub heading: String,
    /// Byte ranges of matched words within `heading`.
    pub heading_marks: Vec<Range<usize>>,
    /// A short passage of the section around the matched words; empty when
    /// only its heading matched and its text is past what the bundle keeps.
    pub snippet: String,
    /// Byte ranges of matched words within `snippet`.
    pub snippet_marks: Vec<Range<usize>>,
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
    /// Its category's slug.
    pub category: String,
    /// Its category's display name in the locale: what to show.
    pub category_name: String,
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
    /// The sections the matched words point to, best first, at most
    /// [`MAX_SECTION_HITS`]; empty when the article has no sections or the
    /// words are spread over it.
    pub sections: Vec<SectionHit>,
}

/// The most sub-results a hit lists.
pub const MAX_SECTION_HITS: usize = 3;
