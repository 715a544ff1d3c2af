//! The layer rules ARCHITECTURE.md promises, checked on the sources: storage is named only by
//! `app/` and `storage/`; the core (domain, content, heatmap, app, commands, present, error.rs)
//! names no platform crate, no adapter, no platform command syntax and no platform limit; and
//! no adapter imports another.

use std::fs;
use std::path::Path;

/// The folders and files that make up the core every front end shares.
const CORE: &[&str] =
    &["src/domain", "src/content", "src/heatmap", "src/app", "src/commands", "src/present", "src/error.rs"];
/// What only a platform adapter may name.
const PLATFORM_WORDS: &[&str] =
    &["serenity", "poise", "slack_morphism", "crate::discord", "crate::console", "crate::slack", "Manage Server"];
/// Discord's message limits, which belong to its renderer.
const PLATFORM_LIMITS: &[&str] = &["4096", "6000"];
const ADAPTERS: &[&str] = &["discord", "console", "slack"];
/// Who may name the storage layer.
const STORAGE_USERS: &[&str] = &["src/app/", "src/storage/", "src/lib.rs"];

/// Every `.rs` file under `src/`, as (path relative to the crate, text).
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![root.join("src")];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                files.push((name, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files
}

/// The code of a file without its comments: lines starting with `//` are dropped.
fn code(text: &str) -> String {
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// String literals on each code line (a plain scan: enough for this codebase's literals).
fn literals(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in code(text).lines() {
        let mut inside: Option<String> = None;
        let mut escaped = false;
        let mut previous = ' ';
        for c in line.chars() {
            match (&mut inside, c) {
                (Some(current), _) if escaped => {
                    current.push(c);
                    escaped = false;
                }
                (Some(_), '\\') => escaped = true,
                (Some(current), '"') => {
                    found.push(std::mem::take(current));
                    inside = None;
                }
                (Some(current), _) => current.push(c),
                (None, '"') => inside = Some(String::new()),
                (None, '/') if previous == '/' => break,
                (None, _) => {}
            }
            previous = c;
        }
    }
    found
}

/// A command as a platform writes it: a slash at a word's start, then a lowercase word.
fn has_command_syntax(literal: &str) -> bool {
    let chars: Vec<char> = literal.chars().collect();
    chars.windows(3).enumerate().any(|(i, w)| {
        let at_word_start = i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(';
        w[0] == '/' && at_word_start && w[1].is_ascii_lowercase() && w[2].is_ascii_lowercase()
    })
}

fn is_core(name: &str) -> bool {
    CORE.iter().any(|c| name.starts_with(c))
}

#[test]
fn storage_is_named_only_by_app_and_storage() {
    let offences: Vec<String> = sources()
        .into_iter()
        .filter(|(name, _)| !STORAGE_USERS.iter().any(|allowed| name.starts_with(allowed)))
        .filter(|(_, text)| code(text).contains("storage::") || code(text).contains("Store"))
        .map(|(name, _)| name)
        .collect();
    assert!(offences.is_empty(), "only app/ and storage/ may name the store: {offences:?}");
}

#[test]
fn the_core_names_no_platform_and_writes_no_command_syntax() {
    let mut offences = Vec::new();
    for (name, text) in sources().into_iter().filter(|(name, _)| is_core(name)) {
        let code = code(&text);
        for word in PLATFORM_WORDS.iter().chain(PLATFORM_LIMITS) {
            if code.contains(word) {
                offences.push(format!("{name} names {word}"));
            }
        }
        for literal in literals(&text).into_iter().filter(|l| has_command_syntax(l) || l.contains("Discord")) {
            offences.push(format!("{name} writes platform syntax in {literal:?}"));
        }
    }
    assert!(offences.is_empty(), "the core must not know a platform: {offences:#?}");
}

#[test]
fn no_adapter_imports_another() {
    let mut offences = Vec::new();
    for (name, text) in sources() {
        let Some(own) = ADAPTERS.iter().find(|a| name.starts_with(&format!("src/{a}"))) else { continue };
        for other in ADAPTERS.iter().filter(|a| *a != own) {
            if code(&text).contains(&format!("crate::{other}")) {
                offences.push(format!("{name} imports crate::{other}"));
            }
        }
    }
    assert!(offences.is_empty(), "adapters talk only to the core: {offences:?}");
}

#[test]
fn the_checks_themselves_can_fail() {
    assert!(has_command_syntax("turn them on with /settings nudges:on"));
    assert!(has_command_syntax("(/checkin)"));
    assert!(!has_command_syntax("Europe/Berlin and ../../assets/font"));
    assert_eq!(literals("let a = \"x\\\"y\"; // \"not this\"\n// \"nor this\""), vec!["x\"y".to_string()]);
    assert_eq!(code("a\n  // b\nc"), "a\nc");
}
