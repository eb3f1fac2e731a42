//! One module per subcommand; each has an `Args` (clap) and a `run`.

pub mod archive;
pub mod ask;
pub mod bundle;
pub mod compare;
pub mod compile;
pub mod coverage;
pub mod decide;
pub mod diff;
pub mod graph;
pub mod interests;
pub mod lint;
pub mod paths;
pub mod register;
pub mod review;
pub mod schema;
pub mod test;
pub mod topics;
pub mod verify;

use crate::files::IoProblem;
use probity_core::model::Policy;
use probity_core::Loaded;

/// A failure to report: message, help line and exit status (1 for findings, 2 for usage or I/O).
pub struct CliError {
    pub message: String,
    pub help: Option<String>,
    pub exit: u8,
}

impl CliError {
    pub fn usage(message: impl Into<String>, help: impl Into<String>) -> Self {
        CliError { message: message.into(), help: Some(help.into()), exit: 2 }
    }
    pub fn finding(message: impl Into<String>, help: impl Into<String>) -> Self {
        CliError { message: message.into(), help: Some(help.into()), exit: 1 }
    }
}

impl From<IoProblem> for CliError {
    fn from(e: IoProblem) -> Self {
        CliError { message: e.0, help: Some("check the path, or pass --policies DIR".into()), exit: 2 }
    }
}

pub type Outcome = Result<std::process::ExitCode, CliError>;

/// The named policy from a load, or an error that lists the problems that kept it out.
pub fn policy<'a>(loaded: &'a Loaded, id: &str) -> Result<&'a Policy, CliError> {
    if let Some(p) = loaded.catalog.policy(id) {
        return Ok(p);
    }
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && (d.location.policy == id || d.location.policy.starts_with(&format!("{id}."))))
        .map(|d| format!("  {}: {}", d.code, d.message))
        .collect();
    if errors.is_empty() {
        let known: Vec<&str> = loaded.catalog.policies.keys().map(String::as_str).collect();
        Err(CliError::usage(format!("no policy `{id}`"), format!("known policies: {}", known.join(", "))))
    } else {
        Err(CliError::finding(
            format!("policy `{id}` does not check:\n{}", errors.join("\n")),
            "run `probity lint` for the full report",
        ))
    }
}

/// The named tree of a policy, or an error listing the trees it has.
pub fn tree<'a>(policy: &'a Policy, id: &str) -> Result<&'a probity_core::model::Tree, CliError> {
    policy.tree(id).ok_or_else(|| {
        let known: Vec<&str> = policy.trees.keys().map(String::as_str).collect();
        CliError::usage(
            format!("policy `{}` has no tree `{id}`", policy.header.id),
            format!("its trees: {}", known.join(", ")),
        )
    })
}

/// Reads a JSON object of facts (`{"offer_kind": "gift", "offer_value": "30"}`).
pub fn read_facts(path: &str) -> Result<std::collections::BTreeMap<String, serde_json::Value>, CliError> {
    let json = crate::files::read_json(path)?;
    match json {
        serde_json::Value::Object(map) => Ok(map.into_iter().collect()),
        _ => Err(CliError::usage(
            format!("`{path}` is not a JSON object of facts"),
            "write it as {\"fact_name\": \"answer\", …}",
        )),
    }
}
