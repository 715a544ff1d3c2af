//! The release bot binary started as a child process against the fake Discord, shared by the
//! load tool and the durability drill: a clean environment, the fake as its REST proxy, and a
//! database file in the run's own folder.

use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Starts `backend-mentor run` in `dir` on `dir/<database>`, logging at `log` level.
pub fn start_bot(proxy: &str, dir: &Path, database: &str, log: &str) -> Child {
    let binary = concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/backend-mentor");
    assert!(Path::new(binary).exists(), "build the bot first: cargo build --release");
    Command::new(binary)
        .arg("run")
        .current_dir(dir)
        .env_clear()
        .env("DISCORD_TOKEN", "example-bot-token")
        .env("DISCORD_API_PROXY", proxy)
        .env("DATABASE_URL", format!("sqlite://{}/{database}", dir.display()))
        .env("RUST_LOG", log)
        .stdout(Stdio::null())
        .spawn()
        .expect("the bot starts")
}
