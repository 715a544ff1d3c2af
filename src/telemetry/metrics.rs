//! The mentor's metrics, each named once here and recorded through the `metrics` facade from the
//! seam where its event happens: interactions in `commands`, scheduled sends in `scheduler`,
//! rate-limit waits and the gateway in `discord`, store calls where the store forwards each one.
//!
//! Nothing is recorded until [`install`] has put the Prometheus recorder in place (the bot does
//! when `HTTP_BIND` is set); before that every call is a no-op, so the console and the tests pay
//! nothing. Labels are closed sets (platform, command, outcome, kind, reason, store call), never
//! a member, a space or text, so the number of series stays small on a server of any size.

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram, Unit};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder};
use std::time::Duration;

/// What renders the recorded metrics as Prometheus text.
pub use metrics_exporter_prometheus::PrometheusHandle as Metrics;
pub const INTERACTIONS: &str = "mentor_interactions_total";
pub const INTERACTION_SECONDS: &str = "mentor_interaction_duration_seconds";
pub const SCHEDULED_SENDS: &str = "mentor_scheduled_sends_total";
pub const RATE_LIMIT_WAITS: &str = "mentor_rate_limit_waits_total";
pub const RATE_LIMIT_WAIT_SECONDS: &str = "mentor_rate_limit_wait_seconds";
pub const GATEWAY_LATENCY_SECONDS: &str = "mentor_gateway_latency_seconds";
pub const GATEWAY_RECONNECTS: &str = "mentor_gateway_reconnects_total";
pub const STORE_CALL_SECONDS: &str = "mentor_store_call_duration_seconds";
pub const STORE_ERRORS: &str = "mentor_store_errors_total";
pub const CHECKINS_PER_COMMIT: &str = "mentor_checkins_per_commit";

/// Histogram buckets in seconds: from a cached `/faq` (tens of microseconds) to a slow heatmap
/// or a store under a lock (seconds).
const BUCKETS: &[f64] = &[0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// Check-ins written by one commit: 1 while the writer keeps up, up to a lane's batch of 32.
const BATCH_BUCKETS: &[f64] = &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0];

/// Installs the process-wide Prometheus recorder and describes every metric; the handle renders
/// the text format for `/metrics`. Fails if a recorder is already installed.
pub fn install() -> anyhow::Result<Metrics> {
    let handle = PrometheusBuilder::new()
        .set_buckets(BUCKETS)?
        .set_buckets_for_metric(Matcher::Full(CHECKINS_PER_COMMIT.to_string()), BATCH_BUCKETS)?
        .install_recorder()?;
    describe_counter!(INTERACTIONS, "Commands and clicks answered, by platform, command and outcome.");
    describe_histogram!(
        INTERACTION_SECONDS,
        Unit::Seconds,
        "Time to answer a command or click, by platform and command."
    );
    describe_counter!(SCHEDULED_SENDS, "Daily prompts and study nudges, by platform, kind and result (with a reason).");
    describe_counter!(RATE_LIMIT_WAITS, "Times a platform answered 429 and the request waited, by platform and scope.");
    describe_histogram!(RATE_LIMIT_WAIT_SECONDS, Unit::Seconds, "How long each rate-limit wait lasted.");
    describe_gauge!(GATEWAY_LATENCY_SECONDS, Unit::Seconds, "Discord gateway heartbeat round trip, by shard.");
    describe_counter!(GATEWAY_RECONNECTS, "Discord gateway connections re-established after a drop, by shard.");
    describe_histogram!(STORE_CALL_SECONDS, Unit::Seconds, "Time of each store call, by call.");
    describe_counter!(STORE_ERRORS, "Database calls that failed, by call.");
    describe_histogram!(CHECKINS_PER_COMMIT, "Check-ins written together by one transaction (app/checkin_lanes.rs).");
    Ok(handle)
}

/// How an interaction ended, for the `outcome` label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Answered as asked.
    Answered,
    /// Answered with a friendly refusal (unknown topic, bad time zone, no rights...).
    Refused,
    /// An internal failure: the member saw the short apology.
    Failed,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Answered => "answered",
            Outcome::Refused => "refused",
            Outcome::Failed => "failed",
        }
    }
}

/// One answered command or click.
pub fn interaction(platform: &'static str, command: &'static str, outcome: Outcome, took: Duration) {
    counter!(INTERACTIONS, "platform" => platform, "command" => command, "outcome" => outcome.label()).increment(1);
    histogram!(INTERACTION_SECONDS, "platform" => platform, "command" => command).record(took.as_secs_f64());
}

/// One scheduled send settled: `result` is sent, skipped or failed, `reason` why (or "none").
pub fn scheduled_send(platform: &'static str, kind: &'static str, result: &'static str, reason: &'static str) {
    counter!(SCHEDULED_SENDS, "platform" => platform, "kind" => kind, "result" => result, "reason" => reason)
        .increment(1);
}

/// A request that waited out a platform's 429; `scope` is global, route or pacing.
pub fn rate_limit_wait(platform: &'static str, scope: &'static str, waited: Duration) {
    counter!(RATE_LIMIT_WAITS, "platform" => platform, "scope" => scope).increment(1);
    histogram!(RATE_LIMIT_WAIT_SECONDS, "platform" => platform, "scope" => scope).record(waited.as_secs_f64());
}

/// The latest heartbeat round trip of a gateway shard.
pub fn gateway_latency(shard: u32, latency: Duration) {
    gauge!(GATEWAY_LATENCY_SECONDS, "shard" => shard.to_string()).set(latency.as_secs_f64());
}

/// A gateway shard connected again after it had been connected before.
pub fn gateway_reconnect(shard: u32) {
    counter!(GATEWAY_RECONNECTS, "shard" => shard.to_string()).increment(1);
}

/// One store call: its time, and whether it failed.
pub fn store_call(call: &'static str, took: Duration, failed: bool) {
    histogram!(STORE_CALL_SECONDS, "call" => call).record(took.as_secs_f64());
    if failed {
        store_error(call);
    }
}

/// A store call that failed, or never ended in its time limit.
pub fn store_error(call: &'static str) {
    counter!(STORE_ERRORS, "call" => call).increment(1);
}

/// A batch of check-ins about to be written in one transaction.
pub fn checkin_batch(size: usize) {
    histogram!(CHECKINS_PER_COMMIT).record(size as f64);
}
