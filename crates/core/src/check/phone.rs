//! Short enough for a phone (L021): headlines, notes, and the number of questions a walk asks.

use crate::diag::{Code, Location, Reporter};
use crate::model::Node;
use crate::raw::RawTree;
use std::collections::BTreeMap;

pub const MAX_HEADLINE_WORDS: usize = 20;
pub const MAX_NOTE_WORDS: usize = 60;
/// The walk length a tree may have without giving a reason.
pub const DEFAULT_MAX_QUESTIONS: u32 = 5;

pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

pub(super) fn headline(text: &str, r: &mut Reporter, loc: Location) {
    let n = words(text);
    if n > MAX_HEADLINE_WORDS {
        r.push(
            Code::L021,
            loc,
            format!("the headline has {n} words, over {MAX_HEADLINE_WORDS}"),
            "say the answer in one short line; put the rest in an action or a note",
        );
    }
}

pub(super) fn note(text: &str, r: &mut Reporter, loc: Location) {
    let n = words(text);
    if n > MAX_NOTE_WORDS {
        r.push(
            Code::L021,
            loc,
            format!("the note has {n} words, over {MAX_NOTE_WORDS}"),
            "keep the note's `text` to what the officer must know, in plain words; move the longer reading to \
             `detail`, shown under \"More about this\"",
        );
    }
}

/// The tree's stated maximum (with its reason when above the default).
pub(super) fn max_questions(raw_tree: &RawTree, r: &mut Reporter, loc: Location) -> u32 {
    let max = raw_tree.max_questions.unwrap_or(DEFAULT_MAX_QUESTIONS);
    let has_reason = raw_tree.max_questions_reason.as_deref().is_some_and(|t| !t.trim().is_empty());
    if max > DEFAULT_MAX_QUESTIONS && !has_reason {
        r.push(
            Code::L021,
            loc,
            format!("`max_questions = {max}` is above {DEFAULT_MAX_QUESTIONS} with no reason"),
            "add `max_questions_reason = \"…\"` saying why the code needs the longer walk, or shorten the tree",
        );
    }
    max
}

/// The most questions any path from `start` asks. The graph has been checked for cycles first,
/// so the depth-first walk ends; a memo keeps it linear in the nodes and branches.
pub fn longest_walk(start: &str, nodes: &BTreeMap<String, Node>) -> u32 {
    fn depth<'a>(id: &'a str, nodes: &'a BTreeMap<String, Node>, memo: &mut BTreeMap<&'a str, u32>) -> u32 {
        if let Some(d) = memo.get(id) {
            return *d;
        }
        let d = match nodes.get(id) {
            Some(Node::Question(q)) => {
                let mut deepest = 0;
                for b in &q.branches {
                    deepest = deepest.max(depth(&b.go, nodes, memo));
                }
                deepest.saturating_add(1)
            }
            _ => 0,
        };
        memo.insert(id, d);
        d
    }
    depth(start, nodes, &mut BTreeMap::new())
}

pub(super) fn walk(start: &str, nodes: &BTreeMap<String, Node>, max: u32, r: &mut Reporter, loc: Location) {
    let longest = longest_walk(start, nodes);
    if longest > max {
        r.push(
            Code::L021,
            loc,
            format!("a walk through the tree asks {longest} questions, over its maximum of {max}"),
            "drop questions that change nothing, ask one thing per question, or raise `max_questions` with a reason",
        );
    }
}
