//! Term shards (terms with postings) and term lists (the terms alone, for
//! typo lookups). Both store their terms front-coded, in ascending order.

use super::{DecodeError, open_file, start_file};
use crate::codec::{Corrupt, Reader, Writer};

pub(super) const SHARD_MAGIC: &[u8; 4] = b"HWTS";
const VOCAB_MAGIC: &[u8; 4] = b"HWVO";

/// One indexed term and the documents that contain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermEntry {
    /// The analyzed term.
    pub term: String,
    /// `(document, impact)` by ascending document. The impact, `1..=255`,
    /// is the term's saturated, field-weighted frequency in that document.
    pub postings: Vec<(u32, u8)>,
}

/// A range of terms with their postings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TermShard {
    /// Terms in ascending order.
    pub terms: Vec<TermEntry>,
}

/// The terms of one shard without their postings: what a typo lookup reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TermList {
    /// Terms in ascending order.
    pub terms: Vec<String>,
}

/// Writes `term` front-coded after `previous`: how many leading bytes it
/// shares with it, then the rest.
fn write_front_coded(w: &mut Writer, previous: &str, term: &str) {
    let shared = shared_prefix(previous, term);
    w.usize(shared);
    w.str(&term[shared..]);
}

/// A count, then that many front-coded terms in ascending order.
pub(super) fn write_terms(w: &mut Writer, terms: &[String]) {
    w.usize(terms.len());
    let mut previous: &str = "";
    for term in terms {
        write_front_coded(w, previous, term);
        previous = term;
    }
}

/// Whether the first of a list of terms may be empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FirstTerm {
    /// A locale root's shard bounds: the first is always `""`.
    MayBeEmpty,
    /// Terms of the index: none is empty.
    NonEmpty,
}

/// Reads what [`write_terms`] wrote; an empty term is corrupt, except a
/// first one where `first` allows it.
pub(super) fn read_terms(r: &mut Reader<'_>, first: FirstTerm) -> Result<Vec<String>, DecodeError> {
    let n = r.count(2)?;
    let mut terms: Vec<String> = Vec::with_capacity(n);
    for _ in 0..n {
        let term = read_front_coded(r, terms.last().map(String::as_str))?;
        if term.is_empty() && !(terms.is_empty() && first == FirstTerm::MayBeEmpty) {
            return Err(r.corrupt("a term is empty").into());
        }
        terms.push(term);
    }
    Ok(terms)
}

/// One front-coded term after `previous`, which it must sort after.
fn read_front_coded(r: &mut Reader<'_>, previous: Option<&str>) -> Result<String, Corrupt> {
    // Not a count of what follows: bounded by the previous term below.
    let shared = usize::try_from(r.u64()?).unwrap_or(usize::MAX);
    let before = previous.unwrap_or("");
    if shared > before.len() || !before.is_char_boundary(shared) {
        return Err(r.corrupt("a term shares more than its predecessor has"));
    }
    let mut term = String::with_capacity(shared + 8);
    term.push_str(&before[..shared]);
    term.push_str(r.str()?);
    if previous.is_some_and(|p| term.as_str() <= p) {
        return Err(r.corrupt("terms are not in ascending order"));
    }
    Ok(term)
}

impl TermList {
    /// The list as bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = start_file(VOCAB_MAGIC);
        write_terms(&mut w, &self.terms);
        w.bytes
    }

    /// Reads a list; truncated or corrupt bytes give an error.
    pub fn decode(bytes: &[u8]) -> Result<TermList, DecodeError> {
        let mut r = open_file(bytes, VOCAB_MAGIC, "term list")?;
        let terms = read_terms(&mut r, FirstTerm::NonEmpty)?;
        r.finish()?;
        Ok(TermList { terms })
    }
}

impl TermShard {
    /// The shard as bytes: each term front-coded, then its postings as
    /// document deltas and impacts.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = start_file(SHARD_MAGIC);
        w.usize(self.terms.len());
        let mut previous: &str = "";
        for entry in &self.terms {
            write_front_coded(&mut w, previous, &entry.term);
            w.usize(entry.postings.len());
            let mut last_doc = 0;
            for &(doc, impact) in &entry.postings {
                w.u32(doc - last_doc);
                w.u8(impact);
                last_doc = doc;
            }
            previous = &entry.term;
        }
        w.bytes
    }

    /// Reads a shard; truncated or corrupt bytes give an error.
    pub fn decode(bytes: &[u8], doc_count: u32) -> Result<TermShard, DecodeError> {
        let mut r = open_file(bytes, SHARD_MAGIC, "term shard")?;
        let n = r.count(3)?;
        let mut terms: Vec<TermEntry> = Vec::with_capacity(n);
        for _ in 0..n {
            let term = read_front_coded(&mut r, terms.last().map(|t| t.term.as_str()))?;
            if term.is_empty() {
                return Err(r.corrupt("a term is empty").into());
            }
            let count = r.count(2)?;
            let mut postings = Vec::with_capacity(count);
            let mut doc = 0u32;
            for i in 0..count {
                let delta = r.u32()?;
                if i > 0 && delta == 0 {
                    return Err(r.corrupt("a posting repeats a document").into());
                }
                doc = doc
                    .checked_add(delta)
                    .filter(|d| *d < doc_count)
                    .ok_or_else(|| r.corrupt("a posting points past the last document"))?;
                let impact = r.u8()?;
                postings.push((doc, impact));
            }
            terms.push(TermEntry { term, postings });
        }
        r.finish()?;
        Ok(TermShard { terms })
    }

    /// The entry for exactly `term`.
    pub fn get(&self, term: &str) -> Option<&TermEntry> {
        self.terms
            .binary_search_by(|e| e.term.as_str().cmp(term))
            .ok()
            .map(|i| &self.terms[i])
    }

    /// The entries whose term starts with `prefix`.
    pub fn with_prefix(&self, prefix: &str) -> &[TermEntry] {
        let start = self.terms.partition_point(|e| e.term.as_str() < prefix);
        let len = self.terms[start..].partition_point(|e| e.term.starts_with(prefix));
        &self.terms[start..start + len]
    }
}

fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}
