use super::Outcome;
use crate::files;
use probity_core::model::{Node, Policy, Tree};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Only this policy (default: all).
    #[arg(long)]
    policy: Option<String>,
}

/// Clauses cited by some outcome (directly or on a question or branch leading to one).
pub fn cited(policy: &Policy) -> BTreeSet<String> {
    policy.trees.values().flat_map(cited_in).collect()
}

/// Clauses one tree cites, on its outcomes, questions and branches.
pub fn cited_in(tree: &Tree) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for node in tree.nodes.values() {
        match node {
            Node::Outcome(o) => out.extend(o.cite.iter().cloned()),
            Node::Question(q) => {
                out.extend(q.cite.iter().cloned());
                for b in &q.branches {
                    out.extend(b.cite.iter().cloned());
                }
            }
        }
    }
    out
}

pub fn run(args: Args, dir: &Path) -> Outcome {
    let loaded = files::load_dir(dir)?;
    let mut s = String::new();
    for policy in loaded.catalog.policies.values() {
        if args.policy.as_ref().is_some_and(|p| p != &policy.header.id) {
            continue;
        }
        let cited = cited(policy);
        let (yes, no): (Vec<&String>, Vec<&String>) = policy.clauses.keys().partition(|c| cited.contains(*c));
        let _ = writeln!(
            s,
            "{} ({}): {} of {} clauses cited",
            policy.header.id,
            policy.header.council,
            yes.len(),
            policy.clauses.len()
        );
        let _ = writeln!(s, "  cited: {}", yes.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "));
        let _ = writeln!(
            s,
            "  not cited: {}",
            if no.is_empty() {
                "(none)".to_string()
            } else {
                no.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
            }
        );
    }
    print!("{s}");
    Ok(ExitCode::SUCCESS)
}
