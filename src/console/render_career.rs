//! Terminal text for the career map: tracks, specializations, levels and salary ranges.

use crate::app::CareerSection;
use crate::content::model::Career;
use std::fmt::Write;

pub fn career(career: &Career, section: Option<CareerSection>) -> String {
    let Some(section) = section else {
        let mut out = String::from("The career map\n");
        for (word, s) in ["tracks", "specializations", "levels", "salaries"].into_iter().zip(CareerSection::ALL) {
            let _ = writeln!(out, "  /career {word:<16} {}", s.title());
        }
        return out;
    };
    let mut out = format!("{}\n", section.title());
    match section {
        CareerSection::Tracks => {
            for t in &career.tracks {
                let _ = writeln!(out, "\n{}\n  {}\n  Skills: {}", t.name, t.summary.trim(), t.skills.join("; "));
            }
        }
        CareerSection::Specializations => {
            for s in &career.specializations {
                let _ = writeln!(out, "\n{}\n  {}\n  Skills: {}", s.name, s.summary.trim(), s.skills.join("; "));
            }
        }
        CareerSection::Levels => {
            for l in &career.levels {
                let _ = writeln!(
                    out,
                    "\n{} ({})\n  {}\n  Expected: {}",
                    l.name,
                    l.years,
                    l.summary.trim(),
                    l.expectations.join("; ")
                );
            }
        }
        CareerSection::Salaries => salaries(career, &mut out),
    }
    out
}

fn salaries(career: &Career, out: &mut String) {
    let Some(salaries) = &career.salaries else {
        out.push_str("No salary figures are bundled.\n");
        return;
    };
    for level in &career.levels {
        let _ = writeln!(out, "\n{} ({})", level.name, level.years);
        for row in salaries.rows.iter().filter(|r| r.level == level.id) {
            let _ = writeln!(out, "  {}: {}", row.region, row.range);
        }
    }
    let _ = writeln!(out, "\nFigures from {}. {}", salaries.year, salaries.note.trim());
}
