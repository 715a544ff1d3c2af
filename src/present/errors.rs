//! Problems in words: a `UserError` is its own sentence (`src/error.rs`) followed here by what
//! to do next, with the commands written by each front end; an internal failure is only ever an
//! apology.

use super::command_ref::CommandRef as Cmd;
use super::reply::{Tone, View};
use super::text::Text;
use crate::error::{UserError, APOLOGY};

/// A problem the user can fix, with "did you mean" suggestions when there are some.
pub fn user_error(error: &UserError) -> View {
    let mut body = Text::new().typed(error.to_string());
    if let Some(hint) = next_step(error) {
        body = body.plain(" ").then(hint);
    }
    let suggestions = error.suggestions();
    if !suggestions.is_empty() {
        let lines = suggestions.iter().map(|s| Text::new().plain("- ").typed(s.clone()));
        body = body.plain("\n\n").strong("Did you mean:").plain("\n").then(Text::joined(lines, "\n"));
    }
    View::new(Tone::Problem).body(body).footer(Text::new().command(Cmd::Help).plain(" lists what I can do"))
}

/// What to do about it, where a command does it.
fn next_step(error: &UserError) -> Option<Text> {
    let example = || Cmd::Compare { a: "postgres".to_string(), b: "mongodb".to_string() };
    let with = |lead: &str, command: Cmd, tail: &str| Some(Text::new().plain(lead).command(command).plain(tail));
    match error {
        UserError::SameTechnology { .. } | UserError::CompareNeedsTwo => with("For example: ", example(), ""),
        UserError::DirectMessagesClosed => with("Open them, then turn nudges back on with ", Cmd::NudgesOn, "."),
        UserError::InvalidNudgeSwitch { .. } => {
            Some(Text::new().plain("Use ").command(Cmd::NudgesOn).plain(" or ").command(Cmd::NudgesOff).plain("."))
        }
        UserError::NoPromptSchedule => with("Start one with ", Cmd::SetupPrompts, "."),
        UserError::DeleteNotConfirmed => with("Confirm with ", Cmd::ConfirmDelete, "."),
        UserError::UnknownCommand => with("Type ", Cmd::Help, " to see what I can do."),
        UserError::UnknownCorrection { .. } => with("For example: ", Cmd::Correct, ""),
        UserError::BoardsNeedOnOrOff => with("Use ", Cmd::SetupBoards, "."),
        UserError::PrivacyUsage => Some(
            Text::new().plain("Use ").command(Cmd::PrivacyExport).plain(" or ").command(Cmd::PrivacyDelete).plain("."),
        ),
        UserError::NoMatch { .. } => Some(
            Text::new()
                .plain("Try ")
                .command(Cmd::Faq(None))
                .plain(" with other words, or ")
                .command(Cmd::Help)
                .plain("."),
        ),
        _ => None,
    }
}

/// What the user sees when something broke on our side.
pub fn apology() -> View {
    View::new(Tone::Apology).body(APOLOGY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_says_what_to_do_with_the_command_as_a_reference() {
        let view = user_error(&UserError::DirectMessagesClosed);
        let body = view.body.unwrap();
        assert!(body.spans.contains(&super::super::text::Span::Command(Cmd::NudgesOn)), "{body:?}");
        assert!(body.words().starts_with("I tried to send you a study nudge"), "{}", body.words());
    }

    #[test]
    fn suggestions_follow_the_sentence() {
        let error = UserError::UnknownStep { query: "dockr".into(), count: 8, suggestions: vec!["Docker".into()] };
        let words = user_error(&error).words();
        assert!(
            words.contains("There is no roadmap step \"dockr\"") && words.contains("Did you mean:\n- Docker"),
            "{words}"
        );
    }
}
