//! Terminal text for each kind of answer: pure functions from `App` views to strings.
//!
//! Content is written in Discord's Markdown; here bold markers are dropped and lists are kept,
//! which reads well in a terminal.

use crate::app::{CheckInView, CompareView, FaqAnswer, FaqView, PromptView, RoadmapView, StepView, StreakView};
use crate::content::model::{Step, Technology};
use crate::error::UserError;
use std::fmt::Write;

fn plain(text: &str) -> String {
    text.replace("**", "").replace("__", "")
}

fn bullets(out: &mut String, items: &[String]) {
    for item in items {
        let _ = writeln!(out, "  - {}", plain(item));
    }
}

fn section(out: &mut String, title: &str, body: &str) {
    let _ = writeln!(out, "\n{title}\n  {}", plain(body).replace('\n', "\n  "));
}

pub fn roadmap(view: &RoadmapView<'_>) -> String {
    let mut out = format!("The backend roadmap · {}% complete\n", view.percent);
    for (step, status) in &view.steps {
        let _ = writeln!(out, "  {} {}. {} ({})", status.mark(), step.number, step.title, step.duration);
    }
    out.push_str("  ● done  ◐ learning  ◌ skipped  ○ not started\n");
    out.push_str("\nTry: /roadmap 1 to start, or /roadmap <name> for a step such as /roadmap docker\n");
    out
}

pub fn step_with_status(view: &StepView<'_>) -> String {
    let body = step(view.step, view.total);
    let (head, rest) = body.split_once('\n').unwrap_or((&body, ""));
    let number = view.step.number;
    let mut out = format!("{head}\nYour status: {} (mark it: /progress {number} done)\n", view.status.label());
    let done = view.topics_done.iter().filter(|d| **d).count();
    let _ =
        writeln!(out, "Your checklist: {done} of {} done (tick them: /topics {number} 1,2)", view.topics_done.len());
    for (i, (topic, ticked)) in view.step.checklist.iter().zip(&view.topics_done).enumerate() {
        let _ = writeln!(out, "  [{}] {}. {}", if *ticked { "x" } else { " " }, i + 1, plain(topic));
    }
    out.push_str(rest);
    out
}

pub fn step(step: &Step, total: usize) -> String {
    let mut out = format!(
        "Step {} of {total} · {}\nTime: {}\n\n{}\n",
        step.number,
        step.title,
        step.duration,
        plain(&step.summary)
    );
    section(&mut out, "Why it matters", &step.why);
    out.push_str("\nChecklist\n");
    bullets(&mut out, &step.checklist);
    section(&mut out, "Milestone project", &step.project);
    out.push_str("\nResources\n");
    bullets(&mut out, &step.resources);
    section(&mut out, "What comes next", &step.next);
    let next = if usize::from(step.number) < total {
        format!("/roadmap {}", step.number + 1)
    } else {
        "/faq interviews".to_string()
    };
    let _ = writeln!(out, "\nTry: {next} · /prompt · /checkin");
    out
}

pub fn technology(tech: &Technology) -> String {
    let mut out = format!("{} ({})\n\n{}\n", tech.name, tech.category.plural_label(), plain(&tech.summary));
    section(&mut out, "Best for", &tech.best_for);
    out.push_str("\nStrengths\n");
    bullets(&mut out, &tech.strengths);
    out.push_str("\nTrade-offs\n");
    bullets(&mut out, &tech.tradeoffs);
    let _ = writeln!(out, "\nLearning curve: {}", tech.learning_curve.label());
    out
}

pub fn compare(view: &CompareView<'_>) -> String {
    let names: Vec<&str> = view.items.iter().map(|t| t.name.as_str()).collect();
    let mut out = format!("{}\n", names.join(" vs "));
    if let Some(curated) = view.curated {
        let _ = writeln!(out, "\n{}", plain(&curated.summary));
    }
    for tech in &view.items {
        let _ = writeln!(out, "\n{} · learning curve: {}", tech.name, tech.learning_curve.label());
        let _ = writeln!(out, "  Best for: {}", plain(&tech.best_for));
        out.push_str("  Strengths:\n");
        bullets(&mut out, &tech.strengths);
        out.push_str("  Trade-offs:\n");
        bullets(&mut out, &tech.tradeoffs);
    }
    if let Some(curated) = view.curated {
        out.push_str("\nVerdict\n");
        bullets(&mut out, &curated.verdict);
    }
    out
}

pub fn faq(view: &FaqView<'_>, total_steps: usize) -> String {
    let mut out = match &view.answer {
        FaqAnswer::Entry { entry, related } => {
            let mut out = format!("{}\n\n{}\n", entry.question, plain(&entry.answer));
            if !related.is_empty() {
                out.push_str("\nRelated questions\n");
                for r in related {
                    let _ = writeln!(out, "  - /faq {}", r.question);
                }
            }
            out
        }
        FaqAnswer::Technology(tech) => technology(tech),
        FaqAnswer::Step(s) => step(s, total_steps),
    };
    if !view.also.is_empty() {
        let _ = writeln!(out, "\nAlso close: {}", view.also.join(" · "));
    }
    out
}

pub fn faq_index(questions: &[&str]) -> String {
    let mut out = String::from("Ask me anything, for example:\n");
    for q in questions.iter().take(12) {
        let _ = writeln!(out, "  - /faq {q}");
    }
    out
}

pub fn prompt(view: &PromptView<'_>) -> String {
    let mut out =
        format!("Today's prompt ({}) · {}\n\n{}\n", view.date, view.prompt.kind.label(), plain(&view.prompt.text));
    if let Some(hint) = &view.prompt.hint {
        let _ = writeln!(out, "\nHint: {}", plain(hint));
    }
    if let Some(step) = view.step {
        let _ = writeln!(out, "\nFrom step {}: {} (/roadmap {})", step.number, step.title, step.number);
    }
    out
}

pub fn checkin(view: &CheckInView) -> String {
    let streak = &view.streak.summary;
    let minutes = view.minutes.map(|m| format!(" ({} minutes)", m.get())).unwrap_or_default();
    let head = if view.counted {
        format!("Checked in for {}{minutes}. Nice work!", streak.today)
    } else if view.minutes.is_some() || view.note_saved {
        let added = view.minutes.map(|m| format!("Added {} minutes; ", m.get())).unwrap_or_default();
        let note = if view.note_saved { "Your note is saved. " } else { "" };
        format!(
            "You already checked in today ({}); it still counts once. {note}{added}{} minutes today in all.",
            streak.today, view.minutes_today
        )
    } else {
        format!("You already checked in today ({}); it counted once and nothing changed.", streak.today)
    };
    format!("{head}\nCurrent streak: {} day{}.\n", streak.current, plural(streak.current))
}

pub fn streak(view: &StreakView) -> String {
    let s = &view.summary;
    let today = if s.checked_in_today {
        "Today is counted.".to_string()
    } else {
        format!(
            "Today is not counted yet: check in before {} ({}).",
            view.day_ends_at.format("%Y-%m-%d %H:%M"),
            view.timezone
        )
    };
    let mut out = format!(
        "Your streak\n  Current: {} day{}\n  Longest: {} day{}\n  Total study days: {}\n  Total minutes: {}\n",
        s.current,
        plural(s.current),
        s.longest,
        plural(s.longest),
        s.total_days,
        view.total_minutes
    );
    let next = if s.days_to_next_freeze == 0 {
        "you hold the most".to_string()
    } else {
        format!("next in {} counted day{}", s.days_to_next_freeze, plural(s.days_to_next_freeze))
    };
    let _ = writeln!(out, "  Freezes: {} held, {} used ({next})", s.freezes_held, s.freezes_used);
    if let Some(rank) = view.rank {
        let _ = writeln!(out, "  Rank in this server: #{} of {} (by study days)", rank.place, rank.of);
    }
    if let Some(pause) = view.pause {
        let _ = writeln!(out, "  Paused: {} to {}", pause.first, pause.last);
    }
    if let Some(percent) = view.roadmap_percent {
        let _ = writeln!(out, "  Roadmap: {percent}% complete");
    }
    let _ = writeln!(out, "  {today}");
    out
}

pub fn timezone_set(zone: &str) -> String {
    format!("Your time zone is now {zone}. Days you already counted stay as they were.\n")
}

pub fn user_error(error: &UserError) -> String {
    let mut out = format!("{error}\n");
    let suggestions = error.suggestions();
    if !suggestions.is_empty() {
        out.push_str("Did you mean:\n");
        for s in suggestions {
            let _ = writeln!(out, "  - {s}");
        }
    }
    if matches!(error, UserError::NoMatch { .. }) {
        out.push_str("Try /faq with other words, or /help to see what I can do.\n");
    }
    out
}

/// Text as the terminal may print it: control characters (an ANSI escape, a carriage return,
/// a backspace) and bidirectional overrides, which could repaint or reorder the screen, are
/// written as visible escapes such as `\u{1b}`; only line breaks stay.
pub fn terminal_safe(text: &str) -> String {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(unsafe_char) {
        return text.to_string();
    }
    text.chars().fold(String::with_capacity(text.len()), |mut out, c| {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
        out
    })
}

pub fn help() -> String {
    let mut out = String::from("Commands\n");
    for (usage, what) in super::help::COMMANDS {
        let _ = writeln!(out, "  {usage:<28} {what}");
    }
    out.push_str(
        "\nOptions go in order (/compare postgres mongodb) or by name (/checkin minutes:30 note:\"joins\").\n",
    );
    out
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_safe_text_shows_escapes_and_keeps_line_breaks() {
        assert_eq!(terminal_safe("plain\ntext"), "plain\ntext");
        assert_eq!(terminal_safe("\u{1b}[31mred\r\u{202e}"), "\\u{1b}[31mred\\u{d}\\u{202e}");
    }
}
