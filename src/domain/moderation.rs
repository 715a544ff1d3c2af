//! Who counts as a moderator: a member with the platform's admin right (Discord's Manage Server,
//! a Slack workspace admin or owner), one holding the space's configured moderator role, or one
//! a moderator named. Discord hides moderator commands by default permissions,
//! but a server owner can change that, so the bot decides here as well.

/// What the platform tells us about the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallerRights {
    pub manage_server: bool,
    pub role_ids: Vec<String>,
    /// A moderator of the space named this member one (read from the store by the core).
    pub named_moderator: bool,
}

/// True when the caller may use moderator commands in this space.
pub fn is_moderator(caller: &CallerRights, moderator_role: Option<&str>) -> bool {
    caller.manage_server
        || caller.named_moderator
        || moderator_role.is_some_and(|role| caller.role_ids.iter().any(|r| r == role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manage_server_or_the_configured_role_makes_a_moderator() {
        let plain = CallerRights { role_ids: vec!["1".into()], ..CallerRights::default() };
        assert!(!is_moderator(&plain, None));
        assert!(!is_moderator(&plain, Some("2")));
        assert!(is_moderator(&plain, Some("1")));
        assert!(is_moderator(&CallerRights { manage_server: true, ..CallerRights::default() }, None));
        assert!(is_moderator(&CallerRights { named_moderator: true, ..CallerRights::default() }, None));
    }
}
