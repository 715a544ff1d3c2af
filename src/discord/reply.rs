//! Answering a command interaction once, in time, and saying truthfully whether it arrived.
//!
//! Discord drops an interaction that gets no first answer within 3 seconds. A command runs
//! beside a timer (`answered_in_time`): when the command is still busy after `DEFER_AFTER`
//! (waiting on the store), the interaction is deferred ("thinking...") and the command's answer
//! follows as a follow-up. Fast commands never defer, so the usual case costs no extra request.
//! The first answer is retried inside the window after a 429 (as long as Discord says) or a
//! server error; an answer that could not be delivered is logged, and never turned into an
//! apology: what the command did stands, and the user must not be told to repeat it.

use super::callback::{first_answer, Callback, ANSWER_WITHIN};
use super::rest::{self, Rest, RestError};
use super::{Context, Data};
use poise::serenity_prelude as serenity;
use serenity::{
    CommandInteraction, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateEmbed,
    CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage, Http,
};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, Notify};
use tokio::time::Instant;

/// A command still running after this long is deferred.
pub(crate) const DEFER_AFTER: Duration = Duration::from_millis(1500);

/// Commands whose successful answer everyone in the channel sees; the rest answer only the
/// caller. A deferred answer keeps the visibility chosen when deferring, so it is chosen by this.
const PUBLIC_COMMANDS: &[&str] = &["compare", "faq", "prompt", "career"];

/// Whether a defer of this command is private (its answer will be).
pub(crate) fn defers_privately(command: &str) -> bool {
    !PUBLIC_COMMANDS.contains(&command)
}

/// One reply: an embed, who sees it, buttons and at most one file.
pub struct Reply {
    pub embed: CreateEmbed,
    pub ephemeral: bool,
    pub rows: Vec<CreateActionRow>,
    pub file: Option<CreateAttachment>,
}

impl Reply {
    pub fn new(embed: CreateEmbed, ephemeral: bool) -> Self {
        Reply { embed, ephemeral, rows: Vec::new(), file: None }
    }

    pub(crate) fn message(&self) -> CreateInteractionResponseMessage {
        let mut message = CreateInteractionResponseMessage::new()
            .embed(self.embed.clone())
            .ephemeral(self.ephemeral)
            .allowed_mentions(CreateAllowedMentions::new());
        if !self.rows.is_empty() {
            message = message.components(self.rows.clone());
        }
        match &self.file {
            Some(file) => message.add_file(file.clone()),
            None => message,
        }
    }

    fn followup(&self) -> CreateInteractionResponseFollowup {
        let mut followup = CreateInteractionResponseFollowup::new()
            .embed(self.embed.clone())
            .ephemeral(self.ephemeral)
            .allowed_mentions(CreateAllowedMentions::new());
        if !self.rows.is_empty() {
            followup = followup.components(self.rows.clone());
        }
        match &self.file {
            Some(file) => followup.add_file(file.clone()),
            None => followup,
        }
    }
}

/// Where an interaction's answer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Unanswered,
    Deferred {
        ephemeral: bool,
    },
    Answered,
    /// The first answer could not be delivered; nothing more is tried.
    Lost,
}

/// One command interaction's answer: when it arrived, and what has been sent. The lock is held
/// while a first answer or the defer is on its way, so exactly one of them is sent.
pub(crate) struct Answer {
    received: Instant,
    phase: Mutex<Phase>,
    finished: Notify,
}

impl Answer {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(Answer { received: Instant::now(), phase: Mutex::new(Phase::Unanswered), finished: Notify::new() })
    }

    /// An answer whose defer went out another way (HTTP mode's response body), so what
    /// follows is sent as the deferred answer.
    pub(crate) fn deferred(ephemeral: bool) -> Arc<Self> {
        let phase = Mutex::new(Phase::Deferred { ephemeral });
        Arc::new(Answer { received: Instant::now(), phase, finished: Notify::new() })
    }

    fn deadline(&self) -> Instant {
        self.received + ANSWER_WITHIN
    }

    /// Whether the user was shown anything (an answer, or "thinking..." before one).
    pub(crate) async fn told(&self) -> bool {
        matches!(*self.phase.lock().await, Phase::Answered | Phase::Deferred { .. })
    }

    /// Runs a command beside the defer timer; returns once both are done.
    pub(crate) async fn answered_in_time(
        self: &Arc<Self>,
        to: Target<'_>,
        defer_ephemeral: bool,
        command: impl std::future::Future<Output = ()>,
    ) {
        let run = async {
            command.await;
            self.finished.notify_one();
        };
        let defer = async {
            tokio::select! {
                () = tokio::time::sleep(DEFER_AFTER) => self.defer(to, defer_ephemeral).await,
                () = self.finished.notified() => {}
            }
        };
        tokio::join!(run, defer);
    }

    async fn defer(&self, to: Target<'_>, ephemeral: bool) {
        let mut phase = self.phase.lock().await;
        if *phase != Phase::Unanswered {
            return;
        }
        let response = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(ephemeral));
        match first_answer(to.callback(), &response, false, self.deadline()).await {
            Ok(()) => {
                *phase = Phase::Deferred { ephemeral };
                to.mark_answered();
                tracing::info!(command = %to.interaction.data.name, "a slow command was deferred; its answer follows");
            }
            Err(e) => {
                *phase = Phase::Lost;
                let maybe_arrived = e.may_have_been_done();
                tracing::warn!(command = %to.interaction.data.name, error = %e, maybe_arrived, "a slow command could not be deferred, so the user may see no answer (what the command does still stands)");
            }
        }
    }
}

/// What an answer goes to: the interaction, the clients to reach Discord, and poise's flag
/// that says whether the first answer was sent (kept in step, for poise's own replies).
#[derive(Clone, Copy)]
pub(crate) struct Target<'a> {
    pub http: &'a Http,
    pub rest: &'a Rest,
    pub interaction: &'a CommandInteraction,
    pub has_sent_initial_response: &'a AtomicBool,
}

impl Target<'_> {
    fn callback(&self) -> Callback<'_> {
        let interaction = self.interaction;
        Callback {
            http: self.http,
            rest: self.rest,
            id: interaction.id,
            token: &interaction.token,
            name: &interaction.data.name,
        }
    }

    fn mark_answered(&self) {
        self.has_sent_initial_response.store(true, Ordering::SeqCst);
    }
}

/// Sends a command's reply: the first answer, or a follow-up after a defer or a first answer.
/// Returns whether it was delivered; a failure is logged here and is not the command's error.
pub(crate) async fn send(ctx: Context<'_>, reply: Reply) -> bool {
    let poise::Context::Application(app) = ctx else { return false };
    let answer = match app.invocation_data::<Arc<Answer>>().await {
        Some(answer) => Arc::clone(&answer),
        None => return false,
    };
    let data: &Data = app.data();
    let to = Target {
        http: &app.serenity_context().http,
        rest: &data.rest,
        interaction: app.interaction,
        has_sent_initial_response: app.has_sent_initial_response,
    };
    send_to(to, &answer, reply).await
}

/// `send` for an interaction poise could not turn into a command context (an unknown command).
pub(crate) async fn send_to(to: Target<'_>, answer: &Answer, reply: Reply) -> bool {
    let mut phase = answer.phase.lock().await;
    let result = match *phase {
        Phase::Unanswered => {
            let response = CreateInteractionResponse::Message(reply.message());
            first_answer(to.callback(), &response, reply.file.is_some(), answer.deadline()).await
        }
        Phase::Deferred { ephemeral } => after_defer(to, &reply, ephemeral).await,
        Phase::Answered => followup(to, &reply).await,
        Phase::Lost => return false,
    };
    match result {
        Ok(()) => {
            if *phase == Phase::Unanswered {
                to.mark_answered();
            }
            *phase = Phase::Answered;
            true
        }
        Err(e) => {
            if *phase == Phase::Unanswered {
                *phase = Phase::Lost;
            }
            // After a server error the answer may have arrived all the same; the log says so.
            let maybe_arrived = e.may_have_been_done();
            tracing::warn!(command = %to.interaction.data.name, error = %e, maybe_arrived, "an answer could not be delivered, so the user may not have been told (what the command did stands)");
            false
        }
    }
}

/// After a defer, the first follow-up becomes the "thinking..." message, which keeps the defer's
/// visibility; when the reply needs the other one, the placeholder is removed instead.
async fn after_defer(to: Target<'_>, reply: &Reply, deferred_ephemeral: bool) -> Result<(), RestError> {
    if deferred_ephemeral != reply.ephemeral {
        to.interaction.delete_response(to.http).await.map_err(|e| rest::from_serenity(&e))?;
    }
    followup(to, reply).await
}

async fn followup(to: Target<'_>, reply: &Reply) -> Result<(), RestError> {
    to.interaction.create_followup(to.http, reply.followup()).await.map(|_| ()).map_err(|e| rest::from_serenity(&e))
}
