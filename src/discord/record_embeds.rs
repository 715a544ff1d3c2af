//! Embeds for a member's record beyond the check-in: the full streak with freezes and rank,
//! history, the rules, pauses, leaderboards, corrections and the privacy actions.

use super::embeds::{colour, escape_markdown, fit};
use crate::app::{CorrectionView, HistoryView, LeaderboardView, StreakView};
use crate::domain::history::DayMark;
use poise::serenity_prelude::{CreateEmbed, CreateEmbedFooter};

fn days(n: impl Into<i64>) -> String {
    match n.into() {
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    }
}

/// `/streak`: the whole record; the heatmap is attached as `heatmap.png`.
pub fn streak(view: &StreakView, whose: Option<&str>, with_heatmap: bool) -> CreateEmbed {
    let s = &view.summary;
    let today = if s.checked_in_today {
        "Today is counted.".to_string()
    } else {
        format!("Today is not counted yet: check in before <t:{}:t>.", view.day_ends_at.timestamp())
    };
    let next = if s.days_to_next_freeze == 0 {
        "you hold the most".to_string()
    } else {
        format!("next in {}", days(s.days_to_next_freeze))
    };
    let title = whose.map_or_else(|| "Your streak".to_string(), |name| format!("{name}'s streak"));
    let mut embed = CreateEmbed::new()
        .title(title)
        .description(today)
        .colour(colour::STREAK)
        .field("Current", days(s.current), true)
        .field("Longest", days(s.longest), true)
        .field("Study days", s.total_days.to_string(), true)
        .field("Minutes", view.total_minutes.to_string(), true)
        .field("Freezes", format!("{} held, {} used ({next})", s.freezes_held, s.freezes_used), true);
    if let Some(rank) = view.rank {
        embed = embed.field("Rank here", format!("#{} of {}", rank.place, rank.of), true);
    }
    if let Some(percent) = view.roadmap_percent {
        embed = embed.field("Roadmap", format!("{percent}% complete"), true);
    }
    if let Some(pause) = view.pause {
        embed = embed.field("Paused", format!("{} to {}", pause.first, pause.last), true);
    }
    if with_heatmap {
        embed = embed.image("attachment://heatmap.png");
    }
    embed.footer(CreateEmbedFooter::new(format!(
        "Days are counted in {}. /streak about:rules explains the rules",
        view.timezone
    )))
}

pub fn rules(text: &str) -> CreateEmbed {
    CreateEmbed::new().title("How streaks work").description(fit(text, 4096)).colour(colour::STREAK)
}

pub fn history(view: &HistoryView) -> CreateEmbed {
    let lines: Vec<String> = view
        .days
        .iter()
        .map(|d| {
            let mark = match d.mark {
                DayMark::Counted => format!("✅ studied ({} min)", d.minutes),
                DayMark::Frozen => "🧊 missed, a freeze covered it".to_string(),
                DayMark::Paused => "⏸ paused".to_string(),
                DayMark::Excused => "↔ skipped by a time zone change".to_string(),
                DayMark::Broke => "✖ missed: the streak ended here".to_string(),
                _ => "· not counted".to_string(),
            };
            format!("`{}` {mark}", d.date)
        })
        .collect();
    let mut embed =
        CreateEmbed::new().title("Your recent days").description(fit(&lines.join("\n"), 4096)).colour(colour::STREAK);
    if !view.corrections.is_empty() {
        let log: Vec<String> = view
            .corrections
            .iter()
            .map(|c| format!("{} {}: {}", c.action, c.local_date, escape_markdown(&c.reason)))
            .collect();
        embed = embed.field("Moderator corrections", fit(&log.join("\n"), 1024), false);
    }
    embed
}

pub fn note(title: &str, text: &str) -> CreateEmbed {
    CreateEmbed::new().title(title).description(fit(text, 4096)).colour(colour::SETTINGS)
}

pub fn leaderboard(view: &LeaderboardView) -> CreateEmbed {
    let rows: Vec<String> = view
        .entries
        .iter()
        .map(|e| {
            let me = if e.is_caller { " ← you" } else { "" };
            format!("**#{}** <@{}> · {} ({} days, {} min){me}", e.place, e.user_id, e.value, e.days, e.minutes)
        })
        .collect();
    let scope = view.group.as_deref().map_or_else(|| "Everyone".to_string(), escape_markdown);
    let body = if rows.is_empty() {
        "Nobody is ranked yet: a /checkin puts you on the board.".to_string()
    } else {
        rows.join("\n")
    };
    CreateEmbed::new()
        .title(format!("Leaderboard · {scope} · {} · {}", view.metric.label(), view.period.label()))
        .description(fit(&body, 4096))
        .colour(colour::STREAK)
        .footer(CreateEmbedFooter::new(format!(
            "Page {} of {} · {} ranked · {} to {}\n{}",
            view.page,
            view.pages.max(1),
            view.ranked,
            view.first_day,
            view.last_day,
            crate::domain::leaderboard::TIE_BREAK_RULES
        )))
}

pub fn correction(view: &CorrectionView) -> CreateEmbed {
    let what = if view.added { "added" } else { "removed" };
    CreateEmbed::new()
        .title("Day corrected")
        .description(format!(
            "{} was {what} for <@{}>. Their streak is now {} ({} of study in all). The member can see this in their history.",
            view.date, view.user_id, days(view.current_streak), days(view.total_days)
        ))
        .colour(colour::SETTINGS)
}
