use super::Outcome;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Which declaration version: 1 (docs/declaration-v1.schema.json) or 2 (docs/declaration-v2.schema.json).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=2))]
    version: u32,
}

pub fn run(args: Args) -> Outcome {
    match args.version {
        1 => println!("{}", probity_core::declaration::json_schema()),
        _ => println!("{}", probity_core::declaration::v2::json_schema()),
    }
    Ok(ExitCode::SUCCESS)
}
