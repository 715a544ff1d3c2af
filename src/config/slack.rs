//! The Slack variables. Slack is configured when any of its secrets is set. The bot token
//! (`xoxb-`) is always needed, for every Web API call; with it, either the app-level token
//! (`xapp-`) for Socket Mode (the default: no public URL) or the signing secret for HTTP mode
//! (behind a load balancer, listening on `SLACK_HTTP_ADDR`), never both. A value of the wrong
//! kind is named by its variable and what it should be, never echoed.

use super::{invalid, ConfigError, Secret};
use std::net::SocketAddr;

/// Where HTTP mode listens when `SLACK_HTTP_ADDR` is unset.
const DEFAULT_HTTP_ADDR: &str = "0.0.0.0:3000";

/// Slack settings, present when `SLACK_BOT_TOKEN`, `SLACK_APP_TOKEN` or `SLACK_SIGNING_SECRET` is set.
#[derive(Debug, Clone)]
pub struct SlackConfig {
    pub bot_token: Secret,
    pub mode: SlackMode,
    /// The Web API base (`SLACK_API_URL`), e.g. `http://127.0.0.1:3000/api`; Slack's own when unset.
    pub api_url: Option<String>,
}

/// How Slack reaches the mentor.
#[derive(Debug, Clone)]
pub enum SlackMode {
    /// A WebSocket the mentor opens with the app-level token.
    Socket { app_token: Secret },
    /// Slack's signed HTTP requests to this address.
    Http { signing_secret: Secret, listen: SocketAddr },
}

pub(super) fn slack(get: &impl Fn(&str) -> Option<String>) -> Result<Option<SlackConfig>, ConfigError> {
    let (bot, app, signing) = (get("SLACK_BOT_TOKEN"), get("SLACK_APP_TOKEN"), get("SLACK_SIGNING_SECRET"));
    if bot.is_none() && app.is_none() && signing.is_none() {
        return Ok(None);
    }
    let bot_token = token(bot, "SLACK_BOT_TOKEN", "xoxb-", "the bot token, under OAuth & Permissions")?;
    let mode = match (app, signing) {
        (Some(_), Some(_)) => {
            return Err(invalid(
                "SLACK_SIGNING_SECRET",
                "set either SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode), not both",
            ))
        }
        (None, Some(secret)) if secret.trim().is_empty() => {
            return Err(invalid("SLACK_SIGNING_SECRET", "empty: copy the Signing Secret under Basic Information"))
        }
        (None, Some(secret)) => {
            let address = get("SLACK_HTTP_ADDR").unwrap_or_else(|| DEFAULT_HTTP_ADDR.to_string());
            let listen = address
                .parse()
                .map_err(|_| invalid("SLACK_HTTP_ADDR", "expected an address and port such as 0.0.0.0:3000"))?;
            SlackMode::Http { signing_secret: Secret::new(secret), listen }
        }
        (app, None) => SlackMode::Socket {
            app_token: token(
                app,
                "SLACK_APP_TOKEN",
                "xapp-",
                "an app-level token with connections:write (or SLACK_SIGNING_SECRET for HTTP mode)",
            )?,
        },
    };
    let api_url = get("SLACK_API_URL").map(|url| url.trim_end_matches('/').to_string());
    if let Some(url) = &api_url {
        if !url.starts_with("http://") && !url.starts_with("https://") {
            return Err(invalid("SLACK_API_URL", "expected a base URL such as https://slack.com/api"));
        }
    }
    Ok(Some(SlackConfig { bot_token, mode, api_url }))
}

fn token(value: Option<String>, name: &'static str, prefix: &str, what: &str) -> Result<Secret, ConfigError> {
    match value {
        None => Err(invalid(name, format!("missing: Slack needs {what} (starting {prefix}) as well"))),
        Some(v) if !v.starts_with(prefix) => Err(invalid(name, format!("expected {what}, starting {prefix}"))),
        Some(v) => Ok(Secret::new(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(vars: &[(&str, &str)]) -> Result<Option<SlackConfig>, ConfigError> {
        slack(&|name: &str| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn no_token_means_no_slack_and_both_mean_slack() {
        assert!(read(&[]).unwrap().is_none());
        let config = read(&[("SLACK_BOT_TOKEN", "xoxb-1"), ("SLACK_APP_TOKEN", "xapp-2")]).unwrap().unwrap();
        let SlackMode::Socket { app_token } = &config.mode else { panic!("the app token means Socket Mode") };
        assert_eq!((config.bot_token.expose(), app_token.expose()), ("xoxb-1", "xapp-2"));
        assert_eq!(config.api_url, None);
    }

    #[test]
    fn a_signing_secret_means_http_mode_and_both_modes_at_once_are_refused() {
        let http = read(&[("SLACK_BOT_TOKEN", "xoxb-1"), ("SLACK_SIGNING_SECRET", "s3cret-value")]).unwrap().unwrap();
        let SlackMode::Http { signing_secret, listen } = &http.mode else { panic!("HTTP mode") };
        assert_eq!((signing_secret.expose(), listen.port()), ("s3cret-value", 3000));
        let both =
            [("SLACK_BOT_TOKEN", "xoxb-1"), ("SLACK_APP_TOKEN", "xapp-2"), ("SLACK_SIGNING_SECRET", "s3cret-value")];
        let error = read(&both).unwrap_err();
        assert_eq!(error.name, "SLACK_SIGNING_SECRET");
        assert!(!error.to_string().contains("s3cret"), "{error}");
        let address =
            [("SLACK_BOT_TOKEN", "xoxb-1"), ("SLACK_SIGNING_SECRET", "s3cret-value"), ("SLACK_HTTP_ADDR", "port 80")];
        assert_eq!(read(&address).unwrap_err().name, "SLACK_HTTP_ADDR");
    }

    #[test]
    fn a_missing_or_swapped_token_is_named_and_never_echoed() {
        let missing = read(&[("SLACK_BOT_TOKEN", "xoxb-secret-1")]).unwrap_err();
        assert_eq!(missing.name, "SLACK_APP_TOKEN");
        let swapped = read(&[("SLACK_BOT_TOKEN", "xapp-secret-2"), ("SLACK_APP_TOKEN", "xoxb-secret-3")]).unwrap_err();
        assert_eq!(swapped.name, "SLACK_BOT_TOKEN");
        for error in [missing, swapped] {
            assert!(!error.to_string().contains("secret"), "{error}");
        }
    }

    #[test]
    fn the_api_url_must_be_http_and_loses_a_trailing_slash() {
        let tokens = [("SLACK_BOT_TOKEN", "xoxb-1"), ("SLACK_APP_TOKEN", "xapp-2")];
        let url = read(&[tokens[0], tokens[1], ("SLACK_API_URL", "http://127.0.0.1:9/api/")]).unwrap().unwrap();
        assert_eq!(url.api_url.as_deref(), Some("http://127.0.0.1:9/api"));
        let bad = read(&[tokens[0], tokens[1], ("SLACK_API_URL", "127.0.0.1:9")]).unwrap_err();
        assert_eq!(bad.name, "SLACK_API_URL");
    }
}
