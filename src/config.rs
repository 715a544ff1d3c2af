//! Configuration from the environment (and `./.env`, loaded in `main` by [`load_env_file`]),
//! read once at start.
//!
//! A missing or invalid value fails with a message naming the variable and what it expects, and
//! never repeating a secret. Tokens and signing secrets are wrapped in [`Secret`], whose `Debug`
//! is redacted, and `DATABASE_URL` in [`DatabaseUrl`], shown without credentials, so logging the
//! config can never leak them; [`Config::secret_values`] lists them for the log redactor. Every
//! variable is documented in `.env.example`.

mod database_url;
mod discord_http;
mod env_file;
mod shards;
mod slack;

pub use database_url::{redact_url, DatabaseUrl};
pub use discord_http::InteractionsEndpoint;
pub use env_file::{load_env_file, read_env_file, EnvFile, EnvFileError};
pub use shards::ShardPlan;
pub use slack::{SlackConfig, SlackMode};

use crate::domain::Timezone;
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

/// The database used when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/backend-mentor.db";

/// A value that must never be printed: its `Debug` is redacted and it has no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

/// A variable that is present but unusable, or required and missing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct ConfigError {
    pub name: &'static str,
    pub problem: String,
}

/// Discord settings, present when `DISCORD_TOKEN` is set.
#[derive(Debug, Clone)]
pub struct DiscordConfig {
    pub token: Secret,
    pub guild_id: Option<u64>,
    pub api_proxy: Option<String>,
    /// The gateway shards this process holds; `None`: one shard in all.
    pub shards: Option<ShardPlan>,
    /// HTTP interactions mode instead of the gateway, when `DISCORD_PUBLIC_KEY` is set.
    pub interactions: Option<InteractionsEndpoint>,
}

/// How the scheduler of prompts and nudges runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchedulerConfig {
    /// How late a post or nudge may still go out after its time (after downtime).
    pub grace_minutes: u32,
    /// Scheduled sends per second at most, under Discord's global limit of 50.
    pub rate_per_second: u32,
    /// How often the scheduler looks for due sends.
    pub tick_seconds: u32,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        SchedulerConfig { grace_minutes: 180, rate_per_second: 40, tick_seconds: 30 }
    }
}

/// Everything the mentor reads from its environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub default_timezone: Timezone,
    pub log_format: LogFormat,
    pub content_dir: Option<PathBuf>,
    pub discord: Option<DiscordConfig>,
    pub slack: Option<SlackConfig>,
    pub scheduler: SchedulerConfig,
    /// Where `/healthz` and `/metrics` are served (`HTTP_BIND`); `None`: not served.
    pub http_bind: Option<SocketAddr>,
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        Ok(Config {
            database_url: DatabaseUrl::parse(&get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string()))?,
            default_timezone: parse_timezone(get("DEFAULT_TIMEZONE"))?,
            log_format: parse_log_format(get("LOG_FORMAT"))?,
            content_dir: get("CONTENT_DIR").map(PathBuf::from),
            discord: discord(&get)?,
            slack: slack::slack(&get)?,
            scheduler: SchedulerConfig {
                grace_minutes: number(&get, "SCHEDULER_GRACE_MINUTES", 180, 0..=1440)?,
                rate_per_second: number(&get, "SCHEDULER_RATE_PER_SECOND", 40, 1..=50)?,
                tick_seconds: number(&get, "SCHEDULER_TICK_SECONDS", 30, 1..=3600)?,
            },
            http_bind: address(get("HTTP_BIND"), "HTTP_BIND")?,
        })
    }

    /// Every configured value a log line or message must never show: the tokens, the signing
    /// secret and the sensitive parts of `DATABASE_URL`.
    pub fn secret_values(&self) -> Vec<String> {
        let mut secrets = self.database_url.sensitive_parts();
        if let Some(discord) = &self.discord {
            secrets.push(discord.token.expose().to_string());
        }
        if let Some(slack) = &self.slack {
            secrets.push(slack.bot_token.expose().to_string());
            secrets.push(match &slack.mode {
                SlackMode::Socket { app_token } => app_token.expose().to_string(),
                SlackMode::Http { signing_secret, .. } => signing_secret.expose().to_string(),
            });
        }
        secrets
    }
}

fn invalid(name: &'static str, problem: impl Into<String>) -> ConfigError {
    ConfigError { name, problem: problem.into() }
}

fn number(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: u32,
    range: std::ops::RangeInclusive<u32>,
) -> Result<u32, ConfigError> {
    let Some(text) = get(name) else { return Ok(default) };
    text.parse::<u32>().ok().filter(|n| range.contains(n)).ok_or_else(|| {
        invalid(name, format!("\"{text}\" is not a whole number from {} to {}", range.start(), range.end()))
    })
}

/// A listening address such as 127.0.0.1:8080 or 0.0.0.0:8080, when set.
fn address(value: Option<String>, name: &'static str) -> Result<Option<SocketAddr>, ConfigError> {
    value
        .map(|text| {
            text.parse().map_err(|_| {
                invalid(name, format!("\"{text}\" is not an address; expected one such as 127.0.0.1:8080"))
            })
        })
        .transpose()
}

fn parse_timezone(value: Option<String>) -> Result<Timezone, ConfigError> {
    match value {
        None => Ok(Timezone::UTC),
        Some(v) => Timezone::parse(&v).map_err(|_| {
            invalid(
                "DEFAULT_TIMEZONE",
                format!("\"{v}\" is not an IANA time zone; expected a name such as UTC or Europe/Berlin"),
            )
        }),
    }
}

fn parse_log_format(value: Option<String>) -> Result<LogFormat, ConfigError> {
    match value.as_deref().map(str::to_lowercase).as_deref() {
        None | Some("pretty") => Ok(LogFormat::Pretty),
        Some("json") => Ok(LogFormat::Json),
        Some(other) => Err(invalid("LOG_FORMAT", format!("\"{other}\" is not a log format; expected pretty or json"))),
    }
}

fn discord(get: &impl Fn(&str) -> Option<String>) -> Result<Option<DiscordConfig>, ConfigError> {
    let Some(token) = get("DISCORD_TOKEN") else {
        return Ok(None);
    };
    let guild_id =
        match get("DISCORD_GUILD_ID") {
            None => None,
            Some(v) => Some(v.parse::<u64>().ok().filter(|id| *id > 0).ok_or_else(|| {
                invalid("DISCORD_GUILD_ID", "expected a server id: a number such as 123456789012345678")
            })?),
        };
    let api_proxy = get("DISCORD_API_PROXY");
    if let Some(proxy) = &api_proxy {
        if !proxy.starts_with("http://") && !proxy.starts_with("https://") {
            return Err(invalid("DISCORD_API_PROXY", "expected a base URL such as http://127.0.0.1:3000"));
        }
    }
    let shards = shards::shard_plan(get("DISCORD_SHARD_COUNT"), get("DISCORD_SHARDS"))?;
    let interactions = discord_http::interactions_endpoint(get)?;
    if interactions.is_some() && shards.is_some() {
        return Err(invalid(
            "DISCORD_SHARDS",
            "HTTP mode (DISCORD_PUBLIC_KEY) holds no gateway shards; set one or the other",
        ));
    }
    Ok(Some(DiscordConfig { token: Secret(token), guild_id, api_proxy, shards, interactions }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn nothing_set_gives_the_embedded_defaults() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url.expose(), DEFAULT_DATABASE_URL);
        assert_eq!(c.default_timezone, Timezone::UTC);
        assert!(c.discord.is_none());
    }

    #[test]
    fn an_invalid_value_names_its_variable() {
        let e = config(&[("DEFAULT_TIMEZONE", "Mars/Olympus")]).unwrap_err();
        assert_eq!(e.name, "DEFAULT_TIMEZONE");
        assert_eq!(config(&[("LOG_FORMAT", "xml")]).unwrap_err().name, "LOG_FORMAT");
        assert_eq!(config(&[("SCHEDULER_RATE_PER_SECOND", "500")]).unwrap_err().name, "SCHEDULER_RATE_PER_SECOND");
        assert_eq!(config(&[("HTTP_BIND", "8080")]).unwrap_err().name, "HTTP_BIND");
        assert_eq!(config(&[("HTTP_BIND", "127.0.0.1:8080")]).unwrap().http_bind, Some(([127, 0, 0, 1], 8080).into()));
        let e = config(&[("DISCORD_TOKEN", "t"), ("DISCORD_GUILD_ID", "abc")]).unwrap_err();
        assert_eq!(e.name, "DISCORD_GUILD_ID");
    }

    #[test]
    fn secrets_never_show_in_debug_output() {
        let c = config(&[("DISCORD_TOKEN", "very-secret-token")]).unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("very-secret-token"));
        assert!(shown.contains("redacted"));
    }

    #[test]
    fn a_database_url_of_another_database_stops_the_start_by_name() {
        let e = config(&[("DATABASE_URL", "mysql://mentor:my-pass-123@db/mentor")]).unwrap_err();
        assert_eq!(e.name, "DATABASE_URL");
        assert!(e.to_string().contains("MySQL is not supported") && !e.to_string().contains("my-pass"));
    }

    #[test]
    fn secret_values_list_every_token_and_the_database_password() {
        let c = config(&[("DATABASE_URL", "sqlite://me:db-pass-42@localhost/x.db"), ("DISCORD_TOKEN", "discord-tok")])
            .unwrap();
        let secrets = c.secret_values();
        for expected in ["db-pass-42", "discord-tok"] {
            assert!(secrets.iter().any(|s| s == expected), "{expected} missing");
        }
        assert!(!format!("{c:?}").contains("db-pass-42"));
    }
}
