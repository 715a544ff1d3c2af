//! Finds the vocabulary terms a query term may resemble without comparing it to every term.
//!
//! [`term_similarity`](super::score::term_similarity) is the judge; this only narrows whom it
//! judges, and may offer too many candidates but never too few. Its rules allow four kinds of
//! match: the same text, a prefix while completing, a content short form that the typed word
//! starts with, and a typo, which needs the same first letter and a length at most two apart. The
//! same text and short forms are found by hashing, prefixes by binary search over the sorted
//! texts, the typos in buckets keyed by first byte and length. (A binary search over texts
//! follows a pointer at each step, which costs more than a hash on a short word.)

use super::score::{kinds_differ_by_more_than, letter_kinds, term_similarity, typo_allowance};
use rustc_hash::FxHashMap as HashMap;

/// One side of the vocabulary (the stems, or the written forms), searchable by text.
#[derive(Default, Clone)]
pub(super) struct TextLookup {
    /// Every text with the id of its term, sorted by text.
    sorted: Vec<(String, usize)>,
    /// The ids of the terms written with each text.
    exact: HashMap<String, Vec<usize>>,
    /// Texts by (first byte, length in characters), with their term ids and letter kinds.
    buckets: HashMap<(u8, usize), Vec<TypoText>>,
}

/// A text kept for typo matching, with its term and its [`letter_kinds`].
#[derive(Clone)]
struct TypoText {
    text: String,
    id: usize,
    kinds: u64,
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
            lookup.exact.entry(text.to_string()).or_default().push(id);
            if let Some(first) = text.bytes().next() {
                let bucket = lookup.buckets.entry((first, text.chars().count())).or_default();
                bucket.push(TypoText { text: text.to_string(), id, kinds: letter_kinds(text) });
            }
        }
        lookup.sorted.sort();
        lookup
    }

    /// Pushes every term that `text` matches, with the similarity, onto `into` (a term may
    /// come more than once).
    pub(super) fn matches(&self, text: &str, allow_prefix: bool, into: &mut Vec<(usize, f32)>) {
        let mut judge = |stored: &str, id: &usize| {
            let similarity = term_similarity(text, stored, allow_prefix);
            if similarity > 0.0 {
                into.push((*id, similarity));
            }
        };
        if allow_prefix {
            let start = self.sorted.partition_point(|(t, _)| t.as_str() < text);
            let same_or_longer = self.sorted[start..].iter().take_while(|(t, _)| t.starts_with(text));
            same_or_longer.for_each(|(t, id)| judge(t, id));
        } else {
            self.exact.get(text).into_iter().flatten().for_each(|id| judge(text, id));
        }
        for (end, _) in text.char_indices().skip(1).filter(|(end, _)| *end >= SHORT_FORM_MIN) {
            let short = &text[..end];
            self.exact.get(short).into_iter().flatten().for_each(|id| judge(short, id));
        }
        // Typos: only for typed words of five bytes or more (see `term_similarity`).
        let (Some(first), true) = (text.bytes().next(), text.len() >= 5) else { return };
        let length = text.chars().count();
        let (kinds, allowed) = (letter_kinds(text), typo_allowance(length));
        for len in length.saturating_sub(MAX_LENGTH_GAP)..=length + MAX_LENGTH_GAP {
            // Exact, prefix and short-form matches were judged above; only typos are left here,
            // and most texts of a bucket are ruled out by their letters alone.
            let bucket = self.buckets.get(&(first, len)).into_iter().flatten();
            let typos = bucket.filter(|s| !kinds_differ_by_more_than(kinds, s.kinds, allowed) && s.text != text);
            typos.for_each(|s| judge(&s.text, &s.id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::score::term_similarity;
    use super::TextLookup;

    #[test]
    fn every_term_the_similarity_accepts_is_found_with_its_similarity() {
        let vocab = ["postgres", "post", "docker", "dock", "kubernet", "redis", "rest", "api", "database"];
        let lookup = TextLookup::build(vocab.iter().enumerate().map(|(id, t)| (*t, id)));
        for query in ["postgress", "posts", "dockerfile", "kuberent", "redis", "re", "ap", "databse", "zzz"] {
            for allow_prefix in [false, true] {
                let mut found = Vec::new();
                lookup.matches(query, allow_prefix, &mut found);
                for (id, term) in vocab.iter().enumerate() {
                    let expected = term_similarity(query, term, allow_prefix);
                    let got = found.iter().filter(|(i, _)| *i == id).map(|(_, s)| *s).fold(0.0, f32::max);
                    assert_eq!(got, expected, "{query:?} against {term:?}");
                }
            }
        }
    }
}
