//! Finds the vocabulary terms a query term may resemble without comparing it to every term.
//!
//! [`term_similarity`](super::score::term_similarity) is the judge; this only narrows whom it
//! judges, and may offer too many candidates but never too few. Its rules allow four kinds of
//! match: the same text, a prefix while completing, a content short form that the typed word
//! starts with, and a typo, which needs the same first letter and a length at most two apart. The
//! first three are found by binary search over the sorted texts, the typos in buckets keyed by
//! first byte and length.

use std::collections::HashMap;

/// One side of the vocabulary (the stems, or the written forms), searchable by text.
#[derive(Default)]
pub(super) struct TextLookup {
    /// Every text with the id of its term, sorted by text.
    sorted: Vec<(String, usize)>,
    /// Term ids by (first byte, length in characters).
    buckets: HashMap<(u8, usize), Vec<usize>>,
}

/// How far apart in length a typo and its word may be (see `term_similarity`).
const MAX_LENGTH_GAP: usize = 2;
/// The shortest content short form a longer typed word may stand for.
const SHORT_FORM_MIN: usize = 4;

impl TextLookup {
    pub(super) fn build<'a>(texts: impl Iterator<Item = (&'a str, usize)>) -> TextLookup {
        let mut lookup = TextLookup::default();
        for (text, id) in texts {
            lookup.sorted.push((text.to_string(), id));
            if let Some(first) = text.bytes().next() {
                lookup.buckets.entry((first, text.chars().count())).or_default().push(id);
            }
        }
        lookup.sorted.sort();
        lookup
    }

    /// Pushes the id of every term that `text` could match onto `into` (with repeats).
    pub(super) fn candidates(&self, text: &str, allow_prefix: bool, into: &mut Vec<usize>) {
        let start = self.sorted.partition_point(|(t, _)| t.as_str() < text);
        let same_or_longer = self.sorted[start..].iter().take_while(|(t, _)| t.starts_with(text));
        into.extend(same_or_longer.filter(|(t, _)| allow_prefix || t == text).map(|(_, id)| *id));
        for (end, _) in text.char_indices().skip(1).filter(|(end, _)| *end >= SHORT_FORM_MIN) {
            self.exact(&text[..end], into);
        }
        let Some(first) = text.bytes().next() else { return };
        let length = text.chars().count();
        for len in length.saturating_sub(MAX_LENGTH_GAP)..=length + MAX_LENGTH_GAP {
            into.extend(self.buckets.get(&(first, len)).into_iter().flatten());
        }
    }

    fn exact(&self, text: &str, into: &mut Vec<usize>) {
        let start = self.sorted.partition_point(|(t, _)| t.as_str() < text);
        into.extend(self.sorted[start..].iter().take_while(|(t, _)| t == text).map(|(_, id)| *id));
    }
}

#[cfg(test)]
mod tests {
    use super::super::score::term_similarity;
    use super::TextLookup;

    #[test]
    fn every_term_the_similarity_accepts_is_a_candidate() {
        let vocab = ["postgres", "post", "docker", "dock", "kubernet", "redis", "rest", "api", "database"];
        let lookup = TextLookup::build(vocab.iter().enumerate().map(|(id, t)| (*t, id)));
        for query in ["postgress", "posts", "dockerfile", "kuberent", "redis", "re", "ap", "databse", "zzz"] {
            for allow_prefix in [false, true] {
                let mut found = Vec::new();
                lookup.candidates(query, allow_prefix, &mut found);
                for (id, term) in vocab.iter().enumerate() {
                    if term_similarity(query, term, allow_prefix) > 0.0 {
                        assert!(found.contains(&id), "{query:?} should offer {term:?}");
                    }
                }
            }
        }
    }
}
