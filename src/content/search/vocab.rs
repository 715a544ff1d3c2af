//! The index's vocabulary: every term the content uses, with its written forms and its weight
//! (inverse document frequency), and the entries that use each term.

use super::score::{BODY_FACTOR, KEYWORD_FACTOR, PHRASE_FACTOR};
use super::text::{Lexicon, Term};
use super::IndexedDoc;
use rustc_hash::FxHashMap as HashMap;

#[derive(Clone)]
pub(super) struct VocabTerm {
    pub(super) stem: String,
    pub(super) words: Vec<String>,
    pub(super) idf: f32,
}

/// Where an entry uses a term: in a phrase, its keywords, its body, or several of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Places(u8);

impl Places {
    const PHRASE: Places = Places(1);
    const KEYWORDS: Places = Places(2);
    const BODY: Places = Places(4);

    pub(super) fn in_phrase(self) -> bool {
        self.0 & Places::PHRASE.0 != 0
    }

    /// Whether the entry titles the term: uses it in a phrase or its keywords.
    pub(super) fn titles(self) -> bool {
        self.0 & (Places::PHRASE.0 | Places::KEYWORDS.0) != 0
    }

    pub(super) fn in_body(self) -> bool {
        self.0 & Places::BODY.0 != 0
    }

    /// The most a match of this similarity here can explain of a query term.
    pub(super) fn best(self, similarity: f32) -> f32 {
        if self.in_phrase() {
            similarity * PHRASE_FACTOR
        } else {
            self.elsewhere(similarity)
        }
    }

    /// What a match of this similarity explains through the keywords or body, as phrases are
    /// scored: see [`super::score::PhraseTerms`].
    pub(super) fn elsewhere(self, similarity: f32) -> f32 {
        let keywords = if self.0 & Places::KEYWORDS.0 != 0 { similarity * KEYWORD_FACTOR } else { 0.0 };
        let body = if self.0 & Places::BODY.0 != 0 { similarity * BODY_FACTOR } else { 0.0 };
        keywords.max(body)
    }
}

/// For each term, the entries that use it (in content order), each with where it uses it.
pub(super) fn postings(docs: &[IndexedDoc], terms: usize) -> Vec<Vec<(usize, Places)>> {
    let mut postings: Vec<Vec<(usize, Places)>> = vec![Vec::new(); terms];
    for (i, doc) in docs.iter().enumerate() {
        let phrases = doc.phrases.iter().flatten().map(|t| (*t, Places::PHRASE));
        let keywords = doc.keywords.iter().map(|t| (*t, Places::KEYWORDS));
        for (term, place) in phrases.chain(keywords).chain(doc.body.iter().map(|t| (*t, Places::BODY))) {
            match postings[term].last_mut() {
                Some((last, places)) if *last == i => places.0 |= place.0,
                _ => postings[term].push((i, place)),
            }
        }
    }
    postings
}

pub(super) fn dedup(mut ids: Vec<usize>) -> Vec<usize> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Words the content never uses weigh like a typical content word: enough that a query made
/// mostly of them finds nothing, not so much that one stray word sinks a good match.
pub(super) fn median_idf(vocab: &[VocabTerm]) -> f32 {
    let mut idfs: Vec<f32> = vocab.iter().map(|v| v.idf).collect();
    idfs.sort_by(f32::total_cmp);
    idfs.get(idfs.len() / 2).copied().unwrap_or(1.0)
}

pub(super) struct VocabBuilder<'l> {
    lexicon: &'l Lexicon,
    ids: HashMap<String, usize>,
    terms: Vec<(String, Vec<String>)>,
}

impl<'l> VocabBuilder<'l> {
    pub(super) fn new(lexicon: &'l Lexicon) -> Self {
        VocabBuilder { lexicon, ids: HashMap::default(), terms: Vec::new() }
    }

    pub(super) fn add_text(&mut self, text: &str) -> Vec<usize> {
        self.lexicon.terms(text).into_iter().map(|t| self.add(t)).collect()
    }

    fn add(&mut self, term: Term) -> usize {
        let id = *self.ids.entry(term.stem.clone()).or_insert_with(|| {
            self.terms.push((term.stem.clone(), Vec::new()));
            self.terms.len() - 1
        });
        let words = &mut self.terms[id].1;
        if !words.contains(&term.word) {
            words.push(term.word);
        }
        id
    }

    /// Weighs each term by how few entries use it (inverse document frequency). An entry whose
    /// body merely mentions a word counts half, so a word that titles few entries stays weighty
    /// even when many answers mention it in passing.
    pub(super) fn finish(self, docs: &[IndexedDoc]) -> Vec<VocabTerm> {
        let mut doc_counts = vec![0.0f32; self.terms.len()];
        for doc in docs {
            let titled = dedup(doc.phrases.iter().flatten().chain(&doc.keywords).copied().collect());
            for id in &titled {
                doc_counts[*id] += 1.0;
            }
            for id in doc.body.iter().filter(|id| titled.binary_search(id).is_err()) {
                doc_counts[*id] += 0.5;
            }
        }
        let n = docs.len() as f32;
        self.terms
            .into_iter()
            .zip(doc_counts)
            .map(|((stem, words), count)| VocabTerm { stem, words, idf: ((n + 1.0) / (count + 0.5)).ln() })
            .collect()
    }
}
