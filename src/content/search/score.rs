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
    let allowed = typo_allowance(q_len);
    if q_len.abs_diff(t_len) > allowed || letters_differ_by_more_than(query, term, allowed) {
        return 0.0;
    }
    match strsim::osa_distance(query, term) {
        d if d <= 1 && d <= allowed => 0.8,
        d if d <= allowed => 0.7,
        _ => 0.0,
    }
}

/// How many edits a typed word of this many characters may be from a content word.
pub(crate) fn typo_allowance(query_chars: usize) -> usize {
    if query_chars >= 8 {
        2
    } else {
        1
    }
}

/// The kinds of character in a word, one bit per ASCII letter or digit and one for all others.
/// Each kind one word has and the other lacks costs at least one edit (a substitution removes
/// one kind from one side and adds one to the other), so two words whose kinds differ by more
/// than `limit` on one side are more than `limit` edits apart: the cheapest bound there is.
pub(crate) fn letter_kinds(word: &str) -> u64 {
    word.chars().fold(0, |kinds, c| {
        let bit = match c {
            'a'..='z' => u32::from(c) - u32::from('a'),
            '0'..='9' => 26 + u32::from(c) - u32::from('0'),
            _ => 36,
        };
        kinds | 1 << bit
    })
}

/// Whether words with these [`letter_kinds`] are surely more than `limit` edits apart.
pub(crate) fn kinds_differ_by_more_than(a: u64, b: u64, limit: usize) -> bool {
    // Clearing the lowest set bit `limit` times leaves some only if there were more: cheaper
    // than counting them where the processor has no instruction for it.
    let more_than_limit = |mut kinds: u64| {
        for _ in 0..limit {
            kinds &= kinds.wrapping_sub(1);
        }
        kinds != 0
    };
    more_than_limit(a & !b) || more_than_limit(b & !a)
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
/// strongly than the phrase, by [`KEYWORD_FACTOR`] and [`BODY_FACTOR`].
pub(crate) struct PhraseTerms<'a> {
    pub phrase: &'a [usize],
    pub elsewhere: &'a [f32],
    /// The weight of every vocabulary term, by id.
    pub idf: &'a [f32],
}

/// For each query term: its weight and its similarity to each vocabulary term it resembles.
#[derive(Clone)]
pub(crate) struct QueryTerm {
    pub weight: f32,
    /// Sorted by vocabulary term, one similarity per term.
    pub matches: Vec<(usize, f32)>,
}

impl QueryTerm {
    /// Whether this term matches any of `ids`, which are sorted and without repeats.
    pub(crate) fn appears_in_sorted(&self, ids: &[usize]) -> bool {
        self.matches.iter().any(|(t, _)| ids.binary_search(t).is_ok())
    }

    /// Whether this term matches the vocabulary term `term`.
    pub(crate) fn matches_term(&self, term: usize) -> bool {
        self.matches.binary_search_by_key(&term, |(t, _)| *t).is_ok()
    }
}

/// A query's matches turned around: for each vocabulary term some query term matches, which
/// query terms match it and how well. A phrase is then scored in one pass over its own terms,
/// instead of looking each of its terms up in each query term's list.
pub(crate) struct MatchTable {
    /// The matched vocabulary terms, sorted.
    terms: Vec<usize>,
    /// `terms[i]` is matched by `hits[starts[i]..starts[i + 1]]`: (query position, similarity),
    /// in query order.
    starts: Vec<usize>,
    hits: Vec<(usize, f32)>,
    /// Each query term's weight, and their sum.
    weights: Vec<f32>,
    total_weight: f32,
}

impl MatchTable {
    pub(crate) fn new(query: &[QueryTerm]) -> MatchTable {
        let mut all: Vec<(usize, usize, f32)> = query
            .iter()
            .enumerate()
            .flat_map(|(position, q)| q.matches.iter().map(move |(term, s)| (*term, position, *s)))
            .collect();
        all.sort_unstable_by_key(|(term, position, _)| (*term, *position));
        let mut table = MatchTable {
            terms: Vec::new(),
            starts: Vec::new(),
            hits: Vec::with_capacity(all.len()),
            weights: query.iter().map(|q| q.weight).collect(),
            total_weight: query.iter().map(|q| q.weight).sum(),
        };
        for (term, position, similarity) in all {
            if table.terms.last() != Some(&term) {
                table.terms.push(term);
                table.starts.push(table.hits.len());
            }
            table.hits.push((position, similarity));
        }
        table.starts.push(table.hits.len());
        table
    }

    fn row(&self, term: usize) -> &[(usize, f32)] {
        match self.terms.binary_search(&term) {
            Ok(i) => &self.hits[self.starts[i]..self.starts[i + 1]],
            Err(_) => &[],
        }
    }
}

/// A word of the phrase itself explains a query term fully.
pub(crate) const PHRASE_FACTOR: f32 = 1.0;
/// Keywords count a little less than words of the phrase itself, so phrasing decides ties.
pub(crate) const KEYWORD_FACTOR: f32 = 0.9;
/// A word found only in the body says the entry is about it, but less surely.
pub(crate) const BODY_FACTOR: f32 = 0.55;

/// Per query term, while one phrase is scored: its best similarity to a phrase term, and
/// whether it and the next query term stand side by side in the phrase. Kept between phrases
/// so scoring allocates nothing.
#[derive(Default)]
pub(crate) struct PhraseScratch {
    best: Vec<f32>,
    next_beside: Vec<bool>,
}

/// Scores a query against one phrase. Mostly: how much of the query's weight the entry explains.
/// Partly: how much of the phrase's weight the query covers (so "redis" prefers "Redis" to
/// "Redis vs Memcached"), and whether words the query puts side by side ("system design",
/// "sql injection") stand side by side in the phrase too.
pub(crate) fn phrase_score(query: &MatchTable, terms: &PhraseTerms<'_>, scratch: &mut PhraseScratch) -> f32 {
    if query.total_weight <= 0.0 || terms.phrase.is_empty() {
        return 0.0;
    }
    scratch.best.clear();
    scratch.best.resize(query.weights.len(), 0.0);
    scratch.next_beside.clear();
    scratch.next_beside.resize(query.weights.len(), false);
    let (mut phrase_weight, mut covered) = (0.0f32, 0.0f32);
    let mut previous: &[(usize, f32)] = &[];
    for &term in terms.phrase {
        let row = query.row(term);
        let weight = terms.idf.get(term).copied().unwrap_or(1.0);
        phrase_weight += weight;
        if !row.is_empty() {
            covered += weight;
        }
        for &(position, similarity) in row {
            scratch.best[position] = scratch.best[position].max(similarity);
        }
        for &(position, _) in previous {
            if row.iter().any(|(next, _)| *next == position + 1) {
                scratch.next_beside[position] = true;
            }
        }
        previous = row;
    }
    let explained: f32 = (query.weights.iter().zip(&scratch.best).zip(terms.elsewhere))
        .map(|((weight, best), elsewhere)| weight * best.max(*elsewhere))
        .sum();
    let query_coverage = explained / query.total_weight;
    let phrase_coverage = if phrase_weight > 0.0 { covered / phrase_weight } else { 0.0 };
    // The share of adjacent query term pairs also adjacent in the phrase; a one-word query has
    // no pairs.
    let together = match query.weights.len() {
        0 | 1 => query_coverage,
        n => scratch.next_beside.iter().filter(|b| **b).count() as f32 / (n - 1) as f32,
    };
    QUERY_SHARE * query_coverage + PHRASE_SHARE * phrase_coverage + TOGETHER_SHARE * together
}

/// How much each part counts in a phrase's score; they add up to 1.
const QUERY_SHARE: f32 = 0.65;
const PHRASE_SHARE: f32 = 0.2;
const TOGETHER_SHARE: f32 = 0.15;

/// The most [`phrase_score`] can give any phrase of an entry, from what is known before scoring
/// them: `reach`, at least the query coverage of each of its phrases; whether any phrase matches
/// a query term at all (if none does, the phrase coverage is 0, and so are the pairs side by
/// side); and `pairs`, at least the adjacent query term pairs that stand side by side in it.
pub(crate) fn score_bound(reach: f32, any_in_phrase: bool, pairs: usize, query_len: usize) -> f32 {
    let phrase = if any_in_phrase { PHRASE_SHARE } else { 0.0 };
    let together = match query_len {
        0 | 1 => reach,
        n if any_in_phrase => (pairs as f32 / (n - 1) as f32).min(1.0),
        _ => 0.0,
    };
    let bound = QUERY_SHARE * reach + phrase + TOGETHER_SHARE * together;
    // The same sums, added in another order, may round a hair apart.
    bound * (1.0 + 1e-5) + 1e-6
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
    fn the_letter_kind_bound_never_refuses_a_pair_within_the_edit_limit() {
        let pairs = [("postgress", "postgres"), ("langauge", "language"), ("frist", "first"), ("databse", "database")];
        for (a, b) in pairs {
            assert!(!kinds_differ_by_more_than(letter_kinds(a), letter_kinds(b), 1), "{a} {b}");
        }
        assert!(!kinds_differ_by_more_than(letter_kinds("kafka"), letter_kinds("kafku"), 1));
        assert!(kinds_differ_by_more_than(letter_kinds("python"), letter_kinds("pascal"), 2));
        assert!(kinds_differ_by_more_than(letter_kinds("redis"), letter_kinds("react"), 1));
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
        let query = MatchTable::new(&[QueryTerm { weight: 1.0, matches: vec![(0, 1.0)] }]);
        let score = |phrase: &[usize]| {
            let terms = PhraseTerms { phrase, elsewhere: &[0.0], idf: &[1.0, 1.0, 1.0] };
            phrase_score(&query, &terms, &mut PhraseScratch::default())
        };
        assert!(score(&[0]) > score(&[0, 1, 2]));
        assert!((score(&[0]) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn words_side_by_side_in_the_query_score_higher_side_by_side_in_the_phrase() {
        let query = MatchTable::new(&[
            QueryTerm { weight: 1.0, matches: vec![(0, 1.0)] },
            QueryTerm { weight: 1.0, matches: vec![(1, 1.0)] },
        ]);
        let score = |phrase: &[usize]| {
            let terms = PhraseTerms { phrase, elsewhere: &[0.0, 0.0], idf: &[1.0, 1.0, 1.0] };
            phrase_score(&query, &terms, &mut PhraseScratch::default())
        };
        assert!(score(&[0, 1, 2]) > score(&[0, 2, 1]));
        assert!(score(&[0, 1, 2]) > score(&[1, 0, 2]), "the order counts, not only nearness");
    }
}
