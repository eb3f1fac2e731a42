//! The record an officer keeps of an outcome: one sealed declaration per set of answers and
//! details, reused by Download, Copy and Print (so a host page that uploads on the event can tell
//! a repeat from a new record), and the print-only block that puts who, when and the digest on
//! paper.

use super::Heading;
use probity_core::declaration::{build, Declarant, Declaration};
use probity_core::eval::Evaluation;
use probity_core::model::Policy;
use std::rc::Rc;
use yew::prelude::*;

/// What the record's digest shows, and what it does not (security review 2026-11, row 5).
pub const DIGEST_MEANS: &str = "The reference (a digest) shows that the record is unchanged since it was made and \
     consistent with the policy version it names. It is not a signature: it does not prove who made it or that the \
     answers are true.";

/// One declaration, made once and kept while the answers and details stay the same.
#[derive(Debug)]
pub struct Record {
    pub declarant: Declarant,
    pub evaluation: Rc<Evaluation>,
    pub declaration: Declaration,
    pub json: String,
}

impl Record {
    pub fn make(policy: &Policy, evaluation: Rc<Evaluation>, declarant: Declarant, created_at: &str) -> Record {
        let declaration = build(policy, &evaluation, Some(declarant.clone()), created_at);
        let json = declaration.to_json_pretty();
        Record { declarant, evaluation, declaration, json }
    }

    /// The record id the host page receives with each export: the digest, which is the same for
    /// a repeat of this record and different for any other.
    pub fn id(&self) -> &str {
        &self.declaration.digest
    }

    /// Whether this record still stands for these answers and details.
    pub fn is_for(&self, evaluation: &Evaluation, declarant: &Declarant) -> bool {
        &self.declarant == declarant && *self.evaluation == *evaluation
    }
}

/// `2026-11-12T14:03:05.120Z` as "12 November 2026, 14:03 UTC"; any other text as it is.
pub fn human_time(rfc3339: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts = (|| {
        let (date, time) = rfc3339.split_once('T')?;
        let mut d = date.split('-');
        let (y, m, day) = (d.next()?, d.next()?.parse::<usize>().ok()?, d.next()?.parse::<u32>().ok()?);
        let month = MONTHS.get(m.checked_sub(1)?)?;
        let hm = time.get(..5)?;
        let zone = if time.ends_with('Z') { " UTC" } else { "" };
        Some(format!("{day} {month} {y}, {hm}{zone}"))
    })();
    parts.unwrap_or_else(|| rfc3339.to_string())
}

/// A record as a property: the same record is the same `Rc` (comparing whole declarations
/// field by field would only add code to the wasm).
#[derive(Clone, Debug)]
pub struct Made(pub Rc<Record>);

impl PartialEq for Made {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct BlockProps {
    /// The last record made on this page, if any.
    pub record: Option<Made>,
    /// The details as typed now (shown when no record has been made yet).
    pub declarant: Declarant,
    pub policy_title: String,
}

/// Shown only on paper: who made the record, when, and its reference.
#[function_component(RecordBlock)]
pub fn record_block(props: &BlockProps) -> Html {
    let record = props.record.as_ref().map(|m| &m.0);
    let declarant = record.map_or(&props.declarant, |r| &r.declarant);
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    let rows: Vec<(&str, String)> = [
        ("Name", given(&declarant.name)),
        ("Job title", given(&declarant.job_title)),
        ("Team", given(&declarant.team)),
        ("Work email", given(&declarant.email)),
        ("Made", record.map(|r| human_time(&r.declaration.created_at))),
        ("Reference", record.map(|r| r.id().to_string())),
        ("Policy", Some(props.policy_title.clone())),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    html! {
        <div class="pb-print-only pb-record" data-record="true">
            <Heading depth={1} class="pb-heading-m">{ "Record" }</Heading>
            <dl class="pb-summary-list">
                { for rows.into_iter().map(|(k, v)| html! {
                    <div class="pb-summary-list__row">
                        <dt class="pb-summary-list__key">{ k }</dt>
                        <dd class="pb-summary-list__value pb-record__value">{ v }</dd>
                    </div>
                }) }
            </dl>
            if props.record.is_some() {
                <p class="pb-body">{ DIGEST_MEANS }</p>
            } else {
                <p class="pb-body">{ "Printed without a reference: use the Print button on the page for a record with its time and reference." }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn times_read_as_people_write_them() {
        assert_eq!(human_time("2026-11-12T14:03:05.120Z"), "12 November 2026, 14:03 UTC");
        assert_eq!(human_time("2026-01-02T09:00:00+01:00"), "2 January 2026, 09:00");
        assert_eq!(human_time("not a time"), "not a time");
        assert_eq!(human_time("2026-13-01T00:00:00Z"), "2026-13-01T00:00:00Z");
    }
}
