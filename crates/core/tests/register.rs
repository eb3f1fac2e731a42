//! The register half of declarations: record details, declaration v2 (an answer with its
//! details; a declaration of interests), versions kept in the archive, and register rows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::archive::{self, ArchiveInfo, Archived, Versions};
use probity_core::declaration::v2::{build_answer, build_interests, BuildError, DeclarationV2};
use probity_core::declaration::{build, verify_any, AnyDeclaration, Refusal, VerifyError};
use probity_core::eval::{evaluate, Evaluation};
use probity_core::model::Policy;
use probity_core::records::{check_details, fields_for, Occasion};
use probity_core::register::{csv, rows, Added, Register, COLUMNS};
use probity_core::value::from_json;
use probity_core::{Catalog, Format, Source};
use serde_json::{json, Value as J};
use std::collections::BTreeMap;

/// Kent as released before this issue (main at 97634c5): the archive file recovered from git.
const KENT_BEFORE: &str = include_str!("../../../policies/archive/kent/1f84ff3d6a059fd4.json");
const NOW: &str = "2026-11-23T09:00:00Z";

fn day(s: &str) -> time::Date {
    probity_core::dates::parse_iso(s).unwrap()
}

fn eval(policy: &Policy, tree: &str, facts: J) -> Evaluation {
    let answers: BTreeMap<_, _> = facts
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), from_json(policy.fact(k).unwrap(), v).unwrap()))
        .collect();
    evaluate(policy, tree, &answers).unwrap()
}

fn typed(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn wine() -> J {
    json!({"offer_kind": "gift", "giver": "contractor", "gift_type": "alcohol"})
}

fn wine_details() -> BTreeMap<String, String> {
    typed(&[
        ("offered_by_person", "Sam Jones"),
        ("offered_by_organisation", "Acme Supplies Ltd"),
        ("what_offered", "A bottle of wine"),
        ("date_offered", "20/11/2026"),
        ("action_taken", "declined"),
    ])
}

fn reseal(v: &mut J) {
    let mut without = v.clone();
    without.as_object_mut().unwrap().remove("digest");
    v["digest"] = J::String(probity_core::jcs::digest_of(&without).unwrap());
}

#[test]
fn each_tree_names_its_record_fields_from_the_vocabulary() {
    let catalog = common::catalog();
    let kent = catalog.policy("kent").unwrap();
    let gifts: Vec<(String, bool)> = fields_for(kent, "gifts").into_iter().map(|f| (f.field.id, f.required)).collect();
    assert_eq!(
        gifts,
        [
            ("offered_by_person", true),
            ("what_offered", true),
            ("date_offered", true),
            ("action_taken", true),
            ("offered_by_organisation", false),
            ("event_date", false),
            ("reason", false)
        ]
        .map(|(f, r)| (f.to_string(), r))
    );
    // Reporting a concern is confidential: no register details are asked.
    assert!(fields_for(kent, "reporting-concerns").is_empty());
    // Every council keeps the same details for the same question, and every field the
    // vocabulary defines is used by some tree.
    let used: std::collections::BTreeSet<&String> = catalog
        .policies
        .values()
        .flat_map(|p| p.trees.values())
        .flat_map(|t| t.record.iter().map(|u| &u.field))
        .collect();
    assert_eq!(used.len(), catalog.vocabulary.records.len(), "a record field no tree names: {used:?}");
}

#[test]
fn details_are_checked_field_by_field() {
    let catalog = common::catalog();
    let kent = catalog.policy("kent").unwrap();
    let made = day("2026-11-23");
    // (what is typed over the wine details, the field that should be refused, words of its message)
    let long = "x".repeat(501);
    type Case<'a> = (Vec<(&'a str, &'a str)>, Option<(&'a str, &'a str)>);
    let cases: Vec<Case<'_>> = vec![
        (vec![], None),
        (vec![("date_offered", "2026-11-23")], None),
        (vec![("date_offered", "24/11/2026")], Some(("date_offered", "Date offered must be today or in the past"))),
        (vec![("date_offered", "31/02/2026")], Some(("date_offered", "Date offered must be a real date"))),
        (vec![("date_offered", "")], Some(("date_offered", "Enter date offered"))),
        (vec![("event_date", "2027-06-01")], None),
        (vec![("what_offered", &long)], Some(("what_offered", "500 characters or fewer"))),
        (vec![("what_offered", "Wine\u{202E}eniw")], Some(("what_offered", "cannot be seen"))),
        (vec![("what_offered", "Wine\u{0}")], Some(("what_offered", "cannot be seen"))),
        (vec![("reason", "Offered after the tender closed.\r\nI declined it.")], None),
        (vec![("action_taken", "kept_it")], Some(("action_taken", "Select what you did"))),
        (vec![("action_taken", "")], Some(("action_taken", "Select what you did"))),
        (vec![("offered_by_person", "  ")], Some(("offered_by_person", "Enter who offered it"))),
        (vec![("colour", "red")], Some(("colour", "not a detail this question records"))),
    ];
    for (over, refused) in cases {
        let mut entered = wine_details();
        for (k, v) in &over {
            entered.insert(k.to_string(), v.to_string());
        }
        match (check_details(kent, "gifts", &entered, made), refused) {
            (Ok(details), None) => {
                let date = details.iter().find(|d| d.field == "date_offered").unwrap();
                assert!(date.value.starts_with("2026-11-2"), "dates are kept as YYYY-MM-DD: {date:?}");
            }
            (Err(problems), Some((field, words))) => assert!(
                problems.iter().any(|p| p.field == field && p.message.contains(words)),
                "{over:?}: {problems:?} should refuse {field} with {words:?}"
            ),
            (got, want) => panic!("{over:?}: got {got:?}, wanted {want:?}"),
        }
    }
    // Line breaks in a reason are kept, written one way.
    let mut entered = wine_details();
    entered.insert("reason".into(), "After the tender closed.\r\nI declined it.".into());
    let details = check_details(kent, "gifts", &entered, made).unwrap();
    assert_eq!(details.last().unwrap().value, "After the tender closed.\nI declined it.");
    // Every problem at once, so the page can show them all and keep what was typed.
    let problems = check_details(kent, "gifts", &BTreeMap::new(), made).unwrap_err();
    assert_eq!(problems.len(), 4, "{problems:?}");
    // Numbers and money.
    let work =
        typed(&[("organisation", "Parish council"), ("role", "Clerk"), ("start_date", "2027-01-04"), ("paid", "paid")]);
    for (hours, ok) in [("7.5", true), ("168", true), ("169", false), ("7.125", false), ("-1", false), ("lots", false)]
    {
        let mut entered = work.clone();
        entered.insert("hours_per_week".into(), hours.into());
        assert_eq!(check_details(kent, "outside-work", &entered, made).is_ok(), ok, "{hours} hours");
    }
    let fee = typed(&[("fee_payer", "University of Kent"), ("activity_date", "2026-12-01"), ("fee_outcome", "kept")]);
    let mut entered = fee.clone();
    entered.insert("fee".into(), "£151.25".into());
    let details = check_details(kent, "fees", &entered, made).unwrap();
    let f = details.iter().find(|d| d.field == "fee").unwrap();
    assert_eq!((f.value.as_str(), f.display.as_str()), ("151.25", "£151.25"));
}

#[test]
fn a_v2_answer_verifies_and_any_changed_field_is_caught() {
    let catalog = common::catalog();
    let kent = catalog.policy("kent").unwrap();
    let d = build_answer(kent, &eval(kent, "gifts", wine()), &wine_details(), None, NOW).unwrap();
    assert_eq!(d.policy.effective.as_deref(), Some("2026-11-30"));
    assert_eq!(d.policy.digest, kent.digest);
    let text = serde_json::to_string(&d).unwrap();
    let versions = Versions::current(&catalog.policies);
    let v = verify_any(&text, &versions).unwrap();
    assert!(v.version.is_current());
    assert!(v.version.made_under().starts_with(
        "made under Kent County Council, The Kent Code, version September 2007, effective 30 November 2026 (the version in force"
    ));
    // Any field changed without resealing: the digest catches it.
    let value: J = serde_json::from_str(&text).unwrap();
    let mut changed = value.clone();
    changed["details"][0]["value"] = json!("Someone else");
    assert!(matches!(verify_any(&changed.to_string(), &versions).unwrap_err(), VerifyError::DigestMismatch { .. }));
    // Changed and resealed: the re-check of the details, or the re-run, still catches it.
    let resealed = |path: &[&str], to: J| {
        let mut v = value.clone();
        let mut at = &mut v;
        for k in path {
            at = match k.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*k],
            };
        }
        *at = to;
        reseal(&mut v);
        verify_any(&v.to_string(), &versions).unwrap_err()
    };
    let cases: Vec<(Vec<&str>, J, &str)> = vec![
        (vec!["details", "2", "value"], json!("2026-12-25"), "today or in the past"),
        (vec!["details", "2", "value"], json!("2026-02-30"), "real date"),
        (vec!["details", "2", "display"], json!("Christmas"), "at `/details/2/display`"),
        (vec!["details", "3", "value"], json!("kept"), "select what you did"),
        (vec!["details", "0", "label"], json!("Giver"), "/details/0/label"),
        (vec!["outcome", "verdict_label"], json!("Yes, you can"), "/outcome/verdict_label"),
        (vec!["policy", "effective"], json!("2007-10-10"), "/policy/effective"),
        (vec!["policy", "digest"], json!("sha256:00"), "not known here"),
    ];
    for (path, to, words) in cases {
        let e = resealed(&path, to);
        assert!(e.to_string().contains(words), "{path:?}: {e}");
    }
}

#[test]
fn a_declaration_of_interests_is_one_row_per_interest_or_nil() {
    let catalog = common::catalog();
    let kent = catalog.policy("kent").unwrap();
    let director = eval(kent, "interests", json!({"interest_kind": "financial", "interest_could_conflict": "yes"}));
    let club = eval(
        kent,
        "interests",
        json!({"interest_kind": "non_financial", "trade_union_or_professional_membership": "no", "kent_closed_or_secret_body": "no", "interest_could_conflict": "no"}),
    );
    let items = vec![
        (
            director,
            typed(&[
                ("interest_body", "Acme Supplies Ltd"),
                ("interest_description", "Director"),
                ("interest_of", "partner"),
                ("interest_since", "2019-04-01"),
            ]),
        ),
        (
            club,
            typed(&[
                ("interest_body", "Maidstone Rotary Club"),
                ("interest_description", "Member"),
                ("interest_of", "mine"),
            ]),
        ),
    ];
    let d = build_interests(kent, Occasion::Annual, &items, None, NOW).unwrap();
    assert!(!d.nil);
    let versions = Versions::current(&catalog.policies);
    let v = verify_any(&serde_json::to_string(&d).unwrap(), &versions).unwrap();
    let rows = rows(&v);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].question, "Annual declaration of interests: Do I need to declare this interest?");
    assert_eq!(rows[0].verdict, "Yes, you must");
    assert_eq!(rows[1].verdict, "No, you need not");
    assert_eq!((rows[0].offered_by.as_str(), rows[0].what.as_str()), ("Acme Supplies Ltd", "Director"));
    assert_eq!(rows[0].date_offered, "2019-04-01");
    assert!(rows[0].details.contains("Whose interest it is: My partner's"), "{}", rows[0].details);
    assert!(rows[0].details.contains("What the code asks:"), "whom to tell: {}", rows[0].details);
    assert_eq!((rows[0].item, rows[1].item), (1, 2));

    // A nil declaration: Kent's form with no area listed; Oxfordshire's 57 on appointment.
    let nil = build_interests(kent, Occasion::Annual, &[], None, NOW).unwrap();
    assert!(nil.nil && nil.interests.is_empty());
    let v = verify_any(&serde_json::to_string(&nil).unwrap(), &versions).unwrap();
    assert_eq!(rows_of(&v), vec!["Nil declaration: nothing to declare".to_string()]);
    let oxon = catalog.policy("oxfordshire").unwrap();
    assert!(build_interests(oxon, Occasion::OnAppointment, &[], None, NOW).is_ok());

    // Only what the code asks: Kent asks annually, Oxfordshire on appointment and on a change,
    // and the other three ask none (they say how interests are declared instead).
    let refused = |p: &Policy, o: Occasion| match build_interests(p, o, &[], None, NOW) {
        Err(BuildError::NotAsked(m)) => m,
        other => panic!("{} {o:?}: {other:?}", p.header.id),
    };
    assert!(refused(kent, Occasion::OnAppointment).contains("it asks one annual"));
    assert!(refused(oxon, Occasion::Annual).contains("on_appointment, on_change"));
    for id in ["derbyshire", "milton-keynes", "part-6b"] {
        let p = catalog.policy(id).unwrap();
        assert!(refused(p, Occasion::Annual).contains("asks no declaration of interests"), "{id}");
        let rule = p.interests_declaration.as_ref().unwrap();
        assert!(!rule.asked && rule.note.contains("Do I need to declare this interest?"), "{id}");
    }
    // Details are checked per interest and named by it.
    let bad = vec![(
        eval(kent, "interests", json!({"interest_kind": "financial", "interest_could_conflict": "yes"})),
        typed(&[]),
    )];
    match build_interests(kent, Occasion::Annual, &bad, None, NOW) {
        Err(BuildError::Details(p)) => assert!(p.iter().any(|p| p.field == "1.interest_body"), "{p:?}"),
        other => panic!("{other:?}"),
    }
    // A resealed declaration claiming nil with an interest listed does not verify.
    let mut value = serde_json::to_value(&d).unwrap();
    value["nil"] = json!(true);
    reseal(&mut value);
    let e = verify_any(&value.to_string(), &versions).unwrap_err();
    assert!(matches!(e, VerifyError::Interests { .. }), "{e}");
}

fn rows_of(v: &probity_core::declaration::VerifiedAny<'_>) -> Vec<String> {
    rows(v).into_iter().map(|r| r.verdict).collect()
}

/// Kent with one clause reworded and a new effective date: the council's next version.
fn edited_kent() -> (Catalog, String) {
    let edited = common::POLICIES[2]
        .1
        .replacen("effective = \"2026-11-30\"", "effective = \"2027-04-01\"", 1)
        .replace("a polite refusal letter", "a polite letter of refusal");
    let l = probity_core::load(
        Source { label: "vocabulary.toml", text: common::VOCABULARY, format: Format::Toml },
        &[Source { label: "kent.toml", text: &edited, format: Format::Toml }],
    );
    assert!(l.diagnostics.iter().all(|d| !d.is_error()), "{:?}", l.diagnostics);
    (l.catalog, edited)
}

#[test]
fn an_edited_policy_keeps_the_old_version_and_old_declarations_still_verify() {
    let catalog = common::catalog();
    let kent = catalog.policy("kent").unwrap();
    let old = build_answer(kent, &eval(kent, "gifts", wine()), &wine_details(), None, NOW).unwrap();
    let old_text = serde_json::to_string(&old).unwrap();
    // The council archives the version in force, then edits the policy.
    let raw = probity_core::raw::parse_policy(common::POLICIES[2].1, Format::Toml).unwrap();
    let (file, digest) =
        archive::entry(&raw, kent, ArchiveInfo { released: Some("2026-11-30".into()), ..Default::default() }, false);
    assert_eq!(digest, kent.digest, "the archive file proves the digest declarations carry");
    let kept = archive::load(&file.to_string(), "kent archive").unwrap();
    assert_eq!(kept.policy.digest, kent.digest);
    let (next, _) = edited_kent();
    let new_kent = next.policy("kent").unwrap();
    assert_ne!(new_kent.digest, kent.digest);

    // With the archive: the old declaration verifies against the exact old version, and says so.
    let archived = [kept];
    let versions = Versions { current: &next.policies, archived: &archived };
    let v = verify_any(&old_text, &versions).unwrap();
    assert!(!v.version.is_current());
    assert!(
        v.version.made_under().contains("effective 30 November 2026 (an earlier version, released 30 November 2026"),
        "{}",
        v.version.made_under()
    );
    // A new declaration is made under the new version, and verifies as in force.
    let new = build_answer(new_kent, &eval(new_kent, "gifts", wine()), &wine_details(), None, NOW).unwrap();
    assert_eq!(new.policy.effective.as_deref(), Some("2027-04-01"));
    assert!(new.outcome.headline.contains("a polite letter of refusal"), "{}", new.outcome.headline);
    let v = verify_any(&serde_json::to_string(&new).unwrap(), &versions).unwrap();
    assert!(v.version.is_current() && v.version.made_under().contains("effective 1 April 2027"));

    // Without the archive, the old declaration is of an unknown version: never checked against the new one.
    let e = verify_any(&old_text, &Versions::current(&next.policies)).unwrap_err();
    assert!(matches!(e, VerifyError::UnknownVersion { .. }), "{e}");
    assert_eq!(e.refusal(), Refusal::UnknownVersion);
    assert!(e.to_string().contains("it is not checked against any other version"), "{e}");
    // And an archived version with the same name and effective date as the edit is flagged.
    let (sneaky, _) = {
        let edited = common::POLICIES[2].1.replacen("a polite refusal letter", "a polite letter of refusal", 1);
        let l = probity_core::load(
            Source { label: "vocabulary.toml", text: common::VOCABULARY, format: Format::Toml },
            &[Source { label: "kent.toml", text: &edited, format: Format::Toml }],
        );
        (l.catalog, edited)
    };
    assert!(archive::name_clash(sneaky.policy("kent").unwrap(), &archived).is_some());
    assert!(archive::name_clash(new_kent, &archived).is_none());
}

#[test]
fn a_v1_declaration_made_under_kent_before_this_issue_still_verifies() {
    let catalog = common::catalog();
    let before: Archived = archive::load(KENT_BEFORE, "archive/kent/1f84ff3d6a059fd4.json").unwrap();
    assert_eq!(before.info.commit.as_deref().map(|c| &c[..7]), Some("9056f83"));
    assert!(before.policy.header.effective.is_none(), "versions from before the issue had no effective date");
    // Made as the widget made it then: declaration v1, from the archived text.
    let policy = &before.policy;
    let facts = json!({"offer_kind": "gift", "giver": "contractor", "gift_type": "alcohol"});
    let d = build(policy, &eval(policy, "gifts", facts), None, NOW);
    assert_eq!(d.policy.digest, "sha256:1f84ff3d6a059fd4".to_string() + &d.policy.digest[23..]);
    let archived = [before];
    let versions = Versions { current: &catalog.policies, archived: &archived };
    let v = verify_any(&d.to_json_pretty(), &versions).unwrap();
    assert!(matches!(v.declaration, AnyDeclaration::V1(_)));
    assert!(v
        .version
        .made_under()
        .contains("no effective date recorded (an earlier version, released 30 November 2026"));
    // The version in force is not that one: without the archive it is unknown.
    assert_ne!(catalog.policy("kent").unwrap().digest, d.policy.digest);
    assert!(matches!(
        verify_any(&d.to_json_pretty(), &Versions::current(&catalog.policies)).unwrap_err(),
        VerifyError::UnknownVersion { .. }
    ));
}

#[test]
fn the_register_adds_each_declaration_once_and_keeps_management_actions() {
    let catalog = common::catalog();
    let kent = catalog.policy("kent").unwrap();
    let versions = Versions::current(&catalog.policies);
    let d = build_answer(kent, &eval(kent, "gifts", wine()), &wine_details(), None, NOW).unwrap();
    let v = verify_any(&serde_json::to_string(&d).unwrap(), &versions).unwrap();
    let mut register = Register::default();
    assert_eq!(register.add(rows(&v)), Added::New);
    assert_eq!(register.add(rows(&v)), Added::AlreadyThere);
    assert_eq!(register.rows.len(), 1);
    let row = &register.rows[0];
    assert_eq!(
        (row.offered_by.as_str(), row.what.as_str(), row.action_taken.as_str(), row.date_offered.as_str()),
        ("Sam Jones, Acme Supplies Ltd", "A bottle of wine", "Declined", "2026-11-20")
    );
    let key = d.digest[..23].to_string();
    register.set_action(&key, 0, "Noted; supplier reminded of the gifts policy").unwrap();
    assert!(register.set_action("sha256:00", 0, "x").is_err(), "too short a digest is refused");
    assert!(register.set_action(&key, 3, "x").is_err(), "no item 3");
    let reopened = Register::parse(&register.to_json_pretty()).unwrap();
    assert_eq!(reopened.rows[0].management_action, "Noted; supplier reminded of the gifts policy");
    // The management action is in the register, never in the declaration.
    assert!(!serde_json::to_string(&d).unwrap().contains("supplier reminded"));

    // CSV: the one column list, RFC 4180 quoting, and no formula from what an officer typed.
    let mut formula = wine_details();
    formula.insert("what_offered".into(), "=HYPERLINK(\"http://x\",\"wine, red\")".into());
    let d2 = build_answer(kent, &eval(kent, "gifts", wine()), &formula, None, NOW).unwrap();
    let v2 = verify_any(&serde_json::to_string(&d2).unwrap(), &versions).unwrap();
    register.add(rows(&v2));
    let out = csv(&register.rows);
    let header = out.lines().next().unwrap();
    assert_eq!(header, COLUMNS.map(|c| c.id).join(","));
    assert!(out.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"wine, red\"\")\""), "{out}");
    assert!(out.ends_with("\r\n"));
}

#[test]
fn v1_and_v2_declarations_share_one_register() {
    let catalog = common::catalog();
    let kent = catalog.policy("kent").unwrap();
    let versions = Versions::current(&catalog.policies);
    let fee = json!({"fee_activity": "lecture", "lecture_setting": "council_time_permitted", "fee_amount": "151.25"});
    let v1 = build(kent, &eval(kent, "fees", fee.clone()), None, NOW).to_json_pretty();
    let details = typed(&[
        ("fee_payer", "University of Kent"),
        ("activity_date", "2026-11-02"),
        ("fee_outcome", "paid_to_council"),
    ]);
    let v2 =
        serde_json::to_string(&build_answer(kent, &eval(kent, "fees", fee), &details, None, NOW).unwrap()).unwrap();
    let r1 = rows(&verify_any(&v1, &versions).unwrap());
    let r2 = rows(&verify_any(&v2, &versions).unwrap());
    assert_eq!(r1[0].value, "£151.25", "the money answered fills the value column");
    assert_eq!(r2[0].value, "£151.25");
    assert_eq!((r2[0].offered_by.as_str(), r2[0].action_taken.as_str()), ("University of Kent", "Paid to the council"));
    assert_eq!(r1[0].details, "Declaration v1: no record details");
    assert!(matches!(verify_any(&v2, &versions).unwrap().declaration, AnyDeclaration::V2(DeclarationV2::Answer(_))));
}

#[test]
fn a_saved_register_opened_over_rows_is_merged_and_this_registers_actions_win() {
    let catalog = common::catalog();
    let kent = catalog.policy("kent").unwrap();
    let versions = Versions::current(&catalog.policies);
    let declaration = |details: &BTreeMap<String, String>| {
        let d = build_answer(kent, &eval(kent, "gifts", wine()), details, None, NOW).unwrap();
        let v = verify_any(&serde_json::to_string(&d).unwrap(), &versions).unwrap();
        (d.digest.clone(), rows(&v))
    };
    let (wine_digest, wine_rows) = declaration(&wine_details());
    let mut other = wine_details();
    other.insert("what_offered".into(), "A box of chocolates".into());
    let (choc_digest, choc_rows) = declaration(&other);
    let mut third = wine_details();
    third.insert("what_offered".into(), "Two theatre tickets".into());
    let (tickets_digest, tickets_rows) = declaration(&third);

    // Last month's register: wine (actioned) and chocolates (actioned).
    let mut saved = Register::default();
    saved.add(wine_rows.clone());
    saved.add(choc_rows.clone());
    saved.set_action(&wine_digest, 0, "Supplier reminded").unwrap();
    saved.set_action(&choc_digest, 0, "Shared with the team").unwrap();
    let saved = Register::parse(&saved.to_json_pretty()).unwrap();

    // Today's page: wine again (no action yet), chocolates (another action), tickets (new).
    let mut page = Register::default();
    page.add(wine_rows);
    page.add(choc_rows);
    page.add(tickets_rows);
    page.set_action(&choc_digest, 0, "Returned to the sender").unwrap();

    let merged = page.merge(saved);
    assert_eq!((merged.added, merged.already_there), (0, 2), "{merged:?}");
    assert_eq!(merged.actions_taken, 1, "the wine's action comes from the saved register");
    assert_eq!(merged.actions_kept.len(), 1, "{merged:?}");
    assert!(merged.actions_kept[0].contains("A box of chocolates"), "{merged:?}");
    let action = |digest: &str| page.rows.iter().find(|r| r.digest == digest).unwrap().management_action.clone();
    assert_eq!(action(&wine_digest), "Supplier reminded");
    assert_eq!(action(&choc_digest), "Returned to the sender");
    assert_eq!(action(&tickets_digest), "");
    assert_eq!(page.rows.len(), 3);

    // A register with a declaration this one lacks brings it in, in date order with the rest.
    let mut fresh = Register::default();
    let merged = fresh.merge(Register::parse(&page.to_json_pretty()).unwrap());
    assert_eq!((merged.added, merged.already_there), (3, 0));
    assert_eq!(fresh, page);
}
