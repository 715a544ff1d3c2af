//! What `App` returns: content entries and computed figures, ready for any renderer.

use super::RankView;
use crate::content::model::{Comparison, FaqEntry, Prompt, Step, Technology};
use crate::domain::pause::NeutralSpan;
use crate::domain::{Minutes, StreakSummary, Timezone};
use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;

/// Two or three technologies side by side, with the curated verdict when one exists.
pub struct CompareView<'a> {
    pub items: Vec<&'a Technology>,
    pub curated: Option<&'a Comparison>,
}

/// What a question was answered with.
pub enum FaqAnswer<'a> {
    Entry { entry: &'a FaqEntry, related: Vec<&'a FaqEntry> },
    Technology(&'a Technology),
    Step(&'a Step),
}

/// An answer and the other close matches, for "see also".
pub struct FaqView<'a> {
    pub answer: FaqAnswer<'a>,
    pub also: Vec<String>,
}

/// A day's learning prompt with the step it practises.
pub struct PromptView<'a> {
    pub prompt: &'a Prompt,
    pub step: Option<&'a Step>,
    pub date: NaiveDate,
}

/// A member's streak, in their time zone, with their totals, place in the server (when asked
/// for: `/streak` has it, a check-in does not) and any pause from today on.
pub struct StreakView {
    pub summary: StreakSummary,
    pub timezone: Timezone,
    pub day_ends_at: DateTime<Tz>,
    pub total_minutes: i64,
    pub rank: Option<RankView>,
    pub pause: Option<NeutralSpan>,
    /// Roadmap percent complete ((done + skipped) / steps), filled in by `/streak`.
    pub roadmap_percent: Option<u8>,
}

/// The result of a check-in: whether it counted a new day, the day's minutes so far, and the
/// streak after it.
pub struct CheckInView {
    pub counted: bool,
    pub minutes: Option<Minutes>,
    pub minutes_today: i64,
    pub note_saved: bool,
    pub streak: StreakView,
}
