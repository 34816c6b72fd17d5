//! The crash harness (`cargo xtask crash`, and a few trials under `cargo test` in
//! `tests/crash.rs`): runs the real `sigap` and kills it with SIGKILL at a random moment
//! while it imports, exports, responds, undoes, backs up or restores, then checks what
//! a power cut must never break:
//!
//! - the cache passes the desk's whole check (integrity, every maintained count against
//!   a recount, no orphan rows, an unbroken audit chain) and `status` still reads it;
//! - the command happened all or nothing (the cache is in the state before it or the
//!   state an uninterrupted run reaches, nothing between);
//! - after the next writing command, every queued operation is pending in no outbound
//!   file or exported in exactly one complete file, and no temporary file is left;
//! - doing the command again (when it had not happened) reaches the same state as an
//!   uninterrupted run.
//!
//! Each command's desk is built once as a template and copied for every trial; the
//! uninterrupted run on a copy gives the reference state and how long the command
//! takes, and each kill lands at a uniformly random moment within that time.

pub mod desk;
pub mod state;

use desk::{Desk, complaint_id};
use std::path::Path;
use std::time::Instant;

/// A command the harness kills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Import,
    Export,
    Respond,
    Undo,
    Backup,
    Restore,
}

impl Target {
    pub const ALL: [Target; 6] = [
        Target::Import,
        Target::Export,
        Target::Respond,
        Target::Undo,
        Target::Backup,
        Target::Restore,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Import => "import",
            Target::Export => "export",
            Target::Respond => "respond",
            Target::Undo => "undo",
            Target::Backup => "backup",
            Target::Restore => "restore",
        }
    }

    pub fn parse(s: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == s)
    }
}

/// How large the desks are: complaints in the cache, records in the imported batch,
/// operations exported or queued at once.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub complaints: usize,
    pub batch: usize,
    pub operations: usize,
}

impl Scale {
    /// A few seconds per command: for CI.
    pub const SMALL: Scale = Scale {
        complaints: 300,
        batch: 2_000,
        operations: 300,
    };
    /// The long run's sizes: a 20,000-complaint import, a 4,000-operation export.
    pub const MEDIUM: Scale = Scale {
        complaints: 2_000,
        batch: 20_000,
        operations: 4_000,
    };
    /// The fault probe's sizes: a 100,000-complaint import, a 16,000-operation export.
    pub const LARGE: Scale = Scale {
        complaints: 20_000,
        batch: 100_000,
        operations: 16_000,
    };
}

/// What a run of kills found.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub kills: usize,
    /// Trials whose kill came before the command changed anything, and after it had.
    pub before: usize,
    pub after: usize,
    /// Kills that landed after the command had finished on its own.
    pub finished: usize,
}

/// A small deterministic random source (xorshift64*), so that a seed replays a run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A fraction in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_owned()).collect()
}

/// The command line of a target, on a desk built by [`template`].
fn args(t: Target, d: &Desk, scale: Scale) -> Vec<String> {
    match t {
        Target::Import => vec![
            "import".into(),
            d.files()
                .join("inbound-3529-DINSOS-0002.jsonl")
                .display()
                .to_string(),
        ],
        Target::Export => s(&["export"]),
        Target::Respond => {
            let mut a = s(&[
                "respond",
                "--stage",
                "initial",
                "--text",
                "Sedang ditangani",
            ]);
            a.extend((0..scale.operations).map(|i| complaint_id(1, i % scale.complaints)));
            a
        }
        Target::Undo => s(&["undo"]),
        Target::Backup => s(&["backup"]),
        Target::Restore => vec![
            "restore".into(),
            d.root.join("earlier.db").display().to_string(),
            "--force".into(),
        ],
    }
}

/// Builds the desk a target starts from.
fn template(t: Target, root: &Path, bin: &Path, scale: Scale) -> Result<Desk, String> {
    let d = Desk::create(root, bin)?;
    let first = d.write_batch(1, scale.complaints)?;
    d.run_ok(&["import".into(), first.display().to_string()])?;
    match t {
        Target::Import => {
            d.write_batch(2, scale.batch)?;
            // Some work queued, so that the import also turns operations into conflicts
            // or leaves them.
            d.run_ok(&args(
                Target::Respond,
                &d,
                Scale {
                    operations: 10,
                    ..scale
                },
            ))?;
        }
        Target::Export => {
            d.run_ok(&args(Target::Respond, &d, scale))?;
        }
        Target::Respond => {}
        Target::Undo => {
            for i in 0..5 {
                let id = complaint_id(1, i);
                d.run_ok(&s(&["hold", &id, "--missing", "Foto lokasi"]))?;
            }
        }
        Target::Backup => {
            d.run_ok(&args(
                Target::Respond,
                &d,
                Scale {
                    operations: 20,
                    ..scale
                },
            ))?;
        }
        Target::Restore => {
            d.run_ok(&s(&[
                "backup",
                "--out",
                &d.root.join("earlier.db").display().to_string(),
            ]))?;
            let second = d.write_batch(2, scale.complaints)?;
            d.run_ok(&["import".into(), second.display().to_string()])?;
            d.run_ok(&args(
                Target::Respond,
                &d,
                Scale {
                    operations: 20,
                    ..scale
                },
            ))?;
        }
    }
    Ok(d)
}

/// Whether doing the command again after a kill is what an officer would do whatever
/// happened (importing, exporting, backing up and restoring are idempotent), or only
/// when it had not happened (queuing and undoing are not).
fn redo_always(t: Target) -> bool {
    !matches!(t, Target::Respond | Target::Undo)
}

/// Runs `kills` trials of one target; `log` hears one line per trial. Work happens in
/// `work` (a fresh folder per trial below it).
pub fn run(
    t: Target,
    bin: &Path,
    work: &Path,
    kills: usize,
    seed: u64,
    scale: Scale,
    log: &mut dyn FnMut(&str),
) -> Result<Summary, String> {
    let tpl = template(t, &work.join("template"), bin, scale)?;
    let before = state::state_digest(&tpl.data())?;
    // The reference: an uninterrupted run, timed.
    let reference = tpl.copy_to(&work.join("reference"))?;
    let start = Instant::now();
    reference.run_ok(&args(t, &reference, scale))?;
    let took = start.elapsed();
    let after = state::state_digest(&reference.data())?;
    log(&format!(
        "{}: an uninterrupted run takes {:.0} ms",
        t.name(),
        took.as_secs_f64() * 1000.0
    ));
    let mut rng = Rng::new(seed ^ (t as u64 + 1).wrapping_mul(0x9E37_79B9));
    let mut summary = Summary::default();
    for k in 0..kills {
        let trial = work.join(format!("trial-{k}"));
        let d = tpl.copy_to(&trial)?;
        // Half the kills anywhere in the run, half in its last third, where the
        // commits, renames and syncs are.
        let at = if k % 2 == 0 {
            rng.unit() * 1.05
        } else {
            0.7 + rng.unit() * 0.35
        };
        let delay = took.mul_f64(at);
        let mut child = d.spawn(&args(t, &d, scale))?;
        // The kill's moment is the point of the trial: this is not a wait for a
        // condition but the random instant the power goes.
        std::thread::sleep(delay);
        let finished = matches!(child.try_wait(), Ok(Some(_)));
        let _ = child.kill();
        let _ = child.wait();
        let fail = |what: String| format!("{} kill {k} at {delay:?}: {what}", t.name());
        let took_effect = trial_checks(t, &d, &before, &after, scale).map_err(fail)?;
        summary.kills += 1;
        if finished {
            summary.finished += 1;
        } else if took_effect {
            summary.after += 1;
        } else {
            summary.before += 1;
        }
        log(&format!(
            "{} kill {k}: at {:.0} ms, {}",
            t.name(),
            delay.as_secs_f64() * 1000.0,
            if finished {
                "after it finished"
            } else if took_effect {
                "after it took effect"
            } else {
                "before it changed anything"
            }
        ));
        let _ = std::fs::remove_dir_all(&trial);
    }
    Ok(summary)
}

/// The checks after one kill, then the redo and the checks after it. Returns whether
/// the killed command had taken effect.
fn trial_checks(
    t: Target,
    d: &Desk,
    before: &str,
    after: &str,
    scale: Scale,
) -> Result<bool, String> {
    state::check_cache(&d.data())?;
    d.run_ok(&s(&["status", "--json"]))?;
    // All or nothing: the cache is as before the command or as an uninterrupted run
    // leaves it (an export's batch recorded but not yet written counts as done: the
    // next writer writes it).
    let now = state::state_digest(&d.data())?;
    if now != before && now != after {
        return Err("the cache is neither as before nor as after the command".into());
    }
    let took_effect = now != before || (t == Target::Backup && manual_backups(d) > 0);
    if redo_always(t) || now == before {
        d.run_ok(&args(t, d, scale))?;
    }
    if state::state_digest(&d.data())? != after {
        return Err("doing the command again does not reach an uninterrupted run's state".into());
    }
    // Every operation pending in no file or exported in exactly one complete file; an
    // export (done again above) leaves no temporary file.
    state::check_outbox(&d.data(), &d.out(), t == Target::Export)?;
    state::check_cache(&d.data())?;
    if t == Target::Backup {
        check_backups(d)?;
    }
    Ok(took_effect)
}

/// How many manual backups (what `sigap backup` leaves) the data folder holds.
fn manual_backups(d: &Desk) -> usize {
    std::fs::read_dir(d.data().join("backups")).map_or(0, |r| {
        r.filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with("-manual.db"))
            .count()
    })
}

/// Every backup in the data folder is a whole cache.
fn check_backups(d: &Desk) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(d.data().join("backups")) else {
        return Ok(());
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".db") {
            continue;
        }
        let c = rusqlite::Connection::open_with_flags(
            e.path(),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .map_err(|e| format!("backup {name}: {e}"))?;
        let ok: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| format!("backup {name}: {e}"))?;
        if ok != "ok" {
            return Err(format!("backup {name} is damaged: {ok}"));
        }
    }
    Ok(())
}
