//! `probity archive`: keeps a policy version so declarations made under it keep verifying.

use super::{CliError, Outcome};
use crate::files;
use probity_core::archive::{entry, file_name, short, ArchiveInfo};
use probity_core::check::{check_archived, check_vocabulary};
use probity_core::raw::{parse_policy, parse_vocabulary};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A policy id (`kent`) or a policy file: the version to keep. Run it BEFORE editing a
    /// policy, so the version in force is kept.
    policy: String,
    /// The vocabulary the version was made with (default: beside the file, else the policies folder's).
    #[arg(long)]
    vocabulary: Option<PathBuf>,
    /// The day the version was first released, YYYY-MM-DD.
    #[arg(long)]
    released: Option<String>,
    /// The git commit it was first released in.
    #[arg(long)]
    commit: Option<String>,
    /// How the version was kept.
    #[arg(long)]
    note: Option<String>,
    /// Keep the scenario cases inside the digest, as the first versions (before 22 November 2026,
    /// commit 9288e41) computed it. Only the recovery of those versions needs this.
    #[arg(long)]
    keep_cases: bool,
    /// The policies folder whose `archive/` receives it (default: the policies folder).
    #[arg(long)]
    into: Option<PathBuf>,
}

pub fn run(args: Args, dir: &Path) -> Outcome {
    let as_path = Path::new(&args.policy);
    let file = if as_path.is_file() {
        files::read(as_path)?
    } else {
        files::read(&dir.join(format!("{}.toml", args.policy)))?
    };
    let vocabulary = match &args.vocabulary {
        Some(v) => files::read(v)?,
        None => {
            let parent = as_path.parent().filter(|p| as_path.is_file() && !p.as_os_str().is_empty());
            parent.and_then(|p| files::vocabulary_in(p).ok()).map_or_else(|| files::vocabulary_in(dir), Ok)?
        }
    };
    if let Some(r) = args.released.as_deref() {
        probity_core::dates::parse_iso(r)
            .map_err(|e| CliError::usage(format!("--released: {e}"), "write the date as YYYY-MM-DD"))?;
    }
    let unreadable = |what: &str, e: probity_core::raw::ParseError| {
        CliError::finding(format!("cannot read {what}: {e}"), "check that this is a policy file and its vocabulary")
    };
    let raw_vocabulary =
        parse_vocabulary(&vocabulary.text, vocabulary.format).map_err(|e| unreadable("the vocabulary", e))?;
    let vocabulary = check_vocabulary(&raw_vocabulary).value.unwrap_or_default();
    let raw = parse_policy(&file.text, file.format).map_err(|e| unreadable(&format!("`{}`", file.label), e))?;
    let checked = check_archived(&raw, &vocabulary, &file.label);
    let Some(policy) = checked.value else {
        let errors: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("  {}: {}", d.code, d.message))
            .collect();
        return Err(CliError::finding(
            format!(
                "`{}` does not check, so no declaration can have been made under it:\n{}",
                file.label,
                errors.join("\n")
            ),
            "archive the version that was released",
        ));
    };
    let info = ArchiveInfo { released: args.released, commit: args.commit, note: args.note, ..ArchiveInfo::default() };
    let (value, digest) = entry(&raw, &policy, info, args.keep_cases);
    let folder = files::archive_dir(args.into.as_deref().unwrap_or(dir)).join(&policy.header.id);
    let path = folder.join(file_name(&digest));
    let what = format!("{} version `{}` ({})", policy.header.id, policy.header.version, short(&digest));
    if path.exists() {
        println!("already archived: {what} in {}", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
    files::write(&path, &format!("{text}\n"))?;
    println!("archived {what} as {}", path.display());
    Ok(ExitCode::SUCCESS)
}
