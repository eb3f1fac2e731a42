use super::{policy, tree, CliError, Outcome};
use crate::files;
use probity_core::paths::{enumerate, PathRow};
use probity_core::value::Value;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    policy: String,
    #[arg(long)]
    tree: String,
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Md,
    Csv,
    Json,
}

fn show(v: &Value) -> String {
    v.to_json().as_str().map_or_else(|| v.to_json().to_string(), str::to_string)
}

fn witness(row: &PathRow) -> String {
    row.witness.iter().map(|(k, v)| format!("{k}={}", show(v))).collect::<Vec<_>>().join("; ")
}

fn boundaries(row: &PathRow) -> String {
    row.boundary_witnesses
        .iter()
        .map(|(k, vs)| format!("{k}: {}", vs.iter().map(show).collect::<Vec<_>>().join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

fn route(row: &PathRow) -> String {
    row.steps.iter().map(|s| format!("{} {}", s.fact, s.condition)).collect::<Vec<_>>().join(" → ")
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn run(args: Args, dir: &Path) -> Outcome {
    let (loaded, id) = files::load_one(&args.policy, dir)?;
    let policy = policy(&loaded, &id)?;
    let tree = tree(policy, &args.tree)?;
    let rows = enumerate(policy, &tree.id).map_err(|e| CliError::finding(e.to_string(), "run `probity lint`"))?;
    let mut s = String::new();
    match args.format {
        Format::Json => s = serde_json::to_string_pretty(&rows).unwrap_or_default(),
        Format::Csv => {
            s.push_str("path,route,outcome,verdict,headline,cites,witness,boundary_witnesses\n");
            for (i, r) in rows.iter().enumerate() {
                let fields = [
                    (i + 1).to_string(),
                    route(r),
                    r.outcome.clone(),
                    r.verdict.id().to_string(),
                    r.headline.clone(),
                    r.cite.join(" "),
                    witness(r),
                    boundaries(r),
                ];
                let _ = writeln!(s, "{}", fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
            }
        }
        Format::Md => {
            let _ = writeln!(s, "# {} — {}\n\n{} paths.\n", policy.header.council, tree.title, rows.len());
            s.push_str("| # | route | outcome | verdict | cites | witness | boundary witnesses |\n|---|---|---|---|---|---|---|\n");
            for (i, r) in rows.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} — {} | `{}` | {} | {} | {} |",
                    i + 1,
                    route(r).replace('|', "\\|"),
                    r.outcome,
                    r.headline.replace('|', "\\|"),
                    r.verdict.id(),
                    r.cite.join(", "),
                    witness(r),
                    boundaries(r)
                );
            }
        }
    }
    println!("{}", s.trim_end());
    Ok(ExitCode::SUCCESS)
}
