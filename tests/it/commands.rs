//! Commands as values, called with no transport at all: a `Command` in, a neutral `Reply` out,
//! on a real SQLite file. What an HTTP interactions endpoint or a new front end would call.

use crate::common::{at, spawn_app};
use backend_mentor::commands::{self, Action, Caller, Command, PrivacyRequest};
use backend_mentor::domain::{CallerRights, MemberRef, Minutes, Note, Platform};
use backend_mentor::present::{Row, Visibility};

fn caller() -> Caller {
    Caller { member: MemberRef::new(Platform::Console, "space", "ada"), rights: CallerRights::default() }
}

#[tokio::test]
async fn a_repeat_check_in_with_minutes_says_what_it_saved() {
    let t = spawn_app().await;
    let now = at(2026, 3, 5, 12, 0);
    let first = Command::CheckIn { minutes: Some(Minutes::new(30).unwrap()), note: None };
    let reply = commands::run(&t.app, &caller(), first, now).await.unwrap();
    assert_eq!(reply.visibility, Visibility::Private);
    assert!(reply.view.words().contains("Checked in for 2026-03-05 (30 minutes)"), "{}", reply.view.words());
    let again = Command::CheckIn { minutes: Some(Minutes::new(15).unwrap()), note: Note::new("joins").unwrap() };
    let words = commands::run(&t.app, &caller(), again, now).await.unwrap().view.words();
    assert!(words.contains("Your note is saved. Added 15 minutes; 45 minutes today in all."), "{words}");
}

#[tokio::test]
async fn a_step_answer_carries_its_controls_and_a_click_redraws_it() {
    let t = spawn_app().await;
    let now = at(2026, 3, 5, 12, 0);
    let reply = commands::run(&t.app, &caller(), Command::Roadmap { step: Some("4".into()) }, now).await.unwrap();
    let Row::Buttons(buttons) = &reply.rows[0] else { panic!("the first row holds the buttons") };
    let done = buttons.iter().find(|b| b.label.starts_with("Done")).expect("a Done button").action.clone();
    assert_eq!(Action::parse(&done.format()), Some(done.clone()), "its id reads back");
    let clicked = commands::click(&t.app, &caller(), done, &[], now).await.unwrap();
    assert!(clicked.view.words().contains("Your status: ● Done"), "{}", clicked.view.words());
}

#[tokio::test]
async fn a_failure_becomes_a_private_reply_in_one_place() {
    let t = spawn_app().await;
    let error =
        commands::run(&t.app, &caller(), Command::Roadmap { step: Some("cobol".into()) }, at(2026, 3, 5, 12, 0))
            .await
            .unwrap_err();
    let reply = commands::failure(&error);
    assert_eq!(reply.visibility, Visibility::Private);
    assert!(reply.view.words().contains("There is no roadmap step \"cobol\""), "{}", reply.view.words());
    let who = caller();
    let asked = commands::run(&t.app, &who, Command::Privacy(PrivacyRequest::AskDelete), at(2026, 3, 5, 12, 0));
    let asked = asked.await.unwrap();
    assert!(matches!(&asked.rows[0], Row::Buttons(b) if b[0].action == Action::DeleteData), "{:?}", asked.rows);
}

#[tokio::test]
async fn a_second_heatmap_within_ten_seconds_is_the_streak_alone_with_when_to_ask_again() {
    let t = spawn_app().await;
    let ada = Caller { member: MemberRef::new(Platform::Discord, "guild", "ada"), rights: CallerRights::default() };
    let bob = Caller { member: MemberRef::new(Platform::Discord, "guild", "bob"), rights: CallerRights::default() };
    let streak = || Command::Streak { whose: None, about: None };
    let now = at(2026, 3, 5, 12, 0);
    let first = commands::run(&t.app, &ada, streak(), now).await.unwrap();
    assert!(first.attachment.is_some(), "the first /streak draws the heatmap");
    let soon = now + chrono::Duration::seconds(4);
    let again = commands::run(&t.app, &ada, streak(), soon).await.unwrap();
    assert!(again.attachment.is_none(), "no second image within the cooldown");
    let words = again.view.words();
    assert!(words.contains("Your streak") && words.contains("try again in 6 seconds"), "{words}");
    assert!(commands::run(&t.app, &bob, streak(), soon).await.unwrap().attachment.is_some(), "others are not held");
    let later = now + chrono::Duration::seconds(10);
    assert!(commands::run(&t.app, &ada, streak(), later).await.unwrap().attachment.is_some(), "after 10 s, a new one");
}
