//! `check`, `backup`, `restore`, `audit` and `keygen`, and what a writing command does
//! right after it opens the cache: write the outbound batches an earlier export
//! recorded but did not write, and take the day's backup.

use super::Env;
use crate::i18n::Lang;
use crate::store::{AuditVerdict, Store};
use crate::sync::{placing, signing};
use crate::text;
use chrono::NaiveDate;
use color_eyre::eyre::{Result, eyre};
use std::path::{Path, PathBuf};

/// After a writer opened: batches recorded but not written are written, and the day's
/// backup is taken. Neither stops the command; each says what happened on stderr.
pub fn after_writer_open(store: &mut Store, lang: Lang) {
    match placing::rewrite_unplaced(store) {
        Ok(paths) => {
            for p in paths {
                eprintln!("{}", lang.batch_rewritten(&p));
            }
        }
        Err(e) => eprintln!("{}", lang.warning(&lang.export_error(&e))),
    }
    if let Err(e) = store.daily_backup() {
        eprintln!(
            "{}",
            lang.warning(&lang.backup_failed(&lang.store_error(&e)))
        );
    }
}

/// `sigap check [--repair] [--json]`: exit 0 when the cache is sound (after a repair).
pub fn check(env: &mut Env, repair: bool, json: bool) -> Result<i32> {
    let lang = env.cfg.language;
    let report = if repair {
        env.store.repair()?
    } else {
        env.store.check()?
    };
    if json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for p in &report.problems {
            outln!("- {}", text::line(&lang.check_problem(p)));
        }
        outln!("{}", lang.check_verdict(&report));
    }
    Ok(i32::from(!report.problems.is_empty()))
}

/// `sigap backup [--out FILE]`.
pub fn backup(env: &Env, out: Option<PathBuf>) -> Result<()> {
    let path = match out {
        Some(out) => {
            env.store.backup_to(&out)?;
            out
        }
        None => env.store.backup(crate::store::BackupKind::Manual)?,
    };
    outln!("{}", env.cfg.language.backup_written(&path));
    Ok(())
}

/// `sigap restore FILE [--force]`.
pub fn restore(env: Env, file: &Path, force: bool) -> Result<()> {
    let Env { cfg, store, .. } = env;
    let (mut store, report) = store.restore(file, force)?;
    let detail = format!(
        "from {}; the replaced cache is kept as {}; {} operation(s) not yet exported lost",
        file.display(),
        report.replaced.display(),
        report.lost_pending
    );
    store.audit(&cfg.officer, "restore", &detail)?;
    outln!("{}", cfg.language.restored(file, &report));
    Ok(())
}

/// `sigap audit [--from DATE] [--verify] [--json]`: exit 1 when `--verify` finds the
/// chain broken.
pub fn audit(env: &Env, from: Option<NaiveDate>, verify: bool, json: bool) -> Result<i32> {
    let lang = env.cfg.language;
    let from = from.map(|d| {
        d.and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_local_timezone(env.cfg.timezone)
            .single()
            .map(|t| {
                t.to_utc()
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
            })
            .unwrap_or_default()
    });
    let entries = env.store.audit_entries(from.as_deref())?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&entries)?);
    } else {
        for e in &entries {
            let at = chrono::DateTime::parse_from_rfc3339(&e.at).map_or_else(
                |_| text::line(&e.at),
                |t| {
                    t.with_timezone(&env.cfg.timezone)
                        .format("%Y-%m-%d %H:%M:%S")
                        .to_string()
                },
            );
            outln!(
                "{:>6} {at} {} · {} · {}",
                e.seq,
                text::line(&e.officer),
                text::line(&e.action),
                text::line(&e.detail)
            );
        }
    }
    if !verify {
        return Ok(0);
    }
    match env.store.verify_audit()? {
        AuditVerdict::Intact { entries } => {
            eprintln!("{}", lang.audit_intact(entries));
            Ok(0)
        }
        AuditVerdict::Broken { seq, reason } => {
            eprintln!("{}", lang.audit_broken(seq, &reason));
            Ok(1)
        }
    }
}

/// `sigap keygen [--out FILE]`: a new desk key pair; prints the public key.
pub fn keygen(out: &Path, lang: Lang) -> Result<()> {
    let key = signing::generate(out).map_err(|e| eyre!(lang.key_error(&e)))?;
    outln!(
        "{}",
        lang.keygen_done(out, &signing::public_b64(&key.key), &key.key_id)
    );
    Ok(())
}

/// Opens the cache for a command: a writer waits (saying so) for another writer; `check`
/// opens without the quick check, so that it can report on a damaged cache. Refusals
/// are in the desk's language.
pub fn open_store(
    cli: &super::Cli,
    cfg: &crate::config::Config,
    dir: &Path,
    access: crate::store::Access,
) -> Result<Store> {
    let lang = cfg.language;
    let wait = std::time::Duration::from_secs(cli.wait);
    let notice = || eprintln!("{}", lang.waiting_for_writer(dir));
    let checking = matches!(cli.command, Some(super::Command::Check { .. }));
    let repairing = matches!(
        cli.command,
        Some(super::Command::Check { repair: true, .. })
    );
    let opened = if checking {
        match Store::open_unchecked(dir, cfg.desk_context(), access, wait, &notice) {
            // Beside an open desk, the check reads (derived columns are then not
            // recomputed); a repair needs the writer.
            Err(crate::store::StoreError::AlreadyOpen(_)) if !repairing => Store::open_unchecked(
                dir,
                cfg.desk_context(),
                crate::store::Access::Read,
                wait,
                &notice,
            ),
            other => other,
        }
    } else {
        Store::open_waiting(dir, cfg.desk_context(), access, wait, &notice)
    };
    opened.map_err(|e| eyre!(lang.store_error(&e)))
}
