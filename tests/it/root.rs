//! The composition root with stand-in front ends: the scheduler it starts beside a front end
//! sends through that front end's outbox at the root's clock; the shutdown signal stops every
//! task; a front end that fails stops the others, its error is the result, and the store is
//! closed either way. A start loads the content while the store opens, and still names broken
//! content before a database that would not open.

use crate::common::{at, spawn_app};
use backend_mentor::app::{App, NudgeMessage, PromptView};
use backend_mentor::clock::Clock;
use backend_mentor::config::SchedulerConfig;
use backend_mentor::domain::schedule::{LocalTime, Weekdays};
use backend_mentor::domain::{CallerRights, MemberRef, Platform, SpaceRef, Timezone};
use backend_mentor::scheduler::{Outbox, Pacer, SendError};
use backend_mentor::startup::{FrontEnd, Root, Shutdown};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Records the channels prompts were posted to.
#[derive(Clone, Default)]
struct Posts(Arc<Mutex<Vec<String>>>);

impl Outbox for Posts {
    async fn post_prompt(&self, channel: &str, _: &PromptView<'_>, _: &str, _: &Pacer) -> Result<(), SendError> {
        self.0.lock().unwrap().push(channel.to_string());
        Ok(())
    }

    async fn send_nudge(
        &self,
        _: &MemberRef,
        _: Option<&str>,
        _: &NudgeMessage,
        _: &Pacer,
    ) -> Result<Option<String>, SendError> {
        Ok(None)
    }
}

/// Serves until shutdown (noting that it saw it), or fails at once when told to.
struct StandIn {
    posts: Posts,
    fail: bool,
    saw_shutdown: Arc<Mutex<bool>>,
}

impl FrontEnd for StandIn {
    type Outbox = Posts;

    fn name(&self) -> &'static str {
        "stand-in"
    }

    fn platform(&self) -> Platform {
        Platform::Discord
    }

    fn outbox(&self) -> Option<Posts> {
        Some(self.posts.clone())
    }

    async fn serve(self, _app: App, _clock: Clock, shutdown: Shutdown) -> anyhow::Result<()> {
        if self.fail {
            anyhow::bail!("the stand-in could not connect");
        }
        shutdown.wait().await;
        *self.saw_shutdown.lock().unwrap() = true;
        Ok(())
    }
}

fn stand_in(fail: bool) -> (StandIn, Posts, Arc<Mutex<bool>>) {
    let (posts, saw) = (Posts::default(), Arc::new(Mutex::new(false)));
    (StandIn { posts: posts.clone(), fail, saw_shutdown: saw.clone() }, posts, saw)
}

fn quick() -> SchedulerConfig {
    SchedulerConfig { tick_seconds: 1, ..SchedulerConfig::default() }
}

#[tokio::test]
async fn the_scheduler_sends_through_the_front_ends_outbox_at_the_roots_clock_until_shutdown() {
    let t = spawn_app().await;
    let space = SpaceRef { platform: Platform::Discord, space_id: "guild-1".into() };
    let rights = CallerRights { manage_server: true, ..CallerRights::default() };
    let plan = (LocalTime::parse("09:00").unwrap(), Timezone::UTC, Weekdays::EVERY_DAY);
    t.app.setup_prompts(&space, &rights, "700", plan, at(2026, 3, 1, 0, 0)).await.unwrap();
    let (front_end, posts, saw_shutdown) = stand_in(false);
    let mut root = Root::new(t.app.clone(), Clock::fixed(at(2026, 3, 2, 9, 5)), quick());
    root.start(front_end);
    let watched = posts.clone();
    let signal = async move {
        for _ in 0..200 {
            if !watched.0.lock().unwrap().is_empty() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    };
    root.run(signal).await.expect("a clean stop");
    assert_eq!(*posts.0.lock().unwrap(), ["700"], "posted once, at the root's clock (09:05 on the day)");
    assert!(*saw_shutdown.lock().unwrap(), "the front end was told to stop");
    assert!(
        t.app.streak(&MemberRef::new(Platform::Discord, "guild-1", "ada"), at(2026, 3, 2, 10, 0)).await.is_err(),
        "the store is closed"
    );
}

#[tokio::test]
async fn a_front_end_that_fails_stops_the_others_and_its_error_is_the_result() {
    let t = spawn_app().await;
    let (failing, _, _) = stand_in(true);
    let (serving, _, saw_shutdown) = stand_in(false);
    let mut root = Root::new(t.app.clone(), Clock::fixed(at(2026, 3, 2, 12, 0)), quick());
    root.start(serving);
    root.start(failing);
    let error = root.run(std::future::pending()).await.expect_err("the failure is the result");
    assert!(error.to_string().contains("could not connect"), "{error:#}");
    assert!(*saw_shutdown.lock().unwrap(), "the other front end was stopped");
}

/// The bundled content, as a start's loader gives it.
fn bundled_content() -> anyhow::Result<Arc<backend_mentor::content::Content>> {
    Ok(crate::common::bundled_content())
}

/// A SQLite URL whose folder is a file, so the database cannot be created there.
fn unopenable_url(dir: &tempfile::TempDir) -> String {
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    format!("sqlite://{}/mentor.db", file.display())
}

#[tokio::test]
async fn a_start_reports_broken_content_before_a_database_that_would_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let broken = || Err(anyhow::anyhow!("faq/general.toml: line 3: expected a table"));
    let refused = App::open(broken, &unopenable_url(&dir), Timezone::UTC).await.err().expect("refused");
    assert!(format!("{refused:#}").contains("faq/general.toml"), "{refused:#}");
}

#[tokio::test]
async fn a_start_with_sound_content_reports_the_database_that_would_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let refused = App::open(bundled_content, &unopenable_url(&dir), Timezone::UTC).await.err().expect("refused");
    let text = format!("{refused:#}");
    assert!(text.to_lowercase().contains("database") && !text.contains("content"), "{text}");
}

#[tokio::test]
async fn a_start_with_sound_content_and_store_opens_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/mentor.db", dir.path().display());
    let app = App::open(bundled_content, &url, Timezone::UTC).await.expect("the app opens");
    assert_eq!(app.roadmap_step("4").expect("step 4").number, 4);
    app.close().await;
}
