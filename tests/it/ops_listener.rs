//! The operators' listener of a running bot (`HTTP_BIND`), the real binary against the fake
//! Discord on the test store: `/metrics` in the Prometheus text format holds a line for each kind
//! of event (interactions, their latency, a scheduled send, a rate-limit wait, the gateway's
//! latency and a reconnect, store call times and a store error), and `/healthz` turns 503, naming
//! what is down, while the store takes no write and while the gateway is down, and 200 again once
//! each is back.

use crate::common::spawn_app;
use crate::discord_e2e::option;
use crate::fake_discord::{fixtures, FakeDiscord};
use backend_mentor::app::NudgeRequest;
use backend_mentor::domain::schedule::LocalTime;
use backend_mentor::domain::{MemberRef, Platform};
use serde_json::json;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);
const CALLBACK: &str = "/api/v10/interactions/*/*/callback";
const NUDGED: &str = "610000000000000009";

fn bot(database_url: &str, fake: &FakeDiscord, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_backend-mentor"))
        .arg("run")
        .current_dir(std::env::temp_dir())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .env("DATABASE_URL", database_url)
        .env("DISCORD_TOKEN", "fake-token")
        .env("DISCORD_API_PROXY", fake.base_url())
        .env("SCHEDULER_TICK_SECONDS", "1")
        .env("HTTP_BIND", format!("127.0.0.1:{port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("a bot process")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Asks the listener until `wanted` holds for its answer; the last answer either way.
async fn ask_until(port: u16, path: &str, wanted: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + WAIT;
    let mut last = (0, String::from("no answer"));
    while Instant::now() < deadline {
        if let Ok(answer) = client.get(format!("http://127.0.0.1:{port}{path}")).send().await {
            last = (answer.status().as_u16(), answer.text().await.unwrap_or_default());
            if wanted(last.0, &last.1) {
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    last
}

/// The metric line whose name is `name` and whose labels include every one of `labels`.
fn has_line(text: &str, name: &str, labels: &[&str]) -> bool {
    text.lines().any(|line| line.starts_with(&format!("{name}{{")) && labels.iter().all(|l| line.contains(l)))
}

/// A member opted in to a nudge at the current minute, so the bot's first step sends it.
async fn nudge_due_now(app: &backend_mentor::app::App) {
    let now = chrono::Utc::now();
    let time = LocalTime::parse(&now.format("%H:%M").to_string()).ok();
    let member = MemberRef::new(Platform::Discord, fixtures::GUILD_ID.to_string(), NUDGED);
    app.set_nudges(&member, NudgeRequest { on: true, time, weekdays: None, snooze_until: None }, now).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_bot_reports_its_health_and_a_metric_line_for_each_kind_of_event() {
    let t = spawn_app().await;
    nudge_due_now(&t.app).await;
    let fake = FakeDiscord::start().await;
    fake.set_heartbeat_interval(Duration::from_millis(500));
    // The nudge's first try meets a 429: the scheduler waits it out and sends on a later tick.
    fake.fail_next(
        "POST",
        "/api/v10/channels/*/messages",
        429,
        json!({"message": "You are being rate limited.", "retry_after": 0.05, "global": false}),
    );
    let port = free_port();
    let mut bot = bot(&t.database_url(), &fake, port);
    fake.wait_until_ready(WAIT).await.expect("the bot connects");
    let (status, body) = ask_until(port, "/healthz", |status, _| status == 200).await;
    assert_eq!(status, 200, "healthy once connected: {body}");
    assert!(body.contains("store: up") && body.contains("discord shard 0: up"), "{body}");

    fake.send_interaction(fixtures::command("faq", json!([option("question", json!("what is a database"))]))).await;
    fake.next_request("POST", CALLBACK, WAIT).await.expect("the /faq is answered");
    fake.send_interaction(fixtures::command("checkin", json!([option("minutes", json!(25))]))).await;
    fake.next_request("POST", CALLBACK, WAIT).await.expect("the /checkin is answered");

    let mut held = t.store.begin().await.unwrap();
    held.hold_probe_writes().await.unwrap();
    let (status, body) = ask_until(port, "/healthz", |status, _| status == 503).await;
    assert_eq!(status, 503, "a store that takes no write is down: {body}");
    assert!(body.contains("store: down"), "{body}");
    drop(held);
    let (status, body) = ask_until(port, "/healthz", |status, _| status == 200).await;
    assert_eq!(status, 200, "healthy again once the store takes writes: {body}");

    fake.drop_socket().await;
    let (_, metrics) = ask_until(port, "/metrics", |_, text| text.contains("mentor_gateway_reconnects_total{")).await;
    assert!(has_line(&metrics, "mentor_gateway_reconnects_total", &["shard=\"0\""]), "{metrics}");
    fake.gateway_down().await;
    let (status, body) = ask_until(port, "/healthz", |status, _| status == 503).await;
    assert_eq!(status, 503, "a dropped gateway is down: {body}");
    assert!(body.contains("discord shard 0: down"), "{body}");
    fake.gateway_back();
    let (status, body) = ask_until(port, "/healthz", |status, _| status == 200).await;
    assert_eq!(status, 200, "healthy again once the gateway is back: {body}");

    let every_kind = |text: &str| {
        has_line(text, "mentor_scheduled_sends_total", &["kind=\"nudge\"", "result=\"sent\""])
            && has_line(text, "mentor_gateway_latency_seconds", &["shard=\"0\""])
    };
    let (_, metrics) = ask_until(port, "/metrics", |_, text| every_kind(text)).await;
    for (name, labels) in [
        ("mentor_interactions_total", &["platform=\"discord\"", "command=\"faq\"", "outcome=\"answered\""][..]),
        ("mentor_interactions_total", &["command=\"checkin\"", "outcome=\"answered\""]),
        ("mentor_interaction_duration_seconds_bucket", &["command=\"faq\"", "le=\"0.1\""]),
        ("mentor_scheduled_sends_total", &["platform=\"discord\"", "kind=\"nudge\"", "result=\"sent\""]),
        ("mentor_rate_limit_waits_total", &["platform=\"discord\"", "scope=\"route\""]),
        ("mentor_gateway_latency_seconds", &["shard=\"0\""]),
        ("mentor_gateway_reconnects_total", &["shard=\"0\""]),
        ("mentor_store_call_duration_seconds_bucket", &["call=\"checkin_context\""]),
        ("mentor_store_errors_total", &["call=\"probe_write\""]),
        ("mentor_checkins_per_commit_bucket", &["le=\"1\""]),
    ] {
        assert!(has_line(&metrics, name, labels), "no {name} line with {labels:?} in:\n{metrics}");
    }
    assert!(metrics.contains("# TYPE mentor_interaction_duration_seconds histogram"), "{metrics}");
    // The guild channel holds the two answers; every other channel is a member's DMs.
    let counts = fake.message_counts();
    let in_dms: usize =
        counts.iter().filter(|(channel, _)| **channel != fixtures::CHANNEL_ID.to_string()).map(|(_, n)| n).sum();
    assert_eq!(in_dms, 1, "the nudge, sent once after its 429: {counts:?}");

    let _ = Command::new("kill").args(["-TERM", &bot.id().to_string()]).status();
    assert!(bot.wait().unwrap().success(), "the bot stops cleanly with its listener");
    assert!(fake.violations().is_empty(), "requests Discord would refuse: {:?}", fake.violations());
}
