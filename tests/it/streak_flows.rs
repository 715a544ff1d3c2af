//! Streak, history, correction, leaderboard, group and privacy flows through `App`, on a real
//! SQLite file, with fixed instants.

use crate::common::{at, spawn_app};
use backend_mentor::app::BoardRequest;
use backend_mentor::domain::correction::{CorrectionKind, Reason};
use backend_mentor::domain::history::DayMark;
use backend_mentor::domain::{CallerRights, GroupRef, MemberRef, Metric, Minutes, Note, Period, Platform, Timezone};
use backend_mentor::error::{Error, UserError};
use chrono::NaiveDate;

fn member(user: &str) -> MemberRef {
    MemberRef::new(Platform::Discord, "guild-1", user)
}

fn moderator() -> CallerRights {
    CallerRights { manage_server: true, ..CallerRights::default() }
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn user_error<T>(result: Result<T, Error>) -> UserError {
    match result {
        Err(Error::User(e)) => e,
        Err(Error::Internal(e)) => panic!("expected a user error, got {e:#}"),
        Ok(_) => panic!("expected a user error, got success"),
    }
}

#[tokio::test]
async fn a_second_check_in_adds_minutes_and_a_note_but_counts_the_day_once() {
    let t = spawn_app().await;
    let ada = member("ada");
    let first = t.app.check_in(&ada, at(2026, 3, 2, 9, 0), Some(Minutes::new(30).unwrap()), None).await.unwrap();
    assert!(first.counted);
    let note = Note::new("joins").unwrap();
    let second = t.app.check_in(&ada, at(2026, 3, 2, 18, 0), Some(Minutes::new(20).unwrap()), note).await.unwrap();
    assert!(!second.counted);
    assert_eq!(second.minutes_today, 50);
    let streak = t.app.streak(&ada, at(2026, 3, 2, 19, 0)).await.unwrap();
    assert_eq!((streak.summary.total_days, streak.total_minutes), (1, 50));
    let history = t.app.history(&ada, at(2026, 3, 2, 19, 0)).await.unwrap();
    assert_eq!((history.days[0].checkins, history.days[0].notes.clone()), (2, vec!["joins".to_string()]));
}

#[tokio::test]
async fn a_missed_day_after_a_week_uses_a_freeze_and_history_says_so() {
    let t = spawn_app().await;
    let ada = member("ada");
    for day in 1..=7 {
        t.app.check_in(&ada, at(2026, 3, day, 12, 0), None, None).await.unwrap();
    }
    let after = t.app.check_in(&ada, at(2026, 3, 9, 12, 0), None, None).await.unwrap();
    let s = after.streak.summary;
    assert_eq!((s.current, s.freezes_held, s.freezes_used), (8, 0, 1));
    let history = t.app.history(&ada, at(2026, 3, 9, 13, 0)).await.unwrap();
    assert_eq!(history.days[1].mark, DayMark::Frozen);
}

#[tokio::test]
async fn moving_east_past_midnight_before_checking_in_keeps_the_streak() {
    let t = spawn_app().await;
    let ada = member("ada");
    let la = Timezone::parse("America/Los_Angeles").unwrap();
    t.app.set_timezone(&ada, la, at(2026, 3, 1, 0, 0)).await.unwrap();
    for day in 1..=3 {
        t.app.check_in(&ada, at(2026, 3, day, 20, 0), None, None).await.unwrap();
    }
    // 4 March, 20:00 UTC is noon in Los Angeles and already 5 March in Tokyo.
    let before = t.app.streak(&ada, at(2026, 3, 4, 20, 0)).await.unwrap();
    t.app.set_timezone(&ada, Timezone::parse("Asia/Tokyo").unwrap(), at(2026, 3, 4, 20, 0)).await.unwrap();
    let after = t.app.streak(&ada, at(2026, 3, 4, 20, 0)).await.unwrap();
    assert_eq!(before.summary.current, 3);
    assert_eq!((after.summary.current, after.summary.freezes_used), (3, 0));
    let next = t.app.check_in(&ada, at(2026, 3, 5, 1, 0), None, None).await.unwrap();
    assert_eq!((next.streak.summary.today, next.streak.summary.current), (date("2026-03-05"), 4));
}

/// Found by `streak_props`: a streak that ran out in Tokyo, settled by a board read, then a
/// move to Los Angeles, where the last chance day is still today.
#[tokio::test]
async fn moving_west_after_a_board_settled_the_streak_counts_as_if_no_board_was_read() {
    let t = spawn_app().await;
    let tokyo = Timezone::parse("Asia/Tokyo").unwrap();
    let la = Timezone::parse("America/Los_Angeles").unwrap();
    let mut shown = Vec::new();
    for (user, reads_board) in [("ada", true), ("bob", false)] {
        let who = member(user);
        t.app.set_timezone(&who, tokyo, at(2026, 3, 1, 0, 0)).await.unwrap();
        t.app.check_in(&who, at(2026, 3, 2, 1, 0), None, None).await.unwrap();
        // 3 March, 16:00 UTC is 4 March in Tokyo (3 March was missed) and 3 March in Los Angeles.
        let now = at(2026, 3, 3, 16, 0);
        assert_eq!(t.app.streak(&who, now).await.unwrap().summary.current, 0);
        if reads_board {
            let request = BoardRequest { metric: Metric::Streak, ..BoardRequest::default() };
            t.app.leaderboard(&who, &moderator(), &request, now).await.unwrap();
        }
        t.app.set_timezone(&who, la, now).await.unwrap();
        shown.push(t.app.streak(&who, now).await.unwrap().summary.current);
    }
    assert_eq!(shown, vec![1, 1]);
}

#[tokio::test]
async fn a_pause_keeps_the_streak_and_bad_pauses_change_nothing() {
    let t = spawn_app().await;
    let ada = member("ada");
    t.app.check_in(&ada, at(2026, 3, 1, 12, 0), None, None).await.unwrap();
    let pause = t.app.pause(&ada, date("2026-03-02"), 5, at(2026, 3, 1, 13, 0)).await.unwrap();
    assert_eq!(pause.span.last, date("2026-03-06"));
    let back = t.app.check_in(&ada, at(2026, 3, 7, 12, 0), None, None).await.unwrap();
    assert_eq!((back.streak.summary.current, back.streak.summary.freezes_used), (2, 0));
    assert!(matches!(
        user_error(t.app.pause(&ada, date("2026-03-08"), 3, at(2026, 3, 7, 13, 0)).await),
        UserError::PauseTooSoon { .. }
    ));
    assert!(matches!(
        user_error(t.app.pause(&ada, date("2026-04-20"), 30, at(2026, 4, 20, 0, 0)).await),
        UserError::PauseLength { .. }
    ));
    assert_eq!(t.app.history(&ada, at(2026, 3, 7, 13, 0)).await.unwrap().pauses.len(), 1);
}

#[tokio::test]
async fn a_moderator_correction_is_audited_and_others_are_refused() {
    let t = spawn_app().await;
    let (ada, bob) = (member("ada"), member("bob"));
    t.app.check_in(&ada, at(2026, 3, 1, 12, 0), None, None).await.unwrap();
    t.app.check_in(&ada, at(2026, 3, 3, 12, 0), None, None).await.unwrap();
    let reason = Reason::new("the bot was down on 2 March").unwrap();
    let now = at(2026, 3, 3, 13, 0);
    let plain = CallerRights::default();
    let refused =
        t.app.correct_day(&bob, &plain, "ada", date("2026-03-02"), CorrectionKind::AddDay, &reason, now).await;
    assert!(matches!(user_error(refused), UserError::NotModerator));
    let view = t
        .app
        .correct_day(&bob, &moderator(), "ada", date("2026-03-02"), CorrectionKind::AddDay, &reason, now)
        .await
        .unwrap();
    assert_eq!((view.current_streak, view.total_days), (3, 3));
    let twice =
        t.app.correct_day(&bob, &moderator(), "ada", date("2026-03-02"), CorrectionKind::AddDay, &reason, now).await;
    assert!(matches!(user_error(twice), UserError::DayAlreadyCounted { .. }));
    let history = t.app.history(&ada, now).await.unwrap();
    assert_eq!(history.corrections[0].reason, "the bot was down on 2 March");
    assert_eq!(history.corrections[0].moderator_user_id.as_deref(), Some("bob"));
    // A member id no platform gives (a NUL, which PostgreSQL cannot even store) names nobody.
    for odd in ["\0", " ", "ada\u{7}"] {
        let named =
            t.app.correct_day(&bob, &moderator(), odd, date("2026-03-02"), CorrectionKind::AddDay, &reason, now).await;
        assert!(matches!(user_error(named), UserError::NotAMember { .. }), "{odd:?}");
    }
}

async fn board(t: &crate::common::TestApp, who: &MemberRef, request: BoardRequest) -> Result<Vec<String>, Error> {
    let view = t.app.leaderboard(who, &moderator(), &request, at(2026, 3, 5, 20, 0)).await?;
    Ok(view.entries.into_iter().map(|e| e.user_id).collect())
}

#[tokio::test]
async fn leaderboards_page_by_ten_break_ties_by_join_order_and_skip_deleted_members() {
    let t = spawn_app().await;
    for i in 0..12u32 {
        let who = member(&format!("m{i:02}"));
        for day in 1..=(1 + i % 3) {
            t.app.check_in(&who, at(2026, 3, 2 + day, 12, 0), Some(Minutes::new(10).unwrap()), None).await.unwrap();
        }
    }
    let all = board(&t, &member("m00"), BoardRequest { metric: Metric::Days, ..Default::default() }).await.unwrap();
    assert_eq!(all[..4], ["m02", "m05", "m08", "m11"]);
    let page_two =
        board(&t, &member("m00"), BoardRequest { metric: Metric::Days, page: Some(2), ..Default::default() })
            .await
            .unwrap();
    assert_eq!(page_two.len(), 2);
    let opened = t
        .app
        .leaderboard(
            &member("m09"),
            &moderator(),
            &BoardRequest { metric: Metric::Days, ..Default::default() },
            at(2026, 3, 5, 20, 0),
        )
        .await
        .unwrap();
    assert_eq!((opened.page, opened.caller_place), (2, Some(12)));
    let past_end =
        board(&t, &member("m00"), BoardRequest { metric: Metric::Days, page: Some(9), ..Default::default() }).await;
    assert!(matches!(user_error(past_end), UserError::PageOutOfRange { page: 9, pages: 2 }));
    t.app.privacy_delete(&member("m02")).await.unwrap();
    let after =
        board(&t, &member("m00"), BoardRequest { metric: Metric::Days, period: Period::Week, ..Default::default() })
            .await
            .unwrap();
    assert!(!after.contains(&"m02".to_string()));
}

#[tokio::test]
async fn members_see_boards_only_when_allowed_and_only_their_own_groups() {
    let t = spawn_app().await;
    let (ada, bob) = (member("ada"), member("bob"));
    let now = at(2026, 3, 5, 20, 0);
    t.app.check_in(&ada, now, None, None).await.unwrap();
    let plain = CallerRights::default();
    assert!(matches!(
        user_error(t.app.leaderboard(&ada, &plain, &BoardRequest::default(), now).await),
        UserError::BoardsHidden
    ));
    assert!(matches!(
        user_error(t.app.set_members_see_boards(&ada.space, &plain, true, now).await),
        UserError::NotModerator
    ));
    t.app.set_members_see_boards(&ada.space, &moderator(), true, now).await.unwrap();
    assert_eq!(t.app.leaderboard(&ada, &plain, &BoardRequest::default(), now).await.unwrap().entries.len(), 1);
    let owls = GroupRef::role("42", "Night owls");
    t.app.sync_role_groups(&ada, std::slice::from_ref(&owls), now).await.unwrap();
    let request = BoardRequest { group: Some(owls), ..Default::default() };
    assert_eq!(t.app.leaderboard(&ada, &plain, &request, now).await.unwrap().group.as_deref(), Some("Night owls"));
    assert!(matches!(user_error(t.app.leaderboard(&bob, &plain, &request, now).await), UserError::NotInGroup { .. }));
    assert!(t.app.leaderboard(&bob, &moderator(), &request, now).await.is_ok());
}

#[tokio::test]
async fn the_export_holds_everything_and_delete_removes_it() {
    let t = spawn_app().await;
    let ada = member("ada");
    let now = at(2026, 3, 5, 20, 0);
    t.app
        .check_in(&ada, now, Some(Minutes::new(25).unwrap()), Note::new("<@everyone> indexes").unwrap())
        .await
        .unwrap();
    t.app.join_group(&ada, &GroupRef::named("rustaceans").unwrap(), now).await.unwrap();
    t.app.set_step_status(&ada, 1, backend_mentor::domain::StepStatus::Done, now).await.unwrap();
    let export: serde_json::Value = serde_json::from_str(&t.app.privacy_export(&ada, now).await.unwrap().json).unwrap();
    assert_eq!(export["notes"][0]["note"], "<@everyone> indexes");
    assert_eq!(export["days"][0]["minutes"], 25);
    assert_eq!(export["groups"][0]["name"], "rustaceans");
    assert_eq!(export["roadmap_progress"][0]["status"], "done");
    assert!(t.app.privacy_delete(&ada).await.unwrap());
    let after: serde_json::Value = serde_json::from_str(&t.app.privacy_export(&ada, now).await.unwrap().json).unwrap();
    assert!(after.get("days").is_none() && after.get("notes").is_none());
    assert_eq!(t.app.streak(&ada, now).await.unwrap().summary.total_days, 0);
}

#[tokio::test]
async fn the_heatmap_is_a_png_even_for_a_newcomer() {
    let t = spawn_app().await;
    let image = t.app.streak_heatmap(&member("new"), at(2026, 3, 5, 20, 0)).await.unwrap();
    assert_eq!(&image.png[1..4], b"PNG");
    assert_eq!(image.last_day, date("2026-03-05"));
}

#[tokio::test]
async fn a_check_in_for_a_member_row_that_is_gone_writes_nothing_until_the_member_is_created() {
    // `App::check_in` looks the member up before its transaction; a member whose data was deleted
    // in between must not get an orphan day, so the write reports the row missing.
    let t = spawn_app().await;
    let store = backend_mentor::storage::Store::connect(&t.database_url()).await.unwrap();
    let now = at(2026, 3, 2, 12, 0);
    let record =
        backend_mentor::storage::CheckinRecord { local_date: date("2026-03-02"), at: now, minutes: None, note: None };
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.add_checkin(4242, &record).await.unwrap(), None);
    let id = tx.member_id(&member("ada"), now).await.unwrap();
    let day = tx.add_checkin(id, &record).await.unwrap().expect("the member exists now");
    assert!(day.newly_counted);
    tx.commit().await.unwrap();
    assert_eq!(t.app.streak(&member("ada"), now).await.unwrap().summary.current, 1);
    store.close().await;
}
