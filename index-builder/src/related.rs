//! Related articles, computed at build time: for each article of a locale,
//! the few others that share the most distinctive words (title, tags and
//! summary weigh more than the body), its tags and its category.
//!
//! Each article is a sparse TF-IDF vector of its [`TERMS_PER_ARTICLE`]
//! heaviest terms; two articles' similarity is the cosine of their vectors,
//! plus [`SAME_CATEGORY`] when they share a category and [`SHARED_TAG`]
//! per tag term they share. Only articles of the same bundle are compared,
//! so a public article never lists a signed-in one. Scores accumulate
//! through an inverted list, so the cost grows with the articles, not
//! their pairs.

use std::collections::{BTreeMap, HashMap};

use help_core::{Field, IndexedArticle};

/// How many related articles each article lists, at most.
pub const RELATED_PER_ARTICLE: usize = 3;

/// How many of an article's heaviest terms stand for it.
const TERMS_PER_ARTICLE: usize = 32;

/// What a shared category adds to a pair's similarity.
const SAME_CATEGORY: f32 = 0.15;

/// What each shared tag term adds to a pair's similarity.
const SHARED_TAG: f32 = 0.1;

/// Below this similarity, an article is not listed as related.
const MIN_SIMILARITY: f32 = 0.12;

/// How much a term counts in each field, indexed by [`Field`].
const FIELD_WEIGHT: [f32; 4] = [3.0, 2.0, 2.0, 1.0];

/// The ids of each article's related articles, best first, in `articles`' order.
pub fn related_ids(articles: &[IndexedArticle]) -> Vec<Vec<String>> {
    let n = articles.len();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for a in articles {
        let mut terms: Vec<&str> = a.fields.iter().flatten().map(String::as_str).collect();
        terms.sort_unstable();
        terms.dedup();
        for t in terms {
            *df.entry(t).or_default() += 1;
        }
    }
    // Each article's heaviest terms, normalized to unit length.
    let vectors: Vec<Vec<(&str, f32)>> = articles
        .iter()
        .map(|a| {
            let mut tf: BTreeMap<&str, f32> = BTreeMap::new();
            for f in Field::ALL {
                for t in &a.fields[f as usize] {
                    *tf.entry(t.as_str()).or_default() += FIELD_WEIGHT[f as usize];
                }
            }
            let mut v: Vec<(&str, f32)> = tf
                .into_iter()
                .filter(|(t, _)| df[t] > 1)
                .map(|(t, w)| (t, w.sqrt() * (n as f32 / df[t] as f32).ln()))
                .filter(|(_, w)| *w > 0.0)
                .collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
            v.truncate(TERMS_PER_ARTICLE);
            let norm = v
                .iter()
                .map(|(_, w)| w * w)
                .sum::<f32>()
                .sqrt()
                .max(f32::MIN_POSITIVE);
            v.iter_mut().for_each(|(_, w)| *w /= norm);
            v
        })
        .collect();
    let mut postings: HashMap<&str, Vec<(usize, f32)>> = HashMap::new();
    for (doc, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            postings.entry(t).or_default().push((doc, w));
        }
    }
    let tags: Vec<Vec<&str>> = articles
        .iter()
        .map(|a| {
            let mut t: Vec<&str> = a.fields[Field::Tags as usize]
                .iter()
                .map(String::as_str)
                .collect();
            t.sort_unstable();
            t.dedup();
            t
        })
        .collect();
    (0..n)
        .map(|doc| {
            let mut score: HashMap<usize, f32> = HashMap::new();
            for &(t, w) in &vectors[doc] {
                for &(other, w2) in &postings[t] {
                    if other != doc {
                        *score.entry(other).or_default() += w * w2;
                    }
                }
            }
            let mut ranked: Vec<(usize, f32)> = score
                .into_iter()
                .map(|(other, s)| {
                    let same = articles[other].record.category == articles[doc].record.category;
                    let shared = tags[doc]
                        .iter()
                        .filter(|t| tags[other].binary_search(t).is_ok())
                        .count();
                    let bonus = if same { SAME_CATEGORY } else { 0.0 };
                    (other, s + bonus + SHARED_TAG * shared as f32)
                })
                .filter(|(_, s)| *s >= MIN_SIMILARITY)
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked
                .into_iter()
                .take(RELATED_PER_ARTICLE)
                .map(|(other, _)| articles[other].record.id.clone())
                .collect()
        })
        .collect()
}
