//! Sigap's project tasks, run as `cargo xtask <task>` (an alias in `.cargo/config.toml`).
//!
//! - `cargo xtask demo`: regenerates the demo data set in `assets/demo/` from the story
//!   in `xtask/data/demo-scenarios.toml`, after checking that it keeps its promises.
//! - `cargo xtask demo --check`: regenerates it in memory and compares it byte for byte
//!   with `assets/demo/` (exit 1 on any difference); `tests/demo_generator.rs` does the
//!   same under `cargo test`.
//! - `cargo xtask crash [--command NAME|all] [--kills N] [--seed S] [--scale S]`: kills
//!   the real `sigap` at random moments and checks what it left (see `crash`).
//! - `cargo xtask fuzz [--target NAME|all] [--runs N] [--seed S]`: feeds mutated inputs
//!   to the batch reader, the config loader and the text sanitiser (see `fuzz`).
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used)]

mod crash;
mod demo;
mod fuzz;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask demo [--check] [--out DIR]
       cargo xtask crash [--command NAME|all] [--kills N] [--seed S] [--scale S] [--bin FILE]
       cargo xtask fuzz [--target NAME|all] [--runs N] [--seed S]

  demo            regenerate assets/demo/ (the demo data set)
  demo --check    regenerate in memory and compare with assets/demo/, byte for byte
  --out DIR       write or compare DIR instead of assets/demo/
  crash           kill sigap at random during import, export, respond, undo, backup and
                  restore (--kills per command, default 20; --scale small|medium|large,
                  large being the fault probe's 100,000-complaint import and
                  16,000-operation export; --bin: the binary, default a release build)
  fuzz            mutate the seed corpus in xtask/fuzz/ and feed the batch reader, the
                  config loader and the text sanitiser (--runs per target, default 10000)";

/// The workspace root (this crate sits in `xtask/` below it).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("crash") => return run_crash(&args[1..]),
        Some("fuzz") => return fuzz::main(&args[1..], &root()),
        _ => {}
    }
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

/// The value after a flag.
fn value<'a>(rest: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<&'a str, String> {
    rest.next()
        .map(String::as_str)
        .ok_or_else(|| format!("{flag} needs a value"))
}

fn run_crash(args: &[String]) -> ExitCode {
    let mut targets = crash::Target::ALL.to_vec();
    let mut kills = 20;
    let mut seed = 1;
    let mut scale = crash::Scale::SMALL;
    let mut bin: Option<PathBuf> = None;
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        let parsed: Result<(), String> = match a.as_str() {
            "--command" => value(&mut rest, a).and_then(|v| {
                if v == "all" {
                    return Ok(());
                }
                targets = vec![crash::Target::parse(v).ok_or(format!("unknown command {v}"))?];
                Ok(())
            }),
            "--kills" => value(&mut rest, a).and_then(|v| {
                kills = v.parse().map_err(|_| "--kills needs a number".to_owned())?;
                Ok(())
            }),
            "--seed" => value(&mut rest, a).and_then(|v| {
                seed = v.parse().map_err(|_| "--seed needs a number".to_owned())?;
                Ok(())
            }),
            "--scale" => value(&mut rest, a).and_then(|v| {
                scale = match v {
                    "small" => crash::Scale::SMALL,
                    "medium" => crash::Scale::MEDIUM,
                    "large" => crash::Scale::LARGE,
                    other => return Err(format!("unknown scale {other}")),
                };
                Ok(())
            }),
            "--bin" => value(&mut rest, a).map(|v| bin = Some(PathBuf::from(v))),
            other => Err(format!("unknown argument {other:?}")),
        };
        if let Err(e) = parsed {
            return usage(&e);
        }
    }
    let bin = match bin {
        Some(b) => b,
        None => {
            let built = std::process::Command::new(env!("CARGO"))
                .args([
                    "build",
                    "--release",
                    "--locked",
                    "-p",
                    "sigap",
                    "--bin",
                    "sigap",
                ])
                .current_dir(root())
                .status();
            if !built.is_ok_and(|s| s.success()) {
                eprintln!("xtask crash: the release build failed");
                return ExitCode::FAILURE;
            }
            root().join("target").join("release").join("sigap")
        }
    };
    let work = match tempfile::Builder::new().prefix("sigap-crash-").tempdir() {
        Ok(w) => w,
        Err(e) => {
            eprintln!("xtask crash: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = std::time::Instant::now();
    for t in targets {
        let dir = work.path().join(t.name());
        match crash::run(t, &bin, &dir, kills, seed, scale, &mut |l| println!("{l}")) {
            Ok(s) => println!(
                "{}: {} kills, all checks held ({} before it changed anything, {} after it took effect, {} after it finished)",
                t.name(),
                s.kills,
                s.before,
                s.after,
                s.finished
            ),
            Err(e) => {
                eprintln!("xtask crash: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!(
        "crash: done in {:.0} s (seed {seed})",
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
