//! `App` actions for a space's settings, which only moderators may change: the default time
//! zone for members who set none, and the moderator role.

use super::App;
use crate::domain::moderation::is_moderator;
use crate::domain::text::{kept_text, member_id_given};
use crate::domain::{CallerRights, MemberRef, SpaceRef, Timezone};
use crate::error::{Error, UserError};
use chrono::{DateTime, Utc};

/// A space's settings as shown by `/setup show`.
pub struct SpaceSettingsView {
    pub timezone: Timezone,
    pub timezone_is_default: bool,
    pub moderator_role: Option<String>,
    /// Members a moderator named, by the platform's user id.
    pub named_moderators: Vec<String>,
}

impl App {
    /// Refuses unless the caller is a moderator of this space.
    pub async fn require_moderator(&self, space: &SpaceRef, caller: &CallerRights) -> Result<(), Error> {
        // The role only adds moderators, so one who is a moderator without it costs no read.
        if is_moderator(caller, None) {
            return Ok(());
        }
        let role = self.store.moderator_role(space).await?;
        if is_moderator(caller, role.as_deref()) {
            Ok(())
        } else {
            Err(UserError::NotModerator.into())
        }
    }

    pub async fn space_settings(&self, space: &SpaceRef, caller: &CallerRights) -> Result<SpaceSettingsView, Error> {
        self.require_moderator(space, caller).await?;
        let zone = self.store.space_timezone(space).await?;
        Ok(SpaceSettingsView {
            timezone: zone.unwrap_or(self.default_timezone),
            timezone_is_default: zone.is_none(),
            moderator_role: self.store.moderator_role(space).await?,
            named_moderators: self.store.named_moderators(space).await?,
        })
    }

    /// The caller's rights with what the space adds to the platform's: whether a moderator
    /// named them one. Read only when the platform did not already make them a moderator.
    pub async fn rights_in_space(&self, member: &MemberRef, platform: CallerRights) -> Result<CallerRights, Error> {
        if platform.manage_server {
            return Ok(platform);
        }
        let named_moderator = self.store.is_named_moderator(member).await?;
        Ok(CallerRights { named_moderator, ..platform })
    }

    /// Names a member a moderator of the space (`add`), or takes it back; false when nothing
    /// changed. Only a moderator may.
    pub async fn name_moderator(
        &self,
        by: &MemberRef,
        rights: &CallerRights,
        user_id: &str,
        add: bool,
        now: DateTime<Utc>,
    ) -> Result<bool, Error> {
        self.require_moderator(&by.space, rights).await?;
        let Some(user_id) = member_id_given(user_id) else {
            return Err(UserError::NotAMember { given: kept_text(user_id) }.into());
        };
        Ok(if add {
            self.store.name_moderator(&by.space, user_id, &by.user_id, now).await?
        } else {
            self.store.unname_moderator(&by.space, user_id).await?
        })
    }

    pub async fn set_space_timezone(
        &self,
        space: &SpaceRef,
        caller: &CallerRights,
        zone: Timezone,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        self.require_moderator(space, caller).await?;
        self.store.set_space_timezone(space, zone.name(), now).await?;
        Ok(())
    }

    pub async fn set_moderator_role(
        &self,
        space: &SpaceRef,
        caller: &CallerRights,
        role_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        self.require_moderator(space, caller).await?;
        self.store.set_moderator_role(space, role_id, now).await?;
        Ok(())
    }
}
