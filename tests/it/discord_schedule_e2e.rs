//! Scheduled sends end to end through the fake Discord: a moderator sets up the daily prompt
//! and it is posted in the channel; a member turns nudges on, the DM channel is opened and the
//! nudge sent; the nudge's button checks the member in. The bot's clock is fixed at 12:00 UTC.

use crate::discord_e2e::{embed, option, text_of, Bot, WAIT};
use crate::fake_discord::fixtures;
use backend_mentor::config::SchedulerConfig;
use serde_json::json;

fn fast_ticks() -> SchedulerConfig {
    SchedulerConfig { tick_seconds: 1, ..SchedulerConfig::default() }
}

#[tokio::test]
async fn the_daily_prompt_is_posted_in_the_chosen_channel() {
    let bot = Bot::start_with(None, fast_ticks()).await;
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
    let answer = bot.answer(setup).await;
    assert!(text_of(&answer).contains("Next posts"), "{}", text_of(&answer));

    let post = bot.fake.next_request("POST", "/api/v10/channels/*/messages", WAIT).await.expect("the prompt is posted");
    assert_eq!(post.path, format!("/api/v10/channels/{}/messages", fixtures::CHANNEL_ID));
    assert!(post.body["embeds"][0]["title"].as_str().unwrap().starts_with("Today's prompt"));
    bot.finish().await;
}

#[tokio::test]
async fn a_nudge_arrives_by_dm_and_its_button_checks_the_member_in() {
    let bot = Bot::start_with(None, fast_ticks()).await;
    let options = json!([option("nudges", json!(0)), option("time", json!("11:30"))]);
    let answer = bot.answer(fixtures::command("settings", options)).await;
    assert!(text_of(&answer).contains("Study nudges"), "{}", text_of(&answer));

    let dm = bot.fake.next_request("POST", "/api/v10/users/@me/channels", WAIT).await.expect("a DM channel is opened");
    assert_eq!(dm.body["recipient_id"], fixtures::USER_ID.to_string());
    let nudge = bot.fake.next_request("POST", "/api/v10/channels/*/messages", WAIT).await.expect("the nudge is sent");
    assert!(nudge.body["embeds"][0]["description"].as_str().unwrap().contains("haven't checked in"));
    let button = nudge.body["components"][0]["components"][0]["custom_id"].as_str().unwrap().to_string();

    let click = bot.answer(fixtures::component(&button)).await;
    assert_eq!(click.body["type"], 7);
    assert!(embed(&click)["description"].as_str().unwrap().contains("Checked in"), "{}", text_of(&click));
    bot.finish().await;
}

#[tokio::test]
async fn closed_direct_messages_stop_the_nudges_and_the_member_is_told_at_their_next_command() {
    let bot = Bot::start_with(None, fast_ticks()).await;
    let cannot_dm = json!({ "code": 50007, "message": "Cannot send messages to this user" });
    bot.fake.fail_next("POST", "/api/v10/channels/*/messages", 403, cannot_dm);
    bot.answer(fixtures::command("settings", json!([option("nudges", json!(0)), option("time", json!("11:30"))])))
        .await;
    bot.fake.next_request("POST", "/api/v10/channels/*/messages", WAIT).await.expect("the nudge was attempted");

    // The notice is a follow-up after the next command's own answer.
    let deadline = std::time::Instant::now() + WAIT;
    let notice = loop {
        bot.answer(fixtures::command("help", json!([]))).await;
        match bot.fake.next_request("POST", "/api/v10/webhooks/*/*", std::time::Duration::from_millis(500)).await {
            Ok(followup) => break followup,
            Err(_) if std::time::Instant::now() < deadline => continue,
            Err(e) => panic!("no notice: {e}"),
        }
    };
    assert!(notice.body.to_string().contains("direct messages are closed"), "{}", notice.body);
    bot.finish().await;
}
