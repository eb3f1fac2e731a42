//! `probity register`, `archive`, `interests`, `decide --details` and `verify` of v2, run as HR
//! and a council's policy officer run them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// Runs `probity` in the repository and checks its exit code; returns stdout and stderr.
fn check(args: &[&str], code: i32) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_probity"))
        .args(args)
        .current_dir(repo())
        .env_remove("PROBITY_POLICIES")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(code), "probity {args:?}\nstdout:\n{stdout}\nstderr:\n{stderr}");
    (stdout, stderr)
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("probity-register-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(path: &Path, text: &str) -> String {
    std::fs::write(path, text).unwrap();
    path.to_str().unwrap().to_string()
}

const WINE: &str = r#"{"offer_kind": "gift", "giver": "contractor", "gift_type": "alcohol"}"#;
const WINE_DETAILS: &str = r#"{"offered_by_person": "Sam Jones", "offered_by_organisation": "Acme Supplies Ltd",
  "what_offered": "A bottle of wine", "date_offered": "2026-11-20", "action_taken": "declined"}"#;

/// A declaration v2 of Kent's gifts tree for the wine, made with `policies` (default: the repository's).
fn wine_v2(dir: &Path, policies: Option<&Path>) -> String {
    let facts = write(&dir.join("wine.json"), WINE);
    let details = write(&dir.join("wine-details.json"), WINE_DETAILS);
    let mut args = vec![
        "decide",
        "--policy",
        "kent",
        "--tree",
        "gifts",
        "--facts",
        &facts,
        "--details",
        &details,
        "--created-at",
        "2026-11-23T09:00:00Z",
        "--name",
        "A. Officer",
        "--team",
        "Highways",
    ];
    let p;
    if let Some(policies) = policies {
        p = policies.to_str().unwrap().to_string();
        args.extend(["--policies", &p]);
    }
    check(&args, 0).0
}

#[test]
fn the_v2_schema_and_the_register_columns_are_current() {
    let (schema, _) = check(&["schema", "--version", "2"], 0);
    let committed = std::fs::read_to_string(repo().join("docs/declaration-v2.schema.json")).unwrap();
    assert_eq!(
        schema.trim_end(),
        committed.trim_end(),
        "docs/declaration-v2.schema.json is stale: run scripts/regen-docs.sh"
    );
    for words in ["\"details\"", "\"interests\"", "\"effective\"", "\"occasion\"", "\"nil\""] {
        assert!(schema.contains(words), "the v2 schema should describe {words}");
    }
    let (columns, _) = check(&["register", "--columns"], 0);
    let committed = std::fs::read_to_string(repo().join("docs/register-columns.md")).unwrap();
    assert_eq!(
        columns.trim_end(),
        committed.trim_end(),
        "docs/register-columns.md is stale: run scripts/regen-docs.sh"
    );
}

#[test]
fn decide_with_details_makes_a_v2_that_verifies_and_says_what_it_proves() {
    let dir = temp_dir("decide-v2");
    let json = wine_v2(&dir, None);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!((v["schema_version"].as_i64(), v["kind"].as_str()), (Some(2), Some("answer")));
    assert_eq!(v["policy"]["effective"], "2026-11-30");
    assert_eq!(v["details"][2]["value"], "2026-11-20");
    let file = write(&dir.join("d.json"), &json);
    let (out, _) = check(&["verify", &file], 0);
    for words in [
        "valid: kent › gifts › No, you cannot",
        "(declaration v2)",
        "Date offered: 20 November 2026",
        "made under Kent County Council, The Kent Code, version September 2007, effective 30 November 2026 (the version in force",
        "It is not a signature: it does not prove who made the declaration, when, or that the answers and details are true.",
    ] {
        assert!(out.contains(words), "verify should say {words:?}:\n{out}");
    }
    // Details that do not fit: every problem named, and no declaration written.
    let facts = write(&dir.join("wine.json"), WINE);
    let bad =
        write(&dir.join("bad.json"), r#"{"what_offered": "Wine", "date_offered": "2026-11-31", "colour": "red"}"#);
    let (out, err) = check(&["decide", "--policy", "kent", "--tree", "gifts", "--facts", &facts, "--details", &bad], 2);
    assert!(out.is_empty(), "{out}");
    for words in [
        "`date_offered`: Date offered must be a real date",
        "`colour`: `colour` is not a detail this question records",
        "`offered_by_person`: Enter who offered it",
        "`action_taken`: Select what you did",
    ] {
        assert!(err.contains(words), "{words:?}:\n{err}");
    }
}

#[test]
fn interests_makes_the_declaration_the_code_asks_and_refuses_what_it_does_not() {
    let dir = temp_dir("interests");
    let facts = write(&dir.join("f.json"), r#"{"interest_kind": "financial", "interest_could_conflict": "yes"}"#);
    let details = write(
        &dir.join("d.json"),
        r#"{"interest_body": "Acme Supplies Ltd", "interest_description": "Director", "interest_of": "partner"}"#,
    );
    let item = format!("{facts},{details}");
    let (json, _) = check(
        &[
            "interests",
            "--policy",
            "kent",
            "--occasion",
            "annual",
            "--interest",
            &item,
            "--created-at",
            "2026-11-23T09:00:00Z",
        ],
        0,
    );
    let file = write(&dir.join("annual.json"), &json);
    let (out, _) = check(&["verify", &file], 0);
    assert!(out.contains("kent › Annual declaration of interests (interests), 1 interest(s)"), "{out}");
    assert!(out.contains("1. Yes, you must — The body or person: Acme Supplies Ltd"), "{out}");
    // Oxfordshire's nil declaration on appointment (57).
    let (nil, _) = check(&["interests", "--policy", "oxfordshire", "--occasion", "on_appointment"], 0);
    assert!(nil.contains("\"nil\": true"), "{nil}");
    // What the code does not ask is refused, with what it does ask.
    let (_, err) = check(&["interests", "--policy", "kent", "--occasion", "on_appointment"], 2);
    assert!(err.contains("it asks one annual"), "{err}");
    let (_, err) = check(&["interests", "--policy", "milton-keynes", "--occasion", "annual"], 2);
    assert!(err.contains("asks no declaration of interests") && err.contains("Private Interests Form"), "{err}");
}

#[test]
fn register_adds_valid_declarations_once_and_lists_the_others_apart() {
    let dir = temp_dir("register");
    let v2 = write(&dir.join("v2.json"), &wine_v2(&dir, None));
    let facts = write(
        &dir.join("fee.json"),
        r#"{"fee_activity": "lecture", "lecture_setting": "council_time_permitted", "fee_amount": "151.25"}"#,
    );
    let (v1_json, _) = check(
        &[
            "decide",
            "--policy",
            "kent",
            "--tree",
            "fees",
            "--facts",
            &facts,
            "--json",
            "--created-at",
            "2026-11-22T09:00:00Z",
        ],
        0,
    );
    let v1 = write(&dir.join("v1.json"), &v1_json);
    let altered = write(&dir.join("altered.json"), &v1_json.replace("\"151.25\"", "\"15.25\""));
    let not_json = write(&dir.join("notes.json"), "my notes");
    // Made under a Kent edited elsewhere and never archived here: an unknown version.
    let elsewhere = dir.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::copy(repo().join("policies/vocabulary.toml"), elsewhere.join("vocabulary.toml")).unwrap();
    let kent = std::fs::read_to_string(repo().join("policies/kent.toml")).unwrap();
    std::fs::write(
        elsewhere.join("kent.toml"),
        kent.replace("effective = \"2026-11-30\"", "effective = \"2027-01-01\""),
    )
    .unwrap();
    let unknown = write(&dir.join("unknown.json"), &wine_v2(&dir, Some(&elsewhere)));

    let register = dir.join("register.json");
    let reg = register.to_str().unwrap();
    let (out, _) = check(&["register", &v2, &v1, &altered, &not_json, &unknown, "--register", reg], 1);
    assert!(out.starts_with("2 row(s)\n"), "{out}");
    assert!(out.contains("| 2026-11-23 | A. Officer |  | Highways | Kent County Council | Can I accept this gift or hospitality? | No, you cannot | Sam Jones, Acme Supplies Ltd | A bottle of wine |  | Declined | 2026-11-20 |"), "{out}");
    assert!(out.contains("| £151.25 |"), "the v1 fee's amount: {out}");
    for (heading, file, reason) in [
        ("Not added: Invalid (1)", "notes.json", "not JSON"),
        ("Not added: Altered (1)", "altered.json", "the digest does not match"),
        ("Not added: Unknown policy version (1)", "unknown.json", "it is not checked against any other version"),
    ] {
        let at = out.find(heading).unwrap_or_else(|| panic!("no {heading:?}:\n{out}"));
        let section = &out[at..];
        assert!(section.contains(file) && section.contains(reason), "{heading}:\n{section}");
    }
    // Reopened and added to: the same declaration is recognised by its digest; a management
    // action is kept in the register file only.
    let digest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&v2).unwrap()).unwrap();
    let digest = digest["digest"].as_str().unwrap()[..23].to_string();
    let action = format!("{digest}=Supplier reminded of the gifts policy");
    let (csv, err) = check(&["register", &v2, "--register", reg, "--csv", "--action", &action], 0);
    assert!(err.contains("already in the register (same digest)"), "{err}");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    let columns = std::fs::read_to_string(repo().join("docs/register-columns.md")).unwrap();
    for id in lines[0].split(',') {
        assert!(columns.contains(&format!("| `{id}` |")), "column {id} is not documented");
    }
    assert!(csv.contains("Supplier reminded of the gifts policy"), "{csv}");
    let kept = std::fs::read_to_string(&register).unwrap();
    assert!(
        kept.contains("Supplier reminded of the gifts policy") && kept.contains("\"schema\": \"probity.register\"")
    );
    assert!(!std::fs::read_to_string(&v2).unwrap().contains("Supplier reminded"));
}

#[test]
fn declarations_made_by_every_earlier_release_still_verify() {
    // Real declarations made by Probity as it was at five commits of main's history (built
    // from each commit and run over every path's witness answers; a sample is kept here), and
    // checked against the archive recovered from git.
    let root = repo().join("tests/declarations/history");
    let mut files: Vec<String> = Vec::new();
    for commit in std::fs::read_dir(&root).unwrap() {
        for f in std::fs::read_dir(commit.unwrap().path()).unwrap() {
            files.push(f.unwrap().path().to_str().unwrap().to_string());
        }
    }
    files.sort();
    assert!(files.len() >= 25, "{files:?}");
    let mut args = vec!["register", "--csv"];
    args.extend(files.iter().map(String::as_str));
    let (csv, _) = check(&args, 0);
    // The same declaration made by two releases (same policy, same tool output) is one row.
    let digests: std::collections::BTreeSet<String> = files
        .iter()
        .map(|f| {
            serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(f).unwrap()).unwrap()["digest"]
                .to_string()
        })
        .collect();
    assert_eq!(csv.lines().count(), digests.len() + 1, "{csv}");
    // None was made under the version in force: each says which earlier version it was.
    assert!(csv.lines().skip(1).all(|l| l.contains("an earlier version, released")), "{csv}");
}

#[test]
fn a_council_archives_before_editing_and_old_declarations_keep_verifying() {
    let dir = temp_dir("archive");
    let policies = dir.join("policies");
    std::fs::create_dir_all(&policies).unwrap();
    for f in ["vocabulary.toml", "kent.toml"] {
        std::fs::copy(repo().join("policies").join(f), policies.join(f)).unwrap();
    }
    let p = policies.to_str().unwrap();
    let old = write(&dir.join("old.json"), &wine_v2(&dir, Some(&policies)));
    // 1. Archive the version in force.
    let (out, _) = check(&["archive", "kent", "--policies", p, "--released", "2026-11-30"], 0);
    assert!(out.starts_with("archived kent version `September 2007` (sha256:"), "{out}");
    let (again, _) = check(&["archive", "kent", "--policies", p], 0);
    assert!(again.starts_with("already archived"), "{again}");
    // 2. Edit: a reworded headline, without a new effective date, is flagged by lint.
    let kent = std::fs::read_to_string(policies.join("kent.toml")).unwrap();
    let edited = kent.replace("a polite refusal letter", "a polite letter of refusal");
    std::fs::write(policies.join("kent.toml"), &edited).unwrap();
    let (lint, _) = check(&["lint", p], 1);
    assert!(lint.contains("L023") && lint.contains("keeps its version `September 2007` and effective date"), "{lint}");
    // 3. With a new effective date it lints clean.
    std::fs::write(
        policies.join("kent.toml"),
        edited.replace("effective = \"2026-11-30\"", "effective = \"2027-04-01\""),
    )
    .unwrap();
    let (lint, _) = check(&["lint", p], 0);
    assert!(lint.contains("0 error(s)"), "{lint}");
    // 4. The old declaration verifies against the archived version and says so; a new one is
    // made under the new version.
    let (out, _) = check(&["verify", &old, "--policies", p], 0);
    assert!(
        out.contains("effective 30 November 2026 (an earlier version, released 30 November 2026, kept in the archive"),
        "{out}"
    );
    let new = write(&dir.join("new.json"), &wine_v2(&dir, Some(&policies)));
    let (out, _) = check(&["verify", &new, "--policies", p], 0);
    assert!(out.contains("effective 1 April 2027 (the version in force"), "{out}");
    assert!(out.contains("a polite letter of refusal"), "{out}");
    // The change report compares the archived version with the edit.
    let kept = std::fs::read_dir(policies.join("archive/kent")).unwrap().next().unwrap().unwrap().path();
    let (report, _) = check(&["diff", kept.to_str().unwrap(), "kent", "--policies", p], 0);
    assert!(report.contains("a polite letter of refusal"), "{report}");
    // 5. An archive file changed after it was kept is refused by lint, and its declarations
    // become of an unknown version rather than being checked against something else.
    let file = std::fs::read_dir(policies.join("archive/kent")).unwrap().next().unwrap().unwrap().path();
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("a polite refusal letter", "a kind refusal letter", 1)).unwrap();
    let (lint, _) = check(&["lint", p], 1);
    assert!(
        lint.contains("the archived version cannot be used") && lint.contains("changed after it was archived"),
        "{lint}"
    );
    let (_, err) = check(&["verify", &old, "--policies", p], 1);
    assert!(err.contains("not known here"), "{err}");
}
