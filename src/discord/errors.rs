//! Turning failures into replies: a `UserError` is shown as written (ephemeral, friendly); an
//! internal error is logged with the command name and cause chain, and the user sees only an
//! apology. Options that do not match what this build registered (a stale registration after
//! a deploy) are a `BadOption`, not an internal error. Each log line says whether the answer
//! was delivered. Nothing here sends an error's raw text.

use super::reply::{self, Reply};
use super::{embeds, Data, Error};
use crate::error::UserError;
use poise::serenity_prelude::CreateEmbed;
use poise::FrameworkError;

/// poise's error hook.
pub async fn on_error(error: FrameworkError<'_, Data, Error>) {
    match error {
        FrameworkError::Command { error, ctx, .. } => match &error {
            Error::User(user_error) => {
                reply_ephemeral(ctx, embeds::user_error(user_error)).await;
            }
            Error::Internal(cause) => {
                let told = reply_ephemeral(ctx, embeds::apology()).await;
                log_internal(cause, &ctx.command().qualified_name, told);
            }
        },
        FrameworkError::GuildOnly { ctx, .. } => {
            reply_ephemeral(ctx, embeds::user_error(&UserError::ServerOnly)).await;
        }
        FrameworkError::ArgumentParse { ctx, input, .. } => {
            let told = reply_ephemeral(ctx, embeds::user_error(&UserError::BadOption)).await;
            tracing::info!(command = %ctx.command().qualified_name, ?input, told, "an option could not be read");
        }
        FrameworkError::CommandStructureMismatch { ctx, description, .. } => {
            let ctx = poise::Context::Application(ctx);
            let told = reply_ephemeral(ctx, embeds::user_error(&UserError::BadOption)).await;
            tracing::info!(command = %ctx.command().qualified_name, description, told, "options do not match the registered command (a registration from another deploy?)");
        }
        FrameworkError::SubcommandRequired { ctx } => {
            let told = reply_ephemeral(ctx, embeds::user_error(&UserError::UnknownCommand)).await;
            tracing::info!(command = %ctx.command().qualified_name, told, "a command without its subcommand");
        }
        FrameworkError::MissingUserPermissions { ctx, .. } => {
            reply_ephemeral(ctx, embeds::user_error(&UserError::NotModerator)).await;
        }
        other => {
            let command = other.ctx().map(|c| c.command().qualified_name.clone()).unwrap_or_default();
            let described = anyhow::anyhow!("{other}");
            let told = match other.ctx() {
                Some(ctx) => reply_ephemeral(ctx, embeds::apology()).await,
                None => false,
            };
            log_internal(&described, &command, told);
        }
    }
}

/// Logs an internal error with its cause chain, once, saying whether the user saw the apology.
fn log_internal(cause: &anyhow::Error, action: &str, told: bool) {
    let error = format!("{cause:#}");
    if told {
        tracing::error!(action, error, "internal error; the user saw an apology");
    } else {
        tracing::error!(action, error, "internal error; no apology could be delivered");
    }
}

/// Sends an ephemeral error embed; returns whether it was delivered.
async fn reply_ephemeral(ctx: poise::Context<'_, Data, Error>, embed: CreateEmbed) -> bool {
    reply::send(ctx, Reply::new(embed, true)).await
}
