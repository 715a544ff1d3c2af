//! Checks the curriculum before the mentor uses it: ids, cross-references, and the render
//! limits of every platform the binary serves.
//!
//! A platform may refuse a whole message when one part is too long (Discord does), so the limits
//! are checked here, at start and by `backend-mentor check`, instead of being discovered by a
//! learner. The limits come from the platforms themselves (`RenderLimits`), never from here.
//! Each problem names the file and the entry so a contributor can find it. A tree: `problem`
//! (the types), `limits`, `rules` (the per-kind checks), and this file (the checks across kinds).

mod limits;
mod problem;
mod rules;

pub use limits::RenderLimits;
pub use problem::Problem;
pub(crate) use problem::Sourced;

use super::model::{Career, Comparison, FaqEntry, Prompt, Step, Technology};
use std::collections::{HashMap, HashSet};

/// Runs every check and returns all problems found.
pub(crate) fn check_all(
    steps: &[Sourced<Step>],
    technologies: &[Sourced<Technology>],
    comparisons: &[Sourced<Comparison>],
    faq: &[Sourced<FaqEntry>],
    prompts: &[Sourced<Prompt>],
    career: &Sourced<Career>,
    limits: &RenderLimits,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    unique_ids(steps, |s| &s.id, &mut problems);
    unique_ids(technologies, |t| &t.id, &mut problems);
    unique_ids(comparisons, |c| &c.id, &mut problems);
    unique_ids(faq, |f| &f.id, &mut problems);
    unique_ids(prompts, |p| &p.id, &mut problems);
    step_numbers(steps, &mut problems);
    unique_technology_names(technologies, &mut problems);

    let step_count = steps.len();
    let tech_ids: HashSet<&str> = technologies.iter().map(|t| t.value.id.as_str()).collect();
    let faq_ids: HashSet<&str> = faq.iter().map(|f| f.value.id.as_str()).collect();
    for s in steps {
        rules::step(limits, s, &tech_ids, &mut problems);
    }
    for t in technologies {
        rules::technology(limits, t, step_count, &mut problems);
    }
    for c in comparisons {
        rules::comparison(limits, c, technologies, &mut problems);
    }
    for f in faq {
        rules::faq(limits, f, &faq_ids, step_count, &mut problems);
    }
    for p in prompts {
        rules::prompt(limits, p, step_count, &mut problems);
    }
    rules::career(limits, career, &mut problems);
    if steps.is_empty() {
        problems.push(Problem::file("roadmap.toml", "has no steps; the roadmap needs at least one"));
    }
    if prompts.is_empty() {
        problems.push(Problem::file("prompts.toml", "has no prompts; the daily prompt needs at least one"));
    }
    problems
}

fn unique_ids<T>(items: &[Sourced<T>], id: impl Fn(&T) -> &String, problems: &mut Vec<Problem>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for item in items {
        let key = id(&item.value).as_str();
        if !is_valid_id(key) {
            problems.push(Problem::entry(&item.file, key, "the id must be lowercase letters, digits and dashes"));
        }
        if let Some(first) = seen.insert(key, &item.file) {
            problems.push(Problem::entry(&item.file, key, format!("the id is already used in {first}")));
        }
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn step_numbers(steps: &[Sourced<Step>], problems: &mut Vec<Problem>) {
    for (index, step) in steps.iter().enumerate() {
        let expected = index + 1;
        if usize::from(step.value.number) != expected {
            let message = format!(
                "the step is number {} but stands in position {expected}; number the steps 1, 2, 3... in order",
                step.value.number
            );
            problems.push(Problem::entry(&step.file, &step.value.id, message));
        }
    }
}

/// Every name and alias must lead to exactly one technology, or search would guess.
fn unique_technology_names(technologies: &[Sourced<Technology>], problems: &mut Vec<Problem>) {
    let mut owners: HashMap<String, &str> = HashMap::new();
    for t in technologies {
        let tech = &t.value;
        let mut names: Vec<&String> = vec![&tech.id, &tech.name];
        names.extend(tech.aliases.iter());
        let own: HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
        for name in own {
            if let Some(other) = owners.insert(name.clone(), &tech.id) {
                let message = format!("the name or alias `{name}` also belongs to `{other}`");
                problems.push(Problem::entry(&t.file, &tech.id, message));
            }
        }
    }
}
