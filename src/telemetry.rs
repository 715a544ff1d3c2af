//! Log set-up: `tracing` to standard error, filtered by `RUST_LOG`, as pretty text or JSON.
//!
//! Logs go to standard error so the console's answers on standard output stay clean to read or
//! pipe. The interactive front ends default to warnings only; the bot defaults to info.

use crate::config::LogFormat;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber; `default_filter` applies when `RUST_LOG` is unset.
pub fn init(format: LogFormat, default_filter: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let result = match format {
        LogFormat::Pretty => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
    // A second init (in tests) keeps the first subscriber, which is what we want.
    let _ = result;
}
