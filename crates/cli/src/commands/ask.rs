use super::{policy, tree, CliError, Outcome};
use crate::files;
use probity_core::declaration::build;
use probity_core::model::FactKind;
use probity_core::session::{Page, Session};
use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A policy id (`kent`) or a policy file.
    #[arg(long)]
    policy: String,
    /// The tree id (`gifts`).
    #[arg(long)]
    tree: String,
    /// Also write the declaration v1 to this file at the end.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

/// Asks the tree's questions in the terminal. Type an option's number or id, an amount, `b` to
/// go back or `q` to quit. A wrong answer is explained and asked again; nothing is lost.
pub fn run(args: Args, dir: &Path) -> Outcome {
    let (loaded, id) = files::load_one(&args.policy, dir)?;
    let policy = policy(&loaded, &id)?;
    let tree = tree(policy, &args.tree)?;
    let mut session = Session::new(tree.id.clone());
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut out = std::io::stdout();
    let _ = writeln!(out, "{} — {}\n(type b to go back, q to quit)\n", policy.header.council, tree.title);
    loop {
        let page = session.page(policy).map_err(|e| CliError::finding(e.to_string(), "run `probity lint`"))?;
        match page {
            Page::Outcome(e) => {
                let _ = writeln!(out, "\n{}", crate::render::evaluation(policy, &e));
                if let Some(path) = &args.out {
                    let d = build(policy, &e, None, &crate::time::now_rfc3339());
                    std::fs::write(path, d.to_json_pretty()).map_err(|err| {
                        CliError::usage(format!("cannot write `{}`: {err}", path.display()), "check the folder exists")
                    })?;
                    let _ = writeln!(out, "Declaration written to {}", path.display());
                }
                return Ok(ExitCode::SUCCESS);
            }
            Page::Question { question, fact, current, .. } => {
                let _ = writeln!(out, "{}", question.question);
                if let Some(h) = &question.hint {
                    let _ = writeln!(out, "  {h}");
                }
                for (i, o) in fact.options.iter().enumerate() {
                    let _ = writeln!(out, "  {}. {}", i + 1, o.label);
                }
                if let Some(c) = &current {
                    let _ = writeln!(out, "  (current answer: {})", c.display(fact));
                }
                let prompt = match fact.kind {
                    FactKind::Money => "£ ",
                    _ => "> ",
                };
                let _ = write!(out, "{prompt}");
                let _ = out.flush();
                let Some(Ok(line)) = lines.next() else {
                    let _ = writeln!(out, "\n(no more input: stopped before an outcome)");
                    return Ok(ExitCode::from(1));
                };
                let input = line.trim();
                match input {
                    "q" | "quit" => return Ok(ExitCode::from(1)),
                    "b" | "back" => {
                        if !session.back(policy) {
                            let _ = writeln!(out, "(this is the first question)\n");
                        }
                        continue;
                    }
                    "" if current.is_some() => {
                        session.resume();
                        continue;
                    }
                    _ => {}
                }
                let chosen = input
                    .parse::<usize>()
                    .ok()
                    .filter(|_| !fact.options.is_empty())
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| fact.options.get(i))
                    .map_or(input.to_string(), |o| o.id.clone());
                match session.answer_text(policy, &fact.id, &chosen) {
                    Ok(()) => {
                        let _ = writeln!(out);
                    }
                    Err(e) => {
                        let _ = writeln!(out, "  ! {}\n", e.field_message());
                    }
                }
            }
        }
    }
}
