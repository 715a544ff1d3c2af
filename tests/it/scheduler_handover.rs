//! Scheduled work changing hands. On a platform that refuses a copy by its nonce (Discord), the
//! instance that takes the send lease sends again the claims its predecessor made moments ago
//! and never settled, so a replica killed between claim and send loses nothing; older claims,
//! other platforms' claims and platforms without that refusal (Slack) keep the at-most-once
//! rule. A step under way when shutdown comes stops claiming, settles what it sent and returns,
//! leaving the rest unclaimed for whoever sends next.

use crate::common::{at, spawn_app};
use crate::scheduler::{post_daily_at_nine, scheduler, Recorder};
use backend_mentor::app::NudgeRequest;
use backend_mentor::clock::Clock;
use backend_mentor::domain::schedule::LocalTime;
use backend_mentor::domain::{MemberRef, Platform};
use backend_mentor::scheduler::Scheduler;
use backend_mentor::storage::{DeliveryKey, DeliveryKind};
use chrono::{Duration, NaiveDate};
use std::time::Instant;

/// The 2 March prompt of the test server (09:00 in New York, 14:00 UTC) on `platform`.
fn prompt_key(platform: &str) -> DeliveryKey {
    DeliveryKey {
        kind: DeliveryKind::Prompt,
        target: format!("{platform}:guild-1"),
        local_date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
    }
}

fn refusing_copies() -> Recorder {
    let mut recorder = Recorder::default();
    recorder.copies_refused = true;
    recorder
}

#[tokio::test]
async fn a_takeover_sends_again_what_the_last_holder_claimed_moments_ago() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    // The last holder claimed at 14:00 and was killed before it could settle.
    assert!(t.store.claim_delivery(&prompt_key("discord"), "killed", at(2026, 3, 2, 14, 0)).await.unwrap());
    let outbox = refusing_copies();
    let taking_over = scheduler(&t.restart().await, &outbox);
    let now = at(2026, 3, 2, 14, 0) + Duration::seconds(30);
    assert_eq!(taking_over.take_over(now).await.unwrap(), 1, "the fresh claim is handed back");
    let report = taking_over.send_due(now).await.unwrap();
    assert_eq!((report.prompts_sent, report.failed), (1, 0), "{report:?}");
    taking_over.send_due(now + Duration::minutes(5)).await.unwrap();
    assert_eq!(outbox.sent().len(), 1, "sent again once, and settled: {:?}", outbox.sent());
}

#[tokio::test]
async fn a_claim_older_than_the_resend_window_is_never_sent_again() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    assert!(t.store.claim_delivery(&prompt_key("discord"), "killed", at(2026, 3, 2, 14, 0)).await.unwrap());
    let outbox = refusing_copies();
    let taking_over = scheduler(&t.restart().await, &outbox);
    let late = at(2026, 3, 2, 14, 1) + Duration::seconds(30);
    assert_eq!(taking_over.take_over(late).await.unwrap(), 0, "90 s is past what Discord's nonce covers");
    let report = taking_over.send_due(at(2026, 3, 2, 14, 5)).await.unwrap();
    assert!(outbox.sent().is_empty(), "{:?}", outbox.sent());
    assert_eq!(report.failed, 1, "the interrupted claim is settled as failed");
}

#[tokio::test]
async fn without_a_refusal_of_copies_or_on_another_platform_nothing_is_handed_back() {
    let t = spawn_app().await;
    post_daily_at_nine(&t.app).await;
    let claimed = at(2026, 3, 2, 14, 0);
    assert!(t.store.claim_delivery(&prompt_key("discord"), "killed", claimed).await.unwrap());
    assert!(t.store.claim_delivery(&prompt_key("slack"), "killed", claimed).await.unwrap());
    let now = claimed + Duration::seconds(30);
    let app = &t.app;
    // A platform without nonces (Slack's scheduler stands for it here): at most once stays.
    let plain = Recorder::default();
    assert_eq!(scheduler(app, &plain).take_over(now).await.unwrap(), 0);
    scheduler(app, &plain).send_due(now).await.unwrap();
    assert!(plain.sent().is_empty(), "{:?}", plain.sent());
    // Discord's takeover hands back Discord's claim only; Slack's stays claimed.
    assert_eq!(scheduler(app, &refusing_copies()).take_over(now).await.unwrap(), 1);
    assert!(!t.store.claim_delivery(&prompt_key("slack"), "anyone", now).await.unwrap(), "still claimed");
}

#[tokio::test]
async fn a_step_under_way_at_shutdown_stops_claiming_and_leaves_nothing_unsettled() {
    let t = spawn_app().await;
    let nudge_at_seven =
        || NudgeRequest { on: true, time: LocalTime::parse("19:00").ok(), weekdays: None, snooze_until: None };
    for i in 0..40 {
        let member = MemberRef::new(Platform::Discord, "guild-1", format!("member-{i}"));
        t.app.set_nudges(&member, nudge_at_seven(), at(2026, 3, 1, 0, 0)).await.unwrap();
    }
    let outbox = Recorder::default();
    // Ten sends a second: the whole step would take four seconds.
    let slow = Scheduler::new(t.app.clone(), outbox.clone(), Platform::Discord, Duration::hours(3), 10);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let clock = Clock::fixed(at(2026, 3, 2, 19, 5));
    let running =
        tokio::spawn(backend_mentor::scheduler::run(slow, clock, std::time::Duration::from_millis(50), async {
            stopped.await.unwrap_or(())
        }));
    let deadline = Instant::now() + std::time::Duration::from_secs(10);
    while outbox.sent().len() < 3 && Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let asked = Instant::now();
    stop.send(()).unwrap();
    running.await.unwrap();
    assert!(asked.elapsed() < std::time::Duration::from_secs(2), "stopped in {:?}", asked.elapsed());
    let before_stop = outbox.sent().len();
    assert!((3..40).contains(&before_stop), "the step was cut short: {before_stop} sent");
    // The next sender, past the claim timeout, finds no interrupted claim and sends the rest.
    let next = Recorder::default();
    let report = scheduler(&t.app, &next).send_due(at(2026, 3, 2, 19, 8)).await.unwrap();
    assert_eq!(report.failed, 0, "no claim was left unsettled: {report:?}");
    assert_eq!(before_stop + next.sent().len(), 40, "every member nudged once between the two");
}
