//! The command line: `run` (every configured platform, the default), `console`, `ask`, `check`
//! and `health`.

use clap::{Parser, Subcommand};

/// backend-mentor: a mentor for people learning backend development.
///
/// Try it with no tokens at all: `backend-mentor console`, then type /help.
/// Configuration comes from environment variables or ./.env (see .env.example); a configuration
/// error exits with 2.
#[derive(Debug, Parser)]
#[command(name = "backend-mentor", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Start every configured platform: Discord (DISCORD_TOKEN), Slack (SLACK_BOT_TOKEN and SLACK_APP_TOKEN) or both. This is the default.
    Run,
    /// Chat with the mentor in this terminal, as a local member. No tokens needed.
    Console {
        /// Your name in the local space (your streak is kept under it).
        #[arg(long, env = "USER", default_value = "you")]
        user: String,
    },
    /// Run one console line and exit: 0 answered, 1 nothing matched, 2 usage or configuration
    /// error, 3 something went wrong on the mentor's side (an internal error, or a database it
    /// could not open; the reason is on standard error).
    ///
    /// Example: backend-mentor ask "/faq which language should I learn first"
    Ask {
        /// The line to run, such as "/compare postgres mongodb".
        line: String,
        /// Your name in the local space.
        #[arg(long, env = "USER", default_value = "you")]
        user: String,
    },
    /// Validate the content (the bundled copy, or CONTENT_DIR) and print what it holds.
    Check,
    /// Ask the running mentor's /healthz (at HTTP_BIND) and print what it says: exit 0 when
    /// healthy, 1 when not or when nothing answers. The Docker image's HEALTHCHECK.
    Health,
}
