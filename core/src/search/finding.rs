//! Finding: which files a query needs, and which index terms match each of
//! its words (exactly, as a completion of an unfinished word, or with one
//! typo, accents aside).

use std::collections::BTreeSet;

use crate::format::TermEntry;
use crate::format::reserved::{PREFIX_TERM_CHARS, STARTER_TERM, id_term, prefix_term};
use crate::text::fold;

use super::index::{LocaleIndex, Need};
use super::query::{Query, QueryWord};
use super::route::route_terms;

/// How a term matched a query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MatchKind {
    Exact,
    Prefix,
    Typo,
}

/// Whether `a` and `b` are at most one edit apart: an insertion, deletion,
/// substitution, or swap of two neighbouring letters.
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return false;
    }
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if common == a.len() {
        return true; // equal, or `b` has one more letter at the end
    }
    let (ra, rb) = (&a[common..], &b[common..]);
    if a.len() == b.len() {
        ra[1..] == rb[1..]
            || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else {
        ra == &rb[1..]
    }
}

/// Every letter [`fold`] takes an accent off.
const ACCENTED_FIRST: [char; 62] = [
    'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą', 'ç', 'ć', 'č', 'ď', 'è', 'é', 'ê', 'ë', 'ē', 'ė',
    'ę', 'ě', 'ğ', 'ì', 'í', 'î', 'ï', 'ī', 'į', 'ı', 'ł', 'ñ', 'ń', 'ň', 'ò', 'ó', 'ô', 'õ', 'ö',
    'ø', 'ō', 'ő', 'ř', 'ś', 'š', 'ş', 'ș', 'ť', 'ţ', 'ț', 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű', 'ų',
    'ý', 'ÿ', 'ź', 'ż', 'ž',
];

/// The letters of `text`, accents folded.
fn folded(text: &str) -> Vec<char> {
    text.chars().map(fold).collect()
}

/// Whether `a` and `b` are the same but for two neighbouring letters
/// swapped ("tlea" and "tela"): the one typo allowed in a four-letter word.
fn is_swap(a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) else {
        return false;
    };
    i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
}

/// Whether some prefix of `term` is within one edit of `word`.
fn prefix_within_one_edit(word: &[char], term: &[char]) -> bool {
    let lo = word.len().saturating_sub(1);
    let hi = (word.len() + 1).min(term.len());
    (lo..=hi).any(|n| n <= term.len() && within_one_edit(word, &term[..n]))
}

/// Whether index `term` is one typo away from the query word: from its
/// stem, from the word as typed (whole, or for an unfinished word from a
/// prefix of the term), or from the word less a suffix the stemmer would
/// have cut. All are accents folded (see [`fold`]). The whole word counts
/// because a typo can change how the stemmer cuts it: "wireles" stems to
/// "wirel", two edits from "wireless", which the stemmer keeps whole.
fn is_typo_of(word: &[char], stem: &[char], unfinished: bool, term: &[char]) -> bool {
    within_one_edit(stem, term)
        || within_one_edit(word, term)
        || (unfinished && prefix_within_one_edit(word, term))
        || (term.len() >= 4
            && (word.len().saturating_sub(3)..word.len())
                .any(|k| k >= 4 && within_one_edit(&word[..k], term)))
}

/// Whether index `term` is one typo away from the query word cut short,
/// the fallback when no term is a typo of the whole word. Stemmers cut
/// long suffixes: "contraste" to "contr", "bildschirmhelligkeit" to
/// "bildschirmhell", so a typo in the suffix ("contrasate",
/// "bildschirmhelligkiet") leaves the stem intact but stems differently.
/// The stem must keep at least half of the word and four letters.
fn is_cut_typo_of(word: &[char], term: &[char]) -> bool {
    term.len() >= STEM_MIN_CHARS
        && term.len() * 2 >= word.len()
        && (term.len().saturating_sub(1)..=term.len() + 1)
            .any(|k| k <= word.len() && k >= STEM_MIN_CHARS && within_one_edit(&word[..k], term))
}

/// The fewest letters of a stem that a word cut short may match.
const STEM_MIN_CHARS: usize = 4;

/// The most completions an unfinished word expands to. A short prefix such
/// as "c" may complete to thousands of terms; the most frequent ones carry
/// nearly all of the ranking, at a fraction of the cost.
const MAX_COMPLETIONS: usize = 64;

/// Keeps exact and typo matches, and only the [`MAX_COMPLETIONS`] most
/// frequent completions (ties by term order, so results are stable).
pub(super) fn keep_most_frequent_completions(matched: &mut Vec<(&TermEntry, MatchKind)>) {
    let completions = matched
        .iter()
        .filter(|(_, k)| *k == MatchKind::Prefix)
        .count();
    if completions <= MAX_COMPLETIONS {
        return;
    }
    let mut dfs: Vec<usize> = matched
        .iter()
        .filter(|(_, k)| *k == MatchKind::Prefix)
        .map(|(e, _)| e.postings.len())
        .collect();
    dfs.sort_unstable_by(|a, b| b.cmp(a));
    let threshold = dfs[MAX_COMPLETIONS - 1];
    let mut above = dfs.iter().filter(|&&d| d > threshold).count();
    matched.retain(|(e, k)| {
        if *k != MatchKind::Prefix || e.postings.len() > threshold {
            return true;
        }
        if e.postings.len() == threshold && above < MAX_COMPLETIONS {
            above += 1;
            return true;
        }
        false
    });
}

/// Whether an unfinished word is short enough to use its precomputed
/// prefix term rather than expanding to every completion.
fn is_short(word: &str) -> bool {
    word.chars().count() <= PREFIX_TERM_CHARS
}

/// Words shorter than this must be typed right, but for a swap of two
/// neighbouring letters in a word of [`SWAP_ONLY_CHARS`].
const TYPO_MIN_CHARS: usize = 5;

/// Words of this many letters allow one typo, a swap only ("tlea" for
/// "tela"): any other edit of so short a word reaches too many others.
const SWAP_ONLY_CHARS: usize = 4;

impl LocaleIndex {
    /// The next files `query` needs before [`LocaleIndex::rank`] can rank
    /// it fully; empty once everything is there. Call it again after
    /// inserting what it asked for: a word that matches nothing asks, in a
    /// second round, for the term lists where its typo may be, and then for
    /// the shards of the terms found there.
    pub fn needs(&self, query: &Query, context: Option<&str>) -> Vec<Need> {
        let mut direct = BTreeSet::new();
        for (term, _) in context.map(route_terms).unwrap_or_default() {
            direct.insert(self.root.shard_for(&term));
        }
        for w in &query.words {
            if let Some(term) = &w.term {
                direct.insert(self.root.shard_for(term));
            }
            // A short prefix first looks for its precomputed prefix term;
            // only where the index has none does it expand.
            let short = w.prefix && is_short(&w.word);
            if short {
                direct.insert(self.root.shard_for(&prefix_term(&w.word)));
            }
            if w.prefix && !(short && self.prefix_term_present(&w.word) != Some(false)) {
                if let Some(term) = &w.term {
                    direct.extend(self.root.shards_for_prefix(term));
                }
                direct.extend(self.root.shards_for_prefix(&w.word));
            }
        }
        let missing: Vec<Need> = direct
            .into_iter()
            .map(Need::Shard)
            .filter(|&n| !self.loaded(n))
            .collect();
        if !missing.is_empty() {
            return missing;
        }
        let mut vocab = BTreeSet::new();
        let mut shards = BTreeSet::new();
        for w in query
            .words
            .iter()
            .filter(|w| self.direct_matches(w).is_empty())
        {
            let (candidates, unread) = self.typo_candidates(w);
            vocab.extend(unread.into_iter().map(Need::Vocab));
            shards.extend(
                candidates
                    .iter()
                    .map(|t| Need::Shard(self.root.shard_for(t))),
            );
        }
        let vocab: Vec<Need> = vocab.into_iter().filter(|&n| !self.loaded(n)).collect();
        if !vocab.is_empty() {
            return vocab;
        }
        shards.into_iter().filter(|&n| !self.loaded(n)).collect()
    }

    /// The shards that say which articles suit `route`, not loaded yet.
    pub fn needs_for_route(&self, route: &str) -> Vec<Need> {
        let mut terms: Vec<String> = route_terms(route).into_iter().map(|(t, _)| t).collect();
        terms.push(STARTER_TERM.to_string());
        let set: BTreeSet<Need> = terms
            .iter()
            .map(|t| Need::Shard(self.root.shard_for(t)))
            .collect();
        set.into_iter().filter(|&n| !self.loaded(n)).collect()
    }

    /// The chunks that hold `docs` and are not loaded yet.
    pub fn needs_for_docs(&self, docs: impl IntoIterator<Item = u32>) -> Vec<Need> {
        let set: BTreeSet<Need> = docs
            .into_iter()
            .map(|d| Need::Chunk(self.root.chunk_for(d)))
            .collect();
        set.into_iter().filter(|&n| !self.loaded(n)).collect()
    }

    /// The shard that says which document has the id `id`, if not loaded.
    pub fn needs_for_id(&self, id: &str) -> Vec<Need> {
        let need = Need::Shard(self.root.shard_for(&id_term(id)));
        if self.loaded(need) {
            Vec::new()
        } else {
            vec![need]
        }
    }

    /// The terms matching `w` exactly or, if unfinished, as a prefix, in
    /// the shards loaded so far.
    pub(super) fn direct_matches(&self, w: &QueryWord) -> Vec<(&TermEntry, MatchKind)> {
        let mut matched: Vec<(&TermEntry, MatchKind)> = Vec::new();
        if let Some(entry) = w.term.as_deref().and_then(|t| self.entry(t)) {
            matched.push((entry, MatchKind::Exact));
        }
        let precomputed = (w.prefix && is_short(&w.word))
            .then(|| self.entry(&prefix_term(&w.word)))
            .flatten();
        if let Some(entry) = precomputed {
            matched.push((entry, MatchKind::Prefix));
        } else if w.prefix {
            let mut prefixes = vec![w.word.as_str()];
            if let Some(term) = w.term.as_deref().filter(|t| *t != w.word) {
                prefixes.push(term);
            }
            for prefix in prefixes {
                for i in self.root.shards_for_prefix(prefix) {
                    let Some(shard) = &self.shards[i] else {
                        continue;
                    };
                    for entry in shard.with_prefix(prefix) {
                        if !matched.iter().any(|(e, _)| e.term == entry.term) {
                            matched.push((entry, MatchKind::Prefix));
                        }
                    }
                }
            }
        }
        matched
    }

    /// Index terms one typo away from `w` (sharing its first letter, accents
    /// aside), from loaded shards or term lists, and the term lists still
    /// to read.
    pub(super) fn typo_candidates(&self, w: &QueryWord) -> (Vec<String>, Vec<usize>) {
        let chars = folded(&w.word);
        let swap_only = chars.len() == SWAP_ONLY_CHARS;
        if chars.len() < TYPO_MIN_CHARS && !swap_only {
            return (Vec::new(), Vec::new());
        }
        let stem = folded(w.term.as_deref().unwrap_or(&w.word));
        // Terms are sorted by their own letters: an accented first letter
        // sits apart from the plain one, so both are looked through.
        let plain = chars[0];
        let firsts: Vec<char> = std::iter::once(plain)
            .chain(
                ACCENTED_FIRST
                    .iter()
                    .copied()
                    .filter(|&c| fold(c) == plain && c != plain),
            )
            .collect();
        let mut candidates = Vec::new();
        let mut cut = Vec::new();
        let mut unread = Vec::new();
        for first in firsts.iter().map(char::to_string) {
            for i in self.root.shards_for_prefix(&first) {
                let terms: Box<dyn Iterator<Item = &str>> = match (&self.shards[i], &self.vocabs[i])
                {
                    (Some(shard), _) => {
                        Box::new(shard.with_prefix(&first).iter().map(|e| e.term.as_str()))
                    }
                    (None, Some(list)) => Box::new(
                        list.terms
                            .iter()
                            .map(String::as_str)
                            .filter(|t| t.starts_with(&first)),
                    ),
                    (None, None) => {
                        unread.push(i);
                        continue;
                    }
                };
                for term in terms {
                    let term_chars = folded(term);
                    let typo = if swap_only {
                        is_swap(&chars, &term_chars) || is_swap(&stem, &term_chars)
                    } else {
                        is_typo_of(&chars, &stem, w.prefix, &term_chars)
                    };
                    if typo {
                        candidates.push(term.to_string());
                    } else if !swap_only && is_cut_typo_of(&chars, &term_chars) {
                        cut.push(term.to_string());
                    }
                }
            }
        }
        unread.sort_unstable();
        unread.dedup();
        // "screenshoot" is a typo of "screenshot": "screen" must not
        // compete with it as a cut stem.
        if candidates.is_empty() {
            candidates = cut;
        }
        (candidates, unread)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn one_edit_covers_insert_delete_substitute_and_swap() {
        assert!(within_one_edit(&chars("payment"), &chars("payment")));
        assert!(within_one_edit(&chars("paymnet"), &chars("payment")));
        assert!(within_one_edit(&chars("threshhold"), &chars("threshold")));
        assert!(within_one_edit(&chars("paymant"), &chars("payment")));
        assert!(within_one_edit(&chars("payments"), &chars("payment")));
        assert!(!within_one_edit(&chars("pamyetn"), &chars("payment")));
        assert!(!within_one_edit(&chars("pay"), &chars("payment")));
        assert!(prefix_within_one_edit(&chars("paymn"), &chars("payment")));
        assert!(!prefix_within_one_edit(&chars("pymnt"), &chars("payment")));
    }

    #[test]
    fn accents_fold_to_plain_letters() {
        assert_eq!(folded("notificações"), chars("notificacoes"));
        assert_eq!(
            folded("Größe"),
            chars("Große"),
            "only accents go, not ß or case"
        );
        for c in ACCENTED_FIRST {
            assert!(fold(c).is_ascii_lowercase(), "{c} folds to {}", fold(c));
        }
    }

    #[test]
    fn a_word_typed_without_accents_is_a_typo_of_the_accented_stem() {
        // Portuguese stems "notificações" to "notific" but "notificacoes"
        // to "notificaco": only the stem cut matches, once folded.
        let typo = |word: &str, stem: &str, term: &str| {
            let (word, term) = (folded(word), folded(term));
            is_typo_of(&word, &folded(stem), false, &term) || is_cut_typo_of(&word, &term)
        };
        assert!(typo("notificacoes", "notificaco", "notific"));
        assert!(typo("ejecter", "eject", "éject"));
        assert!(typo("horario", "horari", "horári"));
    }

    #[test]
    fn a_typo_in_a_long_cut_suffix_still_finds_the_stem() {
        let typo = |word: &str, stem: &str, term: &str| {
            let (word, term) = (chars(word), chars(term));
            is_typo_of(&word, &chars(stem), false, &term) || is_cut_typo_of(&word, &term)
        };
        assert!(is_cut_typo_of(&chars("contrasate"), &chars("contr")));
        assert!(!is_typo_of(
            &chars("contrasate"),
            &chars("contrasat"),
            false,
            &chars("contr")
        ));
        // "contraste" stems to "contr", "contrasate" to "contrasat".
        assert!(typo("contrasate", "contrasat", "contr"));
        assert!(typo(
            "bildschirmhelligkiet",
            "bildschirmhelligkiet",
            "bildschirmhell"
        ));
        // A typo in the stem itself, with the suffix cut.
        assert!(typo(
            "bildschirnhelligkeit",
            "bildschirnhell",
            "bildschirmhell"
        ));
        // The stem must keep half the word, and four letters.
        assert!(!typo("contrasate", "contrasat", "cont"));
        assert!(!typo(
            "bildschirmhelligkiet",
            "bildschirmhelligkiet",
            "bildsch"
        ));
        assert!(!typo("abcdefghij", "abcdefghij", "abcd"));
    }

    #[test]
    fn a_typo_that_changes_the_stem_still_finds_the_whole_word() {
        // Porter stems "wireles" to "wirel", two edits from "wireless",
        // which it keeps whole: the word as typed is one edit from it.
        assert!(!within_one_edit(&chars("wirel"), &chars("wireless")));
        assert!(is_typo_of(
            &chars("wireles"),
            &chars("wirel"),
            false,
            &chars("wireless")
        ));
        assert!(!is_typo_of(
            &chars("wirles"),
            &chars("wirl"),
            false,
            &chars("wireless")
        ));
    }

    #[test]
    fn four_letter_words_allow_a_swap_only() {
        assert!(is_swap(&chars("tlea"), &chars("tela")));
        assert!(is_swap(&chars("mial"), &chars("mail")));
        assert!(
            !is_swap(&chars("tela"), &chars("tela")),
            "no typo is not a swap"
        );
        assert!(!is_swap(&chars("tel"), &chars("tela")));
        assert!(
            !is_swap(&chars("tele"), &chars("tela")),
            "a substitution is not a swap"
        );
        assert!(!is_swap(&chars("ltae"), &chars("tela")));
    }
}
