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

fn bot(dir: &Path, database: &str, log: &str) -> Command {
    let binary = concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/backend-mentor");
    assert!(Path::new(binary).exists(), "build the bot first: cargo build --release");
    let mut command = Command::new(binary);
    command
        .arg("run")
        .current_dir(dir)
        .env_clear()
        .env("DATABASE_URL", format!("sqlite://{}/{database}", dir.display()))
        .env("RUST_LOG", log)
        .stdout(Stdio::null());
    command
}
