//! Every content entry rendered as a Discord embed stays within Discord's limits, checked on
//! the JSON serenity would send (title 256, description 4,096, 25 fields of 1,024, footer 2,048,
//! 6,000 in all).

use crate::common::spawn_app;
use backend_mentor::app::StepView;
use backend_mentor::discord::render::{embed, escape_markdown};
use backend_mentor::domain::StepStatus;
use backend_mentor::present;
use poise::serenity_prelude::CreateEmbed;
use serde_json::Value;

fn chars(value: &Value, key: &str) -> usize {
    value.get(key).and_then(Value::as_str).map_or(0, |s| s.chars().count())
}

/// Returns the problems with one embed, naming it.
fn check(name: &str, embed: CreateEmbed) -> Vec<String> {
    let json = serde_json::to_value(&embed).unwrap();
    let mut problems = Vec::new();
    let mut total = chars(&json, "title") + chars(&json, "description");
    let mut limit = |what: &str, length: usize, max: usize| {
        if length > max {
            problems.push(format!("{name}: {what} is {length} characters (max {max})"));
        }
    };
    limit("title", chars(&json, "title"), 256);
    limit("description", chars(&json, "description"), 4096);
    let fields = json.get("fields").and_then(Value::as_array).cloned().unwrap_or_default();
    limit("field count", fields.len(), 25);
    for field in &fields {
        limit("a field name", chars(field, "name"), 256);
        limit("a field value", chars(field, "value"), 1024);
        total += chars(field, "name") + chars(field, "value");
    }
    if let Some(footer) = json.get("footer") {
        limit("footer", chars(footer, "text"), 2048);
        total += chars(footer, "text");
    }
    limit("the embed in all", total, 6000);
    problems
}

#[tokio::test]
async fn every_entry_renders_within_discord_limits() {
    let t = spawn_app().await;
    let content = t.app.content();
    let mut problems = Vec::new();
    for step in &content.steps {
        let view = StepView {
            step,
            status: StepStatus::Learning,
            total: content.steps.len(),
            topics_done: vec![true; step.checklist.len()],
        };
        problems.extend(check(&format!("step {}", step.number), embed(&present::step_with_progress(&view))));
    }
    for tech in &content.technologies {
        problems.extend(check(&tech.id, embed(&present::technology(tech))));
    }
    for comparison in &content.comparisons {
        let names: Vec<&str> = comparison.items.iter().map(String::as_str).collect();
        let view = t.app.compare(&names).expect("a curated comparison resolves");
        assert!(view.curated.is_some(), "{} should resolve to itself", comparison.id);
        problems.extend(check(&comparison.id, embed(&present::compare(&view))));
    }
    for entry in &content.faq {
        let view = t.app.faq(&entry.question).expect("every question finds an answer");
        problems.extend(check(&entry.id, embed(&present::faq(&view, content.steps.len()))));
    }
    for (i, prompt) in content.prompts.iter().enumerate() {
        let view =
            backend_mentor::app::PromptView { prompt, step: content.step(prompt.step), date: Default::default() };
        problems.extend(check(&format!("prompt {i}"), embed(&present::prompt(&view))));
    }
    problems.extend(check("help", embed(&present::help())));
    for section in backend_mentor::app::CareerSection::ALL {
        problems.extend(check(section.title(), embed(&present::career(t.app.career(), Some(section)))));
    }
    assert!(problems.is_empty(), "embeds over Discord's limits:\n{}", problems.join("\n"));
}

#[tokio::test]
async fn every_faq_question_finds_its_own_entry() {
    let t = spawn_app().await;
    for entry in &t.app.content().faq {
        let view = t.app.faq(&entry.question).unwrap();
        match view.answer {
            backend_mentor::app::FaqAnswer::Entry { entry: found, .. } => assert_eq!(found.id, entry.id),
            _ => panic!("{} answered with something else", entry.id),
        }
    }
}

#[test]
fn user_typed_text_cannot_format_or_ping() {
    let escaped = escape_markdown("**hi** @everyone <@123>");
    assert_eq!(escaped, "\\*\\*hi\\*\\* \\@everyone \\<\\@123\\>");
}
