//! Finding 1 of the reliability review, kept fixed: after SQLite answers "database or disk is
//! full" in the middle of a write, nothing may be acknowledged that was not committed, every write
//! must fail while the disk stays full, and writes must commit again once space is back. The
//! disk is filled without root by capping the file's page count on the writer
//! (`Store::limit_file_pages`, SQLite's `max_page_count`).

use crate::common::{at, open_app, spawn_sqlite_app, TestApp};
use backend_mentor::domain::{MemberRef, Note, Platform, Timezone};
use backend_mentor::error::{Error, UserError};
use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::Row;
use std::str::FromStr;

fn member(user: &str) -> MemberRef {
    MemberRef::new(Platform::Discord, "guild-1", user)
}

fn long_note(tag: &str) -> Option<Note> {
    Note::new(&format!("{tag} {}", "x".repeat(440))).unwrap()
}

/// Another process's view of the file: what was really committed.
async fn committed_notes(url: &str) -> Vec<String> {
    let options = SqliteConnectOptions::from_str(url).unwrap().read_only(true);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap();
    let rows = sqlx::query("SELECT note FROM checkin_notes").fetch_all(&pool).await.unwrap();
    pool.close().await;
    rows.iter().map(|r| r.get::<String, _>(0).split(' ').next().unwrap().to_string()).collect()
}

/// True when another connection can take the write lock: nobody holds a transaction open.
async fn write_lock_is_free(url: &str) -> bool {
    let options = SqliteConnectOptions::from_str(url).unwrap().busy_timeout(std::time::Duration::ZERO);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap();
    let free = sqlx::raw_sql("BEGIN IMMEDIATE; ROLLBACK;").execute(&pool).await.is_ok();
    pool.close().await;
    free
}

/// An app whose first check-in ("first") is stored, then a disk that takes no more pages.
async fn app_on_a_full_disk() -> (TestApp, String, DateTime<Utc>) {
    let t = spawn_sqlite_app().await;
    let (url, day) = (t.database_url(), at(2026, 3, 2, 9, 0));
    t.app.check_in(&member("first"), day, None, long_note("first")).await.unwrap();
    t.store.limit_file_pages(Some(0)).await.unwrap();
    (t, url, day)
}

/// Every acknowledged check-in is stored once, and nothing else is.
fn assert_stored_exactly(stored: &[String], acknowledged: &[String]) {
    for tag in acknowledged {
        assert_eq!(stored.iter().filter(|s| *s == tag).count(), 1, "acknowledged check-in {tag} is stored once");
    }
    assert_eq!(stored.len(), acknowledged.len(), "nothing refused was stored: {stored:?}");
}

#[tokio::test]
async fn a_full_disk_never_acknowledges_a_lost_write_and_writes_resume_when_space_is_back() {
    let (t, url, day) = app_on_a_full_disk().await;
    let (mut acknowledged, mut refused) = (vec!["first".to_string()], 0);
    for n in 0..60 {
        let tag = format!("full{n}");
        match t.app.check_in(&member(&tag), day, None, long_note(&tag)).await {
            Ok(_) => acknowledged.push(tag),
            Err(Error::Internal(_)) => refused += 1,
            Err(other) => panic!("a full disk is not the member's fault: {other:?}"),
        }
    }
    assert!(refused >= 50, "while the disk is full, writes must fail; {refused} of 60 did");
    t.store.limit_file_pages(None).await.unwrap();
    let cancelled = t.app.cancel_pause(&member("first"), day).await;
    assert!(matches!(cancelled, Err(Error::User(UserError::NoPauseToCancel))), "{cancelled:?}");
    for n in 0..5 {
        let tag = format!("after{n}");
        t.app.check_in(&member(&tag), day, None, long_note(&tag)).await.expect("space is back, so writes commit");
        acknowledged.push(tag);
    }
    t.app.set_timezone(&member("first"), Timezone::parse("Europe/Berlin").unwrap(), day).await.unwrap();
    assert!(write_lock_is_free(&url).await, "no transaction may stay open after the fault");
    let seen_live = committed_notes(&url).await;
    t.app.close().await;
    let stored = committed_notes(&url).await;
    assert_eq!(seen_live, stored, "what another process reads is what is stored");
    assert_stored_exactly(&stored, &acknowledged);
    let reopened = open_app(&url, Timezone::UTC).await;
    assert_eq!(reopened.member_timezone(&member("first")).await.unwrap(), Timezone::parse("Europe/Berlin").unwrap());
}

#[tokio::test]
async fn a_batch_of_check_ins_on_a_full_disk_acknowledges_only_what_is_stored() {
    let (t, url, day) = app_on_a_full_disk().await;
    let tags: Vec<String> = (0..30).map(|n| format!("batched{n}")).collect();
    let check_ins = tags.iter().map(|tag| (member(tag), None, long_note(tag))).collect();
    let answers = t.app.check_in_as_one_batch(day, check_ins).await.unwrap();
    let mut acknowledged = vec!["first".to_string()];
    for (tag, answer) in tags.iter().zip(&answers) {
        match answer {
            Ok(_) => acknowledged.push(tag.clone()),
            Err(Error::Internal(_)) => {}
            Err(other) => panic!("a full disk is not the member's fault: {other:?}"),
        }
    }
    assert!(acknowledged.len() < 10, "while the disk is full, a batch's writes must fail: {acknowledged:?}");
    t.store.limit_file_pages(None).await.unwrap();
    let after = vec![(member("after"), None, long_note("after"))];
    assert!(t.app.check_in_as_one_batch(day, after).await.unwrap()[0].is_ok(), "space is back, so writes commit");
    acknowledged.push("after".to_string());
    assert!(write_lock_is_free(&url).await, "no transaction may stay open after the fault");
    t.app.close().await;
    let stored = committed_notes(&url).await;
    assert_stored_exactly(&stored, &acknowledged);
}
