//! The span and the metrics of each scheduled send: a span named `scheduled_send` with the
//! platform, space, kind (prompt or nudge), outcome and latency, one `settled` line in it, and
//! `mentor_scheduled_sends_total` by result and reason. Sends never log their message text.

use crate::app::DeliveryOutcome;
use crate::domain::Platform;
use crate::telemetry::metrics;
use std::time::Duration;
use tracing::field::Empty;
use tracing::Span;

/// The span one claimed send runs in.
pub(super) fn send_span(platform: Platform, kind: &'static str, space: &str) -> Span {
    tracing::info_span!(
        "scheduled_send",
        platform = platform.as_str(),
        space,
        kind,
        outcome = Empty,
        latency_ms = Empty
    )
}

/// Records how a claimed send ended, on the current span and in the metrics.
pub(super) fn settled(platform: Platform, kind: &'static str, outcome: &DeliveryOutcome, took: Duration) {
    let (result, reason) = match outcome {
        DeliveryOutcome::Sent => ("sent", "none"),
        DeliveryOutcome::Refused(_) => ("skipped", "refused"),
        DeliveryOutcome::NotSent => ("failed", "not_sent"),
        DeliveryOutcome::Unknown => ("failed", "maybe_sent"),
    };
    metrics::scheduled_send(platform.as_str(), kind, result, reason);
    let span = Span::current();
    span.record("outcome", result);
    span.record("latency_ms", took.as_secs_f64() * 1000.0);
    tracing::info!(reason, "settled");
}

/// A send that was due but not made: the member had studied, or the time was past the grace.
pub(super) fn skipped(platform: Platform, kind: &'static str, reason: &'static str) {
    metrics::scheduled_send(platform.as_str(), kind, "skipped", reason);
}
