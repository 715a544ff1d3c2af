//! The binary as a newcomer runs it: `ask`, `console`, `check` and `run`, with their exit codes,
//! each in its own temporary folder so no developer `.env` leaks in.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

fn mentor(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_backend-mentor"));
    command
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", format!("sqlite://{}", dir.join("mentor.db").display()))
        .env("USER", "tester");
    command
}

fn ask(dir: &Path, line: &str) -> Output {
    mentor(dir).args(["ask", line]).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn ask_answers_the_seed_questions_and_exits_zero() {
    let dir = TempDir::new().unwrap();
    let out = ask(dir.path(), "/faq which language should I learn first");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Python"));

    let out = ask(dir.path(), "/compare postgres mongo");
    assert_eq!(out.status.code(), Some(0));
    let shown = text(&out.stdout);
    assert!(shown.contains("PostgreSQL") && shown.contains("MongoDB") && shown.contains("Verdict"));

    let out = ask(dir.path(), "/roadmap 4");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("Step 4 of 8"));
}

#[test]
fn the_career_map_shows_the_seeds_salary_ranges_with_their_year_and_region() {
    let dir = TempDir::new().unwrap();
    let out = ask(dir.path(), "/career salaries");
    assert_eq!(out.status.code(), Some(0));
    let shown = text(&out.stdout);
    assert!(shown.contains("$75,000") && shown.contains("United States") && shown.contains("2025"), "{shown}");
    assert_eq!(ask(dir.path(), "/career astronaut").status.code(), Some(2));
}

#[test]
fn ask_exits_one_with_suggestions_when_nothing_matches() {
    let dir = TempDir::new().unwrap();
    let out = ask(dir.path(), "/faq what is the weather in paris");
    assert_eq!(out.status.code(), Some(1));
    let shown = text(&out.stdout);
    assert!(shown.contains("couldn't find") && shown.contains("Try /faq"), "{shown}");
}

#[test]
fn ask_exits_two_on_a_usage_error() {
    let dir = TempDir::new().unwrap();
    let out = ask(dir.path(), "/dance now");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("There is no /dance command"));
    let out = ask(dir.path(), "/checkin 5000");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("1 to 1440"));
}

#[test]
fn a_console_session_keeps_the_streak_across_restarts() {
    let dir = TempDir::new().unwrap();
    let session = |input: &str| {
        let mut child = mentor(dir.path()).arg("console").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        text(&child.wait_with_output().unwrap().stdout)
    };
    let first = session("/checkin 30 read about indexes\n/streak\n/checkin\n/quit\n");
    assert!(first.contains("Checked in for"), "{first}");
    assert!(first.contains("Current: 1 day\n"), "{first}");
    assert!(first.contains("already checked in today"), "{first}");
    let second = session("/streak\n");
    assert!(second.contains("Current: 1 day\n") && second.contains("Total study days: 1"), "{second}");
}

#[test]
fn an_invalid_default_timezone_stops_the_start_naming_the_variable() {
    let dir = TempDir::new().unwrap();
    let out = mentor(dir.path()).env("DEFAULT_TIMEZONE", "Mars/Olympus").args(["ask", "/streak"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("DEFAULT_TIMEZONE"));
}

#[test]
fn under_log_format_json_a_configuration_error_is_one_json_object() {
    let dir = TempDir::new().unwrap();
    let out = mentor(dir.path())
        .env("LOG_FORMAT", "json")
        .env("DISCORD_TOKEN", "tok-never-shown")
        .env("HTTP_BIND", "everywhere")
        .arg("run")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let line: serde_json::Value = serde_json::from_str(stderr.trim()).expect("one JSON object");
    assert_eq!(line["level"], "ERROR");
    let message = line["fields"]["message"].as_str().unwrap();
    assert!(message.contains("HTTP_BIND") && message.contains("expected one such as"), "{message}");
    assert!(!stderr.contains("tok-never-shown"));
}

#[test]
fn an_unusable_database_path_is_explained_without_a_panic() {
    let dir = TempDir::new().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "a file where a folder should be").unwrap();
    let url = format!("sqlite://{}/mentor.db", blocker.display());
    let out = mentor(dir.path()).env("DATABASE_URL", url).args(["ask", "/streak"]).output().unwrap();
    let stderr = text(&out.stderr);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr.contains("could not start") && stderr.contains("database"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn check_passes_on_the_bundled_content_and_names_a_broken_entry() {
    let dir = TempDir::new().unwrap();
    let out = mentor(dir.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("8 roadmap steps"));

    let content = dir.path().join("content");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &content);
    let roadmap = content.join("roadmap.toml");
    let broken = std::fs::read_to_string(&roadmap).unwrap().replacen(
        "technologies = [",
        "technologies = [\"cobol-on-wheels\", ",
        1,
    );
    std::fs::write(&roadmap, broken).unwrap();
    let out = mentor(dir.path()).env("CONTENT_DIR", &content).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("roadmap.toml, entry `") && stderr.contains("cobol-on-wheels"), "{stderr}");
}

#[test]
fn run_without_a_token_says_which_variable_and_how_to_try_the_console() {
    let dir = TempDir::new().unwrap();
    let out = mentor(dir.path()).arg("run").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("DISCORD_TOKEN") && stderr.contains("backend-mentor console"), "{stderr}");
}

#[test]
fn a_broken_env_file_is_named_by_file_and_line_without_its_text() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join(".env"), "LOG_FORMAT=pretty\nDISCORD_TOKEN=\"abc-distinctive-9f3k\n").unwrap();
    let out = mentor(dir.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!("{}, line 2", dir.path().join(".env").display())), "{stderr}");
    assert!(!stderr.contains("distinctive") && !stderr.contains("DISCORD_TOKEN"), "{stderr}");
}

#[test]
fn only_the_current_folders_env_file_is_read_and_the_log_names_it() {
    let parent = TempDir::new().unwrap();
    std::fs::write(parent.path().join(".env"), "LOG_FORMAT=from-the-parent\n").unwrap();
    let child = parent.path().join("work");
    std::fs::create_dir(&child).unwrap();
    let out = mentor(&child).args(["ask", "/streak"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "the parent's .env was read: {}", text(&out.stderr));

    std::fs::write(child.join(".env"), "DEFAULT_TIMEZONE=Europe/Berlin\n").unwrap();
    let out = mentor(&child).env("RUST_LOG", "info").args(["ask", "/streak"]).output().unwrap();
    let stderr = text(&out.stderr);
    assert!(stderr.contains("settings read from the .env file"), "{stderr}");
    assert!(stderr.contains(&child.join(".env").display().to_string()), "{stderr}");
}

#[test]
fn a_postgres_server_that_cannot_be_reached_stops_the_start_naming_it_without_its_password() {
    let dir = TempDir::new().unwrap();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("postgres://mentor:pw-7d2q9z@127.0.0.1:{closed}/mentor?sslmode=disable");
    let out = mentor(dir.path()).env("DATABASE_URL", &url).args(["ask", "/streak"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "a store that cannot be opened is exit code 3");
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!("could not connect to the PostgreSQL server at 127.0.0.1:{closed}")), "{stderr}");
    assert!(stderr.contains("Connection refused"), "the cause is given: {stderr}");
    assert!(!stderr.contains("pw-7d2q9z") && !stderr.contains("sslmode"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing was created in the folder");
}

/// `/proc` refuses new files even to root, as a read-only folder does to anyone else.
#[cfg(target_os = "linux")]
#[test]
fn a_database_folder_that_is_not_writable_says_so_and_ask_exits_three() {
    let dir = TempDir::new().unwrap();
    let url = format!("sqlite:///proc/mentor-{}.db", std::process::id());
    let out = mentor(dir.path()).env("DATABASE_URL", url).args(["ask", "/streak"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("the folder /proc must exist and be writable by this user"), "{stderr}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
