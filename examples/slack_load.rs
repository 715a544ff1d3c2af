//! Load tool for Slack: the real bot binary (`backend-mentor run`, a child process in Socket Mode
//! against the fake Slack on 127.0.0.1) gets slash commands at a fixed rate, open loop, and the
//! tool reports, from each envelope sent to its ack received: p50, p99, max, missing acks and
//! the fake's violations (Block Kit limits, Web API arguments).
//!
//! Run: `cargo build --release && cargo run --release --example slack_load -- [count] [rate] [line]`
//! (defaults: 2,000 commands at 200/s, the five lines of `LINES` in turn; a `line` number sends
//! only that one, to time one command alone).

#[path = "support/bot_process.rs"]
mod bot_process;
#[path = "../tests/it/fake_slack/mod.rs"]
#[allow(dead_code)]
mod fake_slack;
#[path = "support/percentile.rs"]
mod percentile;

use fake_slack::{FakeSlack, APP_TOKEN, BOT_TOKEN};
use percentile::percentile;
use std::process::Command;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);
const LINES: [&str; 5] =
    ["faq which language should I learn first", "compare postgres mongo", "roadmap 3", "checkin 30", "streak"];

#[tokio::main]
async fn main() {
    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (count, rate) = (args.first().copied().unwrap_or(2000), args.get(1).copied().unwrap_or(200));
    let only = args.get(2).copied();
    let fake = FakeSlack::start().await;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut bot = bot_process::start_slack_bot(&fake.api_url(), BOT_TOKEN, APP_TOKEN, dir.path(), "load.db");
    assert!(fake.wait_until_connections(4, WAIT).await, "the bot opens its four Socket Mode connections");
    // A few commands first: the first use of each statement and piece of content warms up.
    for line in LINES {
        fake.slash("T0LOAD", "U0WARM", line, WAIT).await.expect("the warm-up is acked");
    }
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(count as usize);
    for i in 0..count {
        let due = started + Duration::from_secs_f64(i as f64 / rate as f64);
        tokio::time::sleep_until(due.into()).await;
        let fake = fake.clone();
        // A different member for every command, so check-ins write real rows.
        let user = format!("U{i:08}");
        let line = match only {
            Some(n) => LINES[n as usize % LINES.len()],
            None => LINES[i as usize % LINES.len()],
        };
        tasks.push(tokio::spawn(async move { fake.slash_timed("T0LOAD", &user, line, WAIT).await }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        if let Some(latency) = task.await.expect("a timing task") {
            latencies.push(latency);
        }
    }
    latencies.sort();
    let violations = fake.violations();
    println!("sent {count} slash commands at {rate}/s in {:.2} s", started.elapsed().as_secs_f64());
    println!("acked {} ({} missing)", latencies.len(), count as usize - latencies.len());
    println!(
        "envelope sent -> ack received: p50 {:?}, p99 {:?}, max {:?}",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or_default()
    );
    println!("violations: {}", violations.len());
    for v in violations.iter().take(5) {
        println!("  {v}");
    }
    let _ = Command::new("kill").arg("-TERM").arg(bot.id().to_string()).status();
    let _ = bot.wait();
}
