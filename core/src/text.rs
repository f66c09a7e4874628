//! The text pipeline: tokenize, trim, lowercase, drop stop words, stem.
//!
//! The builder runs it over article fields and the widget runs it over what
//! the reader types. Both sides call this one module, so a word indexed at
//! build time is found by the same word typed in the browser.

use rust_stemmers::{Algorithm, Stemmer};

/// A language the pipeline knows how to stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// English, the fallback for any unknown locale.
    English,
}

impl Language {
    /// The language for a locale tag such as `en` or `en-GB`.
    ///
    /// Unknown locales fall back to English, the help center's fallback
    /// language.
    pub fn from_locale(_locale: &str) -> Language {
        Language::English
    }
}

/// One term produced from a run of text, with where its word stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalized, stemmed term used for matching.
    pub term: String,
    /// The word as lowercased before stemming, used for prefix matching.
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
        f.debug_struct("Analyzer").field("language", &self.language).finish()
    }
}

impl Analyzer {
    /// An analyzer for `language`.
    pub fn new(language: Language) -> Analyzer {
        let algorithm = match language {
            Language::English => Algorithm::English,
        };
        Analyzer { language, stemmer: Stemmer::create(algorithm) }
    }

    /// The language this analyzer stems for.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Every term of `text`, in order, with byte positions into `text`.
    ///
    /// Stop words are dropped; everything else is lowercased and stemmed.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        words(text)
            .filter_map(|(start, end)| {
                let word = text[start..end].to_lowercase();
                let term = self.term(&word)?;
                Some(Token { term, word, start, end })
            })
            .collect()
    }

    /// The index term for one lowercased word, or `None` for a stop word.
    pub fn term(&self, lowercased_word: &str) -> Option<String> {
        if lowercased_word.is_empty() || is_stop_word(self.language, lowercased_word) {
            return None;
        }
        Some(self.stemmer.stem(lowercased_word).into_owned())
    }
}

/// Byte ranges of the words in `text`: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

fn is_stop_word(language: Language, word: &str) -> bool {
    match language {
        Language::English => ENGLISH_STOP_WORDS.binary_search(&word).is_ok(),
    }
}

/// English stop words, sorted so lookups can binary search.
const ENGLISH_STOP_WORDS: &[&str] = &[
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an",
    "and", "any", "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot",
    "could", "dear", "did", "do", "does", "either", "else", "ever", "every", "for", "from",
    "get", "got", "had", "has", "have", "he", "her", "hers", "him", "his", "how", "however",
    "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like", "likely",
    "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off",
    "often", "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says",
    "she", "should", "since", "so", "some", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "tis", "to", "too", "twas", "us", "wants", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "yet", "you", "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(ENGLISH_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn tokens_are_lowercased_stemmed_and_positioned() {
        let text = "Finding your Site ID, quickly!";
        let tokens = Analyzer::new(Language::English).tokens(text);
        let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, ["find", "site", "id", "quick"]);
        assert_eq!(&text[tokens[0].start..tokens[0].end], "Finding");
        assert_eq!(&text[tokens[3].start..tokens[3].end], "quickly");
    }

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        let text = "SID: 12345—links/deep-link";
        let found: Vec<&str> = words(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["SID", "12345", "links", "deep", "link"]);
    }
}
