//! Turns free text into comparable terms: normalized, tokenized, de-noised, stemmed.
//!
//! Learners type in lower case, without punctuation, with abbreviations ("db", "k8s", "js") and
//! filler ("hey, quick question..."). Both the content and the query go through the same
//! pipeline so that "Databases?" and "database" meet as the same stem. The words themselves
//! (filler, synonyms, spelling variants) are content data, `content/search.toml`, read into a
//! [`Lexicon`]; only the mechanics live here.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The search vocabulary from `content/search.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Words that carry no meaning for finding an entry, separated by white space.
    #[serde(default)]
    stopwords: String,
    /// British endings and their American forms, longest first.
    #[serde(default)]
    endings: Vec<(String, String)>,
    /// A typed word and the word the content uses for it.
    #[serde(default)]
    synonyms: HashMap<String, String>,
    /// Words that name a roadmap step as a kind of entry ("the databases step").
    #[serde(default)]
    step_words: String,
    #[serde(skip)]
    stopword_set: HashSet<String>,
    /// The stems of the words the content uses, worked out once (see [`Lexicon::remember_stems`]).
    #[serde(skip)]
    known_stems: HashMap<String, String>,
}

impl Lexicon {
    /// Reads the lexicon's TOML text.
    pub fn parse(text: &str) -> Result<Lexicon, toml::de::Error> {
        let mut lexicon: Lexicon = toml::from_str(text)?;
        lexicon.stopword_set = lexicon.stopwords.split_whitespace().map(str::to_string).collect();
        Ok(lexicon)
    }

    /// The lexicon bundled with the content, for unit tests of the search alone.
    #[cfg(test)]
    pub fn bundled() -> Lexicon {
        Lexicon::parse(include_str!("../../../content/search.toml")).expect("content/search.toml parses")
    }

    /// Synonyms whose word or target is not a single plain word, which could never match.
    pub fn malformed_synonyms(&self) -> Vec<String> {
        let plain = |w: &str| !w.is_empty() && normalize(w) == w && !w.contains(' ');
        let mut bad: Vec<String> = self
            .synonyms
            .iter()
            .filter(|(from, to)| !plain(from) || !plain(to))
            .map(|(from, _)| from.clone())
            .collect();
        bad.sort();
        bad
    }

    /// Whether a term, as [`Lexicon::terms`] gives it, names roadmap steps as a kind.
    pub fn is_step_word(&self, term: &Term) -> bool {
        self.step_words.split_whitespace().any(|w| w == term.word)
    }

    /// The step words, for the step entries to carry as keywords.
    pub fn step_words(&self) -> Vec<String> {
        self.step_words.split_whitespace().map(str::to_string).collect()
    }

    fn is_stopword(&self, word: &str) -> bool {
        self.stopword_set.contains(word)
    }

    fn canonical(&self, word: &str) -> String {
        self.synonyms.get(word).cloned().unwrap_or_else(|| self.american(word))
    }

    fn american(&self, word: &str) -> String {
        for (british, us) in &self.endings {
            if word.len() > british.len() + 2 {
                if let Some(stem) = word.strip_suffix(british.as_str()) {
                    return format!("{stem}{us}");
                }
            }
        }
        word.to_string()
    }

    /// The meaningful terms of a text, in order.
    pub fn terms(&self, text: &str) -> Vec<Term> {
        normalize(text)
            .split(' ')
            .flat_map(expand_hyphen)
            .map(|w| self.canonical(&w))
            .filter(|w| !w.is_empty() && !self.is_stopword(w) && !is_year(w))
            .filter(|w| w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit()))
            .map(|word| Term { stem: self.stem(&word), word })
            .collect()
    }

    /// Keeps the stems of words already stemmed, so a query's usual words skip the stemmer.
    pub(super) fn remember_stems(&mut self, terms: impl Iterator<Item = Term>) {
        self.known_stems.extend(terms.map(|t| (t.word, t.stem)));
    }

    #[cfg(test)]
    pub(super) fn forget_stems(&mut self) {
        self.known_stems.clear();
    }

    fn stem(&self, word: &str) -> String {
        match self.known_stems.get(word) {
            Some(stem) => stem.clone(),
            None => stemmer().stem(word).into_owned(),
        }
    }

    /// Just the stems of a text's terms, for comparing two texts.
    pub fn stems(&self, text: &str) -> Vec<String> {
        self.terms(text).into_iter().map(|t| t.stem).collect()
    }
}

/// "in 2025", "for 2026": learners date their questions, but the year changes nothing about
/// which entry answers them, and a year the content happens to mention must not pull toward it.
fn is_year(word: &str) -> bool {
    word.len() == 4 && (word.starts_with("19") || word.starts_with("20")) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Lower-cases, strips accents, spells out symbols that matter (C#, C++, .NET, Node.js) and
/// replaces every other punctuation mark with a space.
pub fn normalize(text: &str) -> String {
    // ASCII text has no accents to strip, and most questions are ASCII.
    let folded: String = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect::<String>().to_lowercase()
    };
    let spelled = folded
        .replace("c#", " csharp ")
        .replace("c++", " cpp ")
        .replace(".net", " dotnet ")
        .replace("node.js", " nodejs ")
        .replace("ci/cd", " ci cd ");
    spelled
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentences of a text: split after `?`, `!`, `;`, a line break, or a full stop followed by
/// a space (so "node.js" and ".net" stay whole).
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '?' | '!' | ';' | '\n')
            || (c == '.' && chars.peek().is_none_or(|(_, next)| next.is_whitespace()));
        if ends {
            parts.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts.retain(|p| !p.trim().is_empty());
    parts
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// A meaningful word of a text: as written (after synonyms) and stemmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub word: String,
    pub stem: String,
}

/// "full-stack" stays one term so it differs from "stack"; other hyphenated words split.
fn expand_hyphen(word: &str) -> Vec<String> {
    if word == "full-stack" || word == "event-driven" || !word.contains('-') {
        return vec![word.to_string()];
    }
    let joined = word.replace('-', "");
    let mut parts: Vec<String> = word.split('-').map(str::to_string).collect();
    if parts.iter().all(|p| p.len() <= 3) {
        // Short pieces such as "ci-cd" read better as one token.
        parts = vec![joined];
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        Lexicon::bundled().stems(text)
    }

    #[test]
    fn punctuation_case_and_accents_are_ignored() {
        assert_eq!(normalize("What's   the BEST Café?"), "what s the best cafe");
    }

    #[test]
    fn symbols_in_language_names_survive() {
        assert_eq!(normalize("C# or C++ on .NET"), "csharp or cpp on dotnet");
    }

    #[test]
    fn terms_drop_filler_and_share_stems() {
        assert_eq!(stems("Hey, which databases should I learn?"), stems("database learning"));
    }

    #[test]
    fn years_are_dropped_but_other_numbers_stay() {
        assert_eq!(stems("is go worth learning in 2025"), stems("go worth learning"));
        assert_eq!(stems("owasp top 10"), vec!["owasp", "top", "10"]);
    }

    #[test]
    fn abbreviations_become_the_words_the_content_uses() {
        assert_eq!(stems("db"), stems("database"));
        assert_eq!(stems("k8s"), stems("kubernetes"));
    }

    #[test]
    fn misspelt_filler_is_filler_and_chat_spellings_become_words() {
        assert_eq!(stems("wat shud i lern"), stems("learn"));
        assert_eq!(stems("hw do u deploy"), stems("deploy"));
    }

    #[test]
    fn british_and_american_spellings_meet() {
        assert_eq!(stems("specialise behaviour"), stems("specialize behavior"));
    }
}
