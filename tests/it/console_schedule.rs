//! The console shows its local space's daily prompt and its member's nudge when they fall due,
//! once each, following the console's clock.

use crate::common::{at, spawn_app};
use backend_mentor::clock::Clock;
use backend_mentor::console::Console;

#[tokio::test]
async fn due_prompts_and_nudges_show_once_in_the_console() {
    let t = spawn_app().await;
    let real = Clock::fixed(at(2030, 1, 1, 0, 0)); // ignored while the console clock is set
    let console = Console::new(t.app.clone(), "ada", real);
    for line in ["/clock 2026-03-02T08:00", "/setup prompts 09:00 UTC", "/nudges on 19:00"] {
        assert!(!console.handle(line).await.text.contains('['), "{line} shows nothing scheduled yet");
    }
    let at_nine = console.handle("/clock 2026-03-02T09:05").await.text;
    assert!(at_nine.contains("[daily prompt posted]"), "{at_nine}");
    let again = console.handle("/prompt").await.text;
    assert!(!again.contains("[daily prompt posted]"), "posted once: {again}");
    let evening = console.handle("/clock 2026-03-02T19:01").await.text;
    assert!(evening.contains("[study nudge for ada]") && evening.contains("No streak is running yet"), "{evening}");
    console.handle("/checkin").await;
    let next_evening = console.handle("/clock 2026-03-03T19:02").await.text;
    assert!(next_evening.contains("streak ends at midnight"), "{next_evening}");
}
