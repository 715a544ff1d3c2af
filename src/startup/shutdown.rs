//! One shutdown signal for everything the root starts: the process's own (Ctrl-C, SIGTERM) is
//! turned into a `Shutdown` that every front end and the scheduler watch, so they all begin to
//! stop at the same moment and the root can wait for each of them before closing the store.

use tokio::sync::watch;

/// What a task watches to learn that it should stop; cheap to clone.
#[derive(Clone, Debug)]
pub struct Shutdown(watch::Receiver<bool>);

/// Fires the `Shutdown` of every clone at once.
#[derive(Debug)]
pub struct ShutdownTrigger(watch::Sender<bool>);

/// A trigger and the signal it fires.
pub fn shutdown_pair() -> (ShutdownTrigger, Shutdown) {
    let (sender, receiver) = watch::channel(false);
    (ShutdownTrigger(sender), Shutdown(receiver))
}

impl ShutdownTrigger {
    pub fn fire(&self) {
        self.0.send_replace(true);
    }
}

impl Shutdown {
    /// Resolves once the trigger fired (or was dropped, which can only mean the root is gone).
    pub async fn wait(&self) {
        let mut receiver = self.0.clone();
        let _ = receiver.wait_for(|stop| *stop).await;
    }

    pub fn has_fired(&self) -> bool {
        *self.0.borrow()
    }
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM (what `docker stop` sends). On Unix both
/// handlers are installed when this is called, not when the future is first polled: a signal
/// that arrives while the front ends start is then a clean stop, never the default kill.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let interrupt = signal(SignalKind::interrupt());
        let terminate = signal(SignalKind::terminate());
        async move {
            let (mut interrupt, mut terminate) = match (interrupt, terminate) {
                (Ok(interrupt), Ok(terminate)) => (interrupt, terminate),
                (Err(e), _) | (_, Err(e)) => {
                    tracing::warn!(error = %e, "cannot listen for Ctrl-C and SIGTERM; stop the process with SIGKILL");
                    return std::future::pending::<()>().await;
                }
            };
            tokio::select! {
                _ = interrupt.recv() => tracing::info!("Ctrl-C received"),
                _ = terminate.recv() => tracing::info!("SIGTERM received"),
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if tokio::signal::ctrl_c().await.is_ok() {
            tracing::info!("Ctrl-C received");
        } else {
            std::future::pending::<()>().await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_clone_sees_the_trigger_fire_even_one_made_after() {
        let (trigger, shutdown) = shutdown_pair();
        let early = shutdown.clone();
        let waiting = tokio::spawn(async move { early.wait().await });
        assert!(!shutdown.has_fired());
        trigger.fire();
        waiting.await.unwrap();
        let late = shutdown.clone();
        late.wait().await;
        assert!(late.has_fired());
    }
}
