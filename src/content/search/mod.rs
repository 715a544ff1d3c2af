//! Typo-tolerant search over everything the mentor knows: FAQ questions, technology names,
//! roadmap steps and the answer cards made from comparisons and the career map.
//!
//! Every entry contributes phrases (a question and its aliases, a name and its aliases, a step
//! title) and keywords. A query is scored against each phrase by how much of the query's weight
//! the phrase explains (rare words weigh more, words the content never uses weigh most) and how
//! much of the phrase it covers. Below [`CONFIDENT`] the search says so instead of guessing.

mod candidates;
mod lookup;
mod names;
mod query;
mod score;
pub mod text;
mod vocab;

use candidates::{candidates, BestScores, Candidate};
use lookup::TextLookup;
use names::{naming_words, Named};
use query::written_forms;
use rustc_hash::FxHashMap as HashMap;
use score::{phrase_score, MatchTable, PhraseScratch, PhraseTerms, QueryTerm};
use std::collections::BinaryHeap;
use text::{sentences, Lexicon, Term};
use vocab::{dedup, median_idf, postings, Places, VocabBuilder, VocabTerm};

/// The score from which an answer is given without asking "did you mean".
pub const CONFIDENT: f32 = 0.42;
/// The score from which an entry is worth suggesting.
pub(crate) const SUGGESTIBLE: f32 = 0.3;
/// The most completions a search returns; a front end shows fewer when its platform must.
pub const MAX_CHOICES: usize = 25;

/// What a search result points at, as an index into the content's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Faq(usize),
    Technology(usize),
    Step(usize),
    /// An answer card made from a comparison or a part of the career map (`cards.rs`).
    Card(usize),
}

/// Which kinds of entry a search looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everything,
    Faq,
    Technologies,
    Steps,
}

impl Scope {
    fn includes(self, target: Target) -> bool {
        matches!(
            (self, target),
            (Scope::Everything, _)
                | (Scope::Faq, Target::Faq(_) | Target::Card(_))
                | (Scope::Technologies, Target::Technology(_))
                | (Scope::Steps, Target::Step(_))
        )
    }
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    pub label: String,
    pub score: f32,
}

/// The outcome of a search that must either answer or admit it found nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Match { best: Hit, also: Vec<Hit> },
    NoMatch { suggestions: Vec<Hit> },
}

/// What an entry offers to the index.
pub struct Document {
    pub target: Target,
    pub label: String,
    pub phrases: Vec<String>,
    pub keywords: Vec<String>,
    pub body: String,
    /// A comparison answers a question that names two of the things it compares.
    pub comparison: bool,
}

#[derive(Clone)]
struct IndexedDoc {
    target: Target,
    label: String,
    comparison: bool,
    phrases: Vec<Vec<usize>>,
    /// The keywords' and the body's terms, sorted and without repeats.
    keywords: Vec<usize>,
    body: Vec<usize>,
}

/// The search index, built once when the content loads.
#[derive(Clone)]
pub struct SearchIndex {
    docs: Vec<IndexedDoc>,
    /// For each vocabulary term, the entries that use it anywhere (sorted), with how much a
    /// match there can count: a query is scored only against entries that share a term with
    /// it, since no other entry can score above 0, and in order of what they could score.
    postings: Vec<Vec<(usize, Places)>>,
    /// The words that name a technology on their own (see `names.rs`).
    naming: TextLookup,
    lexicon: Lexicon,
    vocab: Vec<VocabTerm>,
    /// The vocabulary's stems and written forms, to find what a query term resembles quickly.
    stem_lookup: TextLookup,
    word_lookup: TextLookup,
    /// What each written form of the vocabulary matches when typed whole, worked out once: most
    /// words of a question are words the content uses, and finding their typos and short forms
    /// is the larger part of a search.
    known_words: HashMap<String, (String, QueryTerm)>,
    idf: Vec<f32>,
    unknown_weight: f32,
}

impl SearchIndex {
    pub fn build(documents: Vec<Document>, lexicon: Lexicon) -> Self {
        let naming = naming_words(&documents, &lexicon);
        let mut builder = VocabBuilder::new(&lexicon);
        let docs: Vec<IndexedDoc> = documents
            .into_iter()
            .map(|d| IndexedDoc {
                target: d.target,
                label: d.label,
                comparison: d.comparison,
                phrases: d.phrases.iter().map(|p| builder.add_text(p)).collect(),
                keywords: dedup(d.keywords.iter().flat_map(|k| builder.add_text(k)).collect()),
                body: dedup(builder.add_text(&d.body)),
            })
            .collect();
        let vocab = builder.finish(&docs);
        let idf = vocab.iter().map(|v| v.idf).collect();
        let postings = postings(&docs, vocab.len());
        let stem_lookup = TextLookup::build(vocab.iter().enumerate().map(|(id, v)| (v.stem.as_str(), id)));
        let words = vocab.iter().enumerate().flat_map(|(id, v)| v.words.iter().map(move |w| (w.as_str(), id)));
        let word_lookup = TextLookup::build(words);
        let unknown_weight = median_idf(&vocab);
        let known_words = HashMap::default();
        let mut lexicon = lexicon;
        lexicon.remember_stems(written_forms(&vocab));
        let mut index = SearchIndex {
            unknown_weight,
            docs,
            postings,
            naming,
            lexicon,
            vocab,
            stem_lookup,
            word_lookup,
            known_words,
            idf,
        };
        index.known_words = index.match_known_words();
        index
    }

    /// Every entry in scope with a score worth showing, best first.
    ///
    /// A question in several sentences ("I applied to 40 jobs. Nothing. How do I get my first
    /// job?") is scored as a whole and sentence by sentence, and each entry keeps its best: the
    /// sentence that asks is not drowned by the ones that tell the story. A sentence of one
    /// meaningful word ("Nothing.", "I'm nervous.") tells a mood, not the question, and is only
    /// scored as part of the whole.
    pub fn rank(&self, query: &str, scope: Scope, completing: bool) -> Vec<Hit> {
        self.rank_top(query, scope, completing, usize::MAX)
    }

    /// [`SearchIndex::rank`], exact for the best `limit` entries; entries that cannot reach them
    /// are not scored (see [`SearchIndex::score_into`]) and may be missing further down.
    fn rank_top(&self, query: &str, scope: Scope, completing: bool, limit: usize) -> Vec<Hit> {
        let mut scores = vec![0.0f32; self.docs.len()];
        // The sentences' words, put together, are the whole query's: a sentence ends where the
        // text is split into words anyway (see `text.rs`).
        let sentences: Vec<Vec<Term>> =
            if completing { Vec::new() } else { sentences(query).into_iter().map(|s| self.lexicon.terms(s)).collect() };
        let words = if completing { self.lexicon.terms(query) } else { sentences.concat() };
        let whole = Query { words: &words, terms: self.query_terms(&words, completing) };
        self.score_into(&whole, scope, limit, &mut scores);
        if sentences.len() > 1 {
            // Not completing, so each sentence's words were looked up for the whole query, in
            // the same order: its terms are the next slice of the whole's.
            let mut start = 0;
            for sentence in &sentences {
                let terms = whole.terms[start..start + sentence.len()].to_vec();
                start += sentence.len();
                if sentence.len() >= 2 {
                    self.score_into(&Query { words: sentence, terms }, scope, limit, &mut scores);
                }
            }
        }
        let mut ranked: Vec<(usize, f32)> =
            scores.into_iter().enumerate().filter(|(_, score)| *score >= SUGGESTIBLE).collect();
        // Ties keep content order, so the same query always gives the same list.
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        let hit =
            |(i, score): (usize, f32)| Hit { target: self.docs[i].target, label: self.docs[i].label.clone(), score };
        ranked.into_iter().map(hit).collect()
    }

    /// Raises each entry's score in `scores` to what these query terms give it, if higher.
    ///
    /// Entries are scored in order of the most they could score (see `candidates.rs`), and once
    /// that falls below the `limit`-th best score known, or below what is worth suggesting, no
    /// later entry can change the result, so the rest are skipped.
    fn score_into(&self, query: &Query<'_>, scope: Scope, limit: usize, scores: &mut [f32]) {
        if query.terms.is_empty() {
            return;
        }
        let named = Named::in_query(&query.terms, query.words, &self.naming);
        let names_steps = query.words.iter().any(|w| self.lexicon.is_step_word(w));
        let table = MatchTable::new(&query.terms);
        let mut scratch = PhraseScratch::default();
        let mut candidates = candidates(&self.postings, self.docs.len(), &query.terms);
        let mut list = std::mem::take(&mut candidates.list);
        list.retain(|c| scope.includes(self.docs[c.entry].target));
        let mut best_bound_first = BinaryHeap::from(list);
        let mut best = BestScores::new(limit, scores);
        while let Some(Candidate { entry, bound, mentions }) = best_bound_first.pop() {
            if bound < best.floor() {
                break;
            }
            let doc = &self.docs[entry];
            let factor = named.factor(doc, mentions, kind_factor(doc.target, scope, names_steps));
            if bound * factor < best.floor() {
                continue;
            }
            let elsewhere = candidates.elsewhere(entry);
            let score = doc_score(&table, doc, elsewhere, &self.idf, &mut scratch) * factor;
            if score > scores[entry] {
                best.keep(score, scores[entry]);
                scores[entry] = score;
            }
        }
    }

    /// Answers confidently or lists suggestions; never a random entry.
    pub fn find(&self, query: &str, scope: Scope) -> Found {
        // The best, and the three that may be shown beside it.
        let mut hits = self.rank_top(query, scope, false, 4);
        match hits.first() {
            Some(best) if best.score >= CONFIDENT => {
                let best = hits.remove(0);
                hits.retain(|h| h.score >= CONFIDENT && best.score - h.score < 0.1);
                hits.truncate(3);
                Found::Match { best, also: hits }
            }
            _ => {
                hits.truncate(3);
                Found::NoMatch { suggestions: hits }
            }
        }
    }

    /// Choices for a partly typed query, at most [`MAX_CHOICES`].
    pub fn complete(&self, partial: &str, scope: Scope) -> Vec<Hit> {
        let mut hits = self.rank_top(partial, scope, true, MAX_CHOICES);
        hits.truncate(MAX_CHOICES);
        hits
    }
}

/// A query's words and what each matches in the vocabulary, one for one.
struct Query<'w> {
    words: &'w [Term],
    terms: Vec<QueryTerm>,
}

/// When a question could be answered by an FAQ entry or by a profile, the FAQ entry is the
/// more direct answer to a question, so profiles and steps yield a little in a mixed search;
/// steps do not when the question says it is about a step ("the databases step").
fn kind_factor(target: Target, scope: Scope, names_steps: bool) -> f32 {
    match (scope, target) {
        (Scope::Everything, Target::Technology(_)) => 0.86,
        (Scope::Everything, Target::Step(_)) if !names_steps => 0.8,
        _ => 1.0,
    }
}

/// An entry's score: its best phrase's, given how well its keywords and body explain each
/// query term (`elsewhere`, the same for every phrase).
fn doc_score(table: &MatchTable, doc: &IndexedDoc, elsewhere: &[f32], idf: &[f32], scratch: &mut PhraseScratch) -> f32 {
    let terms = |phrase| PhraseTerms { phrase, elsewhere, idf };
    doc.phrases.iter().map(|phrase| phrase_score(table, &terms(phrase), scratch)).fold(0.0, f32::max)
}

#[cfg(test)]
mod tests;
