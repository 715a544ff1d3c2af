//! How well one query term matches one content term, and how well a query matches a phrase.
//!
//! Typos are forgiven only where they are unlikely to turn one real word into another: the first
//! letter must agree, short words must match exactly, and longer words may differ by one edit
//! (two from eight letters). A partly typed last word matches by prefix only in autocomplete.

/// The similarity of a query term to a content term, from 0 (unrelated) to 1 (the same).
pub(crate) fn term_similarity(query: &str, term: &str, allow_prefix: bool) -> f32 {
    if query == term {
        return 1.0;
    }
    if allow_prefix && query.len() >= 2 && term.starts_with(query) {
        return 0.9;
    }
    // The content's own short forms ("prep", "auth", "config") stand for the longer word typed.
    if term.len() >= 4 && query.len() > term.len() && query.starts_with(term) {
        return 0.75;
    }
    // Cheap refusals first: this runs for every vocabulary word on every query.
    if query.as_bytes().first() != term.as_bytes().first() || query.len() < 5 || term.len() < 4 {
        return 0.0;
    }
    let (q_len, t_len) = (query.chars().count(), term.chars().count());
    let allowed = if q_len >= 8 { 2 } else { 1 };
    if q_len.abs_diff(t_len) > allowed || letters_differ_by_more_than(query, term, allowed) {
        return 0.0;
    }
    match strsim::osa_distance(query, term) {
        d if d <= 1 && d <= allowed => 0.8,
        d if d <= allowed => 0.7,
        _ => 0.0,
    }
}

/// A cheap lower bound on the edit distance, to skip the exact one for most pairs: each edit
/// adds or removes at most one letter on each side, and a transposition none, so two words whose
/// letters differ by more than `limit` on one side are more than `limit` edits apart. Only for
/// ASCII words (the content and queries are folded to ASCII letters almost always).
fn letters_differ_by_more_than(a: &str, b: &str, limit: usize) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let mut counts = [0i16; 128];
    a.bytes().for_each(|c| counts[usize::from(c)] += 1);
    b.bytes().for_each(|c| counts[usize::from(c)] -= 1);
    let (only_a, only_b) = counts.iter().fold((0, 0), |(pa, pb), c| (pa + c.max(&0), pb - c.min(&0)));
    usize::from(only_a.max(only_b).unsigned_abs()) > limit
}

/// A phrase of the content (a question, an alias, a name) as term ids, plus how well its
/// entry's keywords and body text (an answer, a summary) explain each query term: less
/// strongly than the phrase, see [`elsewhere_matches`].
pub(crate) struct PhraseTerms<'a> {
    pub phrase: &'a [usize],
    pub elsewhere: &'a [f32],
    /// The weight of every vocabulary term, by id.
    pub idf: &'a [f32],
}

/// For each query term: its weight and its similarity to each vocabulary term it resembles.
pub(crate) struct QueryTerm {
    pub weight: f32,
    pub matches: Vec<(usize, f32)>,
}

impl QueryTerm {
    /// `matches` is in vocabulary order, so a binary search finds a term.
    fn similarity_to(&self, term: usize) -> f32 {
        self.matches.binary_search_by_key(&term, |(t, _)| *t).map_or(0.0, |i| self.matches[i].1)
    }

    fn best_in(&self, ids: &[usize]) -> f32 {
        ids.iter().map(|t| self.similarity_to(*t)).fold(0.0, f32::max)
    }

    /// [`QueryTerm::best_in`] for a long sorted list without repeats (an entry's body): the few
    /// terms this one matches are looked up in it, rather than it in them.
    fn best_in_sorted(&self, ids: &[usize]) -> f32 {
        self.matches.iter().filter(|(t, _)| ids.binary_search(t).is_ok()).map(|(_, s)| *s).fold(0.0, f32::max)
    }

    /// Whether this term matches any of `ids`, which are sorted and without repeats.
    pub(crate) fn appears_in_sorted(&self, ids: &[usize]) -> bool {
        self.matches.iter().any(|(t, _)| ids.binary_search(t).is_ok())
    }
}

/// For each query term, how well an entry's keywords or body explain it. Both lists are sorted
/// and without repeats.
pub(crate) fn elsewhere_matches(query: &[QueryTerm], keywords: &[usize], body: &[usize]) -> Vec<f32> {
    query
        .iter()
        .map(|q| (q.best_in_sorted(keywords) * KEYWORD_FACTOR).max(q.best_in_sorted(body) * BODY_FACTOR))
        .collect()
}

/// Keywords count a little less than words of the phrase itself, so phrasing decides ties.
const KEYWORD_FACTOR: f32 = 0.9;
/// A word found only in the body says the entry is about it, but less surely.
const BODY_FACTOR: f32 = 0.55;

/// Scores a query against one phrase. Mostly: how much of the query's weight the entry explains.
/// Partly: how much of the phrase's weight the query covers (so "redis" prefers "Redis" to
/// "Redis vs Memcached"), and whether words the query puts side by side ("system design",
/// "sql injection") stand side by side in the phrase too.
pub(crate) fn phrase_score(query: &[QueryTerm], terms: &PhraseTerms<'_>) -> f32 {
    let total_weight: f32 = query.iter().map(|q| q.weight).sum();
    if total_weight <= 0.0 || terms.phrase.is_empty() {
        return 0.0;
    }
    let explained: f32 = query
        .iter()
        .zip(terms.elsewhere)
        .map(|(q, elsewhere)| q.weight * q.best_in(terms.phrase).max(*elsewhere))
        .sum();
    let query_coverage = explained / total_weight;
    let together = adjacency(query, terms.phrase).unwrap_or(query_coverage);
    0.65 * query_coverage + 0.2 * phrase_coverage(query, terms) + 0.15 * together
}

/// The share of the phrase's weight that some query term matches.
fn phrase_coverage(query: &[QueryTerm], terms: &PhraseTerms<'_>) -> f32 {
    let weight = |t: usize| terms.idf.get(t).copied().unwrap_or(1.0);
    let total: f32 = terms.phrase.iter().map(|t| weight(*t)).sum();
    let covered: f32 =
        terms.phrase.iter().filter(|t| query.iter().any(|q| q.similarity_to(**t) > 0.0)).map(|t| weight(*t)).sum();
    if total > 0.0 {
        covered / total
    } else {
        0.0
    }
}

/// The share of adjacent query term pairs that are also adjacent in the phrase; `None` for a
/// one-word query, which has no pairs.
fn adjacency(query: &[QueryTerm], phrase: &[usize]) -> Option<f32> {
    if query.len() < 2 {
        return None;
    }
    let pairs = query.windows(2);
    let total = pairs.len() as f32;
    let found = pairs
        .filter(|pair| {
            phrase.windows(2).any(|p| pair[0].similarity_to(p[0]) > 0.0 && pair[1].similarity_to(p[1]) > 0.0)
        })
        .count();
    Some(found as f32 / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_letter_typo_in_a_long_word_still_matches() {
        assert!(term_similarity("postgress", "postgres", false) > 0.5);
        assert!(term_similarity("kuberent", "kubernet", false) > 0.5);
        assert!(term_similarity("databse", "database", false) > 0.5);
    }

    #[test]
    fn the_letter_count_bound_never_refuses_a_pair_within_the_edit_limit() {
        for (a, b) in
            [("postgress", "postgres"), ("langauge", "language"), ("frist", "first"), ("kuberent", "kubernet")]
        {
            assert!(!letters_differ_by_more_than(a, b, 1), "{a} {b}");
        }
        assert!(letters_differ_by_more_than("python", "pascal", 2));
    }

    #[test]
    fn short_words_and_different_first_letters_never_fuzz() {
        assert_eq!(term_similarity("cook", "book", false), 0.0);
        assert_eq!(term_similarity("paris", "baris", false), 0.0);
    }

    #[test]
    fn prefixes_match_only_when_completing() {
        assert_eq!(term_similarity("kube", "kubernet", false), 0.0);
        assert!(term_similarity("kube", "kubernet", true) > 0.8);
    }

    #[test]
    fn a_query_fully_inside_a_short_phrase_scores_highest() {
        let query = vec![QueryTerm { weight: 1.0, matches: vec![(0, 1.0)] }];
        let short = phrase_score(&query, &PhraseTerms { phrase: &[0], elsewhere: &[0.0], idf: &[1.0, 1.0, 1.0] });
        let long = phrase_score(&query, &PhraseTerms { phrase: &[0, 1, 2], elsewhere: &[0.0], idf: &[1.0, 1.0, 1.0] });
        assert!(short > long);
        assert!((short - 1.0).abs() < 1e-6);
    }
}
