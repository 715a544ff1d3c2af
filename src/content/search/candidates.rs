//! Which entries a query could match, and the most each could score, before any is scored.
//!
//! Scoring an entry means scoring each of its phrases; most entries a long question touches
//! share only a common word with it, in their body. The bound here lets the search score the
//! promising entries first and stop once no later one can make the result (see
//! [`score_bound`]): it only ever skips work, never changes a ranking.

use super::score::{score_bound, QueryTerm};
use super::vocab::Places;
use super::SUGGESTIBLE;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// An entry worth looking at, with the most it can score for the query.
pub(super) struct Candidate {
    pub(super) entry: usize,
    pub(super) bound: f32,
    pub(super) mentions: Mentions,
}

/// Candidates come out of a heap best bound first, equal bounds in content order: only the
/// few above the result's floor are ever taken, so sorting them all would be wasted.
impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.bound.total_cmp(&other.bound).then(other.entry.cmp(&self.entry))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Candidate {}

/// The query positions (below 64) whose terms an entry titles (in a phrase or its keywords),
/// and those it uses in its body, as the postings tell them.
#[derive(Clone, Copy, Default)]
pub(super) struct Mentions {
    pub(super) titled: u64,
    pub(super) in_body: u64,
}

/// The candidates, and for every entry and query term how well the entry's keywords or body
/// explain the term (the same for each of its phrases), gathered from the same postings.
pub(super) struct Candidates {
    pub(super) list: Vec<Candidate>,
    elsewhere: Vec<f32>,
    query_len: usize,
}

impl Candidates {
    pub(super) fn elsewhere(&self, entry: usize) -> &[f32] {
        &self.elsewhere[entry * self.query_len..(entry + 1) * self.query_len]
    }
}

/// What the postings say about one entry, gathered query term by query term.
#[derive(Clone, Copy)]
struct Reach {
    /// The query position seen last, and its best value in this entry so far.
    position: usize,
    best: f32,
    /// The sum of the best values of the positions before it.
    before: f32,
    /// The query positions (below 64) that some phrase of the entry matches.
    in_phrases: u64,
    any_in_phrase: bool,
    mentions: Mentions,
}

/// The entries sharing at least one term with the query, in content order. Each query term
/// counts with its best match in the entry, by similarity and by where the entry uses it (a
/// phrase explains a term fully, keywords and the body less), which no phrase can exceed.
pub(super) fn candidates(postings: &[Vec<(usize, Places)>], entries: usize, query: &[QueryTerm]) -> Candidates {
    let mut reach: Vec<Option<Reach>> = vec![None; entries];
    let mut elsewhere = vec![0.0f32; entries * query.len()];
    for (position, q) in query.iter().enumerate() {
        let phrase_bit = if position < 64 { 1u64 << position } else { 0 };
        for (term, similarity) in &q.matches {
            for (entry, places) in &postings[*term] {
                let value = q.weight * places.best(*similarity);
                let in_phrase = places.in_phrase();
                let explained = &mut elsewhere[entry * query.len() + position];
                *explained = explained.max(places.elsewhere(*similarity));
                let slot = reach[*entry].get_or_insert(Reach {
                    position,
                    best: 0.0,
                    before: 0.0,
                    in_phrases: 0,
                    any_in_phrase: false,
                    mentions: Mentions::default(),
                });
                if slot.position != position {
                    (slot.position, slot.before, slot.best) = (position, slot.before + slot.best, 0.0);
                }
                slot.best = slot.best.max(value);
                if in_phrase {
                    slot.in_phrases |= phrase_bit;
                    slot.any_in_phrase = true;
                }
                if places.titles() {
                    slot.mentions.titled |= phrase_bit;
                }
                if places.in_body() {
                    slot.mentions.in_body |= phrase_bit;
                }
            }
        }
    }
    let total: f32 = query.iter().map(|q| q.weight).sum();
    let share = |sum: f32| if total > 0.0 { sum / total } else { 1.0 };
    let reached = reach.into_iter().enumerate().filter_map(|(entry, r)| r.map(|r| (entry, r)));
    let list = reached.map(|(entry, r)| Candidate {
        entry,
        bound: bound_of(&r, share(r.before + r.best), query.len()),
        mentions: r.mentions,
    });
    Candidates { list: list.collect(), elsewhere, query_len: query.len() }
}

/// The most an entry can score: see [`score_bound`]. Two query terms can stand side by side in
/// a phrase only if a phrase of the entry matches each of them.
fn bound_of(reach: &Reach, share: f32, query_len: usize) -> f32 {
    let pairs =
        if query_len > 64 { query_len - 1 } else { (reach.in_phrases & (reach.in_phrases >> 1)).count_ones() as usize };
    score_bound(share, reach.any_in_phrase, pairs, query_len)
}

/// The best `limit` scores known, one per entry and never above its score: an entry that cannot
/// beat the lowest of them, or reach what is worth suggesting, cannot change the result.
pub(super) struct BestScores {
    limit: usize,
    /// Scores are non-negative, so their bits sort like their values.
    lowest_first: BinaryHeap<Reverse<u32>>,
}

impl BestScores {
    pub(super) fn new(limit: usize, scores: &[f32]) -> BestScores {
        let mut best = BestScores { limit, lowest_first: BinaryHeap::new() };
        scores.iter().filter(|s| **s > 0.0).for_each(|s| best.push(*s));
        best
    }

    fn push(&mut self, score: f32) {
        self.lowest_first.push(Reverse(score.to_bits()));
        if self.lowest_first.len() > self.limit {
            self.lowest_first.pop();
        }
    }

    /// Records an entry's new score; an entry scored before keeps its older, lower score here.
    pub(super) fn keep(&mut self, score: f32, previous: f32) {
        if previous == 0.0 {
            self.push(score);
        }
    }

    pub(super) fn floor(&self) -> f32 {
        let full = self.lowest_first.len() >= self.limit;
        let lowest = if full { self.lowest_first.peek().map_or(0.0, |r| f32::from_bits(r.0)) } else { 0.0 };
        lowest.max(SUGGESTIBLE)
    }
}
