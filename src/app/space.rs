//! `App` actions for a space's settings, which only moderators may change: the default time
//! zone for members who set none, and the moderator role.

use super::App;
use crate::domain::moderation::is_moderator;
use crate::domain::{CallerRights, SpaceRef, Timezone};
use crate::error::{Error, UserError};
use chrono::{DateTime, Utc};

/// A space's settings as shown by `/setup show`.
pub struct SpaceSettingsView {
    pub timezone: Timezone,
    pub timezone_is_default: bool,
    pub moderator_role: Option<String>,
}

impl App {
    /// Refuses unless the caller is a moderator of this space.
    pub async fn require_moderator(&self, space: &SpaceRef, caller: &CallerRights) -> Result<(), Error> {
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
