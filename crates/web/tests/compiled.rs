//! The widget's loader for compiled policy files (catalog::from_compiled), in wasm (Node): the
//! policies checked by the build read back exactly; a bad file is refused by name, and the others
//! still load.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use probity_core::compiled::encode;
use probity_web::{embedded, from_compiled, CompiledFile};
use wasm_bindgen_test::wasm_bindgen_test;

fn files() -> Vec<CompiledFile> {
    embedded()
        .catalog
        .policies
        .values()
        .map(|p| CompiledFile { id: p.header.id.clone(), digest: p.digest.clone(), bytes: encode(p) })
        .collect()
}

#[wasm_bindgen_test]
fn compiled_files_load_as_the_checked_policies() {
    let bundle = from_compiled(&files(), None);
    assert!(bundle.problems.is_empty(), "{:?}", bundle.problems);
    assert_eq!(bundle.catalog.policies, embedded().catalog.policies);
}

#[wasm_bindgen_test]
fn a_damaged_file_is_refused_by_name_and_the_others_still_load() {
    let mut files = files();
    let kent = files.iter_mut().find(|f| f.id == "kent").unwrap();
    let middle = kent.bytes.len() / 2;
    kent.bytes[middle] ^= 1;
    let bundle = from_compiled(&files, None);
    assert!(bundle.catalog.policy("kent").is_none());
    assert_eq!(bundle.catalog.policies.len(), 4);
    assert_eq!(bundle.problems.len(), 1);
    assert!(bundle.problems[0].contains("`kent`") && bundle.problems[0].contains("damaged"), "{:?}", bundle.problems);
}

#[wasm_bindgen_test]
fn a_council_file_compiled_by_the_checker_replaces_the_built_in_one() {
    let mut kent = embedded().catalog.policy("kent").unwrap().clone();
    kent.header.title = "Our edited code".to_string();
    let bytes = encode(&kent);
    let bundle = from_compiled(&files(), Some(("/our/kent.json", &bytes)));
    assert_eq!(bundle.custom.as_deref(), Some("kent"));
    assert_eq!(bundle.catalog.policies.len(), 5);
    assert_eq!(bundle.catalog.policy("kent").unwrap().header.title, "Our edited code");
}
