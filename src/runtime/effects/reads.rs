//! The effects that only read the cache: counts, windows of rows, details, marks,
//! the agency directory and what the respond pane needs. Each answers at once.

use super::Executor;
use crate::app::{Action, FillData, From, InboxRow, ListRef, Loaded, Place};
use crate::domain::{ComplaintId, OpState};
use crate::store::{ComplaintRow, Direction, ViewQuery};
use color_eyre::eyre::Result;
use std::collections::HashMap;

impl Executor {
    /// The view counts and the desk status, again.
    pub(super) fn reload(&mut self) -> Result<Vec<Action>> {
        // Whatever changed, the filter's texts may be stale now: the next filter
        // request reloads them.
        self.search_refresh = true;
        Ok(vec![Action::Loaded(Box::new(self.load()?))])
    }

    /// A window of the list's rows.
    pub(super) fn load_window(
        &self,
        list: &ListRef,
        from: &From,
        place: Place,
        limit: usize,
        generation: u64,
    ) -> Result<Vec<Action>> {
        let rows = self.window(list, from, limit)?;
        Ok(vec![Action::WindowLoaded {
            generation,
            place,
            rows,
        }])
    }

    /// Marks every row of a list.
    pub(super) fn mark_all(&self, list: ListRef) -> Result<Vec<Action>> {
        let ids = match list {
            ListRef::View(v) => self.store.view_ids(&v)?,
            ListRef::Rows(rows) => self
                .store
                .rows_by_rowid(&rows)?
                .into_iter()
                .map(|r| r.id.0)
                .collect(),
        };
        Ok(vec![Action::Marked(
            ids.into_iter().map(ComplaintId).collect(),
        )])
    }

    /// Marks the rows of a view between two keys.
    pub(super) fn mark_range(&self, view: &ViewQuery, from: &str, to: &str) -> Result<Vec<Action>> {
        let ids = self.store.ids_between(view, from, to)?;
        Ok(vec![Action::Marked(
            ids.into_iter().map(ComplaintId).collect(),
        )])
    }

    /// One complaint's detail and its clocks.
    pub(super) fn load_detail(&self, id: &ComplaintId) -> Result<Vec<Action>> {
        Ok(match self.store.complaint(id.as_str())? {
            Some(mut d) => {
                d.duplicates = self
                    .store
                    .duplicates(id.as_str(), self.cfg.duplicate_days)?;
                let clocks = self.store.sla().clocks(&d.row.facts(self.store.sla()));
                vec![Action::DetailLoaded(Box::new(d), clocks)]
            }
            None => vec![Action::Failed(
                self.cfg.language.unknown_complaint(id.as_str()),
            )],
        })
    }

    /// The agency directory.
    pub(super) fn load_agencies(&self) -> Result<Vec<Action>> {
        Ok(vec![Action::AgenciesLoaded(self.store.agencies()?)])
    }

    /// The earlier agencies of these complaints, and where they most likely belong.
    pub(super) fn load_history(&self, ids: Vec<ComplaintId>) -> Result<Vec<Action>> {
        let mut h = Vec::new();
        let mut lists = Vec::new();
        for id in ids {
            if let Some(s) = self.store.suggest(id.as_str())? {
                lists.push((s.agency.0, s.suggestions));
            }
            let prev = self.store.previous_agencies(id.as_str())?;
            h.push((id, prev));
        }
        Ok(vec![
            Action::HistoryLoaded(h),
            Action::SuggestionsLoaded(crate::domain::routing::combine(&lists)),
        ])
    }

    /// What the respond pane fills its templates with, and the saved draft of a single
    /// complaint.
    pub(super) fn prepare_respond(&self, ids: &[ComplaintId]) -> Result<Vec<Action>> {
        let agencies = self.store.agencies()?;
        let mut fills = Vec::new();
        for id in ids {
            if let Some(d) = self.store.complaint(id.as_str())? {
                let agency_name = agencies
                    .iter()
                    .find(|a| a.code == d.complaint.agency)
                    .map_or_else(|| d.complaint.agency.to_string(), |a| a.name.clone());
                fills.push(FillData {
                    complaint: d.complaint,
                    agency_name,
                });
            }
        }
        let draft = match ids {
            [one] => self.store.draft(one.as_str())?,
            _ => None,
        };
        Ok(vec![Action::RespondReady { fills, draft }])
    }

    fn load(&mut self) -> Result<Loaded> {
        let scope = self.cfg.agency.clone();
        let today = self.today();
        let soon = (today, self.store.sla().calendar.add_working_days(today, 1));
        Ok(Loaded {
            counts: self.store.view_counts(today, soon)?,
            status: Some(self.store.status(&scope, today)?),
            oldest_pending: self.store.oldest_pending()?,
            drafts: self.store.draft_count()?,
        })
    }

    /// The rows of a window, made into inbox rows.
    fn window(&self, list: &ListRef, from: &From, limit: usize) -> Result<Vec<InboxRow>> {
        let rows: Vec<ComplaintRow> = match list {
            ListRef::View(v) => match from {
                From::Start => self.store.page(v, None, Direction::Forward, false, limit)?,
                From::End => self
                    .store
                    .page(v, None, Direction::Backward, false, limit)?,
                From::After(k) => self
                    .store
                    .page(v, Some(k), Direction::Forward, false, limit)?,
                From::Before(k) => {
                    self.store
                        .page(v, Some(k), Direction::Backward, false, limit)?
                }
                From::AtOrAfter(k) => {
                    self.store
                        .page(v, Some(k), Direction::Forward, true, limit)?
                }
                From::Offset(n) => self.store.page_at(v, *n, limit)?,
            },
            ListRef::Rows(all) => {
                let start = match from {
                    From::Offset(n) => *n,
                    _ => 0,
                };
                let end = (start + limit).min(all.len());
                self.store
                    .rows_by_rowid(all.get(start..end).unwrap_or_default())?
            }
        };
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let mut states: HashMap<String, Vec<OpState>> = HashMap::new();
        for (id, state) in self.store.flagged_operations(&ids)? {
            if let Some(s) = OpState::parse(&state) {
                states.entry(id).or_default().push(s);
            }
        }
        let ctx = self.store.sla().clone();
        let today = self.today();
        let outbox = matches!(list, ListRef::View(crate::store::ViewQuery::Outbox));
        rows.iter()
            .map(|r| {
                let mut row = InboxRow::new(
                    r,
                    states.get(r.id.as_str()).map_or(&[][..], Vec::as_slice),
                    &ctx,
                    today,
                );
                // The outbox lists the operations themselves, not only their complaints.
                if outbox {
                    row.queued = self
                        .store
                        .operations_for(r.id.as_str())?
                        .into_iter()
                        .filter(|o| {
                            matches!(
                                o.state,
                                OpState::Pending | OpState::Conflict | OpState::Rejected
                            )
                        })
                        .collect();
                }
                Ok(row)
            })
            .collect()
    }
}
