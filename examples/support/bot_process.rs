//! The release bot binary started as a child process against a fake Discord or a fake Slack,
//! shared by the load tools and the durability drill: a clean environment, the fake as its API,
//! and a database file in the run's own folder.

use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Starts `backend-mentor run` on Discord in `dir` on `dir/<database>`, logging at `log` level.
#[allow(dead_code)]
pub fn start_bot(proxy: &str, dir: &Path, database: &str, log: &str) -> Child {
    bot(dir, database, log)
        .env("DISCORD_TOKEN", "example-bot-token")
        .env("DISCORD_API_PROXY", proxy)
        .spawn()
        .expect("the bot starts")
}

/// Starts `backend-mentor run` on Slack (Socket Mode through `api_url`) in `dir`.
#[allow(dead_code)]
pub fn start_slack_bot(api_url: &str, bot_token: &str, app_token: &str, dir: &Path, database: &str) -> Child {
    bot(dir, database, "warn")
        .env("SLACK_BOT_TOKEN", bot_token)
        .env("SLACK_APP_TOKEN", app_token)
        .env("SLACK_API_URL", api_url)
        .spawn()
        .expect("the bot starts")
}

/// Starts `backend-mentor run` on Discord as shard `shard` of `total` on a shared PostgreSQL
/// database, named `replica-N` among the database's sessions, sending at most `rate` scheduled
/// requests a second and looking for due sends every second.
#[allow(dead_code)]
pub fn start_replica(proxy: &str, database_url: &str, shard: u32, total: u32, rate: u32) -> Child {
    release_binary("warn")
        .current_dir(std::env::temp_dir())
        .env("DATABASE_URL", format!("{database_url}?application_name=replica-{shard}"))
        .env("DISCORD_TOKEN", "example-bot-token")
        .env("DISCORD_API_PROXY", proxy)
        .env("DISCORD_SHARD_COUNT", total.to_string())
        .env("DISCORD_SHARDS", shard.to_string())
        .env("SCHEDULER_RATE_PER_SECOND", rate.to_string())
        .env("SCHEDULER_TICK_SECONDS", "1")
        .spawn()
        .expect("the replica starts")
}

fn bot(dir: &Path, database: &str, log: &str) -> Command {
    let mut command = release_binary(log);
    command.current_dir(dir).env("DATABASE_URL", format!("sqlite://{}/{database}", dir.display()));
    command
}

/// The release binary, run under the command in `BOT_UNDER` when it is set (for instance
/// `valgrind --tool=callgrind`, which `examples/symbol_order.rs` reads).
fn release_binary(log: &str) -> Command {
    let binary = concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/backend-mentor");
    assert!(Path::new(binary).exists(), "build the bot first: cargo build --release");
    let under = std::env::var("BOT_UNDER").unwrap_or_default();
    let mut words = under.split_whitespace();
    let mut command = match words.next() {
        Some(program) => {
            let mut command = Command::new(program);
            command.args(words).arg(binary);
            command
        }
        None => Command::new(binary),
    };
    command.arg("run").env_clear().env("RUST_LOG", log).stdout(Stdio::null());
    command
}
