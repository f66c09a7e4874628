//! The one fetch-and-continue loop of every lookup.
//!
//! A [`Lookup`] is a search, the suggestions for a route, or an article by
//! id, in progress. Asked for its next [`Step`], it either names the bundle
//! files it still needs or gives its answer. The caller fetches those files
//! however it can, [`LocaleIndex::insert`]s them, and asks again.
//! [`LocaleIndex::run`] is that loop for native callers (the CLI, tests,
//! benchmarks), with a blocking fetch; the widget's engine runs the same
//! loop with `fetch` over HTTP, awaiting each round of files together.

use crate::format::{DecodeError, DocRecord, DocTitle};

use super::index::{LocaleIndex, Need};
use super::options::{SearchOptions, SearchResults};
use super::query::Query;
use super::ranking::Ranking;

/// What a lookup asks for next.
#[derive(Debug, Clone, PartialEq)]
pub enum Step<T> {
    /// These files, fetched and inserted, before it can go on. Never empty.
    Fetch(Vec<Need>),
    /// The answer: nothing more is needed.
    Done(T),
}

/// A lookup in progress; see the module documentation.
pub trait Lookup {
    /// What the lookup answers.
    type Output;

    /// The next step, given the files the index holds now.
    fn step(&mut self, index: &LocaleIndex) -> Step<Self::Output>;
}

/// `Fetch(needs)` unless `needs` is empty.
fn fetch<T>(needs: Vec<Need>) -> Option<Step<T>> {
    (!needs.is_empty()).then_some(Step::Fetch(needs))
}

/// The best articles for a query, best first, presented as hits, with how
/// many matched in all: first the shards (and term lists, for typos) its
/// words need, with the title list, then the doc chunks of its top
/// results, for their snippets and sections.
///
/// [`SearchLookup::titles_only`] stops before the doc chunks: its hits
/// have their titles, categories and summaries (as snippets) at once, and
/// no sections. The widget shows those, then turns the same lookup to
/// [`SearchLookup::with_snippets`] and runs it on: the ranking is kept,
/// and only the chunks of the hits on screen are fetched.
#[derive(Debug, Clone)]
pub struct SearchLookup {
    query: Query,
    options: SearchOptions,
    ranking: Option<Ranking>,
    snippets: bool,
}

impl SearchLookup {
    /// A search for `query`, analyzed by [`LocaleIndex::parse`], with
    /// snippets.
    pub fn new(query: Query, options: SearchOptions) -> SearchLookup {
        SearchLookup {
            query,
            options,
            ranking: None,
            snippets: true,
        }
    }

    /// The same search, answered from the title list alone: summaries
    /// for snippets, no sections, no doc chunk fetched.
    pub fn titles_only(mut self) -> SearchLookup {
        self.snippets = false;
        self
    }

    /// Whether this lookup fetches doc chunks for snippets.
    pub fn snippets(&self) -> bool {
        self.snippets
    }

    /// Turns a [`SearchLookup::titles_only`] lookup to one with snippets,
    /// keeping its ranking: run on, it fetches only the hits' chunks.
    pub fn with_snippets(&mut self) {
        self.snippets = true;
    }
}

impl Lookup for SearchLookup {
    type Output = SearchResults;

    fn step(&mut self, index: &LocaleIndex) -> Step<SearchResults> {
        if self.query.is_empty() {
            return Step::Done(SearchResults::default());
        }
        if self.ranking.is_none() {
            let mut needs = index.needs(&self.query, self.options.context.as_deref());
            if !needs.is_empty() {
                // The title list comes with the first shards.
                needs.extend(index.needs_titles());
                return Step::Fetch(needs);
            }
            self.ranking = Some(index.rank(&self.query, &self.options));
        }
        let Some(ranking) = &self.ranking else {
            return Step::Done(SearchResults::default());
        };
        let limit = self.options.limit;
        let hits = if self.snippets {
            if let Some(step) = fetch(index.needs_for_hits(ranking, limit)) {
                return step;
            }
            index.present(ranking, limit)
        } else {
            if let Some(step) = fetch(index.needs_titles()) {
                return step;
            }
            index.present_titles(ranking, limit)
        };
        Step::Done(SearchResults {
            hits,
            total: ranking.total,
            highlight: index.highlight(ranking),
        })
    }
}

/// The articles for a dashboard route, most specific first, or the
/// getting-started articles; at most `limit`, with their list rows: the
/// route's shards and the title list, in one round, no doc chunk.
#[derive(Debug, Clone)]
pub struct SuggestionsLookup {
    route: String,
    limit: usize,
}

impl SuggestionsLookup {
    /// The suggestions for `route`, at most `limit` of them.
    pub fn new(route: &str, limit: usize) -> SuggestionsLookup {
        SuggestionsLookup {
            route: route.to_string(),
            limit,
        }
    }
}

impl Lookup for SuggestionsLookup {
    type Output = Vec<(u32, DocTitle)>;

    fn step(&mut self, index: &LocaleIndex) -> Step<Vec<(u32, DocTitle)>> {
        let mut needs = index.needs_for_route(&self.route);
        needs.extend(index.needs_titles());
        if let Some(step) = fetch(needs) {
            return step;
        }
        let docs = index.suggestions(&self.route).into_iter().take(self.limit);
        Step::Done(
            docs.filter_map(|d| Some((d, index.title(d)?.clone())))
                .collect(),
        )
    }
}

/// The record of the article with an id, or `None` if the locale lacks it.
#[derive(Debug, Clone)]
pub struct ArticleLookup {
    id: String,
}

impl ArticleLookup {
    /// The article `id`.
    pub fn new(id: &str) -> ArticleLookup {
        ArticleLookup { id: id.to_string() }
    }
}

impl Lookup for ArticleLookup {
    type Output = Option<DocRecord>;

    fn step(&mut self, index: &LocaleIndex) -> Step<Option<DocRecord>> {
        if let Some(step) = fetch(index.needs_for_id(&self.id)) {
            return step;
        }
        let Some(doc) = index.doc_by_id(&self.id) else {
            return Step::Done(None);
        };
        match fetch(index.needs_for_docs([doc])) {
            Some(step) => step,
            None => Step::Done(index.doc(doc).cloned()),
        }
    }
}

/// Why [`LocaleIndex::run`] failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError<E> {
    /// A file could not be fetched.
    #[error("could not fetch a bundle file: {0}")]
    Fetch(E),
    /// A fetched file could not be decoded.
    #[error(transparent)]
    Decode(DecodeError),
}

impl LocaleIndex {
    /// Runs `lookup` to its answer, fetching each file it needs through
    /// `fetch(file_name)`, one at a time.
    pub fn run<L: Lookup, E>(
        &mut self,
        mut lookup: L,
        mut fetch: impl FnMut(&str) -> Result<Vec<u8>, E>,
    ) -> Result<L::Output, FetchError<E>> {
        loop {
            match lookup.step(self) {
                Step::Done(answer) => return Ok(answer),
                Step::Fetch(needs) => {
                    for need in needs {
                        let bytes = fetch(&self.file(need)).map_err(FetchError::Fetch)?;
                        self.insert(need, &bytes).map_err(FetchError::Decode)?;
                    }
                }
            }
        }
    }

    /// Searches `text`: [`SearchLookup`] through [`LocaleIndex::run`].
    pub fn search_with<E>(
        &mut self,
        text: &str,
        options: &SearchOptions,
        fetch: impl FnMut(&str) -> Result<Vec<u8>, E>,
    ) -> Result<SearchResults, FetchError<E>> {
        let query = self.parse(text);
        self.run(SearchLookup::new(query, options.clone()), fetch)
    }
}
