//! Who is calling: the member (server, or "dm" in direct messages, and user) and the rights
//! Discord reports for them, read from the interaction itself so no member list is needed.

use crate::domain::{CallerRights, MemberRef, Platform};
use poise::serenity_prelude as serenity;

/// The space id used for direct messages, where there is no server.
pub(crate) const DM_SPACE: &str = "dm";

/// A Discord user in a server (or in DMs) as a mentor member.
pub(crate) fn member(guild_id: Option<serenity::GuildId>, user_id: serenity::UserId) -> MemberRef {
    let space = guild_id.map_or_else(|| DM_SPACE.to_string(), |g| g.to_string());
    MemberRef::new(Platform::Discord, space, user_id.to_string())
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

/// The invoker of a command interaction with their rights, as every command is asked.
pub(crate) fn of(interaction: &serenity::CommandInteraction) -> crate::commands::Caller {
    crate::commands::Caller {
        member: member(interaction.guild_id, interaction.user.id),
        rights: rights_of(interaction.member.as_deref()),
    }
}
