//! A Slack member's time zone from their Slack profile (`users.info`'s `tz`), so their days are
//! counted where they live without asking: before a command that counts in the member's day, a
//! member with no zone of their own is given Slack's, which `/mentor settings` can change.
//! Asked once per member per process; a member Slack gives no zone (`tz` may be null) or whose
//! zone is unknown here keeps the space's default. A failed lookup changes nothing and is
//! tried again next time.

use super::web::Web;
use crate::app::App;
use crate::domain::{MemberRef, Timezone};
use crate::recent::RecentIds;
use chrono::{DateTime, Utc};

/// Members remembered as settled, per shard: past it the oldest are forgotten, which costs a
/// database read (and, for a member Slack gives no zone, one more `users.info`) next time.
const SETTLED_PER_SHARD: usize = 4096;

pub(super) struct Zones {
    /// Members whose zone is settled: their own, adopted, or none to be had.
    settled: RecentIds<(String, String)>,
}

impl Zones {
    pub(super) fn new() -> Self {
        Zones { settled: RecentIds::new(SETTLED_PER_SHARD) }
    }

    /// Whether the member's zone is settled, so answering needs no `users.info` first.
    pub(super) async fn is_settled(&self, app: &App, member: &MemberRef) -> bool {
        if self.settled.contains(&key(member)) {
            return true;
        }
        match app.has_own_timezone(member).await {
            Ok(own) => {
                if own {
                    self.settled.first_time(key(member));
                }
                own
            }
            // The command itself will meet the same fault and answer it.
            Err(_) => true,
        }
    }

    /// Gives the member Slack's zone when they have none of their own.
    pub(super) async fn adopt(&self, app: &App, web: &Web, member: &MemberRef, now: DateTime<Utc>) {
        if self.is_settled(app, member).await {
            return;
        }
        let tz = match web.user(&member.user_id).await {
            Ok(user) => user.tz,
            Err(e) => return tracing::warn!(error = %e, "users.info failed; the member's zone stays as it is"),
        };
        if let Some(zone) = tz.as_deref().and_then(|name| Timezone::parse(name).ok()) {
            if let Err(e) = app.set_timezone(member, zone, now).await {
                return tracing::warn!(error = %e, "Slack's zone for the member could not be saved");
            }
        }
        self.settled.first_time(key(member));
    }
}

fn key(member: &MemberRef) -> (String, String) {
    (member.space.space_id.clone(), member.user_id.clone())
}
