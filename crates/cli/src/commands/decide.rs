use super::{policy, read_facts, tree, CliError, Outcome};
use crate::files;
use probity_core::declaration::{build, Declarant};
use probity_core::eval::{evaluate, EvalError};
use probity_core::value::from_json;
use std::collections::BTreeMap;
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
    /// A JSON file of facts, `{"fact": "answer", …}`; `-` reads standard input.
    #[arg(long)]
    facts: String,
    /// Print the whole declaration v1 as JSON.
    #[arg(long)]
    json: bool,
    /// The declaration's creation time (RFC 3339); default now.
    #[arg(long)]
    created_at: Option<String>,
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    job_title: Option<String>,
    #[arg(long)]
    team: Option<String>,
    #[arg(long)]
    email: Option<String>,
}

pub fn run(args: Args, dir: &Path) -> Outcome {
    let (loaded, id) = files::load_one(&args.policy, dir)?;
    let policy = policy(&loaded, &id)?;
    let tree = tree(policy, &args.tree)?;
    let facts = read_facts(&args.facts)?;
    let mut answers = BTreeMap::new();
    let mut problems = Vec::new();
    for (fact_id, json) in &facts {
        match policy.fact(fact_id) {
            Some(fact) => match from_json(fact, json) {
                Ok(v) => {
                    answers.insert(fact_id.clone(), v);
                }
                Err(e) => problems.push(format!("{e} ({})", e.help())),
            },
            None => problems.push(format!("`{fact_id}` is not a fact this policy asks")),
        }
    }
    if !problems.is_empty() {
        return Err(CliError::usage(
            format!("the facts file has problems:\n  {}", problems.join("\n  ")),
            "fix the facts file; `probity paths` shows example facts for every path",
        ));
    }
    let evaluation = evaluate(policy, &tree.id, &answers).map_err(|e| match e {
        EvalError::Missing { needed, maybe } => {
            let mut m = String::from("the facts do not answer every question on the path:");
            for (f, q) in &needed {
                m.push_str(&format!("\n  missing `{f}`: {q}"));
            }
            for (f, q) in &maybe {
                m.push_str(&format!("\n  may also need `{f}`: {q}"));
            }
            CliError::finding(m, "add the missing facts to the facts file")
        }
        other => CliError::finding(other.to_string(), "run `probity lint` on the policy"),
    })?;
    if args.json {
        let created_at = args.created_at.unwrap_or_else(crate::time::now_rfc3339);
        if !probity_core::declaration::is_rfc3339(&created_at) {
            return Err(CliError::usage(
                format!("`{created_at}` is not an RFC 3339 time"),
                "for example 2026-11-22T10:15:00Z",
            ));
        }
        let declarant = Declarant { name: args.name, job_title: args.job_title, team: args.team, email: args.email };
        // The widget's own checks, so the CLI never makes a declaration `verify` would refuse.
        if let Some((field, problem)) = declarant.problems().into_iter().next() {
            return Err(CliError::usage(
                format!("--{}: {}", field.replace('_', "-"), problem.to_lowercase()),
                "give the details as the widget would accept them, or leave them out",
            ));
        }
        let d = build(policy, &evaluation, Some(declarant), &created_at);
        println!("{}", d.to_json_pretty());
    } else {
        print!("{}", crate::render::evaluation(policy, &evaluation));
    }
    Ok(ExitCode::SUCCESS)
}
