//! The demo data set generator: `assets/demo/` from the story in
//! `xtask/data/demo-scenarios.toml`.
//!
//! The story is a Sumenep regency (kode 3529) coordinator desk on a fixed reference
//! date, with six agencies in scope. Every complaint gets a whole life (submitted,
//! disposed, agency responses, reporter replies, status changes), each change raising
//! its revision; each agency stream has a few batch times, and batch k carries a
//! snapshot of every complaint that changed since batch k-1 followed by the messages
//! written in that window. Anything after a stream's last batch has not happened yet.
//! One batch of one stream is never delivered (the gap the desk must list), one
//! anonymous complaint arrives with its reporter filled in, some complaints sit at the
//! wrong office and a few are transferred away.
//!
//! Deterministic: a fixed seed, the crate's working-day calendar and its batch writer
//! ([`sigap::sync::writer`]); the same data always gives the same bytes. No I/O here:
//! [`generate`] returns the files, the xtask writes or compares them, and
//! `tests/demo_generator.rs` compiles this module too and compares them with the
//! checked-in copy.

mod batches;
mod clock;
mod consistency;
mod content;
mod data;
pub mod files;
mod life;
mod plan;
mod promises;
mod readme;
mod rng;
mod text;
mod verify;

use chrono::{DateTime, FixedOffset};
use data::Story;
use rng::Rng;
use sigap::domain::WorkCalendar;
use std::fmt;

pub use verify::Summary;

/// A moment in the demo's time zone.
pub type Time = DateTime<FixedOffset>;

/// Why the demo could not be generated.
#[derive(Debug)]
pub enum Error {
    /// The data file is malformed or inconsistent.
    Data(String),
    /// The generated files lack a property the story promises.
    Story(Vec<String>),
    /// A batch line could not be written, or the calendar could not be read.
    Write(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Data(e) => write!(f, "demo data (xtask/data/demo-scenarios.toml): {e}"),
            Error::Story(problems) => {
                write!(f, "the generated demo breaks its story:")?;
                for p in problems {
                    write!(f, "\n  - {p}")?;
                }
                Ok(())
            }
            Error::Write(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<sigap::sync::writer::WriteError> for Error {
    fn from(e: sigap::sync::writer::WriteError) -> Self {
        Error::Write(e.to_string())
    }
}

/// One generated file, its path relative to `assets/demo/` (with `/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The generated demo: its files and what they hold.
#[derive(Debug)]
pub struct Demo {
    pub files: Vec<DemoFile>,
    pub summary: Summary,
}

/// Whether a file of `assets/demo/` is one the generator writes (the batches, the
/// waiting batches of `masuk/`, the README); the rest (`config.toml`) is hand-written.
pub fn is_generated(path: &str) -> bool {
    path == "README.md" || path.ends_with(".jsonl")
}

/// The generator's state: the story, the random source and the calendar.
pub struct Gen<'a> {
    pub story: &'a Story,
    pub rng: Rng,
    pub cal: WorkCalendar,
    pub reference: Time,
    pub offset: FixedOffset,
}

/// Generates the whole demo data set and checks its story.
pub fn generate() -> Result<Demo, Error> {
    let story = Story::load()?;
    let cal = WorkCalendar::embedded().map_err(|e| Error::Write(e.to_string()))?;
    let mut g = Gen {
        story: &story,
        rng: Rng::new(story.desk.seed),
        cal,
        reference: story.desk.reference,
        offset: *story.desk.reference.offset(),
    };
    let mut cases = g.plan()?;
    for i in 0..cases.len() {
        g.fill_content(&mut cases, i)?;
    }
    g.pick_anonymous_trap(&mut cases)?;
    for case in &mut cases {
        g.live(case)?;
        g.cut_future(case);
    }
    let mut files = g.batches(&cases)?;
    files.push(g.inbox()?);
    let summary = verify::verify(&g, &files)?;
    files.push(readme::readme(&g, &cases, &files, &summary)?);
    Ok(Demo { files, summary })
}
