//! Check-ins that queue for the writer are written together, one transaction for the batch
//! (`app/checkin_lanes.rs`). A batch must answer each member exactly as writing the check-ins one
//! by one would, store each once, and keep one member's refusal from touching the others.

use crate::common::{at, fresh_postgres_database, open_app, spawn_app};
use backend_mentor::app::CheckInView;
use backend_mentor::domain::{MemberRef, Minutes, Note, Platform, StreakSummary, Timezone};
use backend_mentor::error::{Error, UserError};
use futures_util::future::join_all;
use sqlx::{Connection, PgConnection};

fn member(user: &str) -> MemberRef {
    MemberRef::new(Platform::Discord, "guild-1", user)
}

fn minutes(m: i64) -> Option<Minutes> {
    Some(Minutes::new(m).unwrap())
}

fn note(text: &str) -> Option<Note> {
    Note::new(text).unwrap()
}

/// What a check-in answered, as values a test can compare.
fn answer(view: &CheckInView) -> (bool, i64, bool, StreakSummary, i64) {
    (view.counted, view.minutes_today, view.note_saved, view.streak.summary, view.streak.total_minutes)
}

#[tokio::test]
async fn a_batch_answers_each_check_in_as_writing_them_one_by_one_would() {
    let (batched, alone) = (spawn_app().await, spawn_app().await);
    let (monday, tuesday) = (at(2026, 3, 2, 9, 0), at(2026, 3, 3, 9, 0));
    // A day already counted, so the batch extends a streak as well as starting new ones.
    for t in [&batched, &alone] {
        t.app.check_in(&member("ada"), monday, minutes(20), None).await.unwrap();
    }
    let check_ins = vec![
        (member("ada"), minutes(30), None),
        (member("bo"), minutes(15), note("first day")),
        (member("ada"), minutes(45), note("second session")),
        (member("cy"), None, None),
    ];
    let nothing = batched.app.check_in_as_one_batch(tuesday, Vec::new()).await.unwrap();
    assert!(nothing.is_empty(), "an empty batch writes and answers nothing");
    let together = batched.app.check_in_as_one_batch(tuesday, check_ins.clone()).await.unwrap();
    assert_eq!(together.len(), check_ins.len(), "one answer per check-in");
    for ((who, mins, text), got) in check_ins.into_iter().zip(together) {
        let expected = alone.app.check_in(&who, tuesday, mins, text).await.unwrap();
        assert_eq!(answer(&got.unwrap()), answer(&expected), "{}'s answer", who.user_id);
    }
    for who in ["ada", "bo", "cy"] {
        let b = batched.app.streak(&member(who), tuesday).await.unwrap();
        let a = alone.app.streak(&member(who), tuesday).await.unwrap();
        assert_eq!((b.summary, b.total_minutes), (a.summary, a.total_minutes), "{who}'s stored streak");
    }
    let ada = batched.app.streak(&member("ada"), tuesday).await.unwrap();
    assert_eq!((ada.summary.current, ada.summary.total_days, ada.total_minutes), (2, 2, 95));
    let export = batched.app.privacy_export(&member("ada"), tuesday).await.unwrap().json;
    assert_eq!(export.matches("second session").count(), 1, "the note is stored once: {export}");
}

#[tokio::test]
async fn a_check_in_refused_inside_a_batch_refuses_only_itself() {
    let t = spawn_app().await;
    let (morning, later) = (at(2026, 3, 2, 9, 0), at(2026, 3, 2, 10, 0));
    t.app.check_in(&member("full"), morning, minutes(1430), None).await.unwrap();
    let check_ins = vec![
        (member("ada"), minutes(30), note("before the refusal")),
        (member("full"), minutes(30), note("one session too many")),
        (member("bo"), minutes(40), None),
    ];
    let answers = t.app.check_in_as_one_batch(later, check_ins).await.unwrap();
    let ada = answers[0].as_ref().expect("ada's check-in is not the full day's");
    assert_eq!((ada.counted, ada.minutes_today), (true, 30));
    let refused = &answers[1];
    assert!(
        matches!(refused, Err(Error::User(UserError::DayFull { logged: 1430, room: 10 }))),
        "{:?}",
        refused.as_ref().err()
    );
    let bo = answers[2].as_ref().expect("bo's check-in is not the full day's");
    assert_eq!((bo.counted, bo.minutes_today), (true, 40));
    let full = t.app.streak(&member("full"), later).await.unwrap();
    assert_eq!(full.total_minutes, 1430, "the refused check-in added nothing");
    let full_export = t.app.privacy_export(&member("full"), later).await.unwrap().json;
    assert!(!full_export.contains("one session too many"), "the refused note was not kept: {full_export}");
    let ada_export = t.app.privacy_export(&member("ada"), later).await.unwrap().json;
    assert_eq!(ada_export.matches("before the refusal").count(), 1, "ada's note is stored once: {ada_export}");
    assert_eq!(t.app.streak(&member("bo"), later).await.unwrap().total_minutes, 40);
}

#[tokio::test]
async fn concurrent_check_ins_are_each_stored_once_and_a_day_counts_once() {
    let t = spawn_app().await;
    let day = at(2026, 3, 2, 9, 0);
    // Twelve members, four check-ins each, all in flight at once: they queue for the writer and
    // are written in batches, with a member's check-ins in one batch or in several.
    let check_ins: Vec<(MemberRef, i64)> = (0..48).map(|i| (member(&format!("m{}", i % 12)), 10 + i)).collect();
    let answers = join_all(check_ins.iter().map(|(who, m)| t.app.check_in(who, day, minutes(*m), None))).await;
    for n in 0..12 {
        let who = member(&format!("m{n}"));
        let theirs: Vec<&CheckInView> = check_ins
            .iter()
            .zip(&answers)
            .filter(|((m, _), _)| *m == who)
            .map(|(_, a)| a.as_ref().expect("every check-in is stored"))
            .collect();
        assert_eq!(theirs.iter().filter(|v| v.counted).count(), 1, "m{n}'s day is counted once");
        let logged: i64 = check_ins.iter().filter(|(m, _)| *m == who).map(|(_, m)| *m).sum();
        let highest = theirs.iter().map(|v| v.minutes_today).max().unwrap();
        assert_eq!(highest, logged, "the last of m{n}'s check-ins saw all of their minutes");
        let streak = t.app.streak(&who, day).await.unwrap();
        assert_eq!((streak.summary.total_days, streak.total_minutes), (1, logged), "m{n}'s stored streak");
    }
}

/// The transactions that wrote the check-in, streak and period rows on a PostgreSQL database:
/// each row's `xmin` names the transaction that last wrote it.
async fn writing_transactions(url: &str) -> Vec<String> {
    let mut conn = PgConnection::connect(url).await.expect("a connection to the test database");
    sqlx::query_scalar(
        "SELECT DISTINCT xmin::TEXT FROM (SELECT xmin FROM checkins UNION ALL SELECT xmin FROM streaks
                                          UNION ALL SELECT xmin FROM period_totals) AS written",
    )
    .fetch_all(&mut conn)
    .await
    .expect("the rows' transactions")
}

/// One commit for a batch is what makes it cheaper; PostgreSQL shows it in the rows themselves.
/// SQLite runs the same lane and `Tx` code, and keeps no such record.
#[tokio::test]
async fn a_batch_is_written_in_one_transaction_and_check_ins_alone_in_one_each() {
    if std::env::var_os("MENTOR_TEST_POSTGRES_URL").is_none() {
        eprintln!("skipped: MENTOR_TEST_POSTGRES_URL is not set (bash .ci/test sets it)");
        return;
    }
    let day = at(2026, 3, 2, 9, 0);
    let (batched, alone) = (fresh_postgres_database().await, fresh_postgres_database().await);
    let app = open_app(&batched, Timezone::UTC).await;
    let check_ins = vec![
        (member("ada"), minutes(30), note("a note")),
        (member("bo"), minutes(15), None),
        (member("ada"), minutes(20), None),
        (member("cy"), None, None),
    ];
    let answers = app.check_in_as_one_batch(day, check_ins).await.unwrap();
    assert!(answers.iter().all(Result::is_ok), "every check-in of the batch is stored");
    assert_eq!(writing_transactions(&batched).await.len(), 1, "the batch's rows come from one transaction");
    let app = open_app(&alone, Timezone::UTC).await;
    for who in ["ada", "bo", "cy"] {
        app.check_in(&member(who), day, minutes(10), None).await.unwrap();
    }
    assert_eq!(writing_transactions(&alone).await.len(), 3, "check-ins one after another commit one by one");
}
