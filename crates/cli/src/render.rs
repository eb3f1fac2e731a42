//! Plain-text rendering of an evaluation: the same trace the widget shows as "why".

use probity_core::eval::Evaluation;
use probity_core::model::Policy;
use std::fmt::Write as _;

/// Wraps a paragraph to a width, indenting every line.
pub fn wrap(text: &str, indent: &str, width: usize) -> String {
    let mut out = String::new();
    for paragraph in text.split('\n') {
        let mut line = String::from(indent);
        for word in paragraph.split_whitespace() {
            if line.len() > indent.len() && line.len() + 1 + word.len() > width {
                out.push_str(line.trim_end());
                out.push('\n');
                line = String::from(indent);
            }
            if line.len() > indent.len() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn evaluation(policy: &Policy, e: &Evaluation) -> String {
    let mut s = String::new();
    let tree_title = policy.tree(&e.tree).map_or("", |t| t.title.as_str());
    let _ = writeln!(s, "{} — {}", policy.header.council, tree_title);
    let _ = writeln!(s);
    let _ = writeln!(s, "{}: {}", e.outcome.label.to_uppercase(), e.outcome.headline);
    if let Some(summary) = &e.outcome.summary {
        s.push_str(&wrap(summary, "  ", 88));
    }
    if !e.outcome.actions.is_empty() {
        let _ = writeln!(s, "\nWhat to do:");
        for a in &e.outcome.actions {
            s.push_str(&wrap(&format!("[ ] {} — {}", a.who, a.what), "  ", 88));
        }
    }
    if !e.amounts.is_empty() {
        let _ = writeln!(s, "\nAmounts:");
        for a in &e.amounts {
            let _ = writeln!(
                s,
                "  {}: {} ({} × {} = {}, {})",
                a.label,
                a.display(),
                probity_core::money::format_money(a.of, true),
                a.multiply.normalize(),
                a.exact.normalize(),
                a.rule
            );
            if let Some(n) = &a.note {
                s.push_str(&wrap(n, "    ", 88));
            }
        }
    }
    let _ = writeln!(s, "\nWhy:");
    for step in &e.steps {
        let _ = writeln!(s, "  • {} — {}", step.question, step.display);
        let _ = writeln!(s, "    (answer {}: branch {})", step.condition, step.branch);
        for reference in &step.cite {
            let text = policy.clause(reference).unwrap_or_default();
            s.push_str(&wrap(&format!("{reference}: “{text}”"), "      ", 88));
        }
    }
    let _ = writeln!(s, "\nThe code says:");
    for reference in &e.outcome.cite {
        let text = policy.clause(reference).unwrap_or_default();
        s.push_str(&wrap(&format!("{reference}: “{text}”"), "  ", 88));
    }
    for n in &e.outcome.notes {
        let _ = writeln!(s, "\nNote — {}:", n.kind.label());
        s.push_str(&wrap(&n.text, "  ", 88));
    }
    let _ = writeln!(s, "\nSource: {} ({}), {}", policy.header.title, policy.header.version, policy.header.source);
    s
}

/// Diagnostics as text, one block each, with a closing count.
pub fn diagnostics(diags: &[probity_core::diag::Diagnostic]) -> String {
    let mut s = String::new();
    for d in diags {
        let _ = writeln!(s, "{d}\n");
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let _ = writeln!(s, "{errors} error(s), {warnings} warning(s)");
    s
}
