//! The technologies a query names. "is java still worth learning" is about Java whatever else it
//! says: an entry that never mentions Java cannot answer it, however well it matches "worth
//! learning", and Java's own profile answers it without yielding to FAQ entries the way profiles
//! otherwise do in a mixed search.

use super::candidates::Mentions;
use super::lookup::TextLookup;
use super::score::QueryTerm;
use super::text::{Lexicon, Term};
use super::{Document, IndexedDoc, Target};

/// An entry that never mentions a technology the query names keeps this share of its score.
const MISSING_NAME_FACTOR: f32 = 0.6;
/// One that mentions it only in passing, in its body ("bootcamps teach Node.js, Python or
/// Java"), keeps this share: it is about something else.
const PASSING_NAME_FACTOR: f32 = 0.8;
/// From this similarity a query term names a technology: the name itself or one typo away.
const NAMING_SIMILARITY: f32 = 0.8;

/// The words that name a technology on their own: a profile's name or alias written as one word
/// ("java", "postgres", "k8s"), sorted. An alias that filler reduces to one word ("engine x")
/// does not count, or "engineer", which shares its stem, would name nginx.
pub(super) fn naming_words(documents: &[Document], lexicon: &Lexicon) -> TextLookup {
    let mut words: Vec<String> = documents
        .iter()
        .filter(|d| matches!(d.target, Target::Technology(_)))
        .flat_map(|d| &d.phrases)
        .filter(|phrase| !phrase.trim().contains(char::is_whitespace))
        .filter_map(|phrase| match lexicon.terms(phrase).as_slice() {
            [one] => Some(one.word.clone()),
            _ => None,
        })
        .collect();
    words.sort();
    words.dedup();
    TextLookup::build(words.iter().enumerate().map(|(i, word)| (word.as_str(), i)))
}

/// The query terms that name a technology, with their positions in the query.
pub(super) struct Named<'q> {
    terms: Vec<(usize, &'q QueryTerm)>,
}

impl<'q> Named<'q> {
    /// `query` holds the terms made from `words`, one for one. A word names a technology when it
    /// is a naming word or one typo away from one; sharing a stem is not enough.
    pub(super) fn in_query(query: &'q [QueryTerm], words: &[Term], naming: &TextLookup) -> Named<'q> {
        let names = |word: &str| {
            let mut found = Vec::new();
            naming.matches(word, false, &mut found);
            found.iter().any(|(_, similarity)| *similarity >= NAMING_SIMILARITY)
        };
        let named = query.iter().zip(words).enumerate().filter(|(_, (_, word))| names(&word.word));
        Named { terms: named.map(|(position, (q, _))| (position, q)).collect() }
    }

    /// Whether the entry titles the named term at `position`. The candidates' walk over the
    /// postings told it for the first 64 positions; past them the entry's terms are searched.
    fn titled(doc: &IndexedDoc, mentions: Mentions, (position, q): (usize, &QueryTerm)) -> bool {
        match 1u64.checked_shl(position as u32) {
            Some(bit) => mentions.titled & bit != 0,
            None => doc.phrases.iter().flatten().chain(&doc.keywords).any(|t| q.matches_term(*t)),
        }
    }

    /// Whether the entry uses the named term at `position` at all.
    fn mentioned(doc: &IndexedDoc, mentions: Mentions, (position, q): (usize, &QueryTerm)) -> bool {
        let in_body = match 1u64.checked_shl(position as u32) {
            Some(bit) => mentions.in_body & bit != 0,
            None => q.appears_in_sorted(&doc.body),
        };
        in_body || Named::titled(doc, mentions, (position, q))
    }

    /// What an entry's score is multiplied by, given the factor its kind would have.
    /// `mentions` are the entry's, from the candidates' walk.
    pub(super) fn factor(&self, doc: &IndexedDoc, mentions: Mentions, kind_factor: f32) -> f32 {
        if self.terms.is_empty() {
            return kind_factor;
        }
        let titled = |named: &&(usize, &QueryTerm)| Named::titled(doc, mentions, **named);
        if doc.comparison {
            // Naming one side of a comparison asks about that side; naming two asks for the
            // comparison, whatever else the question names ("express or nest for node").
            let sides = self.terms.iter().filter(titled).count();
            return if sides >= 2 { 1.0 } else { kind_factor * PASSING_NAME_FACTOR };
        }
        if !self.terms.iter().all(|named| Named::mentioned(doc, mentions, *named)) {
            return kind_factor * MISSING_NAME_FACTOR;
        }
        if !self.terms.iter().all(|named| titled(&named)) {
            return kind_factor * PASSING_NAME_FACTOR;
        }
        let is_named_profile = matches!(doc.target, Target::Technology(_))
            && doc.phrases.iter().any(|p| p.len() == 1 && self.terms.iter().any(|(_, q)| q.matches_term(p[0])));
        if is_named_profile {
            1.0
        } else {
            kind_factor
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Document, Scope, SearchIndex, Target};
    use super::{Lexicon, Named};

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

    fn build(documents: Vec<Document>) -> SearchIndex {
        SearchIndex::build(documents, Lexicon::bundled())
    }

    #[test]
    fn a_named_technology_beats_entries_that_only_match_the_rest_of_the_question() {
        let index = build(vec![
            doc(Target::Faq(0), &["Should I learn GraphQL?", "is graphql worth learning"], "Learn REST first."),
            doc(Target::Faq(1), &["Is a bootcamp worth it?"], "Bootcamps teach Node.js, Python or Java."),
            doc(Target::Technology(0), &["Java", "jvm"], "A typed language for large backends."),
            doc(Target::Technology(1), &["Python"], "A friendly language."),
        ]);
        let hits = index.rank("is java still worth learning", Scope::Everything, false);
        assert_eq!(hits[0].target, Target::Technology(0), "{hits:?}");
        // Without a technology in the question, the FAQ entry that matches it still wins.
        let hits = index.rank("is graphql worth learning", Scope::Everything, false);
        assert_eq!(hits[0].target, Target::Faq(0), "{hits:?}");
    }

    #[test]
    fn a_word_that_only_shares_a_stem_with_a_name_names_nothing() {
        let index = build(vec![
            doc(Target::Faq(0), &["How much does a backend engineer earn?"], "It depends on the region."),
            doc(Target::Faq(1), &["What should a junior earn?"], "Less than a senior."),
            doc(Target::Technology(0), &["Nginx", "engine x"], "A web server and reverse proxy."),
        ]);
        // "engineer" and "engine" share the stem "engin"; only the whole word "nginx" names it.
        let named = |query: &str| {
            let words = Lexicon::bundled().terms(query);
            let query_terms = index.query_terms(&words, false);
            Named::in_query(&query_terms, &words, &index.naming).terms.len()
        };
        assert_eq!(named("what does a junior backend engineer earn"), 0);
        assert_eq!(named("is nginx worth it"), 1);
        assert_eq!(named("is nginz worth it"), 1, "one typo away still names it");
        assert_eq!(index.rank("is nginx worth it", Scope::Everything, false)[0].target, Target::Technology(0));
    }
}
