//! The text commands as clap derives. Every option is a long option, because users never type
//! clap's syntax: `words.rs` reads `name:value` and positional words and hands clap
//! `--name=value`. How an option is filled by position is marked with its value name:
//! `TEXT` takes all the words left (joined by spaces, or one value each for a list), `NUMBER`
//! takes a word only if it reads as a number, `NAMED` is never filled by position; any other
//! option takes one word. A `default_value` of "" lets a missing value reach its parser, so it
//! is refused with the same `UserError` as a wrong one.

use super::values::{self, NoteText, PauseFrom};
use crate::app::CareerSection;
use crate::domain::correction::{CorrectionKind, Reason};
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{Minutes, StepStatus, Timezone};
use chrono::NaiveDate;
use clap::{ArgAction, Args, Parser, Subcommand};

/// The value name of an option that takes the rest of the words.
pub(super) const TEXT: &str = "TEXT";
/// The value name of an option filled by position only with a number.
pub(super) const NUMBER: &str = "NUMBER";
/// The value name of an option given only as `name:value`.
pub(super) const NAMED: &str = "NAMED";

/// A console line: the shared commands and the console's own.
#[derive(Debug, Parser)]
#[command(name = "console", no_binary_name = true, disable_help_subcommand = true, disable_help_flag = true)]
pub(super) struct ConsoleLine {
    #[command(subcommand)]
    pub command: ConsoleCommand,
}

/// Slack's text after `/mentor`: the shared commands only.
#[derive(Debug, Parser)]
#[command(name = "mentor", no_binary_name = true, disable_help_subcommand = true, disable_help_flag = true)]
pub(super) struct SlackLine {
    #[command(subcommand)]
    pub command: Shared,
}

#[derive(Debug, Subcommand)]
pub(super) enum ConsoleCommand {
    #[command(flatten)]
    Shared(Shared),
    Clock {
        #[arg(long)]
        setting: Option<String>,
    },
    #[command(alias = "exit")]
    Quit,
}

/// The commands every text front end reads.
#[derive(Debug, Subcommand)]
pub(super) enum Shared {
    Help,
    Roadmap {
        #[arg(long, value_name = TEXT)]
        step: Option<String>,
    },
    Compare(CompareArgs),
    Faq {
        #[arg(long, value_name = TEXT)]
        question: Option<String>,
    },
    Prompt,
    Career {
        #[arg(long, value_name = TEXT, value_parser = values::career_section)]
        section: Option<CareerSection>,
    },
    Checkin {
        #[arg(long, value_name = NUMBER, value_parser = values::minutes)]
        minutes: Option<Minutes>,
        #[arg(long, value_name = TEXT, value_parser = values::note)]
        note: Option<NoteText>,
    },
    Streak {
        #[arg(long)]
        topic: Option<String>,
    },
    History,
    Pause {
        #[arg(long, value_parser = values::pause_from)]
        from: Option<PauseFrom>,
        #[arg(long, value_parser = values::pause_days)]
        days: Option<i64>,
    },
    Group {
        #[arg(long)]
        action: Option<String>,
        #[arg(long, value_name = TEXT)]
        name: Option<String>,
    },
    Leaderboard {
        #[arg(long, value_name = TEXT)]
        words: Vec<String>,
    },
    Privacy {
        #[arg(long)]
        action: Option<String>,
        /// The rest, of which the first word counts, as the console always read it.
        #[arg(long, value_name = TEXT)]
        confirm: Option<String>,
    },
    Correct(CorrectArgs),
    Boards {
        #[arg(long, action = ArgAction::Set, value_parser = values::boards_switch, default_value = "")]
        setting: bool,
    },
    Setup {
        #[command(subcommand)]
        action: Option<SetupAction>,
    },
    Nudges(NudgesArgs),
    Topics {
        #[arg(long, default_value = "")]
        step: String,
        /// Read in `convert.rs`, where the step is at hand for the error.
        #[arg(long, value_name = TEXT, default_value = "")]
        done: String,
    },
    Progress {
        #[arg(long, default_value = "")]
        step: String,
        #[arg(long, value_parser = values::step_status, default_value = "")]
        status: StepStatus,
    },
    Settings {
        #[arg(long, value_parser = values::timezone)]
        timezone: Option<Timezone>,
    },
}

/// `/compare`: named technologies, or else all the words as one phrase.
#[derive(Debug, Args)]
pub(super) struct CompareArgs {
    #[arg(long, value_name = NAMED)]
    pub a: Option<String>,
    #[arg(long, value_name = NAMED)]
    pub b: Option<String>,
    #[arg(long, value_name = NAMED)]
    pub c: Option<String>,
    #[arg(long, value_name = TEXT)]
    pub words: Vec<String>,
}

#[derive(Debug, Args)]
pub(super) struct CorrectArgs {
    #[arg(long, value_parser = values::correction_kind, default_value = "")]
    pub action: CorrectionKind,
    #[arg(long, default_value = "")]
    pub user: String,
    #[arg(long, value_parser = values::date, default_value = "")]
    pub date: NaiveDate,
    #[arg(long, value_name = TEXT, value_parser = values::reason, default_value = "")]
    pub reason: Reason,
}

#[derive(Debug, Subcommand)]
pub(super) enum SetupAction {
    Show,
    Prompts {
        #[arg(long, value_parser = values::local_time, default_value = "")]
        time: LocalTime,
        #[arg(long, value_parser = values::timezone, default_value = "UTC")]
        zone: Timezone,
        #[arg(long, value_parser = values::weekdays, default_value = "daily")]
        days: Weekdays,
    },
    Off,
    Preview,
    Boards {
        #[arg(long, action = ArgAction::Set, value_parser = values::boards_switch, default_value = "")]
        setting: bool,
    },
    Timezone {
        #[arg(long, value_parser = values::timezone, default_value = "")]
        zone: Timezone,
    },
    #[command(name = "moderator-role")]
    ModeratorRole {
        #[arg(long)]
        role: Option<String>,
    },
    /// `moderator add|remove <user>`: a member named a moderator, or no longer.
    Moderator {
        #[arg(long)]
        change: Option<String>,
        #[arg(long)]
        user: Option<String>,
    },
}

/// `/nudges on|off ...`; any other first word lands in `switch` and is refused by name.
#[derive(Debug, Args)]
pub(super) struct NudgesArgs {
    #[command(subcommand)]
    pub state: Option<NudgeState>,
    #[arg(long)]
    pub switch: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(super) enum NudgeState {
    On {
        #[arg(long, value_parser = values::local_time)]
        time: Option<LocalTime>,
        #[arg(long, value_parser = values::weekdays)]
        days: Option<Weekdays>,
        #[arg(long, value_parser = values::date)]
        snooze_until: Option<NaiveDate>,
    },
    Off,
}
