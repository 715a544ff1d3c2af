//! The mentor's rules as plain types and functions: who a member is, time zones, check-ins,
//! streaks with freezes and pauses, day history, leaderboard terms, groups, moderator
//! corrections, and which prompt a day gets.
//!
//! Nothing here performs I/O, awaits, or reads the clock: the current time is always an argument,
//! so every rule can be tested with any date. Platform libraries and SQL stay out.

pub mod checkin;
pub mod correction;
pub mod group;
pub mod history;
pub mod leaderboard;
pub mod member;
pub mod moderation;
pub mod nudge;
pub mod pause;
pub mod progress;
pub mod rotation;
pub mod schedule;
#[cfg(test)]
mod schedule_tests;
pub mod streak;
pub mod text;
pub mod timezone;

pub use checkin::{Minutes, Note};
pub use group::GroupRef;
pub use leaderboard::{Metric, Period};
pub use member::{MemberRef, Platform, SpaceRef};
pub use moderation::CallerRights;
pub use pause::NeutralDays;
pub use progress::StepStatus;
pub use streak::{StreakState, StreakSummary};
pub use timezone::Timezone;
