//! Search quality on `tests/search_eval.toml`: queries phrased the way learners type them, each
//! with the entry it must find first, and off-topic queries that must find nothing.
//! Prints top-1 accuracy; fails below 95% or when any off-topic query gets an answer.

use backend_mentor::app::{App, FaqAnswer};
use serde::Deserialize;

#[derive(Deserialize)]
struct EvalSet {
    faq: Vec<Expect<String>>,
    technology: Vec<Expect<String>>,
    step: Vec<Expect<u8>>,
    off_topic: Vec<OffTopic>,
}

#[derive(Deserialize)]
struct Expect<T> {
    query: String,
    expect: T,
}

#[derive(Deserialize)]
struct OffTopic {
    query: String,
}

fn faq_top1(app: &App, query: &str) -> String {
    match app.faq(query) {
        Ok(view) => match view.answer {
            FaqAnswer::Entry { entry, .. } => entry.id.clone(),
            FaqAnswer::Technology(t) => format!("technology:{}", t.id),
            FaqAnswer::Step(s) => format!("step:{}", s.number),
        },
        Err(e) => format!("no answer ({e})"),
    }
}

#[tokio::test]
async fn search_finds_what_learners_mean_and_nothing_for_off_topic_questions() {
    let t = crate::common::spawn_app().await;
    let app = &t.app;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search_eval.toml");
    let set: EvalSet = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut misses = Vec::new();
    let mut total = 0;
    for case in &set.faq {
        total += 1;
        let got = faq_top1(app, &case.query);
        if got != case.expect {
            misses.push(format!("faq {:?}: expected {}, got {got}", case.query, case.expect));
        }
    }
    for case in &set.technology {
        total += 1;
        let got = app.technology(&case.query).map(|t| t.id.clone()).unwrap_or_else(|e| format!("no answer ({e})"));
        if got != case.expect {
            misses.push(format!("technology {:?}: expected {}, got {got}", case.query, case.expect));
        }
    }
    for case in &set.step {
        total += 1;
        let got =
            app.roadmap_step(&case.query).map(|s| s.number.to_string()).unwrap_or_else(|e| format!("no answer ({e})"));
        if got != case.expect.to_string() {
            misses.push(format!("step {:?}: expected {}, got {got}", case.query, case.expect));
        }
    }
    let answered_off_topic: Vec<String> = set
        .off_topic
        .iter()
        .filter(|case| app.faq(&case.query).is_ok())
        .map(|case| format!("off-topic {:?} got {}", case.query, faq_top1(app, &case.query)))
        .collect();
    let accuracy = 100.0 * (total - misses.len()) as f64 / total as f64;
    println!(
        "search evaluation: top-1 accuracy {accuracy:.1}% ({} of {total}); off-topic answered: {} of {}",
        total - misses.len(),
        answered_off_topic.len(),
        set.off_topic.len()
    );
    for miss in misses.iter().chain(&answered_off_topic) {
        println!("  {miss}");
    }
    assert!(total >= 60 && set.off_topic.len() >= 10, "the evaluation set is too small");
    assert!(accuracy >= 95.0, "top-1 accuracy {accuracy:.1}% is below 95%");
    assert!(answered_off_topic.is_empty(), "off-topic queries must find nothing");
}
