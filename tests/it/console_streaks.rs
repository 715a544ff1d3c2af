//! A console trial as the issue describes it, through the real binary: check in on simulated
//! days with `/clock`, miss one and see a freeze used, change time zone and keep the streak, get
//! the heatmap file, a leaderboard page, the rules, history, groups, privacy, and clear answers
//! to bad input.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use tempfile::TempDir;

fn session(dir: &Path, user: &str, input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backend-mentor"))
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", format!("sqlite://{}", dir.join("mentor.db").display()))
        .env("TMPDIR", dir)
        .env("USER", user)
        .arg("console")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    String::from_utf8_lossy(&child.wait_with_output().unwrap().stdout).into_owned()
}

#[test]
fn a_week_of_simulated_days_earns_a_freeze_that_covers_a_missed_day() {
    let dir = TempDir::new().unwrap();
    let mut input = String::from("/clock 2026-03-02T12:00\n/checkin 30 first day\n");
    for _ in 0..6 {
        input.push_str("/clock +1d\n/checkin 20\n");
    }
    input.push_str("/clock +2d\n/checkin\n/streak\n/history\n/settings timezone:Asia/Tokyo\n/streak\n/streak rules\n");
    let out = session(dir.path(), "trial", &input);
    assert!(out.contains("Current streak: 7 days."), "{out}");
    assert!(out.contains("Freezes: 0 held, 1 used"), "{out}");
    assert!(out.contains("missed, covered by a freeze"), "{out}");
    assert_eq!(out.matches("Current: 8 days\n").count(), 2, "the zone change kept the streak: {out}");
    assert!(out.contains("Every 7 days in a row earn a freeze"), "{out}");
    // With no XDG_RUNTIME_DIR, files go to a folder of this user's own under TMPDIR.
    let uid = std::os::unix::fs::MetadataExt::uid(&std::fs::metadata(dir.path()).unwrap());
    let folder = dir.path().join(format!("backend-mentor-{uid}"));
    let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&folder).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o700, "the folder is private");
    let heatmap = folder.join("heatmap-trial.png");
    assert!(out.contains(&heatmap.display().to_string()), "{out}");
    assert_eq!(&std::fs::read(&heatmap).unwrap()[1..4], b"PNG");
}

#[test]
fn groups_leaderboards_and_privacy_work_from_the_console() {
    let dir = TempDir::new().unwrap();
    let input = "/clock 2026-03-05T12:00\n/checkin 45\n/group join night owls\n/leaderboard night owls\n\
                 /leaderboard week minutes\n/privacy export\n/privacy delete\n/privacy delete confirm\n/streak\n";
    let out = session(dir.path(), "ada", input);
    assert!(out.contains("Leaderboard · night owls · current streak"), "{out}");
    assert!(
        out.contains("Leaderboard · this server · minutes studied · this week (2026-03-02 to 2026-03-08)"),
        "{out}"
    );
    assert!(out.contains("1. ada") && out.contains("← you"), "{out}");
    assert!(out.contains("Your data (") && out.contains("ada-backend-mentor-export-20260305.json"), "{out}");
    assert!(out.contains("Nothing was deleted."), "{out}");
    assert!(out.contains("Everything I held about you is deleted."), "{out}");
    assert!(out.contains("Total study days: 0"), "{out}");
}

#[test]
fn bad_input_gets_a_clear_answer_and_changes_nothing() {
    let dir = TempDir::new().unwrap();
    let long_note = "x".repeat(600);
    let input = format!(
        "/clock 2026-03-05T12:00\n/settings timezone:Mars/Olympus\n/checkin 5000\n/checkin {long_note}\n\
         /leaderboard page:9\n/leaderboard metric:xp\n/pause 2026-03-06 30\n/correct add bob 2026-03-09 outage\n\
         /correct fix bob 2026-03-04 outage\n/clock yesterday\n/streak\n"
    );
    let out = session(dir.path(), "ada", &input);
    for expected in [
        "\"Mars/Olympus\" is not a time zone I know",
        "Minutes must be a whole number from 1 to 1440",
        "notes hold up to 500",
        "There is no page 9: this leaderboard has 1 page(s).",
        "is not a leaderboard measure",
        "A pause lasts from 1 to 14 days",
        "Corrections can change days from",
        "\"fix\" is not a correction.",
        "\"yesterday\" is not a clock setting.",
        "Total study days: 0",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in {out}");
    }
}
