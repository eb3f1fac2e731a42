//! A tree as a graph for the studio's drawing: questions, branches with their conditions in
//! words, outcomes with their verdicts. The layout is the browser's job (dagre); this says only
//! what is there.

use probity_core::eval::describe_condition;
use probity_core::model::{Node, Policy, Tree};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

#[derive(Debug, Serialize)]
pub struct GraphNode {
    pub id: String,
    /// `question` or `outcome`.
    pub kind: &'static str,
    /// The question as asked, or the outcome's headline.
    pub text: String,
    pub start: bool,
    /// An outcome's verdict id and its wording for the tree's kind.
    pub verdict: Option<String>,
    pub label: Option<String>,
    pub line: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    /// 1-based, as the checker numbers branches.
    pub branch: usize,
    pub condition: String,
}

pub fn graph(policy: &Policy, tree: &Tree, line: impl Fn(&str) -> Option<usize>) -> Graph {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for (id, node) in &tree.nodes {
        let start = *id == tree.start;
        match node {
            Node::Question(q) => {
                nodes.push(GraphNode {
                    id: id.clone(),
                    kind: "question",
                    text: q.question.clone(),
                    start,
                    verdict: None,
                    label: None,
                    line: line(id),
                });
                for (i, b) in q.branches.iter().enumerate() {
                    let condition = match policy.fact(&q.fact) {
                        Some(fact) => describe_condition(&b.when, fact),
                        None => String::new(),
                    };
                    edges.push(GraphEdge { from: id.clone(), to: b.go.clone(), branch: i + 1, condition });
                }
            }
            Node::Outcome(o) => nodes.push(GraphNode {
                id: id.clone(),
                kind: "outcome",
                text: o.headline.clone(),
                start,
                verdict: Some(o.verdict.id().to_string()),
                label: Some(o.label.clone()),
                line: line(id),
            }),
        }
    }
    Graph { nodes, edges }
}
