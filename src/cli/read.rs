//! `status`, `list` and `show`: the desk read from the cache, as text or JSON.

use super::Env;
use crate::domain::{ClockView, Clocks};
use crate::i18n::Lang;
use crate::store::{ComplaintRow, ListFilter};
use crate::text;
use color_eyre::eyre::{Result, eyre};
use serde_json::{Value, json};

/// `agencies`: the directory, best match first for a query.
pub fn agencies(env: &Env, query: Option<&str>, as_json: bool) -> Result<()> {
    let all = env.store.agencies()?;
    let found = crate::domain::agency::search(&all, query.unwrap_or(""), false);
    if as_json {
        let rows: Vec<&crate::domain::Agency> = found.iter().map(|&i| &all[i]).collect();
        outln!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    let t = env.cfg.language.t();
    for &i in &found {
        let a = &all[i];
        outln!(
            "{:<20} {}{}",
            text::line(a.code.as_str()),
            text::line(&a.name),
            if a.active { "" } else { t.cli_inactive }
        );
    }
    if found.is_empty() {
        outln!("{}", t.cli_no_agencies);
    }
    Ok(())
}

pub fn status(env: &Env, as_json: bool) -> Result<()> {
    let s = env.store.status(&env.cfg.agency, env.today)?;
    if as_json {
        outln!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(());
    }
    let lang = env.cfg.language;
    let t = lang.t();
    let scope = if s.agencies.is_empty() {
        t.cli_scope_none.to_owned()
    } else {
        s.agencies.join(", ")
    };
    let label = |l: &str| format!("{l:<16}");
    outln!("Sigap, {}", env.today);
    outln!("{} {scope}", label(t.cli_scope));
    outln!("{} {}", label(t.cli_complaints), s.complaints.total);
    for (status, n) in &s.complaints.by_status {
        let name = lang.status(&crate::domain::Status::parse(status));
        outln!("  {:<22} {n}", text::line(&name));
    }
    if s.complaints.out_of_scope > 0 {
        outln!("  {:<22} {}", t.cli_left_desk, s.complaints.out_of_scope);
    }
    outln!("{} {}", label(t.cli_overdue), s.overdue);
    outln!(
        "{} {}",
        label(t.cli_operations),
        lang.cli_operation_counts(
            s.pending_operations,
            s.exported_operations,
            s.rejected_operations,
            s.conflicts
        )
    );
    for st in &s.inbound {
        let missing = crate::store::sequence_ranges(&st.missing);
        outln!(
            "{} {}",
            label(t.cli_inbound),
            lang.cli_inbound(&text::line(&st.agency), st.last_sequence, &missing)
        );
    }
    outln!(
        "{} {}",
        label(t.cli_outbound),
        lang.cli_outbound(s.outbound.last_sequence, s.outbound.unacknowledged_batches)
    );
    if !s.outbound.unwritten.is_empty() {
        outln!(
            "  {}",
            text::line(&lang.unwritten_batches(&s.outbound.unwritten))
        );
    }
    if env.store.rules_stale()? {
        outln!("{}", lang.rules_stale());
    }
    let local = |at: &Option<String>| match at.as_deref() {
        None => t.cli_never.to_owned(),
        Some(v) => chrono::DateTime::parse_from_rfc3339(v).map_or_else(
            |_| text::line(v),
            |d| {
                d.with_timezone(&env.cfg.timezone)
                    .format("%Y-%m-%d %H:%M %:z")
                    .to_string()
            },
        ),
    };
    outln!("{} {}", label(t.cli_last_import), local(&s.last_import));
    outln!("{} {}", label(t.cli_last_export), local(&s.last_export));
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
                "label": Lang::Id.clock(state),
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
        // The JSON is the same in every language: the label is the registry's own.
        .map(|c| Lang::Id.clock(c.state(env.today, &env.store.sla().calendar)));
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
        "misrouted_to": r.misrouted_to,
    })
}

fn sla_label(env: &Env, r: &ComplaintRow) -> String {
    let lang = env.cfg.language;
    let clocks = clocks_of(env, r);
    let cal = &env.store.sla().calendar;
    match (clocks.first_response, clocks.completion) {
        (Some(fr), _) if fr.running() => format!(
            "{} {}",
            lang.t().clock_first_response,
            lang.clock(fr.state(env.today, cal))
        ),
        (_, Some(cp)) => lang.clock(cp.state(env.today, cal)),
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
    let lang = env.cfg.language;
    let t = lang.t();
    outln!(
        "{:<18} {:<20} {:<24} {:<3} {}",
        "ID",
        t.col_status,
        "SLA",
        "OP",
        t.col_title
    );
    for r in &rows {
        let flags = format!(
            "{}{}",
            if r.anonymous { t.tag_anonymous } else { "" },
            if r.confidential {
                t.tag_confidential
            } else {
                ""
            }
        );
        outln!(
            "{:<18} {:<20} {:<24} {:<3} {flags}{}",
            clip(r.id.as_str(), 18),
            clip(&lang.status(&r.status), 20),
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
        outln!("{}", t.cli_no_complaints);
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
                json!({"op_id": o.op_id, "type": o.kind.type_name(), "state": o.state.contract_name(),
                       "discarded": o.state == crate::domain::OpState::Discarded,
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
    print_detail(env, &d, reporter.as_ref(), &clocks)
}

/// `show` as text, in the desk's language.
fn print_detail(
    env: &Env,
    d: &crate::store::ComplaintDetail,
    reporter: Option<&crate::domain::Reporter>,
    clocks: &Clocks,
) -> Result<()> {
    let lang = env.cfg.language;
    let t = lang.t();
    let c = &d.complaint;
    let cal = &env.store.sla().calendar;
    let or_dash = |v: Option<&str>| text::line(v.unwrap_or("—"));
    outln!("{}  {}", text::line(c.id.as_str()), text::line(&c.title));
    let mut flags = Vec::new();
    if c.anonymous {
        flags.push(t.flag_anonymous.trim());
    }
    if c.confidential {
        flags.push(t.flag_confidential.trim());
    }
    if !flags.is_empty() {
        outln!("!! {}", flags.join(" · "));
    }
    outln!(
        "{}",
        lang.cli_status_line(
            &text::line(&lang.status(&c.status)),
            &text::line(c.agency.as_str()),
            &text::line(&lang.classification(&c.classification)),
            c.supervisory,
            c.revision
        )
    );
    outln!(
        "{}",
        lang.cli_where(
            &or_dash(c.category.as_deref()),
            &or_dash(c.channel.as_deref()),
            &or_dash(c.location.as_deref())
        )
    );
    match reporter {
        Some(r) => outln!(
            "{} {} · {} · {}",
            t.cli_reporter,
            or_dash(r.name.as_deref()),
            or_dash(r.phone.as_deref()),
            or_dash(r.email.as_deref())
        ),
        None if c.anonymous => outln!("{}", t.cli_reporter_anonymous),
        None => outln!("{} —", t.cli_reporter),
    }
    for (name, clock) in [
        (t.clock_first_response, clocks.first_response),
        (t.clock_completion, clocks.completion),
        (t.clock_auto_close, clocks.auto_close),
    ] {
        match clock {
            Some(k) => outln!(
                "{name:<15} {} {} · {}",
                t.due,
                k.due,
                lang.clock(k.state(env.today, cal))
            ),
            None => outln!("{name:<15} —"),
        }
    }
    outln!();
    outln!("{}", text::block(&c.body));
    for a in &c.attachments {
        outln!(
            "{} {} ({} B)",
            t.cli_attachment,
            text::line(&a.name),
            a.size.unwrap_or(0)
        );
    }
    let local = |at: &chrono::DateTime<chrono::FixedOffset>| {
        at.with_timezone(&env.cfg.timezone)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    if !d.messages.is_empty() {
        outln!("\n{}", t.cli_thread);
        for m in &d.messages {
            outln!(
                "[{}] {}: {}",
                local(&m.at),
                text::line(&lang.author(&m.author)),
                text::block(&m.text)
            );
        }
    }
    if !d.operations.is_empty() {
        outln!("\n{}", t.cli_operations_here);
        for o in &d.operations {
            let reason = o
                .reason
                .as_deref()
                .map(|r| format!(": {}", text::line(r)))
                .unwrap_or_default();
            outln!(
                "{} {} {} {}{reason}",
                local(&o.at),
                lang.op_kind(&o.kind),
                lang.op_state(o.state),
                o.op_id
            );
        }
    }
    Ok(())
}
