use super::{CliError, Outcome};
use crate::files;
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Leave out the scenario cases (the widget carries the rules only), and write compact JSON.
    #[arg(long)]
    without_cases: bool,
}

/// Prints `{"vocabulary": …, "policies": [ … ]}`: the policy files as JSON, for hosting a
/// council's own policy by URL (`policy-src`). Refuses when any policy has an error.
pub fn run(args: Args, dir: &Path) -> Outcome {
    let loaded = files::load_dir(dir)?;
    if loaded.diagnostics.iter().any(|d| d.is_error()) {
        return Err(CliError::finding("the policies have errors", "run `probity lint` and fix them first"));
    }
    let vocab = files::vocabulary_in(dir)?;
    let vocab_json = to_json(&vocab)?;
    let mut policies = Vec::new();
    for f in files::policies_in(dir)? {
        let mut policy = to_json(&f)?;
        if args.without_cases {
            if let Some(trees) = policy.get_mut("trees").and_then(|t| t.as_object_mut()) {
                for tree in trees.values_mut() {
                    if let Some(t) = tree.as_object_mut() {
                        t.remove("cases");
                    }
                }
            }
        }
        policies.push(policy);
    }
    println!(
        "{}",
        serde_json::to_string(&serde_json::json!({"vocabulary": vocab_json, "policies": policies})).unwrap_or_default()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn to_json(f: &files::FileText) -> Result<serde_json::Value, CliError> {
    match f.format {
        probity_core::Format::Json => {
            serde_json::from_str(&f.text).map_err(|e| CliError::finding(e.to_string(), "fix the JSON"))
        }
        probity_core::Format::Toml => toml::from_str::<serde_json::Value>(&f.text)
            .map_err(|e| CliError::finding(e.message().to_string(), "fix the TOML")),
    }
}
