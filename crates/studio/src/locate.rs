//! Where a diagnostic is written: the line in the TOML text for a diagnostic's location.
//!
//! The checker names places (`tree`, `node`, `branch 2`, `case "…"`, `clause `L.1``); the studio
//! shows each diagnostic at its line, so this module reads the text once more with the TOML
//! parser's spans and finds the key or item each place names. Going by the parsed document, not
//! by searching the text, a node written as an inline table or with a dotted key is found too.

use probity_core::diag::Location;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The spans of one policy text, ready to answer "which line is this place on?".
pub struct Locator<'t> {
    text: &'t str,
    root: Option<Spanned<DeTable<'t>>>,
}

/// A place in the document: the span of the key that names it (a header such as
/// `[trees.gifts.nodes.value]` or a `key = …` line), else of the value.
type Found = std::ops::Range<usize>;

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Self {
        Locator { text, root: DeTable::parse(text).ok() }
    }

    /// The 1-based line of a byte offset.
    pub fn line_of_offset(&self, offset: usize) -> usize {
        self.text.get(..offset).map_or(0, |t| t.matches('\n').count()) + 1
    }

    /// The 1-based line where `location` is written, the closest enclosing place when the exact
    /// one cannot be found; `None` for a place outside this file (the vocabulary's facts).
    pub fn line(&self, location: &Location) -> Option<usize> {
        let detail = location.detail.as_deref().unwrap_or("");
        // A parse error carries its line in the detail (`line 14`).
        if let Some(n) = detail.strip_prefix("line ").and_then(|n| n.trim().parse().ok()) {
            return Some(n);
        }
        if detail.starts_with("fact `") || detail.starts_with("topic `") {
            return None;
        }
        let root = self.root.as_ref()?.get_ref();
        let span = self.find(root, location).unwrap_or(0..0);
        Some(self.line_of_offset(span.start))
    }

    fn find(&self, root: &'t DeTable<'t>, location: &Location) -> Option<Found> {
        let detail = location.detail.as_deref().unwrap_or("");
        if let Some(reference) = detail.strip_prefix("clause `").and_then(|r| r.strip_suffix('`')) {
            let clauses = entry(root, "clauses");
            return clauses
                .and_then(|(_, v)| v.get_ref().as_table())
                .and_then(|t| entry(t, reference))
                .map(|(k, _)| k.span())
                .or_else(|| clauses.map(|(k, _)| k.span()));
        }
        let Some(tree_id) = location.tree.as_deref() else {
            return entry(root, "policy").map(|(k, _)| k.span());
        };
        let trees = entry(root, "trees")?.1.get_ref().as_table()?;
        let (tree_key, tree) = entry(trees, tree_id)?;
        let tree = tree.get_ref().as_table();
        let in_tree = |key: &str| tree.and_then(|t| entry(t, key));

        if let Some(name) = detail.strip_prefix("case \"").and_then(|n| n.strip_suffix('"')) {
            let cases = in_tree("cases");
            let case = cases.and_then(|(_, v)| v.get_ref().as_array()).and_then(|items| {
                items.iter().find(|c| {
                    c.get_ref().as_table().and_then(|t| t.get("name")).and_then(|n| n.get_ref().as_str()) == Some(name)
                })
            });
            if let Some(c) = case {
                return Some(item_span(c));
            }
        }
        let Some(node_id) = location.node.as_deref() else {
            // A tree-level field (`kind`, `start`, `max_questions`), else the tree's header.
            let key = detail.split_whitespace().next().unwrap_or("");
            return Some(in_tree(key).map_or_else(|| tree_key.span(), |(k, _)| k.span()));
        };
        let (node_key, node) =
            in_tree("nodes").and_then(|(_, v)| v.get_ref().as_table()).and_then(|t| entry(t, node_id))?;
        let node = node.get_ref().as_table();
        let in_node = |key: &str| node.and_then(|t| entry(t, key));
        // `branch 2`, `action 1`, `note 3`, `amount 1`: the item in its array; `headline`: the key.
        let mut words = detail.split_whitespace();
        let (field, index) = (words.next().unwrap_or(""), words.next().and_then(|n| n.parse::<usize>().ok()));
        let array = match field {
            "branch" => "branches",
            "action" => "actions",
            "note" => "notes",
            "amount" => "amounts",
            other => other,
        };
        let found = match (in_node(array), index) {
            (Some((_, v)), Some(i)) => v
                .get_ref()
                .as_array()
                .and_then(|items| items.get(i.checked_sub(1)?))
                .map(item_span)
                .or_else(|| Some(v.span())),
            (Some((k, _)), None) => Some(k.span()),
            (None, _) => None,
        };
        Some(found.unwrap_or_else(|| node_key.span()))
    }
}

/// The key and value of `key` in a table.
fn entry<'a, 't>(
    table: &'a DeTable<'t>,
    key: &str,
) -> Option<(&'a Spanned<std::borrow::Cow<'t, str>>, &'a Spanned<DeValue<'t>>)> {
    table.get_key_value(key)
}

/// An array item's span. An item of an array of tables (`[[trees.gifts.cases]]`) spans its
/// keys; its first key is the line to show.
fn item_span(item: &Spanned<DeValue<'_>>) -> Found {
    match item.get_ref().as_table() {
        Some(t) if item.span().is_empty() => {
            t.iter().map(|(k, _)| k.span()).min_by_key(|s| s.start).unwrap_or(item.span())
        }
        _ => item.span(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"[policy]
id = "example"

[clauses]
"7.1" = "Gifts under £25."

[trees.gifts]
title = "Can I accept this gift?"
kind = "permission"
start = "value"

[trees.gifts.nodes.value]
ask = "offer_value"
branches = [
  { when = { below = "25" }, go = "accept" },
  { when = { at_least = "25" }, go = "decline" },
]

[trees.gifts.nodes.accept]
verdict = "yes"
headline = "Yes"
notes = [
  { kind = "silent", text = "a" },
  { kind = "silent", text = "b" },
]

[[trees.gifts.cases]]
name = "first"
verdict = "yes"

[[trees.gifts.cases]]
name = "second"
verdict = "no"
"#;

    fn at(tree: Option<&str>, node: Option<&str>, detail: Option<&str>) -> Location {
        Location {
            policy: "example".into(),
            tree: tree.map(Into::into),
            node: node.map(Into::into),
            detail: detail.map(Into::into),
        }
    }

    fn line(tree: Option<&str>, node: Option<&str>, detail: Option<&str>) -> Option<usize> {
        Locator::new(TEXT).line(&at(tree, node, detail))
    }

    #[test]
    fn each_kind_of_place_is_found_at_its_line() {
        assert_eq!(line(None, None, None), Some(1), "the policy header");
        assert_eq!(line(None, None, Some("clause `7.1`")), Some(5));
        assert_eq!(line(None, None, Some("clause `9.9`")), Some(4), "an unknown clause: the clause table");
        assert_eq!(line(Some("gifts"), None, None), Some(7));
        assert_eq!(line(Some("gifts"), None, Some("start")), Some(10));
        assert_eq!(line(Some("gifts"), Some("value"), None), Some(12));
        assert_eq!(line(Some("gifts"), Some("value"), Some("branch 2")), Some(16));
        assert_eq!(line(Some("gifts"), Some("accept"), Some("headline")), Some(21));
        assert_eq!(line(Some("gifts"), Some("accept"), Some("note 2")), Some(24));
        assert_eq!(line(Some("gifts"), None, Some("case \"second\"")), Some(31));
        assert_eq!(
            line(Some("gifts"), Some("accept"), Some("case \"first\"")),
            Some(27),
            "a case's line (its header) wins over its node"
        );
        assert_eq!(line(None, None, Some("line 3")), Some(3), "a parse error keeps its own line");
        assert_eq!(line(None, None, Some("fact `offer_value`")), None, "the vocabulary is another file");
    }

    #[test]
    fn a_place_that_is_not_written_falls_back_to_what_encloses_it() {
        assert_eq!(line(Some("gifts"), Some("value"), Some("branch 9")), Some(14), "the branches array");
        assert_eq!(line(Some("gifts"), Some("nowhere"), None), Some(1), "an unknown node: the top");
    }
}
