//! `probity`: the command line for policy authors and reviewers.

mod commands;
mod files;
mod pipe;
mod render;
mod time;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "probity",
    version,
    about = "Check, run and compare councils' officers' codes of conduct written as Probity policies"
)]
struct Cli {
    /// The folder of policy files and vocabulary.toml.
    #[arg(long, global = true, env = "PROBITY_POLICIES", default_value = "policies")]
    policies: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check policy files and report every problem (exit 1 when there is an error).
    Lint(commands::lint::Args),
    /// Run every policy's scenario cases and report each one.
    Test(commands::test::Args),
    /// Decide a tree from a JSON file of facts, without asking anything.
    Decide(commands::decide::Args),
    /// Answer a tree's questions one by one in the terminal.
    Ask(commands::ask::Args),
    /// List every path through a tree: the decision table.
    Paths(commands::paths::Args),
    /// Run the same facts against every council that has the tree, side by side.
    Compare(commands::compare::Args),
    /// Draw a tree as a Mermaid or Graphviz graph.
    Graph(commands::graph::Args),
    /// Check a declaration (v1 or v2): its digest, and a re-run of its answers against the exact policy version it names.
    Verify(commands::verify::Args),
    /// Make the declaration of interests a council's code asks for (annual, on appointment, on a change; or nil).
    Interests(commands::interests::Args),
    /// Keep a policy version in policies/archive/ so declarations made under it keep verifying (run before editing a policy).
    Archive(commands::archive::Args),
    /// Check many declarations and list them as a register (table or CSV), kept in a register file with management actions.
    Register(commands::register::Args),
    /// Print the JSON Schema of declaration v1 (or v2 with --version 2).
    Schema(commands::schema::Args),
    /// For each code, which clauses some outcome cites and which none does.
    Coverage(commands::coverage::Args),
    /// Write the policy files as one JSON document.
    Bundle(commands::bundle::Args),
    /// Check the policies and write each one's checked form as a compact binary file for the widget.
    Compile(commands::compile::Args),
    /// Every region of answers whose outcome changes between two versions of a policy.
    Diff(commands::diff::Args),
    /// Write a council's sign-off pack (docs/review/<id>.md): every outcome, clause and code-health note.
    Review(commands::review::Args),
    /// Print the council × topic table: which tree answers each topic, or where the code is silent.
    Topics(commands::topics::Args),
}

fn main() -> ExitCode {
    pipe::quiet_on_closed_stdout();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Lint(a) => commands::lint::run(a, &cli.policies),
        Command::Test(a) => commands::test::run(a, &cli.policies),
        Command::Decide(a) => commands::decide::run(a, &cli.policies),
        Command::Ask(a) => commands::ask::run(a, &cli.policies),
        Command::Paths(a) => commands::paths::run(a, &cli.policies),
        Command::Compare(a) => commands::compare::run(a, &cli.policies),
        Command::Graph(a) => commands::graph::run(a, &cli.policies),
        Command::Verify(a) => commands::verify::run(a, &cli.policies),
        Command::Interests(a) => commands::interests::run(a, &cli.policies),
        Command::Archive(a) => commands::archive::run(a, &cli.policies),
        Command::Register(a) => commands::register::run(a, &cli.policies),
        Command::Schema(a) => commands::schema::run(a),
        Command::Coverage(a) => commands::coverage::run(a, &cli.policies),
        Command::Bundle(a) => commands::bundle::run(a, &cli.policies),
        Command::Compile(a) => commands::compile::run(a, &cli.policies),
        Command::Topics(a) => commands::topics::run(a, &cli.policies),
        Command::Diff(a) => commands::diff::run(a, &cli.policies),
        Command::Review(a) => commands::review::run(a, &cli.policies),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", e.message);
            if let Some(help) = e.help {
                eprintln!("  help: {help}");
            }
            ExitCode::from(e.exit)
        }
    }
}
