//! The console's answers to input that used to go wrong: clock steps too large for any date,
//! repeated or unreadable topic numbers, weekday lists naming no day, switches in capitals or
//! unknown words, privacy words that are not the exact subcommands, pages of pasted text, and
//! control characters in notes. Also where exports and heatmaps go: a private folder, files
//! never written through a link, and removed with the member's data.

use crate::common::{at, spawn_app, TestApp};
use backend_mentor::clock::Clock;
use backend_mentor::console::{Console, Status};
use backend_mentor::error::APOLOGY;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

async fn console_in(t: &TestApp) -> (Console, PathBuf) {
    let out = t.dir.path().join("out");
    (Console::new(t.app.clone(), "ada", Clock::fixed(at(2026, 3, 5, 12, 0))).with_output_dir(&out), out)
}

async fn say(console: &Console, line: &str) -> String {
    let reply = console.handle(line).await;
    assert!(reply.status != Status::Failed && !reply.text.contains(APOLOGY), "{line:?}: {}", reply.text);
    reply.text
}

#[tokio::test]
async fn huge_clock_steps_are_refused_kindly_and_leave_the_clock() {
    let t = spawn_app().await;
    let (console, _) = console_in(&t).await;
    say(&console, "/clock 2026-03-05T20:00").await;
    for step in
        ["+99999999999d", "-99999999999d", "+9999999999999h", "+99999999999999999m", "+400000d", "1200-01-01T00:00"]
    {
        let text = say(&console, &format!("/clock {step}")).await;
        assert!(text.contains("The console clock goes from 2000-01-01 to 2999-12-31"), "{step}: {text}");
    }
    assert!(say(&console, "/clock").await.contains("2026-03-05 20:00"));
}

#[tokio::test]
async fn topics_are_ticked_once_each_and_a_bad_number_is_named_as_typed() {
    let t = spawn_app().await;
    let (console, _) = console_in(&t).await;
    let text = say(&console, "/topics 4 1,2,2").await;
    assert!(text.contains("[x] 1.") && text.contains("[x] 2.") && text.contains("[ ] 3."), "{text}");
    let text = say(&console, "/topics 4 abc").await;
    assert!(text.contains("\"abc\" is not a topic number."), "{text}");
    assert!(say(&console, "/topics 4 NONE").await.contains("Checklist (0 of"));
}

#[tokio::test]
async fn a_weekday_list_naming_no_day_is_refused() {
    let t = spawn_app().await;
    let (console, _) = console_in(&t).await;
    for line in ["/nudges on 19:00 ,,,", "/setup prompts 09:00 UTC ,,,", "/setup prompts 09:00 UTC \",\""] {
        let text = say(&console, line).await;
        assert!(text.contains("is not a set of weekdays"), "{line}: {text}");
    }
    assert!(say(&console, "/setup").await.contains("No daily prompt is set up"), "nothing was saved");
}

#[tokio::test]
async fn boards_take_on_or_off_in_any_case_and_refuse_other_words() {
    let t = spawn_app().await;
    let (console, _) = console_in(&t).await;
    assert!(say(&console, "/boards ON").await.contains("Members can now see leaderboards."));
    for line in ["/boards maybe", "/boards", "/boards of"] {
        assert!(say(&console, line).await.contains("Say on or off"), "{line}");
    }
    let member = backend_mentor::domain::MemberRef::new(backend_mentor::domain::Platform::Console, "local", "bob");
    let plain = backend_mentor::domain::CallerRights::default();
    let request = backend_mentor::app::BoardRequest::default();
    let board = t.app.leaderboard(&member, &plain, &request, at(2026, 3, 5, 12, 0)).await;
    assert!(board.is_ok(), "the unknown words left the boards open to members: {board:?}");
    assert!(say(&console, "/boards Off").await.contains("Only moderators"));
}

#[tokio::test]
async fn privacy_runs_only_its_exact_subcommands() {
    let t = spawn_app().await;
    let (console, out) = console_in(&t).await;
    say(&console, "/checkin 30 kept").await;
    for line in ["/privacy foo", "/privacy", "/privacy export now", "/privacy exports"] {
        assert!(say(&console, line).await.contains("Use /privacy export"), "{line}");
    }
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none(), "nothing was exported");
    for line in ["/privacy delete", "/privacy DELETE yes", "/privacy delete confirmed"] {
        assert!(say(&console, line).await.contains("Nothing was deleted"), "{line}");
    }
    assert!(say(&console, "/streak").await.contains("Total study days: 1"), "still held");
    assert!(say(&console, "/privacy EXPORT").await.contains("Your data ("));
    assert!(say(&console, "/privacy DELETE CONFIRM").await.contains("Everything I held about you is deleted."));
}

#[tokio::test]
async fn pasted_pages_are_echoed_short_and_control_characters_are_shown_escaped() {
    let t = spawn_app().await;
    let (console, _) = console_in(&t).await;
    let page = "x".repeat(5000);
    for line in [format!("/settings timezone:{page}"), format!("/clock {page}"), format!("/{page}")] {
        let text = say(&console, &line).await;
        assert!(text.len() < 400 && text.contains(&format!("{}…", "x".repeat(59))), "{}", &text[..200.min(text.len())]);
    }
    say(&console, "/checkin 5 \u{1b}[2J\u{1b}[31mred\u{8}over\u{202e}txt").await;
    let history = say(&console, "/history").await;
    assert!(!history.contains(['\u{1b}', '\u{8}', '\u{202e}']), "{history}");
    assert!(history.contains("\\u{1b}[2J\\u{1b}[31mred\\u{8}over\\u{202e}txt"), "{history}");
}

#[tokio::test]
async fn files_go_to_a_private_folder_are_never_written_through_a_link_and_go_with_a_delete() {
    let t = spawn_app().await;
    let (console, out) = console_in(&t).await;
    say(&console, "/checkin 30").await;
    assert!(say(&console, "/streak").await.contains("heatmap-ada.png"));
    let folder = std::fs::metadata(&out).unwrap();
    assert_eq!(folder.permissions().mode() & 0o777, 0o700);
    let heatmap = std::fs::metadata(out.join("heatmap-ada.png")).unwrap();
    assert_eq!(heatmap.permissions().mode() & 0o777, 0o600);

    let victim = t.dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let export = out.join("ada-backend-mentor-export-20260305.json");
    std::os::unix::fs::symlink(&victim, &export).unwrap();
    let text = say(&console, "/privacy export").await;
    assert!(text.contains("Nothing was written"), "{text}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me", "the link was not followed");
    std::fs::remove_file(&export).unwrap();
    assert!(say(&console, "/privacy export").await.contains(&export.display().to_string()));
    assert_eq!(std::fs::metadata(&export).unwrap().permissions().mode() & 0o777, 0o600);

    std::fs::write(out.join("heatmap-bob.png"), "bob's").unwrap();
    say(&console, "/privacy delete confirm").await;
    let left: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(left, ["heatmap-bob.png"], "ada's files are gone, bob's stay");
}

#[tokio::test]
async fn a_folder_open_to_others_or_a_link_is_refused() {
    let t = spawn_app().await;
    let (console, out) = console_in(&t).await;
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(say(&console, "/privacy export").await.contains("Nothing was written"));
    std::fs::remove_dir(&out).unwrap();
    let elsewhere = t.dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &out).unwrap();
    assert!(say(&console, "/privacy export").await.contains("Nothing was written"));
    assert!(std::fs::read_dir(&elsewhere).unwrap().next().is_none());
    std::fs::write(elsewhere.join("heatmap-ada.png"), "not written by the mentor").unwrap();
    say(&console, "/privacy delete confirm").await;
    assert!(elsewhere.join("heatmap-ada.png").exists(), "a delete does not follow a link either");
}
