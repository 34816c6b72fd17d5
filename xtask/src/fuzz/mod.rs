//! Fuzz targets for the three readers of outside input: the batch reader (a whole
//! import into a real cache), the config loader and the text sanitiser. Each is fed
//! inputs made by mutating a seed corpus (`xtask/fuzz/corpus/<target>/`, in the
//! repository) and checked for what must hold whatever the input:
//!
//! - `batch`: no panic; a refusal is one line naming a reason, and leaves the
//!   maintained counts as they were; every few hundred inputs the whole cache passes
//!   the desk's check. A mutated file is often given a correct trailer again, so that
//!   mutated records get past the digest and into the cache.
//! - `config`: no panic, no input takes more than a second (an SLA of billions of days
//!   once hung every command), and an accepted config gives due dates.
//! - `text`: no dangerous or invisible character survives `line` or `block`, `line`
//!   gives one line, and sanitising twice changes nothing.
//!
//! Why not cargo-fuzz, cargo-afl or bolero: the first needs a nightly toolchain, the
//! others an instrumenting build of AFL++ or libFuzzer that this machine and CI do not
//! have; this runs on the stable toolchain in-process, a seed replays a run exactly,
//! and a short run fits in `cargo test` (`tests/fuzz.rs`). It is not coverage-guided:
//! its mutations know the formats instead (JSON tokens, trailers made right again).

mod mutate;
pub mod targets;

use mutate::Mutator;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// A fuzz target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Batch,
    Config,
    Text,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::Batch, Target::Config, Target::Text];

    pub fn name(self) -> &'static str {
        match self {
            Target::Batch => "batch",
            Target::Config => "config",
            Target::Text => "text",
        }
    }
}

/// The seed corpus of a target, from `root/xtask/fuzz/corpus/<target>/`.
pub fn corpus(root: &Path, t: Target) -> Result<Vec<Vec<u8>>, String> {
    let dir = root
        .join("xtask")
        .join("fuzz")
        .join("corpus")
        .join(t.name());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let seeds: Vec<Vec<u8>> = files
        .iter()
        .map(std::fs::read)
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    if seeds.is_empty() {
        return Err(format!("{} holds no seed", dir.display()));
    }
    Ok(seeds)
}

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    pub runs: u64,
    /// Inputs the target accepted (a batch applied, a config loaded).
    pub accepted: u64,
    pub slowest: Duration,
}

/// Runs `runs` mutated inputs (or until `limit` passes) through a target. The first
/// failure is returned with the input that caused it.
pub fn run(
    t: Target,
    seeds: &[Vec<u8>],
    runs: u64,
    limit: Option<Duration>,
    seed: u64,
) -> Result<Figures, (String, Vec<u8>)> {
    let mut m = Mutator::new(seed, seeds);
    let mut target = targets::Runner::new(t).map_err(|e| (e, Vec::new()))?;
    let mut figures = Figures::default();
    let started = Instant::now();
    // Every seed as it is first, then mutations.
    let mut inputs = seeds.iter().cloned();
    while figures.runs < runs && limit.is_none_or(|l| started.elapsed() < l) {
        let input = match inputs.next() {
            Some(i) => i,
            None => m.next_input(t == Target::Batch),
        };
        let began = Instant::now();
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| target.feed(&input)));
        let took = began.elapsed();
        figures.slowest = figures.slowest.max(took);
        figures.runs += 1;
        match outcome {
            Ok(Ok(accepted)) => figures.accepted += u64::from(accepted),
            Ok(Err(e)) => return Err((e, input)),
            Err(_) => return Err(("the target panicked".into(), input)),
        }
        if took > targets::SLOW {
            return Err((format!("one input took {took:?}"), input));
        }
    }
    target.finish().map_err(|e| (e, Vec::new()))?;
    Ok(figures)
}

/// `cargo xtask fuzz [--target NAME|all] [--runs N] [--seconds S] [--seed S]`.
pub fn main(args: &[String], root: &Path) -> ExitCode {
    let mut targets = Target::ALL.to_vec();
    let mut runs = 10_000u64;
    let mut seconds: Option<u64> = None;
    let mut seed = 1u64;
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        let v = rest.next().map(String::as_str);
        let ok = match (a.as_str(), v) {
            ("--target", Some("all")) => true,
            ("--target", Some(name)) => match Target::ALL.into_iter().find(|t| t.name() == name) {
                Some(t) => {
                    targets = vec![t];
                    true
                }
                None => false,
            },
            ("--runs", Some(n)) => n.parse().map(|n| runs = n).is_ok(),
            ("--seconds", Some(n)) => n.parse().map(|n| seconds = Some(n)).is_ok(),
            ("--seed", Some(n)) => n.parse().map(|n| seed = n).is_ok(),
            _ => false,
        };
        if !ok {
            eprintln!("xtask fuzz: bad argument {a}");
            return ExitCode::from(2);
        }
    }
    if seconds.is_some() && !args.iter().any(|a| a == "--runs") {
        runs = u64::MAX;
    }
    for t in targets {
        let seeds = match corpus(root, t) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("xtask fuzz: {e}");
                return ExitCode::FAILURE;
            }
        };
        let started = Instant::now();
        match run(t, &seeds, runs, seconds.map(Duration::from_secs), seed) {
            Ok(f) => println!(
                "{}: {} inputs in {:.1} s ({} accepted, slowest {:?}), seed {seed}: no failure",
                t.name(),
                f.runs,
                started.elapsed().as_secs_f64(),
                f.accepted,
                f.slowest
            ),
            Err((why, input)) => {
                let dir = root.join("xtask").join("fuzz").join("failures");
                let _ = std::fs::create_dir_all(&dir);
                let file = dir.join(format!("{}-{seed}.bin", t.name()));
                let _ = std::fs::write(&file, &input);
                eprintln!(
                    "xtask fuzz {}: {why}; the input is in {}",
                    t.name(),
                    file.display()
                );
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
