//! The `backend-mentor` binary: loads `./.env`, reads the configuration once, sets up logs, and
//! runs the chosen command. Everything else lives in the library.
//!
//! Exit codes: 0 done, 2 a configuration or usage error, 1 any other failure to start or run;
//! `ask` adds 1 for "nothing matched" and so reports every other failure as 3. Every message
//! printed here passes through the log redactor, so a token or database password in an error's
//! cause chain is masked.

use backend_mentor::cli::{Cli, CliCommand};
use backend_mentor::clock::Clock;
use backend_mentor::config::{load_env_file, Config, EnvFile};
use backend_mentor::console::{Console, ConsoleFrontEnd};
use backend_mentor::discord::DiscordFrontEnd;
use backend_mentor::ops;
use backend_mentor::slack::SlackFrontEnd;
use backend_mentor::startup::{self, Root};
use backend_mentor::telemetry;
use backend_mentor::telemetry::metrics::Metrics;
use backend_mentor::telemetry::Redactor;
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// What `ask` exits with when it could not answer at all (the console's "internal error" code).
const ASK_FAILED: u8 = 3;

fn main() -> ExitCode {
    // Only the current folder's .env: see `config::load_env_file` for why not the parents'.
    let folder = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let env_file = match load_env_file(&folder) {
        Ok(env_file) => env_file,
        Err(e) => {
            configuration_error(&e.to_string());
            return ExitCode::from(2);
        }
    };
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            configuration_error(&e.to_string());
            return ExitCode::from(2);
        }
    };
    let redactor = telemetry::redactor(&config);
    let interactive = !matches!(cli.command, None | Some(CliCommand::Run));
    let default_filter = if interactive { "warn" } else { "info,backend_mentor=info" };
    telemetry::init_with_redactor(config.log_format, default_filter, Arc::clone(&redactor));
    match &env_file {
        EnvFile::Loaded(path) => tracing::info!(file = %path.display(), "settings read from the .env file"),
        EnvFile::Absent(path) => {
            tracing::info!(looked_for = %path.display(), "no .env file; using the environment only")
        }
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("Could not start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let code = runtime.block_on(run(cli.command.unwrap_or(CliCommand::Run), config, &redactor));
    // The console's read of standard input is a blocking thread that only a new line would end;
    // everything that matters has stopped and the database is closed, so it is not waited for.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    code
}

/// A configuration error, before any log is set up: one JSON object when `LOG_FORMAT` asks for
/// JSON (a collector then reads why the start failed), else a line of text. The messages name
/// the variable or the file and line, never a value that could be a secret.
fn configuration_error(message: &str) {
    let json = std::env::var("LOG_FORMAT").is_ok_and(|format| format.trim().eq_ignore_ascii_case("json"));
    if json {
        let line = serde_json::json!({
            "timestamp": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            "level": "ERROR",
            "fields": { "message": format!("Configuration error: {message}") },
            "target": "backend_mentor::config",
        });
        eprintln!("{line}");
    } else {
        eprintln!("Configuration error: {message}");
    }
}

async fn run(command: CliCommand, config: Config, redactor: &Redactor) -> ExitCode {
    let result = match command {
        CliCommand::Check => return check(&config),
        CliCommand::Health => return health(&config).await,
        CliCommand::Run => return run_bot(&config, redactor).await,
        CliCommand::Console { user } => console(&config, &user).await,
        CliCommand::Ask { line, user } => return ask(&config, &line, &user, redactor).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => startup_failed(&e, redactor),
    }
}

/// Prints why the start failed, cause by cause, with secrets masked; exits 1.
fn startup_failed(error: &anyhow::Error, redactor: &Redactor) -> ExitCode {
    eprintln!("{}", redactor.redact(&format!("backend-mentor could not start: {error}")));
    for cause in error.chain().skip(1) {
        eprintln!("{}", redactor.redact(&format!("  because: {cause}")));
    }
    ExitCode::FAILURE
}

fn check(config: &Config) -> ExitCode {
    let source = startup::content_source(config);
    match source.load(&backend_mentor::startup::render_limits()) {
        Ok(content) => {
            let c = content.counts();
            println!("Content OK ({source:?}):");
            println!(
                "  {} roadmap steps, {} technologies, {} comparisons, {} FAQ entries, {} daily prompts",
                c.steps, c.technologies, c.comparisons, c.faq, c.prompts
            );
            println!(
                "  career map: {} skill tracks, {} specializations, {} levels, {} salary rows",
                c.tracks, c.specializations, c.levels, c.salary_rows
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Content check failed: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run_bot(config: &Config, redactor: &Redactor) -> ExitCode {
    if config.discord.is_none() && config.slack.is_none() {
        eprintln!("Neither DISCORD_TOKEN nor the Slack tokens are set, so no platform can start.");
        eprintln!("Set it in .env (see .env.example and the README), or try the mentor with no tokens:");
        eprintln!("  backend-mentor console");
        return ExitCode::from(2);
    };
    // Listening from here, so a SIGTERM during the migrations is a clean stop once they end.
    let signal = startup::shutdown_signal();
    // Bound and recording before the store opens, so a taken port stops the start at once and
    // the start's own store calls are measured.
    let operations = match config.http_bind {
        Some(address) => match operations(address).await {
            Ok(ready) => Some(ready),
            Err(e) => return startup_failed(&e, redactor),
        },
        None => None,
    };
    let app = match startup::build_app(config).await {
        Ok(app) => app,
        Err(e) => return startup_failed(&e, redactor),
    };
    // Every front end is built before any starts serving, so one that cannot be built stops
    // the start before a member was answered.
    let slack = match config.slack.as_ref().map(SlackFrontEnd::new).transpose() {
        Ok(slack) => slack,
        Err(e) => return startup_failed(&e, redactor),
    };
    let mut root = Root::new(app, Clock::system(), config.scheduler);
    if let Some((listener, metrics)) = operations {
        root.start_task("health and metrics", move |app, clock, shutdown| {
            ops::serve(listener, app, clock, metrics, shutdown)
        });
    }
    if let Some(discord) = &config.discord {
        root.start(DiscordFrontEnd::new(discord));
    }
    if let Some(slack) = slack {
        root.start(slack);
    }
    match root.run(signal).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => startup_failed(&e, redactor),
    }
}

/// The health listener's socket and the installed metrics recorder.
async fn operations(address: std::net::SocketAddr) -> anyhow::Result<(tokio::net::TcpListener, Metrics)> {
    let listener = ops::bind(address).await?;
    Ok((listener, telemetry::metrics::install()?))
}

/// `backend-mentor health`: 0 when the running mentor's /healthz says healthy.
async fn health(config: &Config) -> ExitCode {
    let Some(address) = config.http_bind else {
        eprintln!("HTTP_BIND is not set, so there is no /healthz to ask; set it for `run` and here alike.");
        return ExitCode::from(2);
    };
    match ops::probe(address).await {
        Ok((healthy, report)) => {
            print!("{report}");
            if healthy {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("unhealthy: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn console(config: &Config, user: &str) -> anyhow::Result<()> {
    let signal = startup::shutdown_signal();
    let app = startup::build_app(config).await?;
    let mut root = Root::new(app, Clock::system(), config.scheduler);
    root.start(ConsoleFrontEnd::new(user, config.scheduler));
    root.run(signal).await
}

async fn ask(config: &Config, line: &str, user: &str, redactor: &Redactor) -> ExitCode {
    let app = match startup::build_app(config).await {
        Ok(app) => app,
        Err(e) => {
            startup_failed(&e, redactor);
            return ExitCode::from(ASK_FAILED);
        }
    };
    let console = Console::new(app.clone(), user, Clock::system()).with_scheduling(config.scheduler);
    let reply = console.handle(line).await;
    print!("{}", reply.text);
    app.close().await;
    ExitCode::from(reply.status.exit_code() as u8)
}
