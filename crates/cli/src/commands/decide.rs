use super::{policy, read_facts, tree, CliError, Outcome};
use crate::files;
use probity_core::declaration::{build, v2, Declarant};
use probity_core::eval::{evaluate, EvalError, Evaluation};
use probity_core::model::Policy;
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
    /// Print the whole declaration as JSON: v1, or v2 with --details or --v2.
    #[arg(long)]
    json: bool,
    /// The record details for the register, a JSON object `{"field": "value", …}` (fields:
    /// the tree's `record` in the policy): makes a declaration v2. Implies --json.
    #[arg(long, value_name = "FILE.json")]
    details: Option<String>,
    /// Make a declaration v2 (with the policy version's effective date) even with no details.
    #[arg(long)]
    v2: bool,
    #[command(flatten)]
    made: Made,
}

/// Who made a declaration and when: the same options wherever the CLI makes one.
#[derive(clap::Args)]
pub struct Made {
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

impl Made {
    /// The time (default now) and the declarant, checked as the widget checks them, so the CLI
    /// never makes a declaration `verify` would refuse.
    pub fn checked(self) -> Result<(String, Declarant), CliError> {
        let created_at = self.created_at.unwrap_or_else(crate::time::now_rfc3339);
        if !probity_core::declaration::is_rfc3339(&created_at) {
            return Err(CliError::usage(
                format!("`{created_at}` is not an RFC 3339 time"),
                "for example 2026-11-22T10:15:00Z",
            ));
        }
        let declarant = Declarant { name: self.name, job_title: self.job_title, team: self.team, email: self.email };
        if let Some((field, problem)) = declarant.problems().into_iter().next() {
            return Err(CliError::usage(
                format!("--{}: {}", field.replace('_', "-"), problem.to_lowercase()),
                "give the details as the widget would accept them, or leave them out",
            ));
        }
        Ok((created_at, declarant))
    }
}

/// Reads a JSON object of record details; numbers are taken as written.
pub fn read_details(path: &str) -> Result<BTreeMap<String, String>, CliError> {
    let bad = || {
        CliError::usage(
            format!("`{path}` is not a JSON object of details"),
            "write it as {\"field\": \"value\", …}; dates as YYYY-MM-DD",
        )
    };
    match crate::files::read_json(path)? {
        serde_json::Value::Object(map) => map
            .into_iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => Ok((k, s)),
                serde_json::Value::Number(n) => Ok((k, n.to_string())),
                _ => Err(bad()),
            })
            .collect(),
        _ => Err(bad()),
    }
}

/// The details' problems, one a line, for a usage error.
pub fn detail_problems(e: &v2::BuildError) -> CliError {
    match e {
        v2::BuildError::Details(p) => CliError::usage(
            format!(
                "the details have problems:\n  {}",
                p.iter().map(|p| format!("`{}`: {}", p.field, p.message)).collect::<Vec<_>>().join("\n  ")
            ),
            "fix the details file; the fields are the tree's `record` in the policy (`probity decide --help`)",
        ),
        other => CliError::usage(other.to_string(), "see README: declarations of interests"),
    }
}

/// A tree decided from a facts file, or why not.
pub fn decide(policy: &Policy, tree: &str, facts_path: &str) -> Result<Evaluation, CliError> {
    let facts = read_facts(facts_path)?;
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
            format!("`{facts_path}` has problems:\n  {}", problems.join("\n  ")),
            "fix the facts file; `probity paths` shows example facts for every path",
        ));
    }
    evaluate(policy, tree, &answers).map_err(|e| match e {
        EvalError::Missing { needed, maybe } => {
            let mut m = format!("`{facts_path}` does not answer every question on the path:");
            for (f, q) in &needed {
                m.push_str(&format!("\n  missing `{f}`: {q}"));
            }
            for (f, q) in &maybe {
                m.push_str(&format!("\n  may also need `{f}`: {q}"));
            }
            CliError::finding(m, "add the missing facts to the facts file")
        }
        other => CliError::finding(other.to_string(), "run `probity lint` on the policy"),
    })
}

pub fn run(args: Args, dir: &Path) -> Outcome {
    let (loaded, id) = files::load_one(&args.policy, dir)?;
    let policy = policy(&loaded, &id)?;
    let tree = tree(policy, &args.tree)?;
    let evaluation = decide(policy, &tree.id, &args.facts)?;
    if let Some(path) = &args.details {
        let details = read_details(path)?;
        let (created_at, declarant) = args.made.checked()?;
        let d = v2::build_answer(policy, &evaluation, &details, Some(declarant), &created_at)
            .map_err(|e| detail_problems(&e))?;
        println!("{}", serde_json::to_string_pretty(&d).unwrap_or_default());
    } else if args.v2 {
        let (created_at, declarant) = args.made.checked()?;
        let d = v2::build_answer(policy, &evaluation, &BTreeMap::new(), Some(declarant), &created_at)
            .map_err(|e| detail_problems(&e))?;
        println!("{}", serde_json::to_string_pretty(&d).unwrap_or_default());
    } else if args.json {
        let (created_at, declarant) = args.made.checked()?;
        let d = build(policy, &evaluation, Some(declarant), &created_at);
        println!("{}", d.to_json_pretty());
    } else {
        print!("{}", crate::render::evaluation(policy, &evaluation));
    }
    Ok(ExitCode::SUCCESS)
}
