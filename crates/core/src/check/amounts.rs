//! Amounts: the multiplier and bounds as exact decimals, and amount facts asked on the way (L015).

use super::*;

/// The largest `multiply` an amount may use.
pub(super) fn max_multiply() -> Decimal {
    Decimal::ONE_HUNDRED
}

/// Reads a bound or multiplier: text or an integer; never a float.
pub(super) fn parse_bound_text(t: &RawAmountText) -> Result<Decimal, String> {
    match t {
        RawAmountText::Text(s) => {
            let cleaned = s.trim().trim_start_matches('£').replace(',', "");
            Decimal::from_str(cleaned.trim()).map_err(|_| format!("`{s}` is not a number"))
        }
        RawAmountText::Integer(i) => Ok(Decimal::from(*i)),
        RawAmountText::Float(f) => Err(format!("`{}` is written as a bare decimal number, which is not exact", f.0)),
    }
}

/// An amount is worked out from a money fact, so that fact must be answered on every path to it.
pub(super) fn check_amount_facts(tree_id: &str, raw_tree: &RawTree, nodes: &BTreeMap<String, Node>, r: &mut Reporter) {
    // Facts known on arrival at each node along every path (the intersection over the paths),
    // carried forward in topological order (Kahn's algorithm): each node is settled once all
    // its predecessors are, so each edge is followed once whatever order the ids sort in.
    let targets = |id: &str| -> Vec<&str> {
        match nodes.get(id) {
            Some(Node::Question(q)) => q.branches.iter().map(|b| b.go.as_str()).collect(),
            _ => Vec::new(),
        }
    };
    let mut waiting: BTreeMap<&str, usize> = nodes.keys().map(|id| (id.as_str(), 0)).collect();
    for id in nodes.keys() {
        for t in targets(id) {
            if let Some(n) = waiting.get_mut(t) {
                *n = n.saturating_add(1);
            }
        }
    }
    let mut ready: Vec<&str> = waiting.iter().filter(|(_, n)| **n == 0).map(|(id, _)| *id).collect();
    let mut known: BTreeMap<String, Option<BTreeSet<String>>> = BTreeMap::new();
    known.insert(raw_tree.start.clone(), Some(BTreeSet::new()));
    // Nodes on a cycle are never ready; the cycle is reported (L003) and this check says nothing there.
    while let Some(id) = ready.pop() {
        let after = match (nodes.get(id), known.get(id)) {
            (Some(Node::Question(q)), Some(Some(here))) => {
                let mut after = here.clone();
                after.insert(q.fact.clone());
                Some(after)
            }
            _ => None,
        };
        for t in targets(id) {
            if let Some(after) = &after {
                let entry = known.entry(t.to_string()).or_insert(None);
                *entry = Some(match entry.take() {
                    None => after.clone(),
                    Some(existing) => existing.intersection(after).cloned().collect(),
                });
            }
            if let Some(n) = waiting.get_mut(t) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    ready.push(t);
                }
            }
        }
    }
    for (id, node) in nodes {
        if let Node::Outcome(o) = node {
            let here = known.get(id).cloned().flatten().unwrap_or_default();
            for a in &o.amounts {
                if !here.contains(&a.fact) {
                    r.push(
                        Code::L015,
                        r.at(Some(tree_id), Some(id), None),
                        format!(
                            "amount \"{}\" uses `{}`, which is not asked on every path to this outcome",
                            a.label, a.fact
                        ),
                        "ask the fact on every path that leads here, or move the amount",
                    );
                }
            }
        }
    }
}
