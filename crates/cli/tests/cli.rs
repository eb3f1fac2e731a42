//! The `probity` command, run as a user runs it: every subcommand, its help, output and exit code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn probity(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_probity"))
        .args(args)
        .current_dir(repo())
        .env_remove("PROBITY_POLICIES")
        .output()
        .unwrap()
}

/// Runs and checks the exit code; returns stdout and stderr as text.
fn check(args: &[&str], code: i32) -> (String, String) {
    let out = probity(args);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(code), "probity {args:?}\nstdout:\n{stdout}\nstderr:\n{stderr}");
    (stdout, stderr)
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("probity-cli-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        "lint",
        "test",
        "decide",
        "ask",
        "paths",
        "compare",
        "graph",
        "verify",
        "schema",
        "coverage",
        "bundle",
        "compile",
        "topics",
        "register",
        "archive",
        "interests",
    ] {
        let (out, _) = check(&[sub, "--help"], 0);
        assert!(out.contains("Usage: probity"), "{sub} --help:\n{out}");
    }
}

#[test]
fn lint_is_clean_on_the_policies_and_fails_on_a_bad_one() {
    let (out, _) = check(&["lint", "policies/"], 0);
    assert!(out.contains("0 error(s), 0 warning(s)"), "{out}");
    let dir = temp_dir("lint");
    std::fs::copy(repo().join("policies/vocabulary.toml"), dir.join("vocabulary.toml")).unwrap();
    let bad = std::fs::read_to_string(repo().join("policies/kent.toml")).unwrap().replacen(
        "cite = [\"L.1\"]",
        "cite = [\"L.99\"]",
        1,
    );
    std::fs::write(dir.join("kent.toml"), bad).unwrap();
    let (out, _) = check(&["lint", dir.to_str().unwrap()], 1);
    assert!(out.contains("L011") && out.contains("`L.99`"), "{out}");
    let (json, _) = check(&["lint", "--format", "json", dir.to_str().unwrap()], 1);
    let diags: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(diags.as_array().unwrap().iter().any(|d| d["code"] == "L011" && d["location"]["policy"] == "kent"));
}

#[test]
fn test_runs_every_case() {
    let (out, _) = check(&["test"], 0);
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("cases: ") && last.ends_with(" 0 failed"), "{last}");
}

#[test]
fn decide_gives_kents_verdicts() {
    let (out, _) = check(
        &["decide", "--policy", "kent", "--tree", "gifts", "--facts", "tests/facts/kent-wine-from-supplier.json"],
        0,
    );
    assert!(out.contains("NO, YOU CANNOT"), "{out}");
    assert!(out.contains("refusal letter"), "{out}");
    assert!(out.contains("L.2: “Gifts, 'fees', personal discounts"), "the clause is quoted:\n{out}");

    let (out, _) = check(
        &["decide", "--policy", "kent", "--tree", "fees", "--facts", "tests/facts/kent-lecture-fee-council-time.json"],
        0,
    );
    assert!(out.contains("£75.62"), "{out}");
    assert!(out.contains("rounded down to the whole penny"), "{out}");
    let (out, _) = check(
        &[
            "decide",
            "--policy",
            "policies/kent.toml",
            "--tree",
            "fees",
            "--facts",
            "tests/facts/kent-lecture-fee-own-time.json",
        ],
        0,
    );
    assert!(out.contains("£1,250.00"), "{out}");

    let (out, _) = check(
        &[
            "decide",
            "--policy",
            "kent",
            "--tree",
            "political-restriction",
            "--facts",
            "tests/facts/kent-salary-only.json",
        ],
        0,
    );
    // An officer whose only ground under D.3 would be salary: the 2009 Act removed the salary test,
    // so the tree does not ask it, and the answer says so out loud in an out-of-date note.
    assert!(out.contains("NO, IT IS NOT"), "{out}");
    assert!(out.contains("The code is out of date here") && out.contains("2009"), "{out}");
    assert!(out.contains("your salary alone no longer makes your post"), "{out}");
}

#[test]
fn decide_names_each_missing_fact_and_its_question() {
    let (_, err) = check(
        &["decide", "--policy", "kent", "--tree", "gifts", "--facts", "tests/facts/kent-gift-incomplete.json"],
        1,
    );
    assert!(err.contains("missing `giver`: Who is offering"), "{err}");
    assert!(err.contains("may also need `gift_type`"), "{err}");
    let (_, err) =
        check(&["decide", "--policy", "kent", "--tree", "nope", "--facts", "tests/facts/kent-gift-incomplete.json"], 2);
    assert!(err.contains("no tree `nope`") && err.contains("help: its trees: "), "{err}");
    let dir = temp_dir("facts");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"fee_activity": "lecture", "lecture_setting": "own_time_outside_body", "fee_amount": "25,50"}"#,
    )
    .unwrap();
    let (_, err) = check(&["decide", "--policy", "kent", "--tree", "fees", "--facts", bad.to_str().unwrap()], 2);
    assert!(err.contains("`25,50` uses a comma where pence need a full stop"), "{err}");
}

#[test]
fn decide_json_verifies_and_a_changed_file_does_not() {
    let (json, _) = check(
        &[
            "decide",
            "--policy",
            "kent",
            "--tree",
            "fees",
            "--facts",
            "tests/facts/kent-lecture-fee-council-time.json",
            "--json",
            "--created-at",
            "2026-11-22T09:00:00Z",
            "--name",
            "A. Officer",
        ],
        0,
    );
    let dir = temp_dir("verify");
    let good = dir.join("good.json");
    std::fs::write(&good, &json).unwrap();
    let (out, _) = check(&["verify", good.to_str().unwrap()], 0);
    assert!(out.starts_with("valid: kent › fees"), "{out}");
    let changed = dir.join("changed.json");
    std::fs::write(&changed, json.replace("\"75.62\"", "\"75.63\"")).unwrap();
    let (_, err) = check(&["verify", changed.to_str().unwrap()], 1);
    assert!(err.contains("invalid: the digest does not match"), "{err}");
}

#[test]
fn verify_says_what_the_digest_proves_and_what_it_does_not() {
    let (json, _) = check(
        &[
            "decide",
            "--policy",
            "kent",
            "--tree",
            "fees",
            "--facts",
            "tests/facts/kent-lecture-fee-council-time.json",
            "--json",
            "--created-at",
            "2026-11-22T09:00:00Z",
        ],
        0,
    );
    let file = temp_dir("verify-claims").join("d.json");
    std::fs::write(&file, &json).unwrap();
    let (out, _) = check(&["verify", file.to_str().unwrap()], 0);
    for words in [
        "unchanged",
        "made under Kent County Council, The Kent Code, version September 2007, effective 30 November 2026 (the version in force",
        "not a signature",
        "who made the declaration, when, or that the answers and details are true",
    ] {
        assert!(out.contains(words), "verify should say {words:?}:\n{out}");
    }
}

#[test]
fn verify_refuses_a_file_over_one_megabyte_before_reading_it() {
    let dir = temp_dir("verify-size");
    let big = dir.join("big.json");
    // Valid JSON all the way, so only its size can be the reason.
    std::fs::write(&big, format!("{{\"schema\": \"{}\"}}", "x".repeat(1_000_001))).unwrap();
    let (_, err) = check(&["verify", big.to_str().unwrap()], 2);
    assert!(err.contains("over the 1 MB limit"), "{err}");
    // Not a regular file: read no further than the limit either.
    if Path::new("/dev/zero").exists() {
        let (_, err) = check(&["verify", "/dev/zero"], 2);
        assert!(err.contains("over the 1 MB limit"), "{err}");
    }
}

#[test]
fn decide_refuses_an_impossible_time_and_details_the_widget_refuses() {
    let base = [
        "decide",
        "--policy",
        "kent",
        "--tree",
        "fees",
        "--facts",
        "tests/facts/kent-lecture-fee-council-time.json",
        "--json",
    ];
    for (extra, words) in [
        (&["--created-at", "0000-99-99T99:99:99Z"][..], "not an RFC 3339 time"),
        (&["--created-at", "2026-02-30T10:00:00Z"][..], "not an RFC 3339 time"),
        (&["--email", "not an email"][..], "email"),
        (&["--name", "A. \u{202e}Officer"][..], "cannot be seen"),
    ] {
        let args: Vec<&str> = base.iter().chain(extra).copied().collect();
        let (_, err) = check(&args, 2);
        assert!(err.contains(words), "{extra:?}: {err}");
    }
}

#[test]
fn paths_lists_every_path_in_each_format() {
    let (md, _) = check(&["paths", "--policy", "oxfordshire", "--tree", "gifts"], 0);
    assert!(md.contains("| # | route |") && md.contains("offer_value: 49.99") && md.contains("50.00"), "{md}");
    let (csv, _) = check(&["paths", "--policy", "kent", "--tree", "fees", "--format", "csv"], 0);
    assert_eq!(csv.lines().next().unwrap(), "path,route,outcome,verdict,headline,cites,witness,boundary_witnesses");
    let (json, _) = check(&["paths", "--policy", "kent", "--tree", "fees", "--format", "json"], 0);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), csv.lines().count() - 1);
}

#[test]
fn compare_lines_up_every_council() {
    let (md, _) = check(&["compare", "--tree", "gifts", "--facts", "tests/facts/wine-30-from-supplier.json"], 0);
    assert!(!md.contains("| — |"), "every council answers the facts file:\n{md}");
    for council in [
        "Derbyshire County Council",
        "Kent County Council",
        "Milton Keynes City Council",
        "Oxfordshire County Council",
        "Council not named in the text",
    ] {
        assert!(md.contains(council), "{council} missing:\n{md}");
    }
}

#[test]
fn graph_draws_mermaid_and_dot() {
    let (m, _) = check(&["graph", "--policy", "kent", "--tree", "fees"], 0);
    assert!(m.starts_with("flowchart TD") && m.contains("-->|"), "{m}");
    let (d, _) = check(&["graph", "--policy", "kent", "--tree", "fees", "--format", "dot"], 0);
    assert!(d.starts_with("digraph") && d.trim_end().ends_with('}') && d.contains("->"), "{d}");
}

#[test]
fn schema_matches_the_committed_file() {
    let (out, _) = check(&["schema"], 0);
    let committed = std::fs::read_to_string(repo().join("docs/declaration-v1.schema.json")).unwrap();
    assert_eq!(out.trim_end(), committed.trim_end(), "run `probity schema > docs/declaration-v1.schema.json`");
}

#[test]
fn coverage_reports_cited_clauses() {
    let (out, _) = check(&["coverage"], 0);
    assert!(out.contains("kent (Kent County Council): "), "{out}");
    assert!(out.lines().filter(|l| l.starts_with("  not cited: ")).all(|l| l == "  not cited: (none)"), "{out}");
}

#[test]
fn ask_walks_a_tree_in_the_terminal() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_probity"))
        .args(["ask", "--policy", "kent", "--tree", "fees"])
        .current_dir(repo())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Pick option 1 (lecture), go back, pick it again, option 2 (KCC time), a bad amount, then a good one.
    child.stdin.as_mut().unwrap().write_all(b"1\nb\n1\n2\n12,50\n151.25\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Use a full stop for pence"), "{text}");
    assert!(text.contains("£75.62"), "{text}");
}

#[test]
fn bundle_writes_every_policy_as_json() {
    let (out, _) = check(&["bundle"], 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["policies"].as_array().unwrap().len(), 5);
}

#[test]
fn compile_writes_each_policy_checked_and_refuses_a_bad_one() {
    let out = temp_dir("compile");
    let out_arg = out.to_str().unwrap();
    check(&["compile", "--out", out_arg], 0);
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    let index = index.as_object().unwrap();
    assert_eq!(index.len(), 5);
    for (id, digest) in index {
        let bytes = std::fs::read(out.join(format!("{id}.bin"))).unwrap();
        let policy = probity_core::compiled::decode(&bytes, Some((id, digest.as_str().unwrap()))).unwrap();
        assert!(policy.trees.values().all(|t| t.cases.is_empty()), "{id}: the widget needs no cases");
    }
    let vocabulary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("vocabulary.json")).unwrap()).unwrap();
    assert!(vocabulary.get("facts").is_some(), "{vocabulary}");

    // A policy with an error is never compiled: nothing the widget could load is written.
    let dir = temp_dir("compile-bad");
    std::fs::copy(repo().join("policies/vocabulary.toml"), dir.join("vocabulary.toml")).unwrap();
    let bad = std::fs::read_to_string(repo().join("policies/kent.toml")).unwrap().replacen(
        "cite = [\"L.1\"]",
        "cite = [\"L.99\"]",
        1,
    );
    std::fs::write(dir.join("kent.toml"), bad).unwrap();
    let bad_out = dir.join("out");
    let (_, err) = check(&["--policies", dir.to_str().unwrap(), "compile", "--out", bad_out.to_str().unwrap()], 1);
    assert!(err.contains("L.99"), "{err}");
    assert!(!bad_out.join("kent.bin").exists());
}

#[test]
fn review_packs_are_current() {
    for id in ["derbyshire", "kent", "milton-keynes", "oxfordshire", "part-6b"] {
        let (pack, _) = check(&["review", "--policy", id, "--out", "-"], 0);
        let committed = std::fs::read_to_string(repo().join(format!("docs/review/{id}.md"))).unwrap_or_default();
        assert_eq!(pack.trim_end(), committed.trim_end(), "docs/review/{id}.md is stale: run scripts/regen-docs.sh");
        for part in
            ["## Code health", "## Sign-off", "**Reached when:**", "**Clauses quoted:**", "| name | role | date |"]
        {
            assert!(pack.contains(part), "the {id} pack has no `{part}`");
        }
    }
    let (_, err) = check(&["review", "--policy", "nowhere", "--out", "-"], 2);
    assert!(err.contains("no policy `nowhere`"), "{err}");
}

#[test]
fn generated_documents_are_current() {
    let (compare, _) = check(&["compare", "--scenarios", "tests/scenarios.toml"], 0);
    let committed = std::fs::read_to_string(repo().join("docs/compare.md")).unwrap();
    assert_eq!(compare.trim_end(), committed.trim_end(), "docs/compare.md is stale: run scripts/regen-docs.sh");
    let (topics, _) = check(&["topics"], 0);
    let readme = std::fs::read_to_string(repo().join("policies/README.md")).unwrap();
    assert!(
        readme.contains(&format!("<!-- topics:start -->\n{}\n<!-- topics:end -->", topics.trim_end())),
        "the topic table in policies/README.md is stale: run scripts/regen-docs.sh"
    );
    assert!(!compare.contains("| — |"), "every council answers every shared scenario:\n{compare}");
    let (bundle, _) = check(&["bundle", "--without-cases"], 0);
    let carried = std::fs::read_to_string(repo().join("crates/web/policies.bundle.json")).unwrap();
    assert_eq!(
        bundle.trim_end(),
        carried.trim_end(),
        "the widget's crates/web/policies.bundle.json is stale: run scripts/regen-docs.sh"
    );
}

#[test]
fn diff_reports_an_edit_and_nothing_for_an_unchanged_policy() {
    let (same, _) = check(&["diff", "kent", "kent"], 0);
    assert!(same.contains("No changes"), "{same}");
    let (help, _) = check(&["diff", "--help"], 0);
    assert!(help.contains("OLD") && help.contains("--tree"), "{help}");
    // Kent's minor-articles rule reworded: the clause change is listed with what quotes it.
    let dir = temp_dir("diff");
    std::fs::copy(repo().join("policies/vocabulary.toml"), dir.join("vocabulary.toml")).unwrap();
    let kent = std::fs::read_to_string(repo().join("policies/kent.toml")).unwrap();
    let edited = kent.replace("If there is any doubt, a gift should be refused.", "If in doubt, refuse it.");
    assert_ne!(kent, edited, "the test's edit no longer applies to policies/kent.toml");
    std::fs::write(dir.join("kent.toml"), edited).unwrap();
    let new = dir.join("kent.toml");
    let (out, _) = check(&["diff", "kent", new.to_str().unwrap()], 0);
    assert!(out.contains("## Clause L.1 reworded"), "{out}");
    assert!(out.contains("Quoted by:"), "{out}");
    let (json, _) = check(&["diff", "kent", new.to_str().unwrap(), "--format", "json"], 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["clauses_changed"].as_array().unwrap().len(), 1);
    let (_, err) = check(&["diff", "kent", "oxfordshire"], 2);
    assert!(err.contains("different policies"), "{err}");
}

#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    // Kent's review pack (about 180 KB): far more than a pipe holds, so the CLI is still
    // writing when the reader goes away (as `probity review … | head` does).
    let mut child = Command::new(env!("CARGO_BIN_EXE_probity"))
        .current_dir(repo())
        .args(["review", "--policy", "kent", "--out", "-"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("the CLI ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "no panic message: {stderr}");
    assert_eq!(out.status.code(), Some(141), "the exit a command stopped by SIGPIPE gives");
}
