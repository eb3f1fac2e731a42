use super::{policy, tree, Outcome};
use crate::files;
use probity_core::eval::describe_condition;
use probity_core::model::Node;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    policy: String,
    #[arg(long)]
    tree: String,
    #[arg(long, value_enum, default_value = "mermaid")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Mermaid,
    Dot,
}

fn esc(s: &str, format: Format) -> String {
    match format {
        Format::Mermaid => s.replace('"', "#quot;"),
        Format::Dot => s.replace('\\', "\\\\").replace('"', "\\\""),
    }
}

pub fn run(args: Args, dir: &Path) -> Outcome {
    let (loaded, id) = files::load_one(&args.policy, dir)?;
    let policy = policy(&loaded, &id)?;
    let tree = tree(policy, &args.tree)?;
    let f = args.format;
    let mut s = String::new();
    match f {
        Format::Mermaid => s.push_str("flowchart TD\n"),
        Format::Dot => {
            let _ = writeln!(s, "digraph \"{}\" {{\n  node [fontname=\"sans-serif\"];", esc(&tree.id, f));
        }
    }
    for (node_id, node) in &tree.nodes {
        let (label, shape) = match node {
            Node::Question(q) => (q.question.clone(), "question"),
            Node::Outcome(o) => (format!("{}: {} [{}]", o.verdict.id(), o.headline, o.cite.join(", ")), "outcome"),
        };
        match (f, shape) {
            (Format::Mermaid, "question") => {
                let _ = writeln!(s, "  {node_id}{{\"{}\"}}", esc(&label, f));
            }
            (Format::Mermaid, _) => {
                let _ = writeln!(s, "  {node_id}[\"{}\"]", esc(&label, f));
            }
            (Format::Dot, "question") => {
                let _ = writeln!(s, "  \"{node_id}\" [shape=diamond, label=\"{}\"];", esc(&label, f));
            }
            (Format::Dot, _) => {
                let _ = writeln!(s, "  \"{node_id}\" [shape=box, label=\"{}\"];", esc(&label, f));
            }
        }
    }
    for (node_id, node) in &tree.nodes {
        if let Node::Question(q) = node {
            let Some(fact) = policy.fact(&q.fact) else { continue };
            for b in &q.branches {
                let label = describe_condition(&b.when, fact);
                match f {
                    Format::Mermaid => {
                        let _ = writeln!(s, "  {node_id} -->|\"{}\"| {}", esc(&label, f), b.go);
                    }
                    Format::Dot => {
                        let _ = writeln!(s, "  \"{node_id}\" -> \"{}\" [label=\"{}\"];", b.go, esc(&label, f));
                    }
                }
            }
        }
    }
    let _ = writeln!(s, "  %% start: {}", tree.start).map(|_| ());
    if let Format::Dot = f {
        s = s.replace(&format!("  %% start: {}\n", tree.start), "");
        s.push_str("}\n");
    }
    print!("{s}");
    Ok(ExitCode::SUCCESS)
}
