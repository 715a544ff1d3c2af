//! The career map in words: the sections, then skill tracks, specializations, levels with their
//! years, and salary ranges by level and region.

use super::command_ref::CommandRef as Cmd;
use super::reply::{Tone, View};
use super::text::Text;
use crate::app::CareerSection;
use crate::content::model::Career;

/// One section of the map, or (with none) what the map holds.
pub fn career(career: &Career, section: Option<CareerSection>) -> View {
    let Some(section) = section else {
        let lines = CareerSection::ALL.iter().map(|s| Text::new().plain(format!("- {}", s.title())));
        return View::new(Tone::Roadmap)
            .title("The career map")
            .body(Text::joined(lines, "\n"))
            .footer(Text::new().plain("Open one with ").command(Cmd::Career));
    };
    let out = View::new(Tone::Roadmap).title(section.title());
    let out = match section {
        CareerSection::Tracks => career
            .tracks
            .iter()
            .fold(out, |v, t| v.field(t.name.as_str(), described(&t.summary, "Skills", &t.skills), false)),
        CareerSection::Specializations => career
            .specializations
            .iter()
            .fold(out, |v, s| v.field(s.name.as_str(), described(&s.summary, "Skills", &s.skills), false)),
        CareerSection::Levels => career.levels.iter().fold(out, |v, l| {
            v.field(format!("{} ({})", l.name, l.years), described(&l.summary, "Expected", &l.expectations), false)
        }),
        CareerSection::Salaries => return salaries(career, out),
    };
    out.footer(more())
}

fn described(summary: &str, label: &str, items: &[String]) -> Text {
    Text::new().content(summary.trim()).plain(format!("\n{label}: ")).content(items.join("; "))
}

fn more() -> Text {
    Text::new().plain("More: ").command(Cmd::Career).plain(" · ").command(Cmd::Roadmap).plain(" for the learning path")
}

fn salaries(career: &Career, out: View) -> View {
    let Some(salaries) = &career.salaries else { return out.body("No salary figures are bundled.").footer(more()) };
    let out = career.levels.iter().fold(out, |v, level| {
        let rows = salaries
            .rows
            .iter()
            .filter(|r| r.level == level.id)
            .map(|r| Text::new().plain(format!("{}: ", r.region)).strong(r.range.clone()));
        v.field(format!("{} ({})", level.name, level.years), Text::joined(rows, "\n"), false)
    });
    out.footer(Text::new().plain(format!("Figures from {}. ", salaries.year)).content(salaries.note.trim()))
}
