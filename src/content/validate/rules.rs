//! The per-entry content checks: required text present, references resolve, render limits hold.
//!
//! The limits mirror how the views lay an entry out: a title or question becomes an
//! autocomplete choice name, long prose a message's main text, each list one labelled part
//! rendered as `- item` lines, and the whole entry one message.

use super::problem::{Problem, Sourced};
use super::RenderLimits;
use crate::content::model::{Career, Comparison, FaqEntry, Prompt, Step, Technology};
use std::collections::HashSet;

/// Collects problems for one entry while keeping a running total of its rendered size.
struct EntryCheck<'a> {
    limits: &'a RenderLimits,
    file: &'a str,
    entry: &'a str,
    total: usize,
    problems: &'a mut Vec<Problem>,
}

impl<'a> EntryCheck<'a> {
    fn new(limits: &'a RenderLimits, file: &'a str, entry: &'a str, problems: &'a mut Vec<Problem>) -> Self {
        EntryCheck { limits, file, entry, total: 0, problems }
    }

    fn report(&mut self, message: String) {
        self.problems.push(Problem::entry(self.file, self.entry, message));
    }

    fn text(&mut self, field: &str, value: &str, max: usize) {
        let length = value.chars().count();
        self.total += length;
        if value.trim().is_empty() {
            self.report(format!("`{field}` is empty"));
        } else if length > max {
            let platforms = self.limits.platforms;
            self.report(format!("`{field}` is {length} characters; the limit on {platforms} is {max}"));
        }
    }

    /// A list rendered as `- item` lines in one embed field.
    fn list(&mut self, field: &str, items: &[String], min_items: usize) {
        if items.len() < min_items {
            self.report(format!("`{field}` has {} item(s); it needs at least {min_items}", items.len()));
        }
        let rendered: usize = items.iter().map(|i| i.chars().count() + 3).sum();
        self.total += rendered;
        if rendered > self.limits.field_value {
            let (max, platforms) = (self.limits.field_value, self.limits.platforms);
            self.report(format!("`{field}` renders to {rendered} characters; one field on {platforms} holds {max}"));
        }
        if items.iter().any(|i| i.trim().is_empty()) {
            self.report(format!("`{field}` has an empty item"));
        }
    }

    fn step_ref(&mut self, field: &str, step: Option<u8>, step_count: usize) {
        if let Some(n) = step {
            if n == 0 || usize::from(n) > step_count {
                self.report(format!("`{field}` is {n}, but the roadmap has steps 1 to {step_count}"));
            }
        }
    }

    fn finish(mut self) {
        if self.total > self.limits.total {
            let (total, max, platforms) = (self.total, self.limits.total, self.limits.platforms);
            self.report(format!("renders to {total} characters in all; one message on {platforms} holds {max}"));
        }
    }
}

pub(super) fn step(limits: &RenderLimits, s: &Sourced<Step>, tech_ids: &HashSet<&str>, problems: &mut Vec<Problem>) {
    let step = &s.value;
    let mut check = EntryCheck::new(limits, &s.file, &step.id, problems);
    // The choice name is "Step N · Title", so the title leaves room for the prefix.
    check.text("title", &step.title, limits.choice_name - 10);
    check.text("summary", &step.summary, limits.body / 2);
    check.text("why", &step.why, limits.field_value);
    check.text("duration", &step.duration, limits.field_value);
    check.text("project", &step.project, limits.field_value);
    check.text("next", &step.next, limits.field_value);
    check.list("checklist", &step.checklist, 1);
    check.list("resources", &step.resources, 1);
    for tech in &step.technologies {
        if !tech_ids.contains(tech.as_str()) {
            check.report(format!("`technologies` names `{tech}`, which is not a technology id"));
        }
    }
    check.finish();
}

pub(super) fn technology(
    limits: &RenderLimits,
    t: &Sourced<Technology>,
    step_count: usize,
    problems: &mut Vec<Problem>,
) {
    let tech = &t.value;
    let mut check = EntryCheck::new(limits, &t.file, &tech.id, problems);
    check.text("name", &tech.name, limits.choice_name);
    check.text("summary", &tech.summary, limits.field_value);
    check.text("best_for", &tech.best_for, limits.field_value);
    check.list("strengths", &tech.strengths, 1);
    check.list("tradeoffs", &tech.tradeoffs, 1);
    for alias in &tech.aliases {
        check.text("aliases", alias, limits.choice_name);
    }
    check.step_ref("roadmap_step", tech.roadmap_step, step_count);
    check.finish();
}

pub(super) fn comparison(
    limits: &RenderLimits,
    c: &Sourced<Comparison>,
    technologies: &[Sourced<Technology>],
    problems: &mut Vec<Problem>,
) {
    let cmp = &c.value;
    let mut check = EntryCheck::new(limits, &c.file, &cmp.id, problems);
    check.text("summary", &cmp.summary, limits.body / 2);
    check.list("verdict", &cmp.verdict, cmp.items.len());
    if !(2..=3).contains(&cmp.items.len()) {
        check.report(format!("`items` has {} technologies; a comparison takes 2 or 3", cmp.items.len()));
    }
    let unique: HashSet<&String> = cmp.items.iter().collect();
    if unique.len() != cmp.items.len() {
        check.report("`items` names the same technology twice".to_string());
    }
    for item in &cmp.items {
        match technologies.iter().find(|t| &t.value.id == item) {
            // The side-by-side shows each profile's summary, strengths and trade-offs too.
            Some(t) => check.total += profile_size(&t.value),
            None => check.report(format!("`items` names `{item}`, which is not a technology id")),
        }
    }
    check.finish();
}

fn profile_size(tech: &Technology) -> usize {
    let list = |items: &[String]| items.iter().map(|i| i.chars().count() + 3).sum::<usize>();
    tech.name.chars().count() + tech.best_for.chars().count() + list(&tech.strengths) + list(&tech.tradeoffs)
}

pub(super) fn faq(
    limits: &RenderLimits,
    f: &Sourced<FaqEntry>,
    faq_ids: &HashSet<&str>,
    step_count: usize,
    problems: &mut Vec<Problem>,
) {
    let entry = &f.value;
    let mut check = EntryCheck::new(limits, &f.file, &entry.id, problems);
    check.text("question", &entry.question, limits.choice_name);
    check.text("answer", &entry.answer, limits.body / 2);
    for alias in &entry.aliases {
        check.text("aliases", alias, limits.choice_name);
    }
    for related in &entry.related {
        if related == &entry.id {
            check.report("`related` names the entry itself".to_string());
        } else if !faq_ids.contains(related.as_str()) {
            check.report(format!("`related` names `{related}`, which is not an FAQ id"));
        }
    }
    check.step_ref("roadmap_step", entry.roadmap_step, step_count);
    check.finish();
}

pub(super) fn prompt(limits: &RenderLimits, p: &Sourced<Prompt>, step_count: usize, problems: &mut Vec<Problem>) {
    let prompt = &p.value;
    let mut check = EntryCheck::new(limits, &p.file, &prompt.id, problems);
    check.text("text", &prompt.text, limits.body / 4);
    if let Some(hint) = &prompt.hint {
        check.text("hint", hint, limits.field_value);
    }
    check.step_ref("step", Some(prompt.step), step_count);
    check.finish();
}

pub(super) fn career(limits: &RenderLimits, c: &Sourced<Career>, problems: &mut Vec<Problem>) {
    let career = &c.value;
    for track in &career.tracks {
        let mut check = EntryCheck::new(limits, &c.file, &track.id, problems);
        check.text("name", &track.name, limits.choice_name);
        check.text("summary", &track.summary, limits.field_value);
        check.list("skills", &track.skills, 1);
        check.finish();
    }
    for spec in &career.specializations {
        let mut check = EntryCheck::new(limits, &c.file, &spec.id, problems);
        check.text("name", &spec.name, limits.choice_name);
        check.text("summary", &spec.summary, limits.field_value);
        check.list("skills", &spec.skills, 1);
        check.finish();
    }
    for level in &career.levels {
        let mut check = EntryCheck::new(limits, &c.file, &level.id, problems);
        check.text("name", &level.name, limits.choice_name);
        check.text("summary", &level.summary, limits.field_value);
        check.list("expectations", &level.expectations, 1);
        check.finish();
    }
    if let Some(salaries) = &career.salaries {
        let levels: HashSet<&str> = career.levels.iter().map(|l| l.id.as_str()).collect();
        let mut check = EntryCheck::new(limits, &c.file, "salaries", problems);
        check.text("note", &salaries.note, limits.field_value);
        for row in &salaries.rows {
            if !levels.contains(row.level.as_str()) {
                check.report(format!("a row names level `{}`, which is not a level id", row.level));
            }
        }
        check.finish();
    }
}
