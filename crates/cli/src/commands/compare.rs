use super::{read_facts, CliError, Outcome};
use crate::files;
use probity_core::catalog::{Catalog, CompareProblem};
use probity_core::eval::EvalError;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The tree id every council shares (`gifts`).
    #[arg(long, required_unless_present = "scenarios")]
    tree: Option<String>,
    /// A JSON file of facts; facts a council does not ask are ignored for it.
    #[arg(long, required_unless_present = "scenarios")]
    facts: Option<String>,
    /// A TOML file of named scenarios (`[[scenario]]` with name, tree, facts) to compare in turn.
    #[arg(long, conflicts_with_all = ["tree", "facts"])]
    scenarios: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Md,
    Json,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    scenario: Vec<Scenario>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    tree: String,
    facts: BTreeMap<String, toml::Value>,
}

fn toml_to_json(v: &toml::Value) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// One scenario's comparison as a Markdown section and as JSON.
fn compare_one(
    catalog: &Catalog,
    name: &str,
    tree: &str,
    facts: &BTreeMap<String, serde_json::Value>,
) -> (String, serde_json::Value) {
    let rows = catalog.compare(tree, facts);
    let mut md = String::new();
    let _ = writeln!(md, "## {name}\n");
    let shown: Vec<String> = facts.iter().map(|(k, v)| format!("`{k}` = {}", v)).collect();
    let _ = writeln!(md, "Tree `{tree}`; facts: {}.\n", shown.join(", "));
    md.push_str("| council | verdict | answer | clauses |\n|---|---|---|---|\n");
    let mut json_rows = Vec::new();
    for row in &rows {
        let council = &row.policy.header.council;
        match &row.result {
            Ok(e) => {
                let clauses: Vec<String> =
                    e.outcome.cite.iter().map(|c| format!("{} {c}", row.policy.header.id)).collect();
                let _ = writeln!(
                    md,
                    "| {} | **{}** | {} | {} |",
                    cell(council),
                    cell(&e.outcome.label),
                    cell(&e.outcome.headline),
                    clauses.join(", ")
                );
                json_rows.push(serde_json::json!({"policy": row.policy.header.id, "council": council, "verdict": e.outcome.verdict, "verdict_label": e.outcome.label, "headline": e.outcome.headline, "cite": e.outcome.cite, "outcome": e.node}));
            }
            Err(problem) => {
                // Name each extra fact and the question that asks it, so the scenario can be completed.
                let text = match problem {
                    CompareProblem::Eval(EvalError::Missing { needed, .. }) => format!(
                        "needs {}",
                        needed.iter().map(|(f, q)| format!("`{f}` (“{q}”)")).collect::<Vec<_>>().join(", ")
                    ),
                    other => other.to_string(),
                };
                let _ = writeln!(md, "| {} | — | {} | |", cell(council), cell(&text));
                json_rows
                    .push(serde_json::json!({"policy": row.policy.header.id, "council": council, "problem": text}));
            }
        }
    }
    if rows.is_empty() {
        md.push_str("| (no council has this tree) | | | |\n");
    }
    (md, serde_json::json!({"name": name, "tree": tree, "facts": facts, "results": json_rows}))
}

pub fn run(args: Args, dir: &Path) -> Outcome {
    let loaded = files::load_dir(dir)?;
    let catalog = &loaded.catalog;
    let mut sections = Vec::new();
    if let Some(path) = &args.scenarios {
        let text = std::fs::read_to_string(path).map_err(|e| {
            CliError::usage(format!("cannot read `{}`: {e}", path.display()), "give a scenarios TOML file")
        })?;
        let file: ScenarioFile = toml::from_str(&text).map_err(|e| {
            CliError::usage(
                format!("`{}` is not a scenarios file: {}", path.display(), e.message()),
                "each [[scenario]] has name, tree and facts",
            )
        })?;
        for s in &file.scenario {
            let facts = s.facts.iter().map(|(k, v)| (k.clone(), toml_to_json(v))).collect();
            sections.push(compare_one(catalog, &s.name, &s.tree, &facts));
        }
    } else if let (Some(tree), Some(facts_path)) = (&args.tree, &args.facts) {
        let facts = read_facts(facts_path)?;
        sections.push(compare_one(catalog, facts_path, tree, &facts));
    }
    match args.format {
        Format::Md => {
            let mut out = String::from("# How the councils compare\n\nGenerated by `probity compare");
            if let Some(p) = &args.scenarios {
                let _ = write!(out, " --scenarios {}", p.display());
            }
            out.push_str("`; do not edit by hand.\n\n");
            for (md, _) in &sections {
                out.push_str(md);
                out.push('\n');
            }
            print!("{}", out.trim_end());
            println!();
        }
        Format::Json => {
            let all: Vec<&serde_json::Value> = sections.iter().map(|(_, j)| j).collect();
            println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
        }
    }
    Ok(ExitCode::SUCCESS)
}
