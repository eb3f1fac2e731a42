//! `probity interests`: the declaration of interests a council's code asks for (v2).

use super::decide::{decide, detail_problems, read_details, Made};
use super::{policy, CliError, Outcome};
use crate::files;
use probity_core::declaration::v2::{build_interests, interests_tree};
use probity_core::records::Occasion;
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A policy id (`kent`) or a policy file.
    #[arg(long)]
    policy: String,
    /// When the code asks it: annual, on_appointment or on_change (the policy says which it asks).
    #[arg(long)]
    occasion: String,
    /// One interest: its facts for the interests tree and its details, `FACTS.json,DETAILS.json`.
    /// Repeat for each interest; give none for a nil declaration.
    #[arg(long, value_name = "FACTS.json,DETAILS.json")]
    interest: Vec<String>,
    #[command(flatten)]
    made: Made,
}

pub fn run(args: Args, dir: &Path) -> Outcome {
    let (loaded, id) = files::load_one(&args.policy, dir)?;
    let policy = policy(&loaded, &id)?;
    let occasion = Occasion::parse(&args.occasion).ok_or_else(|| {
        CliError::usage(format!("`{}` is not an occasion", args.occasion), "use annual, on_appointment or on_change")
    })?;
    let tree = interests_tree(policy, occasion).map_err(|e| {
        let note = policy.interests_declaration.as_ref().map(|r| r.note.clone()).unwrap_or_default();
        CliError::usage(e.to_string(), note)
    })?;
    let mut interests = Vec::new();
    for item in &args.interest {
        let (facts, details) = item.split_once(',').ok_or_else(|| {
            CliError::usage(
                format!("--interest `{item}` is not FACTS.json,DETAILS.json"),
                "give two files with a comma between",
            )
        })?;
        interests.push((decide(policy, tree, facts)?, read_details(details)?));
    }
    let (created_at, declarant) = args.made.checked()?;
    let d =
        build_interests(policy, occasion, &interests, Some(declarant), &created_at).map_err(|e| detail_problems(&e))?;
    println!("{}", serde_json::to_string_pretty(&d).unwrap_or_default());
    Ok(ExitCode::SUCCESS)
}
