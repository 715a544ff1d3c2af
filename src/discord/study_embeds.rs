//! Embeds for a member's own study record: check-ins, streaks and settings.

use super::embeds::colour;
use crate::app::{CheckInView, SpaceSettingsView, StreakView};
use poise::serenity_prelude::{CreateEmbed, CreateEmbedFooter};

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

pub fn checkin(view: &CheckInView) -> CreateEmbed {
    let s = &view.streak.summary;
    let description = if view.counted {
        let minutes = view.minutes.map(|m| format!(" ({} minutes)", m.get())).unwrap_or_default();
        format!("Checked in for **{}**{minutes}. Nice work!", s.today)
    } else {
        format!("You already checked in today (**{}**); the day counts once, so nothing changed.", s.today)
    };
    CreateEmbed::new()
        .title("Check-in")
        .description(description)
        .colour(colour::STREAK)
        .field("Current streak", days(s.current), true)
        .field("Longest", days(s.longest), true)
        .footer(CreateEmbedFooter::new("See the whole record with /streak"))
}

pub fn streak(view: &StreakView, whose: Option<&str>) -> CreateEmbed {
    let s = &view.summary;
    let today = if s.checked_in_today {
        "Today is counted.".to_string()
    } else {
        format!("Today is not counted yet: check in before <t:{}:t>.", view.day_ends_at.timestamp())
    };
    let title = match whose {
        Some(name) => format!("{name}'s streak"),
        None => "Your streak".to_string(),
    };
    CreateEmbed::new()
        .title(title)
        .description(today)
        .colour(colour::STREAK)
        .field("Current", days(s.current), true)
        .field("Longest", days(s.longest), true)
        .field("Study days", s.total_days.to_string(), true)
        .footer(CreateEmbedFooter::new(format!("Days are counted in {}. Change it with /settings", view.timezone)))
}

pub fn timezone_set(zone: &str) -> CreateEmbed {
    CreateEmbed::new()
        .description(format!("Your time zone is now **{zone}**. Days you already counted stay as they were."))
        .colour(colour::SETTINGS)
}

pub fn space_settings(view: &SpaceSettingsView) -> CreateEmbed {
    let zone =
        if view.timezone_is_default { format!("{} (the default)", view.timezone) } else { view.timezone.to_string() };
    let role =
        view.moderator_role.as_ref().map_or_else(|| "none (Manage Server only)".to_string(), |r| format!("<@&{r}>"));
    CreateEmbed::new()
        .title("Server settings")
        .colour(colour::SETTINGS)
        .field("Default time zone", zone, true)
        .field("Moderator role", role, true)
        .footer(CreateEmbedFooter::new("Change them with /setup timezone and /setup moderator-role"))
}
