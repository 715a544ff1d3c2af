//! Answer cards: comparisons and the parts of the career map, written as question-and-answer
//! entries so that one search finds them next to the FAQ and any renderer shows them as it shows
//! an FAQ answer. Each card ends with the command that shows its source in full.
//!
//! A card's id says where it comes from (`comparison:python-vs-java`, `career:level:mid`), so a
//! card can never collide with an FAQ id, which has no colon.

use super::model::{Career, Comparison, FaqEntry, Technology};
use super::search::Document;

/// A card and the phrases and keywords it offers the search index. Its question is a label
/// ("Specialization: Data engineering"), not a phrase: the word every card of its kind shares
/// would otherwise match all of them as strongly as the entry about the kind itself.
pub struct Card {
    pub entry: FaqEntry,
    pub phrases: Vec<String>,
    pub keywords: Vec<String>,
}

impl Card {
    pub fn document(&self, index: usize) -> Document {
        Document {
            target: super::search::Target::Card(index),
            label: self.entry.question.clone(),
            phrases: self.phrases.clone(),
            keywords: self.keywords.clone(),
            body: self.entry.answer.clone(),
            comparison: self.entry.id.starts_with(COMPARISON_PREFIX),
        }
    }
}

/// The id prefix of comparison cards.
const COMPARISON_PREFIX: &str = "comparison:";

fn entry(id: String, question: String, answer: String, related: &[&str]) -> FaqEntry {
    FaqEntry {
        id,
        question,
        aliases: Vec::new(),
        keywords: Vec::new(),
        answer,
        related: related.iter().map(|r| r.to_string()).collect(),
        roadmap_step: None,
    }
}

fn bullets(items: &[String]) -> String {
    items.iter().map(|i| format!("- {i}")).collect::<Vec<_>>().join("\n")
}

/// Every card, comparisons first, in content order.
pub fn all(comparisons: &[Comparison], technologies: &[Technology], career: &Career) -> Vec<Card> {
    let mut cards: Vec<Card> = comparisons.iter().filter_map(|c| comparison(c, technologies)).collect();
    cards.extend(career_cards(career));
    cards
}

/// "Python vs Java": the curated summary and verdicts, and the `/compare` that shows the
/// profiles side by side. The items' names and aliases are its keywords, so any way of naming
/// both technologies finds it.
fn comparison(c: &Comparison, technologies: &[Technology]) -> Option<Card> {
    let items: Vec<&Technology> =
        c.items.iter().map(|id| technologies.iter().find(|t| &t.id == id)).collect::<Option<_>>()?;
    let names: Vec<&str> = items.iter().map(|t| t.name.as_str()).collect();
    let ids: Vec<&str> = items.iter().map(|t| t.id.as_str()).collect();
    let question = format!("{} vs {}", names[..names.len() - 1].join(", "), names[names.len() - 1]);
    let answer = format!(
        "{}\n\n{}\n\nSee them side by side: `/compare {}`",
        c.summary.trim(),
        bullets(&c.verdict),
        ids.join(" ")
    );
    let phrases = vec![question.clone(), ids.join(" vs "), format!("difference between {}", names.join(" and "))];
    let keywords = items.iter().flat_map(|t| t.aliases.iter().cloned()).collect();
    Some(Card { entry: entry(format!("{COMPARISON_PREFIX}{}", c.id), question, answer, &[]), phrases, keywords })
}

fn career_cards(career: &Career) -> Vec<Card> {
    let mut cards = Vec::new();
    for level in &career.levels {
        let question = format!("{} ({})", level.name, level.years);
        let answer = format!(
            "**Experience:** {}\n\n{}\n\n**Expected at this level:**\n{}\n\nAll the levels: `/career` (career levels)",
            level.years,
            level.summary.trim(),
            bullets(&level.expectations)
        );
        let keywords = vec!["level".into(), "years".into(), "experience".into(), level.id.clone()];
        let entry = entry(format!("career:level:{}", level.id), question, answer, &["career-levels", "salary"]);
        cards.push(Card { entry, phrases: vec![level.name.clone()], keywords });
    }
    for track in &career.tracks {
        let answer = format!(
            "{}\n\n**Skills:**\n{}\n\nEvery track: `/career` (skill tracks)",
            track.summary.trim(),
            bullets(&track.skills)
        );
        let entry = entry(format!("career:track:{}", track.id), format!("Skill track: {}", track.name), answer, &[]);
        cards.push(Card { entry, phrases: vec![track.name.clone()], keywords: vec!["track".into(), "skills".into()] });
    }
    for spec in &career.specializations {
        let answer = format!(
            "{}\n\n**Skills:**\n{}\n\nEvery specialization: `/career` (specializations)",
            spec.summary.trim(),
            bullets(&spec.skills)
        );
        let question = format!("Specialization: {}", spec.name);
        let entry = entry(format!("career:specialization:{}", spec.id), question, answer, &["specializations"]);
        let keywords = vec!["specialization".into(), "role".into(), "career".into(), "skills".into()];
        let phrases = std::iter::once(spec.name.clone()).chain(spec.aliases.iter().cloned()).collect();
        cards.push(Card { entry, phrases, keywords });
    }
    cards
}
