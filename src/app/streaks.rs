//! `App` actions for the streak: checking in (several times a day adds minutes and notes but
//! counts the day once), the streak view, changing time zone, and pausing.

use super::checkin_lanes::CheckinRequest;
use super::records::MemberContext;
use super::{App, CheckInView, PauseView, RankView, StreakView};
use crate::domain::pause::{days_skipped_by_move, validate_pause, NeutralReason};
use crate::domain::progress::percent_complete;
use crate::domain::{MemberRef, Minutes, NeutralDays, Note, StepStatus, StreakState, StreakSummary, Timezone};
use crate::error::{Error, UserError};
use crate::storage::{CheckinRecord, DayAfterCheckin, StoredStreak, Tx};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The most minutes one local day can hold, across all of its check-ins.
const MINUTES_PER_DAY: i64 = 24 * 60;

impl App {
    /// Counts the member's local day, or adds minutes and a note to a day already counted.
    /// The zone is looked up on a reader; the write joins the check-in lanes, where check-ins
    /// that arrive while the writer is busy are written in one transaction (`checkin_lanes`).
    pub async fn check_in(
        &self,
        member: &MemberRef,
        now: DateTime<Utc>,
        minutes: Option<Minutes>,
        note: Option<Note>,
    ) -> Result<CheckInView, Error> {
        let (known_id, zone) = self.member_and_zone(member).await?;
        let request = CheckinRequest { member: member.clone(), known_id, zone, now, minutes, note };
        self.checkins.submit(self, request).await
    }

    /// One check-in's writes inside an open transaction that the caller commits. A returning
    /// member's is four statements (the day, one read of everything the rules need, the record,
    /// the totals). An error leaves the transaction for the caller to drop, which undoes it.
    pub(super) async fn check_in_within(&self, tx: &mut Tx, request: &CheckinRequest) -> Result<CheckInView, Error> {
        let CheckinRequest { ref member, known_id, zone, now, minutes, ref note } = *request;
        let today = zone.local_date(now);
        let record = CheckinRecord { local_date: today, at: now, minutes, note: note.as_ref() };
        let (member_id, day) = write_day(tx, known_id, member, &record, now).await?;
        let added = minutes.map_or(0, |m| i64::from(m.get()));
        if day.minutes_today > MINUTES_PER_DAY {
            // The caller drops the transaction: a day can never hold more than it has.
            let logged = day.minutes_today - added;
            return Err(UserError::DayFull { logged, room: (MINUTES_PER_DAY - logged).max(0) }.into());
        }
        let counted = day.newly_counted;
        let context = tx.checkin_context(member_id, today).await?;
        let neutral = context.neutral;
        let stored = match (context.record, context.history) {
            (Some(mut stored), _) if counted && stored.state.accepts(today) => {
                stored.state.record(today, &neutral);
                stored.total_minutes += added;
                stored
            }
            (Some(stored), _) if !counted => StoredStreak { total_minutes: stored.total_minutes + added, ..stored },
            (None, Some((days, total_minutes))) => {
                StoredStreak { state: StreakState::replay(&days, &neutral), total_minutes }
            }
            // A day before the last counted one (after a move west): the whole history again.
            _ => self.replay_record(tx, member_id, &neutral).await?,
        };
        let who = MemberContext { member, member_id, zone };
        self.save_record(tx, &who, &stored, &neutral, today, Some(context.sums)).await?;
        let streak = self.view_of(&stored, &neutral, zone, today, None);
        Ok(CheckInView { counted, minutes, minutes_today: day.minutes_today, note_saved: note.is_some(), streak })
    }

    /// The member's streak as of their local today, with their place in the server and their
    /// roadmap progress.
    pub async fn streak(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<StreakView, Error> {
        // Four independent reads, run side by side on separate connections, keep `/streak`
        // within a millisecond.
        let (found, read, place, statuses) = tokio::try_join!(
            self.member_and_zone(member),
            async { Ok::<_, Error>(self.store.streak_and_neutral_of(member).await?) },
            async { Ok::<_, Error>(self.store.all_time_place(member).await?) },
            async { Ok::<_, Error>(self.store.step_statuses(member).await?) },
        )?;
        let (member_id, zone) = found;
        let today = zone.local_date(now);
        let Some(member_id) = member_id else {
            return Ok(self.view_of(&StoredStreak::default(), &NeutralDays::default(), zone, today, None));
        };
        let (stored, neutral) = read;
        let stored = match stored {
            Some(stored) => stored,
            None if self.store.has_checkins(member_id).await? => {
                self.rebuild_record(member, member_id, zone, now).await?
            }
            None => StoredStreak::default(),
        };
        let rank = match place {
            (of, Some(place)) => Some(RankView { place: place as u32, of: of as u32 }),
            _ => None,
        };
        let all: Vec<StepStatus> = self.content.steps.iter().map(|s| status_of(&statuses, s.number)).collect();
        let mut view = self.view_of(&stored, &neutral, zone, today, rank);
        view.roadmap_percent = Some(percent_complete(&all));
        Ok(view)
    }

    fn view_of(
        &self,
        stored: &StoredStreak,
        neutral: &NeutralDays,
        zone: Timezone,
        today: NaiveDate,
        rank: Option<RankView>,
    ) -> StreakView {
        let pause = neutral.spans().iter().find(|s| s.reason == NeutralReason::Pause && s.last >= today).copied();
        StreakView {
            summary: StreakSummary::of(&stored.state, today, neutral),
            timezone: zone,
            day_ends_at: zone.end_of_day(today),
            total_minutes: stored.total_minutes,
            rank,
            pause,
            roadmap_percent: None,
        }
    }

    /// The member's place on the server's all-time study-days board; their score there is the
    /// streak record's totals, so only the counts are read.
    /// Writes the record of a member whose check-ins predate streak records.
    async fn rebuild_record(
        &self,
        member: &MemberRef,
        member_id: i64,
        zone: Timezone,
        now: DateTime<Utc>,
    ) -> Result<StoredStreak, Error> {
        let mut tx = self.store.begin().await?;
        tx.member_id(member, now).await?;
        let neutral = tx.neutral_days(member_id).await?;
        let stored = self.replay_record(&mut tx, member_id, &neutral).await?;
        let who = MemberContext { member, member_id, zone };
        self.save_record(&mut tx, &who, &stored, &neutral, zone.local_date(now), None).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Sets the member's own time zone. Counted days stay on their dates; a day the move skips
    /// (moving east past midnight before checking in) is excused, so the streak never breaks.
    pub async fn set_timezone(&self, member: &MemberRef, timezone: Timezone, now: DateTime<Utc>) -> Result<(), Error> {
        let old_zone = self.member_timezone(member).await?;
        let mut tx = self.store.begin().await?;
        let member_id = tx.member_id(member, now).await?;
        tx.set_member_timezone(member_id, timezone.name()).await?;
        let mut neutral = tx.neutral_days(member_id).await?;
        // Replayed, not read: a board may have settled the stored record as ended by the old
        // zone's calendar, and after a move west the new zone's today can still save it.
        let mut stored = self.replay_record(&mut tx, member_id, &neutral).await?;
        let skipped = days_skipped_by_move(old_zone.local_date(now), timezone.local_date(now));
        let alive = StreakSummary::of(&stored.state, old_zone.local_date(now), &neutral).current > 0;
        if let Some(span) = skipped.filter(|_| alive) {
            tx.add_neutral_span(member_id, &span, now).await?;
            neutral = tx.neutral_days(member_id).await?;
            if stored.state.last_day.is_some_and(|last| span.first <= last) {
                stored = self.replay_record(&mut tx, member_id, &neutral).await?;
            }
        }
        if stored.state.last_day.is_some() {
            let who = MemberContext { member, member_id, zone: timezone };
            self.save_record(&mut tx, &who, &stored, &neutral, timezone.local_date(now), None).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Pauses the streak for `days` days from `first` (see the pause rules in `domain::pause`).
    pub async fn pause(
        &self,
        member: &MemberRef,
        first: NaiveDate,
        days: i64,
        now: DateTime<Utc>,
    ) -> Result<PauseView, Error> {
        let zone = self.member_timezone(member).await?;
        let today = zone.local_date(now);
        let mut tx = self.store.begin().await?;
        let member_id = tx.member_id(member, now).await?;
        let neutral = tx.neutral_days(member_id).await?;
        let starts: Vec<NaiveDate> =
            neutral.spans().iter().filter(|s| s.reason == NeutralReason::Pause).map(|s| s.first).collect();
        let span = validate_pause(first, days, today, &starts)?;
        tx.add_neutral_span(member_id, &span, now).await?;
        let neutral = tx.neutral_days(member_id).await?;
        let who = MemberContext { member, member_id, zone };
        self.resettle_record(&mut tx, &who, &neutral, today).await?;
        tx.commit().await?;
        Ok(PauseView { span })
    }

    /// Ends the member's pause from today on (a planned one is removed).
    pub async fn cancel_pause(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<(), Error> {
        let zone = self.member_timezone(member).await?;
        let today = zone.local_date(now);
        let mut tx = self.store.begin().await?;
        let member_id = tx.member_id(member, now).await?;
        if tx.cancel_pauses_from(member_id, today).await? == 0 {
            return Err(UserError::NoPauseToCancel.into());
        }
        let neutral = tx.neutral_days(member_id).await?;
        let who = MemberContext { member, member_id, zone };
        self.resettle_record(&mut tx, &who, &neutral, today).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn status_of(recorded: &[(u8, StepStatus)], number: u8) -> StepStatus {
    recorded.iter().find(|(n, _)| *n == number).map_or(StepStatus::NotStarted, |(_, s)| *s)
}

/// The first day of the window that `/history` and the heatmap show.
pub(super) fn window_start(today: NaiveDate, days: i64) -> NaiveDate {
    today - Duration::days(days - 1)
}

/// Writes the check-in's day, creating the member first when they are new (or were deleted since
/// `known_id` was read), and returns their row id with what the write did to the day.
async fn write_day(
    tx: &mut Tx,
    known_id: Option<i64>,
    member: &MemberRef,
    record: &CheckinRecord<'_>,
    now: DateTime<Utc>,
) -> Result<(i64, DayAfterCheckin), Error> {
    if let Some(member_id) = known_id {
        if let Some(day) = tx.add_checkin(member_id, record).await? {
            return Ok((member_id, day));
        }
    }
    let member_id = tx.member_id(member, now).await?;
    let day = tx.add_checkin(member_id, record).await?;
    // The row was created inside this transaction, so it exists.
    let day = day.ok_or_else(|| anyhow::anyhow!("the member row created for a check-in was not found"))?;
    Ok((member_id, day))
}
