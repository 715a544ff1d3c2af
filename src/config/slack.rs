//! The Slack variables. Slack is configured when either token is set, and then both must be:
//! Socket Mode needs the app-level token (`xapp-`) to open its connection and the bot token
//! (`xoxb-`) for every Web API call. A token of the wrong kind is named by its variable and
//! its expected prefix, never echoed.

use super::{invalid, ConfigError, Secret};

/// Slack settings, present when `SLACK_BOT_TOKEN` or `SLACK_APP_TOKEN` is set.
#[derive(Debug, Clone)]
pub struct SlackConfig {
    pub bot_token: Secret,
    pub app_token: Secret,
    /// The Web API base (`SLACK_API_URL`), e.g. `http://127.0.0.1:3000/api`; Slack's own when unset.
    pub api_url: Option<String>,
}

pub(super) fn slack(get: &impl Fn(&str) -> Option<String>) -> Result<Option<SlackConfig>, ConfigError> {
    let (bot, app) = (get("SLACK_BOT_TOKEN"), get("SLACK_APP_TOKEN"));
    if bot.is_none() && app.is_none() {
        return Ok(None);
    }
    let bot_token = token(bot, "SLACK_BOT_TOKEN", "xoxb-", "the bot token, under OAuth & Permissions")?;
    let app_token = token(app, "SLACK_APP_TOKEN", "xapp-", "an app-level token with connections:write")?;
    let api_url = get("SLACK_API_URL").map(|url| url.trim_end_matches('/').to_string());
    if let Some(url) = &api_url {
        if !url.starts_with("http://") && !url.starts_with("https://") {
            return Err(invalid("SLACK_API_URL", "expected a base URL such as https://slack.com/api"));
        }
    }
    Ok(Some(SlackConfig { bot_token, app_token, api_url }))
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
        assert_eq!((config.bot_token.expose(), config.app_token.expose()), ("xoxb-1", "xapp-2"));
        assert_eq!(config.api_url, None);
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
