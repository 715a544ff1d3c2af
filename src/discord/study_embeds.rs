//! Embeds for a member's own study record: check-ins, streaks and settings.

use super::embeds::colour;
use crate::app::{CheckInView, PromptScheduleView, SpaceSettingsView};
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

pub fn member_settings(zone: &str, nudges: Option<Option<crate::domain::schedule::Schedule>>) -> CreateEmbed {
    let mut embed = CreateEmbed::new()
        .title("Your settings")
        .description(format!("Your days are counted in **{zone}**. Days you already counted never move."))
        .colour(colour::SETTINGS);
    match nudges {
        Some(Some(s)) => {
            let when = format!("{} {}, {}", s.time.to_hhmm(), s.zone, s.weekdays.describe());
            embed = embed.field("Study nudges", format!("On: a DM at {when} when you haven't checked in."), false);
        }
        Some(None) => embed = embed.field("Study nudges", "Off.", false),
        None => {}
    }
    embed.footer(CreateEmbedFooter::new("Nudges: /settings nudges:on time:19:00 · /settings nudges:off"))
}

pub fn space_settings(view: &SpaceSettingsView, schedule: Option<&PromptScheduleView>) -> CreateEmbed {
    let zone =
        if view.timezone_is_default { format!("{} (the default)", view.timezone) } else { view.timezone.to_string() };
    let role =
        view.moderator_role.as_ref().map_or_else(|| "none (Manage Server only)".to_string(), |r| format!("<@&{r}>"));
    CreateEmbed::new()
        .title("Server settings")
        .colour(colour::SETTINGS)
        .field("Default time zone", zone, true)
        .field("Moderator role", role, true)
        .field("Daily prompt", daily_prompt(schedule), false)
        .footer(CreateEmbedFooter::new(
            "Change them with /setup prompts, /setup off, /setup timezone, /setup moderator-role",
        ))
}

/// The study nudge sent by direct message.
pub fn nudge(message: &crate::scheduler::NudgeMessage) -> CreateEmbed {
    let stake = message.at_stake.sentence();
    CreateEmbed::new()
        .title("Time to study?")
        .description(format!("You haven't checked in today.\n\n{stake}"))
        .colour(colour::STREAK)
        .field("Today ends", format!("<t:{}:t>", message.day_ends_at.timestamp()), true)
        .footer(CreateEmbedFooter::new("Press Check in when you've studied. Turn these off with /settings nudges:off"))
}

fn daily_prompt(schedule: Option<&PromptScheduleView>) -> String {
    let Some(s) = schedule else { return "Not set up. Start it with /setup prompts.".to_string() };
    let when = format!("{} {}, {}", s.schedule.time.to_hhmm(), s.schedule.zone, s.schedule.weekdays.describe());
    if let Some(reason) = &s.disabled_reason {
        return format!("**Stopped by itself**: I could not post in <#{}> ({reason}). Fix the channel or my permissions, then run /setup prompts again.", s.channel_id);
    }
    if !s.enabled {
        return format!("Off (was <#{}> at {when}). Turn it back on with /setup prompts.", s.channel_id);
    }
    let next: Vec<String> = s.next_posts.iter().map(|at| format!("<t:{}:f>", at.timestamp())).collect();
    format!("In <#{}> at {when}.\nNext posts: {}", s.channel_id, next.join(", "))
}
