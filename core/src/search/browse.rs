//! Browsing by category: the locale's categories in the authors' order,
//! and the articles of one, without any query. The category list is a
//! small file of its own and a category's articles are the postings of one
//! reserved term, so neither weighs on the first open or on a search.
//! Also the list rows of a few articles by id ([`TitlesLookup`]), such as
//! an article's related ones, to list their titles.

use crate::format::reserved::{category_term, impact_weight};
use crate::format::{Category, DocTitle};

use super::index::{LocaleIndex, Need};
use super::steps::{Lookup, Step};

impl LocaleIndex {
    /// The articles filed under category `slug`: higher author `weight`
    /// first, then document order. Empty until the shard holding its
    /// term is loaded, or for an unknown category.
    pub fn category_docs(&self, slug: &str) -> Vec<u32> {
        let Some(entry) = self.entry(&category_term(slug)) else {
            return Vec::new();
        };
        let mut docs: Vec<(i32, u32)> = entry
            .postings
            .iter()
            .map(|&(d, impact)| (impact_weight(impact), d))
            .collect();
        docs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        docs.into_iter().map(|(_, d)| d).collect()
    }
}

/// The locale's categories, in order, with their names and article counts.
#[derive(Debug, Clone, Default)]
pub struct CategoriesLookup;

impl Lookup for CategoriesLookup {
    type Output = Vec<Category>;

    fn step(&mut self, index: &LocaleIndex) -> Step<Vec<Category>> {
        match &index.categories {
            Some(list) => Step::Done(list.categories.clone()),
            None => Step::Fetch(vec![Need::Categories]),
        }
    }
}

/// The articles of one category, best first (see
/// [`LocaleIndex::category_docs`]), at most `limit`, with their list
/// rows: the category's shard and the title list, no doc chunk.
#[derive(Debug, Clone)]
pub struct CategoryLookup {
    slug: String,
    limit: usize,
}

impl CategoryLookup {
    /// The first `limit` articles of category `slug`.
    pub fn new(slug: &str, limit: usize) -> CategoryLookup {
        CategoryLookup {
            slug: slug.to_string(),
            limit,
        }
    }
}

impl Lookup for CategoryLookup {
    type Output = Vec<(u32, DocTitle)>;

    fn step(&mut self, index: &LocaleIndex) -> Step<Vec<(u32, DocTitle)>> {
        let shard = Need::Shard(index.root.shard_for(&category_term(&self.slug)));
        let mut needs = index.needs_titles();
        if !index.loaded(shard) {
            needs.insert(0, shard);
        }
        if !needs.is_empty() {
            return Step::Fetch(needs);
        }
        let mut docs = index.category_docs(&self.slug);
        docs.truncate(self.limit);
        Step::Done(
            docs.into_iter()
                .filter_map(|d| Some((d, index.title(d)?.clone())))
                .collect(),
        )
    }
}

/// The list rows of the articles with the given ids, in the order asked,
/// each at most once; ids the locale lacks are left out. Fetches the
/// shards of all the ids and the title list at once: one round, no doc
/// chunk.
#[derive(Debug, Clone)]
pub struct TitlesLookup {
    ids: Vec<String>,
}

impl TitlesLookup {
    /// The list rows of `ids`.
    pub fn new<S: AsRef<str>>(ids: &[S]) -> TitlesLookup {
        let mut unique: Vec<String> = Vec::with_capacity(ids.len());
        for id in ids {
            let id = id.as_ref();
            if !unique.iter().any(|u| u == id) {
                unique.push(id.to_string());
            }
        }
        TitlesLookup { ids: unique }
    }
}

impl Lookup for TitlesLookup {
    type Output = Vec<DocTitle>;

    fn step(&mut self, index: &LocaleIndex) -> Step<Vec<DocTitle>> {
        if self.ids.is_empty() {
            return Step::Done(Vec::new());
        }
        let mut needs: Vec<Need> = self
            .ids
            .iter()
            .flat_map(|id| index.needs_for_id(id))
            .chain(index.needs_titles())
            .collect();
        needs.sort();
        needs.dedup();
        if !needs.is_empty() {
            return Step::Fetch(needs);
        }
        Step::Done(
            self.ids
                .iter()
                .filter_map(|id| index.title(index.doc_by_id(id)?).cloned())
                .collect(),
        )
    }
}
