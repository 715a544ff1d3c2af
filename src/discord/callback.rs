//! An interaction's first answer (the callback), tried again inside Discord's window after a
//! 429 (waiting what Discord said) or a server error. "Already acknowledged" on a later try
//! means an earlier one got through, so it counts as done. Used for command answers and defers
//! (`reply.rs`) and for button clicks (`buttons.rs`).

use super::rest::{self, Rest, RestError};
use poise::serenity_prelude as serenity;
use serenity::{Builder as _, CreateInteractionResponse, Http, InteractionId, LightMethod, Route};
use std::time::Duration;
use tokio::time::Instant;

/// Discord allows 3 seconds for the first answer; the last 200 ms are left for the trip there.
pub const ANSWER_WITHIN: Duration = Duration::from_millis(2800);

/// Discord's code for a second first answer.
const ALREADY_ACKNOWLEDGED: i64 = 40060;

/// Where a first answer goes, and the command or button it is for (for the log).
#[derive(Clone, Copy)]
pub struct Callback<'a> {
    pub http: &'a Http,
    pub rest: &'a Rest,
    pub id: InteractionId,
    pub token: &'a str,
    pub name: &'a str,
}

/// Sends the first answer, retrying until `deadline` while a retry can still help.
pub async fn first_answer(
    to: Callback<'_>,
    response: &CreateInteractionResponse,
    has_file: bool,
    deadline: Instant,
) -> Result<(), RestError> {
    let mut backoff = Duration::from_millis(100);
    loop {
        let error = match send_once(to, response, has_file).await {
            Ok(()) => return Ok(()),
            Err(RestError::Refused { code: ALREADY_ACKNOWLEDGED, .. }) => return Ok(()),
            Err(error) => error,
        };
        let wait = match &error {
            RestError::Refused { status: 429, retry_after, .. } => retry_after.unwrap_or(backoff),
            RestError::Refused { status, .. } if *status >= 500 => backoff,
            RestError::NotSent(_) => backoff,
            _ => return Err(error),
        };
        if Instant::now() + wait >= deadline {
            return Err(error);
        }
        tracing::debug!(interaction = to.name, error = %error, ?wait, "a first answer failed; trying again");
        tokio::time::sleep(wait).await;
        backoff *= 2;
    }
}

async fn send_once(to: Callback<'_>, response: &CreateInteractionResponse, has_file: bool) -> Result<(), RestError> {
    if has_file {
        // Files go as multipart, which serenity builds; its errors carry the status only.
        return response.clone().execute(to.http, (to.id, to.token)).await.map_err(|e| rest::from_serenity(&e));
    }
    let route = Route::InteractionResponse { interaction_id: to.id, token: to.token };
    to.rest.send_json(route, LightMethod::Post, response).await.map(|_| ())
}
