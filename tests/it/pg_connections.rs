//! PostgreSQL connections cut under a running mentor, as a server restart or a proxy's idle
//! timeout cuts them. The pool does not ping a connection it used moments ago (sqlx pinged it as
//! it came back), so a call may meet a connection that was cut since. Such a call fails with an
//! internal error and keeps nothing, the dead connection is dropped, and the calls after it work:
//! at most one failure per connection the pool held. Runs where the test server is
//! configured (`bash .ci/test` starts one).

use crate::common::{at, fresh_postgres_database, open_app};
use backend_mentor::domain::{MemberRef, Minutes, Platform, Timezone};
use backend_mentor::error::Error;
use sqlx::{Connection, PgConnection};

/// The mentor's pool size on PostgreSQL: at most this many connections can have been cut.
const POOL: usize = 16;

/// Ends every other session on `url`'s database and waits until the server shows none left.
async fn cut_connections(url: &str) {
    let mut admin = PgConnection::connect(url).await.expect("an admin connection");
    let others = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
    sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        .execute(&mut admin)
        .await
        .expect("the sessions are ended");
    for _ in 0..10_000 {
        let left: i64 = sqlx::query_scalar(others).fetch_one(&mut admin).await.expect("the sessions counted");
        if left == 0 {
            return;
        }
        tokio::task::yield_now().await;
    }
    panic!("the server still shows the mentor's sessions after they were ended");
}

#[tokio::test]
async fn a_cut_connection_fails_at_most_one_call_keeps_nothing_and_the_calls_after_work() {
    if std::env::var_os("MENTOR_TEST_POSTGRES_URL").is_none() {
        eprintln!("skipped: MENTOR_TEST_POSTGRES_URL is not set (bash .ci/test sets it)");
        return;
    }
    let url = fresh_postgres_database().await;
    let app = open_app(&url, Timezone::UTC).await;
    let ada = MemberRef::new(Platform::Discord, "guild-1", "ada");
    let twenty = Some(Minutes::new(20).unwrap());
    app.check_in(&ada, at(2026, 3, 2, 9, 0), twenty, None).await.expect("the first check-in");
    cut_connections(&url).await;

    let next_day = at(2026, 3, 3, 9, 0);
    let mut failures = 0;
    while let Err(error) = app.check_in(&ada, next_day, Some(Minutes::new(10).unwrap()), None).await {
        assert!(matches!(error, Error::Internal(_)), "a cut connection is an internal error: {error:?}");
        failures += 1;
        assert!(failures <= POOL, "still failing after {failures} calls: dead connections are not dropped");
    }
    let streak = app.streak(&ada, next_day).await.expect("the streak after the cut");
    assert_eq!(streak.total_minutes, 30, "the failed check-ins kept nothing and the one that worked counted once");
    assert_eq!(streak.summary.current, 2);
}
