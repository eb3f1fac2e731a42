use super::Outcome;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> Outcome {
    println!("{}", probity_core::declaration::json_schema());
    Ok(ExitCode::SUCCESS)
}
