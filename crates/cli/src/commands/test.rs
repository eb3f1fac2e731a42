use super::Outcome;
use crate::files;
use probity_core::check::run_case;
use probity_core::raw::parse_policy;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Policy files to test (default: every policy in the policies folder).
    paths: Vec<PathBuf>,
}

/// Runs each scenario case and prints one line per case, then `N passed, N failed`.
pub fn run(args: Args, dir: &Path) -> Outcome {
    let loaded = files::load_dir(dir)?;
    let texts = if args.paths.is_empty() {
        files::policies_in(dir)?
    } else {
        args.paths.iter().map(|p| files::read(p)).collect::<Result<Vec<_>, _>>()?
    };
    let (mut passed, mut failed) = (0usize, 0usize);
    for file in &texts {
        let raw = match parse_policy(&file.text, file.format) {
            Ok(r) => r,
            Err(e) => {
                println!("FAIL {}: cannot read: {e}", file.label);
                failed += 1;
                continue;
            }
        };
        let Some(policy) = loaded.catalog.policy(&raw.policy.id) else {
            println!("FAIL {}: the policy does not check; run `probity lint`", file.label);
            failed += 1;
            continue;
        };
        for (tree_id, raw_tree) in &raw.trees {
            let Some(tree) = policy.tree(tree_id) else { continue };
            for case in &raw_tree.cases {
                match run_case(policy, tree, case) {
                    Ok((e, problems)) if problems.is_empty() => {
                        passed += 1;
                        println!(
                            "ok   {}/{}: {} → {} ({})",
                            policy.header.id,
                            tree_id,
                            case.name,
                            e.outcome.verdict.id(),
                            e.node
                        );
                    }
                    Ok((_, problems)) => {
                        failed += 1;
                        println!("FAIL {}/{}: {}: {}", policy.header.id, tree_id, case.name, problems.join("; "));
                    }
                    Err(m) => {
                        failed += 1;
                        println!("FAIL {}/{}: {}: {m}", policy.header.id, tree_id, case.name);
                    }
                }
            }
        }
    }
    println!("cases: {passed} passed, {failed} failed");
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
