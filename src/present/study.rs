//! A member's check-ins and settings in words, a space's settings for moderators, and the
//! study nudge.

use super::command_ref::CommandRef as Cmd;
use super::reply::{Button, ButtonStyle, Reply, Row, Tone, View};
use super::text::{Span, Text, TimeStyle};
use super::words::{days, minutes};
use crate::app::{CheckInView, PromptScheduleView, SpaceSettingsView};
use crate::commands::{Action, SNOOZE_DAYS};
use crate::domain::schedule::Schedule;
use crate::domain::Timezone;
use crate::scheduler::NudgeMessage;
use chrono::{NaiveDate, Utc};

/// The answer to `/checkin`. A repeat on the same day says what it did add (minutes, a note).
pub fn checkin(view: &CheckInView) -> View {
    let s = &view.streak.summary;
    let today = s.today.to_string();
    let body = if view.counted {
        let added = view.minutes.map(|m| format!(" ({})", minutes(m.get()))).unwrap_or_default();
        Text::new().plain("Checked in for ").strong(today).plain(format!("{added}. Nice work!"))
    } else if view.minutes.is_some() || view.note_saved {
        let note = if view.note_saved { " Your note is saved." } else { "" };
        let added = view.minutes.map(|m| format!(" Added {};", minutes(m.get()))).unwrap_or_default();
        Text::new()
            .plain("You already checked in today (")
            .strong(today)
            .plain(format!("); it still counts once.{note}{added} {} today in all.", minutes(view.minutes_today)))
    } else {
        Text::new()
            .plain("You already checked in today (")
            .strong(today)
            .plain("); it counted once and nothing changed.")
    };
    View::new(Tone::Streak)
        .title("Check-in")
        .body(body)
        .field("Current streak", days(s.current), true)
        .field("Longest", days(s.longest), true)
        .footer(Text::new().plain("See the whole record with ").command(Cmd::Streak))
}

/// A member's settings; `zone_changed` when this answer set the zone.
pub fn member_settings(zone: Timezone, zone_changed: bool, nudges: Option<Option<Schedule>>) -> View {
    let body = if zone_changed {
        Text::new()
            .plain("Your time zone is now ")
            .strong(zone.name())
            .plain(". Days you already counted stay as they were.")
    } else {
        Text::new()
            .plain("Your days are counted in ")
            .strong(zone.name())
            .plain(". Days you already counted never move.")
    };
    let mut out = View::new(Tone::Settings).title("Your settings").body(body);
    match nudges {
        Some(Some(s)) => {
            let on = format!("On: a nudge at {} on days you haven't checked in yet.", when(&s));
            out = out.field("Study nudges", on, false);
        }
        Some(None) => out = out.field("Study nudges", "Off.", false),
        None => {}
    }
    out.footer(
        Text::new()
            .plain("Time zone: ")
            .command(Cmd::SettingsTimezone)
            .plain(" · Nudges: ")
            .command(Cmd::NudgesOn)
            .plain(" or ")
            .command(Cmd::NudgesOff),
    )
}

fn when(s: &Schedule) -> String {
    format!("{} {}, {}", s.time.to_hhmm(), s.zone, s.weekdays.describe())
}

/// A space's settings, for moderators.
pub fn space_settings(view: &SpaceSettingsView, schedule: Option<&PromptScheduleView>) -> View {
    let zone =
        if view.timezone_is_default { format!("{} (the default)", view.timezone) } else { view.timezone.to_string() };
    let role = match &view.moderator_role {
        Some(role) => Text::new().span(Span::Role(role.clone())),
        None => Text::from("none: only those who manage this space"),
    };
    let named = if view.named_moderators.is_empty() {
        Text::from("none")
    } else {
        Text::joined(view.named_moderators.iter().map(|id| Text::new().span(Span::User(id.clone()))), ", ")
    };
    View::new(Tone::Settings)
        .title("Settings for this space")
        .field("Default time zone", zone, true)
        .field("Moderator role", role, true)
        .field("Named moderators", named, true)
        .field("Daily prompt", daily_prompt(schedule), false)
        .footer(
            Text::new()
                .plain("Change them with ")
                .command(Cmd::SetupPrompts)
                .plain(", ")
                .command(Cmd::SetupOff)
                .plain(", ")
                .command(Cmd::SetupTimezone)
                .plain(", ")
                .command(Cmd::SetupModeratorRole)
                .plain(", ")
                .command(Cmd::SetupModerator),
        )
}

/// The daily prompt's schedule in a sentence or two.
pub fn daily_prompt(schedule: Option<&PromptScheduleView>) -> Text {
    let Some(s) = schedule else {
        return Text::new().plain("No daily prompt is set up. Start one with ").command(Cmd::SetupPrompts).plain(".");
    };
    let channel = Span::Channel(s.channel_id.clone());
    if let Some(reason) = &s.disabled_reason {
        return Text::new()
            .strong("Stopped by itself")
            .plain(": I could not post in ")
            .span(channel)
            .plain(format!(" ({reason}). Fix the channel or my permissions, then run "))
            .command(Cmd::SetupPrompts)
            .plain(" again.");
    }
    if !s.enabled {
        return Text::new()
            .plain("Off (was ")
            .span(channel)
            .plain(format!(" at {}). Turn it back on with ", when(&s.schedule)))
            .command(Cmd::SetupPrompts)
            .plain(".");
    }
    let next = s.next_posts.iter().map(|at| {
        let span = Span::Time { at: at.with_timezone(&Utc), zone: at.timezone(), style: TimeStyle::DateTime };
        Text::new().span(span)
    });
    Text::new()
        .plain("In ")
        .span(channel)
        .plain(format!(" at {}.\nNext posts: ", when(&s.schedule)))
        .then(Text::joined(next, ", "))
}

/// The study nudge, sent privately, with a button that checks the member in.
pub fn nudge(message: &NudgeMessage, space_id: &str) -> Reply {
    let ends = Span::Time {
        at: message.day_ends_at.with_timezone(&Utc),
        zone: message.day_ends_at.timezone(),
        style: TimeStyle::Clock,
    };
    let view = View::new(Tone::Streak)
        .title("Time to study?")
        .body(format!("You haven't checked in today.\n\n{}", message.at_stake.sentence()))
        .field("Today ends", Text::new().span(ends), true)
        .footer(
            Text::new()
                .plain("Check in when you've studied: ")
                .command(Cmd::CheckIn)
                .plain(" · Turn these off: ")
                .command(Cmd::NudgesOff),
        );
    let space_id = space_id.to_string();
    let button = |action, label: String, style| Button { action, label, style, disabled: false };
    let buttons = vec![
        button(Action::NudgeCheckIn { space_id: space_id.clone() }, "Check in".into(), ButtonStyle::Primary),
        button(
            Action::NudgeSnooze { space_id: space_id.clone() },
            format!("Snooze {}", days(SNOOZE_DAYS)),
            ButtonStyle::Secondary,
        ),
        button(Action::NudgeSkipToday { space_id }, "Skip today".into(), ButtonStyle::Secondary),
    ];
    Reply::private(view).with_rows(vec![Row::Buttons(buttons)])
}

/// The answer to a nudge's Snooze button: through when, or that nudges are off anyway.
pub fn nudges_snoozed(through: Option<NaiveDate>) -> View {
    let title = "Study nudges";
    match through {
        Some(last) => View::new(Tone::Settings).title(title).body(
            Text::new()
                .plain(format!("No nudges through {last}; they start again the day after. Change it with "))
                .command(Cmd::NudgesOn)
                .plain("."),
        ),
        None => View::new(Tone::Settings).title(title).body(
            Text::new()
                .plain("Your nudges are off, so there is nothing to snooze. Turn them on with ")
                .command(Cmd::NudgesOn)
                .plain("."),
        ),
    }
}
