//! Benchmark and probe for `/faq` search over the whole bundled content (see BENCHMARKS.md).
//!
//! `measure` answers every query of `tests/search_eval.toml` (on-topic and off-topic) through
//! `App::faq`'s search, many rounds, and prints latency percentiles per query. `probe QUERY...`
//! prints the five best entries for each query with their scores, to see why a query ranks as
//! it does. Both read `content/` from the folder, so content edits need no rebuild.

use backend_mentor::content::search::{Found, Hit, Scope, Target};
use backend_mentor::content::{Content, ContentSource};
use std::time::Instant;

const ROUNDS: usize = 200;

fn main() -> anyhow::Result<()> {
    let root = env!("CARGO_MANIFEST_DIR");
    let content =
        ContentSource::Folder(format!("{root}/content").into()).load(&backend_mentor::startup::render_limits())?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, _)) if cmd == "measure" => measure(&content, &eval_queries(root)?),
        Some((cmd, _)) if cmd == "misses" => misses(&content, root),
        Some((cmd, [query])) if cmd == "repeat" => {
            repeat(&content, query);
            Ok(())
        }
        Some((cmd, queries)) if cmd == "probe" => {
            queries.iter().for_each(|q| probe(&content, q));
            Ok(())
        }
        _ => anyhow::bail!("usage: search_bench measure | misses | probe QUERY... | repeat QUERY"),
    }
}

/// Every query of the evaluation set, whatever its kind.
fn eval_queries(root: &str) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(format!("{root}/tests/search_eval.toml"))?;
    let set: toml::Table = toml::from_str(&text)?;
    let queries = set
        .values()
        .filter_map(|kind| kind.as_array())
        .flatten()
        .filter_map(|case| case.get("query")?.as_str().map(str::to_string))
        .collect();
    Ok(queries)
}

/// One query answered many times, for a profiler to watch (`perf record ... repeat "..."`).
fn repeat(content: &Content, query: &str) {
    let mut micros: Vec<f64> = (0..20_000)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(content.search().find(std::hint::black_box(query), Scope::Everything));
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    micros.sort_by(f64::total_cmp);
    println!("median {:.1} µs over {} calls", micros[micros.len() / 2], micros.len());
}

fn measure(content: &Content, queries: &[String]) -> anyhow::Result<()> {
    let mut micros: Vec<f64> = Vec::with_capacity(queries.len() * ROUNDS);
    let mut per_query = vec![Vec::with_capacity(ROUNDS); queries.len()];
    for _ in 0..ROUNDS {
        for (query, times) in queries.iter().zip(&mut per_query) {
            let start = Instant::now();
            std::hint::black_box(content.search().find(std::hint::black_box(query), Scope::Everything));
            let elapsed = start.elapsed().as_secs_f64() * 1e6;
            micros.push(elapsed);
            times.push(elapsed);
        }
    }
    print_slowest(queries, &mut per_query);
    micros.sort_by(f64::total_cmp);
    let at = |p: f64| micros[((micros.len() as f64 * p) as usize).min(micros.len() - 1)];
    println!(
        "/faq search over {} queries x {ROUNDS} rounds: p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        queries.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
    Ok(())
}

/// The five queries with the highest median time, which is where speed work pays.
fn print_slowest(queries: &[String], per_query: &mut [Vec<f64>]) {
    let mut medians: Vec<(f64, &String)> = per_query
        .iter_mut()
        .zip(queries)
        .map(|(times, query)| {
            times.sort_by(f64::total_cmp);
            (times[times.len() / 2], query)
        })
        .collect();
    medians.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (median, query) in medians.iter().take(5) {
        println!("  slowest: median {median:.1} µs  {query:?}");
    }
}

fn probe(content: &Content, query: &str) {
    println!("{query:?}");
    for hit in content.search().rank(query, Scope::Everything, false).iter().take(5) {
        println!("  {:.3}  {}  ({})", hit.score, id_of(content, hit), hit.label);
    }
}

fn id_of(content: &Content, hit: &Hit) -> String {
    match hit.target {
        Target::Faq(i) => content.faq[i].id.clone(),
        Target::Card(i) => content.cards[i].id.clone(),
        Target::Technology(i) => format!("technology:{}", content.technologies[i].id),
        Target::Step(i) => format!("step:{}", content.steps[i].number),
    }
}

/// The FAQ and off-topic queries of the evaluation set that `/faq` gets wrong (a quick loop for
/// tuning by category; the test in `tests/it/search_eval.rs` is the judge).
fn misses(content: &Content, root: &str) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(format!("{root}/tests/search_eval.toml"))?;
    let set: toml::Table = toml::from_str(&text)?;
    let cases = |kind: &str| set.get(kind).and_then(|v| v.as_array()).cloned().unwrap_or_default();
    let (mut total, mut wrong) = (0, 0);
    for case in cases("faq") {
        let (Some(query), Some(expect)) =
            (case.get("query").and_then(|q| q.as_str()), case.get("expect").and_then(|e| e.as_str()))
        else {
            continue;
        };
        total += 1;
        let got = match content.search().find(query, Scope::Everything) {
            Found::Match { best, .. } => id_of(content, &best),
            Found::NoMatch { .. } => "no answer".into(),
        };
        if got != expect {
            wrong += 1;
            println!("MISS {query:?}: expected {expect}, got {got}");
        }
    }
    for case in cases("off_topic") {
        let Some(query) = case.get("query").and_then(|q| q.as_str()) else { continue };
        if let Found::Match { best, .. } = content.search().find(query, Scope::Everything) {
            println!("OFF-TOPIC ANSWERED {query:?}: {}", id_of(content, &best));
        }
    }
    println!("faq misses: {wrong} of {total}");
    Ok(())
}
