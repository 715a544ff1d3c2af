//! Documented Discord limits that the OpenAPI schema cannot express, checked on every request body:
//! the characters of an embed (title, description, field names and values, footer text, author name)
//! may total at most 6000, and so may all embeds of one message together; and the characters of a
//! command's names, descriptions and choice values, options and sub-commands included, may total at
//! most 8000 (Discord's documented figure; older docs said 4000, so a command near either is suspect).

use serde_json::Value;

const EMBED_TOTAL: usize = 6000;
const COMMAND_TOTAL: usize = 8000;

/// The limit violations of one request body, each as "METHOD /path: message".
pub(super) fn check(method: &str, path: &str, body: &Value) -> Vec<String> {
    let label = format!("{method} {path}");
    let mut found = embed_problems(body);
    if path.ends_with("/commands") && method == "PUT" {
        let commands = body.as_array().map(Vec::as_slice).unwrap_or_default();
        found.extend(commands.iter().filter_map(command_problem));
    }
    found.into_iter().map(|problem| format!("{label}: {problem}")).collect()
}

/// The embeds of a message body; an interaction callback carries its message under `data`.
fn embeds(body: &Value) -> &[Value] {
    let list = body.get("embeds").or_else(|| body.get("data").and_then(|d| d.get("embeds")));
    list.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default()
}

fn embed_problems(body: &Value) -> Vec<String> {
    let sizes: Vec<usize> = embeds(body).iter().map(embed_chars).collect();
    let mut found: Vec<String> = sizes
        .iter()
        .enumerate()
        .filter(|(_, size)| **size > EMBED_TOTAL)
        .map(|(i, size)| format!("embed {i} has {size} characters; Discord allows {EMBED_TOTAL} per embed"))
        .collect();
    let total: usize = sizes.iter().sum();
    if total > EMBED_TOTAL {
        found.push(format!("the embeds have {total} characters together; Discord allows {EMBED_TOTAL} per message"));
    }
    found
}

fn chars(value: &Value, pointer: &str) -> usize {
    value.pointer(pointer).and_then(Value::as_str).map_or(0, |s| s.chars().count())
}

/// The characters Discord counts towards an embed's 6000.
pub(super) fn embed_chars(embed: &Value) -> usize {
    let fields = embed.get("fields").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let field_chars: usize = fields.iter().map(|f| chars(f, "/name") + chars(f, "/value")).sum();
    ["/title", "/description", "/footer/text", "/author/name"].iter().map(|p| chars(embed, p)).sum::<usize>()
        + field_chars
}

fn command_problem(command: &Value) -> Option<String> {
    let total = command_chars(command);
    let name = command["name"].as_str().unwrap_or("?");
    (total > COMMAND_TOTAL).then(|| {
        format!(
            "command {name} has {total} characters in names, descriptions and values; Discord allows {COMMAND_TOTAL}"
        )
    })
}

/// Name, description and string choice values of a command or option, with its options and choices.
fn command_chars(item: &Value) -> usize {
    let own = chars(item, "/name") + chars(item, "/description");
    let choices = item.get("choices").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let choice_chars: usize = choices.iter().map(|c| chars(c, "/name") + chars(c, "/value")).sum();
    let options = item.get("options").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    own + choice_chars + options.iter().map(command_chars).sum::<usize>()
}
