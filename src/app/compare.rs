//! `App` actions for technologies: resolving what a learner typed ("pg", "k8s", "mongdb") to a
//! profile, and comparing two or three profiles side by side.

use super::{checked_query, App, CompareView};
use crate::content::model::Technology;
use crate::content::search::{Found, Hit, Scope, Target};
use crate::error::UserError;

/// Words people put between the things they compare.
const SEPARATORS: &[&str] = &["vs", "vs.", "versus", "or", "and", "with", "v", ","];

impl App {
    /// The profile a learner meant, or suggestions when it is unclear.
    pub fn technology(&self, query: &str) -> Result<&Technology, UserError> {
        let query = checked_query(query)?;
        match self.content.search().find(query, Scope::Technologies) {
            Found::Match { best: Hit { target: Target::Technology(i), .. }, .. } => Ok(&self.content.technologies[i]),
            Found::Match { .. } => Err(unknown(query, Vec::new())),
            Found::NoMatch { suggestions } => Err(unknown(query, suggestions)),
        }
    }

    /// Compares technologies named separately (Discord's `a` and `b` options).
    pub fn compare(&self, names: &[&str]) -> Result<CompareView<'_>, UserError> {
        let names: Vec<&str> = names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()).collect();
        if !(2..=3).contains(&names.len()) {
            return Err(UserError::CompareNeedsTwo);
        }
        let items = names.iter().map(|n| self.technology(n)).collect::<Result<Vec<_>, _>>()?;
        self.side_by_side(items)
    }

    /// Compares technologies named in one line: "postgres vs mongo", "spring boot django".
    pub fn compare_phrase(&self, text: &str) -> Result<CompareView<'_>, UserError> {
        let text = checked_query(text)?;
        let spaced = text.replace(',', " , ");
        let words: Vec<&str> = spaced.split_whitespace().collect();
        let parts: Vec<String> = words
            .split(|w| SEPARATORS.contains(&w.to_lowercase().as_str()))
            .filter(|p| !p.is_empty())
            .map(|p| p.join(" "))
            .collect();
        if parts.len() >= 2 {
            let names: Vec<&str> = parts.iter().map(String::as_str).collect();
            return self.compare(&names);
        }
        match self.best_split(&words) {
            Some((first, second)) => self.compare(&[&first, &second]),
            None if words.len() == 2 => self.compare(&[words[0], words[1]]),
            None => Err(UserError::CompareNeedsTwo),
        }
    }

    /// Tries every place to split the words in two and keeps the one both halves resolve best.
    fn best_split(&self, words: &[&str]) -> Option<(String, String)> {
        let score = |text: &str| match self.content.search().find(text, Scope::Technologies) {
            Found::Match { best, .. } => best.score,
            Found::NoMatch { .. } => 0.0,
        };
        (1..words.len())
            .map(|i| (words[..i].join(" "), words[i..].join(" ")))
            .map(|(a, b)| (score(&a).min(score(&b)), a, b))
            .filter(|(s, _, _)| *s > 0.0)
            .max_by(|x, y| x.0.total_cmp(&y.0))
            .map(|(_, a, b)| (a, b))
    }

    fn side_by_side<'a>(&'a self, items: Vec<&'a Technology>) -> Result<CompareView<'a>, UserError> {
        if items[1..].iter().any(|t| t.id == items[0].id) || (items.len() == 3 && items[1].id == items[2].id) {
            return Err(UserError::SameTechnology { name: items[0].name.clone() });
        }
        let ids: Vec<&str> = items.iter().map(|t| t.id.as_str()).collect();
        let curated = self.content.comparison_of(&ids);
        if curated.is_none() {
            if let Some(other) = items[1..].iter().find(|t| !items[0].comparable_with(t)) {
                return Err(self.not_comparable(items[0], other));
            }
        }
        Ok(CompareView { items, curated })
    }

    fn not_comparable(&self, first: &Technology, second: &Technology) -> UserError {
        let example = self
            .content
            .technologies
            .iter()
            .find(|t| t.id != first.id && first.comparable_with(t))
            .map_or_else(|| "another one".to_string(), |t| t.name.clone());
        UserError::NotComparable {
            first: first.name.clone(),
            first_kind: first.category.plural_label().to_string(),
            second: second.name.clone(),
            second_kind: second.category.plural_label().to_string(),
            example,
        }
    }
}

fn unknown(query: &str, suggestions: Vec<Hit>) -> UserError {
    UserError::UnknownTechnology {
        query: query.to_string(),
        suggestions: suggestions.into_iter().map(|h| h.label).collect(),
    }
}
