//! Reads the curriculum's TOML files, from the copy embedded at build time or from a folder.
//!
//! Every file is parsed according to where it sits (`roadmap.toml`, `technologies/*.toml`...),
//! each entry remembers the file it came from so that validation can name it, and every problem
//! found is collected rather than stopping at the first, so a contributor fixes them in one pass.

use super::model::{Career, Comparison, FaqEntry, Prompt, Step, Technology};
use super::search::text::Lexicon;
use super::validate::{self, Problem, RenderLimits, Sourced};
use super::Content;
use include_dir::{include_dir, Dir};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The repository's `content/` folder, compiled into the binary.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Where the curriculum is read from.
#[derive(Debug, Clone)]
pub enum ContentSource {
    Embedded,
    Folder(PathBuf),
}

/// One content file: its path relative to the content root, with `/` separators, and its text.
pub struct ContentFile {
    pub path: String,
    pub text: String,
}

/// Every problem found in the content, each naming its file and entry.
#[derive(Debug, thiserror::Error)]
#[error("the content has {} problem(s):\n{}", .0.len(), render_problems(.0))]
pub struct ContentError(pub Vec<Problem>);

fn render_problems(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| format!("  - {p}")).collect();
    lines.join("\n")
}

#[derive(Default)]
struct Collected {
    steps: Vec<Sourced<Step>>,
    technologies: Vec<Sourced<Technology>>,
    comparisons: Vec<Sourced<Comparison>>,
    faq: Vec<Sourced<FaqEntry>>,
    prompts: Vec<Sourced<Prompt>>,
    career: Option<Sourced<Career>>,
    lexicon: Option<Lexicon>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepsFile {
    steps: Vec<Step>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TechnologiesFile {
    technologies: Vec<Technology>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComparisonsFile {
    comparisons: Vec<Comparison>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FaqFile {
    faq: Vec<FaqEntry>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PromptsFile {
    prompts: Vec<Prompt>,
}

impl ContentSource {
    /// Loads, validates (against `limits`: those of every platform served) and indexes the
    /// curriculum.
    pub fn load(&self, limits: &RenderLimits) -> Result<Content, ContentError> {
        let files = match self {
            ContentSource::Embedded => embedded_files(),
            ContentSource::Folder(root) => folder_files(root)?,
        };
        load_files(&files, limits)
    }
}

/// Parses and validates a set of files; the seam the tests use for broken content.
pub fn load_files(files: &[ContentFile], limits: &RenderLimits) -> Result<Content, ContentError> {
    let mut collected = Collected::default();
    let mut problems = Vec::new();
    for file in files {
        if let Err(problem) = parse_file(file, &mut collected) {
            problems.push(problem);
        }
    }
    let career = collected.career.unwrap_or_else(|| Sourced::new("career.toml", Career::default()));
    problems.extend(validate::check_all(
        &collected.steps,
        &collected.technologies,
        &collected.comparisons,
        &collected.faq,
        &collected.prompts,
        &career,
        limits,
    ));
    if !problems.is_empty() {
        return Err(ContentError(problems));
    }
    Ok(Content::new(
        unwrap_all(collected.steps),
        unwrap_all(collected.technologies),
        unwrap_all(collected.comparisons),
        unwrap_all(collected.faq),
        unwrap_all(collected.prompts),
        career.value,
        collected.lexicon.unwrap_or_default(),
    ))
}

fn unwrap_all<T>(items: Vec<Sourced<T>>) -> Vec<T> {
    items.into_iter().map(|s| s.value).collect()
}

fn parse_file(file: &ContentFile, into: &mut Collected) -> Result<(), Problem> {
    let path = file.path.as_str();
    fn sourced<T>(path: &str, items: Vec<T>) -> Vec<Sourced<T>> {
        items.into_iter().map(|v| Sourced::new(path, v)).collect()
    }
    match path {
        "roadmap.toml" => into.steps.extend(sourced(path, parse::<StepsFile>(file)?.steps)),
        "comparisons.toml" => into.comparisons.extend(sourced(path, parse::<ComparisonsFile>(file)?.comparisons)),
        "prompts.toml" => into.prompts.extend(sourced(path, parse::<PromptsFile>(file)?.prompts)),
        "career.toml" => into.career = Some(Sourced::new(path, parse::<Career>(file)?)),
        "search.toml" => into.lexicon = Some(parse_lexicon(file)?),
        p if p.starts_with("technologies/") => {
            into.technologies.extend(sourced(path, parse::<TechnologiesFile>(file)?.technologies))
        }
        p if p.starts_with("faq/") => into.faq.extend(sourced(path, parse::<FaqFile>(file)?.faq)),
        _ => return Err(Problem::file(path, "is not a known content file (see content/README.md)")),
    }
    Ok(())
}

fn parse_lexicon(file: &ContentFile) -> Result<Lexicon, Problem> {
    let lexicon = Lexicon::parse(&file.text).map_err(|e| Problem::file(&file.path, format!("is not valid: {e}")))?;
    match lexicon.malformed_synonyms().as_slice() {
        [] => Ok(lexicon),
        bad => Err(Problem::file(
            &file.path,
            format!("has synonyms that are not one plain word each way: {}", bad.join(", ")),
        )),
    }
}

fn parse<T: for<'de> Deserialize<'de>>(file: &ContentFile) -> Result<T, Problem> {
    toml::from_str(&file.text).map_err(|e| Problem::file(&file.path, format!("is not valid: {e}")))
}

fn is_content_file(path: &str) -> bool {
    path.ends_with(".toml")
}

fn embedded_files() -> Vec<ContentFile> {
    let mut files = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn collect_embedded(dir: &Dir<'static>, files: &mut Vec<ContentFile>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if is_content_file(&path) {
            let text = String::from_utf8_lossy(file.contents()).into_owned();
            files.push(ContentFile { path, text });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}

fn folder_files(root: &Path) -> Result<Vec<ContentFile>, ContentError> {
    let mut files = Vec::new();
    walk_folder(root, root, &mut files).map_err(|e| {
        let shown = root.display().to_string();
        ContentError(vec![Problem::file(&shown, format!("could not be read: {e}"))])
    })?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn walk_folder(root: &Path, dir: &Path, files: &mut Vec<ContentFile>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk_folder(root, &path, files)?;
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(&path);
        let relative = relative.to_string_lossy().replace('\\', "/");
        if is_content_file(&relative) {
            let bytes = std::fs::read(&path)?;
            let text = String::from_utf8(bytes).map_err(|_| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{relative} is not UTF-8"))
            })?;
            files.push(ContentFile { path: relative, text });
        }
    }
    Ok(())
}
