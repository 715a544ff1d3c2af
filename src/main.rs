//! The `backend-mentor` binary: loads `.env`, reads the configuration once, sets up logs, and
//! runs the chosen command. Everything else lives in the library.

use backend_mentor::cli::{Cli, CliCommand};
use backend_mentor::config::Config;
use backend_mentor::console::Console;
use backend_mentor::discord::{self, Clock};
use backend_mentor::{startup, telemetry};
use clap::Parser;
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    if let Err(e) = dotenvy::dotenv() {
        if !e.not_found() {
            eprintln!("The .env file could not be read: {e}");
            return ExitCode::from(2);
        }
    }
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("Configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    let interactive = !matches!(cli.command, None | Some(CliCommand::Run));
    telemetry::init(config.log_format, if interactive { "warn" } else { "info,backend_mentor=info" });
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("Could not start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(cli.command.unwrap_or(CliCommand::Run), config))
}

async fn run(command: CliCommand, config: Config) -> ExitCode {
    let result = match command {
        CliCommand::Check => return check(&config),
        CliCommand::Run => return run_bot(&config).await,
        CliCommand::Console { user } => console(&config, &user).await,
        CliCommand::Ask { line, user } => return ask(&config, &line, &user).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => startup_failed(&e),
    }
}

fn startup_failed(error: &anyhow::Error) -> ExitCode {
    eprintln!("backend-mentor could not start: {error}");
    for cause in error.chain().skip(1) {
        eprintln!("  because: {cause}");
    }
    ExitCode::FAILURE
}

fn check(config: &Config) -> ExitCode {
    let source = startup::content_source(config);
    match source.load() {
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

async fn run_bot(config: &Config) -> ExitCode {
    let Some(discord) = &config.discord else {
        eprintln!("DISCORD_TOKEN is not set, so the Discord bot cannot start.");
        eprintln!("Set it in .env (see .env.example and the README), or try the mentor with no tokens:");
        eprintln!("  backend-mentor console");
        return ExitCode::from(2);
    };
    let app = match startup::build_app(config).await {
        Ok(app) => app,
        Err(e) => return startup_failed(&e),
    };
    let clock: Clock = Arc::new(chrono::Utc::now);
    match discord::run(app, discord, config.scheduler, clock, startup::shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => startup_failed(&e),
    }
}

async fn console(config: &Config, user: &str) -> anyhow::Result<()> {
    let app = startup::build_app(config).await?;
    let console = Console::new(app.clone(), user);
    let result = console.run_repl().await;
    app.store().close().await;
    result
}

async fn ask(config: &Config, line: &str, user: &str) -> ExitCode {
    let app = match startup::build_app(config).await {
        Ok(app) => app,
        Err(e) => return startup_failed(&e),
    };
    let reply = Console::new(app.clone(), user).handle(line, chrono::Utc::now()).await;
    print!("{}", reply.text);
    app.store().close().await;
    ExitCode::from(reply.status.exit_code() as u8)
}
