//! The Discord front end: a poise framework on serenity, sharing one `App` with every handler.
//!
//! Handlers are thin (parse options → call `App` → render an embed). Only non-privileged intents
//! are requested (no message content, no member list) and the cache keeps no users or channels.
//! REST calls may go through a Discord REST proxy (`DISCORD_API_PROXY`), which is also how the
//! tests point the real client at a fake Discord on 127.0.0.1.

mod callback;
mod caller;
mod commands;
mod components;
mod dispatch;
mod endpoint;
mod errors;
mod gateway_health;
mod lifecycle;
mod options;
mod outbox;
mod registration;
pub mod render;
mod reply;
mod rest;
mod syntax;

use crate::app::App;
use crate::clock::Clock;
use crate::config::DiscordConfig;
use chrono::{DateTime, Utc};
use poise::serenity_prelude as serenity;

pub use lifecycle::{DiscordFrontEnd, InFlight};

/// What every handler shares.
pub struct Data {
    pub app: App,
    pub clock: Clock,
    /// REST requests whose whole answer is read (interaction answers, scheduled sends).
    rest: rest::Rest,
}

impl Data {
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

pub type Error = crate::error::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

impl From<serenity::Error> for crate::error::Error {
    fn from(e: serenity::Error) -> Self {
        crate::error::Error::Internal(anyhow::Error::new(e).context("a Discord request failed"))
    }
}

/// Every slash command the bot registers.
pub fn commands() -> Vec<poise::Command<Data, Error>> {
    commands::all()
}

/// The REST client: through the proxy when one is configured (serenity's own rate limiter is
/// then off, because the proxy does the limiting), else straight to Discord.
pub fn http_client(config: &DiscordConfig) -> serenity::Http {
    let builder = serenity::HttpBuilder::new(config.token.expose());
    match &config.api_proxy {
        Some(proxy) => builder.proxy(proxy.trim_end_matches('/')).ratelimiter_disabled(true).build(),
        None => builder.build(),
    }
}

/// poise's options: the commands, error handling, button routing. Registration and dispatch
/// are in `dispatch.rs`.
fn framework_options() -> poise::FrameworkOptions<Data, Error> {
    poise::FrameworkOptions {
        commands: commands(),
        on_error: |error| Box::pin(errors::on_error(error)),
        event_handler: |framework, event| Box::pin(components::on_event(framework, event)),
        allowed_mentions: Some(serenity::CreateAllowedMentions::new()),
        initialize_owners: false,
        // No command has a cooldown. Left to poise, every invocation would still be recorded per
        // user and per member in maps that never shrink: memory that grows with every member
        // who ever typed a command, and a pause each time a map doubles.
        manual_cooldowns: true,
        ..Default::default()
    }
}
