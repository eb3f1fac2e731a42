//! A session: one officer answering one tree, with back and change.
//!
//! The session keeps only answers (keyed by fact) and which question is being looked at again,
//! if any. The path and the next question are always recomputed from the answers, so "back",
//! "change" and the browser's own back button can never disagree with each other.

use crate::eval::{facts_reachable_from, walk, End, EvalError, Evaluation, Walk};
use crate::model::{Fact, Node, Policy, QuestionNode};
use crate::value::{parse_input, Value, ValueError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Session {
    pub tree: String,
    /// What the officer has answered, by fact.
    pub answers: BTreeMap<String, Value>,
    /// Facts given up front (by the host page or a facts file): never asked, never dropped.
    pub preset: BTreeMap<String, Value>,
    /// The fact whose question is being revisited (after Back or Change), if any.
    pub revisiting: Option<String>,
}

/// The page the officer should see now.
#[derive(Debug, Clone, PartialEq)]
pub enum Page<'p> {
    Question { node: String, question: &'p QuestionNode, fact: &'p Fact, current: Option<Value> },
    Outcome(Box<Evaluation>),
}

impl Session {
    pub fn new(tree: impl Into<String>) -> Self {
        Session { tree: tree.into(), ..Default::default() }
    }

    pub fn with_preset(tree: impl Into<String>, preset: BTreeMap<String, Value>) -> Self {
        Session { tree: tree.into(), preset, ..Default::default() }
    }

    /// Preset facts and answers together; an officer's answer never overrides a preset.
    pub fn all_answers(&self) -> BTreeMap<String, Value> {
        let mut all = self.answers.clone();
        all.extend(self.preset.iter().map(|(k, v)| (k.clone(), v.clone())));
        all
    }

    pub fn walk(&self, policy: &Policy) -> Result<Walk, EvalError> {
        walk(policy, &self.tree, &self.all_answers())
    }

    /// The page to show: the question being revisited, else the first unanswered question, else
    /// the outcome.
    pub fn page<'p>(&self, policy: &'p Policy) -> Result<Page<'p>, EvalError> {
        let w = self.walk(policy)?;
        let tree = policy
            .tree(&self.tree)
            .ok_or_else(|| EvalError::UnknownTree { tree: self.tree.clone(), policy: policy.header.id.clone() })?;
        let question_page = |node: &str| -> Result<Page<'p>, EvalError> {
            let Some(Node::Question(q)) = tree.node(node) else {
                return Err(EvalError::Broken { node: node.to_string() });
            };
            let fact = policy.fact(&q.fact).ok_or_else(|| EvalError::Broken { node: node.to_string() })?;
            Ok(Page::Question {
                node: node.to_string(),
                question: q,
                fact,
                current: self.answers.get(&q.fact).cloned(),
            })
        };
        if let Some(fact) = &self.revisiting {
            if let Some(step) = w.steps.iter().find(|s| &s.fact == fact) {
                return question_page(&step.node);
            }
        }
        match &w.end {
            End::Ask(node) => question_page(node),
            End::Outcome(_) => {
                crate::eval::evaluate(policy, &self.tree, &self.all_answers()).map(|e| Page::Outcome(Box::new(e)))
            }
        }
    }

    /// Records an answer given as text or an option id, checking it against its fact.
    /// On error nothing changes, so no earlier answer is ever lost.
    pub fn answer_text(&mut self, policy: &Policy, fact_id: &str, input: &str) -> Result<(), ValueError> {
        let fact = policy.fact(fact_id).ok_or_else(|| ValueError::UnknownOption {
            fact: fact_id.to_string(),
            given: input.to_string(),
            options: Vec::new(),
        })?;
        let value = parse_input(fact, input)?;
        self.answer(policy, fact_id, value);
        Ok(())
    }

    /// Records an answer, then drops answers that can no longer apply: those not on the new
    /// path and not askable from where the path now stops. Answers that still apply are kept.
    pub fn answer(&mut self, policy: &Policy, fact_id: &str, value: Value) {
        self.answers.insert(fact_id.to_string(), value);
        self.revisiting = None;
        self.prune(policy);
    }

    fn prune(&mut self, policy: &Policy) {
        let Ok(w) = self.walk(policy) else { return };
        let mut keep: Vec<String> = w.facts().into_iter().map(str::to_string).collect();
        if let (End::Ask(node), Some(tree)) = (&w.end, policy.tree(&self.tree)) {
            keep.extend(facts_reachable_from(tree, node));
        }
        self.answers.retain(|fact, _| keep.contains(fact));
    }

    /// The officer's own answered questions on the current path, in order (presets excluded).
    pub fn answered_path(&self, policy: &Policy) -> Vec<String> {
        self.walk(policy)
            .map(|w| w.steps.into_iter().map(|s| s.fact).filter(|f| !self.preset.contains_key(f)).collect())
            .unwrap_or_default()
    }

    /// Goes back one question. Returns false when there is nothing before (the start page).
    pub fn back(&mut self, policy: &Policy) -> bool {
        let path = self.answered_path(policy);
        let target = match &self.revisiting {
            Some(f) => path.iter().position(|p| p == f).and_then(|i| i.checked_sub(1)).and_then(|i| path.get(i)),
            None => path.last(),
        };
        match target {
            Some(f) => {
                self.revisiting = Some(f.clone());
                true
            }
            None => false,
        }
    }

    /// Opens an earlier question to change its answer (a Change link).
    pub fn change(&mut self, fact: &str) {
        self.revisiting = Some(fact.to_string());
    }

    /// Leaves revisiting and returns to the first unanswered question or the outcome.
    pub fn resume(&mut self) {
        self.revisiting = None;
    }

    /// A key naming the page, for the browser history: the revisited fact, or the frontier.
    pub fn page_key(&self, policy: &Policy) -> String {
        match self.page(policy) {
            Ok(Page::Question { question, .. }) => format!("q:{}", question.fact),
            Ok(Page::Outcome(_)) => "outcome".to_string(),
            Err(_) => "error".to_string(),
        }
    }
}
