//! A catalog: the vocabulary and every council's checked policy, built from texts the caller
//! supplies (the CLI reads them from `policies/`, the widget has them compiled in). Also the
//! cross-council comparison, which needs all of them at once.

use crate::check::{check_policy_with, check_vocabulary, CheckOptions};
use crate::diag::{Code, Diagnostic, Location};
use crate::eval::{evaluate, EvalError, Evaluation};
use crate::model::{Policy, Vocabulary};
use crate::raw::{parse_policy, parse_vocabulary, Format};
use crate::value::from_json;
use std::collections::BTreeMap;

/// One source text: a label for messages (usually the file name), the text and its format.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    pub label: &'a str,
    pub text: &'a str,
    pub format: Format,
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub vocabulary: Vocabulary,
    pub policies: BTreeMap<String, Policy>,
}

/// What loading found: the catalog of every policy that checked, and all diagnostics.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
}

fn unreadable(label: &str, e: &crate::raw::ParseError) -> Diagnostic {
    Diagnostic::new(
        Code::P001,
        Location { policy: label.to_string(), tree: None, node: None, detail: e.line.map(|l| format!("line {l}")) },
        format!("cannot read the file: {}", e.message),
        "fix the syntax or the misspelt key; policies/README.md lists every key a policy may use",
    )
}

/// Checks the vocabulary, then each policy against it. Never stops at the first problem.
pub fn load(vocabulary: Source<'_>, policies: &[Source<'_>]) -> Loaded {
    load_with(vocabulary, policies, CheckOptions::default())
}

/// [`load`] with checking options.
pub fn load_with(vocabulary: Source<'_>, policies: &[Source<'_>], options: CheckOptions) -> Loaded {
    let mut diagnostics = Vec::new();
    let vocab = match parse_vocabulary(vocabulary.text, vocabulary.format) {
        Ok(raw) => {
            let checked = check_vocabulary(&raw);
            diagnostics.extend(checked.diagnostics);
            checked.value.unwrap_or_default()
        }
        Err(e) => {
            diagnostics.push(unreadable(vocabulary.label, &e));
            Vocabulary::default()
        }
    };
    let mut catalog = Catalog { vocabulary: vocab, policies: BTreeMap::new() };
    for source in policies {
        // Refused before it is parsed: a file too large to check quickly is not read (L022).
        if let Err((message, help)) = crate::check::limits::file(source.text.len(), &crate::check::Limits::DEFAULT) {
            let location = Location { policy: source.label.to_string(), ..Default::default() };
            diagnostics.push(Diagnostic::new(Code::L022, location, message, help));
            continue;
        }
        match parse_policy(source.text, source.format) {
            Ok(raw) => {
                let checked = check_policy_with(&raw, &catalog.vocabulary, source.label, options);
                diagnostics.extend(checked.diagnostics);
                if let Some(p) = checked.value {
                    if catalog.policies.contains_key(&p.header.id) {
                        diagnostics.push(Diagnostic::new(
                            Code::L015,
                            Location { policy: source.label.to_string(), ..Default::default() },
                            format!("policy id `{}` is used by another file too", p.header.id),
                            "give each council's file its own id",
                        ));
                    } else {
                        catalog.policies.insert(p.header.id.clone(), p);
                    }
                }
            }
            Err(e) => diagnostics.push(unreadable(source.label, &e)),
        }
    }
    Loaded { catalog, diagnostics }
}

/// A bundle (`probity bundle`: `{"vocabulary": …, "policies": [ … ]}` in JSON) split into the
/// texts [`load_with`] takes, as slices of the bundle's own text: each policy is parsed and
/// checked on its own, so one broken policy never hides the others, and the text is not printed
/// back out from parsed values (the browser pages that load a bundle feel that at start-up).
#[cfg(feature = "bundle")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BundleParts<'a> {
    #[serde(borrow)]
    vocabulary: &'a serde_json::value::RawValue,
    #[serde(borrow)]
    policies: Vec<&'a serde_json::value::RawValue>,
}

/// Loads a bundle as [`load_with`] loads files, each policy labelled "built-in policy N" (its id
/// is inside). `extra` is one more policy (a council's own file); it replaces a bundled policy
/// with the same id, so a council can publish its edited code without a rebuild.
#[cfg(feature = "bundle")]
pub fn load_bundle(bundle: &str, extra: Option<Source<'_>>, options: CheckOptions) -> Loaded {
    let parts: BundleParts<'_> = match serde_json::from_str(bundle) {
        Ok(parts) => parts,
        Err(e) => {
            let error = crate::raw::ParseError { message: e.to_string(), line: Some(e.line()) };
            return Loaded { catalog: Catalog::default(), diagnostics: vec![unreadable("built-in bundle", &error)] };
        }
    };
    let labels: Vec<String> = (1..=parts.policies.len()).map(|n| format!("built-in policy {n}")).collect();
    let replaced = extra.as_ref().and_then(|e| policy_id(e.text));
    let mut list: Vec<Source<'_>> = parts
        .policies
        .iter()
        .zip(&labels)
        .filter(|(text, _)| replaced.is_none() || policy_id(text.get()) != replaced)
        .map(|(text, label)| Source { label, text: text.get(), format: Format::Json })
        .collect();
    list.extend(extra);
    load_with(Source { label: "vocabulary", text: parts.vocabulary.get(), format: Format::Json }, &list, options)
}

/// The id in a JSON policy's `[policy]` header, read as a plain value, so it is found even when
/// the policy does not parse as a policy or does not check (which id a council's own file
/// replaces, or is known by, is decided before and after checking it). `None` when the text is
/// not JSON or has no string id there.
#[cfg(feature = "bundle")]
pub fn policy_id(json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    value.get("policy")?.get("id")?.as_str().map(str::to_string)
}

/// One council's result in a comparison.
#[derive(Debug, Clone)]
pub struct CompareRow<'p> {
    pub policy: &'p Policy,
    pub result: Result<Evaluation, CompareProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareProblem {
    /// The facts given do not answer every question this council's tree asks.
    Eval(EvalError),
    /// A fact's value does not fit this council's use of it.
    BadValue(String),
}

impl std::fmt::Display for CompareProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompareProblem::Eval(e) => e.fmt(f),
            CompareProblem::BadValue(m) => f.write_str(m),
        }
    }
}

impl Catalog {
    pub fn policy(&self, id: &str) -> Option<&Policy> {
        self.policies.get(id)
    }

    /// The same facts against every council that has the tree. Facts a council does not ask
    /// are ignored for that council.
    pub fn compare(&self, tree: &str, facts: &BTreeMap<String, serde_json::Value>) -> Vec<CompareRow<'_>> {
        self.policies
            .values()
            .filter(|p| p.tree(tree).is_some())
            .map(|policy| {
                let mut answers = BTreeMap::new();
                let mut bad = None;
                for (fact_id, json) in facts {
                    if let Some(fact) = policy.fact(fact_id) {
                        match from_json(fact, json) {
                            Ok(v) => {
                                answers.insert(fact_id.clone(), v);
                            }
                            Err(e) => bad = Some(e.to_string()),
                        }
                    }
                }
                let result = match bad {
                    Some(m) => Err(CompareProblem::BadValue(m)),
                    None => evaluate(policy, tree, &answers).map_err(CompareProblem::Eval),
                };
                CompareRow { policy, result }
            })
            .collect()
    }

    /// The next fact some council needs before every council can answer: its id and the
    /// question that asks it (the shared wording, since the answer is compared across councils),
    /// with the councils waiting on it. `None` when every council that has the tree answers.
    /// Asked one at a time, so the compare page can ask them one per page, as a walk does.
    pub fn next_missing(
        &self,
        tree: &str,
        facts: &BTreeMap<String, serde_json::Value>,
    ) -> Option<(crate::model::Fact, Vec<String>)> {
        let rows = self.compare(tree, facts);
        let mut next: Option<crate::model::Fact> = None;
        let mut waiting = Vec::new();
        for row in &rows {
            let Err(CompareProblem::Eval(EvalError::Missing { needed, .. })) = &row.result else { continue };
            let Some((fact_id, _)) = needed.first() else { continue };
            match &next {
                None => {
                    next = row.policy.fact(fact_id).cloned();
                    waiting.push(row.policy.header.council.clone());
                }
                Some(f) if &f.id == fact_id => waiting.push(row.policy.header.council.clone()),
                Some(_) => {}
            }
        }
        next.map(|f| (f, waiting))
    }
}
