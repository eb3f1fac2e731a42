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

/// The archive of earlier policy versions: `<policies>/archive/<id>/*.json`.
pub fn archive_dir(dir: &Path) -> PathBuf {
    dir.join("archive")
}

/// A problem with one archive file: its path and what is wrong.
pub struct ArchiveProblem {
    pub path: PathBuf,
    pub message: String,
}

/// Every archived version under `<policies>/archive/`, each checked (its digest recomputed
/// from its content, its file name and folder matching that digest and its policy id), and the
/// files that could not be used. No archive folder is an empty archive.
pub fn load_archive(dir: &Path) -> Result<(Vec<probity_core::archive::Archived>, Vec<ArchiveProblem>), IoProblem> {
    let root = archive_dir(dir);
    let mut archived = Vec::new();
    let mut problems = Vec::new();
    if !root.is_dir() {
        return Ok((archived, problems));
    }
    let list = |p: &Path| -> Result<Vec<PathBuf>, IoProblem> {
        let mut out: Vec<PathBuf> = fs::read_dir(p)
            .map_err(|e| IoProblem(format!("cannot list `{}`: {e}", p.display())))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        out.sort();
        Ok(out)
    };
    for folder in list(&root)?.into_iter().filter(|p| p.is_dir()) {
        let id = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for path in list(&folder)?.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
            let text =
                fs::read_to_string(&path).map_err(|e| IoProblem(format!("cannot read `{}`: {e}", path.display())))?;
            let label = format!("archive/{id}/{}", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
            match probity_core::archive::load(&text, &label) {
                Ok(a) => {
                    let expected = probity_core::archive::file_name(&a.policy.digest);
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    if a.policy.header.id != id {
                        problems.push(ArchiveProblem {
                            path,
                            message: format!("holds policy `{}`, not `{id}`", a.policy.header.id),
                        });
                    } else if name != expected {
                        problems.push(ArchiveProblem {
                            path,
                            message: format!(
                                "its content's digest is `{}`, so it should be named `{expected}`: the file was changed after it was archived",
                                a.policy.digest
                            ),
                        });
                    } else {
                        archived.push(a);
                    }
                }
                Err(e) => problems.push(ArchiveProblem { path, message: e.to_string() }),
            }
        }
    }
    Ok((archived, problems))
}

/// The archived versions the declarations' texts name, read from the file each version is kept
/// in (`archive/<id>/<first 16 hex digits>.json`), so a verifier reads only what it needs. A
/// file that does not load is left out: the declaration is then reported as of an unknown
/// version, and `probity lint` says what is wrong with the file.
pub fn archived_versions_for(dir: &Path, declarations: &[String]) -> Vec<probity_core::archive::Archived> {
    let mut wanted = std::collections::BTreeSet::new();
    for text in declarations {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { continue };
        let policy = value.get("policy");
        let field = |k: &str| policy.and_then(|p| p.get(k)).and_then(|v| v.as_str()).map(str::to_string);
        if let (Some(id), Some(digest)) = (field("id"), field("digest")) {
            // Only a plain id can name a folder: nothing in a declaration can point outside the archive.
            if id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') && !id.is_empty() {
                wanted.insert((id, digest));
            }
        }
    }
    let mut out = Vec::new();
    for (id, digest) in wanted {
        let name = probity_core::archive::file_name(&digest);
        if !name.trim_end_matches(".json").chars().all(|c| c.is_ascii_hexdigit()) {
            continue;
        }
        let path = archive_dir(dir).join(&id).join(&name);
        let Ok(text) = fs::read_to_string(&path) else { continue };
        if let Ok(a) = probity_core::archive::load(&text, &format!("archive/{id}/{name}")) {
            if a.policy.header.id == id && a.policy.digest == digest {
                out.push(a);
            }
        }
    }
    out
}
