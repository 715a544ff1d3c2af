//! Gateway sharding across processes: two `backend-mentor run` processes, started with
//! `DISCORD_SHARD_COUNT=2` and `DISCORD_SHARDS` 0 and 1, each identify as their own shard of two
//! against the fake (which routes each guild's events to its shard, as Discord does), and each
//! answers the interactions of its guilds, from the one shared store.

use crate::common::spawn_app;
use crate::discord_e2e::option;
use crate::fake_discord::{fixtures, FakeDiscord};
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);
const CALLBACK: &str = "/api/v10/interactions/*/*/callback";

fn shard_process(database_url: &str, fake: &FakeDiscord, shard: u32) -> Child {
    Command::new(env!("CARGO_BIN_EXE_backend-mentor"))
        .arg("run")
        .current_dir(std::env::temp_dir())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .env("DATABASE_URL", database_url)
        .env("DISCORD_TOKEN", "fake-token")
        .env("DISCORD_API_PROXY", fake.base_url())
        .env("DISCORD_SHARD_COUNT", "2")
        .env("DISCORD_SHARDS", shard.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("a bot process")
}

/// A guild id on `shard` of two: Discord puts a guild on shard `(id >> 22) % count`.
fn guild_on(shard: u64) -> String {
    ((900_000u64 + shard) << 22).to_string()
}

fn checkin_in(guild: &str, user: &str) -> Value {
    let mut interaction = fixtures::command("checkin", json!([option("minutes", json!(20))]));
    interaction["guild_id"] = json!(guild);
    interaction["member"]["user"]["id"] = json!(user);
    interaction
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_each_hold_one_of_two_shards_and_answer_their_guilds() {
    let t = spawn_app().await;
    let url = t.database_url();
    t.app.close().await;
    let fake = FakeDiscord::start().await;
    let mut bots = [shard_process(&url, &fake, 0), shard_process(&url, &fake, 1)];
    let deadline = Instant::now() + WAIT;
    while fake.identify_payloads().len() < 2 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    fake.wait_until_ready(WAIT).await.expect("both shards are connected");
    let mut shards: Vec<Value> = fake.identify_payloads().iter().map(|d| d["shard"].clone()).collect();
    shards.sort_by_key(|shard| shard[0].as_u64());
    assert_eq!(shards, vec![json!([0, 2]), json!([1, 2])], "one IDENTIFY per shard, each of two");
    for (shard, user) in [(0, "610000000000000001"), (1, "610000000000000002")] {
        fake.send_interaction(checkin_in(&guild_on(shard), user)).await;
        let answer = fake.next_request("POST", CALLBACK, WAIT).await.expect("the shard's process answers");
        assert!(answer.body.to_string().contains("20 minutes"), "shard {shard}: {}", answer.body);
    }
    for bot in &mut bots {
        let _ = Command::new("kill").args(["-TERM", &bot.id().to_string()]).status();
        let status = bot.wait().expect("the bot process ends");
        assert!(status.success(), "a shard process stops cleanly on SIGTERM: {status}");
    }
    assert_eq!(fake.identify_payloads().len(), 2, "no shard identified twice");
    assert!(fake.violations().is_empty(), "requests Discord would refuse: {:?}", fake.violations());
}
