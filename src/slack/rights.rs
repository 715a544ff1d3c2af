//! Moderator rights on Slack: workspace admins and owners, read from `users.info` (scope
//! `users:read`) only for commands that consult rights, and kept for a few minutes so a
//! moderator's run of commands costs one call (the method allows about 100 a minute). A lookup
//! that fails grants nothing and is not kept: the member is refused politely and may retry.

use super::web::Web;
use crate::domain::CallerRights;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long an answer from `users.info` is trusted: a demoted admin loses moderator commands
/// within this time.
const KEPT_FOR: Duration = Duration::from_secs(300);
/// Entries kept at most; the oldest half is dropped past it.
const KEPT_AT_MOST: usize = 10_000;

pub(super) struct Admins {
    known: Mutex<HashMap<(String, String), (Instant, bool)>>,
}

impl Admins {
    pub(super) fn new() -> Self {
        Admins { known: Mutex::new(HashMap::new()) }
    }

    /// The member's rights in their workspace.
    pub(super) async fn rights(&self, web: &Web, team: &str, user: &str) -> CallerRights {
        let key = (team.to_string(), user.to_string());
        let cached = self.known.lock().unwrap_or_else(|e| e.into_inner()).get(&key).copied();
        let admin = match cached {
            Some((at, admin)) if at.elapsed() < KEPT_FOR => admin,
            _ => match self.look_up(web, user).await {
                Some(admin) => {
                    self.keep(key, admin);
                    admin
                }
                None => false,
            },
        };
        CallerRights { manage_server: admin, ..CallerRights::default() }
    }

    async fn look_up(&self, web: &Web, user: &str) -> Option<bool> {
        match web.user(user).await {
            Ok(found) => {
                let flags = found.flags;
                Some(flags.is_admin.unwrap_or(false) || flags.is_owner.unwrap_or(false))
            }
            Err(e) => {
                tracing::warn!(error = %e, "users.info failed; the member gets no moderator rights this time");
                None
            }
        }
    }

    fn keep(&self, key: (String, String), admin: bool) {
        let mut known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        if known.len() >= KEPT_AT_MOST {
            let mut ages: Vec<Instant> = known.values().map(|(at, _)| *at).collect();
            ages.sort();
            let cutoff = ages[ages.len() / 2];
            known.retain(|_, (at, _)| *at > cutoff);
        }
        known.insert(key, (Instant::now(), admin));
    }
}
