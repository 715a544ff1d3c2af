//! Scheduler benchmark. (1) Computing which of 100,000 members' nudges are due, in memory and
//! from the database. (2) Sending 10,000 nudges through the fake Discord from the real bot
//! (in-process `startup::Root` with the Discord front end, clock injected), measuring the request rate reached against the
//! configured rate, and interactive command latency before and during the sends.
//!
//! Run: `cargo run --release --example scheduler_load -- [rate_per_second] [nudges] [known-dms]`
//! (defaults: 400 requests/s, 10,000 nudges). With `known-dms` every member's direct-message
//! channel is stored first, as after their first nudge, so a nudge is one request; without it
//! each nudge opens the channel too. Traffic stays on 127.0.0.1; the run is bounded.

#[path = "../tests/it/fake_discord/mod.rs"]
#[allow(dead_code)]
mod fake_discord;

use backend_mentor::app::{App, NudgeRequest};
use backend_mentor::clock::Clock;
use backend_mentor::config::{DiscordConfig, SchedulerConfig, Secret};
use backend_mentor::content::ContentSource;
use backend_mentor::discord::DiscordFrontEnd;
use backend_mentor::domain::schedule::{LocalTime, Weekdays};
use backend_mentor::domain::{MemberRef, Platform, Timezone};
use backend_mentor::startup::Root;
use backend_mentor::storage::{NudgeRow, Store};
use chrono::{DateTime, Duration, TimeZone, Utc};
use fake_discord::{fixtures, FakeDiscord};
use serde_json::json;
use std::sync::Arc;
use std::time::Instant;

const GUILD: &str = "800000000000000001";

fn synthetic_rows(count: usize) -> Vec<NudgeRow> {
    let zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Tongatapu", "Australia/Sydney"];
    let zones: Vec<Timezone> = zones.iter().map(|z| Timezone::parse(z).expect("a known zone")).collect();
    (0..count)
        .map(|i| NudgeRow {
            member_id: i as i64,
            member: MemberRef::new(Platform::Discord, GUILD, (600_000_000_000_000_000u64 + i as u64).to_string()),
            local_time: LocalTime::parse(&format!("{:02}:{:02}", 17 + i % 5, (i * 7) % 60)).expect("a valid time"),
            weekdays: Weekdays::EVERY_DAY,
            snooze_until: None,
            timezone: Some(zones[i % zones.len()]),
            direct_channel: Some((700_000_000_000_000_000u64 + i as u64).to_string()),
        })
        .collect()
}

fn median_ms(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

async fn measure_planning(app: &App, now: DateTime<Utc>) {
    let rows = synthetic_rows(100_000);
    let samples: Vec<f64> = (0..15)
        .map(|_| {
            let started = Instant::now();
            let due = app.plan_nudges(rows.clone(), now, Duration::hours(3));
            std::hint::black_box(due);
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    println!("due computation for 100,000 members (in memory): median {:.1} ms", median_ms(samples));
}

async fn interactive_latency(fake: &FakeDiscord, count: u64) -> (f64, f64) {
    let mut latencies = Vec::new();
    for i in 0..count {
        let question = json!([{ "name": "question", "type": 3, "value": "how do i cache api responses" }]);
        let mut interaction = fixtures::command("faq", question);
        interaction["member"]["user"]["id"] = json!((500_000_000_000_000_000u64 + i).to_string());
        let started = Instant::now();
        fake.send_interaction(interaction).await;
        fake.next_request("POST", "/api/v10/interactions/*/*/callback", std::time::Duration::from_secs(10))
            .await
            .expect("answered");
        latencies.push(started.elapsed().as_secs_f64() * 1000.0);
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    latencies.sort_by(f64::total_cmp);
    (latencies[latencies.len() / 2], latencies[(latencies.len() * 99) / 100])
}

#[tokio::main]
async fn main() {
    let known_dms = std::env::args().any(|a| a == "known-dms");
    let args: Vec<u32> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (rate, nudges) = (args.first().copied().unwrap_or(400), args.get(1).copied().unwrap_or(10_000));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::connect(&format!("sqlite://{}/sched.db", dir.path().display())).await.expect("database");
    let app = App::new(
        Arc::new(ContentSource::Embedded.load(&backend_mentor::startup::render_limits()).expect("content")),
        store.clone(),
        Timezone::UTC,
    );
    let noon = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
    measure_planning(&app, noon).await;

    let setup = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    for i in 0..nudges {
        let member = MemberRef::new(Platform::Discord, GUILD, (600_000_000_000_000_000u64 + u64::from(i)).to_string());
        let request = NudgeRequest {
            on: true,
            time: Some(backend_mentor::domain::schedule::LocalTime::parse("11:30").unwrap()),
            weekdays: None,
            snooze_until: None,
        };
        app.set_nudges(&member, request, setup).await.expect("nudges on");
        if known_dms {
            let id = store.find_member_id(&member).await.expect("read").expect("the member was just created");
            store.set_direct_channel(id, &(700_000_000_000_000_000u64 + u64::from(i)).to_string()).await.expect("kept");
        }
    }
    let started = Instant::now();
    let due = app.due_nudges(noon, Duration::hours(3)).await.expect("due list");
    println!(
        "due computation for {nudges} members from the database: {:.1} ms ({} due)",
        started.elapsed().as_secs_f64() * 1000.0,
        due.len()
    );

    let fake = FakeDiscord::start().await;
    let clock = Clock::fixed(Utc.with_ymd_and_hms(2026, 3, 2, 11, 0, 0).unwrap());
    let now = clock.clone();
    let config = DiscordConfig {
        token: Secret::new("load"),
        guild_id: None,
        api_proxy: Some(fake.base_url()),
        shards: None,
        interactions: None,
    };
    let scheduling = SchedulerConfig { grace_minutes: 180, rate_per_second: rate, tick_seconds: 1 };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let bot = tokio::spawn(async move {
        let mut root = Root::new(app, clock, scheduling);
        root.start(DiscordFrontEnd::new(&config));
        root.run(async move {
            let _ = stopped.await;
        })
        .await
    });
    fake.wait_until_ready(std::time::Duration::from_secs(30)).await.expect("ready");
    let (p50, p99) = interactive_latency(&fake, 200).await;
    println!("interactive /faq before the nudges: p50 {p50:.2} ms, p99 {p99:.2} ms");

    now.set(noon);
    let sending = Instant::now();
    let (p50, p99) = interactive_latency(&fake, 200).await;
    println!("interactive /faq while nudging: p50 {p50:.2} ms, p99 {p99:.2} ms");
    let per_nudge = if known_dms { 1 } else { 2 };
    let expected = nudges as usize * per_nudge;
    let deadline = Instant::now() + std::time::Duration::from_secs(u64::from(nudges * 2 / rate.max(1)) + 60);
    loop {
        let sends = fake
            .requests()
            .into_iter()
            .filter(|r| r.method == "POST" && (r.path.contains("/channels/") || r.path.ends_with("@me/channels")))
            .count();
        if sends >= expected || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let requests: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && (r.path.contains("/channels/") || r.path.ends_with("@me/channels")))
        .collect();
    let first = requests.iter().map(|r| r.received_at).min().unwrap_or(sending);
    let last = requests.iter().map(|r| r.received_at).max().unwrap_or(sending);
    let achieved = requests.len() as f64 / last.duration_since(first).as_secs_f64().max(1e-9);
    println!(
        "nudge requests: {} of {expected} in {:.1} s: {achieved:.1} requests/s against {rate} configured ({:.1}%)",
        requests.len(),
        last.duration_since(first).as_secs_f64(),
        100.0 * achieved / f64::from(rate)
    );
    println!("nudges: {:.1} per second ({} request(s) each)", achieved / per_nudge as f64, per_nudge);
    println!("violations: {}", fake.violations().len());
    let _ = stop.send(());
    let _ = bot.await;
}
