//! Turning failures into replies: a `UserError` is shown as written (ephemeral, friendly); an
//! internal error is logged with the command name and cause chain, and the user sees only an
//! apology. Options that do not match what this build registered (a stale registration after
//! a deploy) are a `BadOption`, not an internal error. Each log line says whether the answer
//! was delivered. Nothing here sends an error's raw text.

use super::{render, reply, Data, Error};
use crate::commands::{failure, log_failure};
use crate::error::UserError;
use poise::FrameworkError;

/// poise's error hook.
pub(crate) async fn on_error(error: FrameworkError<'_, Data, Error>) {
    match error {
        FrameworkError::Command { error, ctx, .. } => {
            let told = reply_with(ctx, &error).await;
            log_failure(&error, &ctx.command().qualified_name, told);
        }
        FrameworkError::GuildOnly { ctx, .. } => {
            reply_with(ctx, &UserError::ServerOnly.into()).await;
        }
        FrameworkError::ArgumentParse { ctx, input, .. } => {
            let told = reply_with(ctx, &UserError::BadOption.into()).await;
            tracing::info!(command = %ctx.command().qualified_name, ?input, told, "an option could not be read");
        }
        FrameworkError::CommandStructureMismatch { ctx, description, .. } => {
            let ctx = poise::Context::Application(ctx);
            let told = reply_with(ctx, &UserError::BadOption.into()).await;
            tracing::info!(command = %ctx.command().qualified_name, description, told, "options do not match the registered command (a registration from another deploy?)");
        }
        FrameworkError::SubcommandRequired { ctx } => {
            let told = reply_with(ctx, &UserError::UnknownCommand.into()).await;
            tracing::info!(command = %ctx.command().qualified_name, told, "a command without its subcommand");
        }
        FrameworkError::MissingUserPermissions { ctx, .. } => {
            reply_with(ctx, &UserError::NotModerator.into()).await;
        }
        other => {
            let command = other.ctx().map(|c| c.command().qualified_name.clone()).unwrap_or_default();
            let described = Error::Internal(anyhow::anyhow!("{other}"));
            let told = match other.ctx() {
                Some(ctx) => reply_with(ctx, &described).await,
                None => false,
            };
            log_failure(&described, &command, told);
        }
    }
}

/// Sends the reply for a failure (always private); returns whether it was delivered.
async fn reply_with(ctx: poise::Context<'_, Data, Error>, error: &Error) -> bool {
    reply::send(ctx, render::reply(&failure(error))).await
}
