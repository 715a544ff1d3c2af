//! Moderators' daily prompt schedule: /setup prompts, /setup off, /setup preview.

use super::super::{caller, embeds, study_embeds, Context, Error};
use super::send;
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::Timezone;
use poise::serenity_prelude as serenity;

/// Post the day's learning prompt in a channel at a local time
#[poise::command(slash_command, guild_only, rename = "prompts")]
pub async fn setup_prompts(
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
    let app = &ctx.data().app;
    let member = caller::invoker(ctx);
    let rights = caller::rights(ctx);
    let plan = (
        LocalTime::parse(&time)?,
        Timezone::parse(&timezone)?,
        Weekdays::parse(weekdays.as_deref().unwrap_or("daily"))?,
    );
    let now = ctx.data().now();
    let schedule = app.setup_prompts(&member.space, &rights, &channel.to_string(), plan, now).await?;
    let settings = app.space_settings(&member.space, &rights).await?;
    send(ctx, study_embeds::space_settings(&settings, Some(&schedule)), true, vec![]).await
}

/// Stop posting the daily prompt
#[poise::command(slash_command, guild_only, rename = "off")]
pub async fn setup_off(ctx: Context<'_>) -> Result<(), Error> {
    let app = &ctx.data().app;
    let member = caller::invoker(ctx);
    let rights = caller::rights(ctx);
    app.prompts_off(&member.space, &rights).await?;
    let schedule = app.prompt_schedule(&member.space, ctx.data().now()).await?;
    let settings = app.space_settings(&member.space, &rights).await?;
    send(ctx, study_embeds::space_settings(&settings, schedule.as_ref()), true, vec![]).await
}

/// Show the prompt the next scheduled post will carry
#[poise::command(slash_command, guild_only, rename = "preview")]
pub async fn setup_preview(ctx: Context<'_>) -> Result<(), Error> {
    let member = caller::invoker(ctx);
    let view = ctx.data().app.preview_prompt(&member.space, &caller::rights(ctx), ctx.data().now()).await?;
    send(ctx, embeds::prompt(&view), true, vec![]).await
}
