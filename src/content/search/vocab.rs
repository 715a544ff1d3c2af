//! The index's vocabulary: every term the content uses, with its written forms and its weight
//! (inverse document frequency), and the entries that use each term.

use super::text::{Lexicon, Term};
use super::IndexedDoc;
use std::collections::HashMap;

pub(super) struct VocabTerm {
    pub(super) stem: String,
    pub(super) words: Vec<String>,
    pub(super) idf: f32,
}

pub(super) fn postings(docs: &[IndexedDoc], terms: usize) -> Vec<Vec<usize>> {
    let mut postings = vec![Vec::new(); terms];
    for (i, doc) in docs.iter().enumerate() {
        let used = dedup(doc.phrases.iter().flatten().chain(&doc.keywords).chain(&doc.body).copied().collect());
        for term in used {
            postings[term].push(i);
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
        VocabBuilder { lexicon, ids: HashMap::new(), terms: Vec::new() }
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
