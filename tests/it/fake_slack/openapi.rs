//! Each Web API call checked against Slack's own OpenAPI description
//! (`../shared/slack/slack_web_openapi_v2.json`): the method exists, is called with its HTTP
//! verb, and carries every argument the description marks required (the token travels as the
//! `Authorization: Bearer` header, which Slack accepts in place of the `token` argument).

use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

static SPEC: LazyLock<Value> = LazyLock::new(|| {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/slack/slack_web_openapi_v2.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("Slack's OpenAPI description beside the project"))
        .expect("Slack's OpenAPI description is JSON")
});

/// What Slack would refuse about this call: `arguments` are the query and body fields together.
pub fn call_problems(method: &str, verb: &str, arguments: &HashMap<String, String>, bearer: bool) -> Vec<String> {
    let Some(operation) = SPEC["paths"][format!("/{method}")].get(verb.to_lowercase()) else {
        return vec![format!("{verb} {method} is not in Slack's Web API")];
    };
    let mut problems = Vec::new();
    for parameter in operation["parameters"].as_array().into_iter().flatten() {
        let name = parameter["name"].as_str().unwrap_or("");
        if parameter["required"] != true {
            continue;
        }
        let present =
            if name == "token" { bearer || arguments.contains_key(name) } else { arguments.contains_key(name) };
        if !present {
            problems.push(format!("{method} without its required argument {name}"));
        }
    }
    problems
}

#[test]
fn users_info_needs_a_token_and_an_unknown_method_is_refused() {
    let none = HashMap::new();
    assert_eq!(
        call_problems("users.info", "GET", &none, false),
        vec!["users.info without its required argument token"]
    );
    assert!(call_problems("users.info", "GET", &none, true).is_empty());
    assert_eq!(call_problems("users.nonsense", "GET", &none, true).len(), 1);
    let post = HashMap::from([("channel".to_string(), "C1".to_string())]);
    assert_eq!(call_problems("chat.postMessage", "POST", &post, true), Vec::<String>::new());
}
