//! Turning failures into replies: a `UserError` is shown as written (ephemeral, friendly); an
//! internal error is logged with the command name and cause chain, and the user sees only an
//! apology. Nothing here sends an error's raw text.

use super::{embeds, Data, Error};
use crate::error::{log_internal, UserError};
use poise::serenity_prelude::CreateEmbed;
use poise::{CreateReply, FrameworkError};

/// poise's error hook.
pub async fn on_error(error: FrameworkError<'_, Data, Error>) {
    match error {
        FrameworkError::Command { error, ctx, .. } => {
            let embed = match &error {
                Error::User(user_error) => embeds::user_error(user_error),
                Error::Internal(cause) => {
                    log_internal(cause, &ctx.command().qualified_name);
                    embeds::apology()
                }
            };
            reply_ephemeral(ctx, embed).await;
        }
        FrameworkError::GuildOnly { ctx, .. } => {
            let embed = embeds::user_error(&UserError::ServerOnly);
            reply_ephemeral(ctx, embed).await;
        }
        FrameworkError::ArgumentParse { ctx, input, .. } => {
            tracing::info!(command = %ctx.command().qualified_name, ?input, "an option could not be read");
            reply_ephemeral(ctx, embeds::user_error(&UserError::BadOption)).await;
        }
        FrameworkError::MissingUserPermissions { ctx, .. } => {
            reply_ephemeral(ctx, embeds::user_error(&UserError::NotModerator)).await;
        }
        other => {
            let command = other.ctx().map(|c| c.command().qualified_name.clone()).unwrap_or_default();
            let described = anyhow::anyhow!("{other}");
            log_internal(&described, &command);
            if let Some(ctx) = other.ctx() {
                reply_ephemeral(ctx, embeds::apology()).await;
            }
        }
    }
}

async fn reply_ephemeral(ctx: poise::Context<'_, Data, Error>, embed: CreateEmbed) {
    let reply = CreateReply::default().embed(embed).ephemeral(true);
    if let Err(send_error) = ctx.send(reply).await {
        let cause = anyhow::Error::new(send_error).context("could not send the error reply");
        log_internal(&cause, &ctx.command().qualified_name);
    }
}
