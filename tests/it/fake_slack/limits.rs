//! Slack's Block Kit limits, as `../shared/SLACK-TESTING.md` lists them: what Slack itself would
//! refuse with `invalid_blocks` or `msg_blocks_too_long`. Each problem is one sentence.

use serde_json::Value;

const BLOCKS_PER_MESSAGE: usize = 50;
const TEXT_OBJECT: usize = 3_000;
const FIELD: usize = 2_000;
const FIELDS: usize = 10;
const HEADER: usize = 150;
const FALLBACK_TEXT: usize = 4_000;
/// Slack has refused all blocks of one message together at about 13,200 characters.
const ALL_BLOCKS: usize = 13_200;
const CONTEXT_ELEMENTS: usize = 10;

/// Everything in one message payload that Slack would refuse.
pub fn message_problems(message: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(text) = message["text"].as_str() {
        check_length(&mut problems, "the message text", text, 1, FALLBACK_TEXT);
    }
    let blocks = message["blocks"].as_array().cloned().unwrap_or_default();
    if blocks.len() > BLOCKS_PER_MESSAGE {
        problems.push(format!("{} blocks in one message (at most {BLOCKS_PER_MESSAGE})", blocks.len()));
    }
    let mut total = 0;
    for (i, block) in blocks.iter().enumerate() {
        total += block_problems(&mut problems, i, block);
    }
    if total > ALL_BLOCKS {
        problems.push(format!("{total} characters in all blocks together (Slack refuses about {ALL_BLOCKS})"));
    }
    problems
}

/// Checks one block; returns its characters of text.
fn block_problems(problems: &mut Vec<String>, i: usize, block: &Value) -> usize {
    let mut characters = 0;
    let mut text_object = |problems: &mut Vec<String>, what: String, object: &Value, max: usize| {
        let text = object["text"].as_str().unwrap_or("");
        check_length(problems, &what, text, 1, max);
        if !matches!(object["type"].as_str(), Some("mrkdwn" | "plain_text")) {
            problems.push(format!("{what}: text object of type {}", object["type"]));
        }
        characters += text.chars().count();
    };
    match block["type"].as_str() {
        Some("header") => {
            text_object(problems, format!("block {i} header"), &block["text"], HEADER);
            if block["text"]["type"] != "plain_text" {
                problems.push(format!("block {i}: a header must be plain_text"));
            }
        }
        Some("section") => {
            if block.get("text").is_none() && block.get("fields").is_none() {
                problems.push(format!("block {i}: a section needs text or fields"));
            }
            if let Some(text) = block.get("text") {
                text_object(problems, format!("block {i} section text"), text, TEXT_OBJECT);
            }
            let fields = block["fields"].as_array().cloned().unwrap_or_default();
            if fields.len() > FIELDS {
                problems.push(format!("block {i}: {} fields (at most {FIELDS})", fields.len()));
            }
            for (j, field) in fields.iter().enumerate() {
                text_object(problems, format!("block {i} field {j}"), field, FIELD);
            }
        }
        Some("context") => {
            let elements = block["elements"].as_array().cloned().unwrap_or_default();
            if elements.is_empty() || elements.len() > CONTEXT_ELEMENTS {
                problems.push(format!("block {i}: {} context elements", elements.len()));
            }
            for (j, element) in elements.iter().enumerate() {
                text_object(problems, format!("block {i} context {j}"), element, TEXT_OBJECT);
            }
        }
        Some("divider") => {}
        other => problems.push(format!("block {i}: a block type this fake does not know: {other:?}")),
    }
    characters
}

fn check_length(problems: &mut Vec<String>, what: &str, text: &str, min: usize, max: usize) {
    let length = text.chars().count();
    if length < min || length > max {
        problems.push(format!("{what} has {length} characters (allowed {min} to {max})"));
    }
}

#[test]
fn the_limits_catch_what_slack_refuses() {
    let too_long = serde_json::json!({
        "text": "fallback",
        "blocks": [
            { "type": "header", "text": { "type": "mrkdwn", "text": "x".repeat(151) } },
            { "type": "section", "text": { "type": "mrkdwn", "text": "" } },
            { "type": "section", "fields": vec![serde_json::json!({ "type": "mrkdwn", "text": "f" }); 11] },
        ],
    });
    let problems = message_problems(&too_long);
    assert_eq!(problems.len(), 4, "{problems:#?}");
    let fine = serde_json::json!({ "text": "t", "blocks": [{ "type": "section", "text": { "type": "mrkdwn", "text": "ok" } }] });
    assert!(message_problems(&fine).is_empty());
}
