//! The replica drill: three `backend-mentor run` processes (shards 0, 1 and 2 of 3) on one
//! PostgreSQL database and the fake Discord, with `NUDGES` nudges falling due over the next three
//! minutes of real time. Once a third of them are out, the replica holding the send lease (found
//! in `pg_locks`) is killed with SIGKILL and restarted a few seconds later. At the end every
//! member's DM channel is checked: each received their nudge exactly once (the replica taking
//! over sends again what the killed one had claimed, under the same nonce, and the fake refuses
//! a copy as Discord does), none was sent before its time, and the combined send rate of all
//! replicas, measured by the fake per second, stayed under the limit.
//!
//! Run: `cargo build --release && cargo run --release --example replica_drill -- POSTGRES_URL
//! [nudges] [rate]` (defaults 10,000 nudges, 50 requests/s). `POSTGRES_URL` names a server the
//! drill may create a database on (`drill_<pid>`). Traffic stays on 127.0.0.1; the run is
//! bounded (the sends' own time plus five minutes).

#[path = "support/bot_process.rs"]
mod bot_process;
#[path = "../tests/it/fake_discord/mod.rs"]
#[allow(dead_code)]
mod fake_discord;

use backend_mentor::app::{App, NudgeRequest};
use backend_mentor::content::ContentSource;
use backend_mentor::domain::schedule::LocalTime;
use backend_mentor::domain::{MemberRef, Platform, Timezone};
use backend_mentor::storage::Store;
use chrono::{DateTime, Duration as Span, DurationRound, Utc};
use fake_discord::{FakeDiscord, RecordedRequest};
use sqlx::{Connection, Row};
use std::collections::HashMap;
use std::process::Child;
use std::sync::Arc;
use std::time::{Duration, Instant};

const REPLICAS: u32 = 3;
const FIRST_USER: u64 = 610_000_000_000_000_000;
const FIRST_DM: u64 = 710_000_000_000_000_000;

/// A fresh database on the server, and its URL.
async fn fresh_database(server: &str) -> anyhow::Result<String> {
    let name = format!("drill_{}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(server).await?;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name}")).execute(&mut admin).await?;
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await?;
    let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
    Ok(format!("{base}/{name}"))
}

/// Turns nudges on for `count` members, each due in one of the three minutes from `first_due`,
/// with their direct-message channel already known (one request per nudge).
async fn set_up(url: &str, count: u64, first_due: DateTime<Utc>) -> anyhow::Result<Vec<DateTime<Utc>>> {
    let content = Arc::new(ContentSource::Embedded.load(&backend_mentor::startup::render_limits())?);
    let store = Store::connect(url).await?;
    let app = App::new(content, store.clone(), Timezone::UTC);
    let now = Utc::now();
    let mut due = Vec::new();
    for i in 0..count {
        let at = first_due + Span::minutes((i % 3) as i64);
        let member = MemberRef::new(Platform::Discord, guild_of(i), (FIRST_USER + i).to_string());
        let time = LocalTime::parse(&at.format("%H:%M").to_string())?;
        let request = NudgeRequest { on: true, time: Some(time), weekdays: None, snooze_until: None };
        app.set_nudges(&member, request, now).await?;
        let id = store.find_member_id(&member).await?.expect("the member was just created");
        store.set_direct_channel(id, &(FIRST_DM + i).to_string()).await?;
        due.push(at);
    }
    app.close().await;
    Ok(due)
}

fn guild_of(i: u64) -> String {
    ((900_000 + i % u64::from(REPLICAS)) << 22).to_string()
}

/// The replica holding the lease on Discord's scheduled sends, by its `application_name`.
async fn lease_holder(url: &str) -> anyhow::Result<Option<u32>> {
    let mut db = sqlx::PgConnection::connect(url).await?;
    let row = sqlx::query(
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid \
         WHERE l.locktype = 'advisory' AND l.granted LIMIT 1",
    )
    .fetch_optional(&mut db)
    .await?;
    Ok(row.and_then(|r| r.get::<String, _>(0).strip_prefix("replica-").and_then(|n| n.parse().ok())))
}

fn nudge_sends(fake: &FakeDiscord) -> Vec<RecordedRequest> {
    let sends = fake.requests().into_iter();
    sends
        .filter(|r| {
            r.method == "POST" && (r.path.starts_with("/api/v10/channels/") || r.path.ends_with("@me/channels"))
        })
        .collect()
}

/// The most sends in any one calendar second, and in any sliding one-second window.
fn highest_rates(mut times: Vec<DateTime<Utc>>) -> (usize, usize) {
    times.sort();
    let mut per_second: HashMap<i64, usize> = HashMap::new();
    for t in &times {
        *per_second.entry(t.timestamp()).or_default() += 1;
    }
    let mut sliding = 0;
    let mut start = 0;
    for end in 0..times.len() {
        while times[end] - times[start] >= Span::seconds(1) {
            start += 1;
        }
        sliding = sliding.max(end - start + 1);
    }
    (per_second.values().copied().max().unwrap_or(0), sliding)
}

fn report(fake: &FakeDiscord, due: &[DateTime<Utc>], kills: u32, rate: u32, clock: (Instant, DateTime<Utc>)) {
    let wall = |at: Instant| clock.1 + Span::from_std(at.duration_since(clock.0)).unwrap_or_default();
    let sends = nudge_sends(fake);
    let mut per_member: HashMap<u64, Vec<DateTime<Utc>>> = HashMap::new();
    for send in &sends {
        let channel: Option<u64> = send.path.split('/').nth(4).and_then(|c| c.parse().ok());
        if let Some(i) = channel.and_then(|c| c.checked_sub(FIRST_DM)) {
            per_member.entry(i).or_default().push(wall(send.received_at));
        }
    }
    // What each member received: the messages the fake made in their DM channel, a copy that
    // Discord refused by its nonce not among them.
    let messages = fake.message_counts();
    let received = |i: u64| messages.get(&(FIRST_DM + i).to_string()).copied().unwrap_or(0);
    let members = 0..due.len() as u64;
    let once = members.clone().filter(|i| received(*i) == 1).count();
    let doubled = members.clone().filter(|i| received(*i) > 1).count();
    let never = members.filter(|i| received(*i) == 0).count();
    let copies = per_member.iter().filter(|(i, s)| s.len() > received(**i)).count();
    let early = per_member.iter().filter(|(i, s)| s.iter().any(|t| *t < due[**i as usize])).count();
    let (calendar, sliding) = highest_rates(sends.iter().map(|s| wall(s.received_at)).collect());
    println!("nudges due: {}", due.len());
    println!("replicas killed with SIGKILL (and restarted): {kills}");
    println!("received exactly once: {once}; twice or more: {doubled}; never: {never}; sent early: {early}");
    println!("members whose nudge was sent again and refused by Discord as a copy (same nonce): {copies}");
    println!("highest send rate: {calendar} in one calendar second, {sliding} in any sliding second (limit {rate}/s)");
    println!("requests Discord would refuse: {}", fake.violations().len());
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let server = args.first().cloned().or_else(|| std::env::var("MENTOR_TEST_POSTGRES_URL").ok());
    let server = server.expect("usage: replica_drill POSTGRES_URL [nudges] [rate]");
    let nudges: u64 = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let rate: u32 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(50);
    let url = fresh_database(&server).await?;
    let first_due = (Utc::now() + Span::seconds(100)).duration_trunc(Span::minutes(1))?;
    let setting_up = Instant::now();
    let due = set_up(&url, nudges, first_due).await?;
    println!("{nudges} members set up in {:.1} s; first nudges due at {first_due}", setting_up.elapsed().as_secs_f64());

    let fake = FakeDiscord::start().await;
    let clock = (Instant::now(), Utc::now());
    let start = |n: u32| bot_process::start_replica(&fake.base_url(), &url, n, REPLICAS, rate);
    let mut replicas: Vec<Child> = (0..REPLICAS).map(start).collect();
    let deadline = Instant::now() + Duration::from_secs(nudges / u64::from(rate) + 300);
    fake.wait_until_ready(Duration::from_secs(60)).await.map_err(anyhow::Error::msg)?;
    tokio::time::sleep(Duration::from_secs(5)).await;
    // Polled by the cheap count (start-up requests subtracted): copying the record would hold
    // its lock, delay the requests arriving meanwhile and bunch their timestamps.
    let before = fake.recorded();
    let sent = || fake.recorded().saturating_sub(before);
    let mut kills = 0;
    while sent() < nudges as usize && Instant::now() < deadline {
        if kills == 0 && sent() >= nudges as usize / 3 {
            if let Some(holder) = lease_holder(&url).await? {
                replicas[holder as usize].kill()?;
                replicas[holder as usize].wait()?;
                kills += 1;
                println!("killed replica {holder} (the lease holder) at about {} sends", sent());
                tokio::time::sleep(Duration::from_secs(3)).await;
                replicas[holder as usize] = start(holder);
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // A moment more, so a doubled send after the last expected one would be seen too (and the
    // resends of a takeover, which the request count above also counts).
    tokio::time::sleep(Duration::from_secs(10)).await;
    for replica in &mut replicas {
        let _ = std::process::Command::new("kill").args(["-TERM", &replica.id().to_string()]).status();
        let _ = replica.wait();
    }
    report(&fake, &due, kills, rate, clock);
    Ok(())
}
