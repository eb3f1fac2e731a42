//! Error messages written for each question, as the GOV.UK error-message guidance asks: they say
//! what to do about this question ("Enter how much the fee is", "Select what the fee is for"),
//! and an empty answer reads differently from one that cannot be used.
//!
//! The core's messages (`ValueError::field_message`) are generic, because the core does not know
//! how a question reads in a sentence; these are the widget's wording of the shared vocabulary.
//! A fact without an entry here (a council's own `policy-src` vocabulary is the same, so only a
//! new vocabulary fact) falls back to a message built from its kind; a test lists any missing.

use probity_core::model::{Fact, FactKind};
use probity_core::money::MoneyError;
use probity_core::value::ValueError;

/// For a choice: what to select ("what the fee is for"). For yes/no: what "yes" means
/// ("you suspect an improper motive"). For money and numbers: what to enter, and the subject
/// of a sentence about a wrong value ("how much the fee is", "The fee").
fn phrase(fact: &str) -> Option<(&'static str, &'static str)> {
    Some(match fact {
        "derbyshire_concerns_about_raising_with_line_manager" => {
            ("you have concerns about raising it with your line manager", "")
        }
        "derbyshire_related_or_close_association" => {
            ("you are related to the person or closely associated with them", "")
        }
        "derbyshire_wish_to_maintain_confidentiality" => ("you wish to keep your concern confidential", ""),
        "derbyshire_work_could_conflict_overlap_or_weaken_confidence" => {
            ("the work could create a conflict, overlap with your duties or weaken public confidence", "")
        }
        "kent_closed_or_secret_body" => ("the organisation is closed to non-members or requires secrecy", ""),
        "kent_hospitality_authorised" => ("accepting it was properly authorised before the event", ""),
        "kent_media_authorised" => ("you have specific authority to deal with media enquiries", ""),
        "kent_outside_work_conflicts_with_kcc_interests" => {
            ("the outside work could conflict with KCC's interests", "")
        }
        "kent_relationship_with_contractor" => ("you have a business or private relationship with the contractor", ""),
        "kent_relative_partner_or_close_friend" => ("the person is your relative, partner or close friend", ""),
        "kent_wound_up_may_impact_role" => ("the winding up could affect your role and duties", ""),
        "milton_keynes_grade_h_or_above" => ("you are employed on Grade H or above", ""),
        "milton_keynes_relative_partner_or_friend" => ("how you know the person", ""),
        "milton_keynes_work_conflicts_confidence_or_duties" => {
            ("the work could conflict with the council's interests, confidence in it, or your duties", "")
        }
        "oxfordshire_appendix_relationship" => ("which of the code's definitions fits the person", ""),
        "oxfordshire_closed_organisation_all_three" => ("all three of the code's conditions apply", ""),
        "oxfordshire_hospitality_benefit" => ("what the council would gain", ""),
        "oxfordshire_protest_supports_party" => ("the protest is in support of a political party", ""),
        "oxfordshire_reason_to_refuse_offer" => ("whether either of these applies", ""),
        "oxfordshire_related_or_close_personal_relationship" => {
            ("you are related to the person or have a close personal relationship with them", "")
        }
        "part6b_gift_already_received" => ("you have already received the gift", ""),
        "authorised_in_advance" => ("your attendance was authorised and recorded before the event", ""),
        "close_relationship_with_person" => ("you are related to the person or close to them outside work", ""),
        "comfortable_raising_with_line_manager" => {
            ("you are comfortable raising the concern with your line manager", "")
        }
        "company_operates_in_council_area" => ("the company operates within the council's area", ""),
        "concern_about_own_employment" => ("it is about your own employment", ""),
        "concern_detail" => ("which best describes it", ""),
        "concern_is_health_and_safety" => ("it is a health and safety problem", ""),
        "concern_kind" => ("what your concern is about", ""),
        "connected_with_your_duties" => ("it is connected with your council job or duties", ""),
        "contract_says_politically_restricted" => ("your contract says your post is politically restricted", ""),
        "could_damage_reputation" => ("it could damage the council's reputation", ""),
        "deal_with_them_at_work" => ("you are involved with them in your work for the council", ""),
        "decision_kind" => ("what the decision or task is", ""),
        "defined_relationship" => ("which of these describes the person", ""),
        "discount_kind" => ("what kind of discount, rate or reward it is", ""),
        "election_body" => ("what the election is for", ""),
        "election_is_for_own_council" => ("the election is for the council you work for", ""),
        "fee_activity" => ("what the fee is for", ""),
        "fee_amount" => ("how much the fee is", "The fee"),
        "financial_interest_detail" => ("which kind of financial interest it is", ""),
        "gift_delivered" => ("the gift has already been delivered to you", ""),
        "gift_given_to" => ("who the gift is for", ""),
        "gift_type" => ("what kind of gift it is", ""),
        "giver" => ("who is offering it", ""),
        "giver_in_negotiation" => ("the giver is bidding for work or negotiating with the council", ""),
        "grade_h_or_above" => ("you are employed on Grade H or above", ""),
        "hospitality_builds_professional_relationships" => ("the hospitality supports professional relationships", ""),
        "hospitality_commensurate_benefit" => ("the council would get a benefit in proportion to its worth", ""),
        "hospitality_purpose" => ("the main purpose of the hospitality", ""),
        "improper_motive" => ("you suspect an improper motive behind the offer", ""),
        "interest_could_conflict" => ("the interest could conflict with the council's interests or your work", ""),
        "interest_held_by" => ("whose interest it is", ""),
        "interest_kind" => ("what kind of interest or relationship it is", ""),
        "it_equipment_kind" => ("what you want to use", ""),
        "lecture_setting" => ("when and for whom the lecture is", ""),
        "legacy_from_service_user" => ("the person who left you the legacy may have benefited from your services", ""),
        "legal_event" => ("what has happened", ""),
        "media_is_your_job" => ("speaking to the media for the council is part of your job", ""),
        "media_needs_opinion_or_policy" => ("the reply needs an opinion or a statement of council policy", ""),
        "media_situation" => ("what the situation is", ""),
        "offer_invited" => ("you asked for, invited or encouraged it", ""),
        "offer_kind" => ("what you have been offered", ""),
        "offer_value" => ("roughly how much it is worth", "What it is worth"),
        "offered_because_of_council_job" => ("the role was offered to you because of your council job", ""),
        "offers_last_three_months" => (
            "how many gifts or offers of hospitality you have had in the last three months",
            "The number of gifts and offers",
        ),
        "on_party_political_lines" => ("you would be speaking or writing on party political lines", ""),
        "other_payment_method_available" => ("there is another way to pay for the council purchase", ""),
        "outside_work_conflicts" => ("the outside work could conflict with the council's interests", ""),
        "outside_work_exceeds_working_time" => ("you could work more than the Working Time Regulations allow", ""),
        "outside_work_kind" => ("what kind of outside work it is", ""),
        "outside_work_paid" => ("you will be paid for the outside work", ""),
        "outside_work_uses_council_information" => ("the outside work would use information from your council job", ""),
        "personal_use_authorised_in_advance" => ("the personal use has been authorised in advance", ""),
        "political_activity_kind" => ("what you want to do", ""),
        "post_exempt_from_rehabilitation_act" => ("your post needs a criminal record check", ""),
        "post_on_restricted_list" => ("your post is on the council's list of politically restricted posts", ""),
        "post_politically_restricted" => ("your post is politically restricted", ""),
        "post_regularly_advises_councillors" => ("your post involves advising councillors or committees regularly", ""),
        "post_speaks_to_media_regularly" => ("your post involves speaking to journalists regularly", ""),
        "public_appointment" => ("it is a public appointment", ""),
        "relationship_type" => ("how you are connected to the person", ""),
        "resource_use" => ("what you want to use", ""),
        "resource_use_purpose" => ("what you want to use it for", ""),
        "restricted_specified_post" => ("whether your post is one of these", ""),
        "reward_scheme_kind" => ("where the rewards come from", ""),
        "salary_above_scp44" => ("your salary is above spinal column point 44", ""),
        "senior_role" => ("which best describes your role", ""),
        "social_function_part_of_community_life" => ("the function is part of the life of the community", ""),
        "sponsorship_of_council_activity" => ("it is an offer to sponsor a council activity", ""),
        "trade_union_or_professional_membership" => ("it is trade union or professional society membership", ""),
        "use_for_outside_work" => ("it is for your outside work or a second job", ""),
        "works_with_children_or_vulnerable_adults" => ("your role involves services for children or adults", ""),
        _ => return None,
    })
}

/// The message for `error` on `fact`, for the error summary and beside the field.
pub fn field_message(fact: &Fact, error: &ValueError) -> String {
    let phrase = phrase(&fact.id);
    let what = phrase.map(|p| p.0);
    let subject = phrase.map(|p| p.1).filter(|s| !s.is_empty());
    match (&fact.kind, error) {
        (FactKind::YesNo { .. }, _) => match what {
            Some(w) => format!("Select yes if {w}"),
            None => "Select yes or no".to_string(),
        },
        (FactKind::Choice, _) => match what {
            Some(w) => format!("Select {w}"),
            None => "Select an answer".to_string(),
        },
        (FactKind::Money, ValueError::Money { error, .. }) => {
            let subject = subject.unwrap_or("The amount");
            match error {
                MoneyError::Empty => {
                    what.map_or_else(|| "Enter the amount in pounds".to_string(), |w| format!("Enter {w}"))
                }
                MoneyError::NotANumber { .. } => format!("{subject} must be an amount in pounds, like 25 or 25.50"),
                MoneyError::DecimalComma { .. } => format!("{subject} must use a full stop for pence, like 25.50"),
                MoneyError::ThousandsPoint { .. } => {
                    format!("{subject} must have pence as two digits after a full stop, like 2.50, or thousands with a comma, like 2,500")
                }
                MoneyError::Negative { .. } => format!("{subject} must be £0 or more"),
                MoneyError::TooManyDecimalPlaces { .. } => {
                    format!("{subject} must be to the nearest penny, like 25.50")
                }
                MoneyError::TooLarge { .. } => format!("{subject} must be £1,000,000 or less"),
            }
        }
        (FactKind::WholeNumber { min, max }, e) => {
            let subject = subject.unwrap_or("The number");
            match e {
                ValueError::NotAWholeNumber { given, .. } if given.trim().is_empty() => {
                    what.map_or_else(|| "Enter a number".to_string(), |w| format!("Enter {w}"))
                }
                ValueError::OutOfRange { .. } => format!("{subject} must be between {min} and {max}"),
                _ => format!("{subject} must be a whole number, like 3"),
            }
        }
        _ => error.field_message(),
    }
}

/// Facts of the built-in vocabulary with no message of their own here.
#[cfg(test)]
pub fn facts_without_message<'a>(facts: impl Iterator<Item = &'a Fact>) -> Vec<String> {
    facts.filter(|f| phrase(&f.id).is_none()).map(|f| f.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_built_in_fact_has_its_own_message() {
        let bundle = crate::bundled::embedded();
        for policy in bundle.catalog.policies.values() {
            assert_eq!(facts_without_message(policy.facts.values()), Vec::<String>::new(), "{}", policy.header.id);
        }
    }

    #[wasm_bindgen_test]
    fn empty_and_invalid_read_differently() {
        let bundle = crate::bundled::embedded();
        let policy = bundle.catalog.policy("kent").expect("kent");
        let fee = policy.fact("fee_amount").expect("fee_amount");
        let message = |text: &str| field_message(fee, &probity_core::value::parse_input(fee, text).expect_err(text));
        assert_eq!(message(""), "Enter how much the fee is");
        assert_eq!(message("abc"), "The fee must be an amount in pounds, like 25 or 25.50");
        assert_eq!(message("-5"), "The fee must be £0 or more");
    }
}
