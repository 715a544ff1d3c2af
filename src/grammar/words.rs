//! The small pre-pass between what people type and clap: split a line into words (double
//! quotes group words; apostrophes are letters), walk into nested subcommands by their word in
//! any case (`/setup prompts`, `/nudges ON`), then turn the words
//! left into `--name=value` for clap. `name:value` names an option (its name in any case);
//! the other words fill the options not named, in the order the grammar declares them, as
//! their value names in `syntax.rs` say. Words past the last option are dropped, as the
//! console always did.

use super::syntax::{NAMED, NUMBER, TEXT};
use super::UsageError;
use clap::{Arg, ArgAction};

/// Splits on white space; double quotes group words ("spring boot").
pub(super) fn split_words(line: &str) -> Vec<String> {
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

/// Clap's arguments for `command` (a subcommand of the grammar) and the words after its name:
/// the names of the subcommands walked into, then `--name=value` for each option given.
pub(super) fn clap_args(command: &clap::Command, words: &[String]) -> Result<Vec<String>, UsageError> {
    let mut args = vec![command.get_name().to_string()];
    let mut path = command.get_name().to_string();
    let (mut command, mut words) = (command, words);
    while let Some(sub) = words.first().and_then(|w| command.find_subcommand(w.to_lowercase())) {
        args.push(sub.get_name().to_string());
        path = format!("{path} {}", sub.get_name());
        (command, words) = (sub, &words[1..]);
    }
    let options: Vec<&Arg> = command.get_arguments().filter(|a| a.get_long().is_some() && !is_clap_own(a)).collect();
    let values = fill_options(&path, &options, words)?;
    for (option, given) in options.iter().zip(values) {
        let long = option.get_long().unwrap_or_default();
        args.extend(given.into_iter().map(|value| format!("--{long}={value}")));
    }
    Ok(args)
}

/// Clap's own help and version flags, which no user types.
fn is_clap_own(option: &Arg) -> bool {
    matches!(option.get_action(), ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong | ArgAction::Version)
}

/// How an option is filled by position, from its value name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filling {
    OneWord,
    Number,
    Rest,
    NamedOnly,
}

fn filling(option: &Arg) -> Filling {
    match option.get_value_names().and_then(|names| names.first()).map(|n| n.as_str()) {
        Some(TEXT) => Filling::Rest,
        Some(NUMBER) => Filling::Number,
        Some(NAMED) => Filling::NamedOnly,
        _ => Filling::OneWord,
    }
}

/// A list option (such as `/leaderboard`'s words) gets one value per word.
fn is_list(option: &Arg) -> bool {
    matches!(option.get_action(), ArgAction::Append)
}

/// The values of each option, in the options' order; empty for an option not given.
fn fill_options(path: &str, options: &[&Arg], words: &[String]) -> Result<Vec<Vec<String>>, UsageError> {
    let mut values: Vec<Vec<String>> = vec![Vec::new(); options.len()];
    let mut named = vec![false; options.len()];
    let has_rest = options.iter().any(|o| filling(o) == Filling::Rest);
    let mut positional: Vec<&String> = Vec::new();
    for word in words {
        let split = word.split_once(':');
        if let Some((i, value)) = split.and_then(|(key, value)| Some((position_of(options, key)?, value))) {
            if !is_list(options[i]) {
                values[i].clear();
            }
            values[i].push(value.to_string());
            named[i] = true;
        } else if let Some((key, _)) = split.filter(|(key, _)| looks_like_an_option(key)) {
            if !options.is_empty() && !has_rest {
                let known: Vec<&str> = options.iter().filter_map(|o| o.get_long()).collect();
                let (command, option, known) = (path.to_string(), key.to_string(), known.join(", "));
                return Err(UsageError::UnknownOption { command, option, known });
            }
            positional.push(word);
        } else {
            positional.push(word);
        }
    }
    let mut queue = positional.into_iter().peekable();
    for (i, option) in options.iter().enumerate() {
        let Some(next) = queue.peek() else { break };
        match filling(option) {
            _ if named[i] => {}
            Filling::NamedOnly => {}
            Filling::Number if next.parse::<f64>().is_err() => {}
            Filling::Rest if is_list(option) => values[i].extend(queue.by_ref().cloned()),
            Filling::Rest => values[i].push(queue.by_ref().map(String::as_str).collect::<Vec<_>>().join(" ")),
            Filling::OneWord | Filling::Number => values[i].extend(queue.next().cloned()),
        }
    }
    Ok(values)
}

fn position_of(options: &[&Arg], key: &str) -> Option<usize> {
    let key = key.to_lowercase();
    options.iter().position(|o| o.get_long() == Some(key.as_str()))
}

/// `word:` reads as an attempt at an option name, not as text such as `12:30` or `c++:`.
pub(super) fn looks_like_an_option(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphabetic())
}
