//! Storage faults from the reliability review, kept fixed: a database file deleted or replaced
//! under a running mentor stops writes with an error instead of acknowledging them into a file
//! that is gone; a foreign SQLite file or one from a newer release is refused before anything is
//! written to it; a folder that cannot hold the database says so.

use crate::common::{at, spawn_sqlite_app};
use backend_mentor::domain::{MemberRef, Minutes, Platform};
use backend_mentor::error::Error;
use backend_mentor::storage::Store;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::Row;
use std::str::FromStr;

fn member(user: &str) -> MemberRef {
    MemberRef::new(Platform::Discord, "guild-1", user)
}

async fn raw_pool(url: &str) -> sqlx::SqlitePool {
    let options = SqliteConnectOptions::from_str(url).unwrap().create_if_missing(true);
    SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap()
}

fn chain(error: &anyhow::Error) -> String {
    error.chain().map(|c| c.to_string()).collect::<Vec<_>>().join(" / ")
}

#[tokio::test]
async fn a_database_file_deleted_under_the_mentor_refuses_writes_instead_of_losing_them() {
    let t = spawn_sqlite_app().await;
    let ada = member("ada");
    t.app.check_in(&ada, at(2026, 3, 2, 9, 0), Some(Minutes::new(20).unwrap()), None).await.unwrap();
    let file = t.dir.path().join("mentor.db");
    std::fs::remove_file(&file).unwrap();
    for day in 3..8 {
        let result = t.app.check_in(&ada, at(2026, 3, day, 9, 0), None, None).await;
        assert!(
            matches!(result, Err(Error::Internal(_))),
            "a write to a deleted file must be refused: {:?}",
            result.err()
        );
    }
}

#[tokio::test]
async fn a_database_file_replaced_under_the_mentor_refuses_writes() {
    let t = spawn_sqlite_app().await;
    let ada = member("ada");
    t.app.check_in(&ada, at(2026, 3, 2, 9, 0), None, None).await.unwrap();
    let file = t.dir.path().join("mentor.db");
    let other = t.dir.path().join("other.db");
    std::fs::copy(&file, &other).unwrap();
    std::fs::rename(&other, &file).unwrap();
    let result = t.app.check_in(&ada, at(2026, 3, 3, 9, 0), None, None).await;
    assert!(matches!(result, Err(Error::Internal(_))), "{:?}", result.err());
}

#[tokio::test]
async fn another_applications_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("theirs.db").display());
    let pool = raw_pool(&url).await;
    sqlx::raw_sql("CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT)").execute(&pool).await.unwrap();
    pool.close().await;
    let refused = Store::connect(&url).await.err().expect("a foreign database is refused");
    assert!(chain(&refused).contains("another application's tables (members)"), "{}", chain(&refused));
    let pool = raw_pool(&url).await;
    let tables: Vec<String> = sqlx::query("SELECT name FROM sqlite_master WHERE type = 'table'")
        .fetch_all(&pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let journal: String = sqlx::query("PRAGMA journal_mode").fetch_one(&pool).await.unwrap().get(0);
    assert_eq!(tables, ["members"], "nothing was created in it");
    assert_eq!(journal, "delete", "it was not switched to WAL");
}

#[tokio::test]
async fn a_database_from_a_newer_release_is_refused() {
    let t = spawn_sqlite_app().await;
    let url = t.database_url();
    t.app.close().await;
    let pool = raw_pool(&url).await;
    sqlx::raw_sql(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time)
         VALUES (99991231000001, 'from the future', '2099-01-01', 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let refused = Store::connect(&url).await.err().expect("a newer schema is refused");
    assert!(chain(&refused).contains("newer release of backend-mentor"), "{}", chain(&refused));
}

#[tokio::test]
async fn a_place_that_cannot_hold_the_database_says_the_folder_must_be_writable() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().display());
    let refused = Store::connect(&url).await.err().expect("a folder is not a database file");
    assert!(chain(&refused).contains("must exist and be writable by this user"), "{}", chain(&refused));
}
