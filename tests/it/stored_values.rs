//! Stored values that no longer parse (a zone renamed by a chrono-tz upgrade, a row edited by
//! hand) are read back with a warning and a fallback, never as a failure of every command: a
//! schedule or member whose zone is unknown uses the configured default zone, and a nudge whose
//! time is unreadable is passed over while every other member's is still planned.

use crate::common::{at, spawn_sqlite_app};
use backend_mentor::app::NudgeRequest;
use backend_mentor::domain::schedule::{Due, LocalTime, Weekdays};
use backend_mentor::domain::{CallerRights, MemberRef, Platform, SpaceRef, Timezone};
use chrono::Duration;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use std::str::FromStr;

async fn raw_pool(url: &str) -> sqlx::SqlitePool {
    let options = SqliteConnectOptions::from_str(url).unwrap();
    SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap()
}

#[tokio::test]
async fn a_renamed_zone_falls_back_to_the_default_everywhere_it_is_read() {
    let t = spawn_sqlite_app().await;
    let space = SpaceRef { platform: Platform::Discord, space_id: "guild-1".into() };
    let ada = MemberRef::new(Platform::Discord, "guild-1", "ada");
    let rights = CallerRights { manage_server: true, ..CallerRights::default() };
    let berlin = Timezone::parse("Europe/Berlin").unwrap();
    let plan = (LocalTime::parse("09:00").unwrap(), berlin, Weekdays::EVERY_DAY);
    let set_at = at(2026, 3, 1, 0, 0);
    t.app.setup_prompts(&space, &rights, "700", plan, set_at).await.unwrap();
    t.app.set_timezone(&ada, berlin, set_at).await.unwrap();
    t.app.set_space_timezone(&space, &rights, berlin, set_at).await.unwrap();
    let pool = raw_pool(&t.database_url()).await;
    for sql in [
        "UPDATE prompt_schedules SET timezone = 'Europe/Atlantis'",
        "UPDATE members SET timezone = 'Europe/Atlantis'",
        "UPDATE spaces SET default_timezone = 'Europe/Atlantis'",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    let now = at(2026, 3, 2, 9, 1); // 09:01 in the default zone (UTC), 10:01 in Berlin
    let view = t.app.prompt_schedule(&space, now).await.unwrap().expect("the schedule still reads");
    assert_eq!(view.schedule.zone, Timezone::UTC, "the default zone stands in for the unknown one");
    let due = t.app.due_prompts(now, Duration::hours(3)).await.unwrap();
    assert_eq!(due.len(), 1, "the post is still due, at 09:00 in the default zone");
    assert_eq!(t.app.member_timezone(&ada).await.unwrap(), Timezone::UTC);
    assert!(t.app.streak(&ada, now).await.is_ok(), "the member's commands still work");
}

#[tokio::test]
async fn an_unreadable_nudge_time_is_passed_over_and_the_others_are_planned() {
    let t = spawn_sqlite_app().await;
    let (ada, bob) =
        (MemberRef::new(Platform::Discord, "guild-1", "ada"), MemberRef::new(Platform::Discord, "guild-1", "bob"));
    for member in [&ada, &bob] {
        let request = NudgeRequest {
            on: true,
            time: backend_mentor::domain::schedule::LocalTime::parse("19:00").ok(),
            weekdays: None,
            snooze_until: None,
        };
        t.app.set_nudges(member, request, at(2026, 3, 1, 0, 0)).await.unwrap();
    }
    let pool = raw_pool(&t.database_url()).await;
    sqlx::query("UPDATE nudge_settings SET local_time = 'seven pm' WHERE member_id = (SELECT id FROM members WHERE user_id = 'ada')")
        .execute(&pool)
        .await
        .unwrap();
    let dues = t.app.due_nudges(at(2026, 3, 2, 19, 1), Duration::hours(3)).await.unwrap();
    let due: Vec<(&str, bool)> =
        dues.iter().map(|d| (d.member.user_id.as_str(), matches!(d.due, Due::Send { .. }))).collect();
    assert_eq!(due, [("bob", true)]);
}
