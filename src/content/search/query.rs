//! What each word of a query matches in the vocabulary, and the tables worked out once when the
//! index is built so that a question's usual words skip that work.

use super::score::QueryTerm;
use super::text::Term;
use super::vocab::VocabTerm;
use super::SearchIndex;
use rustc_hash::FxHashMap as HashMap;

impl SearchIndex {
    /// This index without the tables worked out at build time, to test that they are only a
    /// shortcut.
    #[cfg(test)]
    pub(super) fn without_precomputed_words(&self) -> SearchIndex {
        let mut slow = self.clone();
        slow.known_words.clear();
        slow.lexicon.forget_stems();
        slow
    }

    pub(super) fn match_known_words(&self) -> HashMap<String, (String, QueryTerm)> {
        written_forms(&self.vocab)
            .map(|term| {
                let matched = self.match_term(&term, false);
                (term.word, (term.stem, matched))
            })
            .collect()
    }

    pub(super) fn query_terms(&self, words: &[Term], completing: bool) -> Vec<QueryTerm> {
        let last = words.len().saturating_sub(1);
        words.iter().enumerate().map(|(i, term)| self.query_term(term, completing && i == last)).collect()
    }

    fn query_term(&self, term: &Term, allow_prefix: bool) -> QueryTerm {
        match self.known_words.get(&term.word) {
            // A written form always has the one stem; the check keeps that an assumption no
            // lexicon change can break silently.
            Some((stem, known)) if !allow_prefix && *stem == term.stem => known.clone(),
            _ => self.match_term(term, allow_prefix),
        }
    }

    fn match_term(&self, term: &Term, allow_prefix: bool) -> QueryTerm {
        // The stem against stems, the word as typed against written forms, as one list by id.
        let mut found = Vec::new();
        self.stem_lookup.matches(&term.stem, allow_prefix, &mut found);
        self.word_lookup.matches(&term.word, allow_prefix, &mut found);
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        found.dedup_by_key(|(id, _)| *id);
        let mut best: Option<(f32, f32)> = None;
        for (id, similarity) in &found {
            if best.is_none_or(|(s, _)| *similarity > s) {
                best = Some((*similarity, self.vocab[*id].idf));
            }
        }
        let matches = found;
        let weight = best.map_or(self.unknown_weight, |(_, idf)| idf);
        QueryTerm { weight, matches }
    }
}

/// Every written form of the vocabulary with its stem.
pub(super) fn written_forms(vocab: &[VocabTerm]) -> impl Iterator<Item = Term> + '_ {
    vocab.iter().flat_map(|v| v.words.iter().map(|w| Term { word: w.clone(), stem: v.stem.clone() }))
}
