//! The content validator on small broken fixtures: each problem names its file and entry.

use backend_mentor::content::{load_files, ContentFile};

fn file(path: &str, text: &str) -> ContentFile {
    ContentFile { path: path.to_string(), text: text.to_string() }
}

const STEP: &str = r#"
[[steps]]
number = 1
id = "fundamentals"
title = "Programming fundamentals"
summary = "Learn to program."
why = "Everything builds on it."
duration = "1–3 months"
checklist = ["Variables"]
project = "A small CLI."
resources = ["https://docs.python.org/3/tutorial/"]
next = "Data structures."
"#;

const PROMPT: &str = r#"
[[prompts]]
id = "p001"
step = 1
kind = "question"
text = "What is a variable?"
"#;

fn problems(files: Vec<ContentFile>) -> Vec<String> {
    match load_files(&files, &backend_mentor::startup::render_limits()) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn a_minimal_valid_curriculum_loads() {
    assert_eq!(problems(vec![file("roadmap.toml", STEP), file("prompts.toml", PROMPT)]), Vec::<String>::new());
}

#[test]
fn a_dangling_reference_names_the_file_and_entry() {
    let faq = r#"
[[faq]]
id = "is-it-hard"
question = "Is backend hard?"
answer = "It takes practice."
related = ["no-such-entry"]
"#;
    let found = problems(vec![file("roadmap.toml", STEP), file("prompts.toml", PROMPT), file("faq/basics.toml", faq)]);
    assert_eq!(found, ["faq/basics.toml, entry `is-it-hard`: `related` names `no-such-entry`, which is not an FAQ id"]);
}

#[test]
fn text_over_discord_limits_and_duplicate_ids_are_reported() {
    let long_question = format!(
        "[[faq]]\nid = \"a\"\nquestion = \"{}\"\nanswer = \"x\"\n[[faq]]\nid = \"a\"\nquestion = \"q\"\nanswer = \"y\"\n",
        "q".repeat(120)
    );
    let found =
        problems(vec![file("roadmap.toml", STEP), file("prompts.toml", PROMPT), file("faq/x.toml", &long_question)]);
    assert!(
        found.iter().any(|p| p.contains("entry `a`: `question` is 120 characters; the limit on Discord is 100")),
        "{found:?}"
    );
    assert!(found.iter().any(|p| p.contains("the id is already used in faq/x.toml")), "{found:?}");
}

#[test]
fn invalid_toml_and_unknown_fields_name_the_file() {
    let found = problems(vec![file("roadmap.toml", "[[steps]\nnumber = "), file("prompts.toml", PROMPT)]);
    assert!(found.iter().any(|p| p.starts_with("roadmap.toml: is not valid")), "{found:?}");
    let typo = STEP.replace("summary", "sumary");
    let found = problems(vec![file("roadmap.toml", &typo), file("prompts.toml", PROMPT)]);
    assert!(found.iter().any(|p| p.contains("unknown field `sumary`")), "{found:?}");
}
