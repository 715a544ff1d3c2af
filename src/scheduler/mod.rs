//! The scheduler: one loop per platform, started by the composition root (`startup::Root`), that
//! repeats an idempotent step. It decides when to call the core and paces the sends; the rules
//! (claims, settlement, what a refusal turns off) are `App` operations (`app/deliveries.rs`).
//!
//! `send_due(now)` posts each server's daily prompt and sends each member's study nudge that is
//! due. Every send is claimed through `App` for its (target, local date) before it goes out,
//! so a duplicate tick, a restart or a second instance never sends twice. A claim interrupted by
//! a crash is settled as failed rather than risked twice, except where the platform refuses a
//! copy by its nonce (Discord): there the instance that takes the lease next sends the last
//! holder's fresh unsettled claims again, so a killed replica loses no nudge (and should the
//! last holder still be alive and sending, Discord refuses the copy). Sends are paced under the
//! platform's global limit. A failure that proves nothing was sent (a 429, a refused connection) gives the
//! claim back for a later tick, and a 429 holds sends for as long as the platform said; one
//! whose outcome is unknown (a 5xx, a timeout, a dropped connection) settles the claim as failed,
//! since another try might deliver the message twice.

mod observed;
mod outbox;
mod pacer;

pub use crate::app::NudgeMessage;
pub use outbox::{Outbox, SendError};
pub use pacer::Pacer;

use crate::app::{App, Claim, DeliveryOutcome, DueNudge, DuePrompt, NudgeClaim, SendLease};
use crate::clock::Clock;
use crate::domain::schedule::Due;
use crate::domain::Platform;
use crate::error::Error;
use chrono::{DateTime, Duration, Utc};
use futures_util::stream::{self, StreamExt};
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Instant;
use tracing::Instrument;

/// How many nudges may be on their way at once.
const NUDGES_IN_FLIGHT: usize = 8;

/// What one step did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StepReport {
    pub prompts_sent: usize,
    pub nudges_sent: usize,
    /// Nudges not needed: the member had already checked in.
    pub not_needed: usize,
    pub failed: usize,
    /// Occurrences past the grace window when first seen (after downtime): skipped and logged.
    pub missed: usize,
}

impl StepReport {
    fn add(&mut self, other: &StepReport) {
        self.prompts_sent += other.prompts_sent;
        self.nudges_sent += other.nudges_sent;
        self.not_needed += other.not_needed;
        self.failed += other.failed;
        self.missed += other.missed;
    }
}

/// The scheduler for one platform's targets.
pub struct Scheduler<O: Outbox> {
    app: App,
    outbox: O,
    platform: Platform,
    grace: Duration,
    pacer: Pacer,
    instance: String,
    last_step: Mutex<Option<DateTime<Utc>>>,
    /// Set at shutdown: the step under way claims nothing more, finishes the sends it claimed
    /// and returns, leaving the rest to whoever sends next.
    stopping: AtomicBool,
    /// What claims are stamped with, when the scheduler runs on a clock (`run`): a step over
    /// thousands of members lasts minutes, and a claim must say when it was made, not when its
    /// step began (see `App::hand_back_abandoned_claims`). A step driven by hand uses its instant.
    clock: Option<Clock>,
}

impl<O: Outbox> Scheduler<O> {
    pub fn new(app: App, outbox: O, platform: Platform, grace: Duration, per_second: u32) -> Self {
        let instance = format!("{}-{}", std::process::id(), Utc::now().timestamp_micros());
        Scheduler {
            app,
            outbox,
            platform,
            grace,
            pacer: Pacer::new(per_second),
            instance,
            last_step: Mutex::new(None),
            stopping: AtomicBool::new(false),
            clock: None,
        }
    }

    /// One idempotent step: sends what is due at `now` and has not been claimed.
    pub async fn send_due(&self, now: DateTime<Utc>) -> Result<StepReport, Error> {
        let mut report = StepReport { failed: self.app.expire_interrupted_claims(now).await?, ..StepReport::default() };
        let since = self.last_step.lock().map(|mut last| last.replace(now)).unwrap_or(None);
        for due in self.app.due_prompts(now, self.grace).await? {
            if due.space.platform == self.platform {
                self.post_prompt(due, now, &mut report).await?;
            }
        }
        let dues =
            self.app.due_nudges(now, self.grace).await?.into_iter().filter(|d| d.member.platform() == self.platform);
        // A few nudges in flight at once keep the pacer's slots filled while each one waits on
        // the database; the pacer alone decides the rate.
        let partials: Vec<Result<StepReport, Error>> = stream::iter(dues)
            .map(|due| self.nudge(due, now, since))
            .buffer_unordered(NUDGES_IN_FLIGHT)
            .collect()
            .await;
        for partial in partials {
            report.add(&partial?);
        }
        Ok(report)
    }

    async fn post_prompt(&self, due: DuePrompt, now: DateTime<Utc>, report: &mut StepReport) -> Result<(), Error> {
        if self.stopping.load(Ordering::Relaxed) {
            return Ok(());
        }
        let claimed_at = self.claim_time(now);
        let Some(claim) = self.app.claim_prompt(&due, &self.instance, claimed_at).await? else { return Ok(()) };
        let started = Instant::now();
        async {
            let view = self.app.prompt_view(due.prompt_index, due.date);
            let sent = self.outbox.post_prompt(&due.channel_id, &view, &claim.unique_key(), &self.pacer).await;
            let outcome = self.outcome(&claim, sent).await;
            observed::settled(self.platform, "prompt", &outcome, started.elapsed());
            match outcome {
                DeliveryOutcome::Sent => report.prompts_sent += 1,
                _ => report.failed += 1,
            }
            self.app.settle_delivery(claim, outcome, now).await
        }
        .instrument(observed::send_span(self.platform, "prompt", &due.space.space_id))
        .await
    }

    /// One member's nudge, reported on its own so several can be in flight at once.
    async fn nudge(
        &self,
        due: DueNudge,
        now: DateTime<Utc>,
        since: Option<DateTime<Utc>>,
    ) -> Result<StepReport, Error> {
        let mut report = StepReport::default();
        let date = match due.due {
            Due::Send { date, .. } => date,
            Due::Missed { at, .. } => {
                // Counted once, when first seen by this instance; the step's report is logged.
                if since.is_none_or(|last| at > last) {
                    report.missed += 1;
                    observed::skipped(self.platform, "nudge", "missed");
                }
                return Ok(report);
            }
            Due::NotYet => return Ok(report),
        };
        if self.stopping.load(Ordering::Relaxed) {
            return Ok(report);
        }
        let (claim, message) = match self.app.claim_nudge(&due, date, &self.instance, self.claim_time(now)).await? {
            NudgeClaim::Claimed(claim, message) => (claim, message),
            NudgeClaim::NotNeeded => {
                report.not_needed += 1;
                observed::skipped(self.platform, "nudge", "studied");
                return Ok(report);
            }
            NudgeClaim::Taken => return Ok(report),
        };
        let started = Instant::now();
        async {
            let sent = self.outbox.send_nudge(&due.member, due.direct_channel.as_deref(), &message, &self.pacer).await;
            if let Ok(Some(opened)) = &sent {
                self.app.keep_direct_channel(&claim, opened).await;
            }
            let outcome = self.outcome(&claim, sent.map(|_| ())).await;
            observed::settled(self.platform, "nudge", &outcome, started.elapsed());
            match outcome {
                DeliveryOutcome::Sent => report.nudges_sent += 1,
                _ => report.failed += 1,
            }
            self.app.settle_delivery(claim, outcome, now).await?;
            Ok(report)
        }
        .instrument(observed::send_span(self.platform, "nudge", &due.member.space.space_id))
        .await
    }

    /// What the platform's answer means for the claim, holding the pacer when it asked to wait
    /// or failed: only a failure that proves nothing was sent gives the claim back; otherwise it
    /// is settled as failed (at most once).
    async fn outcome(&self, claim: &Claim, sent: Result<(), SendError>) -> DeliveryOutcome {
        let target = claim.unique_key();
        match sent {
            Ok(()) => DeliveryOutcome::Sent,
            Err(SendError::Gone(why)) => DeliveryOutcome::Refused(why),
            Err(SendError::RateLimited { retry_after, global }) => {
                // The route's own limit and the global one are both honoured by holding every
                // scheduled send: they are few, and an early retry would only earn another 429.
                tracing::warn!(%target, ?retry_after, global, "rate limited; holding scheduled sends and retrying later");
                let scope = if global { "global" } else { "route" };
                crate::telemetry::metrics::rate_limit_wait(self.platform.as_str(), scope, retry_after);
                self.pacer.hold_for(retry_after).await;
                DeliveryOutcome::NotSent
            }
            Err(SendError::NotSent(cause)) => {
                tracing::warn!(%target, error = format!("{cause:#}"), "a scheduled send could not go out; will retry");
                self.pacer.hold_for(std::time::Duration::from_secs(1)).await;
                DeliveryOutcome::NotSent
            }
            Err(SendError::MaybeSent(cause)) => {
                let why = format!("{cause:#}");
                tracing::warn!(%target, error = %why, "a scheduled send may or may not have arrived; not sending it again");
                self.pacer.hold_for(std::time::Duration::from_secs(1)).await;
                DeliveryOutcome::Unknown
            }
        }
    }

    fn claim_time(&self, step_now: DateTime<Utc>) -> DateTime<Utc> {
        self.clock.as_ref().map_or(step_now, Clock::now)
    }

    /// What this instance does when it takes the send lease: on a platform that refuses copies,
    /// the claims the last holder left unsettled moments ago are given back to be sent again;
    /// returns how many.
    pub async fn take_over(&self, now: DateTime<Utc>) -> Result<usize, Error> {
        if !self.outbox.refuses_copies() {
            return Ok(0);
        }
        self.app.hand_back_abandoned_claims(self.platform, &self.instance, now).await
    }

    /// When the pacer gives its next slot, for tests that check a hold without waiting for it.
    pub async fn next_send_slot(&self) -> tokio::time::Instant {
        self.pacer.next_slot().await
    }
}

/// Runs `send_due` every `tick` until `shutdown` resolves, while this process holds the lease on
/// the platform's scheduled sends (replicas without it stand by and try again each tick); a
/// failed step is logged and the next tick tries again.
pub async fn run<O: Outbox>(
    scheduler: Scheduler<O>,
    clock: Clock,
    tick: std::time::Duration,
    shutdown: impl Future<Output = ()>,
) {
    let scheduler = Scheduler { clock: Some(clock.clone()), ..scheduler };
    let mut interval = tokio::time::interval(tick);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tokio::pin!(shutdown);
    let mut lease = None;
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            _ = interval.tick() => {
                if !scheduler.holds_lease(&mut lease, clock.now()).await {
                    continue;
                }
                let step = scheduler.send_due(clock.now());
                tokio::pin!(step);
                let (outcome, stopped) = tokio::select! {
                    outcome = &mut step => (outcome, false),
                    () = &mut shutdown => {
                        // A step over many members can take a while: it stops claiming now and
                        // settles what it sent, instead of holding the shutdown up.
                        scheduler.stopping.store(true, Ordering::Relaxed);
                        (step.await, true)
                    }
                };
                match outcome {
                    Ok(report) if report != StepReport::default() => tracing::info!(?report, "scheduler step"),
                    Ok(_) => {}
                    Err(Error::Internal(e)) => crate::error::log_internal(&e, "scheduler"),
                    Err(Error::User(e)) => tracing::warn!(error = %e, "scheduler step refused"),
                }
                if stopped {
                    break;
                }
            }
        }
    }
    tracing::info!("scheduler stopped");
}

impl<O: Outbox> Scheduler<O> {
    /// Whether this process may send now: it keeps the lease it holds, or takes a free one.
    async fn holds_lease(&self, lease: &mut Option<SendLease>, now: DateTime<Utc>) -> bool {
        if let Some(held) = lease.as_mut() {
            if held.still_held().await {
                return true;
            }
            tracing::warn!(platform = self.platform.as_str(), "lost the lease on scheduled sends; standing by");
            *lease = None;
        }
        match self.app.lead_scheduled_sends(self.platform).await {
            Ok(Some(taken)) => {
                tracing::info!(platform = self.platform.as_str(), instance = %self.instance, "this process now makes the scheduled sends");
                *lease = Some(taken);
                // On failure the claims stay as they are and expire as failed: at most once.
                match self.take_over(now).await {
                    Ok(_) => {}
                    Err(Error::Internal(e)) => crate::error::log_internal(&e, "scheduler takeover"),
                    Err(Error::User(e)) => tracing::warn!(error = %e, "scheduler takeover refused"),
                }
                true
            }
            Ok(None) => false,
            Err(Error::Internal(e)) => {
                crate::error::log_internal(&e, "scheduler lease");
                false
            }
            Err(Error::User(e)) => {
                tracing::warn!(error = %e, "scheduler lease refused");
                false
            }
        }
    }
}
