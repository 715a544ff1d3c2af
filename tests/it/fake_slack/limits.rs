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
const ACTIONS_ELEMENTS: usize = 25;
const BUTTON_TEXT: usize = 75;
const OPTION_TEXT: usize = 75;
const OPTION_VALUE: usize = 150;
const OPTIONS: usize = 100;
const PLACEHOLDER: usize = 150;
const ACTION_ID: usize = 255;

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
    let mut ids = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        total += block_problems(&mut problems, i, block);
        let elements = block["elements"].as_array().filter(|_| block["type"] == "actions").cloned().unwrap_or_default();
        for element in elements.iter().chain(block.get("accessory")) {
            element_problems(&mut problems, &format!("block {i} {}", element["type"]), element, &mut ids);
        }
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
        Some("actions") => {
            let count = block["elements"].as_array().map_or(0, Vec::len);
            if count == 0 || count > ACTIONS_ELEMENTS {
                problems.push(format!("block {i}: {count} actions elements (1 to {ACTIONS_ELEMENTS})"));
            }
        }
        Some("divider") => {}
        other => problems.push(format!("block {i}: a block type this fake does not know: {other:?}")),
    }
    characters
}

/// A button or a multi-select: the texts, options and ids Slack checks. `ids` collects the
/// message's action ids, which Slack wants unique.
fn element_problems(problems: &mut Vec<String>, what: &str, element: &Value, ids: &mut Vec<String>) {
    let id = element["action_id"].as_str().unwrap_or("");
    check_length(problems, &format!("{what} action_id"), id, 1, ACTION_ID);
    if ids.iter().any(|seen| seen == id) {
        problems.push(format!("{what}: action_id {id} appears twice"));
    }
    ids.push(id.to_string());
    let plain = |problems: &mut Vec<String>, name: &str, object: &Value, max: usize| {
        if object["type"] != "plain_text" {
            problems.push(format!("{what} {name} must be plain_text"));
        }
        check_length(problems, &format!("{what} {name}"), object["text"].as_str().unwrap_or(""), 1, max);
    };
    match element["type"].as_str() {
        Some("button") => plain(problems, "text", &element["text"], BUTTON_TEXT),
        Some("multi_static_select") => {
            plain(problems, "placeholder", &element["placeholder"], PLACEHOLDER);
            let options = element["options"].as_array().cloned().unwrap_or_default();
            if options.is_empty() || options.len() > OPTIONS {
                problems.push(format!("{what}: {} options (1 to {OPTIONS})", options.len()));
            }
            for option in &options {
                plain(problems, "option", &option["text"], OPTION_TEXT);
                check_length(
                    problems,
                    &format!("{what} option value"),
                    option["value"].as_str().unwrap_or(""),
                    1,
                    OPTION_VALUE,
                );
            }
            for initial in element["initial_options"].as_array().into_iter().flatten() {
                if !options.contains(initial) {
                    problems.push(format!("{what}: an initial option that is not among the options"));
                }
            }
            if element["max_selected_items"].as_u64().is_some_and(|most| most < 1) {
                problems.push(format!("{what}: max_selected_items below 1"));
            }
        }
        other => problems.push(format!("{what}: an element type this fake does not know: {other:?}")),
    }
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
