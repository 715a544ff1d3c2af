//! The bundled curriculum: roadmap steps, technology profiles, comparisons, FAQ, daily prompts
//! and the career map, loaded from TOML, validated, and indexed for search together with the
//! answer cards made from comparisons and the career map (`cards.rs`).
//!
//! Everything here is pure: no I/O beyond reading the content files at load, no async, no clock.
//! Adapters never read these types' files themselves; they go through `App`.

pub mod cards;
mod loader;
pub mod model;
pub mod search;
mod validate;

pub use loader::{load_files, ContentError, ContentFile, ContentSource};
use model::{Career, Comparison, FaqEntry, Prompt, Step, Technology};
use search::text::Lexicon;
use search::{Document, Found, Hit, Scope, SearchIndex, Target};
pub use validate::{Problem, RenderLimits};

/// The whole curriculum, validated and indexed.
pub struct Content {
    pub steps: Vec<Step>,
    pub technologies: Vec<Technology>,
    pub comparisons: Vec<Comparison>,
    pub faq: Vec<FaqEntry>,
    pub prompts: Vec<Prompt>,
    pub career: Career,
    /// Comparisons and career-map parts as question-and-answer cards, for `/faq`.
    pub cards: Vec<FaqEntry>,
    index: SearchIndex,
}

/// How many entries of each kind the content holds, for `backend-mentor check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentCounts {
    pub steps: usize,
    pub technologies: usize,
    pub comparisons: usize,
    pub faq: usize,
    pub prompts: usize,
    pub tracks: usize,
    pub specializations: usize,
    pub levels: usize,
    pub salary_rows: usize,
}

impl Content {
    pub(crate) fn new(
        steps: Vec<Step>,
        technologies: Vec<Technology>,
        comparisons: Vec<Comparison>,
        faq: Vec<FaqEntry>,
        prompts: Vec<Prompt>,
        career: Career,
        lexicon: Lexicon,
    ) -> Self {
        let cards = cards::all(&comparisons, &technologies, &career);
        let mut docs = documents(&steps, &technologies, &faq, &lexicon.step_words());
        docs.extend(cards.iter().enumerate().map(|(i, c)| c.document(i)));
        let index = SearchIndex::build(docs, lexicon);
        let cards = cards.into_iter().map(|c| c.entry).collect();
        Content { steps, technologies, comparisons, faq, prompts, career, cards, index }
    }

    pub fn counts(&self) -> ContentCounts {
        ContentCounts {
            steps: self.steps.len(),
            technologies: self.technologies.len(),
            comparisons: self.comparisons.len(),
            faq: self.faq.len(),
            prompts: self.prompts.len(),
            tracks: self.career.tracks.len(),
            specializations: self.career.specializations.len(),
            levels: self.career.levels.len(),
            salary_rows: self.career.salaries.as_ref().map_or(0, |s| s.rows.len()),
        }
    }

    pub fn search(&self) -> &SearchIndex {
        &self.index
    }

    /// A step by its number ("4", "step 4", "#4") or, failing that, by search.
    pub fn find_step(&self, query: &str) -> Result<&Step, Vec<Hit>> {
        if let Some(step) = step_number(query).and_then(|n| self.step(n)) {
            return Ok(step);
        }
        match self.index.find(query, Scope::Steps) {
            Found::Match { best: Hit { target: Target::Step(i), .. }, .. } => Ok(&self.steps[i]),
            Found::Match { best, .. } => Err(vec![best]),
            Found::NoMatch { suggestions } => Err(suggestions),
        }
    }

    pub fn step(&self, number: u8) -> Option<&Step> {
        self.steps.iter().find(|s| s.number == number)
    }

    pub fn technology(&self, id: &str) -> Option<&Technology> {
        self.technologies.iter().find(|t| t.id == id)
    }

    /// An FAQ entry or an answer card by its id.
    pub fn faq_entry(&self, id: &str) -> Option<&FaqEntry> {
        self.faq.iter().chain(&self.cards).find(|f| f.id == id)
    }

    /// The curated comparison of exactly these technologies, in any order.
    pub fn comparison_of(&self, ids: &[&str]) -> Option<&Comparison> {
        self.comparisons
            .iter()
            .find(|c| c.items.len() == ids.len() && ids.iter().all(|id| c.items.iter().any(|i| i == id)))
    }
}

/// Reads "4", "step 4", "#4" or "step #4" as a step number.
fn step_number(query: &str) -> Option<u8> {
    let lowered = query.trim().to_lowercase();
    let rest = lowered.strip_prefix("step").unwrap_or(&lowered).trim();
    rest.strip_prefix('#').unwrap_or(rest).trim().parse().ok()
}

/// The index's view of FAQ entries, profiles and steps. A step is also found as "step 4", is
/// about the words that name steps, and says how long it takes.
fn documents(steps: &[Step], technologies: &[Technology], faq: &[FaqEntry], step_words: &[String]) -> Vec<Document> {
    let faq_docs = faq.iter().enumerate().map(|(i, f)| Document {
        target: Target::Faq(i),
        label: f.question.clone(),
        phrases: std::iter::once(&f.question).chain(&f.aliases).cloned().collect(),
        keywords: f.keywords.clone(),
        body: f.answer.clone(),
        comparison: false,
    });
    let tech_docs = technologies.iter().enumerate().map(|(i, t)| Document {
        target: Target::Technology(i),
        label: t.name.clone(),
        phrases: [&t.name, &t.id].into_iter().chain(&t.aliases).cloned().collect(),
        keywords: Vec::new(),
        body: format!("{} {}", t.summary, t.best_for),
        comparison: false,
    });
    let step_docs = steps.iter().enumerate().map(|(i, s)| Document {
        target: Target::Step(i),
        label: format!("Step {} · {}", s.number, s.title),
        phrases: [s.title.clone(), format!("step {}", s.number)].into_iter().chain(s.aliases.iter().cloned()).collect(),
        keywords: step_words.to_vec(),
        body: format!("{} {} {}", s.summary, s.duration, s.checklist.join(" ")),
        comparison: false,
    });
    faq_docs.chain(tech_docs).chain(step_docs).collect()
}

#[cfg(test)]
mod tests {
    use super::step_number;

    #[test]
    fn step_numbers_are_read_in_the_forms_people_type() {
        assert_eq!(step_number("4"), Some(4));
        assert_eq!(step_number("Step 4"), Some(4));
        assert_eq!(step_number("#4"), Some(4));
        assert_eq!(step_number("databases"), None);
    }
}
