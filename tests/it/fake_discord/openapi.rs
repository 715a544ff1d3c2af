//! Checks request bodies against Discord's own OpenAPI 3.1 description (`../shared/discord-openapi.json`).
//! A request is matched to an operation by method and path template; its `application/json` request
//! schema is validated with `jsonschema`, using the whole document as the schema plus a top-level `$ref`
//! to the operation's schema, so the document's internal `$ref`s resolve. The document is read once and
//! each operation's validator is compiled once per test process (compiling is slow), then cached.
//! Violations are returned as readable strings; a union the body fails (`anyOf`/`oneOf`) is reported
//! through the alternative the body was most likely meant to be, not as one unreadable line.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::error::ValidationErrorKind;
use jsonschema::{Draft, ValidationError, Validator};
use serde_json::Value;

const SPEC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/discord-openapi.json");
const API_PREFIX: &str = "/api/v10";
const HTTP_METHODS: &[&str] = &["get", "put", "post", "patch", "delete"];
/// Violation messages quote the offending value; past this many characters they are cut.
const MAX_MESSAGE_CHARS: usize = 300;

struct Spec {
    document: Value,
    /// (upper-case method, path template) of every operation.
    operations: Vec<(String, String)>,
}

fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let text = std::fs::read_to_string(SPEC_PATH).unwrap_or_else(|e| panic!("cannot read {SPEC_PATH}: {e}"));
        let document: Value = serde_json::from_str(&text).expect("the OpenAPI document is JSON");
        let paths = document["paths"].as_object().expect("the OpenAPI document has paths");
        let operations = paths
            .iter()
            .flat_map(|(template, item)| {
                let methods = item.as_object().into_iter().flat_map(|ops| ops.keys());
                methods.filter(|m| HTTP_METHODS.contains(&m.as_str())).map(|m| (m.to_uppercase(), template.clone()))
            })
            .collect();
        Spec { document, operations }
    })
}

/// The path template of the operation a request belongs to: same method, same number of segments, every
/// literal segment equal. Where several match (`messages/@original` and `messages/{message_id}`), the one
/// with the most literal segments wins, as Discord routes it.
pub(super) fn operation_template(method: &str, path: &str) -> Option<&'static str> {
    let path = path.strip_prefix(API_PREFIX)?;
    let segments: Vec<&str> = path.split('/').collect();
    let literal_matches = |template: &str| {
        let parts: Vec<&str> = template.split('/').collect();
        let fits = parts.len() == segments.len()
            && parts.iter().zip(&segments).all(|(part, segment)| part.starts_with('{') || part == segment);
        fits.then(|| parts.iter().filter(|part| !part.starts_with('{')).count())
    };
    let candidates = spec().operations.iter().filter(|(m, _)| m.eq_ignore_ascii_case(method));
    let scored = candidates.filter_map(|(_, template)| Some((literal_matches(template)?, template.as_str())));
    scored.max_by_key(|(score, _)| *score).map(|(_, template)| template)
}

/// The schema violations of one request body, each as "METHOD /path: /json/pointer: message".
pub(super) fn check(method: &str, path: &str, body: &Value) -> Vec<String> {
    let Some(template) = operation_template(method, path) else {
        return Vec::new(); // Routes Discord does not have are reported by the router.
    };
    if body.is_null() {
        return Vec::new();
    }
    let label = format!("{method} {path}");
    let escaped = template.replace('~', "~0").replace('/', "~1");
    let pointer = format!("/paths/{escaped}/{}/requestBody/content/application~1json/schema", method.to_lowercase());
    if spec().document.pointer(&pointer).is_none() {
        return vec![format!("{label}: sends a body, but Discord's {method} {template} takes none")];
    }
    let mut body = body.clone();
    if template.contains("/commands") {
        allow_string_permissions(&mut body);
    }
    allow_numeric_attachment_ids(&mut body);
    let messages: Vec<String> =
        with_validator(&pointer, |validator| validator.iter_errors(&body).flat_map(|e| describe(&e)).collect());
    messages.into_iter().map(|message| format!("{label}: {message}")).collect()
}

/// Discord's description types `default_member_permissions` as an integer, but Discord's documentation
/// calls it a string bitfield, every client (serenity included) sends a string, and Discord accepts it.
/// This one known difference is allowed explicitly: a string of digits in that field of a command (or of
/// each command of a bulk overwrite) becomes the integer before validating. Anything else stays as sent.
fn allow_string_permissions(body: &mut Value) {
    let commands: Vec<&mut Value> = match body {
        Value::Array(items) => items.iter_mut().collect(),
        other => vec![other],
    };
    for command in commands {
        if let Some(field) = command.get_mut("default_member_permissions") {
            if let Some(bits) = field.as_str().and_then(|s| s.parse::<u64>().ok()) {
                *field = Value::from(bits);
            }
        }
    }
}

/// Discord's description types an attachment's `id` in a message body as a snowflake string, but a new
/// upload is named by its index in the multipart body (`files[0]` is `{"id": 0}`), as Discord's own
/// "Uploading Files" examples show and serenity sends. This second known difference is allowed
/// explicitly: a non-negative integer id in a message's `attachments` (or an interaction answer's
/// `data.attachments`) becomes its string before validating.
fn allow_numeric_attachment_ids(body: &mut Value) {
    let message = if body.get("attachments").is_some() { Some(body) } else { body.get_mut("data") };
    let attachments = message.and_then(|m| m.get_mut("attachments")).and_then(Value::as_array_mut);
    for attachment in attachments.into_iter().flatten() {
        if let Some(index) = attachment["id"].as_u64() {
            attachment["id"] = Value::String(index.to_string());
        }
    }
}

/// One operation's validator, compiled on first use.
type ValidatorCell = Arc<OnceLock<Validator>>;

/// Runs `use_it` with the validator for the schema at `pointer`, compiled at most once per process.
fn with_validator<T>(pointer: &str, use_it: impl FnOnce(&Validator) -> T) -> T {
    static CACHE: OnceLock<Mutex<HashMap<String, ValidatorCell>>> = OnceLock::new();
    // The map lock is held only to find the operation's cell, so a slow compile of one operation does
    // not hold up requests to another; the cell makes concurrent first uses wait for a single compile.
    let cell = Arc::clone(CACHE.get_or_init(Default::default).lock().unwrap().entry(pointer.to_string()).or_default());
    use_it(cell.get_or_init(|| compile(pointer)))
}

fn compile(pointer: &str) -> Validator {
    let mut schema = spec().document.clone();
    // Path templates contain `{` and `}`, which are not allowed in a URI fragment unless percent-encoded.
    let fragment = pointer.replace('{', "%7B").replace('}', "%7D");
    schema["$ref"] = Value::String(format!("#{fragment}"));
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the schema at {pointer} does not compile: {e}"))
}

fn describe(error: &ValidationError) -> Vec<String> {
    match &error.kind {
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context }
            if !context.is_empty() =>
        {
            closest_alternative(error.instance_path.as_str(), context).iter().flat_map(describe).collect()
        }
        _ => {
            let at = error.instance_path.as_str();
            vec![format!("{}: {}", if at.is_empty() { "/" } else { at }, shorten(&error.to_string()))]
        }
    }
}

/// The alternative of a union the value was most likely meant to be. An alternative whose errors sit at
/// the union's own level (the value is not even of its type, e.g. `null` for an object) or at its `type`
/// field (Discord's unions are told apart by `type`) does not fit; among those that fit, the one with the
/// fewest errors wins.
fn closest_alternative<'a>(at: &str, context: &'a [Vec<ValidationError<'static>>]) -> &'a [ValidationError<'static>] {
    let discriminator = format!("{at}/type");
    let misfits = |errors: &Vec<ValidationError>| {
        errors.iter().filter(|e| [at, discriminator.as_str()].contains(&e.instance_path.as_str())).count()
    };
    context.iter().min_by_key(|errors| (misfits(errors), errors.len())).map(Vec::as_slice).unwrap_or_default()
}

fn shorten(message: &str) -> String {
    if message.chars().count() <= MAX_MESSAGE_CHARS {
        return message.to_string();
    }
    let cut: String = message.chars().take(MAX_MESSAGE_CHARS).collect();
    format!("{cut}…")
}
