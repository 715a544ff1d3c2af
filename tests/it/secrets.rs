//! Secrets are never printed: distinctive tokens and a database password go through the binary's
//! start-up (`check`, `ask`, `run` with its REST calls failing, `run` answering an interaction on
//! the fake Discord with its callback failing once), its configuration errors (a broken `.env`,
//! bad URLs) and its shutdown, at `RUST_LOG` trace, debug and info in both log formats; standard
//! output and error must not contain any of them, whole or any 8-character piece.
//!
//! Every run is bounded: the bot is sent SIGTERM once it has done what the test watches for (or
//! after a short while when its REST calls can only fail), and killed if it does not stop.

use crate::fake_discord::{fixtures, FakeDiscord};
use serde_json::json;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const DISCORD_TOKEN: &str = "MTQ5ODc2NTQzMjEwOTg3NjU0Mw.Gk3Rvq.SeCrEtDiScOrDtOkEnVaLuEXq7Wm4Zp2Lr9Tn5";
const SLACK_BOT_TOKEN: &str = "xoxb-4242-9191-SeCrEtSlAcKbOtToKeNKp3";
const SLACK_SIGNING_SECRET: &str = "SeCrEtSlAcKsIgNiNgVaLuEMv8Nc";
const SLACK_APP_TOKEN: &str = "xapp-1-A0MENTOR-SeCrEtSlAcKaPpToKeN77q";
const DB_PASSWORD: &str = "SeCrEtDbPaSsWoRdVaLuEJw2Hx";
const INTERACTION_TOKEN: &str = "SeCrEtInTeRaCtIoNtOkEnaW50ZXJhY3Rpb246";
const SECRETS: [&str; 6] =
    [DISCORD_TOKEN, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, DB_PASSWORD, INTERACTION_TOKEN];
/// Every log level that could print more, with each format.
const LOGS: [(&str, &str); 6] = [
    ("trace", "pretty"),
    ("trace", "json"),
    ("debug", "pretty"),
    ("debug", "json"),
    ("info", "pretty"),
    ("info", "json"),
];
/// How long a run whose every REST call fails is left running before SIGTERM.
const FAILING_RUN: Duration = Duration::from_millis(1500);
const STOP_WAIT: Duration = Duration::from_secs(15);

/// The binary with every secret configured, logging at `level` in `format`, Discord's REST going
/// to `proxy`; Slack in HTTP mode on a free port, its Web API on a closed port (the app token,
/// which would mean Socket Mode instead, is tried in `configuration_errors_print_no_secret`).
fn mentor(dir: &Path, (level, format): (&str, &str), proxy: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_backend-mentor"));
    command
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("USER", "tester")
        .env("RUST_LOG", level)
        .env("LOG_FORMAT", format)
        .env("DISCORD_TOKEN", DISCORD_TOKEN)
        .env("DISCORD_API_PROXY", proxy)
        .env("SLACK_BOT_TOKEN", SLACK_BOT_TOKEN)
        .env("SLACK_API_URL", format!("{}/api", closed_port_url()))
        .env("SLACK_SIGNING_SECRET", SLACK_SIGNING_SECRET)
        .env("SLACK_HTTP_ADDR", "127.0.0.1:0")
        .env("DATABASE_URL", format!("sqlite://{}", dir.join("mentor.db").display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// A port on 127.0.0.1 where nothing listens, so every REST call is refused.
fn closed_port_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

/// Runs `command` to its end (at most `STOP_WAIT`) and returns its stdout and stderr together.
fn output_of(command: &mut Command) -> String {
    let child = command.spawn().expect("the binary starts");
    stop_and_collect(child, STOP_WAIT)
}

/// Sends SIGTERM after `term_after` unless the child has exited, kills it if it is still
/// running `STOP_WAIT` later, and returns everything it printed.
fn stop_and_collect(mut child: Child, term_after: Duration) -> String {
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let readers =
        [std::thread::spawn(move || read_all(&mut stdout)), std::thread::spawn(move || read_all(&mut stderr))];
    let started = Instant::now();
    let mut terminated = false;
    while child.try_wait().unwrap().is_none() {
        if !terminated && started.elapsed() >= term_after {
            let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
            terminated = true;
        }
        if started.elapsed() >= term_after + STOP_WAIT {
            let _ = child.kill();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    readers.into_iter().map(|reader| reader.join().unwrap()).collect::<Vec<_>>().join("\n")
}

fn read_all(stream: &mut impl Read) -> String {
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Fails naming the scenario if any 8-character piece of any secret was printed.
fn assert_no_secret(output: &str, scenario: &str) {
    for secret in SECRETS {
        for piece in secret.as_bytes().windows(8) {
            let piece = std::str::from_utf8(piece).unwrap();
            assert!(!output.contains(piece), "{scenario}: \"{piece}\" of a secret was printed:\n{output}");
        }
    }
}

#[test]
fn check_ask_and_a_run_whose_rest_calls_fail_print_no_secret() {
    for logs in LOGS {
        let dir = TempDir::new().unwrap();
        let proxy = closed_port_url();
        let scenario = format!("{logs:?}");
        let out = output_of(mentor(dir.path(), logs, &proxy).arg("check"));
        assert!(out.contains("8 roadmap steps"), "{out}");
        assert_no_secret(&out, &format!("check {scenario}"));
        let out = output_of(mentor(dir.path(), logs, &proxy).args(["ask", "/checkin 30 read about indexes"]));
        assert!(out.contains("Checked in"), "{out}");
        assert_no_secret(&out, &format!("ask {scenario}"));
        let child = mentor(dir.path(), logs, &proxy).arg("run").spawn().unwrap();
        let out = stop_and_collect(child, FAILING_RUN);
        assert!(out.contains("127.0.0.1") || logs.0 == "info", "the run tried the closed port: {out}");
        assert_no_secret(&out, &format!("run with failing REST {scenario}"));
    }
}

#[test]
fn configuration_errors_print_no_secret() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let postgres = format!("postgres://mentor:{DB_PASSWORD}@127.0.0.1:{closed}/mentor?sslpassword={DB_PASSWORD}");
    for logs in LOGS {
        let dir = TempDir::new().unwrap();
        let proxy = closed_port_url();
        let scenario = format!("{logs:?}");
        let out = output_of(mentor(dir.path(), logs, &proxy).env("DATABASE_URL", &postgres).args(["ask", "/streak"]));
        assert!(out.contains("could not connect to the PostgreSQL server"), "{out}");
        assert_no_secret(&out, &format!("a PostgreSQL URL {scenario}"));

        let query = format!("sqlite://{}/m.db?password={DB_PASSWORD}", dir.path().display());
        let out = output_of(mentor(dir.path(), logs, &proxy).env("DATABASE_URL", &query).args(["ask", "/streak"]));
        assert!(out.contains("could not start"), "{out}");
        assert_no_secret(&out, &format!("a SQLite URL with a password query {scenario}"));

        // Socket Mode's token and HTTP mode's secret at once: refused, naming the variable only.
        let both = output_of(
            mentor(dir.path(), logs, &proxy).env("SLACK_APP_TOKEN", SLACK_APP_TOKEN).args(["ask", "/streak"]),
        );
        assert!(both.contains("SLACK_SIGNING_SECRET"), "{both}");
        assert_no_secret(&both, &format!("both Slack modes {scenario}"));

        let broken =
            format!("LOG_FORMAT={}\nSLACK_BOT_TOKEN={SLACK_BOT_TOKEN}\nDISCORD_TOKEN=\"{DISCORD_TOKEN}\n", logs.1);
        std::fs::write(dir.path().join(".env"), broken).unwrap();
        let out = output_of(mentor(dir.path(), logs, &proxy).env_remove("DISCORD_TOKEN").arg("check"));
        assert!(out.contains(".env, line 3"), "{out}");
        assert_no_secret(&out, &format!("a broken .env {scenario}"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_answering_an_interaction_whose_callback_fails_prints_no_secret() {
    const CALLBACK: &str = "/api/v10/interactions/*/*/callback";
    for logs in LOGS {
        let dir = TempDir::new().unwrap();
        let fake = FakeDiscord::start().await;
        let child = mentor(dir.path(), logs, &fake.base_url()).arg("run").spawn().unwrap();
        let pid = child.id().to_string();
        let collector = tokio::task::spawn_blocking(move || stop_and_collect(child, STOP_WAIT));
        fake.wait_until_ready(STOP_WAIT).await.expect("the bot connects to the fake gateway");
        fake.fail_next("POST", CALLBACK, 500, json!({"message": "500: Internal Server Error", "code": 0}));
        for _ in 0..2 {
            let mut interaction = fixtures::command("help", json!([]));
            interaction["token"] = json!(INTERACTION_TOKEN);
            fake.send_interaction(interaction).await;
            fake.next_request("POST", CALLBACK, STOP_WAIT).await.expect("the bot answers the interaction");
        }
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let out = collector.await.unwrap();
        assert!(out.contains("database closed"), "the bot stopped cleanly: {out}");
        assert_no_secret(&out, &format!("run on the fake Discord {logs:?}"));
    }
}
