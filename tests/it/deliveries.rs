//! The scheduler's rules as `App` operations, without a scheduler: a claim is taken once, a
//! channel that refuses posts for good turns the server's prompts off with the reason, closed
//! direct messages stop the member's nudges and leave one notice, a member who checked in is not
//! nudged, a failure that sent nothing gives the claim back, and an interrupted claim is expired
//! and never taken again.

use crate::common::{at, spawn_app};
use backend_mentor::app::{App, DeliveryOutcome, NudgeClaim, NudgeRequest};
use backend_mentor::domain::schedule::{Due, LocalTime, Weekdays};
use backend_mentor::domain::{CallerRights, MemberRef, Platform, SpaceRef, Timezone};
use chrono::{DateTime, Duration, NaiveDate, Utc};

const GRACE: i64 = 3;

fn space() -> SpaceRef {
    SpaceRef { platform: Platform::Discord, space_id: "guild-1".into() }
}

fn ada() -> MemberRef {
    MemberRef::new(Platform::Discord, "guild-1", "ada")
}

async fn prompts_at_nine_utc(app: &App) {
    let rights = CallerRights { manage_server: true, ..CallerRights::default() };
    let plan = (LocalTime::parse("09:00").unwrap(), Timezone::UTC, Weekdays::EVERY_DAY);
    app.setup_prompts(&space(), &rights, "700", plan, at(2026, 3, 1, 0, 0)).await.unwrap();
}

async fn nudges_at_seven(app: &App) {
    let request = NudgeRequest {
        on: true,
        time: backend_mentor::domain::schedule::LocalTime::parse("19:00").ok(),
        weekdays: None,
        snooze_until: None,
    };
    app.set_nudges(&ada(), request, at(2026, 3, 1, 0, 0)).await.unwrap();
}

/// Claims ada's nudge due at `now`, which must be due.
async fn claim_ada(app: &App, now: DateTime<Utc>) -> NudgeClaim {
    let dues = app.due_nudges(now, Duration::hours(GRACE)).await.unwrap();
    let due = dues.iter().find(|d| d.member == ada()).expect("ada's nudge is due");
    let Due::Send { date, .. } = due.due else { panic!("due to send: {:?}", due.due) };
    app.claim_nudge(due, date, "test", now).await.unwrap()
}

#[tokio::test]
async fn a_channel_refused_for_good_turns_the_servers_prompts_off_with_the_reason() {
    let t = spawn_app().await;
    prompts_at_nine_utc(&t.app).await;
    let now = at(2026, 3, 2, 9, 1);
    let due = t.app.due_prompts(now, Duration::hours(GRACE)).await.unwrap().pop().expect("a post is due");
    let claim = t.app.claim_prompt(&due, "test", now).await.unwrap().expect("the first claim is taken");
    assert!(t.app.claim_prompt(&due, "other", now).await.unwrap().is_none(), "a second claim is refused");
    t.app.settle_delivery(claim, DeliveryOutcome::Refused("Unknown Channel".into()), now).await.unwrap();
    let view = t.app.prompt_schedule(&space(), now).await.unwrap().expect("the schedule is kept");
    assert!(!view.enabled);
    assert_eq!(view.disabled_reason.as_deref(), Some("Unknown Channel"));
    let tomorrow = at(2026, 3, 3, 9, 1);
    assert!(t.app.due_prompts(tomorrow, Duration::hours(GRACE)).await.unwrap().is_empty(), "no post is due again");
}

#[tokio::test]
async fn closed_dms_stop_nudges_and_leave_one_notice() {
    let t = spawn_app().await;
    nudges_at_seven(&t.app).await;
    let now = at(2026, 3, 2, 19, 1);
    let NudgeClaim::Claimed(claim, _) = claim_ada(&t.app, now).await else { panic!("claimed") };
    assert!(!t.app.take_dm_closed_notice(&ada()).await.unwrap(), "nothing to tell before the refusal");
    t.app.settle_delivery(claim, DeliveryOutcome::Refused("Cannot send messages".into()), now).await.unwrap();
    let tomorrow = at(2026, 3, 3, 19, 1);
    let dues = t.app.due_nudges(tomorrow, Duration::hours(GRACE)).await.unwrap();
    assert!(dues.iter().all(|d| d.member != ada()), "no nudge is due once DMs are closed");
    assert!(t.app.take_dm_closed_notice(&ada()).await.unwrap());
    assert!(!t.app.take_dm_closed_notice(&ada()).await.unwrap(), "told once");
}

#[tokio::test]
async fn a_member_who_checked_in_is_not_nudged_and_the_day_is_settled() {
    let t = spawn_app().await;
    nudges_at_seven(&t.app).await;
    t.app.check_in(&ada(), at(2026, 3, 2, 12, 0), None, None).await.unwrap();
    let now = at(2026, 3, 2, 19, 1);
    assert!(matches!(claim_ada(&t.app, now).await, NudgeClaim::NotNeeded));
    assert!(matches!(claim_ada(&t.app, now).await, NudgeClaim::Taken), "skipped once, then settled");
}

#[tokio::test]
async fn a_send_that_went_nowhere_is_given_back_and_an_unknown_one_is_not() {
    let t = spawn_app().await;
    nudges_at_seven(&t.app).await;
    let now = at(2026, 3, 2, 19, 1);
    let NudgeClaim::Claimed(claim, message) = claim_ada(&t.app, now).await else { panic!("claimed") };
    assert_eq!(message.current_streak, 0);
    t.app.settle_delivery(claim, DeliveryOutcome::NotSent, now).await.unwrap();
    let NudgeClaim::Claimed(again, _) = claim_ada(&t.app, now).await else { panic!("given back, claimed again") };
    t.app.settle_delivery(again, DeliveryOutcome::Unknown, now).await.unwrap();
    assert!(matches!(claim_ada(&t.app, now).await, NudgeClaim::Taken), "at most once after an unknown outcome");
}

#[tokio::test]
async fn an_interrupted_claim_is_expired_once_and_never_taken_again() {
    let t = spawn_app().await;
    prompts_at_nine_utc(&t.app).await;
    let claimed_at = at(2026, 3, 2, 9, 0);
    let due = t.app.due_prompts(claimed_at, Duration::hours(GRACE)).await.unwrap().pop().expect("a post is due");
    assert_eq!(due.date, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    let _crashed = t.app.claim_prompt(&due, "crashed", claimed_at).await.unwrap().expect("claimed");
    assert_eq!(t.app.expire_interrupted_claims(claimed_at + Duration::seconds(60)).await.unwrap(), 0, "not yet");
    let later = claimed_at + Duration::minutes(10);
    assert_eq!(t.app.expire_interrupted_claims(later).await.unwrap(), 1);
    assert_eq!(t.app.expire_interrupted_claims(later).await.unwrap(), 0, "expired once");
    assert!(t.app.claim_prompt(&due, "restarted", later).await.unwrap().is_none());
}
