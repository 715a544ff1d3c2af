//! Who counts as a moderator: a member with the Manage Server permission, or one holding the
//! space's configured moderator role. Discord hides moderator commands by default permissions,
//! but a server owner can change that, so the bot decides here as well.

/// What the platform tells us about the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallerRights {
    pub manage_server: bool,
    pub role_ids: Vec<String>,
}

/// True when the caller may use moderator commands in this space.
pub fn is_moderator(caller: &CallerRights, moderator_role: Option<&str>) -> bool {
    caller.manage_server || moderator_role.is_some_and(|role| caller.role_ids.iter().any(|r| r == role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manage_server_or_the_configured_role_makes_a_moderator() {
        let plain = CallerRights { manage_server: false, role_ids: vec!["1".into()] };
        assert!(!is_moderator(&plain, None));
        assert!(!is_moderator(&plain, Some("2")));
        assert!(is_moderator(&plain, Some("1")));
        assert!(is_moderator(&CallerRights { manage_server: true, role_ids: vec![] }, None));
    }
}
