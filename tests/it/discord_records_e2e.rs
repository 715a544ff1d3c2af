//! The streak, board and privacy commands end to end through the fake Discord: the heatmap
//! arrives as a PNG attachment, leaderboards are refused to members by default and page for
//! moderators, the export is a JSON file, and delete asks for a confirmation first.

use crate::discord_e2e::{embed, option, text_of, Bot};
use crate::fake_discord::fixtures;
use serde_json::json;

#[tokio::test]
async fn streak_attaches_a_heatmap_png_and_explains_the_rules() {
    let bot = Bot::start(None).await;
    bot.answer(fixtures::command("checkin", json!([option("minutes", json!(25))]))).await;
    let answer = bot.answer(fixtures::command("streak", json!([]))).await;
    let (name, png) = answer.files.first().expect("the heatmap is attached");
    assert_eq!(name, "heatmap.png");
    assert!(png.starts_with(b"\x89PNG"), "a real PNG");
    assert_eq!(embed(&answer)["image"]["url"], "attachment://heatmap.png");
    assert!(text_of(&answer).contains("Freezes"));

    let rules = bot.answer(fixtures::command("streak", json!([option("about", json!(0))]))).await;
    assert!(embed(&rules)["title"].as_str().unwrap().contains("How streaks work"));
    bot.finish().await;
}

#[tokio::test]
async fn leaderboards_are_for_moderators_by_default_and_page_with_buttons() {
    let bot = Bot::start(None).await;
    let refused = bot.answer(fixtures::command("leaderboard", json!([]))).await;
    assert!(text_of(&refused).contains("moderators only"), "{}", text_of(&refused));

    bot.answer(fixtures::command("checkin", json!([]))).await;
    let board = bot.answer(fixtures::command_as_moderator("leaderboard", json!([]))).await;
    assert!(embed(&board)["title"].as_str().unwrap().starts_with("Leaderboard"), "{}", text_of(&board));
    assert!(text_of(&board).contains(&fixtures::USER_ID.to_string()), "the member who checked in is ranked");
    let next = &board.body["data"]["components"][0]["components"][1];
    assert_eq!(next["disabled"], true, "one page only");
    bot.finish().await;
}

#[tokio::test]
async fn privacy_export_is_a_json_file_and_delete_needs_a_confirmation() {
    let bot = Bot::start(None).await;
    bot.answer(fixtures::command("checkin", json!([option("note", json!("joins"))]))).await;
    let export = bot.answer(fixtures::command("privacy", json!([option("action", json!(0))]))).await;
    let (name, bytes) = export.files.first().expect("the export is attached");
    assert!(name.ends_with(".json"));
    let data: serde_json::Value = serde_json::from_slice(bytes).expect("valid JSON");
    assert!(data.to_string().contains("joins"), "the note is in the export");

    let ask = bot.answer(fixtures::command("privacy", json!([option("action", json!(1))]))).await;
    assert_eq!(ask.body["data"]["components"][0]["components"][0]["custom_id"], "privacy:delete");
    let streak_before = bot.t.app.streak(&member(), crate::common::at(2026, 3, 2, 12, 0)).await.unwrap();
    assert_eq!(streak_before.summary.total_days, 1, "nothing is deleted before the confirmation");
    let done = bot.answer(fixtures::component("privacy:delete")).await;
    assert!(text_of(&done).contains("deleted"), "{}", text_of(&done));
    let after = bot.t.app.streak(&member(), crate::common::at(2026, 3, 2, 12, 0)).await.unwrap();
    assert_eq!(after.summary.total_days, 0);
    bot.finish().await;
}

#[tokio::test]
async fn a_moderator_can_add_a_missed_day_with_a_reason() {
    let bot = Bot::start(None).await;
    let options = json!([
        option("action", json!(0)),
        { "name": "member", "type": 6, "value": fixtures::USER_ID.to_string() },
        option("date", json!("2026-03-01")),
        option("reason", json!("the bot was down during the outage")),
    ]);
    let mut correct = fixtures::command_as_moderator("correct", options);
    correct["data"]["resolved"] =
        json!({ "users": { fixtures::USER_ID.to_string(): fixtures::user(fixtures::USER_ID, "learner") } });
    let answer = bot.answer(correct).await;
    assert!(text_of(&answer).contains("2026-03-01 was added"), "{}", text_of(&answer));
    bot.finish().await;
}

fn member() -> backend_mentor::domain::MemberRef {
    backend_mentor::domain::MemberRef::new(
        backend_mentor::domain::Platform::Discord,
        fixtures::GUILD_ID.to_string(),
        fixtures::USER_ID.to_string(),
    )
}
