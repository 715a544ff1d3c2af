//! Study groups. On Discord a group is a role and on Slack a channel (the id is the key, the
//! name is shown); on the console it is a name members join. Either way the leaderboard sees the same thing.

use crate::error::UserError;

/// The longest group name accepted.
pub const MAX_GROUP_NAME: usize = 40;

/// A group of one space: a stable key and the name to show.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GroupRef {
    pub key: String,
    pub name: String,
}

impl GroupRef {
    /// A named group (console, Slack); names match whatever their letter case.
    pub fn named(name: &str) -> Result<Self, UserError> {
        let name = name.trim();
        let length = name.chars().count();
        let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_');
        if length == 0 || length > MAX_GROUP_NAME || !name.chars().all(allowed) {
            return Err(UserError::InvalidGroupName { given: name.to_string(), max: MAX_GROUP_NAME });
        }
        Ok(GroupRef { key: format!("name:{}", name.to_lowercase()), name: name.to_string() })
    }

    /// A Slack channel as a group: the channel id stays the key when the channel is renamed.
    pub fn channel(channel_id: &str, channel_name: &str) -> Self {
        let name = super::text::kept_text(channel_name);
        GroupRef { key: format!("channel:{channel_id}"), name: format!("#{}", name.trim_start_matches('#')) }
    }

    /// A Discord role as a group: the role id stays the key when the role is renamed.
    pub fn role(role_id: &str, role_name: &str) -> Self {
        GroupRef { key: format!("role:{role_id}"), name: super::text::kept_text(role_name) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_groups_ignore_case_and_refuse_odd_names() {
        assert_eq!(GroupRef::named("Rustaceans").unwrap().key, GroupRef::named(" rustaceans ").unwrap().key);
        assert!(GroupRef::named("").is_err());
        assert!(GroupRef::named("<@everyone>").is_err());
        assert!(GroupRef::named(&"x".repeat(41)).is_err());
        assert_eq!(GroupRef::role("123", "Night owls").key, "role:123");
    }
}
