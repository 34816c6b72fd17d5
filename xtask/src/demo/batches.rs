//! Phase 4 of the generator: cutting the lives into batches. Batch k of a stream holds
//! a snapshot (at the batch's time) of every complaint that changed since batch k-1,
//! each followed by the messages written in that window; the directory rides in the
//! batches the story names. A missing sequence is cut but never written. Every file is
//! written by the crate's batch writer, with the crate's own record types.

use super::life::{Event, EventKind};
use super::plan::Case;
use super::{DemoFile, Error, Gen, Time};
use sigap::domain::{Agency, Author, Complaint, Message};
use sigap::sync::writer::{self, BatchWriter};

impl Gen<'_> {
    /// The inbound batch files of every stream, in stream order.
    pub fn batches(&mut self, cases: &[Case]) -> Result<Vec<DemoFile>, Error> {
        let story = self.story;
        let messages: Vec<Vec<Option<Message>>> = cases
            .iter()
            .map(|c| self.messages(c, cases))
            .collect::<Result<_, _>>()?;
        let mut files = Vec::new();
        for (si, st) in story.stream.iter().enumerate() {
            let mut mine: Vec<usize> = (0..cases.len())
                .filter(|i| cases[*i].stream == si)
                .collect();
            mine.sort_by(|a, b| cases[*a].id.cmp(&cases[*b].id));
            let mut prev: Option<Time> = None;
            for (seq, at) in self.batch_times(si) {
                let header = writer::inbound_header(
                    &st.agency,
                    seq,
                    &format!("demo-{}-{seq:04}", st.agency),
                    at,
                    Some(&story.desk.producer),
                );
                let mut w = BatchWriter::new(&header)?;
                for entry in &story.agency {
                    let here = if entry.late {
                        st.late_directory_in == Some(seq)
                    } else {
                        st.directory_in == Some(seq)
                    };
                    if here {
                        w.agency(&Agency {
                            code: entry.code.as_str().into(),
                            name: entry.name.clone(),
                            parent: entry.parent.as_deref().map(Into::into),
                            level: entry.level.clone(),
                            active: entry.active,
                        })?;
                    }
                }
                let in_window = |e: &Event| prev.is_none_or(|p| e.at > p) && e.at <= at;
                for &i in &mine {
                    let c = &cases[i];
                    if !c.events.iter().any(in_window) {
                        continue;
                    }
                    w.complaint(&snapshot(
                        c,
                        at,
                        &st.agency,
                        self.story.desk.completed_at_since,
                    ))?;
                    for (e, m) in c.events.iter().zip(&messages[i]) {
                        if let Some(m) = m.as_ref().filter(|_| in_window(e)) {
                            w.message(m)?;
                        }
                    }
                }
                prev = Some(at);
                if st.missing.contains(&seq) {
                    continue;
                }
                files.push(DemoFile {
                    path: writer::file_name(&header),
                    bytes: w.finish()?,
                });
            }
        }
        Ok(files)
    }

    /// The thread messages of a complaint, one slot per event (`None` for changes).
    fn messages(&mut self, c: &Case, cases: &[Case]) -> Result<Vec<Option<Message>>, Error> {
        let story = self.story;
        let st = &story.stream[c.stream];
        let mut n = 0;
        let mut out = Vec::with_capacity(c.events.len());
        for e in &c.events {
            let EventKind::Message {
                author,
                template,
                target,
            } = &e.kind
            else {
                out.push(None);
                continue;
            };
            n += 1;
            let mut ctx = c.ctx.clone();
            ctx.insert("unit", self.rng.pick(&st.units).clone());
            let field = super::text::fill(&st.field, &ctx)?;
            ctx.insert("field", field);
            ctx.insert("tgl_msg", self.tgl(e.at.date_naive()));
            ctx.insert("salam", Gen::salam(e.at).to_owned());
            let dup = c.twin.map(|t| cases[t].id.clone()).unwrap_or_default();
            ctx.insert("dup", dup);
            ctx.insert("target", target.clone().unwrap_or_default());
            let agency = (*author == Author::Agency).then(|| st.agency.as_str().into());
            out.push(Some(Message {
                id: format!("MSG-{}-{n}", c.id).into(),
                complaint_id: c.id.as_str().into(),
                at: e.at,
                author: author.clone(),
                agency,
                text: super::text::fill(template, &ctx)?,
            }));
        }
        Ok(out)
    }

    /// The batch waiting in the demo's import folder, written as the story gives it.
    pub fn inbox(&self) -> Result<DemoFile, Error> {
        let inbox = &self.story.inbox;
        let header = writer::inbound_header(
            &inbox.agency,
            inbox.sequence,
            &inbox.batch_id,
            inbox.created_at,
            Some(&self.story.desk.producer),
        );
        let mut w = BatchWriter::new(&header)?;
        for c in &inbox.complaint {
            w.complaint(c)?;
        }
        for m in &inbox.message {
            w.message(m)?;
        }
        Ok(DemoFile {
            path: format!("masuk/{}", writer::file_name(&header)),
            bytes: w.finish()?,
        })
    }
}

/// A complaint as the registry describes it at `upto`: its base (at its stream's
/// agency), every change until then applied, its revision the number of events so far.
/// From `completed_since` on, a `selesai` snapshot says when it was completed.
pub fn snapshot(c: &Case, upto: Time, stream_agency: &str, completed_since: Time) -> Complaint {
    let b = &c.base;
    let mut status = sigap::domain::Status::BelumTerverifikasi;
    let mut disposed_at = None;
    let mut tags = Vec::new();
    let mut agency = stream_agency.to_owned();
    let mut revision = 0;
    let mut completed_at = None;
    for e in c.events.iter().take_while(|e| e.at <= upto) {
        revision += 1;
        if let EventKind::Change(ch) = &e.kind {
            if let Some(s) = &ch.status {
                status = s.clone();
                completed_at = (*s == sigap::domain::Status::Selesai).then_some(e.at);
            }
            if let Some(d) = ch.disposed_at {
                disposed_at = Some(d);
            }
            if let Some(t) = &ch.tags {
                tags = t.clone();
            }
            if let Some(a) = &ch.agency {
                agency = a.clone();
            }
        }
    }
    Complaint {
        id: c.id.as_str().into(),
        revision,
        title: b.title.clone(),
        body: b.body.clone(),
        classification: b.classification.clone(),
        supervisory: b.supervisory,
        category: Some(b.category.clone()),
        channel: Some(b.channel.clone()),
        submitted_at: c.submitted_at,
        event_date: b.event_date,
        location: b.location.clone(),
        anonymous: b.anonymous,
        confidential: b.confidential,
        // An anonymous complaint's identity never leaves the registry, except once.
        reporter: if b.anonymous && !c.trap {
            None
        } else {
            b.reporter.clone()
        },
        agency: agency.into(),
        status,
        disposed_at,
        completed_at: completed_at.filter(|_| upto >= completed_since),
        tags,
        attachments: b.attachments.clone(),
    }
}
