use super::{CliError, Outcome};
use crate::files;
use probity_core::declaration::verify;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The largest declaration `verify` reads. A real one is a few kilobytes (the largest policy's
/// longest walk, clauses quoted, is well under 100 KB); the limit keeps a huge or endless file
/// from filling memory.
pub const MAX_BYTES: u64 = 1_000_000;

#[derive(clap::Args)]
pub struct Args {
    /// The declaration JSON file (at most 1 MB).
    file: PathBuf,
}

/// Exit 0 with what the check shows, and what it does not, when valid; exit 1 with the reason when not.
pub fn run(args: Args, dir: &Path) -> Outcome {
    let text = read_limited(&args.file)?;
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
            println!(
                "  consistent: the digest shows the record is unchanged (or was resealed), and its outcome, amounts, \
                 clauses and trace are what policy `{}` version `{}` gives for its answers",
                d.policy.id, d.policy.version
            );
            println!(
                "  not a signature: it does not prove who made it, when, or that the answers are true; the name and \
                 time are as stated"
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(CliError::finding(format!("invalid: {e}"), e.help())),
    }
}

/// Reads the file, refusing it once it passes [`MAX_BYTES`]: by its size when the file system
/// knows it, and by never reading more than one byte past the limit when it does not (a pipe,
/// `/dev/zero`).
fn read_limited(path: &Path) -> Result<String, CliError> {
    let cannot = |e: std::io::Error| {
        CliError::usage(format!("cannot read `{}`: {e}", path.display()), "give the path of a downloaded declaration")
    };
    let too_large = || {
        CliError::usage(
            format!("`{}` is over the 1 MB limit for a declaration", path.display()),
            "a declaration from the widget is a few kilobytes; check that this is the right file",
        )
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    if file.metadata().map_err(cannot)?.len() > MAX_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES.saturating_add(1)).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|_| {
        CliError::finding(
            format!("invalid: `{}` is not UTF-8 text", path.display()),
            "check that this is the file the Probity widget downloaded",
        )
    })
}
