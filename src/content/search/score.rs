//! How well one query term matches one content term, and how well a query matches a phrase.
//!
//! Typos are forgiven only where they are unlikely to turn one real word into another: the first
//! letter must agree, short words must match exactly, and longer words may differ by one edit
//! (two from eight letters). A partly typed last word matches by prefix only in autocomplete.

/// The similarity of a query term to a content term, from 0 (unrelated) to 1 (the same).
pub fn term_similarity(query: &str, term: &str, allow_prefix: bool) -> f32 {
    if query == term {
        return 1.0;
    }
    if allow_prefix && query.len() >= 2 && term.starts_with(query) {
        return 0.9;
    }
    let (q_len, t_len) = (query.chars().count(), term.chars().count());
    if q_len < 5 || t_len < 4 || query.chars().next() != term.chars().next() {
        return 0.0;
    }
    let allowed = if q_len >= 8 { 2 } else { 1 };
    match strsim::osa_distance(query, term) {
        d if d <= 1 && d <= allowed => 0.8,
        d if d <= allowed => 0.7,
        _ => 0.0,
    }
}

/// A phrase of the content (a question, an alias, a name) as term ids, plus its entry's keywords.
pub struct PhraseTerms<'a> {
    pub phrase: &'a [usize],
    pub keywords: &'a [usize],
}

/// For each query term: its weight and its similarity to each vocabulary term it resembles.
pub struct QueryTerm {
    pub weight: f32,
    pub matches: Vec<(usize, f32)>,
}

impl QueryTerm {
    fn similarity_to(&self, term: usize) -> f32 {
        self.matches
            .iter()
            .find(|(t, _)| *t == term)
            .map_or(0.0, |(_, s)| *s)
    }
}

/// Keywords count a little less than words of the phrase itself, so phrasing decides ties.
const KEYWORD_FACTOR: f32 = 0.9;

/// Scores a query against one phrase: mostly how much of the query is explained, partly how
/// much of the phrase the query covers (so "redis" prefers "Redis" to "Redis vs Memcached").
pub fn phrase_score(query: &[QueryTerm], terms: &PhraseTerms<'_>) -> f32 {
    let total_weight: f32 = query.iter().map(|q| q.weight).sum();
    if total_weight <= 0.0 || terms.phrase.is_empty() {
        return 0.0;
    }
    let mut explained = 0.0;
    for q in query {
        let in_phrase = terms
            .phrase
            .iter()
            .map(|t| q.similarity_to(*t))
            .fold(0.0, f32::max);
        let in_keywords = terms
            .keywords
            .iter()
            .map(|t| q.similarity_to(*t))
            .fold(0.0, f32::max);
        explained += q.weight * in_phrase.max(in_keywords * KEYWORD_FACTOR);
    }
    let covered = terms
        .phrase
        .iter()
        .filter(|t| query.iter().any(|q| q.similarity_to(**t) > 0.0))
        .count();
    let query_coverage = explained / total_weight;
    let phrase_coverage = covered as f32 / terms.phrase.len() as f32;
    0.75 * query_coverage + 0.25 * phrase_coverage
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_letter_typo_in_a_long_word_still_matches() {
        assert!(term_similarity("postgress", "postgres", false) > 0.5);
        assert!(term_similarity("kuberent", "kubernet", false) > 0.5);
        assert!(term_similarity("databse", "databas", false) > 0.5);
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
        let query = vec![QueryTerm {
            weight: 1.0,
            matches: vec![(0, 1.0)],
        }];
        let short = phrase_score(
            &query,
            &PhraseTerms {
                phrase: &[0],
                keywords: &[],
            },
        );
        let long = phrase_score(
            &query,
            &PhraseTerms {
                phrase: &[0, 1, 2],
                keywords: &[],
            },
        );
        assert!(short > long);
        assert!((short - 1.0).abs() < 1e-6);
    }
}
