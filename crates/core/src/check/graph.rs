//! The graph: every node reachable, no cycles, every path ends at an outcome (L002–L004).

use super::*;

/// Unreachable nodes and cycles.
pub(super) fn check_graph(tree_id: &str, raw_tree: &RawTree, r: &mut Reporter) {
    // The `idx`th branch target only: listing them all at every step would make a question with
    // many branches cost branches² here.
    let target = |id: &str, idx: usize| -> Option<String> {
        raw_tree.nodes.get(id).and_then(|n| n.branches.get(idx)).map(|b| b.go.clone())
    };
    // Depth-first with colours: grey on the current path, black when finished.
    let mut state: BTreeMap<String, u8> = BTreeMap::new();
    let mut stack: Vec<(String, usize)> = vec![(raw_tree.start.clone(), 0)];
    let mut path: Vec<String> = vec![raw_tree.start.clone()];
    state.insert(raw_tree.start.clone(), 1);
    let mut reported_cycle = BTreeSet::new();
    // Each loop is shown with its path; past a few, a count says how many more there are, so a
    // tree full of loops cannot make the report itself huge.
    const MAX_LOOPS_SHOWN: usize = 10;
    let mut more_loops = 0usize;
    while let Some((node, idx)) = stack.pop() {
        if let Some(t) = target(&node, idx).as_ref() {
            stack.push((node.clone(), idx.saturating_add(1)));
            match state.get(t).copied().unwrap_or(0) {
                0 => {
                    state.insert(t.clone(), 1);
                    path.push(t.clone());
                    stack.push((t.clone(), 0));
                }
                1 if reported_cycle.len() >= MAX_LOOPS_SHOWN => {
                    more_loops = more_loops.saturating_add(1);
                }
                1 if reported_cycle.insert((node.clone(), t.clone())) => {
                    let from = path.iter().position(|p| p == t).unwrap_or(0);
                    let mut cycle: Vec<String> = path.get(from..).map(|s| s.to_vec()).unwrap_or_default();
                    cycle.push(t.clone());
                    r.push(
                        Code::L003,
                        r.at(Some(tree_id), Some(&node), None),
                        format!("the branches loop: {}", cycle.join(" → ")),
                        "a tree must always move on towards an outcome; point the branch at a later node",
                    );
                }
                _ => {}
            }
        } else {
            state.insert(node.clone(), 2);
            path.pop();
        }
    }
    if more_loops > 0 {
        r.push(
            Code::L003,
            r.at(Some(tree_id), None, None),
            format!("{more_loops} more branches loop back as well"),
            "fix the loops above first; each branch must point at a later node",
        );
    }
    for id in raw_tree.nodes.keys() {
        if !state.contains_key(id) {
            r.push(
                Code::L002,
                r.at(Some(tree_id), Some(id), None),
                "no path from the start reaches this node",
                "point a branch at it, or remove it",
            );
        }
    }
}
