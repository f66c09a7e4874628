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
//! Steps 3 and 4 run for the fifteen languages that elasticlunr-rs and
//! rust-stemmers both know (see [`Language`]). Any other locale is
//! [`Language::Unstemmed`]: steps 1 and 2 only, on both sides alike.
//!
//! The differential test in `index-builder` runs both pipelines over every
//! token of the example and benchmark corpora and requires equal output.

use rust_stemmers::{Algorithm, Stemmer};

use crate::stopwords;

/// How the pipeline treats a locale's words: one of the languages both
/// elasticlunr-rs and rust-stemmers stem, or [`Language::Unstemmed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// English.
    English,
    /// Danish.
    Danish,
    /// Dutch.
    Dutch,
    /// Finnish.
    Finnish,
    /// French.
    French,
    /// German.
    German,
    /// Hungarian.
    Hungarian,
    /// Italian.
    Italian,
    /// Norwegian (`no`, and Bokmål `nb` and Nynorsk `nn`).
    Norwegian,
    /// Portuguese (Brazilian and European).
    Portuguese,
    /// Romanian.
    Romanian,
    /// Russian.
    Russian,
    /// Spanish.
    Spanish,
    /// Swedish.
    Swedish,
    /// Turkish.
    Turkish,
    /// Any other language (Polish, Catalan, Czech…): words are tokenized,
    /// trimmed and lowercased like every other language's, but no stop
    /// word is dropped and nothing is stemmed, so a search matches the
    /// word as written (and, for the last word typed, its completions).
    Unstemmed,
}

impl Language {
    /// Every variant, the stemmed languages first.
    pub const ALL: [Language; 16] = [
        Language::English,
        Language::Danish,
        Language::Dutch,
        Language::Finnish,
        Language::French,
        Language::German,
        Language::Hungarian,
        Language::Italian,
        Language::Norwegian,
        Language::Portuguese,
        Language::Romanian,
        Language::Russian,
        Language::Spanish,
        Language::Swedish,
        Language::Turkish,
        Language::Unstemmed,
    ];

    /// The language for a locale tag such as `fr`, `de-AT`, `pt-BR` or
    /// `pl`, by its first subtag (case and `_` for `-` do not matter).
    ///
    /// A language no stemmer covers is [`Language::Unstemmed`]: the builder
    /// and the widget both call this, so both sides agree on it.
    pub fn from_locale(locale: &str) -> Language {
        let base = locale.split(['-', '_']).next().unwrap_or(locale);
        match base.to_ascii_lowercase().as_str() {
            "en" => Language::English,
            "da" => Language::Danish,
            "nl" => Language::Dutch,
            "fi" => Language::Finnish,
            "fr" => Language::French,
            "de" => Language::German,
            "hu" => Language::Hungarian,
            "it" => Language::Italian,
            "no" | "nb" | "nn" => Language::Norwegian,
            "pt" => Language::Portuguese,
            "ro" => Language::Romanian,
            "ru" => Language::Russian,
            "es" => Language::Spanish,
            "sv" => Language::Swedish,
            "tr" => Language::Turkish,
            _ => Language::Unstemmed,
        }
    }

    /// The ISO 639-1 code (`und`, "undetermined", for
    /// [`Language::Unstemmed`]); [`Language::from_locale`] maps it back.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Danish => "da",
            Language::Dutch => "nl",
            Language::Finnish => "fi",
            Language::French => "fr",
            Language::German => "de",
            Language::Hungarian => "hu",
            Language::Italian => "it",
            Language::Norwegian => "no",
            Language::Portuguese => "pt",
            Language::Romanian => "ro",
            Language::Russian => "ru",
            Language::Spanish => "es",
            Language::Swedish => "sv",
            Language::Turkish => "tr",
            Language::Unstemmed => "und",
        }
    }

    /// Whether words are stemmed (and stop words dropped).
    pub fn is_stemmed(self) -> bool {
        self != Language::Unstemmed
    }

    /// The stop words dropped in this language, sorted by bytes: the list
    /// elasticlunr-rs drops on the build side (none when unstemmed).
    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Language::English => stopwords::ENGLISH,
            Language::Danish => stopwords::DANISH,
            Language::Dutch => stopwords::DUTCH,
            Language::Finnish => stopwords::FINNISH,
            Language::French => stopwords::FRENCH,
            Language::German => stopwords::GERMAN,
            Language::Hungarian => stopwords::HUNGARIAN,
            Language::Italian => stopwords::ITALIAN,
            Language::Norwegian => stopwords::NORWEGIAN,
            Language::Portuguese => stopwords::PORTUGUESE,
            Language::Romanian => stopwords::ROMANIAN,
            Language::Russian => stopwords::RUSSIAN,
            Language::Spanish => stopwords::SPANISH,
            Language::Swedish => stopwords::SWEDISH,
            Language::Turkish => stopwords::TURKISH,
            Language::Unstemmed => &[],
        }
    }

    /// Whether `word` (lowercased and trimmed) is a stop word.
    pub fn is_stop_word(self, word: &str) -> bool {
        self.stop_words()
            .binary_search_by(|w| w.as_bytes().cmp(word.as_bytes()))
            .is_ok()
    }

    /// The Snowball algorithm, if the language is stemmed.
    pub fn stemmer(self) -> Option<Algorithm> {
        Some(match self {
            Language::English => Algorithm::English,
            Language::Danish => Algorithm::Danish,
            Language::Dutch => Algorithm::Dutch,
            Language::Finnish => Algorithm::Finnish,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Hungarian => Algorithm::Hungarian,
            Language::Italian => Algorithm::Italian,
            Language::Norwegian => Algorithm::Norwegian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Romanian => Algorithm::Romanian,
            Language::Russian => Algorithm::Russian,
            Language::Spanish => Algorithm::Spanish,
            Language::Swedish => Algorithm::Swedish,
            Language::Turkish => Algorithm::Turkish,
            Language::Unstemmed => return None,
        })
    }
}

/// French articles and pronouns that elide before a vowel ("l'", "qu'").
const FRENCH_ELISIONS: &[&str] = &[
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
];

/// A letter without its accent (`é` → `e`, `ç` → `c`, `ö` → `o`). Readers
/// often type without accents: the query side folds a word to find the
/// accented term as a typo of it, and the builder gives a plain term the
/// postings of its accented forms (see [`crate::IndexWriter::finish`]).
/// Covers the Latin letters of the stemmed languages; any other character
/// is itself, and `ß` stays `ß`.
pub fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

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
    stemmer: Option<Stemmer>,
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
            stemmer: language.stemmer().map(Stemmer::create),
        }
    }

    /// The language this analyzer is for.
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
        let Some(stemmer) = &self.stemmer else {
            return Some(word.to_string());
        };
        let stem = stemmer.stem(word);
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
        assert_eq!(Language::from_locale("es-MX"), Language::Spanish);
        assert_eq!(Language::from_locale("nl"), Language::Dutch);
        assert_eq!(Language::from_locale("nb"), Language::Norwegian);
        assert_eq!(Language::from_locale("pl"), Language::Unstemmed);
        assert_eq!(Language::from_locale("ca"), Language::Unstemmed);
        for language in Language::ALL {
            assert_eq!(Language::from_locale(language.code()), language);
            assert_eq!(language.is_stemmed(), language.stemmer().is_some());
        }
    }

    #[test]
    fn new_languages_are_stemmed_and_drop_their_stop_words() {
        let es = Analyzer::new(Language::Spanish);
        assert_eq!(es.terms("pagos"), es.terms("pago"));
        assert_eq!(es.terms("los pagos de la cuenta"), ["pag", "cuent"]);
        let it = Analyzer::new(Language::Italian);
        assert_eq!(it.terms("pagamenti"), it.terms("pagamento"));
        let nl = Analyzer::new(Language::Dutch);
        assert_eq!(nl.terms("de betalingen"), nl.terms("betaling"));
    }

    #[test]
    fn unstemmed_languages_keep_every_word_as_written() {
        let pl = Analyzer::new(Language::Unstemmed);
        assert_eq!(
            pl.terms("Płatności i «wypłaty» w panelu"),
            ["płatności", "i", "wypłaty", "w", "panelu"]
        );
        assert_ne!(pl.terms("płatność"), pl.terms("płatności"));
        assert!(Language::Unstemmed.stop_words().is_empty());
    }
}
