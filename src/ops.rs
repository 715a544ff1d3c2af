//! The operators' HTTP listener, on `HTTP_BIND` (off by default): `GET /healthz` answers 200
//! when the store takes a write and every platform link is up, else 503, with one line per part
//! naming what is down; `GET /metrics` is the Prometheus text format (`telemetry::metrics`).
//! `backend-mentor health` asks `/healthz` of a running mentor, for the Docker `HEALTHCHECK`.
//!
//! The answers come from `App::health`, so every front end's links and either store are checked
//! the same way; this file only serves them.

use crate::app::App;
use crate::clock::Clock;
use crate::startup::Shutdown;
use crate::telemetry::metrics::Metrics;
use anyhow::Context as _;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

/// How often histogram samples are folded into their buckets when nobody scrapes, so memory
/// stays flat on a bot that no Prometheus watches.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// How long `backend-mentor health` waits for the answer (the store check alone may take 2 s).
const PROBE_TIMEOUT: Duration = Duration::from_secs(4);

#[derive(Clone)]
struct Ops {
    app: App,
    clock: Clock,
    metrics: Metrics,
}

/// Binds the listener, so a taken port stops the start before any member is answered.
pub async fn bind(address: SocketAddr) -> anyhow::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(address).await.with_context(|| format!("could not listen on HTTP_BIND {address}"))
}

/// Serves `/healthz` and `/metrics` until `shutdown` fires.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: App,
    clock: Clock,
    metrics: Metrics,
    shutdown: Shutdown,
) -> anyhow::Result<()> {
    let upkeep = metrics.clone();
    let upkeep = tokio::spawn(async move {
        let mut every = tokio::time::interval(UPKEEP_EVERY);
        loop {
            every.tick().await;
            upkeep.run_upkeep();
        }
    });
    let router = Router::new().route("/healthz", get(healthz)).route("/metrics", get(metrics_text)).with_state(Ops {
        app,
        clock,
        metrics,
    });
    tracing::info!(address = %listener.local_addr()?, "serving /healthz and /metrics");
    let served = axum::serve(listener, router).with_graceful_shutdown(async move { shutdown.wait().await }).await;
    upkeep.abort();
    served.context("the health and metrics listener failed")
}

async fn healthz(State(ops): State<Ops>) -> impl IntoResponse {
    let report = ops.app.health(ops.clock.now()).await;
    let status = if report.healthy() { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, report.describe())
}

async fn metrics_text(State(ops): State<Ops>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], ops.metrics.render())
}

/// Asks a running mentor's `/healthz` (at the loopback address when it listens on all):
/// whether it answered 200, and what it said.
pub async fn probe(address: SocketAddr) -> anyhow::Result<(bool, String)> {
    let host = match address.ip() {
        ip if ip.is_unspecified() && ip.is_ipv4() => Ipv4Addr::LOCALHOST.into(),
        ip if ip.is_unspecified() => Ipv6Addr::LOCALHOST.into(),
        ip => ip,
    };
    let url = format!("http://{}/healthz", SocketAddr::new(host, address.port()));
    let client = reqwest::Client::builder().timeout(PROBE_TIMEOUT).build()?;
    let answer = client.get(&url).send().await.with_context(|| format!("no answer from {url}"))?;
    let healthy = answer.status().is_success();
    Ok((healthy, answer.text().await.unwrap_or_default()))
}
