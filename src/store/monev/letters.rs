//! Written reprimands in the cache: taking a letter's number (per year, never given
//! out twice) and recording the letter with what it listed in the same transaction;
//! the letters issued so far; and what a letter may say about the complaints it lists.

use super::super::error::{Named, Part};
use super::super::row::{col, columns};
use super::super::{Store, StoreError, Txn};
use crate::domain::monev::reprimand::PastLetter;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

/// One overdue clock a letter lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterItem {
    pub complaint_id: String,
    /// `first_response` or `completion`.
    pub clock: String,
    pub due: NaiveDate,
    pub days_late: u32,
}

/// A letter to record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewLetter {
    pub number: String,
    pub year: i32,
    pub seq: u64,
    pub date: NaiveDate,
    pub agency: String,
    pub level: u8,
    pub deadline: NaiveDate,
    pub file: Option<String>,
    /// When it was issued (RFC 3339).
    pub issued_at: String,
    pub items: Vec<LetterItem>,
}

/// A letter as the cache keeps it.
pub type StoredLetter = NewLetter;

/// What a letter may say about a complaint it lists, and the reporter's identity it
/// must never say (to blank it out of the title).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterFacts {
    pub id: String,
    pub title: String,
    pub confidential: bool,
    pub category: Option<String>,
    /// The reporter's name, phone and e-mail, when the cache holds them.
    pub identity: Vec<String>,
    /// The row's cache id (the inbox lists rows by it).
    pub rowid: i64,
}

columns!(
    /// A letter's columns.
    LetterCols = [
        "number", "year", "seq", "date", "agency", "level", "deadline", "file", "issued_at",
    ];
    const ALL_LETTERS = "FROM reprimands ORDER BY date, year, seq";
);

columns!(
    /// What a letter lists.
    ItemCols = ["number", "complaint_id", "clock", "due", "days_late"];
    const ALL_ITEMS = "FROM reprimand_items ORDER BY number, days_late DESC, complaint_id, clock";
);

columns!(
    /// What a letter may say about a complaint.
    FactCols = ["id", "title", "confidential", "category", "rowid"];
    const FACTS = ", s.snapshot AS snapshot FROM complaints
        JOIN complaint_snapshots s ON s.rid = complaints.rowid WHERE complaints.id = ?1";
);

fn day(s: String) -> NaiveDate {
    s.parse().unwrap_or_default()
}

impl Txn<'_> {
    /// Takes the next letter number of a year: it is never given out again, even if
    /// the letter is later discarded (the transaction that takes it records it).
    pub fn take_letter_seq(&mut self, year: i32) -> Result<u64, StoreError> {
        let n: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO letter_sequences (year, last) VALUES (?1, 1)
                 ON CONFLICT (year) DO UPDATE SET last = last + 1
                 RETURNING last",
            )
            .and_then(|mut s| s.query_row([year], |r| r.get("last")))
            .named("take a letter number")?;
        Ok(n.max(0) as u64)
    }

    /// The number of the letter already issued to an agency on a day, if any.
    pub fn letter_on(&self, agency: &str, date: NaiveDate) -> Result<Option<String>, StoreError> {
        self.tx
            .prepare_cached("SELECT number FROM reprimands WHERE agency = ?1 AND date = ?2")
            .and_then(|mut s| {
                s.query_row(params![agency, date.to_string()], |r| r.get("number"))
                    .optional()
            })
            .named("look for a letter issued today")
    }

    /// Records an issued letter and what it listed.
    pub fn record_letter(&mut self, l: &NewLetter) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO reprimands (number, year, seq, date, agency, level, deadline, file,
                     issued_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    l.number,
                    l.year,
                    l.seq as i64,
                    l.date.to_string(),
                    l.agency,
                    l.level,
                    l.deadline.to_string(),
                    l.file,
                    l.issued_at,
                ])
            })
            .named("record a reprimand")?;
        for i in &l.items {
            self.tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO reprimand_items (number, complaint_id, clock, due,
                         days_late)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        l.number,
                        i.complaint_id,
                        i.clock,
                        i.due.to_string(),
                        i.days_late,
                    ])
                })
                .named("record what a reprimand listed")?;
        }
        Ok(())
    }
}

impl Store {
    /// Every letter issued, oldest first, with what each listed.
    pub fn letters(&self) -> Result<Vec<StoredLetter>, StoreError> {
        const READ: &str = "read the reprimands";
        let mut letters: Vec<StoredLetter> = self
            .conn
            .prepare_cached(ALL_LETTERS)
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok(NewLetter {
                        number: r.get(col!(LetterCols, "number"))?,
                        year: r.get(col!(LetterCols, "year"))?,
                        seq: r.get::<_, i64>(col!(LetterCols, "seq"))?.max(0) as u64,
                        date: day(r.get(col!(LetterCols, "date"))?),
                        agency: r.get(col!(LetterCols, "agency"))?,
                        level: r.get(col!(LetterCols, "level"))?,
                        deadline: day(r.get(col!(LetterCols, "deadline"))?),
                        file: r.get(col!(LetterCols, "file"))?,
                        issued_at: r.get(col!(LetterCols, "issued_at"))?,
                        items: Vec::new(),
                    })
                })?
                .collect()
            })
            .named(READ)?;
        let items: Vec<(String, LetterItem)> = self
            .conn
            .prepare_cached(ALL_ITEMS)
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok((
                        r.get(col!(ItemCols, "number"))?,
                        LetterItem {
                            complaint_id: r.get(col!(ItemCols, "complaint_id"))?,
                            clock: r.get(col!(ItemCols, "clock"))?,
                            due: day(r.get(col!(ItemCols, "due"))?),
                            days_late: r.get(col!(ItemCols, "days_late"))?,
                        },
                    ))
                })?
                .collect()
            })
            .named(READ)?;
        for (number, item) in items {
            if let Some(l) = letters.iter_mut().find(|l| l.number == number) {
                l.items.push(item);
            }
        }
        Ok(letters)
    }

    /// The cache rows of these complaints, in the order given (unknown ids are left
    /// out).
    pub fn rowids_of(&self, ids: &[&str]) -> Result<Vec<i64>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row: Option<i64> = self
                .conn
                .prepare_cached("SELECT rowid FROM complaints WHERE id = ?1")
                .and_then(|mut s| s.query_row([id], |r| r.get("rowid")).optional())
                .named("find a complaint's row")?;
            out.extend(row);
        }
        Ok(out)
    }

    /// What a letter may say about these complaints (unknown ids are left out).
    pub fn letter_facts(&self, ids: &[&str]) -> Result<Vec<LetterFacts>, StoreError> {
        let mut out = Vec::new();
        for id in ids {
            let row = self
                .conn
                .prepare_cached(FACTS)
                .and_then(|mut s| {
                    s.query_row([id], |r| {
                        Ok((
                            LetterFacts {
                                id: r.get(col!(FactCols, "id"))?,
                                title: r.get(col!(FactCols, "title"))?,
                                confidential: r.get(col!(FactCols, "confidential"))?,
                                category: r.get(col!(FactCols, "category"))?,
                                identity: Vec::new(),
                                rowid: r.get(col!(FactCols, "rowid"))?,
                            },
                            r.get::<_, String>("snapshot")?,
                        ))
                    })
                    .optional()
                })
                .named("read what a letter says of a complaint")?;
            let Some((mut facts, data)) = row else {
                continue;
            };
            let c: crate::domain::Complaint =
                serde_json::from_str(&data).map_err(|e| StoreError::Corrupt {
                    complaint: facts.id.clone(),
                    part: Part::Snapshot,
                    reason: e.to_string(),
                })?;
            if let Some(r) = c.reporter {
                facts.identity = [r.name, r.phone, r.email]
                    .into_iter()
                    .flatten()
                    .filter(|s| s.trim().chars().count() >= 3)
                    .collect();
            }
            out.push(facts);
        }
        Ok(out)
    }
}

impl From<&StoredLetter> for PastLetter {
    fn from(l: &StoredLetter) -> PastLetter {
        PastLetter {
            number: l.number.clone(),
            date: l.date,
            agency: l.agency.clone(),
            level: l.level,
            deadline: l.deadline,
            listed: l.items.iter().map(|i| i.complaint_id.clone()).collect(),
        }
    }
}
