//! Commands as values: every user action is parsed into a `Command` at the edge and answered by
//! one transport-free function, `run(app, caller, command, now) -> Result<Reply, Error>`. Front
//! ends (Discord, Slack, the console) only parse their syntax into a `Command` and render the
//! neutral `Reply` they get back.

pub mod catalog;
mod grammar;
mod input;

pub use grammar::{parse_line, parse_slack, TextCommand, UsageError, CONSOLE_CHANNEL};
pub use input::{
    Command, CorrectionRequest, GroupRequest, NudgeChange, OtherMember, PauseRequest, PrivacyRequest, SettingsChange,
    SetupRequest, StreakAbout,
};
