//! Sigap's project tasks, run as `cargo xtask <task>` (an alias in `.cargo/config.toml`).
//!
//! - `cargo xtask demo`: regenerates the demo data set in `assets/demo/` from the story
//!   in `xtask/data/demo-scenarios.toml`, after checking that it keeps its promises.
//! - `cargo xtask demo --check`: regenerates it in memory and compares it byte for byte
//!   with `assets/demo/` (exit 1 on any difference); `tests/demo_generator.rs` does the
//!   same under `cargo test`.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used)]

mod demo;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask demo [--check] [--out DIR]

  demo            regenerate assets/demo/ (the demo data set)
  demo --check    regenerate in memory and compare with assets/demo/, byte for byte
  --out DIR       write or compare DIR instead of assets/demo/";

/// The workspace root (this crate sits in `xtask/` below it).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut check = false;
    let mut out = root().join("assets").join("demo");
    let mut rest = args.iter();
    let task = rest.next().map(String::as_str);
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--check" => check = true,
            "--out" => match rest.next() {
                Some(dir) => out = PathBuf::from(dir),
                None => return usage("--out needs a folder"),
            },
            other => return usage(&format!("unknown argument {other:?}")),
        }
    }
    match task {
        Some("demo") => run_demo(&out, check),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage(&format!("unknown task {other:?}")),
        None => usage("no task"),
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("xtask: {problem}\n{USAGE}");
    ExitCode::from(2)
}

fn run_demo(dir: &Path, check: bool) -> ExitCode {
    let demo = match demo::generate() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("xtask demo: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", demo.summary.report());
    let result = if check {
        demo::files::compare(dir, &demo.files).map(|diff| {
            if diff.is_empty() {
                println!("{}: identical to the generator's output", dir.display());
            } else {
                for d in &diff {
                    eprintln!("  {d}");
                }
                eprintln!("{} differs: run `cargo xtask demo`", dir.display());
            }
            diff.is_empty()
        })
    } else {
        demo::files::write(dir, &demo.files).map(|()| {
            println!("wrote {} files to {}", demo.files.len(), dir.display());
            true
        })
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("xtask demo: {e}");
            ExitCode::FAILURE
        }
    }
}
