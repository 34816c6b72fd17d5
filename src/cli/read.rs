//! `status`, `list` and `show`: the desk read from the cache, as text or JSON.

use super::Env;
use crate::domain::{ClockView, Clocks};
use crate::store::{ComplaintRow, ListFilter};
use crate::text;
use color_eyre::eyre::{Result, eyre};
use serde_json::{Value, json};

pub fn status(env: &Env, as_json: bool) -> Result<()> {
    let s = env.store.status(&env.cfg.agency, env.today)?;
    if as_json {
        outln!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(());
    }
    let scope = if s.agencies.is_empty() {
        "(none configured: set `agency` in the config)".to_owned()
    } else {
        s.agencies.join(", ")
    };
    outln!("Sigap, {}", env.today);
    outln!("agency scope     {scope}");
    outln!("complaints       {}", s.complaints.total);
    for (status, n) in &s.complaints.by_status {
        outln!("  {:<22} {n}", text::line(status));
    }
    if s.complaints.out_of_scope > 0 {
        outln!("  {:<22} {}", "(left this desk)", s.complaints.out_of_scope);
    }
    outln!("overdue          {}", s.overdue);
    outln!(
        "operations       {} pending, {} exported, {} rejected, {} in conflict",
        s.pending_operations,
        s.exported_operations,
        s.rejected_operations,
        s.conflicts
    );
    for st in &s.inbound {
        let missing = if st.missing.is_empty() {
            String::new()
        } else {
            format!(" (missing {})", crate::store::sequence_ranges(&st.missing))
        };
        outln!(
            "inbound          {} up to #{}{missing}",
            text::line(&st.agency),
            st.last_sequence
        );
    }
    outln!(
        "outbound         last #{}, {} batch(es) awaiting acknowledgement",
        s.outbound.last_sequence,
        s.outbound.unacknowledged_batches
    );
    outln!(
        "last import      {}",
        s.last_import.as_deref().unwrap_or("never")
    );
    outln!(
        "last export      {}",
        s.last_export.as_deref().unwrap_or("never")
    );
    Ok(())
}

fn clocks_of(env: &Env, row: &ComplaintRow) -> Clocks {
    env.store.sla().clocks(&row.facts(env.store.sla()))
}

fn clock_json(env: &Env, c: Option<ClockView>) -> Value {
    match c {
        None => Value::Null,
        Some(c) => {
            let state = c.state(env.today, &env.store.sla().calendar);
            json!({
                "start": c.start.to_string(),
                "due": c.due.to_string(),
                "state": state,
                "label": state.label_id(),
            })
        }
    }
}

/// The `list` object of `spec/cli.md`, plus a few extra fields.
fn row_json(env: &Env, r: &ComplaintRow) -> Value {
    let clocks = clocks_of(env, r);
    let sla = clocks
        .first_response
        .filter(ClockView::running)
        .or(clocks.completion)
        .map(|c| c.state(env.today, &env.store.sla().calendar).label_id());
    json!({
        "id": r.id,
        "revision": r.revision,
        "title": r.title,
        "status": r.status.as_str(),
        "agency": r.agency,
        "in_scope": r.in_scope,
        "category": r.category,
        "location": r.location,
        "classification": r.classification.as_str(),
        "supervisory": r.supervisory,
        "anonymous": r.anonymous,
        "confidential": r.confidential,
        "disposed_at": r.disposed_at.map(|d| d.to_rfc3339()),
        "first_response_due": r.first_response_due.map(|d| d.to_string()),
        "completion_due": r.completion_due.map(|d| d.to_string()),
        "overdue": r.overdue(env.today),
        "sla": sla,
        "pending_operations": r.pending_operations,
    })
}

fn sla_label(env: &Env, r: &ComplaintRow) -> String {
    let clocks = clocks_of(env, r);
    let cal = &env.store.sla().calendar;
    match (clocks.first_response, clocks.completion) {
        (Some(fr), _) if fr.running() => format!("TL awal {}", fr.state(env.today, cal).label_id()),
        (_, Some(cp)) => cp.state(env.today, cal).label_id(),
        _ => "—".into(),
    }
}

fn clip(s: &str, width: usize) -> String {
    let s = text::line(s);
    if s.chars().count() <= width {
        return s;
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

pub fn list(env: &Env, filter: &ListFilter, as_json: bool, limit: Option<usize>) -> Result<()> {
    let filter = ListFilter {
        limit,
        ..filter.clone()
    };
    let rows = env.store.list(&filter)?;
    if as_json {
        let all: Vec<Value> = rows.iter().map(|r| row_json(env, r)).collect();
        outln!("{}", serde_json::to_string_pretty(&all)?);
        return Ok(());
    }
    outln!(
        "{:<18} {:<20} {:<24} {:<3} TITLE",
        "ID",
        "STATUS",
        "SLA",
        "OP"
    );
    for r in &rows {
        let flags = format!(
            "{}{}",
            if r.anonymous { "[Anonim] " } else { "" },
            if r.confidential { "[Rahasia] " } else { "" }
        );
        outln!(
            "{:<18} {:<20} {:<24} {:<3} {flags}{}",
            clip(r.id.as_str(), 18),
            clip(r.status.as_str(), 20),
            clip(&sla_label(env, r), 24),
            if r.pending_operations > 0 {
                r.pending_operations.to_string()
            } else {
                String::new()
            },
            clip(&r.title, 60)
        );
    }
    if rows.is_empty() {
        outln!("(no complaints)");
    }
    Ok(())
}

pub fn show(env: &Env, id: &str, as_json: bool) -> Result<()> {
    let d = env
        .store
        .complaint(id)?
        .ok_or_else(|| eyre!("unknown complaint {}", text::line(id)))?;
    let clocks = clocks_of(env, &d.row);
    // Never show an anonymous reporter, whatever the stored snapshot says.
    let reporter = if d.complaint.anonymous {
        None
    } else {
        d.complaint.reporter.clone()
    };
    if as_json {
        let mut v = row_json(env, &d.row);
        v["body"] = json!(d.complaint.body);
        v["reporter"] = json!(reporter);
        v["channel"] = json!(d.complaint.channel);
        v["submitted_at"] = json!(d.complaint.submitted_at.to_rfc3339());
        v["event_date"] = json!(d.complaint.event_date.map(|x| x.to_string()));
        v["tags"] = json!(d.complaint.tags);
        v["attachments"] = json!(d.complaint.attachments);
        v["messages"] = d
            .messages
            .iter()
            .map(|m| json!({"id": m.id, "at": m.at.to_rfc3339(), "author": m.author.as_str(), "agency": m.agency, "text": m.text}))
            .collect();
        v["operations"] = d
            .operations
            .iter()
            .map(|o| {
                json!({"op_id": o.op_id, "type": o.kind.type_name(), "state": o.state.as_str(),
                       "at": o.at.to_rfc3339(), "base_revision": o.base_revision,
                       "batch_id": o.batch_id, "reason": o.reason, "detail": o.kind})
            })
            .collect();
        v["clocks"] = json!({
            "first_response": clock_json(env, clocks.first_response),
            "completion": clock_json(env, clocks.completion),
            "auto_close": clock_json(env, clocks.auto_close),
        });
        outln!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    let c = &d.complaint;
    let cal = &env.store.sla().calendar;
    outln!("{}  {}", text::line(c.id.as_str()), text::line(&c.title));
    let mut flags = Vec::new();
    if c.anonymous {
        flags.push("ANONIM");
    }
    if c.confidential {
        flags.push("RAHASIA");
    }
    if !flags.is_empty() {
        outln!("!! {}", flags.join(" · "));
    }
    outln!(
        "status {} · {} · {}{} · revisi {}",
        text::line(c.status.as_str()),
        text::line(c.agency.as_str()),
        text::line(c.classification.as_str()),
        if c.supervisory {
            " (berkadar pengawasan)"
        } else {
            ""
        },
        c.revision
    );
    outln!(
        "kategori {} · kanal {} · lokasi {}",
        text::line(c.category.as_deref().unwrap_or("—")),
        text::line(c.channel.as_deref().unwrap_or("—")),
        text::line(c.location.as_deref().unwrap_or("—"))
    );
    match &reporter {
        Some(r) => outln!(
            "pelapor {} · {} · {}",
            text::line(r.name.as_deref().unwrap_or("—")),
            text::line(r.phone.as_deref().unwrap_or("—")),
            text::line(r.email.as_deref().unwrap_or("—"))
        ),
        None if c.anonymous => outln!("pelapor (anonim)"),
        None => outln!("pelapor —"),
    }
    for (name, clock) in [
        ("TL awal", clocks.first_response),
        ("penyelesaian", clocks.completion),
        ("tutup otomatis", clocks.auto_close),
    ] {
        match clock {
            Some(k) => outln!(
                "{name:<15} jatuh tempo {} · {}",
                k.due,
                k.state(env.today, cal).label_id()
            ),
            None => outln!("{name:<15} —"),
        }
    }
    outln!();
    outln!("{}", text::block(&c.body));
    for a in &c.attachments {
        outln!(
            "lampiran {} ({} B)",
            text::line(&a.name),
            a.size.unwrap_or(0)
        );
    }
    if !d.messages.is_empty() {
        outln!("\n-- percakapan --");
        for m in &d.messages {
            outln!(
                "[{}] {}: {}",
                m.at.with_timezone(&env.cfg.timezone)
                    .format("%Y-%m-%d %H:%M"),
                text::line(m.author.as_str()),
                text::block(&m.text)
            );
        }
    }
    if !d.operations.is_empty() {
        outln!("\n-- operasi desk ini --");
        for o in &d.operations {
            let reason = o
                .reason
                .as_deref()
                .map(|r| format!(": {}", text::line(r)))
                .unwrap_or_default();
            outln!(
                "{} {} {} {}{reason}",
                o.at.with_timezone(&env.cfg.timezone)
                    .format("%Y-%m-%d %H:%M"),
                o.kind.type_name(),
                o.state,
                o.op_id
            );
        }
    }
    Ok(())
}
