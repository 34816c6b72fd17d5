//! `import`, `export` and the action commands (`respond`, `transfer`, `hold`,
//! `resolve`, `undo`).

use super::Env;
use crate::domain::template::{FillContext, all_templates, fill, unknown_placeholder};
use crate::domain::{AgencyCode, ComplaintId, OpKind, Stage, TransferReason};
use crate::sync::{self, ExportOutcome, OpRequest};
use crate::text;
use color_eyre::eyre::{Result, eyre};
use std::path::PathBuf;

/// Imports the files in one transaction, each all-or-nothing on its own (a savepoint
/// each), then reports them and folds the log into the database once; returns the exit
/// code (1 when any was rejected).
pub fn import(env: &mut Env, files: &[PathBuf]) -> Result<i32> {
    // Nothing is imported into a damaged file (every page is read once per command).
    if let Err(e) = env.store.verify_pages_before_import(env.today) {
        let why = env.cfg.language.store_error(&e);
        for f in files {
            eprintln!("{}: rejected: {}", f.display(), text::line(&why));
        }
        return Ok(1);
    }
    let mut code = 0;
    let results = sync::import_files(&mut env.store, &env.cfg, files, &mut |_, _| {});
    crate::fault::point("import:committed");
    for r in results {
        match r {
            Ok(report) => {
                outln!("{}", text::line(&report.to_string()));
                for w in &report.warnings {
                    outln!("  warning: {}", text::line(w));
                }
            }
            Err(e) => {
                let at = e.line.map(|n| format!("line {n}: ")).unwrap_or_default();
                eprintln!(
                    "{}: rejected: {at}{}",
                    text::line(&e.file),
                    text::line(&e.reason)
                );
                code = 1;
            }
        }
    }
    // Reported: now fold the files into the database.
    if let Err(e) = env.store.checkpoint() {
        let lang = env.cfg.language;
        let why = lang.checkpoint_failed(&lang.store_error(&e), env.store.wal_bytes());
        eprintln!("{}", lang.warning(&why));
    }
    Ok(code)
}

pub fn export(
    env: &mut Env,
    out: Option<PathBuf>,
    gzip: bool,
    resend: Option<u64>,
    agency: Option<String>,
) -> Result<()> {
    if let Some(seq) = resend {
        let path = sync::resend(
            &mut env.store,
            &env.cfg,
            agency.as_deref(),
            seq,
            out.as_deref(),
        )?;
        outln!("{}", path.display());
        return Ok(());
    }
    match sync::export_pending(&mut env.store, &env.cfg, out.as_deref(), gzip, env.now)? {
        ExportOutcome::Nothing => outln!("nothing to export"),
        ExportOutcome::Written(paths) => {
            for p in paths {
                outln!("{}", p.display());
            }
        }
    }
    Ok(())
}

fn queue(env: &mut Env, requests: Vec<OpRequest>) -> Result<()> {
    let ids = sync::queue_operations(&mut env.store, &env.cfg, &requests, env.now)?;
    for id in ids {
        outln!("{id}");
    }
    Ok(())
}

pub fn respond(
    env: &mut Env,
    ids: &[String],
    stage: Stage,
    text: Option<String>,
    template: Option<String>,
) -> Result<()> {
    let body = match (text, template) {
        (Some(text), _) => text,
        (None, Some(name)) => {
            let templates = all_templates(&env.cfg.templates);
            templates.get(&name).cloned().ok_or_else(|| {
                let known: Vec<&str> = templates.keys().map(String::as_str).collect();
                eyre!(
                    "unknown template {} (known: {})",
                    text::line(&name),
                    known.join(", ")
                )
            })?
        }
        (None, None) => {
            return Err(eyre!(
                "give the response with --text TEXT, or a template with --template NAME"
            ));
        }
    };
    // The desk's rule: a placeholder nobody fills is refused before anything is queued;
    // the known ones are filled per complaint.
    if let Some(p) = unknown_placeholder(&body) {
        return Err(eyre!(
            "the text holds the unknown placeholder {}",
            text::line(&p)
        ));
    }
    let agencies = env.store.agencies()?;
    let mut requests = Vec::new();
    for id in ids {
        let d = env
            .store
            .complaint(id)?
            .ok_or_else(|| eyre!(env.cfg.language.unknown_complaint(&text::line(id))))?;
        let agency_name = agencies
            .iter()
            .find(|a| a.code == d.complaint.agency)
            .map_or(d.complaint.agency.as_str(), |a| a.name.as_str());
        let cx = FillContext {
            agency_name,
            officer: &env.cfg.officer,
            today: env.today,
        };
        requests.push(OpRequest {
            complaint_id: ComplaintId::from(id.as_str()),
            kind: OpKind::Response {
                stage,
                text: fill(&body, &d.complaint, &cx),
            },
            placeholders_checked: true,
        });
    }
    queue(env, requests)
}

pub fn transfer(
    env: &mut Env,
    ids: &[String],
    reason: TransferReason,
    note: String,
    to: Option<String>,
) -> Result<()> {
    let requests = ids
        .iter()
        .map(|id| OpRequest {
            complaint_id: ComplaintId::from(id.as_str()),
            kind: OpKind::Transfer {
                to_agency: to.as_deref().map(AgencyCode::from),
                reason,
                note: note.clone(),
            },
            placeholders_checked: false,
        })
        .collect();
    queue(env, requests)
}

pub fn hold(env: &mut Env, ids: &[String], missing: String) -> Result<()> {
    let requests = ids
        .iter()
        .map(|id| OpRequest {
            complaint_id: ComplaintId::from(id.as_str()),
            kind: OpKind::Hold {
                missing: missing.clone(),
            },
            placeholders_checked: false,
        })
        .collect();
    queue(env, requests)
}

pub fn resolve(env: &mut Env, op_id: &str, confirm: bool) -> Result<()> {
    if confirm {
        let rev = sync::ops::confirm_conflict(&mut env.store, op_id)?;
        sync::audit::settled(&mut env.store, &env.cfg.officer, op_id, true)?;
        outln!("{}", env.cfg.language.cli_confirmed(op_id, rev));
    } else {
        sync::ops::discard(&mut env.store, op_id)?;
        sync::audit::settled(&mut env.store, &env.cfg.officer, op_id, false)?;
        outln!("{}", env.cfg.language.cli_discarded(op_id));
    }
    Ok(())
}

pub fn undo(env: &mut Env) -> Result<()> {
    let lang = env.cfg.language;
    let ops = sync::ops::undo_last(&mut env.store)?;
    if ops.is_empty() {
        outln!("{}", lang.t().cli_nothing_to_undo);
    }
    for op in &ops {
        sync::audit::undone(&mut env.store, &env.cfg.officer, op)?;
    }
    for op in &ops {
        outln!(
            "{}",
            lang.cli_undone(
                lang.op_kind(&op.kind),
                op.op_id.as_str(),
                &text::line(op.complaint_id.as_str())
            )
        );
    }
    Ok(())
}
