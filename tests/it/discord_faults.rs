//! Discord faults through the fake, against the real client: a failed command registration, a
//! store held by another process past Discord's 3 seconds, a failing interaction callback, an
//! interaction delivered twice, unknown commands and stale options, and a shutdown right after a
//! burst. Each checks what the user saw and what was stored.

use crate::common::{at, OtherProcessLock};
use crate::discord_e2e::{option, text_of, Bot, WAIT};
use crate::fake_discord::{fixtures, FakeDiscord, RecordedRequest};
use backend_mentor::app::App;
use backend_mentor::config::SchedulerConfig;
use backend_mentor::domain::{MemberRef, Platform};
use serde_json::{json, Value};
use std::time::Duration;

const CALLBACK: &str = "/api/v10/interactions/*/*/callback";
const FOLLOWUP: &str = "/api/v10/webhooks/*/*";
const REGISTER: &str = "/api/v10/applications/*/commands";

/// A /checkin from another member of the fixture guild.
fn checkin_as(user_id: u64, minutes: i64) -> Value {
    let mut interaction = fixtures::command("checkin", json!([option("minutes", json!(minutes))]));
    interaction["member"]["user"]["id"] = json!(user_id.to_string());
    interaction
}

/// Total minutes stored for a member of the fixture guild, read after the bot stopped.
async fn minutes_of(app: &App, user_id: u64) -> i64 {
    let member = MemberRef::new(Platform::Discord, fixtures::GUILD_ID.to_string(), user_id.to_string());
    app.streak(&member, at(2026, 3, 2, 12, 0)).await.expect("a streak view").total_minutes
}

fn is_apology(request: &RecordedRequest) -> bool {
    request.body.to_string().contains("Sorry, something went wrong")
}

#[tokio::test]
async fn a_failed_registration_is_retried_while_interactions_are_answered() {
    let fake = FakeDiscord::start().await;
    fake.fail_next("PUT", REGISTER, 500, json!({"code": 0, "message": "500: Internal Server Error"}));
    let bot = Bot::start_on(fake, None, SchedulerConfig::default()).await;
    bot.fake.next_request("PUT", REGISTER, WAIT).await.expect("a first registration, refused");
    let faq = bot.answer(fixtures::command("faq", json!([option("question", json!("what is an api"))]))).await;
    assert_eq!(faq.body["type"], 4, "{}", text_of(&faq));
    bot.fake.next_request("PUT", REGISTER, WAIT).await.expect("registration is tried again");
    bot.finish().await;
}

#[tokio::test]
async fn a_checkin_waiting_on_a_locked_store_is_deferred_then_answered_and_stored_once() {
    let bot = Bot::start(None).await;
    let other_process = OtherProcessLock::take(&bot.t.database_url()).await;
    bot.fake.send_interaction(checkin_as(fixtures::USER_ID, 30)).await;
    let first = bot.fake.next_request("POST", CALLBACK, Duration::from_secs(3)).await.expect("an answer in 3 s");
    assert_eq!(first.body["type"], 5, "deferred while the store is locked: {}", first.body);
    assert_eq!(first.body["data"]["flags"], 64, "deferred as privately as the answer will be");
    other_process.release().await;
    let answer = bot.fake.next_request("POST", FOLLOWUP, WAIT).await.expect("the answer follows the defer");
    assert!(answer.body.to_string().contains("30 minutes"), "{}", answer.body);
    let (fake, t) = bot.stop().await;
    assert_eq!(fake.count("POST", CALLBACK), 1, "one first answer");
    assert_eq!(minutes_of(&t.restart().await, fixtures::USER_ID).await, 30);
}

#[tokio::test]
async fn a_failing_callback_is_retried_in_time_and_a_repeated_interaction_runs_once() {
    let bot = Bot::start(None).await;
    bot.fake.fail_next("POST", CALLBACK, 500, json!({"code": 0, "message": "500: Internal Server Error"}));
    let slow_down = json!({"message": "You are being rate limited.", "retry_after": 0.4, "global": false});
    bot.fake.fail_next("POST", CALLBACK, 429, slow_down);
    let checkin = checkin_as(fixtures::USER_ID, 25);
    bot.fake.send_interaction(checkin.clone()).await;
    let mut tries = Vec::new();
    for _ in 0..3 {
        tries.push(bot.fake.next_request("POST", CALLBACK, WAIT).await.expect("a callback"));
    }
    assert!(tries.iter().all(|t| t.body["type"] == 4 && t.body.to_string().contains("25 minutes")), "{tries:?}");
    let waited = tries[2].received_at - tries[1].received_at;
    assert!(waited >= Duration::from_millis(400), "retried {waited:?} after a 429 asking for 400 ms");

    bot.fake.send_interaction(checkin).await;
    let again = bot.fake.next_request("POST", CALLBACK, Duration::from_secs(1)).await;
    assert!(again.is_err(), "a repeated interaction is not answered again: {again:?}");
    let (fake, t) = bot.stop().await;
    assert!(!fake.requests().iter().any(is_apology), "nobody is told to try again");
    assert_eq!(minutes_of(&t.restart().await, fixtures::USER_ID).await, 25, "the minutes are counted once");
}

#[tokio::test]
async fn unknown_commands_and_stale_options_get_a_kind_answer() {
    let bot = Bot::start(None).await;
    let unknown = bot.answer(fixtures::command("teleport", json!([]))).await;
    assert!(text_of(&unknown).contains("I don't know that command"), "{}", text_of(&unknown));
    let bogus = json!([{ "name": "bogus", "type": 1, "options": [] }]);
    let subcommand = bot.answer(fixtures::command_as_moderator("setup", bogus)).await;
    assert!(text_of(&subcommand).contains("I don't know that command"), "{}", text_of(&subcommand));
    let stale = bot.answer(fixtures::command("checkin", json!([option("minutes", json!("forty"))]))).await;
    assert!(text_of(&stale).contains("couldn't read one of the options"), "{}", text_of(&stale));
    for answer in [&unknown, &subcommand, &stale] {
        assert_eq!(answer.body["data"]["flags"], 64, "errors are ephemeral");
    }
    bot.finish().await;
}

#[tokio::test]
async fn a_shutdown_right_after_a_burst_answers_and_stores_every_interaction() {
    let bot = Bot::start(None).await;
    let members: Vec<u64> = (1..=40).map(|n| fixtures::USER_ID + 1000 + n).collect();
    for member in &members {
        bot.fake.send_interaction(checkin_as(*member, 10)).await;
    }
    // The stop comes the moment the last interaction is on the socket.
    let (fake, t) = bot.stop().await;
    assert_eq!(fake.count("POST", CALLBACK), members.len(), "every interaction answered");
    let app = t.restart().await;
    for member in &members {
        assert_eq!(minutes_of(&app, *member).await, 10, "member {member} stored");
    }
}

#[tokio::test]
async fn a_button_whose_answer_failed_once_is_answered_on_the_second_try() {
    let bot = Bot::start(None).await;
    bot.fake.fail_next("POST", CALLBACK, 502, json!({"code": 0, "message": "502: Bad Gateway"}));
    bot.fake.send_interaction(fixtures::component("roadmap:set:4:done")).await;
    let refused = bot.fake.next_request("POST", CALLBACK, WAIT).await.expect("a first answer, refused");
    let answered = bot.fake.next_request("POST", CALLBACK, WAIT).await.expect("a second try");
    assert_eq!((refused.body["type"].as_u64(), answered.body["type"].as_u64()), (Some(7), Some(7)));
    assert!(text_of(&answered).contains("Done"), "{}", text_of(&answered));
    bot.finish().await;
}
