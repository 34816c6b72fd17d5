//! Written reprimands (*teguran tertulis*) from a report: the letters that would be
//! issued at its `as_of` ([`plan`]), and issuing them ([`issue`]): each takes its
//! number (per year, kept in the cache, never given out again) in the same
//! transaction that records it, and its `.docx` is written atomically beside the
//! others once that transaction has committed. Issuing twice to one agency on one day
//! is refused, naming the letter already issued.

mod docx;
pub mod text;

use super::Report;
use crate::config::Config;
use crate::domain::monev::ClockKind;
use crate::domain::monev::reprimand::{Draft, PastLetter, letter_number};
use crate::store::{LetterItem, NewLetter, Store, StoreError};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use std::path::{Path, PathBuf};

/// One complaint a letter lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    /// Its title (identity blanked out), or `[Rahasia]` and its category.
    pub subject: String,
    pub clock: ClockKind,
    pub due: NaiveDate,
    pub days_late: u32,
    /// The complaint's row in the cache (the inbox lists rows by it).
    pub rowid: Option<i64>,
}

/// A letter, drafted or issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub agency: String,
    pub name: String,
    pub level: u8,
    pub date: NaiveDate,
    pub deadline: NaiveDate,
    /// `None` until issued.
    pub number: Option<String>,
    pub items: Vec<Item>,
    pub previous: Option<PastLetter>,
    /// A letter already issued to this agency on this date (issuing is refused).
    pub issued_today: Option<String>,
    /// Where its file was written, once issued.
    pub file: Option<PathBuf>,
}

impl Letter {
    /// The file's name: `teguran-<level>-<agency>-<date>.docx`.
    pub fn file_name(&self) -> String {
        let agency: String = self
            .agency
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        format!("teguran-{}-{agency}-{}.docx", self.level, self.date)
    }

    /// The letter as plain text (for review).
    pub fn text(&self, cfg: &Config) -> String {
        text::plain(self, cfg)
    }
}

/// Why letters could not be issued.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    #[error("a letter was already issued to {agency} today: {number}")]
    AlreadyIssued { agency: String, number: String },
    #[error("letter template teguran-{level}: unknown placeholder {placeholder}")]
    Template { level: u8, placeholder: String },
    #[error("no folder for the letters: pass --out DIR or set report_dir in the config")]
    NoFolder,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("letter {number} was recorded but its file {path} could not be written: {source}")]
    NotPlaced {
        number: String,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the letter could not be made: {0}")]
    Docx(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The letters that would be issued at the report's `as_of`, with what each lists.
pub fn plan(report: &Report, cfg: &Config, store: &Store) -> Result<Vec<Letter>, StoreError> {
    let drafts: Vec<Draft> = super::draft_letters(report, cfg, store);
    let mut out = Vec::new();
    for d in drafts {
        let mut ids: Vec<&str> = d.overdue.iter().map(|o| o.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let facts = store.letter_facts(&ids)?;
        let items = d
            .overdue
            .iter()
            .map(|o| {
                let f = facts.iter().find(|f| f.id == o.id);
                Item {
                    id: o.id.clone(),
                    subject: match f {
                        Some(f) => text::subject(
                            &f.title,
                            f.confidential || o.confidential,
                            f.category.as_deref().or(o.category.as_deref()),
                            &f.identity,
                        ),
                        None => text::subject("", true, o.category.as_deref(), &[]),
                    },
                    clock: o.clock,
                    due: o.due,
                    days_late: o.days_late,
                    rowid: f.map(|f| f.rowid),
                }
            })
            .collect();
        out.push(Letter {
            agency: d.agency,
            name: d.name,
            level: d.level,
            date: d.date,
            deadline: d.deadline,
            number: None,
            items,
            previous: d.previous,
            issued_today: d.issued_today,
            file: None,
        });
    }
    Ok(out)
}

/// Checks the letters can be issued: none already issued today, every template's
/// placeholders known.
pub fn check(letters: &[Letter], cfg: &Config) -> Result<(), LetterError> {
    for l in letters {
        if let Some(number) = &l.issued_today {
            return Err(LetterError::AlreadyIssued {
                agency: l.agency.clone(),
                number: number.clone(),
            });
        }
        if let Some(p) = text::unknown_placeholder(&text::template(cfg, l.level)) {
            return Err(LetterError::Template {
                level: l.level,
                placeholder: p,
            });
        }
    }
    Ok(())
}

/// Issues the letters into `dir`, all or none: every number is taken and every letter
/// recorded in one transaction, each file staged beside its final name before the
/// commit and put in place after it. Returns the letters with their numbers and files.
/// Without a folder the letters are only recorded (the demo's letter of last month).
pub fn issue(
    store: &mut Store,
    cfg: &Config,
    letters: Vec<Letter>,
    dir: Option<&Path>,
    now: DateTime<FixedOffset>,
) -> Result<Vec<Letter>, LetterError> {
    check(&letters, cfg)?;
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| LetterError::Io { path, source }
    };
    if let Some(dir) = dir {
        crate::store::private_dir(dir).map_err(io(dir))?;
    }
    let mut txn = store.txn_immediate()?;
    let mut staged = Vec::new();
    let mut out = Vec::new();
    for mut l in letters {
        if let Some(number) = txn.letter_on(&l.agency, l.date)? {
            return Err(LetterError::AlreadyIssued {
                agency: l.agency,
                number,
            });
        }
        let year = l.date.year();
        let seq = txn.take_letter_seq(year)?;
        let number = letter_number(&cfg.monev.letter_number, seq, year);
        l.number = Some(number.clone());
        let path = dir.map(|d| d.join(l.file_name()));
        if let Some(path) = &path {
            let bytes = docx::letter(&l, cfg).map_err(LetterError::Docx)?;
            let tmp = super::files::stage(path, &bytes).map_err(io(path))?;
            staged.push((tmp, path.clone(), number.clone()));
        }
        txn.record_letter(&NewLetter {
            number: number.clone(),
            year,
            seq,
            date: l.date,
            agency: l.agency.clone(),
            level: l.level,
            deadline: l.deadline,
            file: path.as_ref().map(|p| p.display().to_string()),
            issued_at: now.to_rfc3339(),
            items: l
                .items
                .iter()
                .map(|i| LetterItem {
                    complaint_id: i.id.clone(),
                    clock: i.clock.as_str().to_owned(),
                    due: i.due,
                    days_late: i.days_late,
                })
                .collect(),
        })?;
        l.file = path;
        out.push(l);
    }
    txn.commit()?;
    for (tmp, path, number) in staged {
        super::files::place(tmp, &path).map_err(|source| LetterError::NotPlaced {
            number,
            path: path.clone(),
            source,
        })?;
    }
    Ok(out)
}

/// The letter's file bytes (for the tests and a re-render).
pub fn docx_bytes(letter: &Letter, cfg: &Config) -> Result<Vec<u8>, LetterError> {
    docx::letter(letter, cfg).map_err(LetterError::Docx)
}
