//! Tests of the ranking rules that apply to whole kinds of query: long questions, step words.

use super::text::sentences;
use super::{Document, Lexicon, Scope, SearchIndex, Target, CONFIDENT};

fn doc(target: Target, phrases: &[&str], body: &str) -> Document {
    let phrases: Vec<String> = phrases.iter().map(|p| p.to_string()).collect();
    Document { target, label: phrases[0].clone(), phrases, keywords: vec![], body: body.to_string(), comparison: false }
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
    assert!(hits[0].score >= CONFIDENT, "{hits:?}");
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

#[test]
fn a_question_split_into_sentences_has_the_words_of_the_whole() {
    // `rank_top` reads the words sentence by sentence and puts them together for the whole.
    let lexicon = Lexicon::bundled();
    let texts = [
        "I use node.js. Nothing works! what now?",
        "c#; c++ and .net?\nci/cd too. e.g. docker",
        "full-stack or back-end? event-driven; real-time!",
        "What's the café's DB. postgres vs mongo",
    ];
    for text in texts {
        let split: Vec<_> = sentences(text).into_iter().flat_map(|s| lexicon.terms(s)).collect();
        assert_eq!(split, lexicon.terms(text), "{text:?}");
    }
}

/// The tables worked out when the index is built (each known word's stem and matches) are only
/// a shortcut: without them, every evaluation query and each of its prefixes ranks the same.
#[test]
fn the_precomputed_word_tables_change_no_ranking() {
    let content =
        crate::content::ContentSource::Embedded.load(&crate::startup::render_limits()).expect("bundled content loads");
    let fast = content.search();
    let slow = fast.without_precomputed_words();
    let set: toml::Table = toml::from_str(include_str!("../../../tests/search_eval.toml")).expect("eval set parses");
    let queries: Vec<&str> =
        set.values().filter_map(|k| k.as_array()).flatten().filter_map(|c| c.get("query")?.as_str()).collect();
    assert!(queries.len() > 250, "the evaluation set is read");
    for query in queries {
        assert_eq!(fast.rank(query, Scope::Everything, false), slow.rank(query, Scope::Everything, false), "{query:?}");
        for cut in query.char_indices().map(|(i, _)| i).filter(|i| *i > 0).step_by(3) {
            let partial = &query[..cut];
            assert_eq!(fast.rank(partial, Scope::Everything, true), slow.rank(partial, Scope::Everything, true));
        }
    }
}
