//! REST requests whose failures must be read whole: serenity keeps only the status and Discord's
//! error code of a refused request, and drops the `retry_after` and `global` of a 429 (its body
//! has no `code`, so serenity cannot even decode it) and whether a failed request was sent at
//! all. Here serenity still builds each request (route, proxy, token), and the answer is read
//! by this module: a success's body, or a `RestError` that says how long to wait and whether
//! the request may have reached Discord.

use poise::serenity_prelude as serenity;
use serenity::{Http, LightMethod, Request, Route};
use std::sync::Arc;
use std::time::Duration;

/// How long one request may take before its outcome is taken as unknown.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Discord answered with an error, or the request failed on the way.
#[derive(Debug)]
pub enum RestError {
    /// Discord's refusal: the status, its error code (0 when absent) and message, and for a 429
    /// how long to wait and whether the limit is the bot's global one.
    Refused { status: u16, code: i64, message: String, retry_after: Option<Duration>, global: bool },
    /// The connection could not be made: nothing reached Discord.
    NotSent(String),
    /// Sent (or perhaps sent) with no answer: a timeout, a dropped connection.
    NoAnswer(String),
}

impl RestError {
    /// True for a server error or a lost answer, after which the request may have been done.
    pub fn may_have_been_done(&self) -> bool {
        match self {
            RestError::Refused { status, .. } => *status >= 500,
            RestError::NotSent(_) => false,
            RestError::NoAnswer(_) => true,
        }
    }
}

impl std::fmt::Display for RestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RestError::Refused { status, code, message, retry_after, global } => {
                write!(f, "Discord answered {status} (code {code}): {message}")?;
                match retry_after {
                    Some(wait) => write!(f, "; retry after {wait:?}{}", if *global { " (global)" } else { "" }),
                    None => Ok(()),
                }
            }
            RestError::NotSent(why) => write!(f, "the request could not be sent: {why}"),
            RestError::NoAnswer(why) => write!(f, "the request got no answer: {why}"),
        }
    }
}

impl std::error::Error for RestError {}

/// Sends serenity-built requests through the bot's own `Http` settings (token and proxy).
#[derive(Clone)]
pub struct Rest {
    http: Arc<Http>,
    client: reqwest::Client,
}

impl Rest {
    pub fn new(http: Arc<Http>) -> Self {
        let client = reqwest::Client::builder().timeout(REQUEST_TIMEOUT).build().unwrap_or_default();
        Rest { http, client }
    }

    /// Sends a JSON body to a route; gives the answer's body (empty for 204).
    pub async fn send_json(
        &self,
        route: Route<'_>,
        method: LightMethod,
        body: &impl serde::Serialize,
    ) -> Result<Vec<u8>, RestError> {
        let bytes =
            serde_json::to_vec(body).map_err(|e| RestError::NotSent(format!("the body did not encode: {e}")))?;
        let request = Request::new(route, method).body(Some(bytes));
        // Neither error is shown: their text can hold the URL, and with it an interaction token.
        let unbuilt = || RestError::NotSent("the request could not be built".into());
        let builder =
            request.build(&self.client, self.http.token(), self.http.proxy.as_deref()).map_err(|_| unbuilt())?;
        let built = builder.build().map_err(|_| unbuilt())?;
        let response = self.client.execute(built).await.map_err(|e| {
            // Only a failed connect proves the request never left; anything later may have reached Discord.
            if e.is_connect() {
                RestError::NotSent(e.without_url().to_string())
            } else {
                RestError::NoAnswer(e.without_url().to_string())
            }
        })?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(|e| RestError::NoAnswer(e.without_url().to_string()))?;
        if (200..300).contains(&status) {
            return Ok(body.to_vec());
        }
        Err(refusal(status, &headers, &body))
    }
}

/// A serenity request's failure in the same terms: the status and code are all it keeps (no
/// wait for a 429); a failure without an answer may have reached Discord. The text is built
/// from those parts only, never serenity's own, which can hold a URL with an interaction token.
pub fn from_serenity(error: &serenity::Error) -> RestError {
    match error {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(response)) => RestError::Refused {
            status: response.status_code.as_u16(),
            code: i64::try_from(response.error.code).unwrap_or(0),
            message: response.error.message.chars().take(200).collect(),
            retry_after: None,
            global: false,
        },
        serenity::Error::Http(serenity::HttpError::Request(e)) if e.is_connect() => {
            RestError::NotSent("the connection to Discord failed".into())
        }
        serenity::Error::Http(serenity::HttpError::Request(e)) if e.is_timeout() => {
            RestError::NoAnswer("the request timed out".into())
        }
        serenity::Error::Http(_) => RestError::NoAnswer("the request failed on the way".into()),
        // Model and builder checks fail before anything is sent.
        _ => RestError::NotSent("serenity refused to build the request".into()),
    }
}

/// Reads Discord's error body and, for a 429, the wait from the body or else the headers.
fn refusal(status: u16, headers: &reqwest::header::HeaderMap, body: &[u8]) -> RestError {
    let json: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let seconds = json["retry_after"].as_f64().or_else(|| header("retry-after").and_then(|v| v.parse().ok()));
    let retry_after = seconds.filter(|s| s.is_finite() && *s >= 0.0).map(|s| Duration::from_secs_f64(s.min(3600.0)));
    let global = json["global"].as_bool().unwrap_or(false) || header("x-ratelimit-global").as_deref() == Some("true");
    RestError::Refused {
        status,
        code: json["code"].as_i64().unwrap_or(0),
        message: json["message"].as_str().unwrap_or_default().chars().take(200).collect(),
        retry_after,
        global,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_429_body_gives_the_wait_and_the_global_flag() {
        let body = br#"{"message":"You are being rate limited.","retry_after":5.0,"global":true}"#;
        let RestError::Refused { status, retry_after, global, .. } = refusal(429, &Default::default(), body) else {
            panic!("a refusal")
        };
        assert_eq!((status, retry_after, global), (429, Some(Duration::from_secs(5)), true));
    }

    #[test]
    fn without_a_body_the_retry_after_header_is_used() {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("retry-after", "2".parse().unwrap());
        let RestError::Refused { retry_after, global, .. } = refusal(429, &headers, b"") else { panic!("a refusal") };
        assert_eq!((retry_after, global), (Some(Duration::from_secs(2)), false));
    }
}
