//! `probity register`: checks many declarations at once and lists them as HR's register.

use super::{CliError, Outcome};
use crate::files;
use probity_core::archive::Versions;
use probity_core::declaration::{verify_any, Refusal, WHAT_THE_DIGEST_PROVES};
use probity_core::register::{columns_markdown, csv, rows, Added, Register, Row};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Declaration files (v1 or v2), each at most 1 MB.
    #[arg(required_unless_present_any = ["columns", "register"])]
    files: Vec<PathBuf>,
    /// Print the register as CSV (columns: docs/register-columns.md) instead of a table.
    #[arg(long)]
    csv: bool,
    /// The register file HR keeps: read if it exists, the declarations added (each once, by its
    /// digest), and written back.
    #[arg(long, value_name = "REGISTER.json")]
    register: Option<PathBuf>,
    /// Set a row's management action: `DIGEST=TEXT`, or `DIGEST#ITEM=TEXT` for one interest of a
    /// declaration of interests (DIGEST: at least its first 12 hex digits). Kept in the register
    /// file only, never in the declaration.
    #[arg(long, value_name = "DIGEST[#ITEM]=TEXT")]
    action: Vec<String>,
    /// Print the register's columns as Markdown (docs/register-columns.md) and stop.
    #[arg(long)]
    columns: bool,
}

/// A file the register could not add, and why.
struct Refused {
    file: PathBuf,
    kind: Refusal,
    reason: String,
    help: String,
}

pub fn run(args: Args, dir: &Path) -> Outcome {
    if args.columns {
        print!("{}", columns_markdown());
        return Ok(ExitCode::SUCCESS);
    }
    let mut register = match &args.register {
        Some(path) if path.exists() => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| CliError::usage(format!("cannot read `{}`: {e}", path.display()), "check the path"))?;
            Register::parse(&text).map_err(|e| {
                CliError::usage(format!("`{}`: {e}", path.display()), "give the register file `probity register` wrote")
            })?
        }
        _ => Register::default(),
    };
    let mut texts = Vec::new();
    let mut refused = Vec::new();
    for file in &args.files {
        match super::verify::read_limited(file) {
            Ok(t) => texts.push((file.clone(), t)),
            Err(e) => refused.push(Refused {
                file: file.clone(),
                kind: Refusal::Invalid,
                reason: e.message,
                help: e.help.unwrap_or_default(),
            }),
        }
    }
    let loaded = files::load_dir(dir)?;
    let all: Vec<String> = texts.iter().map(|(_, t)| t.clone()).collect();
    let archived = files::archived_versions_for(dir, &all);
    let versions = Versions { current: &loaded.catalog.policies, archived: &archived };
    let mut notes = Vec::new();
    for (file, text) in &texts {
        match verify_any(text, &versions) {
            Ok(v) => {
                if register.add(rows(&v)) == Added::AlreadyThere {
                    notes.push(format!("{}: already in the register (same digest), not added again", file.display()));
                }
            }
            Err(e) => refused.push(Refused {
                file: file.clone(),
                kind: e.refusal(),
                reason: e.to_string(),
                help: e.help().to_string(),
            }),
        }
    }
    for a in &args.action {
        let (key, text) = a.split_once('=').ok_or_else(|| {
            CliError::usage(format!("--action `{a}` has no `=`"), "write it as DIGEST=TEXT or DIGEST#ITEM=TEXT")
        })?;
        let (digest, item) = match key.split_once('#') {
            Some((d, i)) => (
                d,
                i.parse::<u32>().map_err(|_| {
                    CliError::usage(
                        format!("--action: `{i}` is not an item number"),
                        "items are 1, 2, … for each interest",
                    )
                })?,
            ),
            None => (key, 0),
        };
        register.set_action(digest.trim(), item, text).map_err(|e| {
            CliError::usage(format!("--action: {e}"), "copy the digest from the register's `digest` column")
        })?;
    }
    if let Some(path) = &args.register {
        files::write(path, &format!("{}\n", register.to_json_pretty()))?;
    }
    if args.csv {
        print!("{}", csv(&register.rows));
        for r in &refused {
            eprintln!("not added ({}): {}: {}", r.kind.label().to_lowercase(), r.file.display(), r.reason);
        }
    } else {
        print!("{}", table(&register.rows));
        println!("\n{WHAT_THE_DIGEST_PROVES}");
        for kind in [Refusal::Invalid, Refusal::Altered, Refusal::UnknownVersion] {
            let these: Vec<&Refused> = refused.iter().filter(|r| r.kind == kind).collect();
            if these.is_empty() {
                continue;
            }
            println!("\nNot added: {} ({})", kind.label(), these.len());
            for r in these {
                println!("  {}: {}\n    help: {}", r.file.display(), r.reason, r.help);
            }
        }
    }
    for n in notes {
        eprintln!("{n}");
    }
    Ok(if refused.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The register as a text table of the columns HR reads first (the CSV has every column).
fn table(rows: &[Row]) -> String {
    const SHOWN: [(&str, &str); 14] = [
        ("made", "Date made"),
        ("officer", "Officer"),
        ("job_title", "Job title"),
        ("team", "Team"),
        ("council", "Council"),
        ("question", "Question"),
        ("verdict", "Verdict"),
        ("offered_by", "Offered by"),
        ("what", "What"),
        ("value", "Value"),
        ("action_taken", "What they did"),
        ("date_offered", "Date offered"),
        ("management_action", "Management action"),
        ("digest", "Digest"),
    ];
    let mut out = format!("{} row(s)\n", rows.len());
    out.push_str(&format!("| {} |\n", SHOWN.map(|(_, h)| h).join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(SHOWN.len())));
    for row in rows {
        let cells: Vec<String> = SHOWN
            .iter()
            .map(|(id, _)| {
                let mut c = row.cell(id);
                if *id == "digest" {
                    c = probity_core::archive::short(&c);
                    if row.item > 0 {
                        c.push_str(&format!("#{}", row.item));
                    }
                }
                let c = c.replace('|', "/").replace(['\n', '\r'], " ");
                match c.char_indices().nth(60) {
                    Some((at, _)) => format!("{}…", c.get(..at).unwrap_or_default()),
                    None => c,
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}
