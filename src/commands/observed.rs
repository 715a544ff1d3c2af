//! The span and the metrics of every command and click, recorded at the one seam every front end
//! calls: a span named `interaction` with the platform, space, command, outcome and latency
//! (never the member's text or a platform token), one `answered` line in it, and the
//! `mentor_interactions_total` and latency metrics. Whatever the answer logs (an internal error
//! with its cause chain) carries the span's fields.

use super::Caller;
use crate::error::Error;
use crate::present::Reply;
use crate::telemetry::metrics::{self, Outcome};
use std::future::Future;
use std::time::Instant;
use tracing::field::Empty;
use tracing::Instrument;

/// Runs `answer` inside the interaction's span and records how it ended.
pub(super) async fn observed(
    caller: &Caller,
    command: &'static str,
    answer: impl Future<Output = Result<Reply, Error>>,
) -> Result<Reply, Error> {
    let platform = caller.member.platform().as_str();
    let space = caller.member.space.space_id.as_str();
    let span = tracing::info_span!("interaction", platform, space, command, outcome = Empty, latency_ms = Empty);
    let started = Instant::now();
    let result = answer.instrument(span.clone()).await;
    let took = started.elapsed();
    let outcome = match &result {
        Ok(_) => Outcome::Answered,
        Err(Error::User(_)) => Outcome::Refused,
        Err(Error::Internal(_)) => Outcome::Failed,
    };
    metrics::interaction(platform, command, outcome, took);
    span.record("outcome", outcome.label());
    span.record("latency_ms", took.as_secs_f64() * 1000.0);
    span.in_scope(|| tracing::info!("answered"));
    result
}
