//! The repository's real policies, compiled into the tests so they run anywhere.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use probity_core::{load, Catalog, Format, Loaded, Source};

pub const VOCABULARY: &str = include_str!("../../../../policies/vocabulary.toml");

pub const POLICIES: &[(&str, &str, &str)] = &[
    ("derbyshire.toml", include_str!("../../../../policies/derbyshire.toml"), "000_d4cae11079ffe12b.txt"),
    ("part-6b.toml", include_str!("../../../../policies/part-6b.toml"), "001_2e7669080abd3490.txt"),
    ("kent.toml", include_str!("../../../../policies/kent.toml"), "002_fdf0665d542f2120.txt"),
    ("oxfordshire.toml", include_str!("../../../../policies/oxfordshire.toml"), "003_0ff39b0b3099e351.txt"),
    ("milton-keynes.toml", include_str!("../../../../policies/milton-keynes.toml"), "004_bd702cf7605ff292.txt"),
];

pub fn loaded() -> Loaded {
    let sources: Vec<Source<'_>> =
        POLICIES.iter().map(|(label, text, _)| Source { label, text, format: Format::Toml }).collect();
    load(Source { label: "vocabulary.toml", text: VOCABULARY, format: Format::Toml }, &sources)
}

pub fn catalog() -> Catalog {
    let l = loaded();
    let errors: Vec<String> = l.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "the policies do not check:\n{}", errors.join("\n"));
    l.catalog
}
