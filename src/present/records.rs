//! A member's record in words: the streak, the rules, recent history, pauses, groups,
//! leaderboards, moderators' corrections and the privacy actions.

use super::command_ref::CommandRef as Cmd;
use super::reply::{Tone, View};
use super::text::{Span, Text, TimeStyle};
use super::words::{count, days};
use crate::app::{CorrectionView, GroupView, HistoryDay, HistoryView, LeaderboardView, PauseView, StreakView};
use crate::domain::pause::{DAYS_BETWEEN_PAUSES, MAX_DAYS_AHEAD, MAX_PAUSE_DAYS};
use crate::domain::streak::{DAYS_PER_FREEZE, MAX_FREEZES};
use crate::domain::Metric;
use chrono::Utc;

/// The file name the heatmap travels under, shown inside the streak message.
pub const HEATMAP_FILE: &str = "heatmap.png";

/// `/streak`: the whole record; `whose` names another member; the heatmap goes with it.
pub fn streak(view: &StreakView, whose: Option<&str>, with_heatmap: bool) -> View {
    let s = &view.summary;
    let today = if s.checked_in_today {
        Text::from("Today is counted.")
    } else {
        let ends = Span::Time {
            at: view.day_ends_at.with_timezone(&Utc),
            zone: view.day_ends_at.timezone(),
            style: TimeStyle::Clock,
        };
        Text::new().plain("Today is not counted yet: check in before ").span(ends).plain(".")
    };
    let next = if s.days_to_next_freeze == 0 {
        "you hold the most".to_string()
    } else {
        format!("next in {}", days(s.days_to_next_freeze))
    };
    let title = whose.map_or_else(|| Text::from("Your streak"), |name| Text::new().typed(name).plain("'s streak"));
    let mut out = View::new(Tone::Streak)
        .title(title)
        .body(today)
        .field("Current", days(s.current), true)
        .field("Longest", days(s.longest), true)
        .field("Total study days", s.total_days.to_string(), true)
        .field("Total minutes", view.total_minutes.to_string(), true)
        .field("Freezes", format!("{} held, {} used ({next})", s.freezes_held, s.freezes_used), true);
    if let Some(rank) = view.rank {
        out = out.field("Rank here", format!("#{} of {} (by study days)", rank.place, rank.of), true);
    }
    if let Some(percent) = view.roadmap_percent {
        out = out.field("Roadmap", format!("{percent}% complete"), true);
    }
    if let Some(pause) = view.pause {
        out = out.field("Paused", format!("{} to {}", pause.first, pause.last), true);
    }
    if with_heatmap {
        out.image = Some(HEATMAP_FILE.to_string());
    }
    out.footer(
        Text::new()
            .plain(format!("Days are counted in {}. ", view.timezone))
            .command(Cmd::StreakRules)
            .plain(" explains the rules"),
    )
}

/// `/streak` within the heatmap's cooldown: the record, and when a new heatmap may be drawn.
pub fn streak_heatmap_later(view: &StreakView, whose: Option<&str>, seconds: u32) -> View {
    let wait = if seconds == 1 { "1 second".to_string() } else { format!("{seconds} seconds") };
    streak(view, whose, false).field("Heatmap", format!("drawn moments ago; try again in {wait} for a new one"), false)
}

/// How streaks work, with the figures the rules use.
pub fn rules() -> View {
    let lines = [
        Text::new()
            .plain("- A day counts when you check in during your own local day, in your time zone (")
            .command(Cmd::SettingsTimezone)
            .plain("), else this space's, else the mentor's default."),
        Text::from("- Your streak is alive while yesterday or today is counted: a day that is not over yet never breaks it."),
        Text::from("- Checking in again the same day adds minutes and notes; the day still counts once."),
        Text::from(format!(
            "- Every {DAYS_PER_FREEZE} days in a row earn a freeze; you hold at most {MAX_FREEZES}. A missed day uses a \
             freeze automatically and your streak goes on (a frozen day does not add to it, and starts the count to the \
             next freeze again). With no freeze left, a missed day ends the streak."
        )),
        Text::new()
            .plain("- A pause (")
            .command(Cmd::Pause)
            .plain(format!(
                ") covers 1 to {MAX_PAUSE_DAYS} days, starting today or within {MAX_DAYS_AHEAD} days, at most one every \
                 {DAYS_BETWEEN_PAUSES} days. Paused days neither break nor extend your streak; a day you do check in on \
                 still counts."
            )),
        Text::new()
            .plain("- Changing time zone never moves a day you counted. If the change skips a day you had not checked in on yet (moving east past midnight), that day is excused; ")
            .command(Cmd::StreakHistory)
            .plain(" shows it."),
        Text::new()
            .plain("- A moderator can add or remove a day (an outage, say) with a reason; you see every correction in ")
            .command(Cmd::StreakHistory)
            .plain("."),
    ];
    View::new(Tone::Streak).title("How streaks work").body(Text::joined(lines, "\n"))
}

/// Recent days, newest first, with pauses and corrections.
pub fn history(view: &HistoryView) -> View {
    let lines = view.days.iter().map(history_day);
    let mut out = View::new(Tone::Streak).title("Your last 14 days (newest first)").body(Text::joined(lines, "\n"));
    if !view.pauses.is_empty() {
        let pauses =
            view.pauses.iter().map(|p| Text::from(format!("{} to {} ({})", p.first, p.last, p.reason.as_str())));
        out = out.field("Pauses", Text::joined(pauses, "\n"), false);
    }
    let corrections = if view.corrections.is_empty() {
        Text::from("No moderator has corrected your days.")
    } else {
        let lines = view.corrections.iter().map(|c| {
            let by = match &c.moderator_user_id {
                Some(id) => Text::new().span(Span::User(id.clone())),
                None => Text::from("a moderator who has since left"),
            };
            Text::new()
                .plain(format!("{} {} {} by ", c.corrected_at.format("%Y-%m-%d %H:%M"), c.action, c.local_date))
                .then(by)
                .plain(": ")
                .typed(c.reason.clone())
        });
        Text::joined(lines, "\n")
    };
    out.field("Corrections by moderators", corrections, false)
}

fn history_day(day: &HistoryDay) -> Text {
    let mut line =
        Text::new().strong(day.date.format("%a %Y-%m-%d").to_string()).plain(format!(" {}", day.mark.label()));
    if day.checkins > 0 {
        line = line.plain(format!(": {} min, {}", day.minutes, count(day.checkins, "check-in", "check-ins")));
    }
    if day.added_by_moderator {
        line = line.plain(" (added by a moderator)");
    }
    for note in &day.notes {
        line = line.plain("\n    note: ").typed(note.clone());
    }
    line
}

/// A short confirmation.
pub fn note(title: &str, text: impl Into<Text>) -> View {
    View::new(Tone::Settings).title(title).body(text)
}

pub fn paused(view: &PauseView) -> View {
    let text = format!(
        "Your streak is paused from {} to {} ({}). Those days neither break nor extend it; a day you check in on still counts.",
        view.span.first,
        view.span.last,
        days(view.span.days())
    );
    note("Streak paused", text)
}

pub fn pause_cancelled() -> View {
    note("Pause cancelled", "Your pause is cancelled from today on; past paused days stay paused.")
}

pub fn group_joined(name: &str, joined: bool) -> View {
    let text = if joined {
        Text::new().plain("You joined ").typed(name).plain(". See its board with ").command(Cmd::Leaderboard)
    } else {
        Text::new().plain("You are already in ").typed(name).plain(".")
    };
    note("Groups", text)
}

pub fn group_left(name: &str, left: bool) -> View {
    let lead = if left { "You left " } else { "You were not in " };
    note("Groups", Text::new().plain(lead).typed(name).plain("."))
}

pub fn groups(groups: &[GroupView]) -> View {
    if groups.is_empty() {
        return note("Groups", "There are no groups yet. Start one by joining it with a name of your choice.");
    }
    let lines = groups.iter().map(|g| {
        let mark = if g.is_member { " (you are in it)" } else { "" };
        Text::new().typed(g.name.clone()).plain(format!(" · {}{mark}", count(g.members, "member", "members")))
    });
    note("Groups", Text::joined(lines, "\n"))
}

pub fn leaderboard(view: &LeaderboardView) -> View {
    let scope = view.group.as_deref().map_or_else(|| Text::from("everyone"), |g| Text::new().typed(g));
    let when = match view.metric {
        Metric::Streak => "current streaks".to_string(),
        _ => format!("{} ({} to {})", view.period.label(), view.first_day, view.last_day),
    };
    let title = Text::from("Leaderboard · ").then(scope).plain(format!(" · {} · {when}", view.metric.label()));
    let rows = view.entries.iter().map(|e| {
        let me = if e.is_caller { " ← you" } else { "" };
        Text::new().strong(format!("{}.", e.place)).plain(" ").span(Span::User(e.user_id.clone())).plain(format!(
            " · {} ({}, {} min){me}",
            e.value,
            days(e.days),
            e.minutes
        ))
    });
    let body = if view.entries.is_empty() {
        Text::new().plain("Nobody is ranked yet: a ").command(Cmd::CheckIn).plain(" puts you on the board.")
    } else {
        Text::joined(rows, "\n")
    };
    let you = view.caller_place.map(|p| format!(" · You are #{p}.")).unwrap_or_default();
    let footer =
        format!("Page {} of {} · {} ranked{you}\n{}", view.page, view.pages.max(1), view.ranked, view.tie_break);
    View::new(Tone::Streak).title(title).body(body).footer(footer)
}

pub fn correction(view: &CorrectionView) -> View {
    let what = if view.added { "added" } else { "removed" };
    let text = Text::new()
        .plain(format!("{} was {what} for ", view.date))
        .span(Span::User(view.user_id.clone()))
        .plain(format!(
            ", and the change is in their audit log. Their streak is now {} ({} of study in all). They can see it in their history.",
            days(view.current_streak),
            days(view.total_days)
        ));
    note("Day corrected", text)
}

pub fn boards_visibility(members_see: bool) -> View {
    let text =
        if members_see { "Members can now see leaderboards." } else { "Only moderators can see leaderboards now." };
    note("Leaderboards", text)
}

pub fn export_ready() -> View {
    note("Your data", "Everything I hold about you in this space is in the attached file.")
}

pub fn delete_asked() -> View {
    let text = Text::new().plain(
        "Nothing was deleted yet. This deletes your check-ins, notes, streak, roadmap progress, groups and settings in this space, for good. To go ahead, confirm with ",
    );
    note("Delete your data?", text.command(Cmd::ConfirmDelete).plain("."))
}

pub fn deleted(anything: bool) -> View {
    note("Deleted", if anything { "Everything I held about you is deleted." } else { "I held nothing about you." })
}
