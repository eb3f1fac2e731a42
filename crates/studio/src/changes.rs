//! The change report between the version a policy was opened from (or any other) and the text
//! being edited: `probity_core::diff`, exactly as `probity diff` computes it, with each
//! region's amounts worked out at its witness so a changed share reads as money.

use crate::vocabulary::vocabulary;
use probity_core::check::check_policy_with;
use probity_core::diff::{diff, Region};
use probity_core::eval::evaluate;
use probity_core::model::Policy;
use probity_core::raw::{parse_policy, Format};
use probity_core::CheckOptions;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Changes {
    pub report: probity_core::diff::PolicyDiff,
    /// For each region (same order): the amounts at its witness, before and after.
    pub amounts: Vec<RegionAmounts>,
}

#[derive(Debug, Serialize)]
pub struct RegionAmounts {
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// Checks one version as `probity diff` does: without running its cases, since an edit is
/// compared before its cases are brought up to date.
fn load(which: &str, text: &str) -> Result<Policy, String> {
    let raw = parse_policy(text, Format::Toml).map_err(|e| format!("the {which} version cannot be read: {e}"))?;
    let checked = check_policy_with(&raw, vocabulary(), which, CheckOptions { require_cases: false });
    match checked.value {
        Some(p) => Ok(p),
        None => {
            let first =
                checked.errors().next().map(|d| format!(": {} ({})", d.message, d.location)).unwrap_or_default();
            Err(format!("the {which} version has errors, so it cannot be compared{first}"))
        }
    }
}

pub fn changes(old: &str, new: &str) -> Result<Changes, String> {
    let old = load("earlier", old)?;
    let new = load("edited", new)?;
    let report = diff(&old, &new, None).map_err(|e| e.to_string())?;
    let amounts = report
        .trees
        .iter()
        .flat_map(|t| t.regions.iter().map(move |r| (t.tree.as_str(), r)))
        .map(|(tree, r)| RegionAmounts { before: amounts_at(&old, tree, r), after: amounts_at(&new, tree, r) })
        .collect();
    Ok(Changes { report, amounts })
}

fn amounts_at(policy: &Policy, tree: &str, region: &Region) -> Vec<String> {
    evaluate(policy, tree, &region.witness)
        .map(|e| e.amounts.iter().map(|a| format!("{}: {}", a.label, a.display())).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KENT: &str = include_str!("../../../policies/kent.toml");

    #[test]
    fn the_same_text_has_no_changes() {
        let c = changes(KENT, KENT).expect("compares");
        assert!(c.report.is_empty());
    }

    #[test]
    fn a_changed_share_is_one_region_with_its_amounts() {
        let edited = KENT.replacen("multiply = \"0.5\"", "multiply = \"0.75\"", 1);
        let c = changes(KENT, &edited).expect("compares");
        assert_eq!(c.report.trees.len(), 1);
        let tree = c.report.trees.first().expect("fees");
        assert_eq!(tree.tree, "fees");
        assert_eq!(tree.regions.len(), 1);
        let region = tree.regions.first().expect("one");
        assert_eq!(region.changed, vec!["amounts".to_string()]);
        let a = c.amounts.first().expect("amounts");
        assert!(region.witness.contains_key("fee_amount"));
        assert_eq!((a.before.len(), a.after.len()), (1, 1));
        assert_ne!(a.before, a.after, "the share of the same fee differs");
    }

    #[test]
    fn a_version_with_errors_is_named() {
        let broken = KENT.replacen("[trees.fees]", "[trees.fees", 1);
        let e = changes(&broken, KENT).expect_err("does not read");
        assert!(e.starts_with("the earlier version cannot be read"), "{e}");
    }
}
