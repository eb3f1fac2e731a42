//! `probity diff OLD NEW`: every region of answers whose outcome changes between two versions of
//! a policy, with a witness for each, and the trees, nodes and clauses added or removed.

use super::{CliError, Outcome};
use crate::files;
use probity_core::diff::{diff, PolicyDiff};
use probity_core::model::Policy;
use probity_core::value::Value;
use probity_core::CheckOptions;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The earlier version: a policy file (.toml or .json) or a policy id in the policies folder.
    old: String,
    /// The later version: a policy file or a policy id.
    new: String,
    /// Only this tree.
    #[arg(long)]
    tree: Option<String>,
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Md,
    Json,
}

/// Loads one version, or says what keeps it from checking.
fn load(which: &str, arg: &str, dir: &Path) -> Result<Policy, CliError> {
    // An archived version (policies/archive/<id>/…json) is read as the archive keeps it.
    let path = Path::new(arg);
    if path.is_file() && path.components().any(|c| c.as_os_str() == "archive") {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CliError::usage(format!("cannot read `{arg}`: {e}"), "check the path"))?;
        return probity_core::archive::load(&text, arg).map(|a| a.policy).map_err(|e| {
            CliError::finding(format!("the {which} version `{arg}`: {e}"), "run `probity lint` on the policies folder")
        });
    }
    // Without running the cases: an edit is compared before its cases are brought up to date.
    let (loaded, id) = files::load_one_with(arg, dir, CheckOptions { require_cases: false })?;
    if let Some(p) = loaded.catalog.policy(&id) {
        return Ok(p.clone());
    }
    let errors: Vec<String> =
        loaded.diagnostics.iter().filter(|d| d.is_error()).take(10).map(|d| format!("  {d}")).collect();
    Err(CliError::finding(
        format!("the {which} version `{arg}` does not check, so it cannot be compared:\n{}", errors.join("\n")),
        format!("run `probity lint {arg}` for the full report"),
    ))
}

pub fn run(args: Args, dir: &Path) -> Outcome {
    let old = load("old", &args.old, dir)?;
    let new = load("new", &args.new, dir)?;
    let report = diff(&old, &new, args.tree.as_deref())
        .map_err(|e| CliError::usage(e.to_string(), "give two versions of the same policy, and a tree they have"))?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        Format::Md => print!("{}", markdown(&report)),
    }
    Ok(ExitCode::SUCCESS)
}

fn witness(w: &std::collections::BTreeMap<String, Value>) -> String {
    w.iter().map(|(k, v)| format!("{k}={}", v.to_json())).collect::<Vec<_>>().join(", ")
}

/// The report for a person: what changed, tree by tree, each region with its answers in words.
pub fn markdown(d: &PolicyDiff) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Changes to `{}`: {} → {}\n", d.policy, d.old_version, d.new_version);
    if d.is_empty() {
        s.push_str("No changes: every answer, clause and question is the same in both versions.\n");
        return s;
    }
    let list = |s: &mut String, title: &str, items: &[String]| {
        if !items.is_empty() {
            let _ = writeln!(s, "{title}: {}\n", items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", "));
        }
    };
    list(&mut s, "Trees added", &d.trees_added);
    list(&mut s, "Trees removed", &d.trees_removed);
    list(&mut s, "Clauses added", &d.clauses_added);
    list(&mut s, "Clauses removed", &d.clauses_removed);
    for c in &d.clauses_changed {
        let _ = writeln!(s, "## Clause {} reworded\n\n- before: {}\n- after: {}\n", c.reference, c.old, c.new);
        if !c.quoted_by.is_empty() {
            let _ = writeln!(s, "Quoted by: {}\n", c.quoted_by.join(", "));
        }
    }
    for t in &d.trees {
        let _ = writeln!(s, "## {} (`{}`)\n", t.title, t.tree);
        for h in &t.header_changed {
            let _ = writeln!(s, "- {h}");
        }
        list(&mut s, "Nodes added", &t.nodes_added);
        list(&mut s, "Nodes removed", &t.nodes_removed);
        for q in &t.questions_changed {
            let _ = writeln!(s, "- question {q}");
        }
        if let Some(why) = &t.not_compared {
            let _ = writeln!(s, "Answers not compared: {why}.\n");
        }
        let _ = writeln!(s, "{} region(s) of answers get a different outcome.\n", t.regions.len());
        for (i, r) in t.regions.iter().enumerate() {
            let _ = writeln!(s, "### {}. {}\n", i + 1, r.changed.join(", "));
            for a in &r.answers {
                let _ = writeln!(s, "- “{}” — {}", a.question, a.answers);
            }
            let _ = writeln!(
                s,
                "\n- before: **{}** — {} (`{}`; {})",
                r.old.label,
                r.old.headline,
                r.old.node,
                r.old.cite.join(", ")
            );
            let _ = writeln!(
                s,
                "- after: **{}** — {} (`{}`; {})",
                r.new.label,
                r.new.headline,
                r.new.node,
                r.new.cite.join(", ")
            );
            let _ = writeln!(s, "- witness: {}\n", witness(&r.witness));
        }
    }
    s
}
