//! The register the page holds while HR works: the register file's rows (with their management
//! actions) and the archived policy versions fetched so far. Everything is checked by
//! probity-core exactly as `probity register` checks it, so the page's CSV is the CLI's.

use crate::policies::in_force;
use probity_core::archive::{self, Archived, Versions};
use probity_core::declaration::{verify_any, Refusal};
use probity_core::register::{rows, Added, Merged, Register, Row};
use serde::Serialize;

/// The largest declaration read, as `probity verify` and `probity register` limit it.
pub const MAX_BYTES: usize = 1024 * 1024;

/// Why a file was not added, in the words `probity register` uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refused {
    /// `invalid`, `altered` or `unknown_version`.
    pub kind: &'static str,
    /// "Invalid", "Altered", "Unknown policy version".
    pub label: &'static str,
    pub reason: String,
    pub help: String,
}

/// What adding one file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// Verified and added: how many rows, the version it was checked against, its digest.
    Added {
        rows: usize,
        made_under: String,
        digest: String,
    },
    /// Verified, and a declaration with the same digest is already in the register.
    AlreadyThere {
        made_under: String,
        digest: String,
    },
    Refused(Refused),
}

fn kind_id(kind: Refusal) -> &'static str {
    match kind {
        Refusal::Invalid => "invalid",
        Refusal::Altered => "altered",
        Refusal::UnknownVersion => "unknown_version",
    }
}

/// A policy id that can name a folder of the archive: nothing in a declaration can point the
/// page at any other file.
fn plain_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[derive(Default)]
pub struct Book {
    pub register: Register,
    archived: Vec<Archived>,
}

impl Book {
    /// The archive file (`<id>/<first 16 hex digits>.json`) a declaration's version would be
    /// kept in, when that version is not in force and not fetched already; `None` otherwise
    /// (including text that is not a declaration: verifying it will say why).
    pub fn archive_file(&self, text: &str) -> Option<String> {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        let policy = value.get("policy")?;
        let id = policy.get("id")?.as_str()?;
        let digest = policy.get("digest")?.as_str()?;
        let name = archive::file_name(digest);
        let hex = name.trim_end_matches(".json");
        if !plain_id(id) || hex.len() != 16 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let known = in_force().catalog.policies.get(id).is_some_and(|p| p.digest == digest)
            || self.archived.iter().any(|a| a.policy.header.id == id && a.policy.digest == digest);
        (!known).then(|| format!("{id}/{name}"))
    }

    /// Keeps an archived version fetched as `file` (`<id>/<name>.json`); its digest is
    /// recomputed from its content, and a file whose content is not the version its name says
    /// is refused, as `probity register` refuses it.
    pub fn add_archive(&mut self, file: &str, text: &str) -> Result<(), String> {
        let loaded = archive::load(text, &format!("archive/{file}")).map_err(|e| e.to_string())?;
        let named = format!("{}/{}", loaded.policy.header.id, archive::file_name(&loaded.policy.digest));
        if named != file {
            return Err(format!("the archive file `{file}` holds another version (`{named}`)"));
        }
        if !self.archived.iter().any(|a| a.policy.digest == loaded.policy.digest) {
            self.archived.push(loaded);
        }
        Ok(())
    }

    /// Verifies one declaration against the version it names and adds its rows unless its
    /// digest is already in the register.
    pub fn add(&mut self, file: &str, text: &str) -> Outcome {
        if text.len() > MAX_BYTES {
            return Outcome::Refused(Refused {
                kind: kind_id(Refusal::Invalid),
                label: Refusal::Invalid.label(),
                reason: format!("`{file}` is over the 1 MB limit for a declaration"),
                help: "a declaration from the widget is a few kilobytes; check that this is the right file".into(),
            });
        }
        let versions = Versions { current: &in_force().catalog.policies, archived: &self.archived };
        match verify_any(text, &versions) {
            Ok(verified) => {
                let made_under = verified.version.made_under();
                let new = rows(&verified);
                let digest = new.first().map(|r| r.digest.clone()).unwrap_or_default();
                let count = new.len();
                match self.register.add(new) {
                    Added::New => Outcome::Added { rows: count, made_under, digest },
                    Added::AlreadyThere => Outcome::AlreadyThere { made_under, digest },
                }
            }
            Err(e) => Outcome::Refused(Refused {
                kind: kind_id(e.refusal()),
                label: e.refusal().label(),
                reason: e.to_string(),
                help: e.help().to_string(),
            }),
        }
    }

    /// Opens a saved register: merged into the rows already on the page (each declaration once,
    /// the page's management action kept where the two differ), so nothing added today is lost.
    /// The file is checked whole before anything changes.
    pub fn open(&mut self, text: &str) -> Result<Merged, String> {
        let register = Register::parse(text)?;
        Ok(self.register.merge(register))
    }

    /// Sets one row's management action (`digest` whole, `item` 0 or the interest's number).
    pub fn set_action(&mut self, digest: &str, item: u32, text: &str) -> Result<(), String> {
        self.register.set_action(digest, item, text).map_err(|e| e.to_string())
    }

    pub fn rows(&self) -> &[Row] {
        &self.register.rows
    }

    /// The register file as `probity register --register` writes it.
    pub fn save(&self) -> String {
        format!("{}\n", self.register.to_json_pretty())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn repo() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    const FIXTURE: &str = "tests/declarations/history/bf94cbe/kent--gifts--004.json";

    /// What the page does for one file: fetch the archive file it names, then verify.
    fn add_like_the_page(book: &mut Book, text: &str) -> Outcome {
        if let Some(file) = book.archive_file(text) {
            if let Ok(archived) = std::fs::read_to_string(repo().join("policies/archive").join(&file)) {
                book.add_archive(&file, &archived).unwrap();
            }
        }
        book.add("f.json", text)
    }

    #[test]
    fn an_earlier_release_verifies_against_its_archived_version_and_is_added_once() {
        let text = std::fs::read_to_string(repo().join(FIXTURE)).unwrap();
        let mut book = Book::default();
        assert!(book.archive_file(&text).is_some_and(|f| f.starts_with("kent/")));
        match add_like_the_page(&mut book, &text) {
            Outcome::Added { rows, made_under, .. } => {
                assert_eq!(rows, 1);
                assert!(made_under.contains("an earlier version"), "{made_under}");
            }
            other => panic!("{other:?}"),
        }
        assert!(book.archive_file(&text).is_none(), "fetched once");
        assert!(matches!(book.add("again.json", &text), Outcome::AlreadyThere { .. }));
        assert_eq!(book.rows().len(), 1);
    }

    #[test]
    fn without_its_archive_file_a_declaration_is_of_unknown_version_never_checked_against_another() {
        let text = std::fs::read_to_string(repo().join(FIXTURE)).unwrap();
        match Book::default().add("old.json", &text) {
            Outcome::Refused(r) => assert_eq!(r.kind, "unknown_version", "{r:?}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_altered_declaration_and_text_that_is_not_one_are_refused_with_a_reason_and_help() {
        let text = std::fs::read_to_string(repo().join(FIXTURE)).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["declarant"] = serde_json::json!({ "name": "Someone Else" });
        let mut book = Book::default();
        match add_like_the_page(&mut book, &value.to_string()) {
            Outcome::Refused(r) => {
                assert_eq!(r.kind, "altered", "{r:?}");
                assert!(!r.help.is_empty());
            }
            other => panic!("{other:?}"),
        }
        match book.add("notes.txt", "hello") {
            Outcome::Refused(r) => assert_eq!((r.kind, r.label), ("invalid", "Invalid"), "{r:?}"),
            other => panic!("{other:?}"),
        }
        let big = " ".repeat(MAX_BYTES + 1);
        match book.add("big.json", &big) {
            Outcome::Refused(r) => assert!(r.reason.contains("1 MB"), "{r:?}"),
            other => panic!("{other:?}"),
        }
        assert!(book.rows().is_empty());
    }

    #[test]
    fn an_archive_file_must_hold_the_version_its_name_says() {
        let dir = repo().join("policies/archive/kent");
        let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        let text = std::fs::read_to_string(dir.join(&names[0])).unwrap();
        let other = names[1].to_string_lossy();
        let err = Book::default().add_archive(&format!("kent/{other}"), &text).unwrap_err();
        assert!(err.contains("holds another version"), "{err}");
        assert!(Book::default().archive_file(r#"{"policy":{"id":"../x","digest":"sha256:00"}}"#).is_none());
    }

    #[test]
    fn the_action_is_kept_through_save_and_open() {
        let text = std::fs::read_to_string(repo().join(FIXTURE)).unwrap();
        let mut book = Book::default();
        add_like_the_page(&mut book, &text);
        let digest = book.rows()[0].digest.clone();
        book.set_action(&digest, 0, "Supplier reminded").unwrap();
        assert!(book.set_action(&digest, 0, "a\u{7}b").is_err());
        let saved = book.save();
        let mut again = Book::default();
        assert_eq!(again.open(&saved).unwrap().added, 1);
        assert_eq!(again.rows()[0].management_action, "Supplier reminded");
        assert!(again.open("{}").is_err());
        assert_eq!(again.rows().len(), 1, "a bad file changes nothing");
    }

    #[test]
    fn the_built_in_policies_check() {
        assert!(crate::policies::in_force().errors.is_empty());
        assert_eq!(crate::policies::in_force().catalog.policies.len(), 5);
    }
}
