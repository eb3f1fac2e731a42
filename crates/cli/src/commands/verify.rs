use super::{CliError, Outcome};
use crate::files;
use probity_core::declaration::verify;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The declaration JSON file.
    file: PathBuf,
}

/// Exit 0 and a one-line summary when valid; exit 1 with the reason when not.
pub fn run(args: Args, dir: &Path) -> Outcome {
    let text = std::fs::read_to_string(&args.file).map_err(|e| {
        CliError::usage(
            format!("cannot read `{}`: {e}", args.file.display()),
            "give the path of a downloaded declaration",
        )
    })?;
    let loaded = files::load_dir(dir)?;
    match verify(&text, |id| loaded.catalog.policy(id)) {
        Ok(v) => {
            let d = &v.declaration;
            println!(
                "valid: {} › {} › {} ({}), {} answer(s), made {}",
                d.policy.id,
                d.tree.id,
                d.outcome.verdict_label,
                d.outcome.headline,
                d.answers.len(),
                d.created_at
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(CliError::finding(format!("invalid: {e}"), e.help())),
    }
}
