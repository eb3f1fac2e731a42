//! The built-in vocabulary, compiled in: every policy the studio edits is checked against the
//! same facts as the widget's (`policies/vocabulary.toml`).

use probity_core::check::check_vocabulary;
use probity_core::model::Vocabulary;
use probity_core::raw::{parse_vocabulary, Format};
use std::sync::OnceLock;

const VOCABULARY: &str = include_str!("../../../policies/vocabulary.toml");

/// Checked once, on first use. A vocabulary that does not read is an empty one (a test proves
/// the built-in one reads and checks), so every fact a policy asks is then reported as unknown.
pub fn vocabulary() -> &'static Vocabulary {
    static CHECKED: OnceLock<Vocabulary> = OnceLock::new();
    CHECKED.get_or_init(|| {
        parse_vocabulary(VOCABULARY, Format::Toml).ok().and_then(|raw| check_vocabulary(&raw).value).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_vocabulary_reads_and_checks() {
        let raw = super::parse_vocabulary(super::VOCABULARY, super::Format::Toml).expect("reads");
        let checked = super::check_vocabulary(&raw);
        assert!(checked.errors().next().is_none(), "{:?}", checked.diagnostics);
        assert!(super::vocabulary().facts.contains_key("offer_kind"));
    }
}
