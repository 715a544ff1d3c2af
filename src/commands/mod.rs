//! Commands as values: every user action is parsed into a `Command` at the edge and answered by
//! one transport-free function, `run(app, caller, command, now) -> Result<Reply, Error>`. Front
//! ends (Discord, Slack, the console) only parse their syntax into a `Command` and render the
//! neutral `Reply` they get back.

mod input;

pub use input::{
    Command, CorrectionRequest, GroupRequest, NudgeChange, OtherMember, PauseRequest, PrivacyRequest, SettingsChange,
    SetupRequest, StreakAbout,
};
