//! What the scheduler sends through: a platform's outbox posts a prompt to a channel and sends
//! a nudge as a direct message. Each platform says how a send failed, so the scheduler knows
//! whether to stop for good, wait, or try again later.

use super::Pacer;
use crate::app::{NudgeMessage, PromptView};
use crate::domain::MemberRef;
use std::future::Future;
use std::time::Duration;

/// How a send failed. Scheduled sends are at most once, so what matters is whether the failure
/// proves that nothing was sent: only then may the claim be given back for another try.
#[derive(Debug)]
pub enum SendError {
    /// It can never succeed: the channel is gone, the permission lost, the member's DMs closed.
    Gone(String),
    /// The platform asked to wait this long (nothing was sent); `global` holds every send, not
    /// only this one's route.
    RateLimited { retry_after: Duration, global: bool },
    /// Certainly nothing was sent (the connection was refused before the request went out):
    /// the claim is given back and a later tick tries again.
    NotSent(anyhow::Error),
    /// The request may have reached the platform (a server error, a timeout, a connection that
    /// dropped after sending), or was refused in a way another try would not fix: the claim is
    /// settled as failed, because trying again could deliver it twice.
    MaybeSent(anyhow::Error),
}

/// A platform's way of delivering scheduled messages. Each request to the platform first waits
/// for a slot from the pacer, so a nudge that takes two requests counts twice.
pub trait Outbox: Send + Sync {
    /// Posts the day's prompt; `key` is unique per (server, local date), for platforms that can
    /// use it to refuse a duplicate.
    fn post_prompt(
        &self,
        channel_id: &str,
        prompt: &PromptView<'_>,
        key: &str,
        pacer: &Pacer,
    ) -> impl Future<Output = Result<(), SendError>> + Send;

    /// Sends a nudge by direct message, with a way to check in from it: through `known`, the
    /// member's direct-message channel a nudge opened before, else through one opened now,
    /// which is returned so the scheduler keeps it.
    fn send_nudge(
        &self,
        member: &MemberRef,
        known: Option<&str>,
        nudge: &NudgeMessage,
        pacer: &Pacer,
    ) -> impl Future<Output = Result<Option<String>, SendError>> + Send;

    /// Whether the platform itself refuses a copy of a send it already took (Discord's
    /// `enforce_nonce`), so a claim abandoned by a dead replica may be sent again.
    fn refuses_copies(&self) -> bool {
        false
    }
}
