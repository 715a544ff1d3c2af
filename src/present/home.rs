//! A member's home screen in words: streak and today's status with when today ends in their
//! zone, the prompt of the day, the next nudge; with buttons to the settings and to log a
//! check-in, for a front end that has forms (Slack's App Home).

use super::command_ref::CommandRef as Cmd;
use super::reply::{Button, ButtonStyle, Reply, Row, Tone, View};
use super::text::{Span, Text, TimeStyle};
use super::words::days;
use crate::app::{HomeView, NudgeSettingsView};
use crate::commands::Action;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// The home screen, private to the member.
pub fn home(view: &HomeView<'_>) -> Reply {
    let summary = &view.streak.summary;
    let today = if summary.checked_in_today {
        Text::new().plain("Checked in. Well done!")
    } else {
        Text::new()
            .plain("Not checked in yet. Today ends ")
            .span(at(view.streak.day_ends_at, TimeStyle::Clock))
            .plain(format!(" ({}).", view.streak.timezone))
    };
    let prompt =
        Text::new().plain(format!("{}: ", view.prompt.prompt.kind.label())).content(view.prompt.prompt.text.clone());
    let out = View::new(Tone::Streak)
        .title("Your study mentor")
        .field("Current streak", days(summary.current), true)
        .field("Longest", days(summary.longest), true)
        .field("Today", today, false)
        .field("Today's prompt", prompt, false)
        .field("Next nudge", next_nudge(view.nudges.as_ref()), false)
        .footer(
            Text::new()
                .plain("Ask anything with ")
                .command(Cmd::Faq(None))
                .plain(" · Your record: ")
                .command(Cmd::Streak),
        );
    let button = |action, label: &str, style| Button { action, label: label.to_string(), style, disabled: false };
    let buttons = vec![
        button(Action::OpenCheckIn, "Log a check-in", ButtonStyle::Primary),
        button(Action::OpenSettings, "Settings", ButtonStyle::Secondary),
    ];
    Reply::private(out).with_rows(vec![Row::Buttons(buttons)])
}

fn next_nudge(nudges: Option<&NudgeSettingsView>) -> Text {
    match nudges {
        None => {
            Text::new().plain("Nudges are off. Turn them on in Settings or with ").command(Cmd::NudgesOn).plain(".")
        }
        Some(NudgeSettingsView { next: Some(next), snooze_until, .. }) => {
            let snoozed = snooze_until.map(|last| format!(" (snoozed through {last})")).unwrap_or_default();
            Text::new().span(at(*next, TimeStyle::DateTime)).plain(snoozed)
        }
        Some(NudgeSettingsView { next: None, .. }) => Text::new().plain("None planned within a year."),
    }
}

fn at(time: DateTime<Tz>, style: TimeStyle) -> Span {
    Span::Time { at: time.with_timezone(&Utc), zone: time.timezone(), style }
}
