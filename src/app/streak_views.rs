//! What the streak, history, leaderboard, group and correction actions return: plain values
//! ready for any renderer (terminal text, Discord embeds, Slack blocks).

use crate::domain::history::DayMark;
use crate::domain::pause::NeutralSpan;
use crate::domain::{Metric, Period};
/// A moderator correction the member can see, as the audit log keeps it.
pub use crate::storage::CorrectionRow;
use chrono::NaiveDate;

/// The member's place on the server's all-time board (study days, then minutes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankView {
    pub place: u32,
    pub of: u32,
}

/// One day of `/history`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryDay {
    pub date: NaiveDate,
    pub mark: DayMark,
    pub minutes: i64,
    pub checkins: i64,
    pub added_by_moderator: bool,
    pub notes: Vec<String>,
}

/// Recent days, newest first, with the pauses and the moderator corrections the member can see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryView {
    pub days: Vec<HistoryDay>,
    pub pauses: Vec<NeutralSpan>,
    pub corrections: Vec<CorrectionRow>,
}

/// A pause that was set, or what was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PauseView {
    pub span: NeutralSpan,
}

/// One row of a leaderboard page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardEntry {
    pub place: u32,
    pub user_id: String,
    /// What the board measures (streak, days or minutes).
    pub value: i64,
    pub days: i64,
    pub minutes: i64,
    pub is_caller: bool,
}

/// One page of a leaderboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaderboardView {
    pub group: Option<String>,
    pub period: Period,
    pub metric: Metric,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub page: u32,
    pub pages: u32,
    pub ranked: u32,
    pub entries: Vec<BoardEntry>,
    pub caller_place: Option<u32>,
    /// The tie-break rules in words, for the board's footer.
    pub tie_break: &'static str,
}

/// A group and how many members it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupView {
    pub name: String,
    pub members: i64,
    pub is_member: bool,
}

/// What a moderator correction did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionView {
    pub user_id: String,
    pub date: NaiveDate,
    pub added: bool,
    pub current_streak: u32,
    pub total_days: u32,
}

/// The heatmap image for `/streak`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatmapImage {
    pub png: Vec<u8>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// The `/privacy export` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub file_name: String,
    pub json: String,
}
