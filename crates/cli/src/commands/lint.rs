use super::{CliError, Outcome};
use crate::files;
use probity_core::diag::Diagnostic;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Policy files or folders (default: the policies folder).
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

/// Lints every given file or folder; a file is checked with the vocabulary beside it.
pub fn collect(paths: &[PathBuf], default_dir: &Path) -> Result<Vec<Diagnostic>, CliError> {
    let targets: Vec<PathBuf> = if paths.is_empty() { vec![default_dir.to_path_buf()] } else { paths.to_vec() };
    let mut all = Vec::new();
    for target in &targets {
        if target.is_dir() {
            let loaded = files::load_dir(target)?;
            all.extend(loaded.diagnostics);
            all.extend(archive_diagnostics(target, &loaded.catalog)?);
        } else if target.is_file() {
            let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let vocabulary = files::vocabulary_in(dir).or_else(|_| files::vocabulary_in(default_dir))?;
            let is_vocab = target.file_stem().and_then(|s| s.to_str()) == Some("vocabulary");
            let policies = if is_vocab { Vec::new() } else { vec![files::read(target)?] };
            all.extend(files::load_files(&vocabulary, &policies).diagnostics);
        } else {
            return Err(CliError::usage(
                format!("`{}` does not exist", target.display()),
                "give a policy file or a folder of them",
            ));
        }
    }
    all.sort_by(|a, b| (a.severity, &a.location, a.code).cmp(&(b.severity, &b.location, b.code)));
    all.dedup();
    Ok(all)
}

/// The folder's archive: every file loads and is named for its digest, and no policy in force
/// shares an archived version's name and effective date with different content.
fn archive_diagnostics(dir: &Path, catalog: &probity_core::Catalog) -> Result<Vec<Diagnostic>, CliError> {
    use probity_core::diag::{Code, Location};
    let (archived, problems) = files::load_archive(dir)?;
    let mut out: Vec<Diagnostic> = problems
        .into_iter()
        .map(|p| {
            let location = Location { policy: p.path.display().to_string(), ..Default::default() };
            Diagnostic::new(
                Code::L023,
                location,
                format!("the archived version cannot be used: {}", p.message),
                "restore the file from git, or archive the version again with `probity archive`",
            )
        })
        .collect();
    out.extend(catalog.policies.values().filter_map(|p| probity_core::archive::name_clash(p, &archived)));
    Ok(out)
}

pub fn run(args: Args, policies: &Path) -> Outcome {
    let diags = collect(&args.paths, policies)?;
    match args.format {
        Format::Human => print!("{}", crate::render::diagnostics(&diags)),
        Format::Json => println!("{}", serde_json::to_string_pretty(&diags).unwrap_or_default()),
    }
    Ok(if diags.iter().any(Diagnostic::is_error) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
