//! Registering the slash commands, in the background and until it works.
//!
//! Registration is a bulk overwrite at Discord, started at the first READY. Interactions are
//! served meanwhile: the commands of the last deploy are still registered at Discord, and the
//! handlers do not depend on registration. A failure is logged and tried again with a growing
//! pause (1 s, doubling, at most 5 minutes), so one 5xx at start never leaves the bot deaf.

use poise::serenity_prelude as serenity;
use serenity::{CreateCommand, Http};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const FIRST_RETRY: Duration = Duration::from_secs(1);
const LONGEST_RETRY: Duration = Duration::from_secs(300);

/// The commands to register, where, and the task doing it.
pub struct Registration {
    commands: Vec<CreateCommand>,
    guild_id: Option<u64>,
    started: AtomicBool,
    task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl Registration {
    pub fn new(commands: Vec<CreateCommand>, guild_id: Option<u64>) -> Self {
        Registration { commands, guild_id, started: AtomicBool::new(false), task: Mutex::new(None) }
    }

    /// Starts registering, once per process (a later READY after a reconnect does nothing).
    pub fn start_once(&self, http: Arc<Http>) {
        if self.started.swap(true, Ordering::SeqCst) {
            return;
        }
        let task = tokio::spawn(register_until_done(http, self.commands.clone(), self.guild_id));
        *self.task.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(task);
    }

    /// Stops retrying (at shutdown).
    pub fn stop(&self) {
        if let Some(task) = self.task.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take() {
            task.abort();
        }
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn register_until_done(http: Arc<Http>, commands: Vec<CreateCommand>, guild_id: Option<u64>) {
    let mut wait = FIRST_RETRY;
    for attempt in 1u32.. {
        let result = match guild_id {
            Some(id) => serenity::GuildId::new(id).set_commands(&http, commands.clone()).await,
            None => serenity::Command::set_global_commands(&http, commands.clone()).await,
        };
        match result {
            Ok(registered) => {
                tracing::info!(commands = registered.len(), guild = ?guild_id, attempt, "commands registered");
                return;
            }
            Err(e) => {
                let error = super::rest::from_serenity(&e);
                tracing::warn!(attempt, retry_in = ?wait, error = %error, "command registration failed; interactions are still served (the commands already registered at Discord stay); trying again");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(LONGEST_RETRY);
            }
        }
    }
}
