//! One outcome node: verdict, headline, actions, notes and amounts (L014, L015).

use super::*;

pub(super) fn check_outcome(
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
                loc(r, Some(format!("action {}", ordinal(i)))),
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
                phone::note(&note.text, r, loc(r, Some(format!("note {}", ordinal(i)))));
                notes.push(Note { kind, text: note.text.clone(), detail: note.detail.clone() });
            }
            Some(_) => r.push(
                Code::L015,
                loc(r, Some(format!("note {}", ordinal(i)))),
                "the note has no text",
                "say what the code says, how this tool reads it, and whom to ask",
            ),
            None => r.push(
                Code::L015,
                loc(r, Some(format!("note {}", ordinal(i)))),
                format!("`{}` is not a kind of note", note.kind),
                "use one of: ambiguous, contradiction, wrong_reference, out_of_date, silent, interpretation",
            ),
        }
    }
    let mut amounts = Vec::new();
    for (i, a) in n.amounts.iter().enumerate() {
        let aloc = |r: &Reporter| loc(r, Some(format!("amount {}", ordinal(i))));
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
            Some(t) => match parse_bound_text(t) {
                // Bounded so that the largest answer (£1,000,000) times it is far inside what a
                // decimal can hold: an amount can then always be worked out.
                Ok(m) if m >= Decimal::ZERO && m <= max_multiply() => Some(m),
                Ok(m) => {
                    r.push(
                        Code::L015,
                        aloc(r),
                        format!("`multiply` is `{m}`; it must be from 0 to 100"),
                        "write the share or multiple of the answer, for example \"0.5\" for half",
                    );
                    None
                }
                Err(m) => {
                    r.push(Code::L015, aloc(r), format!("`multiply` {m}"), "write it as text, for example \"0.5\"");
                    None
                }
            },
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
