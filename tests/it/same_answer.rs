//! One question, three front ends: the console, the real poise client on the fake Discord and
//! the real slack-morphism client on the fake Slack give the same answer text, markup and each
//! platform's command syntax aside. The words come from the shared wording, so a sentence changed
//! for one front end changes for all; this test fails if an adapter writes its own.

use crate::common::at;
use crate::discord_e2e::{embed, option, Bot};
use crate::fake_discord::fixtures;
use crate::slack_bot::{unmarked, words, SlackBot};
use backend_mentor::clock::Clock;
use backend_mentor::console::Console;
use serde_json::{json, Value};

/// A Discord embed's words in reading order: title, description, fields, footer.
fn embed_words(embed: &Value) -> String {
    let mut parts = vec![embed["title"].as_str().unwrap_or(""), embed["description"].as_str().unwrap_or("")];
    for field in embed["fields"].as_array().into_iter().flatten() {
        parts.push(field["name"].as_str().unwrap_or(""));
        parts.push(field["value"].as_str().unwrap_or(""));
    }
    parts.push(embed["footer"]["text"].as_str().unwrap_or(""));
    unmarked(&parts.join("\n"))
}

/// The console's answer to `typed`, with its commands written the way Slack writes them.
async fn console_words(console: &Console, typed: &str) -> (String, String) {
    let text = console.handle(typed).await.text;
    let as_slack = unmarked(&text.replace('/', "/mentor ")).replace("mentormentor", "mentor");
    (unmarked(&text), as_slack)
}

#[tokio::test]
async fn the_console_discord_and_slack_answer_a_question_with_the_same_words() {
    let discord = Bot::start(None).await;
    let slack = SlackBot::start().await;
    let console = Console::new(slack.t.app.clone(), "ada", Clock::fixed(at(2026, 3, 2, 12, 0)));
    let cases = [
        (
            "/faq how do I get my first backend job",
            "faq",
            json!([option("question", json!("how do I get my first backend job"))]),
        ),
        (
            "/compare postgresql mongodb",
            "compare",
            json!([option("a", json!("postgresql")), option("b", json!("mongodb"))]),
        ),
    ];
    for (typed, name, options) in cases {
        let (console_text, console_as_slack) = console_words(&console, typed).await;
        let on_discord = discord.answer(fixtures::command(name, options)).await;
        let on_slack = slack.mentor("U0ADA", typed.trim_start_matches('/')).await;
        assert!(console_text.len() > 150, "{typed}: a real answer, not an apology: {console_text}");
        assert_eq!(embed_words(embed(&on_discord)), console_text, "{typed}: Discord and the console");
        assert_eq!(words(&on_slack), console_as_slack, "{typed}: Slack and the console");
    }
    discord.finish().await;
    slack.finish().await;
}
