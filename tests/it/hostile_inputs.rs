//! Strategies for hostile input, shared by the property tests of the console
//! (`hostile_props.rs`) and of the calls Discord makes (`hostile_app_props.rs`): any Unicode,
//! control characters, pages of text, numbers (huge, negative, zero), dates, times, zones and
//! clock steps; and a log capture, to find internal errors that are only logged.

use proptest::prelude::*;
use std::sync::{Arc, Mutex};

/// The case count: `HOSTILE_CASES` when set, else the file's default.
pub fn cases(default: u32) -> u32 {
    std::env::var("HOSTILE_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

/// Words the commands read as actions or settings, in any case, so sessions reach deep paths.
pub const WORDS: &[&str] = &[
    "on", "off", "ON", "Off", "yes", "no", "export", "delete", "confirm", "CONFIRM", "join", "leave", "list", "add",
    "remove", "prompts", "show", "preview", "cancel", "today", "rules", "daily", "weekdays", ",,,", "mon-fri",
    "fri-mon", "sun", "none", "done", "learning", "skipped", "reset", "week", "month", "all-time", "streak", "days",
    "minutes", "real", "tracks", "salaries", "postgres", "mongodb", "4", "1,2,2", "0", "-1",
];

pub const ZONES: &[&str] = &[
    "UTC",
    "Europe/Berlin",
    "Asia/Kathmandu",
    "Pacific/Kiritimati",
    "America/St_Johns",
    "Etc/GMT+12",
    "Etc/GMT-14",
    "europe/berlin",
    "Mars/Olympus",
    "EST5EDT",
    "+05:00",
    "Australia/Lord_Howe",
    "Pacific/Apia",
];

pub fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        (-3i64..3000).prop_map(|n| n.to_string()),
        "[0-9]{15,40}",
        any::<f64>().prop_map(|n| n.to_string()),
        Just("-0".to_string()),
        Just("1e309".to_string()),
    ]
}

pub fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (-300_000i32..300_000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (1999i32..2032, 1u32..13, 1u32..32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (2025i32..2028, 1u32..13, 1u32..29, 0u32..25, 0u32..61)
            .prop_map(|(y, mo, d, h, mi)| format!("{y}-{mo:02}-{d:02}T{h:02}:{mi:02}")),
    ]
}

pub fn time_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..100, 0u32..100).prop_map(|(h, m)| format!("{h}:{m:02}")),
        (0u32..14, prop::sample::select(vec!["am", "pm", "AM", " pm"])).prop_map(|(h, s)| format!("{h}{s}")),
        any::<u32>().prop_map(|n| format!("{n}:{n}")),
    ]
}

pub fn zone_text() -> impl Strategy<Value = String> {
    prop_oneof![prop::sample::select(ZONES).prop_map(String::from), "[A-Za-z_]{1,12}/[A-Za-z_+-]{1,14}"]
}

pub fn step_text() -> impl Strategy<Value = String> {
    let unit = prop::sample::select(vec!["d", "h", "m", "w", "é", ""]);
    let sign = prop::sample::select(vec!["+", "-", "++", ""]);
    prop_oneof![
        (sign.clone(), any::<i64>(), unit.clone()).prop_map(|(s, n, u)| format!("{s}{}{u}", n.unsigned_abs())),
        (sign, 0i64..400, unit).prop_map(|(s, n, u)| format!("{s}{n}{u}")),
    ]
}

/// One word or value as a hostile or unlucky user types it.
pub fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "\\PC{0,24}",
        2 => "[\\x00-\\x1f\\x7f\u{202e}\u{200f}a-z0-9 :,+\"-]{0,24}",
        1 => (0usize..6000, any::<char>()).prop_map(|(n, c)| c.to_string().repeat(n)),
        1 => Just("\u{1b}[2J\u{1b}[31mred\u{7}".to_string()),
        2 => number_text(),
        2 => date_text(),
        2 => time_text(),
        2 => zone_text(),
        2 => step_text(),
        3 => prop::sample::select(WORDS).prop_map(String::from),
    ]
}

/// A plausible value three times in four, else hostile text.
pub fn or_hostile(plausible: impl Strategy<Value = String> + 'static) -> BoxedStrategy<String> {
    prop_oneof![3 => plausible, 1 => hostile_text()].boxed()
}

/// Log lines written while the property runs, to find internal errors that only get logged.
#[derive(Clone, Default)]
pub struct CapturedLog(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for CapturedLog {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl CapturedLog {
    /// Takes what was logged since the last call.
    pub fn take(&self) -> String {
        String::from_utf8_lossy(&std::mem::take(&mut *self.0.lock().unwrap())).into_owned()
    }

    /// Captures this thread's log events at warn and above until the guard drops.
    pub fn install(&self) -> tracing::subscriber::DefaultGuard {
        let writer = self.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::WARN)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_default(subscriber)
    }
}
