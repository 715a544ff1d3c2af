//! /career: the wider career map (skill tracks, specializations, levels, salary ranges).

use super::super::embeds::{colour, fit};
use super::super::{Context, Error};
use super::send;
use crate::app::CareerSection;
use crate::content::model::Career;
use poise::serenity_prelude::{CreateEmbed, CreateEmbedFooter};

/// The part of the map to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum Section {
    #[name = "skill tracks"]
    Tracks,
    #[name = "specializations"]
    Specializations,
    #[name = "career levels"]
    Levels,
    #[name = "salary ranges"]
    Salaries,
}

/// The career map: skill tracks, specializations, levels and salary ranges
#[poise::command(slash_command)]
pub async fn career(ctx: Context<'_>, #[description = "Which part of the map"] section: Section) -> Result<(), Error> {
    let section = match section {
        Section::Tracks => CareerSection::Tracks,
        Section::Specializations => CareerSection::Specializations,
        Section::Levels => CareerSection::Levels,
        Section::Salaries => CareerSection::Salaries,
    };
    send(ctx, career_embed(ctx.data().app.career(), section), false, vec![]).await
}

/// One embed per section, one field per entry.
pub fn career_embed(career: &Career, section: CareerSection) -> CreateEmbed {
    let embed = CreateEmbed::new().title(section.title()).colour(colour::ROADMAP);
    let list = |items: &[String]| fit(&items.iter().map(|i| format!("- {i}")).collect::<Vec<_>>().join("\n"), 1024);
    let fields: Vec<(String, String)> = match section {
        CareerSection::Tracks => career.tracks.iter().map(|t| (t.name.clone(), list(&t.skills))).collect(),
        CareerSection::Specializations => {
            career.specializations.iter().map(|s| (s.name.clone(), fit(s.summary.trim(), 1024))).collect()
        }
        CareerSection::Levels => {
            career.levels.iter().map(|l| (format!("{} ({})", l.name, l.years), fit(l.summary.trim(), 1024))).collect()
        }
        CareerSection::Salaries => salary_fields(career),
    };
    let footer = match (&career.salaries, section) {
        (Some(s), CareerSection::Salaries) => fit(&format!("Figures from {}. {}", s.year, s.note.trim()), 2048),
        _ => "More: /career section:salary ranges · /roadmap for the learning path".to_string(),
    };
    fields
        .into_iter()
        .take(25)
        .fold(embed, |e, (name, value)| e.field(fit(&name, 256), value, false))
        .footer(CreateEmbedFooter::new(footer))
}

fn salary_fields(career: &Career) -> Vec<(String, String)> {
    let Some(salaries) = &career.salaries else { return Vec::new() };
    career
        .levels
        .iter()
        .map(|level| {
            let rows: Vec<String> = salaries
                .rows
                .iter()
                .filter(|r| r.level == level.id)
                .map(|r| format!("{}: **{}**", r.region, r.range))
                .collect();
            (format!("{} ({})", level.name, level.years), fit(&rows.join("\n"), 1024))
        })
        .collect()
}
