//! Scheduled sends under Discord faults, through the fake: a DM delivered whose answer was a
//! 500 is never sent again (at most once), DMs carry an enforced nonce, and a 429 holds the
//! next post for as long as Discord said. The bot's clock is fixed at 12:00 UTC; ticks are 1 s.

use crate::discord_e2e::{option, Bot, WAIT};
use crate::fake_discord::{fixtures, RecordedRequest};
use backend_mentor::config::SchedulerConfig;
use serde_json::json;
use std::time::{Duration, Instant};

const MESSAGES: &str = "/api/v10/channels/*/messages";

fn fast_ticks() -> SchedulerConfig {
    SchedulerConfig { tick_seconds: 1, ..SchedulerConfig::default() }
}

/// Turns on an 11:30 UTC nudge (due at once) for another member of the fixture guild.
fn nudges_on_as(user_id: u64) -> serde_json::Value {
    let options = json!([option("nudges", json!(0)), option("time", json!("11:30")), option("timezone", json!("UTC"))]);
    let mut interaction = fixtures::command("settings", options);
    interaction["member"]["user"]["id"] = json!(user_id.to_string());
    interaction
}

fn messages_sent(requests: &[RecordedRequest]) -> Vec<&RecordedRequest> {
    requests.iter().filter(|r| r.method == "POST" && r.path.starts_with("/api/v10/channels/")).collect()
}

#[tokio::test]
async fn a_dm_delivered_but_answered_with_a_500_is_not_sent_again() {
    let bot = Bot::start_with(None, fast_ticks()).await;
    let members = [fixtures::USER_ID + 1, fixtures::USER_ID + 2, fixtures::USER_ID + 3];
    let lost = json!({"code": 0, "message": "500: Internal Server Error"});
    for _ in members {
        bot.fake.deliver_then_fail_next("POST", MESSAGES, 500, lost.clone());
    }
    for member in members {
        bot.answer(nudges_on_as(member)).await;
    }
    let deadline = Instant::now() + WAIT;
    while messages_sent(&bot.fake.requests()).len() < members.len() && Instant::now() < deadline {
        bot.fake.next_request("POST", MESSAGES, Duration::from_millis(500)).await.ok();
    }
    // A few more ticks (bounded polling): a released claim would be sent again in one of them.
    let more_ticks = Instant::now() + Duration::from_millis(3500);
    while messages_sent(&bot.fake.requests()).len() <= members.len() && Instant::now() < more_ticks {
        bot.fake.next_request("POST", MESSAGES, Duration::from_millis(250)).await.ok();
    }
    let (fake, _t) = bot.stop().await;
    let requests = fake.requests();
    let sent = messages_sent(&requests);
    let paths: Vec<&str> = sent.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(sent.len(), members.len(), "one DM per member, however the answer went: {paths:?}");
    let mut channels: Vec<&str> = sent.iter().map(|r| r.path.as_str()).collect();
    channels.sort();
    channels.dedup();
    assert_eq!(channels.len(), members.len(), "each member's DM channel got one message");
    for dm in &sent {
        assert!(dm.body["nonce"].is_string() && dm.body["enforce_nonce"] == true, "{}", dm.body);
    }
}

#[tokio::test]
async fn after_a_429_the_next_post_waits_what_discord_said() {
    let bot = Bot::start_with(None, fast_ticks()).await;
    let slow_down = json!({"message": "You are being rate limited.", "retry_after": 2.5, "global": true});
    bot.fake.fail_next("POST", MESSAGES, 429, slow_down);
    let channel = fixtures::CHANNEL_ID.to_string();
    let options = json!([{ "name": "prompts", "type": 1, "options": [
        { "name": "channel", "type": 7, "value": channel },
        option("time", json!("11:00")),
        option("timezone", json!("UTC")),
    ]}]);
    let mut setup = fixtures::command_as_moderator("setup", options);
    setup["data"]["resolved"] = json!({ "channels": { channel.clone(): {
        "id": channel, "name": "learning", "type": 0, "permissions": "1024"
    }}});
    bot.answer(setup).await;
    let refused = bot.fake.next_request("POST", MESSAGES, WAIT).await.expect("a first post, refused");
    let posted = bot.fake.next_request("POST", MESSAGES, WAIT).await.expect("the post, once the wait is over");
    let waited = posted.received_at - refused.received_at;
    assert!(waited >= Duration::from_millis(2500), "posted again {waited:?} after a 429 asking for 2.5 s");
    bot.finish().await;
}
