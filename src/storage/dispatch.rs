//! Each store call, forwarded to the store that runs. The list is the whole contract a store
//! implements: `sqlite/` and `postgres/` each have every one of these, with the same signature,
//! and `App` sees only these. What is built from several calls (a board page, an export) is in
//! `compose.rs`, once for both. Each call's time and failure are recorded here, once for every
//! call on both stores (`telemetry::metrics`).

use super::model::*;
use super::{Backend, Store, Tx, TxBackend};
use crate::domain::correction::{CorrectionKind, Reason};
use crate::domain::pause::NeutralSpan;
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{GroupRef, MemberRef, NeutralDays, SpaceRef, StepStatus, Timezone};
use crate::telemetry::metrics;
use chrono::{DateTime, NaiveDate, Utc};
use std::time::Instant;

/// Methods on `Store` that forward `&self` calls to the backend's pool.
macro_rules! forward_store {
    ($($(#[$doc:meta])* $vis:vis async fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {
        impl Store {
            $($(#[$doc])* $vis async fn $name(&self, $($arg: $ty),*) -> $ret {
                let started = Instant::now();
                let result = match &self.0 {
                    #[cfg(feature = "sqlite")]
                    Backend::Sqlite(store) => store.$name($($arg),*).await,
                    #[cfg(feature = "postgres")]
                    Backend::Postgres(store) => store.$name($($arg),*).await,
                };
                metrics::store_call(stringify!($name), started.elapsed(), result.is_err());
                result
            })*
        }
    };
}

/// Methods on `Tx` that forward `&mut self` calls to the backend's open transaction.
macro_rules! forward_tx {
    ($($(#[$doc:meta])* $vis:vis async fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {
        impl Tx {
            $($(#[$doc])* $vis async fn $name(&mut self, $($arg: $ty),*) -> $ret {
                let started = Instant::now();
                let result = match &mut self.0 {
                    #[cfg(feature = "sqlite")]
                    TxBackend::Sqlite(tx) => tx.$name($($arg),*).await,
                    #[cfg(feature = "postgres")]
                    TxBackend::Postgres(tx) => tx.$name($($arg),*).await,
                };
                metrics::store_call(stringify!($name), started.elapsed(), result.is_err());
                result
            })*
        }
    };
}

forward_store! {
    /// Rewrites this instance's health probe row: the write-path check of `/healthz`.
    pub async fn probe_write(instance: &str, now_unix: i64) -> Result<(), sqlx::Error>;
    /// Members with exactly the given score, in join order, from `skip`. The skipping happens in
    /// the covering index before the join, so a page deep inside a large tie reads ten members.
    pub(in crate::storage) async fn tied_rows(q: &BoardQuery<'_>, score: Score, skip: i64, limit: i64) -> Result<Vec<BoardRow>, sqlx::Error>;
    /// How many members with exactly the given score joined before `member_id`.
    pub(in crate::storage) async fn tied_before(q: &BoardQuery<'_>, score: Score, member_id: i64) -> Result<i64, sqlx::Error>;
    /// Up to `limit` rows ranked after every member with the given score.
    pub(in crate::storage) async fn rows_after(q: &BoardQuery<'_>, score: Score, limit: i64) -> Result<Vec<BoardRow>, sqlx::Error>;
    /// Settles every streak of the space that ran out before `now_unix`: all freezes it held
    /// were used and it ended. This is `StreakState::ended` (see the domain) done in bulk, so
    /// the streak board and its counts never show a streak that is over. The partial index is
    /// named because the planner, seeing the wide board index on the same columns, would
    /// otherwise walk every streak of the space.
    pub async fn expire_streaks(space: &SpaceRef, now_unix: i64) -> Result<u64, sqlx::Error>;
    /// Every member of a group with their totals for the period and their live streak.
    pub async fn group_rows(group_id: i64, q: &BoardQuery<'_>) -> Result<Vec<BoardRow>, sqlx::Error>;
    /// The size of the all-time study-days board and the member's place on it (`None` when not
    /// ranked), in one round trip found by who they are: the `/streak` rank, which shares a
    /// one-millisecond budget with the rest of `/streak`.
    pub async fn all_time_place(member: &MemberRef) -> Result<(i64, Option<i64>), sqlx::Error>;
    /// The board's size and how many members rank strictly ahead of `score` (ties aside).
    pub(in crate::storage) async fn board_standing(q: &BoardQuery<'_>, score: Score) -> Result<(i64, i64), sqlx::Error>;
    /// The member's score on the board, read from their row.
    pub(in crate::storage) async fn board_score(q: &BoardQuery<'_>, member_id: i64) -> Result<Option<Score>, sqlx::Error>;
    /// The score whose members include the row at `offset`, and how many rows come before it.
    pub(in crate::storage) async fn page_boundary(q: &BoardQuery<'_>, offset: i64) -> Result<Option<(Score, i64)>, sqlx::Error>;
    /// The member's counted days from `first` on, oldest first (the heatmap and history window).
    pub async fn days_since(member_id: i64, first: NaiveDate) -> Result<Vec<DayRow>, sqlx::Error>;
    /// Every local date the member counted, oldest first.
    pub async fn checkin_days(member: &MemberRef) -> Result<Vec<NaiveDate>, sqlx::Error>;
    /// The member's notes from `first` on, oldest first.
    pub async fn notes_since(member_id: i64, first: NaiveDate) -> Result<Vec<NoteRow>, sqlx::Error>;
    /// Corrections made to the member's days, newest first.
    pub async fn corrections_of(member_id: i64, limit: i64) -> Result<Vec<CorrectionRow>, sqlx::Error>;
    pub(in crate::storage) async fn insert_delivery(key: &DeliveryKey, status: &str, instance: &str, detail: Option<&str>, now: DateTime<Utc>) -> Result<bool, sqlx::Error>;
    /// Settles a claim as sent or failed, with a detail (the prompt posted, why it failed).
    pub async fn settle_delivery(key: &DeliveryKey, sent: bool, detail: &str) -> Result<(), sqlx::Error>;
    /// Gives a claim back after a failure that certainly sent nothing, so a later tick retries.
    pub async fn release_delivery(key: &DeliveryKey) -> Result<(), sqlx::Error>;
    /// Claims older than `before` were interrupted (a crash between claim and send). Whether the
    /// send happened is unknown, so they are settled as failed, never sent again; returns them.
    pub async fn expire_stale_claims(before: DateTime<Utc>) -> Result<Vec<(String, String, String)>, sqlx::Error>;
    /// Gives back the claims other instances of `platform`'s scheduler made at or after `since`
    /// and never settled: their instance lost the send lease (it died), and the platform refuses
    /// a resend's copy by its nonce, so they can be sent again; returns them.
    pub async fn release_abandoned_claims(platform: &str, instance: &str, since: DateTime<Utc>) -> Result<Vec<(String, String, String)>, sqlx::Error>;
    /// When the member's streak ends if they never check in again (0: no streak); `None`
    /// without a record.
    pub(in crate::storage) async fn streak_ends_at(member_id: i64) -> Result<Option<i64>, sqlx::Error>;
    pub(in crate::storage) async fn export_days(member_id: i64) -> Result<Vec<ExportDay>, sqlx::Error>;
    pub(in crate::storage) async fn export_pauses(member_id: i64) -> Result<Vec<ExportPause>, sqlx::Error>;
    pub(in crate::storage) async fn export_steps(member_id: i64) -> Result<Vec<ExportStep>, sqlx::Error>;
    pub(in crate::storage) async fn export_topics(member_id: i64) -> Result<Vec<ExportTopic>, sqlx::Error>;
    pub(in crate::storage) async fn export_groups(member_id: i64) -> Result<Vec<ExportGroup>, sqlx::Error>;
    pub(in crate::storage) async fn export_nudges(member_id: i64) -> Result<Option<ExportNudges>, sqlx::Error>;
    pub(in crate::storage) async fn export_deliveries(member_id: i64) -> Result<Vec<ExportDelivery>, sqlx::Error>;
    pub(in crate::storage) async fn export_periods(member_id: i64) -> Result<Vec<ExportPeriod>, sqlx::Error>;
    /// The group's row id, creating it (or updating its shown name, as roles get renamed).
    pub async fn group_id(space: &SpaceRef, group: &GroupRef, now: DateTime<Utc>) -> Result<i64, sqlx::Error>;
    /// The group's row id and stored name when it exists.
    pub async fn find_group(space: &SpaceRef, key: &str) -> Result<Option<(i64, String)>, sqlx::Error>;
    /// Adds the member to the group; returns false when they were already in it.
    pub async fn join_group(group_id: i64, member_id: i64, now: DateTime<Utc>) -> Result<bool, sqlx::Error>;
    /// Removes the member from the group; returns false when they were not in it.
    pub async fn leave_group(group_id: i64, member_id: i64) -> Result<bool, sqlx::Error>;
    pub async fn is_in_group(group_id: i64, member_id: i64) -> Result<bool, sqlx::Error>;
    /// The groups the member is in, as (key, name), by name.
    pub async fn member_groups(member_id: i64) -> Result<Vec<GroupRef>, sqlx::Error>;
    /// Every group of the space with its member count, by name.
    pub async fn space_groups(space: &SpaceRef) -> Result<Vec<(GroupRef, i64)>, sqlx::Error>;
    /// The member's row id, creating the row on first use.
    pub async fn member_id(member: &MemberRef, now: DateTime<Utc>) -> Result<i64, sqlx::Error>;
    /// The member's row id when they have one; reads never create members.
    pub async fn find_member_id(member: &MemberRef) -> Result<Option<i64>, sqlx::Error>;
    /// In one round trip: the member's row id (if any), their own zone and their space's zone.
    pub async fn member_lookup(member: &MemberRef) -> Result<MemberLookup, sqlx::Error>;
    /// Names `user_id` a moderator of the space; false when they already were.
    pub async fn name_moderator(space: &SpaceRef, user_id: &str, named_by: &str, now: DateTime<Utc>) -> Result<bool, sqlx::Error>;
    /// Takes the moderator naming back; false when `user_id` was not named.
    pub async fn unname_moderator(space: &SpaceRef, user_id: &str) -> Result<bool, sqlx::Error>;
    /// The named moderators of the space, in the order they were named.
    pub async fn named_moderators(space: &SpaceRef) -> Result<Vec<String>, sqlx::Error>;
    /// Whether the member was named a moderator of their space.
    pub async fn is_named_moderator(member: &MemberRef) -> Result<bool, sqlx::Error>;
    pub async fn set_nudges(member: &MemberRef, time_days: (LocalTime, Weekdays), snooze_until: Option<NaiveDate>, now: DateTime<Utc>) -> Result<(), sqlx::Error>;
    pub async fn nudges_off(member: &MemberRef) -> Result<bool, sqlx::Error>;
    /// Every member whose nudges are on and whose direct messages are open.
    pub async fn active_nudges() -> Result<Vec<NudgeRow>, sqlx::Error>;
    /// The member's nudge time, days and snooze, when their nudges are on.
    pub async fn member_nudges(member: &MemberRef) -> Result<Option<(LocalTime, Weekdays, Option<NaiveDate>)>, sqlx::Error>;
    /// Holds the member's nudges back through `through`, keeping their time and days; false
    /// when their nudges are off.
    pub async fn snooze_nudges(member: &MemberRef, through: NaiveDate, now: DateTime<Utc>) -> Result<bool, sqlx::Error>;
    /// Keeps the direct-message channel a nudge opened for the member.
    pub async fn set_direct_channel(member_id: i64, channel_id: &str) -> Result<(), sqlx::Error>;
    /// Records that the member's direct messages are closed: nudges stop until turned on again.
    pub async fn mark_dm_closed(member_id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error>;
    /// True once after direct messages were found closed, so the member is told exactly once.
    /// Every command asks, so the common case is a read; only a pending notice writes.
    pub async fn take_dm_closed_notice(member: &MemberRef) -> Result<bool, sqlx::Error>;
    pub async fn member_row(member: &MemberRef) -> Result<Option<MemberRow>, sqlx::Error>;
    /// Corrections this member made as a moderator in their space, newest first.
    pub async fn corrections_made_by(member: &MemberRef) -> Result<Vec<(String, CorrectionRow)>, sqlx::Error>;
    /// Removes every row about the member in one transaction; true when there was anything.
    pub async fn delete_member(member: &MemberRef) -> Result<bool, sqlx::Error>;
    /// Sets a step's status; "not started" removes the row.
    pub async fn set_step_status(member: &MemberRef, step: u8, status: StepStatus, now: DateTime<Utc>) -> Result<(), sqlx::Error>;
    /// The member's recorded statuses as (step number, status).
    pub async fn step_statuses(member: &MemberRef) -> Result<Vec<(u8, StepStatus)>, sqlx::Error>;
    /// Replaces the member's done topics of one step with `done` (topic positions, from 0).
    pub async fn set_topics_done(member: &MemberRef, step: u8, done: &[u8], now: DateTime<Utc>) -> Result<(), sqlx::Error>;
    /// The member's done topics as (step number, topic position).
    pub async fn topics_done(member: &MemberRef) -> Result<Vec<(u8, u8)>, sqlx::Error>;
    pub async fn set_prompt_schedule(space: &SpaceRef, schedule: NewPromptSchedule<'_>, now: DateTime<Utc>) -> Result<(), sqlx::Error>;
    /// Stops posting: by a moderator (no reason) or by itself after a permanent failure.
    pub async fn disable_prompt_schedule(space: &SpaceRef, reason: Option<&str>) -> Result<bool, sqlx::Error>;
    pub async fn prompt_schedule(space: &SpaceRef) -> Result<Option<PromptScheduleRow>, sqlx::Error>;
    pub async fn enabled_prompt_schedules() -> Result<Vec<PromptScheduleRow>, sqlx::Error>;
    pub async fn count_prompt_posted(space: &SpaceRef) -> Result<(), sqlx::Error>;
    /// The space's default time zone for members who set none; `None` when unset or when the
    /// stored name no longer parses.
    pub async fn space_timezone(space: &SpaceRef) -> Result<Option<Timezone>, sqlx::Error>;
    pub async fn set_space_timezone(space: &SpaceRef, timezone: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error>;
    /// The role whose holders may use moderator commands, besides Manage Server.
    pub async fn moderator_role(space: &SpaceRef) -> Result<Option<String>, sqlx::Error>;
    pub async fn set_moderator_role(space: &SpaceRef, role_id: Option<&str>, now: DateTime<Utc>) -> Result<(), sqlx::Error>;
    /// Whether members (not only moderators) may see leaderboards; off unless a moderator allowed it.
    pub async fn members_see_boards(space: &SpaceRef) -> Result<bool, sqlx::Error>;
    pub async fn set_members_see_boards(space: &SpaceRef, allowed: bool, now: DateTime<Utc>) -> Result<(), sqlx::Error>;
    pub async fn streak(member_id: i64) -> Result<Option<StoredStreak>, sqlx::Error>;
    /// The member's streak record and neutral days in one round trip, found by who they are (so
    /// `/streak` can run it alongside the member lookup).
    pub async fn streak_and_neutral_of(member: &MemberRef) -> Result<(Option<StoredStreak>, NeutralDays), sqlx::Error>;
    pub async fn neutral_days(member_id: i64) -> Result<NeutralDays, sqlx::Error>;
    /// Whether the member has any check-in at all (a missing streak row then needs a rebuild).
    pub async fn has_checkins(member_id: i64) -> Result<bool, sqlx::Error>;
}

forward_tx! {
    /// Fault injection for tests: holds every write of the health probe (this process's and
    /// others') until the transaction ends, as a lock held elsewhere would.
    #[doc(hidden)]
    pub async fn hold_probe_writes() -> Result<(), sqlx::Error>;
    /// Reads the check-in's context for the member's day `day` (see the module comment).
    pub async fn checkin_context(member_id: i64, day: NaiveDate) -> Result<CheckinContext, sqlx::Error>;
    /// Adds a check-in to its day and logs its note. Minutes add up; the day counts once.
    /// `None` when the member row no longer exists (deleted since it was looked up): nothing
    /// was written, and the caller creates the member first.
    pub async fn add_checkin(member_id: i64, record: &CheckinRecord<'_>) -> Result<Option<DayAfterCheckin>, sqlx::Error>;
    pub async fn day_is_counted(member_id: i64, date: NaiveDate) -> Result<bool, sqlx::Error>;
    /// Counts a day a moderator added: no check-ins, no minutes.
    pub async fn add_corrected_day(member_id: i64, date: NaiveDate, at: DateTime<Utc>) -> Result<(), sqlx::Error>;
    pub async fn remove_day(member_id: i64, date: NaiveDate) -> Result<(), sqlx::Error>;
    /// Every counted day of the member, oldest first, for a full replay of the rules.
    pub async fn counted_days(member_id: i64) -> Result<Vec<NaiveDate>, sqlx::Error>;
    /// Counted days and minutes from `first` to `last` inclusive.
    pub async fn totals_between(member_id: i64, first: NaiveDate, last: NaiveDate) -> Result<(i64, i64), sqlx::Error>;
    pub async fn log_correction(member_id: i64, date: NaiveDate, kind: CorrectionKind, reason: &Reason, moderator_user_id: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error>;
    /// The member's row id, creating the row on first use. As a write, it also takes the lock.
    pub async fn member_id(member: &MemberRef, now: DateTime<Utc>) -> Result<i64, sqlx::Error>;
    pub async fn set_member_timezone(member_id: i64, timezone: &str) -> Result<(), sqlx::Error>;
    /// Days and minutes counted in the week and the month containing `anchor`, in one read.
    pub async fn week_and_month(member_id: i64, anchor: NaiveDate) -> Result<((i64, i64), (i64, i64)), sqlx::Error>;
    pub async fn streak(member_id: i64) -> Result<Option<StoredStreak>, sqlx::Error>;
    pub async fn neutral_days(member_id: i64) -> Result<NeutralDays, sqlx::Error>;
    /// Writes the member's streak record (`alive_until` is 0 when there is no streak) and their
    /// week, month and all-time totals: one round trip on PostgreSQL.
    pub async fn save_record_rows(member_id: i64, member: &MemberRef, stored: &StoredStreak, alive_until: i64, totals: &PeriodTotals) -> Result<(), sqlx::Error>;
    pub async fn add_neutral_span(member_id: i64, span: &NeutralSpan, now: DateTime<Utc>) -> Result<(), sqlx::Error>;
    /// Ends the member's pauses from `today` on: a pause not started yet is removed, a running
    /// one is cut short to yesterday. Returns how many pauses changed.
    pub async fn cancel_pauses_from(member_id: i64, today: NaiveDate) -> Result<u64, sqlx::Error>;
}
