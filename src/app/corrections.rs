//! `App` action for moderators: adding or removing a counted day for a member, with a reason
//! written to the audit log the member reads in `/history`. The streak record is replayed from
//! history in the same transaction, since a correction can change the past.

use super::records::MemberContext;
use super::{App, CorrectionView};
use crate::domain::correction::{check_correction_date, CorrectionKind, Reason};
use crate::domain::text::{kept_text, member_id_given};
use crate::domain::{CallerRights, MemberRef, StreakSummary};
use crate::error::{Error, UserError};
use chrono::{DateTime, NaiveDate, Utc};

impl App {
    /// `moderator` corrects `date` for the member `user_id` of the same space.
    #[allow(clippy::too_many_arguments)]
    pub async fn correct_day(
        &self,
        moderator: &MemberRef,
        rights: &CallerRights,
        user_id: &str,
        date: NaiveDate,
        kind: CorrectionKind,
        reason: &Reason,
        now: DateTime<Utc>,
    ) -> Result<CorrectionView, Error> {
        self.require_moderator(&moderator.space, rights).await?;
        let Some(user_id) = member_id_given(user_id) else {
            return Err(UserError::NotAMember { given: kept_text(user_id) }.into());
        };
        let member = MemberRef { space: moderator.space.clone(), user_id: user_id.to_string() };
        let zone = self.member_timezone(&member).await?;
        let today = zone.local_date(now);
        check_correction_date(date, today)?;
        let mut tx = self.store.begin().await?;
        let member_id = tx.member_id(&member, now).await?;
        let counted = tx.day_is_counted(member_id, date).await?;
        match kind {
            CorrectionKind::AddDay if counted => {
                return Err(UserError::DayAlreadyCounted { user: member.user_id, date }.into())
            }
            CorrectionKind::RemoveDay if !counted => {
                return Err(UserError::DayNotCounted { user: member.user_id, date }.into())
            }
            CorrectionKind::AddDay => tx.add_corrected_day(member_id, date, now).await?,
            CorrectionKind::RemoveDay => tx.remove_day(member_id, date).await?,
        }
        tx.log_correction(member_id, date, kind, reason, &moderator.user_id, now).await?;
        let neutral = tx.neutral_days(member_id).await?;
        let stored = self.replay_record(&mut tx, member_id, &neutral).await?;
        let who = MemberContext { member: &member, member_id, zone };
        self.save_record(&mut tx, &who, &stored, &neutral, today, None).await?;
        tx.commit().await?;
        let summary = StreakSummary::of(&stored.state, today, &neutral);
        Ok(CorrectionView {
            user_id: member.user_id,
            date,
            added: kind == CorrectionKind::AddDay,
            current_streak: summary.current,
            total_days: summary.total_days,
        })
    }
}
