//! A short run of each fuzz target (`cargo xtask fuzz`, compiled here as a module) on
//! the seed corpus in `xtask/fuzz/corpus/`: the batch reader, the config loader and
//! the text sanitiser. The long runs are recorded in `docs/reliability.md`.

#[allow(dead_code)]
#[path = "../xtask/src/crash/mod.rs"]
mod crash;
#[allow(dead_code)]
#[path = "../xtask/src/fuzz/mod.rs"]
mod fuzz;

use std::path::Path;

/// Inputs per target here; `cargo xtask fuzz --seconds 600` for the long run.
const RUNS: u64 = 400;

#[test]
fn the_readers_of_outside_input_hold_on_mutated_input() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for t in fuzz::Target::ALL {
        let seeds = fuzz::corpus(root, t).expect("the seed corpus");
        let figures = fuzz::run(t, &seeds, RUNS, None, 7).unwrap_or_else(|(why, input)| {
            panic!(
                "{}: {why}\ninput: {:?}",
                t.name(),
                String::from_utf8_lossy(&input)
            )
        });
        assert_eq!(figures.runs, RUNS);
        assert!(
            figures.accepted > 0,
            "{}: some inputs were accepted",
            t.name()
        );
    }
}
