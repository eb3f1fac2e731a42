//! The start page's search: does a tree match what the officer typed?
//!
//! Officers type the word they have in mind ("lecture", "fees", "gifts"), and the codes use
//! another form of it ("lecturing", "fee", "gift"). Each word typed is cut to a rough stem
//! (a common English ending removed) and looked for anywhere in the tree's title and topics;
//! every word must be found. Deliberately simple: no ranking, no spelling correction.

use probity_core::case::lower;

/// Endings removed from a typed word, longest first; a stem keeps at least three letters.
const ENDINGS: [&str; 7] = ["ing", "ers", "es", "ed", "er", "e", "s"];

fn stem(word: &str) -> &str {
    ENDINGS.iter().find_map(|ending| word.strip_suffix(ending).filter(|rest| rest.chars().count() >= 3)).unwrap_or(word)
}

/// True when every word of `query` (a stem of it) appears in one of `texts`; an empty query
/// matches everything.
pub fn matches(query: &str, texts: &[&str]) -> bool {
    let haystack = texts.iter().map(|t| lower(t)).collect::<Vec<_>>().join(" ");
    lower(query).split_whitespace().all(|word| haystack.contains(stem(word)))
}

/// The words the search box's hint offers as examples; each finds a question in every council
/// the widget carries (a test checks).
pub const EXAMPLES: [&str; 3] = ["gift", "politics", "lecture"];

/// Whether `tree` of `policy` matches `query`: its title and the names of all its topics.
pub fn tree_matches(query: &str, policy: &probity_core::model::Policy, tree: &probity_core::model::Tree) -> bool {
    let labels = tree
        .topics
        .iter()
        .filter_map(|id| policy.topics.iter().find(|(topic, _)| topic == id).map(|(_, label)| label.as_str()));
    matches(query, &std::iter::once(tree.title.as_str()).chain(labels).collect::<Vec<_>>())
}
