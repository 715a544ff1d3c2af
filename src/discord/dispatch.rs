//! The bot's serenity framework: poise's command handling, driven here instead of by
//! `poise::Framework`, so that the handlers' `Data` exists before anything else happens and no
//! interaction waits on command registration (which runs in the background, `registration.rs`).
//!
//! Every event is counted while it is handled (for a graceful shutdown). An interaction seen
//! before is dropped (`crate::recent`); a slash command runs beside the defer timer (`reply.rs`);
//! an unknown command or subcommand is answered kindly; everything else goes to poise.

use super::gateway_health::Reconnects;
use super::lifecycle::InFlight;
use super::registration::Registration;
use super::reply::{self, Answer, Target};
use super::rest::Rest;
use super::{render, Data, Error};
use crate::app::App;
use crate::clock::Clock;
use crate::error::UserError;
use crate::recent::RecentIds;
use poise::serenity_prelude as serenity;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// Interaction ids kept per shard of `RecentIds`: 16 x 4,096, about half a minute of traffic at
/// 2,000 interactions a second, which covers a gateway replay.
const RECENT_PER_SHARD: usize = 4096;

/// The framework the serenity client runs.
pub(crate) struct Dispatcher {
    options: poise::FrameworkOptions<Data, Error>,
    /// Taken in `init` to build `Data`, which needs the client's HTTP.
    parts: Option<(App, Clock)>,
    data: Option<Data>,
    shard_manager: Option<Arc<serenity::ShardManager>>,
    registration: Option<Registration>,
    guild_id: Option<u64>,
    in_flight: Arc<InFlight>,
    recent: RecentIds<u64>,
    reconnects: Reconnects,
}

impl Dispatcher {
    pub(crate) fn new(
        options: poise::FrameworkOptions<Data, Error>,
        app: App,
        clock: Clock,
        guild_id: Option<u64>,
        in_flight: Arc<InFlight>,
    ) -> Self {
        Dispatcher {
            options,
            parts: Some((app, clock)),
            data: None,
            shard_manager: None,
            registration: None,
            guild_id,
            in_flight,
            recent: RecentIds::new(RECENT_PER_SHARD),
            reconnects: Reconnects::default(),
        }
    }

    async fn handle(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        let (Some(data), Some(shard_manager)) = (&self.data, &self.shard_manager) else { return };
        if let serenity::FullEvent::Ready { .. } = &event {
            if let Some(registration) = &self.registration {
                registration.start_once(Arc::clone(&ctx.http));
            }
        }
        match &event {
            serenity::FullEvent::Ready { .. } => self.reconnects.connected(&data.app, ctx.shard_id.0, false),
            serenity::FullEvent::Resume { .. } => self.reconnects.connected(&data.app, ctx.shard_id.0, true),
            _ => {}
        }
        if let serenity::FullEvent::InteractionCreate { interaction } = &event {
            if !self.recent.first_time(interaction.id().get()) {
                tracing::info!(interaction = %interaction.id(), "an interaction delivered a second time was dropped; it was handled once");
                return;
            }
        }
        let framework =
            poise::FrameworkContext { serenity_context: &ctx, options: &self.options, user_data: data, shard_manager };
        match &event {
            serenity::FullEvent::InteractionCreate { interaction: serenity::Interaction::Command(command) } => {
                run_command(framework, command).await;
            }
            _ => poise::dispatch_event(framework, event).await,
        }
    }
}

#[serenity::async_trait]
impl serenity::Framework for Dispatcher {
    async fn init(&mut self, client: &serenity::Client) {
        poise::set_qualified_names(&mut self.options.commands);
        self.shard_manager = Some(Arc::clone(&client.shard_manager));
        let commands = poise::builtins::create_application_commands(&self.options.commands);
        self.registration = Some(Registration::new(commands, self.guild_id));
        if let Some((app, clock)) = self.parts.take() {
            self.data = Some(Data { app, clock, rest: Rest::new(Arc::clone(&client.http)) });
        }
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        let _counted = self.in_flight.enter();
        self.handle(ctx, event).await;
    }
}

/// One slash command: poise parses and runs it while the defer timer runs beside it.
async fn run_command(framework: poise::FrameworkContext<'_, Data, Error>, interaction: &serenity::CommandInteraction) {
    let answer = Answer::new();
    let has_sent = AtomicBool::new(false);
    let to = Target {
        http: &framework.serenity_context.http,
        rest: &framework.user_data.rest,
        interaction,
        has_sent_initial_response: &has_sent,
    };
    let invocation_data =
        tokio::sync::Mutex::new(Box::new(Arc::clone(&answer)) as Box<dyn std::any::Any + Send + Sync>);
    let options = interaction.data.options();
    let mut command_tree = Vec::new();
    let command = async {
        let dispatched = poise::dispatch_interaction(
            framework,
            interaction,
            &has_sent,
            &invocation_data,
            &options,
            &mut command_tree,
        )
        .await;
        match dispatched {
            Ok(()) => {}
            Err(poise::FrameworkError::UnknownInteraction { .. }) => unknown_command(to, &answer).await,
            Err(other) => other.handle(framework.options).await,
        }
    };
    let defer_ephemeral = reply::defers_privately(&interaction.data.name);
    answer.answered_in_time(to, defer_ephemeral, command).await;
    if !answer.told().await {
        tracing::warn!(command = %interaction.data.name, "a command ended without any answer; the user was not told anything");
    }
}

/// A command or subcommand this build does not have (a registration from another deploy).
async fn unknown_command(to: Target<'_>, answer: &Answer) {
    let reply = render::reply(&crate::commands::failure(&UserError::UnknownCommand.into()));
    let told = reply::send_to(to, answer, reply).await;
    let options: Vec<&str> = to.interaction.data.options.iter().map(|o| o.name.as_str()).collect();
    tracing::info!(command = %to.interaction.data.name, ?options, told, "an unknown command or subcommand; answered that it is not known");
}
