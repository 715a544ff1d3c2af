//! Turns free text into comparable terms: normalized, tokenized, de-noised, stemmed.
//!
//! Learners type in lower case, without punctuation, with abbreviations ("db", "k8s", "js") and
//! filler ("hey, quick question..."). Both the content and the query go through the same
//! pipeline so that "Databases?" and "database" meet as the same stem.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// Words that carry no meaning for finding an entry.
const STOPWORDS: &str = "
    a about actually all also am an and any anyone are as at be been being but by can could did do
    does doing even ever explain for from get getting give got guys had has have hello help hey hi
    how i id if im in into is it its ive just kind know like me mean my of ok okay on one or please
    pls question questions quick really should so some someone still stuff tell than thanks that the
    their them then there these they thing things this to u um ur very was we were what whats when
    where which who why will with wondering would you your";

/// Abbreviations and everyday words mapped to the word the content uses (`from=to`).
const SYNONYMS: &str = "
    db=database dbs=database dev=developer devs=developer engineer=developer engineers=developer
    programmer=developer lang=language langs=language k8s=kubernetes js=javascript ts=typescript
    pay=salary paid=salary earn=salary wage=salary income=salary compensation=salary money=salary
    cert=certification certs=certification certificate=certification uni=degree university=degree
    college=degree diploma=degree fullstack=full-stack interviewing=interview yrs=years
    auth=authentication authn=authentication authz=authorization ci=cicd cd=cicd oop=object-oriented
    dsa=algorithms algo=algorithms algos=algorithms leetcode=algorithms css=frontend html=frontend
    ui=frontend workday=day daily=day hired=job hire=job hiring=job employed=job chatgpt=ai gpt=ai
    llm=ai llms=ai copilot=ai laptop=computer pc=computer macbook=computer burnt=burnout
    burned=burnout months=long weeks=long bother=worth";

fn is_stopword(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.split_whitespace().collect()).contains(word)
}

/// "in 2025", "for 2026": learners date their questions, but the year changes nothing about
/// which entry answers them, and a year the content happens to mention must not pull toward it.
fn is_year(word: &str) -> bool {
    word.len() == 4 && (word.starts_with("19") || word.starts_with("20")) && word.bytes().all(|b| b.is_ascii_digit())
}

fn synonym(word: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| SYNONYMS.split_whitespace().filter_map(|pair| pair.split_once('=')).collect());
    map.get(word).copied()
}

/// British spellings become American ones on both sides, so "specialise" meets "specialize".
fn american(word: &str) -> String {
    const ENDINGS: &[(&str, &str)] = &[
        ("isations", "izations"),
        ("isation", "ization"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("iour", "ior"),
        ("vour", "vor"),
        ("lour", "lor"),
    ];
    for (british, us) in ENDINGS {
        if word.len() > british.len() + 2 {
            if let Some(stem) = word.strip_suffix(british) {
                return format!("{stem}{us}");
            }
        }
    }
    word.to_string()
}

/// Lower-cases, strips accents, spells out symbols that matter (C#, C++, .NET, Node.js) and
/// replaces every other punctuation mark with a space.
pub fn normalize(text: &str) -> String {
    let folded: String =
        text.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect::<String>().to_lowercase();
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

/// The meaningful terms of a text, in order.
pub fn terms(text: &str) -> Vec<Term> {
    normalize(text)
        .split(' ')
        .flat_map(expand_hyphen)
        .filter(|w| !w.is_empty() && !is_stopword(w) && !is_year(w))
        .filter(|w| w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| canonical(&w))
        .map(|word| Term { stem: stemmer().stem(&word).into_owned(), word })
        .collect()
}

/// Just the stems of a text's terms, for comparing two texts.
pub fn stems(text: &str) -> Vec<String> {
    terms(text).into_iter().map(|t| t.stem).collect()
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

fn canonical(word: &str) -> String {
    synonym(word).map_or_else(|| american(word), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn british_and_american_spellings_meet() {
        assert_eq!(stems("specialise behaviour"), stems("specialize behavior"));
    }
}
