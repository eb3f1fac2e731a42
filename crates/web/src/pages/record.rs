//! The record an officer keeps: one sealed declaration v2 per set of answers and details, reused
//! by Download, Copy and Print (so a host page that uploads on the event can tell a repeat from
//! a new record), and the print-only lines that put when and the digest on paper.

use super::Heading;
use probity_core::declaration::v2::{build_answer, build_interests, BuildError};
use probity_core::declaration::{Declarant, WHAT_THE_DIGEST_PROVES};
use probity_core::eval::Evaluation;
use probity_core::model::Policy;
use probity_core::records::Occasion;
use std::collections::BTreeMap;
use yew::prelude::*;

/// One declaration, made once and kept while what it was made from stays the same.
#[derive(Debug)]
pub struct Record {
    /// What it was made from (answers, details, declarant), to know when to make a new one.
    pub from: String,
    pub json: String,
    pub digest: String,
    pub created_at: String,
}

impl Record {
    /// A declaration v2 of one answer with its details.
    pub fn answer(
        policy: &Policy,
        evaluation: &Evaluation,
        entered: &BTreeMap<String, String>,
        declarant: &Declarant,
        created_at: &str,
        from: String,
    ) -> Result<Record, BuildError> {
        let d = build_answer(policy, evaluation, entered, Some(declarant.clone()), created_at)?;
        let json = serde_json::to_string_pretty(&d).unwrap_or_default();
        Ok(Record { from, json, digest: d.digest, created_at: d.created_at })
    }

    /// A declaration of interests v2 (nil when there are none).
    pub fn interests(
        policy: &Policy,
        occasion: Occasion,
        interests: &[(Evaluation, BTreeMap<String, String>)],
        declarant: &Declarant,
        created_at: &str,
        from: String,
    ) -> Result<Record, BuildError> {
        let d = build_interests(policy, occasion, interests, Some(declarant.clone()), created_at)?;
        let json = serde_json::to_string_pretty(&d).unwrap_or_default();
        Ok(Record { from, json, digest: d.digest, created_at: d.created_at })
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

#[derive(Properties, PartialEq)]
pub struct MadeProps {
    /// The last record made on this page (time and digest), if any.
    pub made: Option<(String, String)>,
}

/// Shown only on paper: when the record was made, its digest, and what the digest proves.
#[function_component(MadeBlock)]
pub fn made_block(props: &MadeProps) -> Html {
    match &props.made {
        Some((created_at, digest)) => html! {
            <div class="pb-print-only pb-record" data-record="true">
                <Heading depth={1} class="pb-heading-m">{ "Record" }</Heading>
                <dl class="pb-summary-list">
                    <div class="pb-summary-list__row">
                        <dt class="pb-summary-list__key">{ "Made" }</dt>
                        <dd class="pb-summary-list__value pb-record__value">{ human_time(created_at) }</dd>
                    </div>
                    <div class="pb-summary-list__row">
                        <dt class="pb-summary-list__key">{ "Digest" }</dt>
                        <dd class="pb-summary-list__value pb-record__value">{ digest }</dd>
                    </div>
                </dl>
                <p class="pb-body">{ WHAT_THE_DIGEST_PROVES }</p>
            </div>
        },
        None => html! {},
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
