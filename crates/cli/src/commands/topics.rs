use super::Outcome;
use crate::commands::coverage;
use crate::files;
use probity_core::model::{Node, NoteKind, Policy, Tree};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

/// A tree is silent when it goes straight to an outcome that says the code is silent.
pub fn is_silent(tree: &Tree) -> bool {
    matches!(tree.node(&tree.start), Some(Node::Outcome(o)) if o.notes.iter().any(|n| n.kind == NoteKind::Silent))
}

fn clauses_of(tree: &Tree) -> Vec<String> {
    let mut refs: Vec<String> = coverage::cited_in(tree).into_iter().collect();
    refs.sort_by_key(|r| natural_key(r));
    refs
}

/// Sorts clause references as a reader expects: 2.2 before 11.1, L.2 before L.10.
pub fn natural_key(s: &str) -> Vec<(u8, u64, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        let digits = c.is_ascii_digit();
        let mut chunk = String::new();
        while let Some(&d) = chars.peek() {
            if d.is_ascii_digit() != digits {
                break;
            }
            chunk.push(d);
            chars.next();
        }
        if digits {
            out.push((0, chunk.parse().unwrap_or(u64::MAX), String::new()));
        } else {
            out.push((1, 0, chunk.to_lowercase()));
        }
    }
    out
}

/// The council × topic table: each cell names the tree, or says the code is silent, with the
/// clauses the tree cites.
pub fn table(policies: &[&Policy], topics: &[(String, String)]) -> String {
    let mut s = String::from("| topic |");
    for p in policies {
        let _ = write!(s, " {} |", p.header.id);
    }
    s.push_str("\n|---|");
    s.push_str(&"---|".repeat(policies.len()));
    s.push('\n');
    for (topic, label) in topics {
        let _ = write!(s, "| {label} |");
        for p in policies {
            let cells: Vec<String> = p
                .trees
                .values()
                .filter(|t| t.topics.contains(topic))
                .map(|t| {
                    let refs = clauses_of(t).join(" · ");
                    if is_silent(t) {
                        format!("silent (`{}` points to {refs})", t.id)
                    } else {
                        format!("`{}`: {refs}", t.id)
                    }
                })
                .collect();
            let cell = if cells.is_empty() { "—".to_string() } else { cells.join("; ") };
            let _ = write!(s, " {} |", cell.replace('|', "\\|"));
        }
        s.push('\n');
    }
    s
}

pub fn run(_args: Args, dir: &Path) -> Outcome {
    let loaded = files::load_dir(dir)?;
    let policies: Vec<&Policy> = loaded.catalog.policies.values().collect();
    print!("{}", table(&policies, &loaded.catalog.vocabulary.topics));
    Ok(ExitCode::SUCCESS)
}
