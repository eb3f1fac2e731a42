//! Reading policy files (and writing the documents made from them): the only place in Probity
//! that touches the file system for policies.

use probity_core::{load_with, CheckOptions, Format, Loaded, Source};
use std::fs;
use std::path::{Path, PathBuf};

/// A file read into memory, with the format its extension says.
pub struct FileText {
    pub label: String,
    pub text: String,
    pub format: Format,
}

#[derive(Debug)]
pub struct IoProblem(pub String);

impl std::fmt::Display for IoProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn format_of(path: &Path) -> Option<Format> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => Some(Format::Toml),
        Some("json") => Some(Format::Json),
        _ => None,
    }
}

pub fn read(path: &Path) -> Result<FileText, IoProblem> {
    let text = fs::read_to_string(path).map_err(|e| IoProblem(format!("cannot read `{}`: {e}", path.display())))?;
    let format =
        format_of(path).ok_or_else(|| IoProblem(format!("`{}` is neither .toml nor .json", path.display())))?;
    let label = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(FileText { label, text, format })
}

fn is_vocabulary(path: &Path) -> bool {
    path.file_stem().and_then(|s| s.to_str()) == Some("vocabulary")
}

/// The vocabulary file beside a policy (or in a policies folder).
pub fn vocabulary_in(dir: &Path) -> Result<FileText, IoProblem> {
    for name in ["vocabulary.toml", "vocabulary.json"] {
        let p = dir.join(name);
        if p.is_file() {
            return read(&p);
        }
    }
    Err(IoProblem(format!("no vocabulary.toml in `{}`", dir.display())))
}

/// Policy files in a folder, sorted by name (the vocabulary is not one).
pub fn policies_in(dir: &Path) -> Result<Vec<FileText>, IoProblem> {
    let entries = fs::read_dir(dir).map_err(|e| IoProblem(format!("cannot list `{}`: {e}", dir.display())))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && format_of(p).is_some() && !is_vocabulary(p))
        .collect();
    paths.sort();
    paths.iter().map(|p| read(p)).collect()
}

/// Loads a vocabulary and policy files through the core.
pub fn load_files(vocabulary: &FileText, policies: &[FileText]) -> Loaded {
    load_files_with(vocabulary, policies, CheckOptions::default())
}

pub fn load_files_with(vocabulary: &FileText, policies: &[FileText], options: CheckOptions) -> Loaded {
    let sources: Vec<Source<'_>> =
        policies.iter().map(|f| Source { label: &f.label, text: &f.text, format: f.format }).collect();
    load_with(Source { label: &vocabulary.label, text: &vocabulary.text, format: vocabulary.format }, &sources, options)
}

/// Every policy in the folder, checked.
pub fn load_dir(dir: &Path) -> Result<Loaded, IoProblem> {
    let vocabulary = vocabulary_in(dir)?;
    let policies = policies_in(dir)?;
    Ok(load_files(&vocabulary, &policies))
}

/// `--policy ID|FILE`: a file path if one exists, else a policy id in the policies folder.
pub fn load_one(policy: &str, dir: &Path) -> Result<(Loaded, String), IoProblem> {
    load_one_with(policy, dir, CheckOptions::default())
}

pub fn load_one_with(policy: &str, dir: &Path, options: CheckOptions) -> Result<(Loaded, String), IoProblem> {
    let as_path = Path::new(policy);
    if as_path.is_file() {
        let parent = as_path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let vocabulary = vocabulary_in(parent).or_else(|_| vocabulary_in(dir))?;
        let file = read(as_path)?;
        let loaded = load_files_with(&vocabulary, std::slice::from_ref(&file), options);
        let id = loaded.catalog.policies.keys().next().cloned().unwrap_or_default();
        return Ok((loaded, id));
    }
    let loaded = load_files_with(&vocabulary_in(dir)?, &policies_in(dir)?, options);
    Ok((loaded, policy.to_string()))
}

pub fn read_json(path: &str) -> Result<serde_json::Value, IoProblem> {
    let text = if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| IoProblem(format!("cannot read standard input: {e}")))?;
        s
    } else {
        fs::read_to_string(path).map_err(|e| IoProblem(format!("cannot read `{path}`: {e}")))?
    };
    serde_json::from_str(&text).map_err(|e| IoProblem(format!("`{path}` is not valid JSON: {e}")))
}

/// Writes a generated document, creating its folder.
pub fn write(path: &Path, text: &str) -> Result<(), IoProblem> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| IoProblem(format!("cannot create `{}`: {e}", parent.display())))?;
    }
    fs::write(path, text).map_err(|e| IoProblem(format!("cannot write `{}`: {e}", path.display())))
}
