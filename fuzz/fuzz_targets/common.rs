// The vocabulary and policies the targets check against, compiled in.
use probity_core::{load, Catalog, Format, Source};
use std::sync::OnceLock;

pub const VOCABULARY: &str = include_str!("../../policies/vocabulary.toml");

pub fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| {
        let policies = [
            ("kent.toml", include_str!("../../policies/kent.toml")),
            ("oxfordshire.toml", include_str!("../../policies/oxfordshire.toml")),
        ];
        let sources: Vec<Source<'_>> = policies.iter().map(|(l, t)| Source { label: l, text: t, format: Format::Toml }).collect();
        load(Source { label: "vocabulary.toml", text: VOCABULARY, format: Format::Toml }, &sources).catalog
    })
}
