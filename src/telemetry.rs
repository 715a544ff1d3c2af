//! Log set-up: `tracing` to standard error, filtered by `RUST_LOG`, as pretty text or JSON, with
//! every line passed through the secret [`Redactor`].
//!
//! Logs go to standard error so the console's answers on standard output stay clean to read or
//! pipe. The interactive front ends default to warnings only; the bot defaults to info. Whatever
//! `RUST_LOG` asks for, the wire-level crates stay at debug or above: at trace they dump whole
//! request and websocket frames as bytes (the IDENTIFY frame holds the bot token, every
//! interaction its token), which no pattern could reliably mask.

pub mod metrics;
mod redact;

pub use redact::{RedactingWriter, Redactor, REDACTED};

use crate::config::{Config, LogFormat};
use std::io::IsTerminal;
use std::sync::Arc;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::EnvFilter;

/// Crates that log raw bytes or full requests at trace: HTTP, TLS and websocket plumbing.
const WIRE_CRATES: &[&str] =
    &["hyper", "hyper_util", "reqwest", "h2", "rustls", "tokio_rustls", "tungstenite", "tokio_tungstenite"];

/// The redactor for this configuration: its tokens, signing secret and database password.
pub fn redactor(config: &Config) -> Arc<Redactor> {
    Arc::new(Redactor::new(config.secret_values()))
}

/// Installs the global subscriber with no configured secrets (token-shaped values are still
/// masked); `default_filter` applies when `RUST_LOG` is unset.
pub fn init(format: LogFormat, default_filter: &str) {
    init_with_redactor(format, default_filter, Arc::new(Redactor::default()));
}

/// Installs the global subscriber, masking `redactor`'s secrets. `log` records (from crates that
/// use `log` rather than `tracing`) go through the same filters and redactor.
pub fn init_with_redactor(format: LogFormat, default_filter: &str, redactor: Arc<Redactor>) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let wire_cap = WIRE_CRATES.iter().fold(Targets::new().with_default(LevelFilter::TRACE), |targets, name| {
        targets.with_target(*name, LevelFilter::DEBUG)
    });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(RedactingWriter::new(std::io::stderr, redactor));
    let result = match format {
        LogFormat::Pretty => builder.finish().with(wire_cap).try_init(),
        LogFormat::Json => builder.json().finish().with(wire_cap).try_init(),
    };
    // A second init (in tests) keeps the first subscriber, which is what we want.
    let _ = result;
}
