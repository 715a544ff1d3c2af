//! `/privacy export` holds everything stored about a member and `/privacy delete` removes all of
//! it, checked by walking the schema: every table with a `member_id` column, the member row and
//! the delivery log. A new table or column about a member fails this test until the export says
//! where it goes (`COVERED`), so none can be forgotten; a deleted member's id is never reused.

use crate::common::{at, spawn_sqlite_app};
use backend_mentor::app::NudgeRequest;
use backend_mentor::domain::correction::{CorrectionKind, Reason};
use backend_mentor::domain::schedule::LocalTime;
use backend_mentor::domain::{CallerRights, GroupRef, MemberRef, Minutes, Note, Platform};
use backend_mentor::domain::{StepStatus, Timezone};
use backend_mentor::storage::{DeliveryKey, DeliveryKind};
use serde_json::Value;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::Row;
use std::str::FromStr;

/// (table, column) → (export section, field) where the value shows, or `None` for a key that only
/// links rows (the member's own id, a row id) and means nothing outside the database.
/// Where a column shows in the export: (section, field); an empty section is the top level.
type Place = Option<(&'static str, &'static str)>;

const COVERED: &[(&str, &str, Place)] = &[
    ("members", "id", None),
    ("members", "platform", Some(("member", "platform"))),
    ("members", "space_id", Some(("member", "space_id"))),
    ("members", "user_id", Some(("member", "user_id"))),
    ("members", "timezone", Some(("settings", "timezone"))),
    ("members", "created_at", Some(("settings", "first_seen"))),
    ("checkins", "local_date", Some(("days", "date"))),
    ("checkins", "checked_in_at", Some(("days", "first_check_in_at"))),
    ("checkins", "minutes", Some(("days", "minutes"))),
    ("checkins", "checkin_count", Some(("days", "check_ins"))),
    ("checkins", "added_by_correction", Some(("days", "added_by_moderator"))),
    ("checkin_notes", "id", None),
    ("checkin_notes", "local_date", Some(("notes", "date"))),
    ("checkin_notes", "noted_at", Some(("notes", "at"))),
    ("checkin_notes", "minutes", Some(("notes", "minutes"))),
    ("checkin_notes", "note", Some(("notes", "note"))),
    ("streaks", "platform", Some(("member", "platform"))),
    ("streaks", "space_id", Some(("member", "space_id"))),
    ("streaks", "current_days", Some(("streak", "current_days_as_last_recorded"))),
    ("streaks", "longest_days", Some(("streak", "longest_days"))),
    ("streaks", "total_days", Some(("streak", "total_days"))),
    ("streaks", "total_minutes", Some(("streak", "total_minutes"))),
    ("streaks", "freezes_held", Some(("streak", "freezes_held"))),
    ("streaks", "freezes_used", Some(("streak", "freezes_used"))),
    ("streaks", "days_toward_freeze", Some(("streak", "days_toward_next_freeze"))),
    ("streaks", "last_day", Some(("streak", "last_counted_day"))),
    ("streaks", "alive_until", Some(("", "streak_ends_at_unix"))),
    ("period_totals", "period", Some(("period_totals", "period"))),
    ("period_totals", "platform", Some(("member", "platform"))),
    ("period_totals", "space_id", Some(("member", "space_id"))),
    ("period_totals", "period_start", Some(("period_totals", "starts"))),
    ("period_totals", "days", Some(("period_totals", "days"))),
    ("period_totals", "minutes", Some(("period_totals", "minutes"))),
    ("neutral_days", "id", None),
    ("neutral_days", "first_day", Some(("pauses_and_excused_days", "first"))),
    ("neutral_days", "last_day", Some(("pauses_and_excused_days", "last"))),
    ("neutral_days", "reason", Some(("pauses_and_excused_days", "reason"))),
    ("neutral_days", "created_at", Some(("pauses_and_excused_days", "recorded_at"))),
    ("group_members", "group_id", Some(("groups", "name"))),
    ("group_members", "joined_at", Some(("groups", "joined_at"))),
    ("day_corrections", "id", None),
    ("day_corrections", "local_date", Some(("corrections_to_your_days", "date"))),
    ("day_corrections", "action", Some(("corrections_to_your_days", "action"))),
    ("day_corrections", "reason", Some(("corrections_to_your_days", "reason"))),
    ("day_corrections", "moderator_user_id", Some(("corrections_to_your_days", "moderator"))),
    ("day_corrections", "corrected_at", Some(("corrections_to_your_days", "at"))),
    ("nudge_settings", "local_time", Some(("nudges", "local_time"))),
    ("nudge_settings", "weekdays", Some(("nudges", "weekdays_bits"))),
    ("nudge_settings", "snooze_until", Some(("nudges", "snoozed_through"))),
    ("nudge_settings", "dm_closed_at", Some(("nudges", "direct_messages_closed_at"))),
    ("nudge_settings", "dm_closed_notified", Some(("nudges", "told_about_closed_direct_messages"))),
    ("nudge_settings", "updated_at", Some(("nudges", "updated_at"))),
    ("nudge_settings", "direct_channel_id", Some(("nudges", "direct_channel_id"))),
    ("roadmap_progress", "step_number", Some(("roadmap_progress", "step"))),
    ("roadmap_progress", "status", Some(("roadmap_progress", "status"))),
    ("roadmap_progress", "updated_at", Some(("roadmap_progress", "updated_at"))),
    ("topic_progress", "step_number", Some(("roadmap_checklist_topics", "step"))),
    ("topic_progress", "topic_index", Some(("roadmap_checklist_topics", "checklist_topic_done"))),
    ("topic_progress", "done_at", Some(("roadmap_checklist_topics", "done_at"))),
    ("deliveries", "kind", None),
    ("deliveries", "target", None),
    ("deliveries", "local_date", Some(("nudges_delivered", "date"))),
    ("deliveries", "status", Some(("nudges_delivered", "status"))),
    ("deliveries", "claimed_at", Some(("nudges_delivered", "claimed_at"))),
    ("deliveries", "claimed_by", Some(("nudges_delivered", "claimed_by"))),
    ("deliveries", "detail", Some(("nudges_delivered", "detail"))),
];

fn ada() -> MemberRef {
    MemberRef::new(Platform::Discord, "guild-1", "ada")
}

async fn raw_pool(url: &str) -> sqlx::SqlitePool {
    let options = SqliteConnectOptions::from_str(url).unwrap();
    SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap()
}

/// Every (table, column) that holds something about a member.
async fn member_columns(pool: &sqlx::SqlitePool) -> Vec<(String, String)> {
    let rows = sqlx::query(
        "SELECT t.name, c.name FROM sqlite_master t, pragma_table_info(t.name) c
         WHERE t.type = 'table' AND (t.name IN ('members', 'deliveries')
            OR EXISTS (SELECT 1 FROM pragma_table_info(t.name) k WHERE k.name = 'member_id'))
         ORDER BY t.name, c.cid",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    rows.iter().map(|r| (r.get(0), r.get(1))).filter(|(_, c): &(String, String)| c != "member_id").collect()
}

/// Ada with something in every table: days, a note, a pause, progress, a group, nudges with a
/// delivery and closed DMs, and a moderator's correction.
async fn fill_every_table(t: &crate::common::TestApp) -> i64 {
    let (app, now) = (&t.app, at(2026, 3, 2, 9, 0));
    let minutes = Some(Minutes::new(25).unwrap());
    app.check_in(&ada(), now, minutes, Note::new("read about indexes").unwrap()).await.unwrap();
    app.set_timezone(&ada(), Timezone::parse("Europe/Berlin").unwrap(), now).await.unwrap();
    app.pause(&ada(), chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(), 2, now).await.unwrap();
    app.set_step_status(&ada(), 1, StepStatus::Learning, now).await.unwrap();
    app.set_topics_done(&ada(), 1, &[1], now).await.unwrap();
    app.join_group(&ada(), &GroupRef::named("rustaceans").unwrap(), now).await.unwrap();
    let nudges = NudgeRequest {
        on: true,
        time: LocalTime::parse("19:00").ok(),
        weekdays: None,
        snooze_until: "2026-03-03".parse().ok(),
    };
    app.set_nudges(&ada(), nudges, now).await.unwrap();
    let rights = CallerRights { manage_server: true, ..CallerRights::default() };
    let bob = MemberRef::new(Platform::Discord, "guild-1", "bob");
    let reason = Reason::new("the bot was down that day").unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    app.correct_day(&bob, &rights, "ada", date, CorrectionKind::AddDay, &reason, now).await.unwrap();
    let id = t.store.member_row(&ada()).await.unwrap().unwrap().id;
    t.store.set_direct_channel(id, "D0ADA").await.unwrap();
    t.store.mark_dm_closed(id, now).await.unwrap();
    let key = DeliveryKey { kind: DeliveryKind::Nudge, target: id.to_string(), local_date: date };
    t.store.skip_delivery(&key, "test", "already checked in", now).await.unwrap();
    id
}

fn field_shown(export: &Value, section: &str, field: &str) -> bool {
    let holder = if section.is_empty() { export } else { &export[section] };
    let shown = |v: &Value| !v[field].is_null();
    match holder {
        Value::Array(items) => items.iter().any(shown),
        other => shown(other),
    }
}

#[tokio::test]
async fn the_export_shows_every_column_held_about_a_member() {
    let t = spawn_sqlite_app().await;
    fill_every_table(&t).await;
    let export = t.app.privacy_export(&ada(), at(2026, 3, 2, 10, 0)).await.unwrap();
    let export: Value = serde_json::from_str(&export.json).unwrap();
    let pool = raw_pool(&t.database_url()).await;
    for (table, column) in member_columns(&pool).await {
        let Some((_, _, place)) = COVERED.iter().find(|(t, c, _)| *t == table && *c == column) else {
            panic!("{table}.{column} holds something about a member: add it to /privacy export and to COVERED");
        };
        if let Some((section, field)) = place {
            assert!(
                field_shown(&export, section, field),
                "{table}.{column} is missing from the export at {section}.{field}"
            );
        }
    }
}

#[tokio::test]
async fn a_delete_leaves_no_row_about_the_member_and_their_id_is_never_reused() {
    let t = spawn_sqlite_app().await;
    let id = fill_every_table(&t).await;
    assert!(t.app.privacy_delete(&ada()).await.unwrap());
    let pool = raw_pool(&t.database_url()).await;
    let mut tables: Vec<String> = member_columns(&pool).await.into_iter().map(|(table, _)| table).collect();
    tables.dedup();
    for table in tables.iter().filter(|t| !matches!(t.as_str(), "members" | "deliveries")) {
        let left: i64 = sqlx::query(&format!("SELECT COUNT(*) FROM {table} WHERE member_id = ?"))
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap()
            .get(0);
        assert_eq!(left, 0, "{table} still holds rows about the deleted member");
    }
    let deliveries: i64 = sqlx::query("SELECT COUNT(*) FROM deliveries WHERE kind = 'nudge' AND target = ?")
        .bind(id.to_string())
        .fetch_one(&pool)
        .await
        .unwrap()
        .get(0);
    assert_eq!(deliveries, 0, "the nudge delivery log of the deleted member is gone");
    // Carol joins last and leaves too: SQLite alone would hand her id to the next newcomer.
    let carol = MemberRef::new(Platform::Discord, "guild-1", "carol");
    t.app.check_in(&carol, at(2026, 3, 2, 10, 0), None, None).await.unwrap();
    let newest = t.store.member_row(&carol).await.unwrap().unwrap().id;
    assert!(t.app.privacy_delete(&carol).await.unwrap());
    let newcomer = MemberRef::new(Platform::Discord, "guild-1", "newcomer");
    t.app.check_in(&newcomer, at(2026, 3, 2, 11, 0), None, None).await.unwrap();
    let new_id = t.store.member_row(&newcomer).await.unwrap().unwrap().id;
    assert!(new_id > newest.max(id), "a new member gets a fresh id ({new_id}), never a deleted one ({id}, {newest})");
}
