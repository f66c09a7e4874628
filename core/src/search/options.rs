//! The knobs of a search, and what it returns for each article.

use std::ops::Range;

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
