//! Architecture invariants a machine can check: every source file opens with a `//!` paragraph,
//! the pure layers (`domain/`, `content/`) name no platform, database, runtime or clock, SQL
//! stays in `storage/`, and files stay small enough to read.

use std::fs;
use std::path::{Path, PathBuf};

const PURE_LAYERS: &[&str] = &["src/domain", "src/content"];
/// `Platform::Slack` is a domain fact; what must stay out is the Slack adapter and its crates.
const FORBIDDEN_IN_PURE: &[&str] =
    &["serenity", "poise", "sqlx", "tokio", "Utc::now", "slack::", "slack_morphism", "crate::slack"];
const MAX_LINES: usize = 350;

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

fn all_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = rust_files(&root.join("src"));
    files.extend(rust_files(&root.join("tests")));
    for optional in ["benches", "examples"] {
        if root.join(optional).exists() {
            files.extend(rust_files(&root.join(optional)));
        }
    }
    files
}

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

#[test]
fn every_source_file_opens_with_a_doc_paragraph() {
    let missing: Vec<String> = all_sources()
        .into_iter()
        .filter(|p| !fs::read_to_string(p).unwrap().trim_start().starts_with("//!"))
        .map(|p| relative(&p))
        .collect();
    assert!(missing.is_empty(), "files without an opening //! paragraph: {missing:?}");
}

#[test]
fn the_pure_layers_name_no_platform_database_runtime_or_clock() {
    let mut offences = Vec::new();
    for path in all_sources() {
        let name = relative(&path);
        if !PURE_LAYERS.iter().any(|layer| name.starts_with(layer)) {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for word in FORBIDDEN_IN_PURE {
            if text.contains(word) {
                offences.push(format!("{name} mentions {word}"));
            }
        }
    }
    assert!(offences.is_empty(), "pure layers must stay pure: {offences:?}");
}

#[test]
fn sql_lives_only_in_storage() {
    let offences: Vec<String> = all_sources()
        .into_iter()
        .map(|p| relative(&p))
        .filter(|name| name.starts_with("src/") && !name.starts_with("src/storage/"))
        .filter(|name| {
            let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap();
            text.contains("sqlx::query") || text.contains("query_as!")
        })
        .collect();
    assert!(offences.is_empty(), "SQL outside storage/: {offences:?}");
}

#[test]
fn source_files_stay_small() {
    let long: Vec<String> = all_sources()
        .into_iter()
        .filter(|p| fs::read_to_string(p).unwrap().lines().count() > MAX_LINES)
        .map(|p| relative(&p))
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines; split them: {long:?}");
}

#[test]
fn user_facing_code_never_sends_an_error_to_string() {
    // Adapters must render UserError or the apology, never an arbitrary error's text.
    let offences: Vec<String> = all_sources()
        .into_iter()
        .map(|p| relative(&p))
        .filter(|name| ["src/console", "src/discord", "src/slack"].iter().any(|a| name.starts_with(a)))
        .filter(|name| {
            let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap();
            text.split(".to_string()")
                .map(|before| before.rsplit(|c: char| !c.is_alphanumeric() && c != '_').next())
                .any(|receiver| matches!(receiver, Some("e" | "err" | "error" | "source" | "cause")))
        })
        .collect();
    assert!(offences.is_empty(), "adapters showing raw error text: {offences:?}");
}
