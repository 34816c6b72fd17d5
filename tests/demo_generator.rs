//! The checked-in demo data set is exactly what its generator writes: the generator of
//! `cargo xtask demo` (`xtask/src/demo/`, compiled into this test as a module, with its
//! own unit tests) regenerates `assets/demo/` in memory, every file is compared byte for
//! byte, and the story's promises are checked on the way. Runs under the README's
//! `cargo test --locked` (the root package only), unlike the `xtask` package's own tests.

#[allow(dead_code)]
#[path = "../xtask/src/demo/mod.rs"]
mod demo;

use std::path::Path;

#[test]
fn demo_data_is_byte_for_byte_what_the_generator_writes() {
    let generated = demo::generate().unwrap_or_else(|e| panic!("{e}"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let diff = demo::files::compare(&dir, &generated.files).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        diff.is_empty(),
        "assets/demo/ is not what the generator writes; run `cargo xtask demo`:\n  {}",
        diff.join("\n  ")
    );
    // Batches, the waiting inbox and the README; config.toml stays hand-written.
    assert!(generated.files.iter().any(|f| f.path == "README.md"));
    assert!(
        generated
            .files
            .iter()
            .any(|f| f.path.starts_with("masuk/inbound-"))
    );
    assert!(dir.join("config.toml").is_file());
}

#[test]
fn the_generator_is_deterministic() {
    let a = demo::generate().unwrap_or_else(|e| panic!("{e}"));
    let b = demo::generate().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.files, b.files);
}

#[test]
fn the_demo_keeps_its_story() {
    let s = demo::generate().unwrap_or_else(|e| panic!("{e}")).summary;
    assert_eq!(s.complaints, 306);
    assert_eq!(s.anonymous_with_reporter.len(), 1);
    assert_eq!(s.missing.get("3529-DPUBM"), Some(&vec![3]));
    assert!((3..=5).contains(&s.transferred.len()));
    assert_eq!(s.by_status.len(), 6, "{:?}", s.by_status);
    assert!(s.first_response.get("hari ini").is_some_and(|n| *n > 0));
    assert!(s.completion.get("hari ini").is_some_and(|n| *n > 0));
}
