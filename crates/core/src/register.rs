//! The register HR keeps: one row a declaration (one a declared interest), in ONE list of
//! columns that the CLI's table and CSV and the register page all use ([`COLUMNS`]; documented
//! in `docs/register-columns.md`, generated from it by [`columns_markdown`]).
//!
//! The register is a JSON file HR keeps ([`Register`]): its rows, each with the digest of the
//! declaration it came from and the management action HR wrote against it. It is reopened and
//! added to; a declaration already in it is recognised by its digest and not added twice. The
//! management action lives only here, never in the officer's declaration (which would break its
//! digest). Pure: the caller reads and writes the file.

use crate::archive::Version;
use crate::declaration::v2::{AnswerDeclaration, DeclarationV2, InterestRecord, InterestsDeclaration};
use crate::declaration::{AnswerRecord, AnyDeclaration, Declarant, OutcomeRecord, VerifiedAny};
use crate::model::{FactKind, Policy};
use crate::records::Detail;
use serde::{Deserialize, Serialize};

/// A column of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The CSV and JSON name.
    pub id: &'static str,
    /// The heading people read.
    pub heading: &'static str,
    /// What the column holds and where it comes from.
    pub meaning: &'static str,
}

/// The register's columns, in order: the CLI's table and CSV and the register page use these.
pub const COLUMNS: [Column; 17] = [
    Column { id: "made", heading: "Date made", meaning: "The day the declaration was made (`YYYY-MM-DD`), from its `created_at` in the officer's own time zone." },
    Column { id: "officer", heading: "Officer", meaning: "The officer's name as they gave it (optional in the widget; blank when not given)." },
    Column { id: "job_title", heading: "Job title", meaning: "As the officer gave it." },
    Column { id: "team", heading: "Team", meaning: "As the officer gave it." },
    Column { id: "council", heading: "Council", meaning: "The council whose code the declaration was made under." },
    Column { id: "question", heading: "Question", meaning: "The question answered (the tree's title); for a declaration of interests, which one (annual, on appointment, a changed interest)." },
    Column { id: "verdict", heading: "Verdict", meaning: "The verdict worded as the widget showed it (\"Yes, if you follow these conditions\", \"No, you need not\"); for a nil declaration, \"Nil declaration: nothing to declare\"." },
    Column { id: "offered_by", heading: "Offered by", meaning: "Who offered it, person and organisation (for an interest: the body or person; for outside work: the organisation): the record details whose field fills this column." },
    Column { id: "what", heading: "What", meaning: "What was offered (for an interest: the interest; for outside work: the role)." },
    Column { id: "value", heading: "Value", meaning: "In pounds and pence: the value detail when the record has one, otherwise the first amount of money answered." },
    Column { id: "action_taken", heading: "What they did", meaning: "Accepted, declined, returned, handed over or not yet decided (for a fee: what happens to it; for outside work: paid or unpaid)." },
    Column { id: "date_offered", heading: "Date offered", meaning: "The date offered (for an interest: since when; for outside work: the start date; for a fee: the date of the activity), `YYYY-MM-DD`." },
    Column { id: "details", heading: "All details", meaning: "Every record detail as \"Label: value\", separated by \"; \", and for an interest whom the code says to tell: nothing the declaration records is left out of the register." },
    Column { id: "management_action", heading: "Management action", meaning: "What management did about it (Kent Appendix 1's \"Management action to prevent conflict of interest\"): written by HR, kept only in the register file, never in the declaration." },
    Column { id: "made_under", heading: "Made under", meaning: "The exact policy version the declaration was checked against: council, title, version, effective date, whether it is the version in force, and the first 16 hex digits of its digest." },
    Column { id: "digest", heading: "Declaration digest", meaning: "The declaration's own digest (`sha256:…`): how the register recognises a declaration it already holds." },
    Column { id: "item", heading: "Item", meaning: "0 for a declaration of one answer; 1, 2, … for each interest in a declaration of interests (and 0 for a nil one)." },
];

/// One row of the register.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub made: String,
    pub officer: String,
    pub job_title: String,
    pub team: String,
    pub council: String,
    pub question: String,
    pub verdict: String,
    pub offered_by: String,
    pub what: String,
    pub value: String,
    pub action_taken: String,
    pub date_offered: String,
    pub details: String,
    #[serde(default)]
    pub management_action: String,
    pub made_under: String,
    pub digest: String,
    pub item: u32,
}

impl Row {
    /// The cell of a column, by its id (empty for an unknown id).
    pub fn cell(&self, id: &str) -> String {
        match id {
            "made" => self.made.clone(),
            "officer" => self.officer.clone(),
            "job_title" => self.job_title.clone(),
            "team" => self.team.clone(),
            "council" => self.council.clone(),
            "question" => self.question.clone(),
            "verdict" => self.verdict.clone(),
            "offered_by" => self.offered_by.clone(),
            "what" => self.what.clone(),
            "value" => self.value.clone(),
            "action_taken" => self.action_taken.clone(),
            "date_offered" => self.date_offered.clone(),
            "details" => self.details.clone(),
            "management_action" => self.management_action.clone(),
            "made_under" => self.made_under.clone(),
            "digest" => self.digest.clone(),
            "item" => self.item.to_string(),
            _ => String::new(),
        }
    }

    /// Every cell, in [`COLUMNS`] order.
    pub fn cells(&self) -> Vec<String> {
        COLUMNS.iter().map(|c| self.cell(c.id)).collect()
    }
}

/// The register rows of a verified declaration: one, or one per declared interest.
pub fn rows(verified: &VerifiedAny<'_>) -> Vec<Row> {
    let version = &verified.version;
    match &verified.declaration {
        AnyDeclaration::V1(d) => {
            let mut row = base(d.declarant.as_ref(), &d.created_at, version, &d.digest);
            row.question = d.tree.title.clone();
            row.verdict = d.outcome.verdict_label.clone();
            row.value = money_answer(version.policy, &d.answers);
            row.details = "Declaration v1: no record details".into();
            vec![row]
        }
        AnyDeclaration::V2(DeclarationV2::Answer(d)) => vec![answer_row(d, version)],
        AnyDeclaration::V2(DeclarationV2::Interests(d)) => interests_rows(d, version),
    }
}

fn base(declarant: Option<&Declarant>, created_at: &str, version: &Version<'_>, digest: &str) -> Row {
    let field = |f: fn(&Declarant) -> &Option<String>| declarant.and_then(|d| f(d).clone()).unwrap_or_default();
    Row {
        made: crate::dates::date_of_rfc3339(created_at).map(crate::dates::iso).unwrap_or_default(),
        officer: field(|d| &d.name),
        job_title: field(|d| &d.job_title),
        team: field(|d| &d.team),
        council: version.policy.header.council.clone(),
        made_under: version.made_under().trim_start_matches("made under ").to_string(),
        digest: digest.to_string(),
        ..Row::default()
    }
}

fn answer_row(d: &AnswerDeclaration, version: &Version<'_>) -> Row {
    let mut row = base(d.declarant.as_ref(), &d.created_at, version, &d.digest);
    row.question = d.tree.title.clone();
    row.verdict = d.outcome.verdict_label.clone();
    fill(&mut row, version.policy, &d.details, &d.answers, &d.outcome, false);
    row
}

fn interests_rows(d: &InterestsDeclaration, version: &Version<'_>) -> Vec<Row> {
    let question = format!("{}: {}", d.occasion.label(), d.tree.title);
    if d.nil {
        let mut row = base(d.declarant.as_ref(), &d.created_at, version, &d.digest);
        row.question = question;
        row.verdict = "Nil declaration: nothing to declare".into();
        return vec![row];
    }
    d.interests
        .iter()
        .enumerate()
        .map(|(i, InterestRecord { answers, outcome, details, .. })| {
            let mut row = base(d.declarant.as_ref(), &d.created_at, version, &d.digest);
            row.question.clone_from(&question);
            row.verdict = outcome.verdict_label.clone();
            row.item = u32::try_from(i.saturating_add(1)).unwrap_or(u32::MAX);
            fill(&mut row, version.policy, details, answers, outcome, true);
            row
        })
        .collect()
}

/// Puts each detail in the column its field fills, all of them in `details`, and the value.
fn fill(
    row: &mut Row,
    policy: &Policy,
    details: &[Detail],
    answers: &[AnswerRecord],
    outcome: &OutcomeRecord,
    who: bool,
) {
    let mut all: Vec<String> = Vec::new();
    for d in details {
        let column = policy.records.get(&d.field).and_then(|f| f.column.as_deref());
        let shown = if column == Some("date_offered") { d.value.clone() } else { d.display.clone() };
        let cell = match column {
            Some("offered_by") => Some(&mut row.offered_by),
            Some("what") => Some(&mut row.what),
            Some("value") => Some(&mut row.value),
            Some("action_taken") => Some(&mut row.action_taken),
            Some("date_offered") => Some(&mut row.date_offered),
            _ => None,
        };
        if let Some(cell) = cell {
            if !cell.is_empty() {
                cell.push_str(", ");
            }
            cell.push_str(&shown);
        }
        all.push(format!("{}: {}", d.label, d.display));
    }
    if who && !outcome.actions.is_empty() {
        let tell: Vec<String> = outcome.actions.iter().map(|a| format!("{}: {}", a.who, a.what)).collect();
        all.push(format!("What the code asks: {}", tell.join(" / ")));
    }
    if row.value.is_empty() {
        row.value = money_answer(policy, answers);
    }
    row.details = all.join("; ");
}

/// The first amount of money answered, as the officer read it.
fn money_answer(policy: &Policy, answers: &[AnswerRecord]) -> String {
    answers
        .iter()
        .find(|a| policy.fact(&a.fact).is_some_and(|f| f.kind == FactKind::Money))
        .map(|a| a.display.clone())
        .unwrap_or_default()
}

/// Always `probity.register`.
pub const SCHEMA: &str = "probity.register";

/// The register file HR keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    pub schema: String,
    pub schema_version: u32,
    pub rows: Vec<Row>,
}

impl Default for Register {
    fn default() -> Self {
        Register { schema: SCHEMA.to_string(), schema_version: 1, rows: Vec::new() }
    }
}

/// What adding a declaration's rows did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    New,
    /// Its digest was already in the register: nothing changed (its management action is kept).
    AlreadyThere,
}

/// What merging a saved register into this one did ([`Register::merge`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Declarations this register did not hold, now added with their rows and actions.
    pub added: usize,
    /// Declarations it held already (same digest).
    pub already_there: usize,
    /// Rows with no management action here that took the saved register's.
    pub actions_taken: usize,
    /// Rows whose management action here differs from the saved register's: this register's is
    /// kept, and each is named ("officer, what, made") so HR can look at both.
    pub actions_kept: Vec<String>,
}

/// Why a management action was not set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    NoSuchRow(String),
    Ambiguous(String),
    Text(String),
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActionError::NoSuchRow(k) => write!(f, "no row of the register has digest `{k}`"),
            ActionError::Ambiguous(k) => write!(f, "`{k}` is the start of more than one row's digest"),
            ActionError::Text(m) => f.write_str(m),
        }
    }
}

impl Register {
    /// Reads a register file.
    pub fn parse(text: &str) -> Result<Register, String> {
        let r: Register = serde_json::from_str(text).map_err(|e| format!("the register file is not readable: {e}"))?;
        if r.schema != SCHEMA || r.schema_version != 1 {
            return Err(format!("the file is not a register (schema `{}` v{})", r.schema, r.schema_version));
        }
        Ok(r)
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether a declaration with this digest is in the register.
    pub fn contains(&self, digest: &str) -> bool {
        self.rows.iter().any(|r| r.digest == digest)
    }

    /// Adds a declaration's rows, unless its digest is already there; rows stay in date order.
    pub fn add(&mut self, rows: Vec<Row>) -> Added {
        if rows.first().is_some_and(|r| self.contains(&r.digest)) {
            return Added::AlreadyThere;
        }
        self.rows.extend(rows);
        self.rows.sort_by(|a, b| (&a.made, &a.digest, a.item).cmp(&(&b.made, &b.digest, b.item)));
        Added::New
    }

    /// Brings a saved register's declarations into this one, as HR expects when they open last
    /// month's file after adding today's: each declaration once (by digest), every row in date
    /// order. A management action fills a row that has none here; where both have one and they
    /// differ, this register's is kept (it is the newer work) and the row is named in the result.
    pub fn merge(&mut self, saved: Register) -> Merged {
        let mut merged = Merged::default();
        let held: std::collections::BTreeSet<String> = self.rows.iter().map(|r| r.digest.clone()).collect();
        let (mut added, mut already) = (std::collections::BTreeSet::new(), std::collections::BTreeSet::new());
        for row in saved.rows {
            if !held.contains(&row.digest) {
                added.insert(row.digest.clone());
                self.rows.push(row);
                continue;
            }
            already.insert(row.digest.clone());
            let Some(here) = self.rows.iter_mut().find(|r| r.digest == row.digest && r.item == row.item) else {
                continue;
            };
            if here.management_action.is_empty() && !row.management_action.is_empty() {
                here.management_action = row.management_action;
                merged.actions_taken = merged.actions_taken.saturating_add(1);
            } else if !row.management_action.is_empty() && here.management_action != row.management_action {
                merged.actions_kept.push(format!("{}, {}, {}", here.officer, here.what, here.made));
            }
        }
        self.rows.sort_by(|a, b| (&a.made, &a.digest, a.item).cmp(&(&b.made, &b.digest, b.item)));
        merged.added = added.len();
        merged.already_there = already.len();
        merged
    }

    /// Sets the management action of the row whose digest starts with `key` (at least 12
    /// characters after `sha256:`, or the whole digest) and, for a declaration of interests,
    /// whose item is `item`. Text is at most 2,000 characters with none that cannot be seen.
    pub fn set_action(&mut self, key: &str, item: u32, text: &str) -> Result<(), ActionError> {
        let text = text.trim();
        if text.chars().count() > 2000 {
            return Err(ActionError::Text("the management action is over 2,000 characters".into()));
        }
        if text.chars().any(crate::declaration::hidden) {
            return Err(ActionError::Text(
                "the management action has characters that cannot be seen, such as control characters".into(),
            ));
        }
        let key_full = if key.starts_with("sha256:") { key.to_string() } else { format!("sha256:{key}") };
        if key_full.len() < "sha256:".len().saturating_add(12) {
            return Err(ActionError::Text(format!("`{key}` is too short: give at least 12 hex digits of the digest")));
        }
        let matching: Vec<usize> = (0..self.rows.len())
            .filter(|&i| self.rows.get(i).is_some_and(|r| r.digest.starts_with(&key_full) && r.item == item))
            .collect();
        let digests: std::collections::BTreeSet<&str> =
            matching.iter().filter_map(|&i| self.rows.get(i)).map(|r| r.digest.as_str()).collect();
        match (matching.as_slice(), digests.len()) {
            ([], _) => Err(ActionError::NoSuchRow(format!("{key} (item {item})"))),
            (_, n) if n > 1 => Err(ActionError::Ambiguous(key.to_string())),
            ([i, ..], _) => {
                if let Some(row) = self.rows.get_mut(*i) {
                    row.management_action = text.to_string();
                }
                Ok(())
            }
        }
    }
}

/// The rows as CSV (RFC 4180: comma separated, CRLF line ends, quoted where needed), headed
/// by the column ids. A cell that a spreadsheet would run as a formula (starting `=`, `+`, `-`,
/// `@`, tab or carriage return) is written with a leading `'`, so opening the register never
/// runs what an officer typed.
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::new();
    let line = |cells: Vec<String>, out: &mut String| {
        let quoted: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    line(COLUMNS.iter().map(|c| c.id.to_string()).collect(), &mut out);
    for row in rows {
        line(row.cells(), &mut out);
    }
    out
}

fn csv_cell(cell: &str) -> String {
    let safe = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_string() };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// `docs/register-columns.md`: the columns, generated from [`COLUMNS`] (a test keeps it fresh).
pub fn columns_markdown() -> String {
    let mut out = String::from(
        "# Register columns\n\n\
         Generated from `probity_core::register::COLUMNS` by `probity register --columns` \
         (`scripts/regen-docs.sh`); a test fails when this file is stale. The CLI's table and CSV \
         (`probity register --csv`) and the register page use exactly these columns, in this order; \
         the CSV's header line is the ids.\n\n\
         | # | id | heading | what it holds |\n|---|---|---|---|\n",
    );
    for (i, c) in COLUMNS.iter().enumerate() {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            i.saturating_add(1),
            c.id,
            c.heading,
            c.meaning.replace('|', "\\|")
        ));
    }
    out.push_str(
        "\nThe CSV is RFC 4180 (comma separated, CRLF line ends, a cell quoted when it holds a comma, \
         quote or line break). A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return \
         is written with a leading `'`, so that a spreadsheet never runs what an officer typed as a formula.\n\n\
         Where each record field goes is set once, in `policies/vocabulary.toml` (`column = \"…\"` on \
         each `[records.<id>]`); every detail also appears in `details`.\n",
    );
    out
}
