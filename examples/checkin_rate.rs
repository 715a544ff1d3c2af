//! Check-in throughput on SQLite: how many check-ins a second one process's store takes, the
//! whole `App::check_in` path (zone lookup, the write transaction, the streak and period totals)
//! on a fresh database file, with many members checking in at once as a busy server's would.
//!
//! `checkin_rate [seconds] [concurrency]` runs two phases of `seconds` each: new members (every
//! check-in creates its member, the heaviest case) and returning members (the same members the
//! next day). It prints check-ins a second and the latency percentiles of each. Time is a fixed
//! argument, so the streak rules see the same days on every run.

#[path = "support/percentile.rs"]
mod percentile;

use backend_mentor::app::App;
use backend_mentor::content::ContentSource;
use backend_mentor::domain::{MemberRef, Minutes, Note, Platform, Timezone};
use backend_mentor::storage::Store;
use chrono::{DateTime, TimeZone, Utc};
use percentile::percentile;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    backend_mentor::telemetry::init(backend_mentor::config::LogFormat::Pretty, "warn");
    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (seconds, concurrency) = (args.first().copied().unwrap_or(10), args.get(1).copied().unwrap_or(64));
    let folder = tempfile::tempdir()?;
    let url = format!("sqlite://{}", folder.path().join("checkins.db").display());
    let content = Arc::new(ContentSource::Embedded.load(&backend_mentor::startup::render_limits())?);
    let app = App::new(content, Store::connect(&url).await?, Timezone::UTC);
    let day_one = Utc.with_ymd_and_hms(2026, 6, 17, 12, 0, 0).unwrap();
    let members = phase(&app, "new members", day_one, seconds, concurrency, None).await?;
    let day_two = day_one + chrono::Duration::days(1);
    phase(&app, "returning members, next day", day_two, seconds, concurrency, Some(members)).await?;
    app.close().await;
    Ok(())
}

/// Runs `concurrency` members checking in back to back for `seconds`; returns how many members
/// checked in, so the returning phase can bring the same ones back (`limit`).
async fn phase(
    app: &App,
    label: &str,
    now: DateTime<Utc>,
    seconds: u64,
    concurrency: u64,
    limit: Option<u64>,
) -> anyhow::Result<u64> {
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (app, next) = (app.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let note = Note::new("read a chapter on indexes").ok().flatten();
            while Instant::now() < deadline {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if limit.is_some_and(|limit| i >= limit) {
                    break;
                }
                let member = MemberRef::new(Platform::Discord, format!("s{}", i % 100), format!("u{i}"));
                let note = if i % 4 == 0 { note.clone() } else { None };
                let sent = Instant::now();
                app.check_in(&member, now, Minutes::new(30).ok(), note).await?;
                latencies.push(sent.elapsed());
            }
            anyhow::Ok(latencies)
        }));
    }
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let count = latencies.len() as u64;
    let (p50, p99) = (percentile(&latencies, 0.50), percentile(&latencies, 0.99));
    println!(
        "{label:<28} {count:>7} check-ins in {elapsed:.1} s: {:>6.0}/s, p50 {:.2} ms, p99 {:.2} ms",
        count as f64 / elapsed,
        p50.as_secs_f64() * 1000.0,
        p99.as_secs_f64() * 1000.0
    );
    Ok(count)
}
