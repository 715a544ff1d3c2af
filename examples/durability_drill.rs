//! Durability drill: thousands of `/checkin`s through the fake Discord into the real bot binary,
//! which is SIGKILLed at a random moment of each burst and restarted on the same SQLite file; the
//! last burst ends with a SIGTERM instead. Then every check-in the bot acknowledged must be stored
//! exactly once (each carries a unique note), the derived tables must agree with the day rows
//! (streak and all-time minutes, days), and `PRAGMA integrity_check` must say ok. Exits non-zero
//! on any loss, double or inconsistency.
//!
//! Run: `cargo build --release && cargo run --release --example durability_drill -- [rounds] [per_round]`
//! (defaults: 12 rounds of 400 check-ins; `SEED=n` repeats a run's kill moments). Traffic stays on
//! 127.0.0.1, every wait is bounded, and the run stops by itself.

#[path = "support/bot_process.rs"]
mod bot_process;
#[path = "../tests/it/fake_discord/mod.rs"]
#[allow(dead_code)]
mod fake_discord;

use bot_process::start_bot;
use fake_discord::{fixtures, FakeDiscord};
use serde_json::{json, Value};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::Row;
use std::collections::HashMap;
use std::process::{Child, Command, ExitCode};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);
/// Check-ins sent per second during a burst.
const RATE: u64 = 800;
/// Members the check-ins are spread over, so days gather many check-ins each.
const MEMBERS: u64 = 150;

/// A small deterministic generator (xorshift), so a seed repeats a run's kill moments.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn checkin(n: u64) -> Value {
    let options = json!([
        { "name": "minutes", "type": 4, "value": 1 + n % 9 },
        { "name": "note", "type": 3, "value": format!("drill-{n}") },
    ]);
    let mut interaction = fixtures::command("checkin", options);
    interaction["member"]["user"]["id"] = json!((700_000_000_000_000_000u64 + n % MEMBERS).to_string());
    interaction
}

/// Sends check-ins `first..first + count` at `RATE` until done or `stop` is set; returns the
/// interaction ids sent, with their check-in numbers.
async fn burst(fake: Arc<FakeDiscord>, first: u64, count: u64, stop: Arc<AtomicBool>) -> Vec<(String, u64)> {
    let started = Instant::now();
    let mut sent = Vec::new();
    for n in first..first + count {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let due = started + Duration::from_secs_f64((n - first) as f64 / RATE as f64);
        tokio::time::sleep_until(due.into()).await;
        let interaction = checkin(n);
        sent.push((interaction["id"].as_str().unwrap_or_default().to_string(), n));
        fake.send_interaction(interaction).await;
    }
    sent
}

/// Runs one burst and stops the bot partway through it, with `signal` ("KILL" or "TERM").
async fn round(
    fake: &Arc<FakeDiscord>,
    bot: &mut Child,
    first: u64,
    count: u64,
    stop_after: Duration,
    signal: &str,
) -> Vec<(String, u64)> {
    let stop = Arc::new(AtomicBool::new(false));
    let sender = tokio::spawn(burst(fake.clone(), first, count, stop.clone()));
    tokio::time::sleep(stop_after).await;
    let _ = Command::new("kill").arg(format!("-{signal}")).arg(bot.id().to_string()).status();
    stop.store(true, Ordering::SeqCst);
    let deadline = Instant::now() + WAIT;
    while bot.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(bot.try_wait().ok().flatten().is_some(), "the bot did not stop after SIG{signal}");
    sender.await.expect("the sender finishes")
}

/// The check-in numbers whose reply told the member it was saved.
fn acknowledged(fake: &FakeDiscord, sent: &HashMap<String, u64>) -> Vec<u64> {
    let saved = |r: &fake_discord::RecordedRequest| {
        let body = r.body.to_string();
        body.contains("Checked in for") || body.contains("checked in today")
    };
    let callbacks = fake.requests().into_iter().filter(|r| r.path.ends_with("/callback") && saved(r));
    callbacks.filter_map(|r| sent.get(r.path.split('/').nth(4).unwrap_or_default()).copied()).collect()
}

struct Stored {
    notes: HashMap<u64, usize>,
    inconsistent: Vec<String>,
    integrity: String,
}

async fn read_back(file: &std::path::Path) -> Stored {
    let options = SqliteConnectOptions::new().filename(file).read_only(true);
    let pool =
        SqlitePoolOptions::new().max_connections(1).connect_with(options).await.expect("the drill database opens");
    let mut notes = HashMap::new();
    for row in sqlx::query("SELECT note FROM checkin_notes").fetch_all(&pool).await.expect("notes") {
        let note: String = row.get(0);
        if let Some(n) = note.strip_prefix("drill-").and_then(|n| n.parse().ok()) {
            *notes.entry(n).or_insert(0) += 1;
        }
    }
    let checks = [
        ("streak minutes = day minutes", "SELECT COUNT(*) FROM streaks s WHERE total_minutes <> (SELECT COALESCE(SUM(minutes), 0) FROM checkins c WHERE c.member_id = s.member_id)"),
        ("streak days = days", "SELECT COUNT(*) FROM streaks s WHERE total_days <> (SELECT COUNT(*) FROM checkins c WHERE c.member_id = s.member_id)"),
        ("all-time minutes = day minutes", "SELECT COUNT(*) FROM period_totals p WHERE period = 'all' AND minutes <> (SELECT COALESCE(SUM(minutes), 0) FROM checkins c WHERE c.member_id = p.member_id)"),
        ("check-ins = notes", "SELECT COUNT(*) FROM checkins c WHERE checkin_count <> (SELECT COUNT(*) FROM checkin_notes n WHERE n.member_id = c.member_id AND n.local_date = c.local_date)"),
        ("day minutes = note minutes", "SELECT COUNT(*) FROM checkins c WHERE minutes <> (SELECT SUM(minutes) FROM checkin_notes n WHERE n.member_id = c.member_id AND n.local_date = c.local_date)"),
    ];
    let mut inconsistent = Vec::new();
    for (name, sql) in checks {
        let bad: i64 = sqlx::query(sql).fetch_one(&pool).await.expect("a consistency query").get(0);
        if bad > 0 {
            inconsistent.push(format!("{name}: {bad} rows disagree"));
        }
    }
    let integrity: String = sqlx::query("PRAGMA integrity_check").fetch_one(&pool).await.expect("integrity").get(0);
    pool.close().await;
    Stored { notes, inconsistent, integrity }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (rounds, per_round) = (args.first().copied().unwrap_or(12).max(1), args.get(1).copied().unwrap_or(400));
    let seed = std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| std::process::id() as u64 | 1);
    let mut dice = Dice(seed);
    let fake = Arc::new(FakeDiscord::start().await);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut sent: HashMap<String, u64> = HashMap::new();
    let burst_ms = per_round * 1000 / RATE;
    for r in 0..rounds {
        let mut bot = start_bot(&fake.base_url(), dir.path(), "drill.db", "error");
        fake.wait_until_ready(WAIT).await.expect("the bot connects");
        fake.next_request("PUT", "/api/v10/applications/*/commands", WAIT).await.expect("commands registered");
        let signal = if r + 1 == rounds { "TERM" } else { "KILL" };
        let stop_after = Duration::from_millis(50 + dice.below(burst_ms));
        sent.extend(round(&fake, &mut bot, r * per_round, per_round, stop_after, signal).await);
    }
    let acknowledged = acknowledged(&fake, &sent);
    let stored = read_back(&dir.path().join("drill.db")).await;
    let lost: Vec<u64> = acknowledged.iter().copied().filter(|n| !stored.notes.contains_key(n)).collect();
    let doubled = stored.notes.values().filter(|c| **c > 1).count();
    let saved_unanswered = stored.notes.keys().filter(|n| !acknowledged.contains(n)).count();
    println!("seed {seed}: {rounds} rounds ({} SIGKILL, 1 SIGTERM), {} check-ins dispatched", rounds - 1, sent.len());
    println!(
        "acknowledged {}, stored {}, saved but unanswered (stopped before the reply) {saved_unanswered}",
        acknowledged.len(),
        stored.notes.len()
    );
    println!("lost {}, doubled {doubled}, integrity {}", lost.len(), stored.integrity);
    for problem in &stored.inconsistent {
        println!("  inconsistent: {problem}");
    }
    let ok = lost.is_empty() && doubled == 0 && stored.integrity == "ok" && stored.inconsistent.is_empty();
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
