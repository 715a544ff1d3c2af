//! Load tool: drives many concurrent interactions through the fake Discord's gateway into the
//! real bot binary (`backend-mentor run`, started as a child process pointed at the fake with
//! `DISCORD_API_PROXY`), and reports interactions per second, p50/p99 latency from dispatch to
//! the bot's callback, errors (OpenAPI or protocol violations, missing answers), and the bot's
//! resident memory after start and under load.
//!
//! Run: `cargo build --release && cargo run --release --example discord_load -- [rate] [seconds]`
//! (defaults: 2500 interactions/s for 10 s). Traffic stays on 127.0.0.1 and the run is bounded.
//! `SLOWEST=20` also lists the 20 slowest interactions and when each was sent; `ONLY=checkin`
//! sends nothing but `/checkin` (a new member each time), to find the writer's rate.

#[path = "support/bot_process.rs"]
mod bot_process;
#[path = "../tests/it/fake_discord/mod.rs"]
#[allow(dead_code)]
mod fake_discord;
#[path = "support/percentile.rs"]
mod percentile;

use bot_process::start_bot;
use fake_discord::{fixtures, FakeDiscord};
use percentile::percentile;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::process::Command;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

fn interaction(kind: u64, i: u64) -> Value {
    let option = |name: &str, value: Value| json!({ "name": name, "type": if value.is_string() { 3 } else { 4 }, "value": value });
    let questions = [
        "which language should I learn first",
        "is a degree required",
        "how do i cache api responses",
        "kubernets worth it",
    ];
    let mut interaction = match kind {
        0 => {
            fixtures::command("faq", json!([option("question", json!(questions[(i / 6) as usize % questions.len()]))]))
        }
        1 => fixtures::command("compare", json!([option("a", json!("postgres")), option("b", json!("mongo"))])),
        2 => fixtures::command("roadmap", json!([option("step", json!(((i % 8) + 1).to_string()))])),
        3 => fixtures::command("checkin", json!([option("minutes", json!(30))])),
        4 => fixtures::command("streak", json!([])),
        _ => {
            fixtures::autocomplete("faq", json!([{ "name": "question", "type": 3, "value": "data", "focused": true }]))
        }
    };
    // A different member for every interaction, so check-ins write real rows.
    interaction["member"]["user"]["id"] = json!((600_000_000_000_000_000u64 + i).to_string());
    interaction
}

fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap_or("VmRSS: 0 kB");
    line.split_whitespace().nth(1).and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// With `SLOWEST=n` set, lists the n slowest interactions with when they were sent, to tell a
/// warm-up stall from a periodic one.
fn print_slowest(sent_at: &HashMap<String, (Instant, u64)>, answered: &HashMap<String, Instant>, started: Instant) {
    let Some(n) = std::env::var("SLOWEST").ok().and_then(|n| n.parse::<usize>().ok()) else { return };
    let mut slow: Vec<(Duration, Duration, u64)> = sent_at
        .iter()
        .filter_map(|(id, (sent, kind))| {
            answered.get(id).map(|done| (done.saturating_duration_since(*sent), sent.duration_since(started), *kind))
        })
        .collect();
    slow.sort();
    for (latency, at, kind) in slow.iter().rev().take(n) {
        println!(
            "  slow: {latency:?}, sent at {at:?}, kind {kind} (faq, compare, roadmap, checkin, streak, autocomplete)"
        );
    }
}

/// p99 of each 10-second stretch of sending, to show whether the rate is sustained or the tail
/// grows as the run goes on.
fn print_windows(sent_at: &HashMap<String, (Instant, u64)>, answered: &HashMap<String, Instant>, started: Instant) {
    let mut windows: Vec<Vec<Duration>> = Vec::new();
    for (id, (sent, _)) in sent_at {
        let Some(done) = answered.get(id) else { continue };
        let window = sent.duration_since(started).as_secs() as usize / 10;
        if windows.len() <= window {
            windows.resize(window + 1, Vec::new());
        }
        windows[window].push(done.saturating_duration_since(*sent));
    }
    let p99s: Vec<String> = windows
        .iter_mut()
        .map(|w| {
            w.sort();
            format!("{:.1} ms", percentile(w, 0.99).as_secs_f64() * 1000.0)
        })
        .collect();
    println!("p99 by 10 s of sending: {}", p99s.join(", "));
}

#[tokio::main]
async fn main() {
    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (rate, seconds) = (args.first().copied().unwrap_or(2500), args.get(1).copied().unwrap_or(10));
    let only_checkins = std::env::var("ONLY").is_ok_and(|only| only == "checkin");
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let launched = Instant::now();
    let mut bot = start_bot(&fake.base_url(), dir.path(), "load.db", "warn");
    fake.wait_until_ready(WAIT).await.expect("the bot connects");
    let ready_after = launched.elapsed();
    fake.next_request("PUT", "/api/v10/applications/*/commands", WAIT).await.expect("commands registered");
    let registered_after = launched.elapsed();
    let rss_start = resident_kib(bot.id());

    let total = rate * seconds;
    fake.reserve(total as usize);
    let mut sent_at: HashMap<String, (Instant, u64)> = HashMap::with_capacity(total as usize);
    let started = Instant::now();
    let mut rss_peak = rss_start;
    for i in 0..total {
        // Open loop: interaction i goes out at started + i/rate, whatever the bot is doing.
        let due = started + Duration::from_secs_f64(i as f64 / rate as f64);
        tokio::time::sleep_until(due.into()).await;
        let kind = if only_checkins { 3 } else { i % 6 };
        let interaction = interaction(kind, i);
        sent_at.insert(interaction["id"].as_str().unwrap_or_default().to_string(), (Instant::now(), kind));
        fake.send_interaction(interaction).await;
        if i % rate == 0 {
            rss_peak = rss_peak.max(resident_kib(bot.id()));
        }
    }
    let send_time = started.elapsed();
    let deadline = Instant::now() + WAIT;
    let mut answered: HashMap<String, Instant> = HashMap::new();
    while answered.len() < total as usize && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        for request in fake.requests().into_iter().filter(|r| r.path.ends_with("/callback")) {
            let id = request.path.split('/').nth(4).unwrap_or_default().to_string();
            answered.entry(id).or_insert(request.received_at);
        }
    }
    rss_peak = rss_peak.max(resident_kib(bot.id()));
    let timed: Vec<(u64, Duration)> = sent_at
        .iter()
        .filter_map(|(id, (sent, kind))| answered.get(id).map(|done| (*kind, done.saturating_duration_since(*sent))))
        .collect();
    print_slowest(&sent_at, &answered, started);
    print_windows(&sent_at, &answered, started);
    let mut latencies: Vec<Duration> = timed.iter().map(|(_, d)| *d).collect();
    latencies.sort();
    for (kind, name) in ["faq", "compare", "roadmap", "checkin", "streak", "autocomplete"].iter().enumerate() {
        let mut own: Vec<Duration> = timed.iter().filter(|(k, _)| *k == kind as u64).map(|(_, d)| *d).collect();
        own.sort();
        println!("  {name:<12} p50 {:?} p99 {:?}", percentile(&own, 0.5), percentile(&own, 0.99));
    }
    let last_answer = answered.values().max().copied().unwrap_or(started);
    let throughput = latencies.len() as f64 / last_answer.duration_since(started).as_secs_f64();
    let violations = fake.violations();
    println!("sent {total} interactions at a target of {rate}/s in {:.2} s", send_time.as_secs_f64());
    println!(
        "answered {} ({} missing); throughput {throughput:.0} interactions/s",
        latencies.len(),
        total as usize - latencies.len()
    );
    println!(
        "latency dispatch -> callback: p50 {:?}, p99 {:?}, max {:?}",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or_default()
    );
    println!("errors (violations): {}", violations.len());
    for v in violations.iter().take(5) {
        println!("  {v}");
    }
    println!(
        "bot start: gateway ready {:.1} ms after the process was started, commands registered after {:.1} ms",
        ready_after.as_secs_f64() * 1000.0,
        registered_after.as_secs_f64() * 1000.0
    );
    println!("bot resident memory: {} MiB after start, {} MiB peak under load", rss_start / 1024, rss_peak / 1024);
    let _ = Command::new("kill").arg("-TERM").arg(bot.id().to_string()).status();
    let _ = bot.wait();
}
