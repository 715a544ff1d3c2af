//! The learning answers in words: the roadmap and its steps, technologies and comparisons, FAQ
//! answers and today's prompt.

use super::command_ref::CommandRef as Cmd;
use super::reply::{Tone, View};
use super::text::{content_bullets, Span, Text};
use crate::app::{CompareView, FaqAnswer, FaqView, PromptView, RoadmapView, StepView};
use crate::content::model::{Step, Technology};

pub fn roadmap(view: &RoadmapView<'_>) -> View {
    let lines = view.steps.iter().map(|(step, status)| {
        Text::new()
            .plain(format!("{} ", status.mark()))
            .strong(format!("{}. {}", step.number, step.title))
            .plain(" · ")
            .content(step.duration.clone())
    });
    let legend = Text::from("\n\n● done  ◐ learning  ◌ skipped  ○ not started");
    View::new(Tone::Roadmap)
        .title(format!("The backend roadmap · {}% complete", view.percent))
        .body(Text::joined(lines, "\n").then(legend))
        .footer(
            Text::new().plain("Open a step: ").command(Cmd::RoadmapStep(1)).plain(", or by its name, such as docker"),
        )
}

/// A step with the member's status and ticked topics.
pub fn step_with_progress(view: &StepView<'_>) -> View {
    let number = view.step.number;
    let status = Text::new().plain(format!("{} {}", view.status.mark(), view.status.label()));
    let footer = next_steps(view.step, view.total)
        .plain(" · Mark your progress: ")
        .command(Cmd::MarkStep(number))
        .plain(" · Tick topics: ")
        .command(Cmd::TickTopics(number));
    let mut out = step_body(view.step, view.total, Some(&view.topics_done)).footer(footer);
    out.fields.insert(1, super::reply::Field { name: "Your status".into(), value: status, short: true });
    out
}

/// A step as the curriculum has it (an FAQ answer): no member progress.
pub fn step(step: &Step, total: usize) -> View {
    step_body(step, total, None).footer(next_steps(step, total))
}

fn next_steps(step: &Step, total: usize) -> Text {
    let next = if usize::from(step.number) < total {
        Cmd::RoadmapStep(step.number + 1)
    } else {
        Cmd::Faq(Some("interviews".to_string()))
    };
    Text::new()
        .plain("Next: ")
        .command(next)
        .plain(" · ")
        .command(Cmd::Prompt)
        .plain(" for today's exercise · ")
        .command(Cmd::CheckIn)
        .plain(" when you've studied")
}

fn step_body(step: &Step, total: usize, marks: Option<&[bool]>) -> View {
    View::new(Tone::Roadmap)
        .title(format!("Step {} of {total} · {}", step.number, step.title))
        .body(Text::new().content(step.summary.clone()))
        .field("Time", Text::new().content(step.duration.clone()), true)
        .field("Why it matters", Text::new().content(step.why.clone()), false)
        .field(checklist_title(marks), checklist(&step.checklist, marks), false)
        .field("Milestone project", Text::new().content(step.project.clone()), false)
        .field("Resources", content_bullets(&step.resources), false)
        .field("What comes next", Text::new().content(step.next.clone()), false)
}

fn checklist_title(marks: Option<&[bool]>) -> String {
    match marks {
        Some(marks) => format!("Checklist ({} of {} done)", marks.iter().filter(|m| **m).count(), marks.len()),
        None => "Checklist".to_string(),
    }
}

fn checklist(topics: &[String], marks: Option<&[bool]>) -> Text {
    let Some(marks) = marks else { return content_bullets(topics) };
    let lines =
        topics.iter().zip(marks.iter().chain(std::iter::repeat(&false))).enumerate().map(|(i, (topic, done))| {
            Text::new().span(Span::Check(*done)).plain(format!(" {}. ", i + 1)).content(topic.clone())
        });
    Text::joined(lines, "\n")
}

pub fn technology(tech: &Technology) -> View {
    let compare = Cmd::Compare { a: tech.name.clone(), b: "<name>".to_string() };
    let invite = format!("Compare it with another of the {}: ", tech.category.plural_label());
    View::new(Tone::Compare)
        .title(format!("{} ({})", tech.name, tech.category.plural_label()))
        .body(Text::new().content(tech.summary.clone()))
        .field("Best for", Text::new().content(tech.best_for.clone()), false)
        .field("Strengths", content_bullets(&tech.strengths), true)
        .field("Trade-offs", content_bullets(&tech.tradeoffs), true)
        .field("Learning curve", tech.learning_curve.label(), true)
        .footer(Text::new().plain(invite).command(compare))
}

pub fn compare(view: &CompareView<'_>) -> View {
    let names: Vec<&str> = view.items.iter().map(|t| t.name.as_str()).collect();
    let mut out = View::new(Tone::Compare).title(names.join(" vs ")).footer(
        Text::new()
            .plain("Ask a follow-up with ")
            .command(Cmd::Faq(None))
            .plain(", or see where it fits with ")
            .command(Cmd::Roadmap),
    );
    if let Some(curated) = view.curated {
        out = out.body(Text::new().content(curated.summary.clone()));
    }
    for tech in &view.items {
        let body = Text::new()
            .strong("Best for: ")
            .content(tech.best_for.clone())
            .plain("\n")
            .strong("Strengths")
            .plain("\n")
            .then(content_bullets(&tech.strengths))
            .plain("\n")
            .strong("Trade-offs")
            .plain("\n")
            .then(content_bullets(&tech.tradeoffs))
            .plain("\n")
            .strong("Learning curve: ")
            .plain(tech.learning_curve.label());
        out = out.field(tech.name.as_str(), body, true);
    }
    if let Some(curated) = view.curated {
        out = out.field("Verdict", content_bullets(&curated.verdict), false);
    }
    out
}

pub fn faq(view: &FaqView<'_>, total_steps: usize) -> View {
    let out = match &view.answer {
        FaqAnswer::Entry { entry, related } => {
            let mut out =
                View::new(Tone::Faq).title(entry.question.as_str()).body(Text::new().content(entry.answer.clone()));
            if !related.is_empty() {
                let lines = related.iter().map(|r| Text::new().plain("- ").command(Cmd::Faq(Some(r.question.clone()))));
                out = out.field("Related questions", Text::joined(lines, "\n"), false);
            }
            out
        }
        FaqAnswer::Technology(tech) => technology(tech),
        FaqAnswer::Step(s) => step(s, total_steps),
    };
    let hint = if view.also.is_empty() {
        Text::new().plain("Ask another: ").command(Cmd::Faq(Some("<your question>".to_string())))
    } else {
        Text::new().plain(format!("Also close: {}", view.also.join(" · ")))
    };
    out.footer(hint)
}

pub fn faq_index(questions: &[&str]) -> View {
    let lines = questions.iter().map(|q| Text::new().plain("- ").command(Cmd::Faq(Some(q.to_string()))));
    View::new(Tone::Faq)
        .title("Ask me anything about becoming a backend developer")
        .body(Text::joined(lines, "\n"))
        .footer(Text::new().plain("Type ").command(Cmd::Faq(None)).plain(" and your question, in your own words"))
}

pub fn prompt(view: &PromptView<'_>) -> View {
    let mut out = View::new(Tone::Prompt)
        .title(format!("Today's prompt · {}", view.prompt.kind.label()))
        .body(Text::new().content(view.prompt.text.clone()));
    if let Some(hint) = &view.prompt.hint {
        out = out.field("Hint", Text::new().span(Span::Hidden(hint.clone())), false);
    }
    if let Some(step) = view.step {
        let from = Text::new()
            .plain(format!("Step {}: {} (", step.number, step.title))
            .command(Cmd::RoadmapStep(step.number))
            .plain(")");
        out = out.field("From the roadmap", from, false);
    }
    out.footer(Text::new().plain(format!("{} · ", view.date)).command(Cmd::CheckIn).plain(" when you've studied"))
}
