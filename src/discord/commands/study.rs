//! Study commands about the caller: /checkin and /streak. Answers are ephemeral.

use super::super::{caller, embeds, study_embeds, Context, Error};
use super::send;
use crate::domain::{Minutes, Note};
use poise::serenity_prelude as serenity;

/// Count today as a study day (in your own time zone)
#[poise::command(slash_command)]
pub async fn checkin(
    ctx: Context<'_>,
    #[description = "Minutes you studied (1 to 1440)"]
    #[min = 1]
    #[max = 1440]
    minutes: Option<i64>,
    #[description = "A short note about what you studied"]
    #[max_length = 500]
    note: Option<String>,
) -> Result<(), Error> {
    let minutes = minutes.map(Minutes::new).transpose()?;
    let note = Note::new(note.as_deref().unwrap_or(""))?;
    let member = caller::invoker(ctx);
    let view = ctx.data().app.check_in(&member, ctx.data().now(), minutes, note).await?;
    send(ctx, study_embeds::checkin(&view), true, vec![]).await
}

/// Your study streak, or another member's
#[poise::command(slash_command)]
pub async fn streak(
    ctx: Context<'_>,
    #[description = "Whose streak to show (yourself if empty)"] member: Option<serenity::User>,
) -> Result<(), Error> {
    let (target, name) = match &member {
        Some(user) => (caller::member(ctx.guild_id(), user.id), Some(embeds::escape_markdown(&user.name))),
        None => (caller::invoker(ctx), None),
    };
    let view = ctx.data().app.streak(&target, ctx.data().now()).await?;
    send(ctx, study_embeds::streak(&view, name.as_deref()), true, vec![]).await
}
