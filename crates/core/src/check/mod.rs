//! Raw → checked: turns the files as written into a [`Policy`] that can be evaluated, and
//! reports every problem on the way (see [`crate::diag::Code`] for the list).

use crate::diag::{Code, Diagnostic, Location, Reporter};
use crate::eval::{evaluate, Evaluation};
use crate::model::*;
use crate::money::Rounding;
use crate::partition::{describe_run, first_matches, representatives, runs};
use crate::raw::*;
use crate::value::{from_json, Value};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

mod kind;
pub mod phone;

/// Builds a location within the tree being checked.
type LocateIn<'a> = dyn Fn(&Reporter, Option<&str>, Option<String>) -> crate::diag::Location + 'a;

/// The result of checking: the policy when there was no error, and every diagnostic either way.
#[derive(Debug, Clone)]
pub struct Checked<T> {
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Checked<T> {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Checks the vocabulary. Bad facts are reported and left out; the rest can still be used.
pub fn check_vocabulary(raw: &RawVocabulary) -> Checked<Vocabulary> {
    let mut r = Reporter::new("vocabulary");
    let mut facts = BTreeMap::new();
    let mut seen_topics = BTreeSet::new();
    for (id, label) in &raw.topics.0 {
        if !seen_topics.insert(id.clone()) {
            r.push(
                Code::L018,
                r.at(None, None, Some(format!("topic `{id}`"))),
                format!("topic `{id}` is defined twice"),
                "keep one definition",
            );
        }
        if label.trim().is_empty() {
            r.push(
                Code::L018,
                r.at(None, None, Some(format!("topic `{id}`"))),
                format!("topic `{id}` has an empty label"),
                "give it a label people read, for example \"Gifts\"",
            );
        }
    }
    for (id, f) in &raw.facts {
        let here = r.at(None, None, Some(format!("fact `{id}`")));
        let loc = || here.clone();
        let before = r.diagnostics.len();
        if !is_identifier(id) {
            r.push(
                Code::L018,
                loc(),
                format!("fact id `{id}` is not lower_snake_case"),
                "use lower-case letters, digits and underscores, for example `offer_value`",
            );
        }
        if f.question.trim().is_empty() {
            r.push(
                Code::L018,
                loc(),
                format!("fact `{id}` has no question"),
                "write the question as the officer should read it",
            );
        }
        let yes_no_options = |unsure: bool| {
            let mut o = vec![
                ChoiceOption { id: "yes".into(), label: "Yes".into(), hint: None },
                ChoiceOption { id: "no".into(), label: "No".into(), hint: None },
            ];
            if unsure {
                o.push(ChoiceOption { id: "not_sure".into(), label: "I'm not sure".into(), hint: None });
            }
            o
        };
        let only_for = |r: &mut Reporter, what: &str, present: bool, kinds: &str| {
            if present {
                r.push(
                    Code::L018,
                    r.at(None, None, Some(format!("fact `{id}`"))),
                    format!("fact `{id}` sets `{what}`, which only {kinds} facts take"),
                    format!("remove `{what}` or change the type"),
                );
            }
        };
        let (kind, options) = match f.kind.as_str() {
            "yes_no" => {
                only_for(&mut r, "options", !f.options.is_empty(), "choice");
                only_for(&mut r, "min", f.min.is_some(), "whole_number");
                only_for(&mut r, "max", f.max.is_some(), "whole_number");
                let unsure = f.unsure.unwrap_or(false);
                (FactKind::YesNo { unsure }, yes_no_options(unsure))
            }
            "choice" => {
                only_for(&mut r, "unsure", f.unsure.is_some(), "yes_no");
                only_for(&mut r, "min", f.min.is_some(), "whole_number");
                only_for(&mut r, "max", f.max.is_some(), "whole_number");
                if f.options.len() < 2 {
                    r.push(
                        Code::L018,
                        loc(),
                        format!("choice fact `{id}` has {} option(s)", f.options.len()),
                        "give a choice at least two options",
                    );
                }
                let mut ids = BTreeSet::new();
                for o in &f.options {
                    if !ids.insert(o.id.as_str()) {
                        r.push(
                            Code::L018,
                            loc(),
                            format!("option `{}` of `{id}` is listed twice", o.id),
                            "give each option its own id",
                        );
                    }
                    if !is_identifier(&o.id) {
                        r.push(
                            Code::L018,
                            loc(),
                            format!("option id `{}` of `{id}` is not lower_snake_case", o.id),
                            "use lower-case letters, digits and underscores",
                        );
                    }
                    if o.label.trim().is_empty() {
                        r.push(
                            Code::L018,
                            loc(),
                            format!("option `{}` of `{id}` has no label", o.id),
                            "write the option as the officer should read it",
                        );
                    }
                }
                let opts = f
                    .options
                    .iter()
                    .map(|o| ChoiceOption { id: o.id.clone(), label: o.label.clone(), hint: o.hint.clone() })
                    .collect();
                (FactKind::Choice, opts)
            }
            "money" => {
                only_for(&mut r, "options", !f.options.is_empty(), "choice");
                only_for(&mut r, "unsure", f.unsure.is_some(), "yes_no");
                only_for(&mut r, "min", f.min.is_some(), "whole_number");
                only_for(&mut r, "max", f.max.is_some(), "whole_number");
                (FactKind::Money, Vec::new())
            }
            "whole_number" => {
                only_for(&mut r, "options", !f.options.is_empty(), "choice");
                only_for(&mut r, "unsure", f.unsure.is_some(), "yes_no");
                let min = f.min.unwrap_or(0);
                let max = f.max.unwrap_or(1_000_000);
                if min > max {
                    r.push(
                        Code::L018,
                        loc(),
                        format!("fact `{id}` has min {min} above max {max}"),
                        "make min no larger than max",
                    );
                }
                (FactKind::WholeNumber { min, max }, Vec::new())
            }
            other => {
                r.push(
                    Code::L018,
                    loc(),
                    format!("fact `{id}` has the unknown type `{other}`"),
                    "use one of: yes_no, choice, money, whole_number",
                );
                continue;
            }
        };
        if r.diagnostics.len() == before {
            facts.insert(
                id.clone(),
                Fact { id: id.clone(), kind, question: f.question.clone(), hint: f.hint.clone(), options },
            );
        }
    }
    let vocabulary = Vocabulary { facts, topics: raw.topics.0.clone() };
    Checked { value: Some(vocabulary), diagnostics: r.diagnostics }
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}

/// How strict checking is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckOptions {
    /// Every outcome must be reached by a scenario case (L017). On for authors (`probity lint`);
    /// off in the widget, which carries the policies without their cases.
    pub require_cases: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions { require_cases: true }
    }
}

/// Checks a policy against the vocabulary.
///
/// `label` names the policy in diagnostics when its header is unusable (normally the file name).
pub fn check_policy(raw: &RawPolicy, vocabulary: &Vocabulary, label: &str) -> Checked<Policy> {
    check_policy_with(raw, vocabulary, label, CheckOptions::default())
}

/// [`check_policy`] with options.
pub fn check_policy_with(
    raw: &RawPolicy,
    vocabulary: &Vocabulary,
    label: &str,
    options: CheckOptions,
) -> Checked<Policy> {
    let policy_name = if raw.policy.id.trim().is_empty() { label.to_string() } else { raw.policy.id.clone() };
    let mut r = Reporter::new(policy_name);
    check_header(&raw.policy, &mut r);
    for (reference, text) in &raw.clauses {
        if text.trim().is_empty() {
            r.push(
                Code::L015,
                r.at(None, None, Some(format!("clause `{reference}`"))),
                format!("clause `{reference}` has no text"),
                "quote the clause exactly as the code words it",
            );
        }
    }
    if raw.trees.is_empty() {
        r.push(Code::L015, r.at(None, None, None), "the policy has no trees", "add at least one [trees.<id>] table");
    }

    let mut trees = BTreeMap::new();
    let mut used_facts = BTreeSet::new();
    let mut cited = BTreeSet::new();
    for (tree_id, raw_tree) in &raw.trees {
        if let Some(tree) = check_tree(tree_id, raw_tree, raw, vocabulary, &mut r, &mut cited) {
            for f in tree.facts() {
                used_facts.insert(f.to_string());
            }
            for node in tree.nodes.values() {
                if let Node::Outcome(o) = node {
                    for a in &o.amounts {
                        used_facts.insert(a.fact.clone());
                    }
                }
            }
            trees.insert(tree_id.clone(), tree);
        }
    }
    for reference in raw.clauses.keys() {
        if !cited.contains(reference) {
            r.push(
                Code::L013,
                r.at(None, None, Some(format!("clause `{reference}`"))),
                format!("clause `{reference}` is never cited"),
                "cite it from the outcome or question it bears on, or remove it if it rules on nothing this tool asks",
            );
        }
    }
    if r.has_errors() {
        return Checked { value: None, diagnostics: r.diagnostics };
    }

    let facts: BTreeMap<String, Fact> =
        used_facts.iter().filter_map(|id| vocabulary.facts.get(id).map(|f| (id.clone(), f.clone()))).collect();
    let digest = match policy_digest(raw, &facts) {
        Ok(d) => d,
        Err(e) => {
            r.push(Code::P001, r.at(None, None, None), e, "write every amount as text, for example \"25.50\"");
            return Checked { value: None, diagnostics: r.diagnostics };
        }
    };
    let policy = Policy {
        header: Header {
            id: raw.policy.id.clone(),
            council: raw.policy.council.clone(),
            title: raw.policy.title.clone(),
            version: raw.policy.version.clone(),
            source: raw.policy.source.clone(),
            note: raw.policy.note.clone(),
            scope: raw.policy.scope.clone(),
        },
        clauses: raw.clauses.clone(),
        trees,
        facts,
        topics: vocabulary.topics.clone(),
        digest,
    };
    check_cases(&policy, raw, options, &mut r);
    let value = if r.has_errors() { None } else { Some(policy) };
    Checked { value, diagnostics: r.diagnostics }
}

/// The policy's content digest: the canonical JSON of the policy as written (less its scenario
/// cases, which test the rules but are not rules) and of the facts its trees ask. A change to
/// any rule, clause, wording or fact gives a different digest, whatever the file format.
pub fn policy_digest(raw: &RawPolicy, facts: &BTreeMap<String, Fact>) -> Result<String, String> {
    let mut rules = raw.clone();
    for tree in rules.trees.values_mut() {
        tree.cases.clear();
    }
    let value = serde_json::json!({ "policy": rules, "facts": facts });
    crate::jcs::digest_of(&value).map_err(|e| e.to_string())
}

fn check_header(h: &RawHeader, r: &mut Reporter) {
    let fields =
        [("id", &h.id), ("council", &h.council), ("title", &h.title), ("version", &h.version), ("source", &h.source)];
    for (name, value) in fields {
        if value.trim().is_empty() {
            r.push(
                Code::L015,
                r.at(None, None, Some("[policy]".into())),
                format!("the header's `{name}` is empty"),
                format!("fill in `{name}` in the [policy] table"),
            );
        }
    }
    if !h.id.trim().is_empty() && !is_slug(&h.id) {
        r.push(
            Code::L015,
            r.at(None, None, Some("[policy]".into())),
            format!("policy id `{}` is not a lower-case slug", h.id),
            "use lower-case letters, digits and hyphens, for example `milton-keynes`",
        );
    }
}

fn check_tree(
    tree_id: &str,
    raw_tree: &RawTree,
    raw: &RawPolicy,
    vocabulary: &Vocabulary,
    r: &mut Reporter,
    cited: &mut BTreeSet<String>,
) -> Option<Tree> {
    let errors_before = r.diagnostics.iter().filter(|d| d.is_error()).count();
    let at = |r: &Reporter, node: Option<&str>, detail: Option<String>| r.at(Some(tree_id), node, detail);
    if !is_slug(tree_id) {
        r.push(
            Code::L015,
            at(r, None, None),
            format!("tree id `{tree_id}` is not a lower-case slug"),
            "use lower-case letters, digits and hyphens, for example `gifts`",
        );
    }
    if raw_tree.title.trim().is_empty() {
        r.push(
            Code::L015,
            at(r, None, None),
            "the tree has no title",
            "write the question it answers, for example \"Can I accept this gift?\"",
        );
    }
    if raw_tree.topics.is_empty() {
        r.push(
            Code::L015,
            at(r, None, None),
            "the tree names no topic",
            "add `topics = [\"…\"]` with ids from [topics] in vocabulary.toml",
        );
    }
    for t in &raw_tree.topics {
        if vocabulary.topic_label(t).is_none() {
            r.push(
                Code::L015,
                at(r, None, None),
                format!("topic `{t}` is not in the vocabulary"),
                "use a topic id from [topics] in vocabulary.toml",
            );
        }
    }
    let tree_kind = kind::tree_kind(raw_tree, r, at(r, None, Some("kind".into())));
    let max_questions = phone::max_questions(raw_tree, r, at(r, None, Some("max_questions".into())));
    if !raw_tree.nodes.contains_key(&raw_tree.start) {
        r.push(
            Code::L001,
            at(r, None, Some("start".into())),
            format!("the start node `{}` does not exist", raw_tree.start),
            "set `start` to the id of the tree's first node",
        );
    }

    let mut cite = |r: &mut Reporter, refs: &[String], node: &str, detail: Option<String>| {
        for reference in refs {
            cited.insert(reference.clone());
            if !raw.clauses.contains_key(reference) {
                r.push(
                    Code::L011,
                    at(r, Some(node), detail.clone()),
                    format!("clause `{reference}` is not in the clause table"),
                    "add it under [clauses] with its exact text, or correct the reference",
                );
            }
        }
    };

    let mut nodes = BTreeMap::new();
    for (node_id, n) in &raw_tree.nodes {
        let loc = |r: &Reporter| at(r, Some(node_id), None);
        match (&n.ask, &n.verdict) {
            (Some(_), Some(_)) => {
                r.push(
                    Code::L014,
                    loc(r),
                    "the node has both `ask` and `verdict`",
                    "a node either asks a question (`ask`) or gives an outcome (`verdict`), not both",
                );
                continue;
            }
            (None, None) => {
                r.push(
                    Code::L014,
                    loc(r),
                    "the node has neither `ask` nor `verdict`",
                    "add `ask = \"<fact>\"` for a question or `verdict = \"…\"` for an outcome",
                );
                continue;
            }
            (Some(fact_id), None) => {
                for (field, present) in [
                    ("headline", n.headline.is_some()),
                    ("summary", n.summary.is_some()),
                    ("actions", !n.actions.is_empty()),
                    ("notes", !n.notes.is_empty()),
                    ("amounts", !n.amounts.is_empty()),
                ] {
                    if present {
                        r.push(
                            Code::L014,
                            loc(r),
                            format!("the question node has `{field}`, which only outcomes take"),
                            "move it to the outcome it belongs to",
                        );
                    }
                }
                cite(r, &n.cite, node_id, None);
                kind::rewording(n, r, loc(r));
                let Some(fact) = vocabulary.facts.get(fact_id) else {
                    r.push(
                        Code::L005,
                        loc(r),
                        format!("fact `{fact_id}` is not in the vocabulary"),
                        "use a fact from vocabulary.toml, or add it there",
                    );
                    continue;
                };
                if n.branches.is_empty() {
                    r.push(
                        Code::L004,
                        loc(r),
                        "the question has no branches, so its path never reaches an outcome",
                        "add branches with `go = \"<node>\"`",
                    );
                }
                let mut branches = Vec::new();
                for (i, b) in n.branches.iter().enumerate() {
                    let bloc = |r: &Reporter| at(r, Some(node_id), Some(format!("branch {}", i + 1)));
                    cite(r, &b.cite, node_id, Some(format!("branch {}", i + 1)));
                    if !raw_tree.nodes.contains_key(&b.go) {
                        r.push(
                            Code::L001,
                            bloc(r),
                            format!("branch goes to `{}`, which does not exist", b.go),
                            "point `go` at a node of this tree",
                        );
                    }
                    let when = match (&b.when, b.otherwise) {
                        (Some(c), None) => convert_condition(c, fact, r, &bloc(r)),
                        (None, Some(true)) => Some(Condition::Otherwise),
                        (None, Some(false)) => {
                            r.push(
                                Code::L014,
                                bloc(r),
                                "`otherwise = false` means nothing",
                                "write `otherwise = true` for the catch-all branch, or give a `when`",
                            );
                            None
                        }
                        (Some(_), Some(_)) => {
                            r.push(
                                Code::L014,
                                bloc(r),
                                "the branch has both `when` and `otherwise`",
                                "keep one: a condition, or `otherwise = true`",
                            );
                            None
                        }
                        (None, None) => {
                            r.push(
                                Code::L014,
                                bloc(r),
                                "the branch has neither `when` nor `otherwise`",
                                "add `when = { … }` or `otherwise = true`",
                            );
                            None
                        }
                    };
                    if let Some(when) = when {
                        branches.push(Branch { when, go: b.go.clone(), cite: b.cite.clone() });
                    }
                }
                if branches.len() == n.branches.len() && !branches.is_empty() {
                    check_coverage(fact, &branches, r, &loc(r));
                }
                nodes.insert(
                    node_id.clone(),
                    Node::Question(QuestionNode {
                        fact: fact_id.clone(),
                        question: n.question.clone().unwrap_or_else(|| fact.question.clone()),
                        reworded: n.reworded.clone(),
                        hint: n.hint.clone().or_else(|| fact.hint.clone()),
                        branches,
                        cite: n.cite.clone(),
                    }),
                );
            }
            (None, Some(verdict)) => {
                for (field, present) in [
                    ("question", n.question.is_some()),
                    ("reworded", n.reworded.is_some()),
                    ("hint", n.hint.is_some()),
                    ("branches", !n.branches.is_empty()),
                ] {
                    if present {
                        r.push(
                            Code::L014,
                            loc(r),
                            format!("the outcome node has `{field}`, which only questions take"),
                            "remove it, or make this node a question with `ask`",
                        );
                    }
                }
                if let Some(o) = check_outcome(n, verdict, tree_kind, node_id, vocabulary, r, &at) {
                    if o.cite.is_empty() {
                        r.push(
                            Code::L012,
                            loc(r),
                            "the outcome cites no clause",
                            "add `cite = [\"…\"]` with the clauses this answer rests on",
                        );
                    }
                    cite(r, &o.cite, node_id, None);
                    nodes.insert(node_id.clone(), Node::Outcome(o));
                }
            }
        }
    }

    let graph_ok = !r.diagnostics.iter().any(|d| d.code == Code::L001 && d.location.tree.as_deref() == Some(tree_id));
    if graph_ok {
        check_graph(tree_id, raw_tree, r);
        check_amount_facts(tree_id, raw_tree, &nodes, r);
        if !r.diagnostics.iter().any(|d| d.code == Code::L003 && d.location.tree.as_deref() == Some(tree_id)) {
            phone::walk(&raw_tree.start, &nodes, max_questions, r, at(r, None, Some("walk length".into())));
        }
    }
    let errors_after = r.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors_after > errors_before {
        return None;
    }
    Some(Tree {
        id: tree_id.to_string(),
        title: raw_tree.title.clone(),
        kind: tree_kind?,
        max_questions,
        max_questions_reason: raw_tree.max_questions_reason.clone(),
        topics: raw_tree.topics.clone(),
        intro: raw_tree.intro.clone(),
        start: raw_tree.start.clone(),
        nodes,
        cases: Vec::new(),
    })
}

fn check_outcome(
    n: &RawNode,
    verdict: &str,
    tree_kind: Option<TreeKind>,
    node_id: &str,
    vocabulary: &Vocabulary,
    r: &mut Reporter,
    at: &LocateIn<'_>,
) -> Option<OutcomeNode> {
    // Errors only: a warning about the outcome does not stop it being evaluated.
    let errors = |r: &Reporter| r.diagnostics.iter().filter(|d| d.is_error()).count();
    let before = errors(r);
    let loc = |r: &Reporter, d: Option<String>| at(r, Some(node_id), d);
    let verdict = Verdict::parse(verdict).or_else(|| {
        r.push(
            Code::L014,
            loc(r, None),
            format!("`{verdict}` is not a verdict"),
            "use one of: yes, yes_with_conditions, ask_first, no, unclear",
        );
        None
    });
    let headline = n.headline.clone().unwrap_or_default();
    if headline.trim().is_empty() {
        r.push(
            Code::L015,
            loc(r, None),
            "the outcome has no headline",
            "add `headline = \"…\"`: one line that answers the question",
        );
    }
    phone::headline(&headline, r, loc(r, Some("headline".into())));
    let wording = match (tree_kind, verdict) {
        (Some(k), Some(v)) => kind::outcome_wording(n, k, v, r, loc(r, None)),
        _ => None,
    };
    let mut actions = Vec::new();
    for (i, a) in n.actions.iter().enumerate() {
        if a.who.trim().is_empty() || a.what.trim().is_empty() {
            r.push(
                Code::L015,
                loc(r, Some(format!("action {}", i + 1))),
                "an action is missing `who` or `do`",
                "each action says who (\"Your line manager\", \"The online reporting tool\") and what to do",
            );
        }
        actions.push(Action { who: a.who.clone(), what: a.what.clone() });
    }
    let mut notes = Vec::new();
    for (i, note) in n.notes.iter().enumerate() {
        match NoteKind::parse(&note.kind) {
            Some(kind) if !note.text.trim().is_empty() => {
                phone::note(&note.text, r, loc(r, Some(format!("note {}", i + 1))));
                notes.push(Note { kind, text: note.text.clone(), detail: note.detail.clone() });
            }
            Some(_) => r.push(
                Code::L015,
                loc(r, Some(format!("note {}", i + 1))),
                "the note has no text",
                "say what the code says, how this tool reads it, and whom to ask",
            ),
            None => r.push(
                Code::L015,
                loc(r, Some(format!("note {}", i + 1))),
                format!("`{}` is not a kind of note", note.kind),
                "use one of: ambiguous, contradiction, wrong_reference, out_of_date, silent, interpretation",
            ),
        }
    }
    let mut amounts = Vec::new();
    for (i, a) in n.amounts.iter().enumerate() {
        let aloc = |r: &Reporter| loc(r, Some(format!("amount {}", i + 1)));
        match vocabulary.facts.get(&a.fact) {
            None => r.push(
                Code::L005,
                aloc(r),
                format!("amount uses fact `{}`, which is not in the vocabulary", a.fact),
                "name a money fact from vocabulary.toml",
            ),
            Some(f) if f.kind != FactKind::Money => r.push(
                Code::L006,
                aloc(r),
                format!("amount uses `{}`, a {} fact, not money", a.fact, f.kind.name()),
                "amounts are worked out from a money fact",
            ),
            Some(_) => {}
        }
        let multiply = match &a.multiply {
            None => Some(Decimal::ONE),
            Some(t) => parse_bound_text(t)
                .map_err(|m| {
                    r.push(Code::L015, aloc(r), format!("`multiply` {m}"), "write it as text, for example \"0.5\"")
                })
                .ok(),
        };
        let rounding = match a.rounding.as_str() {
            "down" => Some(Rounding::Down),
            "half_up" => Some(Rounding::HalfUp),
            "half_even" => Some(Rounding::HalfEven),
            other => {
                r.push(
                    Code::L015,
                    aloc(r),
                    format!("`{other}` is not a rounding rule"),
                    "use one of: down, half_up, half_even",
                );
                None
            }
        };
        if a.label.trim().is_empty() {
            r.push(
                Code::L015,
                aloc(r),
                "the amount has no label",
                "say what the amount is, for example \"Fee you may keep\"",
            );
        }
        if let (Some(multiply), Some(rounding)) = (multiply, rounding) {
            amounts.push(AmountRule {
                label: a.label.clone(),
                fact: a.fact.clone(),
                multiply,
                rounding,
                note: a.note.clone(),
            });
        }
    }
    if errors(r) > before {
        return None;
    }
    let (ask_for, label) = wording?;
    Some(OutcomeNode {
        verdict: verdict?,
        ask_for,
        label,
        headline,
        summary: n.summary.clone(),
        actions,
        cite: n.cite.clone(),
        notes,
        amounts,
    })
}

/// Reads a bound or multiplier: text or an integer; never a float.
fn parse_bound_text(t: &RawAmountText) -> Result<Decimal, String> {
    match t {
        RawAmountText::Text(s) => {
            let cleaned = s.trim().trim_start_matches('£').replace(',', "");
            Decimal::from_str(cleaned.trim()).map_err(|_| format!("`{s}` is not a number"))
        }
        RawAmountText::Integer(i) => Ok(Decimal::from(*i)),
        RawAmountText::Float(f) => Err(format!("`{}` is written as a bare decimal number, which is not exact", f.0)),
    }
}

fn convert_condition(
    c: &RawCondition,
    fact: &Fact,
    r: &mut Reporter,
    loc: &crate::diag::Location,
) -> Option<Condition> {
    let present: Vec<&str> = [
        ("is", c.is.is_some()),
        ("is_one_of", c.is_one_of.is_some()),
        ("below", c.below.is_some()),
        ("at_most", c.at_most.is_some()),
        ("above", c.above.is_some()),
        ("at_least", c.at_least.is_some()),
        ("all", c.all.is_some()),
        ("any", c.any.is_some()),
        ("not", c.not.is_some()),
    ]
    .into_iter()
    .filter_map(|(k, p)| p.then_some(k))
    .collect();
    let bound_keys = ["below", "at_most", "above", "at_least"];
    let is_range = !present.is_empty() && present.iter().all(|k| bound_keys.contains(k));
    if present.is_empty() {
        r.push(
            Code::L014,
            loc.clone(),
            "the condition is empty",
            "write a test such as `{ is = \"yes\" }` or `{ below = \"50\" }`",
        );
        return None;
    }
    if present.len() > 1 && !is_range {
        r.push(
            Code::L014,
            loc.clone(),
            format!("the condition mixes `{}`", present.join("`, `")),
            "combine tests with `all = [ … ]` or `any = [ … ]`",
        );
        return None;
    }
    if is_range {
        if !fact.kind.is_numeric() {
            r.push(
                Code::L006,
                loc.clone(),
                format!("`{}` compares amounts, but `{}` is a {} fact", present.join("`/`"), fact.id, fact.kind.name()),
                "use `is` or `is_one_of` with one of its options",
            );
            return None;
        }
        if c.below.is_some() && c.at_most.is_some() || c.above.is_some() && c.at_least.is_some() {
            r.push(
                Code::L014,
                loc.clone(),
                "the range has two upper or two lower bounds",
                "give at most one of `below`/`at_most` and one of `above`/`at_least`",
            );
            return None;
        }
        let mut ok = true;
        let mut bound = |t: &Option<RawAmountText>, inclusive: bool, r: &mut Reporter| -> Option<Bound> {
            let t = t.as_ref()?;
            match parse_bound_text(t) {
                Ok(value) => {
                    let fits = match fact.kind {
                        FactKind::Money => value.normalize().scale() <= 2 && value >= Decimal::ZERO,
                        _ => value.normalize().scale() == 0,
                    };
                    if !fits {
                        r.push(
                            Code::L006,
                            loc.clone(),
                            format!("bound `{value}` is not a possible {} answer", fact.kind.name()),
                            if fact.kind == FactKind::Money {
                                "money bounds are pounds and pence, for example \"25.50\""
                            } else {
                                "whole-number bounds are whole numbers"
                            },
                        );
                        ok = false;
                    }
                    Some(Bound { value, inclusive })
                }
                Err(m) => {
                    r.push(
                        Code::L006,
                        loc.clone(),
                        format!("bound {m}"),
                        "write money as text, for example \"50\" or \"25.50\"",
                    );
                    ok = false;
                    None
                }
            }
        };
        let upper = bound(&c.below, false, r).or_else(|| bound(&c.at_most, true, r));
        let lower = bound(&c.above, false, r).or_else(|| bound(&c.at_least, true, r));
        if let (Some(l), Some(u)) = (lower, upper) {
            if l.value > u.value || (l.value == u.value && !(l.inclusive && u.inclusive)) {
                r.push(
                    Code::L006,
                    loc.clone(),
                    format!("the range from {} to {} contains no amount", l.value, u.value),
                    "check which bound is the lower and which the upper",
                );
                ok = false;
            }
        }
        return ok.then_some(Condition::Range { lower, upper });
    }
    if let Some(option) = &c.is {
        return check_options(std::slice::from_ref(option), fact, r, loc).map(|options| Condition::OneOf { options });
    }
    if let Some(options) = &c.is_one_of {
        if options.is_empty() {
            r.push(Code::L014, loc.clone(), "`is_one_of` lists no options", "list at least one option");
            return None;
        }
        return check_options(options, fact, r, loc).map(|options| Condition::OneOf { options });
    }
    if let Some(list) = c.all.as_ref().or(c.any.as_ref()) {
        if list.is_empty() {
            r.push(Code::L014, loc.clone(), "`all`/`any` lists no conditions", "list at least one condition");
            return None;
        }
        let converted: Vec<Option<Condition>> = list.iter().map(|c| convert_condition(c, fact, r, loc)).collect();
        let of: Option<Vec<Condition>> = converted.into_iter().collect();
        let of = of?;
        return Some(if c.all.is_some() { Condition::All { of } } else { Condition::Any { of } });
    }
    if let Some(inner) = &c.not {
        return convert_condition(inner, fact, r, loc).map(|of| Condition::Not { of: Box::new(of) });
    }
    None
}

fn check_options(
    options: &[String],
    fact: &Fact,
    r: &mut Reporter,
    loc: &crate::diag::Location,
) -> Option<Vec<String>> {
    if fact.kind.is_numeric() {
        r.push(
            Code::L006,
            loc.clone(),
            format!("`is` picks an option, but `{}` is a {} fact", fact.id, fact.kind.name()),
            "compare amounts with `below`, `at_most`, `above` or `at_least`",
        );
        return None;
    }
    let mut ok = true;
    for o in options {
        if fact.option(o).is_none() {
            let known: Vec<&str> = fact.options.iter().map(|o| o.id.as_str()).collect();
            r.push(
                Code::L006,
                loc.clone(),
                format!("`{o}` is not an option of `{}`", fact.id),
                format!("use one of: {}", known.join(", ")),
            );
            ok = false;
        }
    }
    ok.then(|| options.to_vec())
}

/// Gaps, overlaps and dead branches of one question, found on its representative answers.
fn check_coverage(fact: &Fact, branches: &[Branch], r: &mut Reporter, loc: &crate::diag::Location) {
    let conditions: Vec<&Condition> = branches.iter().map(|b| &b.when).collect();
    let reps = representatives(fact, &conditions);
    let first = first_matches(&conditions, &reps);
    let numeric = fact.kind.is_numeric();

    let uncovered = runs(&reps, |i| first.get(i).is_some_and(Option::is_none));
    if !uncovered.is_empty() {
        if numeric {
            let list: Vec<String> = uncovered.iter().map(|(a, b)| describe_run(a, b)).collect();
            r.push(Code::L008, loc.clone(), format!("no branch handles {}", list.join(", ")), "add a branch for these amounts, or widen a bound (\"under £50\" is `below`, \"£50 and over\" is `at_least`)");
        } else {
            let missed: Vec<String> = reps
                .iter()
                .zip(&first)
                .filter(|(_, f)| f.is_none())
                .map(|(v, _)| format!("`{}`", v.to_json().as_str().unwrap_or_default()))
                .collect();
            r.push(
                Code::L007,
                loc.clone(),
                format!("no branch handles {}", missed.join(", ")),
                "add a branch for each option, or an `otherwise = true` branch",
            );
        }
    }
    if numeric {
        let specific: Vec<usize> =
            (0..branches.len()).filter(|i| conditions.get(*i).is_some_and(|c| **c != Condition::Otherwise)).collect();
        let claimed_by = |i: usize| -> Vec<usize> {
            reps.get(i).map_or_else(Vec::new, |v| {
                specific
                    .iter()
                    .copied()
                    .filter(|b| conditions.get(*b).is_some_and(|c| crate::partition::matches(c, v)))
                    .collect()
            })
        };
        let overlap = runs(&reps, |i| claimed_by(i).len() > 1);
        for (a, b) in overlap {
            let idx = reps.iter().position(|v| v == a).unwrap_or(0);
            let which: Vec<String> = claimed_by(idx).iter().map(|i| (i + 1).to_string()).collect();
            r.push(Code::L009, loc.clone(), format!("branches {} both claim {}", which.join(" and "), describe_run(a, b)), "make the bounds meet exactly: one branch `below` a value and the next `at_least` it, or `at_most` and `above`");
        }
    }
    for (i, b) in branches.iter().enumerate() {
        if !first.contains(&Some(i)) {
            let what = if b.when == Condition::Otherwise { "the `otherwise` branch" } else { "the branch" };
            r.push(
                Code::L010,
                crate::diag::Location { detail: Some(format!("branch {}", i + 1)), ..loc.clone() },
                format!("{what} can never be taken: earlier branches catch every answer it would"),
                "remove it, or reorder the branches so that the more specific one comes first",
            );
        }
    }
}

/// Unreachable nodes and cycles.
fn check_graph(tree_id: &str, raw_tree: &RawTree, r: &mut Reporter) {
    let targets = |id: &str| -> Vec<String> {
        raw_tree.nodes.get(id).map_or_else(Vec::new, |n| n.branches.iter().map(|b| b.go.clone()).collect())
    };
    // Depth-first with colours: grey on the current path, black when finished.
    let mut state: BTreeMap<String, u8> = BTreeMap::new();
    let mut stack: Vec<(String, usize)> = vec![(raw_tree.start.clone(), 0)];
    let mut path: Vec<String> = vec![raw_tree.start.clone()];
    state.insert(raw_tree.start.clone(), 1);
    let mut reported_cycle = BTreeSet::new();
    while let Some((node, idx)) = stack.pop() {
        let next = targets(&node);
        if let Some(t) = next.get(idx) {
            stack.push((node.clone(), idx + 1));
            match state.get(t).copied().unwrap_or(0) {
                0 => {
                    state.insert(t.clone(), 1);
                    path.push(t.clone());
                    stack.push((t.clone(), 0));
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

/// An amount is worked out from a money fact, so that fact must be answered on every path to it.
fn check_amount_facts(tree_id: &str, raw_tree: &RawTree, nodes: &BTreeMap<String, Node>, r: &mut Reporter) {
    // Facts known on arrival at each node along every path (intersection), by a simple fixpoint.
    let mut known: BTreeMap<String, Option<BTreeSet<String>>> = BTreeMap::new();
    known.insert(raw_tree.start.clone(), Some(BTreeSet::new()));
    for _ in 0..=raw_tree.nodes.len() {
        let mut changed = false;
        for (id, node) in nodes {
            let Some(Some(here)) = known.get(id).cloned() else { continue };
            if let Node::Question(q) = node {
                let mut after = here.clone();
                after.insert(q.fact.clone());
                for b in &q.branches {
                    let entry = known.entry(b.go.clone()).or_insert(None);
                    let merged = match entry {
                        None => after.clone(),
                        Some(existing) => existing.intersection(&after).cloned().collect(),
                    };
                    if entry.as_ref() != Some(&merged) {
                        *entry = Some(merged);
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
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

/// Runs the policy's scenario cases and checks every outcome is reached by one.
fn check_cases(policy: &Policy, raw: &RawPolicy, options: CheckOptions, r: &mut Reporter) {
    for (tree_id, raw_tree) in &raw.trees {
        let Some(tree) = policy.tree(tree_id) else { continue };
        let mut reached = BTreeSet::new();
        for case in &raw_tree.cases {
            let loc = r.at(Some(tree_id), None, Some(format!("case \"{}\"", case.name)));
            match run_case(policy, tree, case) {
                Ok((eval, problems)) => {
                    reached.insert(eval.node.clone());
                    for p in problems {
                        r.push(
                            Code::L016,
                            Location { node: Some(eval.node.clone()), ..loc.clone() },
                            p,
                            "fix the case's expectation if the code says otherwise, or fix the tree",
                        );
                    }
                }
                Err(e) => {
                    r.push(Code::L016, loc, e, "give every fact on the case's path, with answers its fact accepts")
                }
            }
        }
        for (node_id, node) in &tree.nodes {
            if options.require_cases && matches!(node, Node::Outcome(_)) && !reached.contains(node_id) {
                r.push(
                    Code::L017,
                    r.at(Some(tree_id), Some(node_id), None),
                    "no scenario case reaches this outcome",
                    "add a [[trees.<id>.cases]] entry whose facts lead here",
                );
            }
        }
    }
}

/// Runs one case: the evaluation, and what differs from the case's expectations.
pub fn run_case(policy: &Policy, tree: &Tree, case: &RawCase) -> Result<(Evaluation, Vec<String>), String> {
    let mut answers = BTreeMap::new();
    for (fact_id, json) in &case.facts {
        let Some(fact) = policy.fact(fact_id) else {
            return Err(format!("fact `{fact_id}` is not asked by this policy"));
        };
        let v: Value = from_json(fact, json).map_err(|e| e.to_string())?;
        answers.insert(fact_id.clone(), v);
    }
    let eval = evaluate(policy, &tree.id, &answers).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    match Verdict::parse(&case.verdict) {
        None => problems.push(format!("`{}` is not a verdict", case.verdict)),
        Some(v) if v != eval.outcome.verdict => problems.push(format!(
            "expected verdict `{}` but the tree gives `{}` (outcome `{}`)",
            case.verdict,
            eval.outcome.verdict.id(),
            eval.node
        )),
        Some(_) => {}
    }
    if case.cite != eval.outcome.cite {
        problems.push(format!(
            "expected citations [{}] but the outcome cites [{}]",
            case.cite.join(", "),
            eval.outcome.cite.join(", ")
        ));
    }
    if let Some(expected) = &case.outcome {
        if expected != &eval.node {
            problems.push(format!("expected outcome `{expected}` but reached `{}`", eval.node));
        }
    }
    if !case.amounts.is_empty() {
        let got: Vec<String> = eval.amounts.iter().map(|a| a.value.to_string()).collect();
        let want: Vec<String> = case
            .amounts
            .iter()
            .map(|s| crate::money::parse_money(s).map(|d| d.to_string()).unwrap_or_else(|_| s.clone()))
            .collect();
        if got != want {
            problems.push(format!("expected amounts [{}] but got [{}]", want.join(", "), got.join(", ")));
        }
    }
    let unused: Vec<&String> = case.facts.keys().filter(|f| !eval.steps.iter().any(|s| &s.fact == *f)).collect();
    if !unused.is_empty() {
        let names: Vec<String> = unused.iter().map(|f| format!("`{f}`")).collect();
        problems.push(format!("the case gives {} but its path never asks it", names.join(", ")));
    }
    Ok((eval, problems))
}
