//! One grammar for text commands, derived with clap (`grammar/syntax.rs`) and shared by the
//! console (`/checkin 30 read a chapter`) and Slack's `/mentor checkin 30 read a chapter`. A
//! small pre-pass (`grammar/words.rs`) reads what people type (quotes, `name:value`, words in
//! order, keywords in any case) into clap's arguments; typed values are parsed by the domain
//! and refused with its `UserError`; unknown commands get clap's typo suggestion. Users never
//! see clap's own error text: every failure is a `UsageError` in the project's words.

pub mod catalog;
mod convert;
mod syntax;
mod values;
mod words;
mod written;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_hostile;

use crate::commands::Command;
use crate::domain::GroupRef;
use crate::error::{echo, UserError};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};
use std::sync::LazyLock;
use syntax::{ConsoleCommand, ConsoleLine, SlackLine};
pub(crate) use written::command_words;

/// The channel `/setup prompts` posts in, for the console.
pub const CONSOLE_CHANNEL: &str = "console";

/// How a study group and another member are named where the line was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Naming {
    /// The console: a group is any name members join; a member is whatever id is typed.
    Named,
    /// Slack: a group is a channel, named as Slack writes a channel mention (`<#C0123|rust>`),
    /// no name meaning the channel the line was typed in; a member is a user id, which a
    /// mention (`@ada`) becomes once the adapter unescaped it.
    Slack { here_id: String, here_name: String },
}

impl Naming {
    /// The user id another member is named by; a Slack name that is no user id is refused,
    /// since it would name nobody.
    pub fn member(&self, given: &str) -> Result<String, UserError> {
        let id = given.trim();
        let slack_id = |id: &str| {
            id.len() > 1
                && id.starts_with(['U', 'W'])
                && id.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        };
        let named = match self {
            Naming::Named => !id.is_empty(),
            Naming::Slack { .. } => slack_id(id),
        };
        if named {
            Ok(id.to_string())
        } else {
            Err(UserError::NotAMember { given: id.to_string() })
        }
    }

    /// The group a name (or none) stands for.
    pub fn group(&self, name: Option<&str>) -> Result<GroupRef, UserError> {
        let name = name.map(str::trim).filter(|n| !n.is_empty());
        match self {
            Naming::Named => GroupRef::named(name.unwrap_or("")),
            Naming::Slack { here_id, here_name } => match name {
                None => Ok(GroupRef::channel(here_id, here_name)),
                Some(mention) => {
                    let inner = mention.strip_prefix("<#").and_then(|m| m.strip_suffix('>'));
                    let (id, shown) = inner.map(|m| m.split_once('|').unwrap_or((m, m))).unzip();
                    match (id.filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric())), shown) {
                        (Some(id), Some(shown)) => Ok(GroupRef::channel(id, shown)),
                        _ => Err(UserError::GroupIsChannel { given: mention.to_string() }),
                    }
                }
            },
        }
    }
}

/// A console line: a shared command, or one only the console has.
#[derive(Debug, Clone, PartialEq)]
pub enum TextCommand {
    Mentor(Command),
    /// `/clock`: the setting as typed (a UTC time, a step such as +1d, or off); none shows it.
    Clock {
        setting: Option<String>,
    },
    /// `/quit` or `/exit`.
    Quit,
}

/// Why a line is not a command, in words for the person typing it. `Display` writes commands
/// as the console reads them (`/faq`); [`UsageError::written_for`] takes another front end's
/// prefix (Slack's `/mentor `).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsageError {
    #[error("{}", self.written_for("/"))]
    Empty,
    #[error("{}", self.written_for("/"))]
    UnknownCommand { name: String, suggestion: Option<String> },
    #[error("{}", self.written_for("/"))]
    UnknownOption { command: String, option: String, known: String },
    /// A value the domain refused; front ends show it as they show any `UserError`.
    #[error(transparent)]
    Invalid(#[from] UserError),
    /// Anything else clap refused (not expected from what the pre-pass hands it). `usage` is
    /// the command's usage without its prefix.
    #[error("{}", self.written_for("/"))]
    Unreadable { usage: String },
}

impl UsageError {
    /// The sentence with every command written after `prefix`.
    pub fn written_for(&self, prefix: &str) -> String {
        let hint = |suggestion: &Option<String>| match suggestion {
            Some(s) => format!(" Did you mean {prefix}{s}? Type {prefix}help to see them all."),
            None => format!(" Type {prefix}help to see them all."),
        };
        match self {
            UsageError::Empty => format!("Type a command such as {prefix}faq, {prefix}roadmap or {prefix}help."),
            UsageError::UnknownCommand { name, suggestion } => {
                format!("There is no {prefix}{} command.{}", echo(name), hint(suggestion))
            }
            UsageError::UnknownOption { command, option, known } => {
                format!("{prefix}{command} has no option \"{}\". Its options are: {known}.", echo(option))
            }
            UsageError::Invalid(problem) => problem.to_string(),
            UsageError::Unreadable { usage } => format!("I couldn't read that. Use it as: {prefix}{usage}"),
        }
    }
}

static CONSOLE: LazyLock<clap::Command> = LazyLock::new(|| catalog::describe(ConsoleLine::command()));
static SLACK: LazyLock<clap::Command> = LazyLock::new(|| catalog::describe(SlackLine::command()));

/// Parses one line typed at the console, such as `/checkin 30 read a chapter`.
pub fn parse_line(line: &str) -> Result<TextCommand, UsageError> {
    let matches = matches(&CONSOLE, line)?;
    let parsed = ConsoleLine::from_arg_matches(&matches).map_err(|e| refusal(e, line))?;
    Ok(match parsed.command {
        ConsoleCommand::Shared(shared) => {
            TextCommand::Mentor(convert::command(shared, CONSOLE_CHANNEL, &Naming::Named)?)
        }
        ConsoleCommand::Clock { setting } => TextCommand::Clock { setting },
        ConsoleCommand::Quit => TextCommand::Quit,
    })
}

/// Parses Slack's text after `/mentor` (`checkin 30 read a chapter`), as the adapter unescaped
/// it (channel mentions kept as Slack writes them); `channel_id` and `channel_name` are the
/// channel it was typed in, where `setup prompts` posts and the study group it stands for.
/// The console's own commands are unknown.
pub fn parse_slack(text: &str, channel_id: &str, channel_name: &str) -> Result<Command, UsageError> {
    let matches = matches(&SLACK, text)?;
    let parsed = SlackLine::from_arg_matches(&matches).map_err(|e| refusal(e, text))?;
    let groups = Naming::Slack { here_id: channel_id.to_string(), here_name: channel_name.to_string() };
    convert::command(parsed.command, channel_id, &groups)
}

/// Runs the pre-pass and clap over one line.
fn matches(grammar: &clap::Command, line: &str) -> Result<clap::ArgMatches, UsageError> {
    let words = words::split_words(line);
    let Some((first, rest)) = words.split_first() else {
        return Err(UsageError::Empty);
    };
    let name = first.trim_start_matches('/').to_lowercase();
    let Some(command) = grammar.find_subcommand(&name) else {
        return Err(UsageError::UnknownCommand { suggestion: suggestion(grammar, &name), name });
    };
    let args = words::clap_args(command, rest)?;
    grammar.clone().try_get_matches_from(args).map_err(|e| refusal(e, &name))
}

/// Clap's closest command to a word that is none, if one is close.
fn suggestion(grammar: &clap::Command, name: &str) -> Option<String> {
    // Only the word goes to clap: what follows it does not change the suggestion.
    let error = grammar.clone().try_get_matches_from([name]).err()?;
    match error.get(ContextKind::SuggestedSubcommand)? {
        ContextValue::Strings(names) => names.last().cloned(),
        ContextValue::String(name) => Some(name.clone()),
        _ => None,
    }
}

/// A clap error as a `UsageError`: the `UserError` a value parser returned, else the usage.
fn refusal(error: clap::Error, line: &str) -> UsageError {
    if error.kind() == ErrorKind::ValueValidation {
        let source = std::error::Error::source(&error);
        if let Some(refused) = source.and_then(|s| s.downcast_ref::<UserError>()) {
            return UsageError::Invalid(refused.clone());
        }
    }
    let name = line.split_whitespace().next().unwrap_or("").trim_start_matches('/').to_lowercase();
    let usage = catalog::find(&name).map(|c| c.usage_line()[1..].to_string()).unwrap_or_else(|| "help".to_string());
    UsageError::Unreadable { usage }
}
