//! Embeds for every kind of answer: pure functions from `App` views to serenity builders, with
//! one colour per kind and a footer that says what to try next.
//!
//! Content text is trusted Markdown written for Discord; anything a user typed is escaped so it
//! can never format a message (mentions are already disabled for every reply).

use crate::app::{CompareView, FaqAnswer, FaqView, PromptView, RoadmapView, StepView};
use crate::content::model::{Step, Technology};
use crate::error::{UserError, APOLOGY};
use poise::serenity_prelude::{CreateEmbed, CreateEmbedFooter};

pub mod colour {
    pub const ROADMAP: u32 = 0x3B82F6;
    pub const COMPARE: u32 = 0x8B5CF6;
    pub const FAQ: u32 = 0x10B981;
    pub const PROMPT: u32 = 0xF59E0B;
    pub const STREAK: u32 = 0xF97316;
    pub const SETTINGS: u32 = 0x64748B;
    pub const USER_ERROR: u32 = 0xEAB308;
    pub const APOLOGY: u32 = 0x6B7280;
}

/// Escapes Markdown in text a user typed, so it shows as typed.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']' | '(' | ')' | '<' | '@' | '\\' | '-') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Keeps text within a Discord limit, ending with an ellipsis when cut.
pub fn fit(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(limit.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn bullets(items: &[String]) -> String {
    fit(&items.iter().map(|i| format!("- {i}")).collect::<Vec<_>>().join("\n"), 1024)
}

fn footer(text: &str) -> CreateEmbedFooter {
    CreateEmbedFooter::new(fit(text, 2048))
}

pub fn roadmap(view: &RoadmapView<'_>) -> CreateEmbed {
    let lines: Vec<String> = view
        .steps
        .iter()
        .map(|(step, status)| format!("{} **{}. {}** · {}", status.mark(), step.number, step.title, step.duration))
        .collect();
    CreateEmbed::new()
        .title(format!("The backend roadmap · {}% complete", view.percent))
        .description(format!("{}\n\n● done  ◐ learning  ◌ skipped  ○ not started", lines.join("\n")))
        .colour(colour::ROADMAP)
        .footer(footer("Open a step: /roadmap 1 · Mark progress with the buttons under a step"))
}

pub fn step(view: &StepView<'_>) -> CreateEmbed {
    step_body(view.step, view.total, Some(&view.topics_done)).field(
        "Your status",
        format!("{} {}", view.status.mark(), view.status.label()),
        true,
    )
}

/// A step; with `marks`, the checklist shows which topics the member marked done.
fn step_body(step: &Step, total: usize, marks: Option<&[bool]>) -> CreateEmbed {
    let next = if usize::from(step.number) < total {
        format!("/roadmap {}", step.number + 1)
    } else {
        "/faq interviews".into()
    };
    CreateEmbed::new()
        .title(fit(&format!("Step {} of {total} · {}", step.number, step.title), 256))
        .description(fit(&step.summary, 4096))
        .colour(colour::ROADMAP)
        .field("Time", fit(&step.duration, 1024), true)
        .field("Why it matters", fit(&step.why, 1024), false)
        .field(checklist_title(marks), checklist(&step.checklist, marks), false)
        .field("Milestone project", fit(&step.project, 1024), false)
        .field("Resources", bullets(&step.resources), false)
        .field("What comes next", fit(&step.next, 1024), false)
        .footer(footer(&format!("Next: {next} · /prompt for today's exercise · /checkin when you've studied")))
}

fn checklist_title(marks: Option<&[bool]>) -> String {
    match marks {
        Some(marks) => format!("Checklist ({} of {} done)", marks.iter().filter(|m| **m).count(), marks.len()),
        None => "Checklist".to_string(),
    }
}

fn checklist(topics: &[String], marks: Option<&[bool]>) -> String {
    let Some(marks) = marks else { return bullets(topics) };
    let lines: Vec<String> = topics
        .iter()
        .zip(marks.iter().chain(std::iter::repeat(&false)))
        .map(|(topic, done)| format!("{} {topic}", if *done { "✅" } else { "⬜" }))
        .collect();
    fit(&lines.join("\n"), 1024)
}

pub fn technology(tech: &Technology) -> CreateEmbed {
    CreateEmbed::new()
        .title(fit(&tech.name, 256))
        .description(fit(&tech.summary, 4096))
        .colour(colour::COMPARE)
        .field("Best for", fit(&tech.best_for, 1024), false)
        .field("Strengths", bullets(&tech.strengths), true)
        .field("Trade-offs", bullets(&tech.tradeoffs), true)
        .field("Learning curve", tech.learning_curve.label(), true)
        .footer(footer(&format!("Compare it: /compare {} <another {}>", tech.name, tech.category.plural_label())))
}

pub fn compare(view: &CompareView<'_>) -> CreateEmbed {
    let names: Vec<&str> = view.items.iter().map(|t| t.name.as_str()).collect();
    let mut embed = CreateEmbed::new()
        .title(fit(&names.join(" vs "), 256))
        .colour(colour::COMPARE)
        .footer(footer("Ask a follow-up with /faq, or see where it fits with /roadmap"));
    if let Some(curated) = view.curated {
        embed = embed.description(fit(&curated.summary, 4096));
    }
    for tech in &view.items {
        let body = format!(
            "**Best for:** {}\n**Strengths**\n{}\n**Trade-offs**\n{}\n**Learning curve:** {}",
            tech.best_for,
            bullets(&tech.strengths),
            bullets(&tech.tradeoffs),
            tech.learning_curve.label()
        );
        embed = embed.field(fit(&tech.name, 256), fit(&body, 1024), true);
    }
    if let Some(curated) = view.curated {
        embed = embed.field("Verdict", bullets(&curated.verdict), false);
    }
    embed
}

pub fn faq(view: &FaqView<'_>, total_steps: usize) -> CreateEmbed {
    let embed = match &view.answer {
        FaqAnswer::Entry { entry, related } => {
            let mut embed = CreateEmbed::new()
                .title(fit(&entry.question, 256))
                .description(fit(&entry.answer, 4096))
                .colour(colour::FAQ);
            if !related.is_empty() {
                let lines: Vec<String> = related.iter().map(|r| format!("- {}", r.question)).collect();
                embed = embed.field("Related questions", fit(&lines.join("\n"), 1024), false);
            }
            embed
        }
        FaqAnswer::Technology(tech) => technology(tech),
        FaqAnswer::Step(s) => step_body(s, total_steps, None),
    };
    let hint = if view.also.is_empty() {
        "Ask another: /faq <your question>".to_string()
    } else {
        format!("Also close: {}", view.also.join(" · "))
    };
    embed.footer(footer(&hint))
}

pub fn faq_index(questions: &[&str]) -> CreateEmbed {
    let lines: Vec<String> = questions.iter().take(15).map(|q| format!("- {q}")).collect();
    CreateEmbed::new()
        .title("Ask me anything about becoming a backend developer")
        .description(fit(&lines.join("\n"), 4096))
        .colour(colour::FAQ)
        .footer(footer("Type /faq and start typing: suggestions appear as you go"))
}

pub fn prompt(view: &PromptView<'_>) -> CreateEmbed {
    let mut embed = CreateEmbed::new()
        .title(format!("Today's prompt · {}", view.prompt.kind.label()))
        .description(fit(&view.prompt.text, 4096))
        .colour(colour::PROMPT);
    if let Some(hint) = &view.prompt.hint {
        embed = embed.field("Hint", fit(&format!("||{hint}||"), 1024), false);
    }
    if let Some(step) = view.step {
        embed = embed.field(
            "From the roadmap",
            format!("Step {}: {} (/roadmap {})", step.number, step.title, step.number),
            false,
        );
    }
    embed.footer(footer(&format!("{} · /checkin when you've studied", view.date)))
}

/// A problem the user can fix, with suggestions when there are some.
pub fn user_error(error: &UserError) -> CreateEmbed {
    let mut text = escape_markdown(&format!("{error}"));
    let suggestions = error.suggestions();
    if !suggestions.is_empty() {
        let lines: Vec<String> = suggestions.iter().map(|s| format!("- {s}")).collect();
        text.push_str(&format!("\n\n**Did you mean:**\n{}", lines.join("\n")));
    }
    CreateEmbed::new()
        .description(fit(&text, 4096))
        .colour(colour::USER_ERROR)
        .footer(footer("/help lists what I can do"))
}

pub fn apology() -> CreateEmbed {
    CreateEmbed::new().description(APOLOGY).colour(colour::APOLOGY)
}

pub fn help() -> CreateEmbed {
    CreateEmbed::new()
        .title("backend-mentor")
        .description(
            "I help you learn backend development, one step at a time.\n\n\
             **/roadmap** [step]: the learning path, with your progress\n\
             **/compare** a b: two technologies side by side\n\
             **/faq** [question]: answers, with suggestions as you type\n\
             **/prompt**: today's learning prompt\n\
             **/checkin** [minutes] [note]: count today as a study day\n\
             **/streak** [member] [about]: your streak and heatmap; about:rules explains the rules\n\
             **/pause** [start] [days]: pause your streak for up to 14 days\n\
             **/leaderboard** [group] [period] [metric]: study group boards\n\
             **/settings**: your time zone and daily study nudges\n\
             **/privacy** export|delete: your data as a file, or deleted\n\
             **/setup**, **/correct** (moderators): prompts, boards, time zone, corrections",
        )
        .colour(colour::FAQ)
        .footer(footer("Start with /roadmap 1"))
}
