//! The text pipeline: tokenize, trim, drop stop words, stem.
//!
//! The index builder runs elasticlunr-rs 3.1's pipeline at build time; this
//! module is its query-side twin, small enough for the widget's wasm (no
//! regex, no Unicode tables beyond those in `core`). Step by step:
//!
//! 1. **Tokenize** like elasticlunr: split on whitespace and `-`, lowercase.
//! 2. **Trim** with [`trim`], which both sides share. It fixes two
//!    weaknesses of elasticlunr's trimmers: accented letters are word
//!    characters in every language (English no longer turns "café" into
//!    "caf"), and French elisions are dropped ("l'écran" is "écran").
//! 3. **Drop stop words**, from the same lists elasticlunr uses.
//! 4. **Stem** with the Snowball stemmers of rust-stemmers.
//!
//! The differential test in `index-builder` runs both pipelines over every
//! token of the example and benchmark corpora and requires equal output.

use rust_stemmers::{Algorithm, Stemmer};

use crate::stopwords;

/// A language the pipeline knows how to stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// English, the fallback for any unknown locale.
    English,
    /// French.
    French,
    /// German.
    German,
    /// Portuguese (Brazilian and European).
    Portuguese,
}

impl Language {
    /// Every supported language.
    pub const ALL: [Language; 4] = [
        Language::English,
        Language::French,
        Language::German,
        Language::Portuguese,
    ];

    /// The language for a locale tag such as `fr`, `de-AT` or `pt-BR`.
    ///
    /// Unknown locales fall back to English, the help center's fallback
    /// language.
    pub fn from_locale(locale: &str) -> Language {
        let base = locale.split(['-', '_']).next().unwrap_or(locale);
        match base.to_ascii_lowercase().as_str() {
            "fr" => Language::French,
            "de" => Language::German,
            "pt" => Language::Portuguese,
            _ => Language::English,
        }
    }

    /// The ISO 639-1 code, as elasticlunr names its languages.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::German => "de",
            Language::Portuguese => "pt",
        }
    }

    fn stop_words(self) -> &'static [&'static str] {
        match self {
            Language::English => stopwords::ENGLISH,
            Language::French => stopwords::FRENCH,
            Language::German => stopwords::GERMAN,
            Language::Portuguese => stopwords::PORTUGUESE,
        }
    }

    /// Whether `word` (lowercased and trimmed) is a stop word.
    pub fn is_stop_word(self, word: &str) -> bool {
        self.stop_words()
            .binary_search_by(|w| w.as_bytes().cmp(word.as_bytes()))
            .is_ok()
    }

    fn stemmer(self) -> Algorithm {
        match self {
            Language::English => Algorithm::English,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Portuguese => Algorithm::Portuguese,
        }
    }
}

/// French articles and pronouns that elide before a vowel ("l'", "qu'").
const FRENCH_ELISIONS: &[&str] = &[
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The trimmer both sides share: strips anything but letters, digits and
/// `_` from both ends of a token and, in French, a leading elision.
///
/// Returns the byte range of the kept part within `token`, so callers can
/// trim a lowercased token and its original text alike.
pub fn trim_range(token: &str, language: Language) -> (usize, usize) {
    let start = token.find(is_word_char).unwrap_or(token.len());
    let end = token.rfind(is_word_char).map_or(start, |i| {
        i + token[i..].chars().next().map_or(1, char::len_utf8)
    });
    let (mut start, end) = (start, end.max(start));
    if language == Language::French
        && let Some((offset, quote)) = token[start..end]
            .char_indices()
            .find(|&(_, c)| is_apostrophe(c))
    {
        let head = &token[start..start + offset];
        if FRENCH_ELISIONS.iter().any(|e| head.eq_ignore_ascii_case(e)) {
            let rest = start + offset + quote.len_utf8();
            start = token[rest..end]
                .find(is_word_char)
                .map_or(end, |i| rest + i);
        }
    }
    (start, end)
}

/// [`trim_range`] as a string slice.
pub fn trim(token: &str, language: Language) -> &str {
    let (start, end) = trim_range(token, language);
    &token[start..end]
}

/// Byte ranges of elasticlunr's tokens in `text`: the runs between
/// whitespace and hyphens.
pub fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = None;
    let mut chars = text.char_indices();
    std::iter::from_fn(move || {
        loop {
            match chars.next() {
                Some((i, c)) if c.is_whitespace() || c == '-' => {
                    if let Some(s) = start.take() {
                        return Some((s, i));
                    }
                }
                Some((i, _)) => {
                    start.get_or_insert(i);
                }
                None => return start.take().map(|s| (s, text.len())),
            }
        }
    })
}

/// One term produced from a run of text, with where its word stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalized, stemmed term used for matching.
    pub term: String,
    /// The word lowercased and trimmed but not stemmed, for prefix matching.
    pub word: String,
    /// Byte offset of the word's first byte in the analyzed text.
    pub start: usize,
    /// Byte offset just past the word's last byte in the analyzed text.
    pub end: usize,
}

/// Turns text into index terms for one language.
pub struct Analyzer {
    language: Language,
    stemmer: Stemmer,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("language", &self.language)
            .finish()
    }
}

impl Analyzer {
    /// An analyzer for `language`.
    pub fn new(language: Language) -> Analyzer {
        Analyzer {
            language,
            stemmer: Stemmer::create(language.stemmer()),
        }
    }

    /// The language this analyzer stems for.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Every term of `text`, in order, with byte positions into `text`.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        tokens(text)
            .filter_map(|(start, end)| {
                let original = &text[start..end];
                let (s, e) = trim_range(original, self.language);
                let word = original[s..e].to_lowercase();
                let term = self.stem_word(&word)?;
                Some(Token {
                    term,
                    word,
                    start: start + s,
                    end: start + e,
                })
            })
            .collect()
    }

    /// Just the terms of `text`, as the index stores them.
    pub fn terms(&self, text: &str) -> Vec<String> {
        tokens(text)
            .filter_map(|(start, end)| self.term(&text[start..end].to_lowercase()))
            .collect()
    }

    /// The index term for one lowercased token, or `None` if the pipeline
    /// drops it (only punctuation, or a stop word).
    pub fn term(&self, lowercased_token: &str) -> Option<String> {
        self.stem_word(trim(lowercased_token, self.language))
    }

    /// Stems an already trimmed, lowercased word unless it is a stop word.
    fn stem_word(&self, word: &str) -> Option<String> {
        if word.is_empty() || self.language.is_stop_word(word) {
            return None;
        }
        let stem = self.stemmer.stem(word);
        (!stem.is_empty()).then(|| stem.into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_word_lists_are_sorted_for_binary_search() {
        for language in Language::ALL {
            let words = language.stop_words();
            assert!(
                words.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()),
                "{language:?}"
            );
        }
    }

    #[test]
    fn tokens_are_lowercased_trimmed_stemmed_and_positioned() {
        let text = "Finding your Site ID (SID), quickly!";
        let tokens = Analyzer::new(Language::English).tokens(text);
        let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, ["find", "site", "id", "sid", "quick"]);
        assert_eq!(&text[tokens[3].start..tokens[3].end], "SID");
        assert_eq!(&text[tokens[4].start..tokens[4].end], "quickly");
    }

    #[test]
    fn tokens_split_on_whitespace_and_hyphens_only() {
        let text = "deep-link  to\tsite/links";
        let found: Vec<&str> = tokens(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["deep", "link", "to", "site/links"]);
    }

    #[test]
    fn accented_letters_are_kept_in_every_language() {
        let en = Analyzer::new(Language::English);
        assert_eq!(trim("café", Language::English), "café");
        assert_eq!(en.terms("café"), ["café"]);
        assert_eq!(trim("«déjà»", Language::French), "déjà");
        assert_eq!(trim("(größe)", Language::German), "größe");
    }

    #[test]
    fn french_elisions_are_dropped() {
        assert_eq!(trim("l'écran", Language::French), "écran");
        assert_eq!(
            trim("d\u{2019}affiliation", Language::French),
            "affiliation"
        );
        assert_eq!(trim("qu'il", Language::French), "il");
        assert_eq!(trim("aujourd'hui", Language::French), "aujourd'hui");
        let fr = Analyzer::new(Language::French);
        assert_eq!(fr.terms("l'écran"), fr.terms("écran"));
        // English keeps its apostrophes.
        assert_eq!(trim("publisher's", Language::English), "publisher's");
        let tokens = fr.tokens("Ouvrez l'écran");
        assert_eq!(&"Ouvrez l'écran"[tokens[1].start..tokens[1].end], "écran");
    }

    #[test]
    fn tokens_of_only_punctuation_are_dropped() {
        assert_eq!(trim("—", Language::English), "");
        assert!(Analyzer::new(Language::English).terms("— / ...").is_empty());
    }

    #[test]
    fn locales_map_to_languages() {
        assert_eq!(Language::from_locale("pt-BR"), Language::Portuguese);
        assert_eq!(Language::from_locale("fr"), Language::French);
        assert_eq!(Language::from_locale("de_AT"), Language::German);
        assert_eq!(Language::from_locale("ja"), Language::English);
    }
}
