//! Who is calling: the member (server, or "dm" in direct messages, and user) and the rights
//! Discord reports for them, read from the interaction itself so no member list is needed.

use super::Context;
use crate::domain::{CallerRights, MemberRef, Platform};
use poise::serenity_prelude as serenity;

/// The space id used for direct messages, where there is no server.
pub(crate) const DM_SPACE: &str = "dm";

/// A Discord user in a server (or in DMs) as a mentor member.
pub(crate) fn member(guild_id: Option<serenity::GuildId>, user_id: serenity::UserId) -> MemberRef {
    let space = guild_id.map_or_else(|| DM_SPACE.to_string(), |g| g.to_string());
    MemberRef::new(Platform::Discord, space, user_id.to_string())
}

/// The member who invoked the command.
pub(crate) fn invoker(ctx: Context<'_>) -> MemberRef {
    member(ctx.guild_id(), ctx.author().id)
}

/// The rights Discord computed for the invoker in this channel: Manage Server and roles.
pub(crate) fn rights(ctx: Context<'_>) -> CallerRights {
    let poise::Context::Application(app_ctx) = ctx else { return CallerRights::default() };
    rights_of(app_ctx.interaction.member.as_deref())
}

/// The rights of an interaction's member (none in direct messages).
pub(crate) fn rights_of(member: Option<&serenity::Member>) -> CallerRights {
    let Some(member) = member else { return CallerRights::default() };
    CallerRights {
        manage_server: member.permissions.is_some_and(|p| p.manage_guild() || p.administrator()),
        role_ids: member.roles.iter().map(|r| r.to_string()).collect(),
        named_moderator: false,
    }
}

/// The invoker with their rights, as every command is asked.
pub(crate) fn of(ctx: Context<'_>) -> crate::commands::Caller {
    crate::commands::Caller { member: invoker(ctx), rights: rights(ctx) }
}
