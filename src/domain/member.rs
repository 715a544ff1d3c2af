//! Who a member is: a user of a space (a Discord server, a Slack workspace, the local console)
//! on a platform, all as text so Discord snowflakes and Slack ids live side by side.

use std::fmt;

/// The chat platform a member or space belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    Discord,
    Slack,
    Console,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Discord => "discord",
            Platform::Slack => "slack",
            Platform::Console => "console",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A community space: a Discord server, a Slack workspace or the console's local space.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SpaceRef {
    pub platform: Platform,
    pub space_id: String,
}

/// One member of one space. The same person in two servers is two members, each with their
/// own streak, because each community keeps its own study record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MemberRef {
    pub space: SpaceRef,
    pub user_id: String,
}

impl MemberRef {
    pub fn new(platform: Platform, space_id: impl Into<String>, user_id: impl Into<String>) -> Self {
        MemberRef { space: SpaceRef { platform, space_id: space_id.into() }, user_id: user_id.into() }
    }

    pub fn platform(&self) -> Platform {
        self.space.platform
    }
}
