//! Settings: /settings for a member's own preferences, /setup for a server's (moderators only:
//! hidden by Discord's default permissions and checked again here, since owners can change
//! what Discord hides).

use super::super::{caller, study_embeds, Context, Error};
use super::send;
use crate::domain::Timezone;
use poise::serenity_prelude as serenity;

async fn complete_timezone(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = ctx.data().app.timezone_choices(partial);
    let choices = choices.into_iter().map(|c| serenity::AutocompleteChoice::new(c.name, c.value)).collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Your settings: the time zone your study days are counted in
#[poise::command(slash_command)]
pub async fn settings(
    ctx: Context<'_>,
    #[description = "Your time zone, such as Europe/Berlin"]
    #[autocomplete = "complete_timezone"]
    #[max_length = 64]
    timezone: Option<String>,
) -> Result<(), Error> {
    let app = &ctx.data().app;
    let member = caller::invoker(ctx);
    let embed = match timezone {
        Some(zone) => {
            let zone = Timezone::parse(&zone)?;
            app.set_timezone(&member, zone, ctx.data().now()).await?;
            study_embeds::timezone_set(zone.name())
        }
        None => study_embeds::timezone_set(app.member_timezone(&member).await?.name()),
    };
    send(ctx, embed, true, vec![]).await
}

/// Server settings for moderators
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    subcommands("setup_show", "setup_timezone", "setup_moderator_role"),
    subcommand_required
)]
pub async fn setup(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Show this server's mentor settings
#[poise::command(slash_command, guild_only, rename = "show")]
pub async fn setup_show(ctx: Context<'_>) -> Result<(), Error> {
    let member = caller::invoker(ctx);
    let view = ctx.data().app.space_settings(&member.space, &caller::rights(ctx)).await?;
    send(ctx, study_embeds::space_settings(&view), true, vec![]).await
}

/// Set the time zone used for members who have not set their own
#[poise::command(slash_command, guild_only, rename = "timezone")]
pub async fn setup_timezone(
    ctx: Context<'_>,
    #[description = "An IANA time zone, such as America/New_York"]
    #[autocomplete = "complete_timezone"]
    #[max_length = 64]
    zone: String,
) -> Result<(), Error> {
    let app = &ctx.data().app;
    let member = caller::invoker(ctx);
    let rights = caller::rights(ctx);
    let zone = Timezone::parse(&zone)?;
    app.set_space_timezone(&member.space, &rights, zone, ctx.data().now()).await?;
    send(ctx, study_embeds::space_settings(&app.space_settings(&member.space, &rights).await?), true, vec![]).await
}

/// Let members of a role use moderator commands (leave empty to clear)
#[poise::command(slash_command, guild_only, rename = "moderator-role")]
pub async fn setup_moderator_role(
    ctx: Context<'_>,
    #[description = "The moderator role"] role: Option<serenity::Role>,
) -> Result<(), Error> {
    let app = &ctx.data().app;
    let member = caller::invoker(ctx);
    let rights = caller::rights(ctx);
    let role_id = role.map(|r| r.id.to_string());
    app.set_moderator_role(&member.space, &rights, role_id.as_deref(), ctx.data().now()).await?;
    send(ctx, study_embeds::space_settings(&app.space_settings(&member.space, &rights).await?), true, vec![]).await
}
