//! The scheduler's step on real SQLite files with a recording outbox: prompts and nudges go out
//! exactly once per local date across repeated ticks, restarts and two instances; an interrupted
//! claim is never sent again; downtime beyond the grace window is skipped; a gone channel or
//! closed DMs stop further attempts; a send whose outcome is unknown is never repeated, and a
//! 429 holds every send for as long as the platform asked.

use crate::common::{at, open_app, spawn_app};
use backend_mentor::app::{App, NudgeRequest, PromptView};
use backend_mentor::domain::schedule::{LocalTime, Weekdays};
use backend_mentor::domain::{CallerRights, MemberRef, Platform, SpaceRef, Timezone};
use backend_mentor::scheduler::{NudgeMessage, Outbox, Pacer, Scheduler, SendError};
use backend_mentor::storage::{DeliveryKey, DeliveryKind};
use chrono::{DateTime, Duration, Utc};
use std::sync::{Arc, Mutex};

/// Records what would have been sent; can be told to refuse sends as a platform would.
#[derive(Clone, Default)]
pub(crate) struct Recorder {
    sent: Arc<Mutex<Vec<String>>>,
    /// Whether it stands for a platform that refuses a copy by its nonce (Discord).
    pub(crate) copies_refused: bool,
    refuse: Arc<Mutex<Option<&'static str>>>,
    /// Answers "slow down" this many times before sending.
    rate_limits: Arc<Mutex<u32>>,
    /// How long the "slow down" asks to wait.
    retry_after: Arc<Mutex<std::time::Duration>>,
    /// Delivers and then fails as if the answer were lost, this many times.
    lost_answers: Arc<Mutex<u32>>,
    /// The direct-message channel each nudge was handed, in order (`None`: open one).
    channels: Arc<Mutex<Vec<Option<String>>>>,
}

impl Recorder {
    pub(crate) fn sent(&self) -> Vec<String> {
        self.sent.lock().unwrap().clone()
    }

    fn refusal(&self) -> Result<(), SendError> {
        let mut limits = self.rate_limits.lock().unwrap();
        if *limits > 0 {
            *limits -= 1;
            let wait = *self.retry_after.lock().unwrap();
            let retry_after = if wait.is_zero() { std::time::Duration::from_millis(10) } else { wait };
            return Err(SendError::RateLimited { retry_after, global: true });
        }
        match *self.refuse.lock().unwrap() {
            Some(why) => Err(SendError::Gone(why.to_string())),
            None => Ok(()),
        }
    }
}

impl Outbox for Recorder {
    async fn post_prompt(
        &self,
        channel_id: &str,
        prompt: &PromptView<'_>,
        _key: &str,
        pacer: &Pacer,
    ) -> Result<(), SendError> {
        pacer.wait().await;
        self.refusal()?;
        self.sent.lock().unwrap().push(format!("prompt {} to {channel_id}", prompt.prompt.id));
        Ok(())
    }

    async fn send_nudge(
        &self,
        member: &MemberRef,
        known: Option<&str>,
        nudge: &NudgeMessage,
        pacer: &Pacer,
    ) -> Result<Option<String>, SendError> {
        pacer.wait().await;
        self.refusal()?;
        self.sent.lock().unwrap().push(format!("nudge to {} ({:?})", member.user_id, nudge.at_stake));
        // A direct-message channel is "opened" for a member the first time, then reused.
        let opened = if known.is_none() { Some(format!("D-{}", member.user_id)) } else { None };
        self.channels.lock().unwrap().push(known.map(str::to_string));
        let mut lost = self.lost_answers.lock().unwrap();
        if *lost > 0 {
            *lost -= 1;
            return Err(SendError::MaybeSent(anyhow::anyhow!("500 after delivering")));
        }
        Ok(opened)
    }

    fn refuses_copies(&self) -> bool {
        self.copies_refused
    }
}

fn moderator() -> CallerRights {
    CallerRights { manage_server: true, ..CallerRights::default() }
}

fn space() -> SpaceRef {
    SpaceRef { platform: Platform::Discord, space_id: "guild-1".into() }
}

pub(crate) fn scheduler(app: &App, outbox: &Recorder) -> Scheduler<Recorder> {
    Scheduler::new(app.clone(), outbox.clone(), Platform::Discord, Duration::hours(3), 50)
}

pub(crate) async fn post_daily_at_nine(app: &App) {
    let plan = (LocalTime::parse("09:00").unwrap(), Timezone::parse("America/New_York").unwrap(), Weekdays::EVERY_DAY);
    app.setup_prompts(&space(), &moderator(), "700", plan, at(2026, 3, 1, 0, 0)).await.unwrap();
}

async fn tick(s: &Scheduler<Recorder>, now: DateTime<Utc>) {
    s.send_due(now).await.expect("a scheduler step");
}

#[tokio::test]
async fn a_prompt_is_posted_once_however_often_the_step_runs() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    let outbox = Recorder::default();
    let s = scheduler(&t.app, &outbox);
    tick(&s, at(2026, 3, 2, 13, 59)).await; // 08:59 in New York
    assert!(outbox.sent().is_empty(), "nothing before its time");
    for minute in [0, 0, 1, 30] {
        tick(&s, at(2026, 3, 2, 14, minute)).await;
    }
    assert_eq!(outbox.sent().len(), 1, "{:?}", outbox.sent());
    tick(&s, at(2026, 3, 3, 14, 5)).await;
    let sent = outbox.sent();
    assert_eq!(sent.len(), 2);
    assert_ne!(sent[0], sent[1], "the next day posts the next prompt in the rotation");
}

#[tokio::test]
async fn the_scheduled_post_and_slash_prompt_show_the_same_prompt_on_the_same_day() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    let outbox = Recorder::default();
    let s = scheduler(&t.app, &outbox);
    for day in 2..=6 {
        let now = at(2026, 3, day, 14, 5);
        tick(&s, now).await;
        let asked = t.app.todays_prompt(&space(), now).await.unwrap();
        let posted = outbox.sent().last().cloned().unwrap_or_default();
        assert_eq!(posted, format!("prompt {} to 700", asked.prompt.id), "on March {day}");
    }
}

#[tokio::test]
async fn two_instances_on_one_database_send_once() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    let other = open_app(&t.database_url(), Timezone::UTC).await;
    let (a, b) = (Recorder::default(), Recorder::default());
    let (first, second) = (scheduler(&t.app, &a), scheduler(&other, &b));
    let now = at(2026, 3, 2, 14, 1);
    let (x, y) = tokio::join!(first.send_due(now), second.send_due(now));
    x.unwrap();
    y.unwrap();
    assert_eq!(a.sent().len() + b.sent().len(), 1);
}

#[tokio::test]
async fn a_claim_interrupted_by_a_crash_is_never_sent_again() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    let key = DeliveryKey {
        kind: DeliveryKind::Prompt,
        target: "discord:guild-1".into(),
        local_date: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
    };
    // The crashed instance claimed at 14:00 and died before sending.
    assert!(t.store.claim_delivery(&key, "crashed", at(2026, 3, 2, 14, 0)).await.unwrap());
    let outbox = Recorder::default();
    let restarted = scheduler(&t.restart().await, &outbox);
    let report = restarted.send_due(at(2026, 3, 2, 14, 10)).await.unwrap();
    assert!(outbox.sent().is_empty());
    assert_eq!(report.failed, 1, "the interrupted claim is reported");
}

#[tokio::test]
async fn after_downtime_a_post_inside_grace_goes_out_and_one_outside_is_skipped() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    let outbox = Recorder::default();
    scheduler(&t.app, &outbox).send_due(at(2026, 3, 2, 16, 30)).await.unwrap(); // 2.5 h late
    assert_eq!(outbox.sent().len(), 1);
    let late = Recorder::default();
    scheduler(&t.app, &late).send_due(at(2026, 3, 3, 17, 30)).await.unwrap(); // 3.5 h late
    assert!(late.sent().is_empty());
}

#[tokio::test]
async fn a_channel_that_refuses_posts_turns_the_schedule_off_with_a_reason() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    let outbox = Recorder::default();
    *outbox.refuse.lock().unwrap() = Some("Missing Access");
    scheduler(&t.app, &outbox).send_due(at(2026, 3, 2, 14, 1)).await.unwrap();
    let view = t.app.prompt_schedule(&space(), at(2026, 3, 2, 14, 2)).await.unwrap().unwrap();
    assert!(!view.enabled);
    assert_eq!(view.disabled_reason.as_deref(), Some("Missing Access"));
}

async fn nudges_at_seven(app: &App, member: &MemberRef) {
    let request = NudgeRequest { on: true, time: LocalTime::parse("19:00").ok(), weekdays: None, snooze_until: None };
    app.set_nudges(member, request, at(2026, 3, 1, 0, 0)).await.unwrap();
}

#[tokio::test]
async fn only_members_who_have_not_checked_in_are_nudged_once() {
    let t = spawn_app().await;
    let (ada, bob) =
        (MemberRef::new(Platform::Discord, "guild-1", "ada"), MemberRef::new(Platform::Discord, "guild-1", "bob"));
    nudges_at_seven(&t.app, &ada).await;
    nudges_at_seven(&t.app, &bob).await;
    t.app.check_in(&ada, at(2026, 3, 1, 12, 0), None, None).await.unwrap();
    t.app.check_in(&bob, at(2026, 3, 2, 12, 0), None, None).await.unwrap();
    let outbox = Recorder::default();
    let s = scheduler(&t.app, &outbox);
    for minute in [0, 5, 10] {
        tick(&s, at(2026, 3, 2, 19, minute)).await;
    }
    assert_eq!(outbox.sent(), ["nudge to ada (StreakWillEnd { streak: 1 })"]);
}

#[tokio::test]
async fn the_direct_message_channel_opened_for_a_nudge_is_kept_for_the_next() {
    let t = spawn_app().await;
    let ada = MemberRef::new(Platform::Discord, "guild-1", "ada");
    nudges_at_seven(&t.app, &ada).await;
    let outbox = Recorder::default();
    scheduler(&t.app, &outbox).send_due(at(2026, 3, 2, 19, 1)).await.unwrap();
    // A new scheduler, as after a restart: the channel comes from the store, not memory.
    scheduler(&t.app, &outbox).send_due(at(2026, 3, 3, 19, 1)).await.unwrap();
    assert_eq!(outbox.sent().len(), 2);
    assert_eq!(*outbox.channels.lock().unwrap(), [None, Some("D-ada".to_string())]);
}

#[tokio::test]
async fn closed_direct_messages_stop_nudges_and_the_member_is_told_once() {
    let t = spawn_app().await;
    let ada = MemberRef::new(Platform::Discord, "guild-1", "ada");
    nudges_at_seven(&t.app, &ada).await;
    let outbox = Recorder::default();
    *outbox.refuse.lock().unwrap() = Some("Cannot send messages to this user");
    scheduler(&t.app, &outbox).send_due(at(2026, 3, 2, 19, 1)).await.unwrap();
    *outbox.refuse.lock().unwrap() = None;
    scheduler(&t.app, &outbox).send_due(at(2026, 3, 3, 19, 1)).await.unwrap();
    assert!(outbox.sent().is_empty(), "no more attempts after DMs were found closed");
    assert!(t.app.take_dm_closed_notice(&ada).await.unwrap());
    assert!(!t.app.take_dm_closed_notice(&ada).await.unwrap(), "told once");
}

#[tokio::test]
async fn a_rate_limited_send_is_given_back_and_sent_at_the_next_tick() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    let outbox = Recorder::default();
    *outbox.rate_limits.lock().unwrap() = 1;
    let s = scheduler(&t.app, &outbox);
    let first = s.send_due(at(2026, 3, 2, 14, 1)).await.unwrap();
    assert!(outbox.sent().is_empty() && first.failed == 1, "held back by the 429");
    s.send_due(at(2026, 3, 2, 14, 2)).await.unwrap();
    assert_eq!(outbox.sent().len(), 1, "sent once after the wait");
    s.send_due(at(2026, 3, 2, 14, 3)).await.unwrap();
    assert_eq!(outbox.sent().len(), 1);
}

#[tokio::test]
async fn a_nudge_whose_answer_was_lost_is_not_sent_again() {
    let t = spawn_app().await;
    let ada = MemberRef::new(Platform::Discord, "guild-1", "ada");
    nudges_at_seven(&t.app, &ada).await;
    let outbox = Recorder::default();
    *outbox.lost_answers.lock().unwrap() = 1;
    let s = scheduler(&t.app, &outbox);
    let first = s.send_due(at(2026, 3, 2, 19, 1)).await.unwrap();
    assert_eq!(first.failed, 1, "the lost answer is reported as a failure");
    for minute in [2, 3, 10] {
        tick(&s, at(2026, 3, 2, 19, minute)).await;
    }
    assert_eq!(outbox.sent().len(), 1, "at most once: {:?}", outbox.sent());
}

#[tokio::test]
async fn a_429_holds_every_send_for_the_wait_discord_asked_for() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    let outbox = Recorder::default();
    *outbox.rate_limits.lock().unwrap() = 1;
    *outbox.retry_after.lock().unwrap() = std::time::Duration::from_secs(5);
    let s = scheduler(&t.app, &outbox);
    let told_at = tokio::time::Instant::now();
    s.send_due(at(2026, 3, 2, 14, 1)).await.unwrap();
    let next = s.next_send_slot().await;
    assert!(
        next >= told_at + std::time::Duration::from_secs(5),
        "the next send may go {:?} after the 429",
        next - told_at
    );
}
