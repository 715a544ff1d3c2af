//! A member's own record: /streak (with the heatmap, the rules or recent history), /pause and
//! /privacy. All answers are ephemeral.

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
pub(crate) async fn streak(
    ctx: Context<'_>,
    #[description = "Whose streak to show (yourself if empty)"] member: Option<serenity::User>,
    #[description = "The rules in plain words, or your recent days"] about: Option<About>,
) -> Result<(), Error> {
    let whose = member.map(|user| OtherMember { user_id: user.id.to_string(), name: user.name.clone() });
    let about = about.map(|a| match a {
        About::Rules => StreakAbout::Rules,
        About::History => StreakAbout::History,
    });
    answer(ctx, Command::Streak { whose, about }).await
}

/// Pause your streak for up to 14 days (paused days neither break nor extend it)
#[poise::command(slash_command)]
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
    let request = if cancel == Some(true) {
        PauseRequest::Cancel
    } else {
        PauseRequest::Start { first: start.as_deref().map(parse_date).transpose()?, days }
    };
    answer(ctx, Command::Pause(request)).await
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
pub(crate) async fn privacy(
    ctx: Context<'_>,
    #[description = "export or delete"] action: PrivacyAction,
) -> Result<(), Error> {
    let request = match action {
        PrivacyAction::Export => PrivacyRequest::Export,
        // The delete itself waits for the confirmation button.
        PrivacyAction::Delete => PrivacyRequest::AskDelete,
    };
    answer(ctx, Command::Privacy(request)).await
}
