//! The kind of question a tree answers, and whether each outcome's verdict fits it (L019);
//! reworded questions carry their reason (L020).

use crate::diag::{Code, Location, Reporter};
use crate::model::{verdict_label, AskFor, TreeKind, Verdict};
use crate::raw::{RawNode, RawTree};

/// The tree's kind, or an L019 when it is missing or unknown.
pub(super) fn tree_kind(raw_tree: &RawTree, r: &mut Reporter, loc: Location) -> Option<TreeKind> {
    let kinds = TreeKind::ALL.map(TreeKind::id).join(", ");
    match raw_tree.kind.as_deref() {
        // Versions archived from before trees had kinds worded every verdict as an answer to
        // "Can I …?", which is how their declarations read.
        None if r.is_relaxed() => Some(TreeKind::Permission),
        None => {
            r.push(
                Code::L019,
                loc,
                "the tree does not say what kind of question it answers",
                format!("add `kind = \"…\"`, one of: {kinds} (\"Can I …?\" is permission)"),
            );
            None
        }
        Some(k) => TreeKind::parse(k).or_else(|| {
            r.push(Code::L019, loc, format!("`{k}` is not a kind of tree"), format!("use one of: {kinds}"));
            None
        }),
    }
}

/// What an outcome asks for and its worded verdict; L019 when the verdict does not fit the kind.
pub(super) fn outcome_wording(
    n: &RawNode,
    kind: TreeKind,
    verdict: Verdict,
    r: &mut Reporter,
    loc: Location,
) -> Option<(Option<AskFor>, String)> {
    let ask_for = match (n.ask_for.as_deref(), verdict) {
        (None, Verdict::AskFirst) => Some(kind.default_ask_for()),
        (None, _) => None,
        (Some(a), Verdict::AskFirst) => match AskFor::parse(a) {
            Some(a) => Some(a),
            None => {
                r.push(Code::L019, loc, format!("`ask_for = \"{a}\"` is not known"), "use `permission` or `advice`");
                return None;
            }
        },
        (Some(_), v) => {
            r.push(
                Code::L019,
                loc,
                format!("`ask_for` is set on a `{}` outcome", v.id()),
                "only an `ask_first` outcome says whether permission or advice is needed; remove `ask_for`",
            );
            return None;
        }
    };
    match verdict_label(kind, verdict, ask_for.unwrap_or(AskFor::Advice)) {
        Some(label) => Some((ask_for, label.to_string())),
        None => {
            let fits = kind.verdicts().iter().map(|v| v.id()).collect::<Vec<_>>().join(", ");
            r.push(
                Code::L019,
                loc,
                format!("`{}` does not answer a {} tree's question", verdict.id(), kind.describe()),
                format!("use one of: {fits}; or change the tree's `kind`"),
            );
            None
        }
    }
}

/// A question reworded on a node must say why (L020), and a reason needs a rewording.
pub(super) fn rewording(n: &RawNode, r: &mut Reporter, loc: Location) {
    let has_reason = n.reworded.as_deref().is_some_and(|t| !t.trim().is_empty());
    match (&n.question, has_reason) {
        (Some(_), false) => r.push(
            Code::L020,
            loc,
            "the node rewords the vocabulary's question without saying why",
            "add `reworded = \"…\"`: why this council's words differ and why they still ask the same fact; if the \
             council's test really differs, give it a fact of its own",
        ),
        (None, true) => r.push(
            Code::L020,
            loc,
            "`reworded` is set but the node keeps the vocabulary's question",
            "remove `reworded`, or add the council's `question`",
        ),
        _ => {}
    }
}
