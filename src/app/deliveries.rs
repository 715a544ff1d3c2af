//! Scheduled sends through the core. The scheduler decides when to look and paces the sends;
//! these operations hold the rules: every send is claimed for its (kind, target, local date)
//! before it goes out, a claim left unsettled too long was interrupted and is never retried, a
//! member who already checked in is not nudged, a channel that refuses posts for good turns the
//! server's prompts off (with the reason shown at `/setup show`), and closed direct messages stop
//! the member's nudges (with one notice at their next command).

use super::{App, DueNudge, DuePrompt};
use crate::domain::nudge::AtStake;
use crate::domain::Platform;
use crate::domain::SpaceRef;
use crate::error::Error;
use crate::storage::{DeliveryKey, DeliveryKind, Lease};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

/// How long a claim may stay unsettled before it is taken as interrupted.
const CLAIM_TIMEOUT_SECONDS: i64 = 120;
/// How old an abandoned claim may be and still be sent again: Discord refuses a message whose
/// nonce it saw from the bot in the past few minutes, so a resend of a claim at most a minute
/// old is deduplicated by Discord if the first send did arrive.
const RESEND_WINDOW_SECONDS: i64 = 60;

/// A study nudge: the member's streak, what today puts at stake, and when today ends.
#[derive(Debug, Clone)]
pub struct NudgeMessage {
    pub current_streak: u32,
    pub at_stake: AtStake,
    pub day_ends_at: DateTime<Tz>,
}

/// A send this instance claimed: only it may send, and it must settle the claim afterwards.
#[derive(Debug)]
pub struct Claim {
    key: DeliveryKey,
    subject: Subject,
}

#[derive(Debug)]
enum Subject {
    Prompt {
        space: SpaceRef,
        prompt_id: String,
    },
    /// The member's row id: it stays inside `App`, the scheduler never sees it.
    Nudge {
        member_id: i64,
    },
}

impl Claim {
    /// Unique per kind, target and local date, for platforms that refuse a duplicate by a key.
    pub fn unique_key(&self) -> String {
        format!("{}/{}", self.key.target, self.key.local_date)
    }
}

/// What became of a nudge that is due.
#[derive(Debug)]
pub enum NudgeClaim {
    /// Claimed: send this message, then settle the claim.
    Claimed(Claim, NudgeMessage),
    /// The member already checked in today: recorded as skipped, nothing to send.
    NotNeeded,
    /// Someone (a tick before, another instance) already claimed or settled it.
    Taken,
}

/// How a claimed send ended, as far as the platform's answer tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryOutcome {
    Sent,
    /// Refused for good (the channel is gone, the permission lost, the DMs closed), and why.
    Refused(String),
    /// Certainly nothing went out: the claim is given back for a later tick.
    NotSent,
    /// It may have arrived: settled as failed and never sent again (at most once).
    Unknown,
}

/// This process's right to make one platform's scheduled sends: one replica at a time sends, so
/// the sends of all replicas stay under the one rate the bot token allows (see
/// `storage/lease.rs`).
pub struct SendLease(Lease);

impl SendLease {
    /// Whether the lease is still held; once lost, it is not held again without a new take.
    pub async fn still_held(&mut self) -> bool {
        self.0.still_held().await
    }
}

impl App {
    /// Takes the lease on `platform`'s scheduled sends when no other replica holds it.
    pub async fn lead_scheduled_sends(&self, platform: Platform) -> Result<Option<SendLease>, Error> {
        Ok(self.store.try_lease(platform.as_str()).await?.map(SendLease))
    }

    /// Settles claims interrupted between claim and send (a crash) as failed, never to be
    /// retried since whether they went out is unknown; returns how many there were.
    pub async fn expire_interrupted_claims(&self, now: DateTime<Utc>) -> Result<usize, Error> {
        let expired = self.store.expire_stale_claims(now - Duration::seconds(CLAIM_TIMEOUT_SECONDS)).await?;
        for (kind, target, date) in &expired {
            tracing::warn!(kind, target, date, "a send was interrupted between claim and send; not sending it again");
        }
        Ok(expired.len())
    }

    /// At a takeover of the send lease, on a platform that refuses a resend's copy by its nonce:
    /// the claims that other instances (the lease's holder before, now gone) made within the
    /// resend window and never settled are given back, so this step sends them again with the
    /// same nonce. Older ones are left to [`App::expire_interrupted_claims`], at most once.
    pub async fn hand_back_abandoned_claims(
        &self,
        platform: Platform,
        instance: &str,
        now: DateTime<Utc>,
    ) -> Result<usize, Error> {
        let since = now - Duration::seconds(RESEND_WINDOW_SECONDS);
        let released = self.store.release_abandoned_claims(platform.as_str(), instance, since).await?;
        for (kind, target, date) in &released {
            tracing::info!(
                kind,
                target,
                date,
                "a claim left by the lease's last holder; sending it again under its nonce"
            );
        }
        Ok(released.len())
    }

    /// Claims a due prompt post for `instance`; `None` when it was already claimed or settled.
    pub async fn claim_prompt(
        &self,
        due: &DuePrompt,
        instance: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Claim>, Error> {
        let target = format!("{}:{}", due.space.platform, due.space.space_id);
        let key = DeliveryKey { kind: DeliveryKind::Prompt, target, local_date: due.date };
        if !self.store.claim_delivery(&key, instance, now).await? {
            return Ok(None);
        }
        let prompt_id = self.prompt_view(due.prompt_index, due.date).prompt.id.clone();
        Ok(Some(Claim { key, subject: Subject::Prompt { space: due.space.clone(), prompt_id } }))
    }

    /// Claims the nudge due on the member's local `date`, unless they already checked in.
    pub async fn claim_nudge(
        &self,
        due: &DueNudge,
        date: NaiveDate,
        instance: &str,
        now: DateTime<Utc>,
    ) -> Result<NudgeClaim, Error> {
        let key = DeliveryKey { kind: DeliveryKind::Nudge, target: due.member_id.to_string(), local_date: date };
        let streak = self.streak(&due.member, now).await?;
        if streak.summary.checked_in_today || streak.summary.today != date {
            let skipped = self.store.skip_delivery(&key, instance, "already checked in", now).await?;
            return Ok(if skipped { NudgeClaim::NotNeeded } else { NudgeClaim::Taken });
        }
        if !self.store.claim_delivery(&key, instance, now).await? {
            return Ok(NudgeClaim::Taken);
        }
        let message = NudgeMessage {
            current_streak: streak.summary.current,
            at_stake: AtStake::of(streak.summary.current, streak.summary.freezes_held),
            day_ends_at: streak.day_ends_at,
        };
        Ok(NudgeClaim::Claimed(Claim { key, subject: Subject::Nudge { member_id: due.member_id } }, message))
    }

    /// Keeps the direct-message channel the platform opened for a claimed nudge, so the next
    /// one costs one request. A failure here loses only that saving: it is logged, not raised.
    pub async fn keep_direct_channel(&self, claim: &Claim, channel_id: &str) {
        if let Subject::Nudge { member_id } = claim.subject {
            if let Err(e) = self.store.set_direct_channel(member_id, channel_id).await {
                tracing::warn!(error = %e, "the member's direct-message channel could not be kept");
            }
        }
    }

    /// Records how a claimed send ended, and what a refusal for good means for the schedule.
    pub async fn settle_delivery(
        &self,
        claim: Claim,
        outcome: DeliveryOutcome,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let key = &claim.key;
        match (outcome, &claim.subject) {
            (DeliveryOutcome::Sent, Subject::Prompt { space, prompt_id }) => {
                self.store.settle_delivery(key, true, prompt_id).await?;
                self.store.count_prompt_posted(space).await?;
            }
            (DeliveryOutcome::Sent, Subject::Nudge { .. }) => self.store.settle_delivery(key, true, "sent").await?,
            (DeliveryOutcome::Refused(why), subject) => {
                self.store.settle_delivery(key, false, &why).await?;
                self.stop_refused(subject, &why, now).await?;
            }
            (DeliveryOutcome::NotSent, _) => self.store.release_delivery(key).await?,
            (DeliveryOutcome::Unknown, _) => {
                self.store.settle_delivery(key, false, "the platform's answer was lost or an error").await?;
            }
        }
        Ok(())
    }

    /// A channel that can never be posted to turns the server's prompts off; closed direct
    /// messages stop the member's nudges until they turn them on again.
    async fn stop_refused(&self, subject: &Subject, why: &str, now: DateTime<Utc>) -> Result<(), Error> {
        match subject {
            Subject::Prompt { space, .. } => {
                let target = format!("{}:{}", space.platform, space.space_id);
                tracing::warn!(space = %target, reason = %why, "prompt posts disabled: the channel cannot be posted to");
                self.store.disable_prompt_schedule(space, Some(why)).await?;
            }
            Subject::Nudge { member_id } => {
                tracing::info!(member = member_id, reason = %why, "nudges stopped: direct messages are closed");
                self.store.mark_dm_closed(*member_id, now).await?;
            }
        }
        Ok(())
    }
}
