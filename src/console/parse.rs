//! Reads a console line such as `/compare postgres mongodb` or `/checkin minutes:30 note:"indexes"`
//! into a command: positional words fill a command's options in order, `name:value` names one,
//! and double quotes group words. Apostrophes are ordinary letters, so "what's" just works.

use crate::error::echo;
use std::collections::HashMap;

/// A console command with its raw option values; `App` validates the values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Roadmap {
        step: Option<String>,
    },
    Compare {
        names: Vec<String>,
        phrase: Option<String>,
    },
    Faq {
        question: Option<String>,
    },
    Prompt,
    Career {
        section: Option<String>,
    },
    Checkin {
        minutes: Option<String>,
        note: Option<String>,
    },
    Streak {
        topic: Option<String>,
    },
    Settings {
        timezone: Option<String>,
    },
    Progress {
        step: Option<String>,
        status: Option<String>,
    },
    Topics {
        step: Option<String>,
        done: Option<String>,
    },
    History,
    Pause {
        from: Option<String>,
        days: Option<String>,
    },
    Group {
        action: Option<String>,
        name: Option<String>,
    },
    Leaderboard {
        words: Vec<String>,
    },
    Privacy {
        action: Option<String>,
        confirm: Option<String>,
    },
    Correct {
        action: Option<String>,
        user: Option<String>,
        date: Option<String>,
        reason: Option<String>,
    },
    Boards {
        setting: Option<String>,
    },
    Clock {
        setting: Option<String>,
    },
    /// `/setup ...` and `/nudges ...`: the words after the command, read by `schedule.rs`.
    Schedule {
        command: String,
        words: Vec<String>,
    },
    Quit,
}

/// Why a line is not a command, in words for the person typing it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsageError {
    #[error("Type a command such as /faq, /roadmap or /help.")]
    Empty,
    #[error("There is no /{} command.{}", echo(.name), hint(.suggestion))]
    UnknownCommand { name: String, suggestion: Option<String> },
    #[error("/{command} has no option \"{}\". Its options are: {known}.", echo(.option))]
    UnknownOption { command: String, option: String, known: String },
}

fn hint(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!(" Did you mean /{s}? Type /help to see them all."),
        None => " Type /help to see them all.".to_string(),
    }
}

/// One option of a command: `rest` takes all remaining words; `numeric` is filled positionally
/// only by a number, so "/checkin read a chapter" is a note, not bad minutes.
struct OptionSpec {
    name: &'static str,
    rest: bool,
    numeric: bool,
}

const fn opt(name: &'static str, rest: bool, numeric: bool) -> OptionSpec {
    OptionSpec { name, rest, numeric }
}

fn options_of(command: &str) -> Option<Vec<OptionSpec>> {
    Some(match command {
        "help" | "prompt" | "history" | "quit" | "exit" => vec![],
        "streak" => vec![opt("topic", false, false)],
        "pause" => vec![opt("from", false, false), opt("days", false, false)],
        "group" => vec![opt("action", false, false), opt("name", true, false)],
        "leaderboard" | "privacy" | "correct" | "boards" | "clock" | "setup" | "nudges" => {
            vec![opt("words", true, false)]
        }
        "roadmap" => vec![opt("step", true, false)],
        "compare" => vec![opt("a", false, false), opt("b", false, false), opt("c", false, false)],
        "faq" => vec![opt("question", true, false)],
        "career" => vec![opt("section", true, false)],
        "checkin" => vec![opt("minutes", false, true), opt("note", true, false)],
        "settings" => vec![opt("timezone", false, false)],
        "progress" => vec![opt("step", false, false), opt("status", false, false)],
        "topics" => vec![opt("step", false, false), opt("done", true, false)],
        _ => return None,
    })
}

/// Parses one line typed at the console.
pub fn parse_line(line: &str) -> Result<Command, UsageError> {
    let words = split_words(line);
    let Some((first, rest)) = words.split_first() else {
        return Err(UsageError::Empty);
    };
    let name = first.trim_start_matches('/').to_lowercase();
    let specs = options_of(&name)
        .ok_or_else(|| UsageError::UnknownCommand { suggestion: closest_command(&name), name: name.clone() })?;
    if name == "compare" && !rest.iter().any(|w| is_named(w, &specs)) {
        return Ok(Command::Compare { names: Vec::new(), phrase: Some(rest.join(" ")) });
    }
    let mut values = fill_options(&name, &specs, rest)?;
    let mut take = |key: &str| values.remove(key);
    Ok(match name.as_str() {
        "help" => Command::Help,
        "quit" | "exit" => Command::Quit,
        "prompt" => Command::Prompt,
        "streak" => Command::Streak { topic: take("topic") },
        "history" => Command::History,
        "pause" => Command::Pause { from: take("from"), days: take("days") },
        "group" => Command::Group { action: take("action"), name: take("name") },
        "leaderboard" | "privacy" | "correct" | "boards" | "clock" | "setup" | "nudges" => {
            words_command(&name, take("words"))
        }
        "roadmap" => Command::Roadmap { step: take("step") },
        "faq" => Command::Faq { question: take("question") },
        "career" => Command::Career { section: take("section") },
        "checkin" => Command::Checkin { minutes: take("minutes"), note: take("note") },
        "settings" => Command::Settings { timezone: take("timezone") },
        "progress" => Command::Progress { step: take("step"), status: take("status") },
        "topics" => Command::Topics { step: take("step"), done: take("done") },
        _ => Command::Compare { names: ["a", "b", "c"].iter().filter_map(|k| take(k)).collect(), phrase: None },
    })
}

/// Commands whose words are read by position after the first (an action, then its details).
fn words_command(name: &str, words: Option<String>) -> Command {
    let text = words.unwrap_or_default();
    let mut parts = text.split_whitespace().map(str::to_string);
    let mut next = || parts.next();
    match name {
        "privacy" => Command::Privacy { action: next(), confirm: next() },
        "correct" => {
            let (action, user, date) = (next(), next(), next());
            let reason: Vec<String> = std::iter::from_fn(next).collect();
            Command::Correct { action, user, date, reason: (!reason.is_empty()).then(|| reason.join(" ")) }
        }
        "boards" => Command::Boards { setting: next() },
        "clock" => Command::Clock { setting: next() },
        "setup" | "nudges" => {
            Command::Schedule { command: name.to_string(), words: std::iter::from_fn(next).collect() }
        }
        _ => Command::Leaderboard { words: std::iter::from_fn(next).collect() },
    }
}

fn is_named(word: &str, specs: &[OptionSpec]) -> bool {
    word.split_once(':').is_some_and(|(key, _)| specs.iter().any(|s| s.name == key.to_lowercase()))
}

fn fill_options(command: &str, specs: &[OptionSpec], words: &[String]) -> Result<HashMap<String, String>, UsageError> {
    let mut values: HashMap<String, String> = HashMap::new();
    let mut positional: Vec<&String> = Vec::new();
    for word in words {
        match word.split_once(':') {
            Some((key, value)) if specs.iter().any(|s| s.name == key.to_lowercase()) => {
                values.insert(key.to_lowercase(), value.to_string());
            }
            Some((key, _))
                if !key.is_empty()
                    && key.chars().all(|c| c.is_ascii_alphabetic())
                    && !specs.is_empty()
                    && specs.iter().all(|s| !s.rest) =>
            {
                let known: Vec<&str> = specs.iter().map(|s| s.name).collect();
                return Err(UsageError::UnknownOption {
                    command: command.to_string(),
                    option: key.to_string(),
                    known: known.join(", "),
                });
            }
            _ => positional.push(word),
        }
    }
    let mut queue = positional.into_iter().peekable();
    let unfilled: Vec<&OptionSpec> = specs.iter().filter(|s| !values.contains_key(s.name)).collect();
    for spec in unfilled {
        let Some(next) = queue.peek() else { break };
        if spec.numeric && next.parse::<f64>().is_err() {
            continue;
        }
        let value = if spec.rest {
            queue.by_ref().map(String::as_str).collect::<Vec<_>>().join(" ")
        } else {
            queue.next().cloned().unwrap_or_default()
        };
        values.insert(spec.name.to_string(), value);
    }
    Ok(values)
}

/// Splits on white space; double quotes group words ("spring boot").
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in line.trim().chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn closest_command(name: &str) -> Option<String> {
    [
        "roadmap",
        "compare",
        "faq",
        "prompt",
        "checkin",
        "streak",
        "settings",
        "progress",
        "topics",
        "history",
        "pause",
        "group",
        "leaderboard",
        "privacy",
        "correct",
        "boards",
        "clock",
        "career",
        "setup",
        "nudges",
        "help",
        "quit",
    ]
    .into_iter()
    .map(|c| (strsim::jaro_winkler(name, c), c))
    .filter(|(score, _)| *score > 0.8)
    .max_by(|a, b| a.0.total_cmp(&b.0))
    .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positional_words_fill_options_in_order() {
        assert_eq!(
            parse_line("/checkin 45 read about b-tree indexes").unwrap(),
            Command::Checkin { minutes: Some("45".into()), note: Some("read about b-tree indexes".into()) }
        );
        assert_eq!(
            parse_line("/checkin read a chapter").unwrap(),
            Command::Checkin { minutes: None, note: Some("read a chapter".into()) }
        );
    }

    #[test]
    fn named_options_and_quotes_work() {
        assert_eq!(
            parse_line("/compare a:\"spring boot\" b:django").unwrap(),
            Command::Compare { names: vec!["spring boot".into(), "django".into()], phrase: None }
        );
        assert_eq!(
            parse_line("/checkin note:\"joins and indexes\" minutes:30").unwrap(),
            Command::Checkin { minutes: Some("30".into()), note: Some("joins and indexes".into()) }
        );
    }

    #[test]
    fn an_apostrophe_is_just_a_letter() {
        assert_eq!(parse_line("/faq what's a jwt").unwrap(), Command::Faq { question: Some("what's a jwt".into()) });
    }

    #[test]
    fn unknown_commands_get_a_suggestion() {
        match parse_line("/roadmp 4") {
            Err(UsageError::UnknownCommand { suggestion, .. }) => {
                assert_eq!(suggestion.as_deref(), Some("roadmap"))
            }
            other => panic!("expected an unknown command, got {other:?}"),
        }
        assert_eq!(parse_line("   "), Err(UsageError::Empty));
    }
}
