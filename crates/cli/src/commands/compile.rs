use super::{CliError, Outcome};
use crate::files;
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The folder to write into (created if missing): `<id>.bin` for each policy, `index.json` and `vocabulary.json`.
    #[arg(long)]
    out: std::path::PathBuf,
}

/// Checks every policy as `probity lint` does and writes each one's checked form as a compact
/// binary file (probity_core::compiled) for the widget, which then loads it without a parser or
/// checker. `index.json` maps each id to its digest, the file the widget's loader holds each file
/// to. The scenario cases are left out: they test the rules, and the widget never runs them.
/// Refuses, writing nothing, when any policy has an error.
pub fn run(args: Args, dir: &Path) -> Outcome {
    let loaded = files::load_dir(dir)?;
    let errors: Vec<String> = loaded.diagnostics.iter().filter(|d| d.is_error()).map(ToString::to_string).collect();
    if !errors.is_empty() {
        return Err(CliError::finding(
            format!("the policies have errors:\n{}", errors.join("\n")),
            "run `probity lint` and fix them first",
        ));
    }
    let write = |path: &Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|e| {
            CliError::finding(format!("cannot write `{}`: {e}", path.display()), "check the folder is writable")
        })
    };
    std::fs::create_dir_all(&args.out).map_err(|e| {
        CliError::finding(format!("cannot make `{}`: {e}", args.out.display()), "check the folder is writable")
    })?;
    let mut index = serde_json::Map::new();
    for (id, policy) in &loaded.catalog.policies {
        let mut policy = policy.clone();
        for tree in policy.trees.values_mut() {
            tree.cases.clear();
        }
        let bytes = probity_core::compiled::encode(&policy);
        write(&args.out.join(format!("{id}.bin")), &bytes)?;
        index.insert(id.clone(), serde_json::Value::String(policy.digest.clone()));
        eprintln!("wrote {id}.bin: {} bytes", bytes.len());
    }
    let text = serde_json::to_string(&serde_json::Value::Object(index)).unwrap_or_default();
    write(&args.out.join("index.json"), text.as_bytes())?;
    // The vocabulary as JSON, for the checker module to check a council's own file against.
    let vocabulary = super::bundle::to_json(&files::vocabulary_in(dir)?)?;
    write(&args.out.join("vocabulary.json"), serde_json::to_string(&vocabulary).unwrap_or_default().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
