//! The presentation layer: every sentence a user reads, written once, between `App` and the
//! front ends. Views come out as a neutral `Reply` (a message of plain words and typed pieces
//! such as `CommandRef`, plus buttons and menus as typed actions); each adapter only writes the
//! markup and the command syntax of its platform, and fits the message to its own limits.

mod career;
mod command_ref;
mod errors;
mod help;
mod home;
mod learn;
mod records;
mod reply;
mod study;
mod text;
mod words;

pub use career::career;
pub use command_ref::CommandRef;
pub use errors::{apology, user_error};
pub use help::{entries as help_entries, help};
pub use home::home;
pub use learn::{compare, faq, faq_index, prompt, roadmap, step, step_with_progress, technology};
pub use records::{
    boards_visibility, correction, delete_asked, deleted, export_ready, group_joined, group_left, groups, history,
    leaderboard, note, pause_cancelled, paused, rules, streak, streak_heatmap_later, HEATMAP_FILE,
};
pub use reply::{Attachment, Button, ButtonStyle, Field, Menu, MenuOption, Reply, Row, Tone, View, Visibility};
pub use study::{checkin, daily_prompt, member_settings, nudge, nudges_snoozed, space_settings};
pub use text::{content_bullets, Span, Text, TimeStyle};
pub use words::{count, days, minutes};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_views;
