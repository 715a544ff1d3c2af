//! Typo-tolerant search over everything the mentor knows: FAQ questions, technology names,
//! roadmap steps and the answer cards made from comparisons and the career map.
//!
//! Every entry contributes phrases (a question and its aliases, a name and its aliases, a step
//! title) and keywords. A query is scored against each phrase by how much of the query's weight
//! the phrase explains (rare words weigh more, words the content never uses weigh most) and how
//! much of the phrase it covers. Below [`CONFIDENT`] the search says so instead of guessing.

mod lookup;
mod names;
mod score;
pub mod text;
mod vocab;

use lookup::TextLookup;
use names::{naming_words, Named};
use score::{elsewhere_matches, phrase_score, term_similarity, PhraseTerms, QueryTerm};
use text::{Lexicon, Term};
use vocab::{dedup, median_idf, postings, VocabBuilder, VocabTerm};

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
    /// A comparison answers a question that names two of the things it compares.
    pub comparison: bool,
}

struct IndexedDoc {
    target: Target,
    label: String,
    comparison: bool,
    phrases: Vec<Vec<usize>>,
    keywords: Vec<usize>,
    body: Vec<usize>,
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
    /// The vocabulary's stems and written forms, to find what a query term resembles quickly.
    stem_lookup: TextLookup,
    word_lookup: TextLookup,
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
                keywords: d.keywords.iter().flat_map(|k| builder.add_text(k)).collect(),
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
        SearchIndex { unknown_weight, docs, postings, naming, lexicon, vocab, stem_lookup, word_lookup, idf }
    }

    /// Every entry in scope with a score worth showing, best first.
    ///
    /// A question in several sentences ("I applied to 40 jobs. Nothing. How do I get my first
    /// job?") is scored as a whole and sentence by sentence, and each entry keeps its best: the
    /// sentence that asks is not drowned by the ones that tell the story. A sentence of one
    /// meaningful word ("Nothing.", "I'm nervous.") tells a mood, not the question, and is only
    /// scored as part of the whole.
    pub fn rank(&self, query: &str, scope: Scope, completing: bool) -> Vec<Hit> {
        let mut scores = vec![0.0f32; self.docs.len()];
        self.score_into(&self.lexicon.terms(query), scope, completing, &mut scores);
        let sentences = if completing { Vec::new() } else { sentences(query) };
        if sentences.len() > 1 {
            for words in sentences.into_iter().map(|s| self.lexicon.terms(s)).filter(|w| w.len() >= 2) {
                self.score_into(&words, scope, false, &mut scores);
            }
        }
        let mut hits: Vec<Hit> = scores
            .iter()
            .zip(&self.docs)
            .filter(|(score, _)| **score >= SUGGESTIBLE)
            .map(|(score, d)| Hit { target: d.target, label: d.label.clone(), score: *score })
            .collect();
        // Ties keep content order, so the same query always gives the same list.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits
    }

    /// Raises each entry's score in `scores` to what these words give it, if higher.
    fn score_into(&self, words: &[Term], scope: Scope, completing: bool, scores: &mut [f32]) {
        let query_terms = self.query_terms(words, completing);
        if query_terms.is_empty() {
            return;
        }
        let named = Named::in_query(&query_terms, words, &self.naming);
        let names_steps = words.iter().any(|w| self.lexicon.is_step_word(w));
        for i in self.candidates(&query_terms) {
            let d = &self.docs[i];
            if scope.includes(d.target) {
                let factor = named.factor(d, kind_factor(d.target, scope, names_steps));
                scores[i] = scores[i].max(doc_score(&query_terms, d, &self.idf) * factor);
            }
        }
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
        let mut candidates = Vec::new();
        self.stem_lookup.candidates(&term.stem, allow_prefix, &mut candidates);
        self.word_lookup.candidates(&term.word, allow_prefix, &mut candidates);
        candidates.sort_unstable();
        candidates.dedup();
        let mut matches = Vec::new();
        let mut best: Option<(f32, f32)> = None;
        for id in candidates {
            let v = &self.vocab[id];
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
/// more direct answer to a question, so profiles and steps yield a little in a mixed search;
/// steps do not when the question says it is about a step ("the databases step").
fn kind_factor(target: Target, scope: Scope, names_steps: bool) -> f32 {
    match (scope, target) {
        (Scope::Everything, Target::Technology(_)) => 0.86,
        (Scope::Everything, Target::Step(_)) if !names_steps => 0.8,
        _ => 1.0,
    }
}

/// The sentences of a text: split after `?`, `!`, `;`, a line break, or a full stop followed by
/// a space (so "node.js" and ".net" stay whole).
fn sentences(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '?' | '!' | ';' | '\n')
            || (c == '.' && chars.peek().is_none_or(|(_, next)| next.is_whitespace()));
        if ends {
            parts.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts.retain(|p| !p.trim().is_empty());
    parts
}

fn doc_score(query: &[QueryTerm], doc: &IndexedDoc, idf: &[f32]) -> f32 {
    // How well the keywords and body explain each query term is the same for every phrase.
    let elsewhere = elsewhere_matches(query, &doc.keywords, &doc.body);
    doc.phrases
        .iter()
        .map(|phrase| phrase_score(query, &PhraseTerms { phrase, elsewhere: &elsewhere, idf }))
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::{sentences, Document, Lexicon, Scope, SearchIndex, Target};

    fn doc(target: Target, phrases: &[&str], body: &str) -> Document {
        let phrases: Vec<String> = phrases.iter().map(|p| p.to_string()).collect();
        Document {
            target,
            label: phrases[0].clone(),
            phrases,
            keywords: vec![],
            body: body.to_string(),
            comparison: false,
        }
    }

    #[test]
    fn sentences_split_at_their_ends_but_not_inside_names() {
        assert_eq!(
            sentences("I use node.js. Nothing works! what now?"),
            vec!["I use node.js", " Nothing works", " what now"]
        );
        assert_eq!(sentences("just one question"), vec!["just one question"]);
    }

    #[test]
    fn the_asking_sentence_is_not_drowned_by_the_story_before_it() {
        let index = SearchIndex::build(
            vec![
                doc(Target::Faq(0), &["How do I get my first job?"], "Build projects and apply widely."),
                doc(Target::Faq(1), &["Which laptop should I buy?"], "Any recent one."),
            ],
            Lexicon::bundled(),
        );
        let story = "so i sent forty applications over three long weekends and waited. how do i get my first job?";
        let hits = index.rank(story, Scope::Everything, false);
        assert_eq!(hits.first().map(|h| h.target), Some(Target::Faq(0)), "{hits:?}");
        assert!(hits[0].score >= super::CONFIDENT, "{hits:?}");
    }

    #[test]
    fn a_question_that_names_a_step_prefers_the_step() {
        let mut step = doc(Target::Step(0), &["Databases"], "Tables and SQL, about 1–2 months");
        step.keywords = vec!["step".into()];
        let faq = doc(Target::Faq(0), &["How long does it take to learn databases?"], "A few months.");
        let index = SearchIndex::build(vec![faq, step], Lexicon::bundled());
        let hits = index.rank("how long is the databases step", Scope::Everything, false);
        assert_eq!(hits[0].target, Target::Step(0), "{hits:?}");
    }
}
