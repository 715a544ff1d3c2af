//! The search skips entries that cannot make its result (`src/content/search/candidates.rs`);
//! skipping must never change an answer. On every query of the evaluation set, and on each
//! query typed partway for autocomplete, the fast paths give what scoring every entry gives.

use backend_mentor::content::search::{Found, Hit, Scope, CONFIDENT, MAX_CHOICES};
use backend_mentor::content::{Content, ContentSource};

fn content() -> Content {
    ContentSource::Embedded.load(&backend_mentor::startup::render_limits()).expect("bundled content loads")
}

fn eval_queries() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search_eval.toml")).unwrap();
    let set: toml::Table = toml::from_str(&text).unwrap();
    let cases = set.values().filter_map(|kind| kind.as_array()).flatten();
    cases.filter_map(|case| case.get("query")?.as_str().map(str::to_string)).collect()
}

/// What `find` must answer, worked out from the full ranking.
fn expected_find(ranked: &[Hit]) -> Found {
    match ranked.first() {
        Some(best) if best.score >= CONFIDENT => {
            let close = |h: &&Hit| h.score >= CONFIDENT && best.score - h.score < 0.1;
            Found::Match {
                best: best.clone(),
                also: ranked[1..ranked.len().min(4)].iter().filter(close).cloned().collect(),
            }
        }
        _ => Found::NoMatch { suggestions: ranked.iter().take(3).cloned().collect() },
    }
}

#[test]
fn find_gives_what_ranking_every_entry_gives() {
    let content = content();
    let queries = eval_queries();
    assert!(queries.len() > 250, "the evaluation set is read");
    for query in &queries {
        let ranked = content.search().rank(query, Scope::Everything, false);
        assert_eq!(content.search().find(query, Scope::Everything), expected_find(&ranked), "{query:?}");
    }
}

#[test]
fn autocomplete_gives_what_ranking_every_entry_gives() {
    let content = content();
    for query in eval_queries() {
        // Every other prefix that ends inside a word, as typing goes.
        let cuts = query.char_indices().map(|(i, _)| i).filter(|i| *i > 0).step_by(2);
        for partial in cuts.map(|i| &query[..i]) {
            let mut ranked = content.search().rank(partial, Scope::Everything, true);
            ranked.truncate(MAX_CHOICES);
            assert_eq!(content.search().complete(partial, Scope::Everything), ranked, "{partial:?}");
        }
    }
}
