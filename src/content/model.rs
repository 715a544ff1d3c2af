//! The curriculum's data types, exactly as they are written in the TOML files under `content/`.
//!
//! These are plain serde structs with no behaviour beyond small lookups; validation lives in
//! `validate.rs` and search in `search/`. Unknown fields are rejected so that a typo in a field
//! name fails the content check instead of silently dropping text.

use serde::Deserialize;

/// One step of the learning path, numbered from 1.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub number: u8,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    pub why: String,
    pub duration: String,
    pub checklist: Vec<String>,
    pub project: String,
    pub resources: Vec<String>,
    pub next: String,
    #[serde(default)]
    pub technologies: Vec<String>,
}

/// The kind of thing a technology profile describes; only the same kind compares side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Language,
    Framework,
    Database,
    ApiStyle,
    Infrastructure,
    Messaging,
    Cloud,
    Observability,
    Architecture,
    Concept,
}

impl Category {
    /// A plural label for sentences such as "PostgreSQL is one of the databases".
    pub fn plural_label(self) -> &'static str {
        match self {
            Category::Language => "programming languages",
            Category::Framework => "web frameworks",
            Category::Database => "databases",
            Category::ApiStyle => "API styles",
            Category::Infrastructure => "infrastructure tools",
            Category::Messaging => "messaging systems",
            Category::Cloud => "cloud providers",
            Category::Observability => "observability tools",
            Category::Architecture => "architecture styles",
            Category::Concept => "concepts",
        }
    }
}

/// How hard a technology is to pick up for someone at the matching roadmap step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LearningCurve {
    Gentle,
    Moderate,
    Steep,
}

impl LearningCurve {
    pub fn label(self) -> &'static str {
        match self {
            LearningCurve::Gentle => "Gentle",
            LearningCurve::Moderate => "Moderate",
            LearningCurve::Steep => "Steep",
        }
    }
}

/// A profile of one technology, API style, architecture or concept.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technology {
    pub id: String,
    pub name: String,
    pub category: Category,
    /// Concepts compare only within the same group (SQL vs NoSQL, JWT vs sessions).
    #[serde(default)]
    pub compare_group: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    pub best_for: String,
    pub strengths: Vec<String>,
    pub tradeoffs: Vec<String>,
    pub learning_curve: LearningCurve,
    #[serde(default)]
    pub roadmap_step: Option<u8>,
}

impl Technology {
    /// Whether two profiles describe things of the same kind, so a side-by-side makes sense.
    pub fn comparable_with(&self, other: &Technology) -> bool {
        self.category == other.category && self.compare_group == other.compare_group
    }
}

/// A hand-written comparison of two or three technologies, with a verdict for each.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    pub id: String,
    pub items: Vec<String>,
    pub summary: String,
    pub verdict: Vec<String>,
}

/// One frequently asked question and its answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub id: String,
    pub question: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub answer: String,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub roadmap_step: Option<u8>,
}

/// What a daily learning prompt asks the reader to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PromptKind {
    Question,
    Exercise,
    Reflection,
    MiniProject,
}

impl PromptKind {
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::Question => "Question",
            PromptKind::Exercise => "Exercise",
            PromptKind::Reflection => "Reflection",
            PromptKind::MiniProject => "Mini-project",
        }
    }
}

/// A daily learning prompt, tied to the roadmap step it practises.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub step: u8,
    pub kind: PromptKind,
    pub text: String,
    #[serde(default)]
    pub hint: Option<String>,
}

/// The wider career map: skill tracks, specializations, levels and salary ranges.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Career {
    #[serde(default)]
    pub tracks: Vec<Track>,
    #[serde(default)]
    pub specializations: Vec<Specialization>,
    #[serde(default)]
    pub levels: Vec<Level>,
    #[serde(default)]
    pub salaries: Option<Salaries>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Specialization {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: String,
    pub years: String,
    pub summary: String,
    pub expectations: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Salaries {
    pub year: u16,
    pub note: String,
    pub rows: Vec<SalaryRow>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryRow {
    pub level: String,
    pub region: String,
    pub range: String,
}
