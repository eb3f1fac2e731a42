use super::{CliError, Outcome};
use crate::files;
use probity_core::archive::Versions;
use probity_core::declaration::v2::DeclarationV2;
use probity_core::declaration::{verify_any, AnyDeclaration, VerifiedAny, WHAT_THE_DIGEST_PROVES};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The largest declaration `verify` reads. A real one is a few kilobytes (the largest policy's
/// longest walk, clauses quoted, is well under 100 KB); the limit keeps a huge or endless file
/// from filling memory.
pub const MAX_BYTES: u64 = 1_000_000;

#[derive(clap::Args)]
pub struct Args {
    /// The declaration JSON file, v1 or v2 (at most 1 MB).
    file: PathBuf,
}

/// Exit 0 with what the check shows, and what it does not, when valid; exit 1 with the reason when not.
pub fn run(args: Args, dir: &Path) -> Outcome {
    let text = read_limited(&args.file)?;
    let loaded = files::load_dir(dir)?;
    let archived = files::archived_versions_for(dir, std::slice::from_ref(&text));
    let versions = Versions { current: &loaded.catalog.policies, archived: &archived };
    match verify_any(&text, &versions) {
        Ok(v) => {
            print!("{}", describe(&v));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(CliError::finding(format!("invalid: {e}"), e.help())),
    }
}

/// What a valid declaration is, the version it was checked against, and what that proves.
pub fn describe(v: &VerifiedAny<'_>) -> String {
    let mut out = String::new();
    match &v.declaration {
        AnyDeclaration::V1(d) => {
            out.push_str(&format!(
                "valid: {} › {} › {} ({}), {} answer(s), made {} (declaration v1)\n",
                d.policy.id,
                d.tree.id,
                d.outcome.verdict_label,
                d.outcome.headline,
                d.answers.len(),
                d.created_at
            ));
        }
        AnyDeclaration::V2(DeclarationV2::Answer(d)) => {
            out.push_str(&format!(
                "valid: {} › {} › {} ({}), {} answer(s), made {} (declaration v2)\n",
                d.policy.id,
                d.tree.id,
                d.outcome.verdict_label,
                d.outcome.headline,
                d.answers.len(),
                d.created_at
            ));
            for detail in &d.details {
                out.push_str(&format!("  {}: {}\n", detail.label, detail.display));
            }
        }
        AnyDeclaration::V2(DeclarationV2::Interests(d)) => {
            let what =
                if d.nil { "a nil declaration".to_string() } else { format!("{} interest(s)", d.interests.len()) };
            out.push_str(&format!(
                "valid: {} › {} ({}), {what}, made {} (declaration v2)\n",
                d.policy.id,
                d.occasion.label(),
                d.tree.id,
                d.created_at
            ));
            for (i, item) in d.interests.iter().enumerate() {
                let details: Vec<String> = item.details.iter().map(|x| format!("{}: {}", x.label, x.display)).collect();
                out.push_str(&format!(
                    "  {}. {} — {}\n",
                    i.saturating_add(1),
                    item.outcome.verdict_label,
                    details.join("; ")
                ));
            }
        }
    }
    out.push_str(&format!("  {}\n", v.version.made_under()));
    out.push_str(&format!("  {WHAT_THE_DIGEST_PROVES}\n"));
    out
}

/// Reads the file, refusing it once it passes [`MAX_BYTES`]: by its size when the file system
/// knows it, and by never reading more than one byte past the limit when it does not (a pipe,
/// `/dev/zero`).
pub fn read_limited(path: &Path) -> Result<String, CliError> {
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
