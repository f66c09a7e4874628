//! Browsing by category: the locale's categories in the authors' order,
//! and the articles of one, without any query. The category list is a
//! small file of its own and a category's articles are the postings of one
//! reserved term, so neither weighs on the first open or on a search.
//! Also the records of a few articles by id ([`RecordsLookup`]), such as
//! an article's related ones, to list their titles.

use crate::format::reserved::{category_term, impact_weight};
use crate::format::{Category, DocRecord};

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
/// [`LocaleIndex::category_docs`]), at most `limit`, with their records.
#[derive(Debug, Clone)]
pub struct CategoryLookup {
    slug: String,
    limit: usize,
    docs: Option<Vec<u32>>,
}

impl CategoryLookup {
    /// The first `limit` articles of category `slug`.
    pub fn new(slug: &str, limit: usize) -> CategoryLookup {
        CategoryLookup {
            slug: slug.to_string(),
            limit,
            docs: None,
        }
    }
}

impl Lookup for CategoryLookup {
    type Output = Vec<(u32, DocRecord)>;

    fn step(&mut self, index: &LocaleIndex) -> Step<Vec<(u32, DocRecord)>> {
        if self.docs.is_none() {
            let shard = Need::Shard(index.root.shard_for(&category_term(&self.slug)));
            if !index.loaded(shard) {
                return Step::Fetch(vec![shard]);
            }
            let mut docs = index.category_docs(&self.slug);
            docs.truncate(self.limit);
            self.docs = Some(docs);
        }
        let docs = self.docs.as_deref().unwrap_or_default();
        let needs = index.needs_for_docs(docs.iter().copied());
        if !needs.is_empty() {
            return Step::Fetch(needs);
        }
        Step::Done(
            docs.iter()
                .filter_map(|&d| Some((d, index.doc(d)?.clone())))
                .collect(),
        )
    }
}

/// The records of the articles with the given ids, in the order asked,
/// each at most once; ids the locale lacks are left out. Fetches the
/// shards of all the ids at once, then the chunks of all the records.
#[derive(Debug, Clone)]
pub struct RecordsLookup {
    ids: Vec<String>,
}

impl RecordsLookup {
    /// The records of `ids`.
    pub fn new<S: AsRef<str>>(ids: &[S]) -> RecordsLookup {
        let mut unique: Vec<String> = Vec::with_capacity(ids.len());
        for id in ids {
            let id = id.as_ref();
            if !unique.iter().any(|u| u == id) {
                unique.push(id.to_string());
            }
        }
        RecordsLookup { ids: unique }
    }
}

impl Lookup for RecordsLookup {
    type Output = Vec<DocRecord>;

    fn step(&mut self, index: &LocaleIndex) -> Step<Vec<DocRecord>> {
        let mut needs: Vec<Need> = self
            .ids
            .iter()
            .flat_map(|id| index.needs_for_id(id))
            .collect();
        needs.sort();
        needs.dedup();
        if !needs.is_empty() {
            return Step::Fetch(needs);
        }
        let docs: Vec<u32> = self
            .ids
            .iter()
            .filter_map(|id| index.doc_by_id(id))
            .collect();
        let needs = index.needs_for_docs(docs.iter().copied());
        if !needs.is_empty() {
            return Step::Fetch(needs);
        }
        Step::Done(docs.iter().filter_map(|&d| index.doc(d).cloned()).collect())
    }
}
