//! The query engine: ranks a locale's articles for what the reader typed.
//!
//! It is sans-IO: a lookup says which bundle files it needs, the caller
//! fetches them however it can (the widget over HTTP, the CLI from disk)
//! and hands the bytes back, and the lookup goes on. `steps` holds the
//! one driver of that loop: a [`Lookup`] asks for files or answers, the
//! sync [`LocaleIndex::run`] and the widget's async engine both follow it.
//!
//! - Scores are BM25F: each posting's impact (field-weighted, saturated,
//!   see `FieldWeights` in `build`) times the term's IDF.
//! - The last word of a query that does not end in a space is unfinished
//!   and also matches as a prefix.
//! - A word of 5 letters or more that matches nothing tolerates one typo
//!   (an insertion, deletion, substitution or swap of neighbours), except in
//!   its first letter.
//! - Each query word an article misses multiplies its score by
//!   `missing_word_factor`: articles matching every word usually rank first.
//! - An optional route breaks ties: articles whose `contexts` cover it
//!   move up among those about equally good for the words typed.
//!
//! The modules, in the order a query meets them:
//!
//! - `index`: a locale's index as its files arrive ([`LocaleIndex`], [`Need`]);
//! - `query`: what was typed, analyzed once ([`Query`]);
//! - `route`: the context terms a dashboard route may match;
//! - `finding`: which files a query needs, and which terms match its words;
//! - `ranking`: scores and orders documents ([`Ranking`]), and the
//!   suggestions for a route;
//! - `presenting`: titles, snippets and marks ([`SearchHit`]), the
//!   sections the words point to ([`SectionHit`]), and the words to mark
//!   in an opened article ([`Highlight`]);
//! - `steps`: the fetch-and-continue driver for search, suggestions and
//!   articles;
//! - `options`: the knobs ([`SearchOptions`], [`RankingWeights`]);
//! - `browse`: the category list and a category's articles, no query, and
//!   the list rows of a few articles by id.

mod browse;
mod finding;
mod index;
mod options;
mod presenting;
mod query;
mod ranking;
mod route;
mod steps;

pub use browse::{CategoriesLookup, CategoryLookup, TitlesLookup};
pub use index::{LocaleIndex, Need};
pub use options::{
    Highlight, MAX_SECTION_HITS, RankingWeights, SearchHit, SearchOptions, SearchResults,
    SectionHit,
};
pub use query::Query;
pub use ranking::{Ranked, Ranking};
pub use steps::{ArticleLookup, FetchError, Lookup, SearchLookup, Step, SuggestionsLookup};
