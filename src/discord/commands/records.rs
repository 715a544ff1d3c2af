//! A member's own record: /streak (with the heatmap, the rules or recent history), /pause and
//! /privacy. All answers are ephemeral.

use super::super::options::{required, Options};
use super::super::{Context, Error};
use super::answer;
use crate::commands::{Command, OtherMember, PauseRequest, PrivacyRequest, StreakAbout};
use crate::domain::correction::parse_date;
use poise::serenity_prelude as serenity;

/// What `/streak` shows besides the record itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum About {
    #[name = "rules"]
    Rules,
    #[name = "history"]
    History,
}

/// Your study streak with a heatmap, another member's, or how streaks work
#[poise::command(slash_command)]
#[allow(unused_variables)] // declared for registration; read by `read_streak`
pub(crate) async fn streak(
    ctx: Context<'_>,
    #[description = "Whose streak to show (yourself if empty)"] member: Option<serenity::User>,
    #[description = "The rules in plain words, or your recent days"] about: Option<About>,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_streak(options: &Options<'_>) -> Command {
    let whose = options.user("member").map(|user| OtherMember { user_id: user.id, name: user.name });
    let about = options.choice("about").map(|about| match about {
        About::Rules => StreakAbout::Rules,
        About::History => StreakAbout::History,
    });
    Command::Streak { whose, about }
}

/// Pause your streak for up to 14 days (paused days neither break nor extend it)
#[poise::command(slash_command)]
#[allow(unused_variables)] // declared for registration; read by `read_pause`
pub(crate) async fn pause(
    ctx: Context<'_>,
    #[description = "First paused day, YYYY-MM-DD (today if empty)"]
    #[max_length = 10]
    start: Option<String>,
    #[description = "How many days (1 to 14)"]
    #[min = 1]
    #[max = 14]
    days: Option<i64>,
    #[description = "Cancel your pause from today on"] cancel: Option<bool>,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_pause(options: &Options<'_>) -> Result<Command, Error> {
    let request = if options.boolean("cancel") == Some(true) {
        PauseRequest::Cancel
    } else {
        let first = options.string("start").map(parse_date).transpose()?;
        PauseRequest::Start { first, days: options.integer("days") }
    };
    Ok(Command::Pause(request))
}

/// What `/privacy` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum PrivacyAction {
    #[name = "export"]
    Export,
    #[name = "delete"]
    Delete,
}

/// Get all data held about you as a JSON file, or delete it all
#[poise::command(slash_command)]
#[allow(unused_variables)] // declared for registration; read by `read_privacy`
pub(crate) async fn privacy(
    ctx: Context<'_>,
    #[description = "export or delete"] action: PrivacyAction,
) -> Result<(), Error> {
    answer(ctx).await
}

pub(super) fn read_privacy(options: &Options<'_>) -> Result<Command, Error> {
    let request = match required(options.choice("action"))? {
        PrivacyAction::Export => PrivacyRequest::Export,
        // The delete itself waits for the confirmation button.
        PrivacyAction::Delete => PrivacyRequest::AskDelete,
    };
    Ok(Command::Privacy(request))
}
