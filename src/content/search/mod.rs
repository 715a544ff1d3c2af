//! Typo-tolerant search over everything the mentor knows: FAQ questions, technology names,
//! roadmap steps and the answer cards made from comparisons and the career map.
//!
//! Every entry contributes phrases (a question and its aliases, a name and its aliases, a step
//! title) and keywords. A query is scored against each phrase by how much of the query's weight
//! the phrase explains (rare words weigh more, words the content never uses weigh most) and how
//! much of the phrase it covers. Below [`CONFIDENT`] the search says so instead of guessing.

mod names;
mod score;
pub mod text;

use names::{naming_words, Named};
use score::{elsewhere_matches, phrase_score, term_similarity, PhraseTerms, QueryTerm};
use std::collections::HashMap;
use text::{Lexicon, Term};

/// The score from which an answer is given without asking "did you mean".
pub const CONFIDENT: f32 = 0.42;
/// The score from which an entry is worth suggesting.
const SUGGESTIBLE: f32 = 0.3;
/// Discord shows at most 25 autocomplete choices.
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
}

struct IndexedDoc {
    target: Target,
    label: String,
    phrases: Vec<Vec<usize>>,
    keywords: Vec<usize>,
    body: Vec<usize>,
}

struct VocabTerm {
    stem: String,
    words: Vec<String>,
    idf: f32,
}

/// The search index, built once when the content loads.
pub struct SearchIndex {
    docs: Vec<IndexedDoc>,
    /// For each vocabulary term, the entries that use it anywhere (sorted): a query is scored
    /// only against entries that share a term with it, since no other entry can score above 0.
    postings: Vec<Vec<usize>>,
    /// The words that name a technology on their own (see `names.rs`).
    naming: Vec<String>,
    lexicon: Lexicon,
    vocab: Vec<VocabTerm>,
    idf: Vec<f32>,
    unknown_weight: f32,
}

impl SearchIndex {
    pub fn build(documents: Vec<Document>, lexicon: Lexicon) -> Self {
        let naming = naming_words(&documents, &lexicon);
        let mut builder = VocabBuilder { lexicon: &lexicon, ids: HashMap::new(), terms: Vec::new() };
        let docs: Vec<IndexedDoc> = documents
            .into_iter()
            .map(|d| IndexedDoc {
                target: d.target,
                label: d.label,
                phrases: d.phrases.iter().map(|p| builder.add_text(p)).collect(),
                keywords: d.keywords.iter().flat_map(|k| builder.add_text(k)).collect(),
                body: dedup(builder.add_text(&d.body)),
            })
            .collect();
        let vocab = builder.finish(&docs);
        let idf = vocab.iter().map(|v| v.idf).collect();
        let postings = postings(&docs, vocab.len());
        SearchIndex { unknown_weight: median_idf(&vocab), docs, postings, naming, lexicon, vocab, idf }
    }

    /// Every entry in scope with a score worth showing, best first.
    pub fn rank(&self, query: &str, scope: Scope, completing: bool) -> Vec<Hit> {
        let words = self.lexicon.terms(query);
        let query_terms = self.query_terms(&words, completing);
        if query_terms.is_empty() {
            return Vec::new();
        }
        let named = Named::in_query(&query_terms, &words, &self.naming);
        let mut hits: Vec<Hit> = self
            .candidates(&query_terms)
            .map(|i| &self.docs[i])
            .filter(|d| scope.includes(d.target))
            .map(|d| Hit {
                target: d.target,
                label: d.label.clone(),
                score: doc_score(&query_terms, d, &self.idf) * named.factor(d, kind_factor(d.target, scope)),
            })
            .filter(|h| h.score >= SUGGESTIBLE)
            .collect();
        // Ties keep content order, so the same query always gives the same list.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits
    }

    /// Answers confidently or lists suggestions; never a random entry.
    pub fn find(&self, query: &str, scope: Scope) -> Found {
        let mut hits = self.rank(query, scope, false);
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
        let mut hits = self.rank(partial, scope, true);
        hits.truncate(MAX_CHOICES);
        hits
    }

    /// The entries sharing at least one term with the query, in content order.
    fn candidates(&self, query: &[QueryTerm]) -> impl Iterator<Item = usize> {
        let mut shares = vec![false; self.docs.len()];
        for (term, _) in query.iter().flat_map(|q| &q.matches) {
            for doc in &self.postings[*term] {
                shares[*doc] = true;
            }
        }
        shares.into_iter().enumerate().filter_map(|(i, shared)| shared.then_some(i))
    }

    fn query_terms(&self, words: &[Term], completing: bool) -> Vec<QueryTerm> {
        let last = words.len().saturating_sub(1);
        words.iter().enumerate().map(|(i, term)| self.query_term(term, completing && i == last)).collect()
    }

    fn query_term(&self, term: &Term, allow_prefix: bool) -> QueryTerm {
        let mut matches = Vec::new();
        let mut best: Option<(f32, f32)> = None;
        for (id, v) in self.vocab.iter().enumerate() {
            let by_stem = term_similarity(&term.stem, &v.stem, allow_prefix);
            let by_word = v.words.iter().map(|w| term_similarity(&term.word, w, allow_prefix));
            let similarity = by_word.fold(by_stem, f32::max);
            if similarity > 0.0 {
                matches.push((id, similarity));
                if best.is_none_or(|(s, _)| similarity > s) {
                    best = Some((similarity, v.idf));
                }
            }
        }
        let weight = best.map_or(self.unknown_weight, |(_, idf)| idf);
        QueryTerm { weight, matches }
    }
}

/// When a question could be answered by an FAQ entry or by a profile, the FAQ entry is the
/// more direct answer to a question, so profiles and steps yield a little in a mixed search.
fn kind_factor(target: Target, scope: Scope) -> f32 {
    match (scope, target) {
        (Scope::Everything, Target::Technology(_)) => 0.86,
        (Scope::Everything, Target::Step(_)) => 0.8,
        _ => 1.0,
    }
}

fn doc_score(query: &[QueryTerm], doc: &IndexedDoc, idf: &[f32]) -> f32 {
    // How well the keywords and body explain each query term is the same for every phrase.
    let elsewhere = elsewhere_matches(query, &doc.keywords, &doc.body);
    doc.phrases
        .iter()
        .map(|phrase| phrase_score(query, &PhraseTerms { phrase, elsewhere: &elsewhere, idf }))
        .fold(0.0, f32::max)
}

fn postings(docs: &[IndexedDoc], terms: usize) -> Vec<Vec<usize>> {
    let mut postings = vec![Vec::new(); terms];
    for (i, doc) in docs.iter().enumerate() {
        let used = dedup(doc.phrases.iter().flatten().chain(&doc.keywords).chain(&doc.body).copied().collect());
        for term in used {
            postings[term].push(i);
        }
    }
    postings
}

fn dedup(mut ids: Vec<usize>) -> Vec<usize> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Words the content never uses weigh like a typical content word: enough that a query made
/// mostly of them finds nothing, not so much that one stray word sinks a good match.
fn median_idf(vocab: &[VocabTerm]) -> f32 {
    let mut idfs: Vec<f32> = vocab.iter().map(|v| v.idf).collect();
    idfs.sort_by(f32::total_cmp);
    idfs.get(idfs.len() / 2).copied().unwrap_or(1.0)
}

struct VocabBuilder<'l> {
    lexicon: &'l Lexicon,
    ids: HashMap<String, usize>,
    terms: Vec<(String, Vec<String>)>,
}

impl VocabBuilder<'_> {
    fn add_text(&mut self, text: &str) -> Vec<usize> {
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
    fn finish(self, docs: &[IndexedDoc]) -> Vec<VocabTerm> {
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
