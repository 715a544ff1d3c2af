//! Moderators' daily prompt schedule: /setup prompts, /setup off, /setup preview.

use super::super::{Context, Error};
use super::answer;
use crate::commands::{Command, SetupRequest};
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::Timezone;
use poise::serenity_prelude as serenity;

/// Post the day's learning prompt in a channel at a local time
#[poise::command(slash_command, guild_only, rename = "prompts")]
pub(crate) async fn setup_prompts(
    ctx: Context<'_>,
    #[description = "Where to post"]
    #[channel_types("Text")]
    channel: serenity::ChannelId,
    #[description = "Local time of day, such as 09:00"]
    #[max_length = 10]
    time: String,
    #[description = "The time zone of that time, such as America/New_York"]
    #[autocomplete = "super::complete_timezone"]
    #[max_length = 64]
    timezone: String,
    #[description = "Which days: daily (default), weekdays, weekends, or mon,wed,fri"]
    #[max_length = 40]
    weekdays: Option<String>,
) -> Result<(), Error> {
    let request = SetupRequest::Prompts {
        channel_id: channel.to_string(),
        time: LocalTime::parse(&time)?,
        timezone: Timezone::parse(&timezone)?,
        weekdays: Weekdays::parse(weekdays.as_deref().unwrap_or("daily"))?,
    };
    answer(ctx, Command::Setup(request)).await
}

/// Stop posting the daily prompt
#[poise::command(slash_command, guild_only, rename = "off")]
pub(crate) async fn setup_off(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx, Command::Setup(SetupRequest::PromptsOff)).await
}

/// Show the prompt the next scheduled post will carry
#[poise::command(slash_command, guild_only, rename = "preview")]
pub(crate) async fn setup_preview(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx, Command::Setup(SetupRequest::Preview)).await
}
