//! `App` actions for questions: answering from the FAQ (or a technology profile or roadmap step
//! when that is what was asked about), and autocomplete choices.

use super::{checked_query, App, FaqAnswer, FaqView};
use crate::content::search::{Found, Scope, Target};
use crate::error::UserError;

/// A choice for an autocomplete list: the text shown and the value sent back when picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub value: String,
}

impl App {
    /// Answers a free-text question, or says honestly that nothing matched, with suggestions.
    pub fn faq(&self, question: &str) -> Result<FaqView<'_>, UserError> {
        let question = checked_query(question)?;
        match self.content.search().find(question, Scope::Everything) {
            Found::Match { best, also } => {
                Ok(FaqView { answer: self.answer_for(best.target), also: also.into_iter().map(|h| h.label).collect() })
            }
            Found::NoMatch { suggestions } => Err(UserError::NoMatch {
                query: question.to_string(),
                suggestions: suggestions.into_iter().map(|h| h.label).collect(),
            }),
        }
    }

    /// Questions to pick from when the learner has not asked anything yet.
    pub fn faq_questions(&self) -> Vec<&str> {
        self.content.faq.iter().map(|f| f.question.as_str()).collect()
    }

    /// Up to `max` choices (as many as the front end shows) for what has been typed so far; the
    /// first questions when nothing is.
    pub fn faq_choices(&self, partial: &str, max: usize) -> Vec<Choice> {
        let partial: String = partial.chars().take(super::MAX_QUERY_CHARS).collect();
        let labels: Vec<String> = if partial.trim().is_empty() {
            self.faq_questions().into_iter().map(str::to_string).collect()
        } else {
            self.content.search().complete(&partial, Scope::Everything).into_iter().map(|h| h.label).collect()
        };
        labels.into_iter().take(max).map(|label| Choice { value: label.clone(), name: label }).collect()
    }

    /// Up to `max` technology names matching what has been typed so far.
    pub fn technology_choices(&self, partial: &str, max: usize) -> Vec<Choice> {
        let partial: String = partial.chars().take(super::MAX_QUERY_CHARS).collect();
        let names: Vec<String> = if partial.trim().is_empty() {
            self.content.technologies.iter().map(|t| t.name.clone()).collect()
        } else {
            let hits = self.content.search().complete(&partial, Scope::Technologies);
            hits.into_iter().map(|h| h.label).collect()
        };
        names.into_iter().take(max).map(|name| Choice { value: name.clone(), name }).collect()
    }

    fn answer_for(&self, target: Target) -> FaqAnswer<'_> {
        let content = &self.content;
        match target {
            Target::Faq(i) => {
                let entry = &content.faq[i];
                let related = entry.related.iter().filter_map(|id| content.faq_entry(id)).collect();
                FaqAnswer::Entry { entry, related }
            }
            Target::Technology(i) => FaqAnswer::Technology(&content.technologies[i]),
            Target::Step(i) => FaqAnswer::Step(&content.steps[i]),
            Target::Card(i) => {
                let entry = &content.cards[i];
                let related = entry.related.iter().filter_map(|id| content.faq_entry(id)).collect();
                FaqAnswer::Entry { entry, related }
            }
        }
    }
}

impl App {
    /// Up to `max` roadmap steps matching what has been typed, by number or title.
    pub fn step_choices(&self, partial: &str, max: usize) -> Vec<Choice> {
        let partial: String = partial.chars().take(super::MAX_QUERY_CHARS).collect();
        let steps = &self.content.steps;
        let matching: Vec<&crate::content::model::Step> = if partial.trim().is_empty() {
            steps.iter().collect()
        } else if let Ok(step) = self.content.find_step(&partial) {
            vec![step]
        } else {
            let hits = self.content.search().complete(&partial, Scope::Steps);
            hits.iter().filter_map(|h| if let Target::Step(i) = h.target { steps.get(i) } else { None }).collect()
        };
        matching
            .into_iter()
            .take(max)
            .map(|s| Choice { name: format!("Step {} · {}", s.number, s.title), value: s.number.to_string() })
            .collect()
    }

    /// Up to `max` IANA time zones containing what has been typed ("berlin", "america/").
    pub fn timezone_choices(&self, partial: &str, max: usize) -> Vec<Choice> {
        crate::domain::timezone::matching(partial)
            .into_iter()
            .take(max)
            .map(|name| Choice { name: name.to_string(), value: name.to_string() })
            .collect()
    }
}
