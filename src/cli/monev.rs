//! `sigap report` and `sigap teguran` (`spec/monev.md`): the monitoring report per
//! agency in six formats, and written reprimands to the agencies that are late. A bad
//! date, range or format is a usage error (exit 2); an agency outside the desk's scope
//! is refused (exit 1).

use super::Env;
use crate::domain::monev::Period;
use crate::monev::format::{self, Format};
use crate::monev::letters::{self, LetterError};
use crate::monev::{self as monev, Request};
use crate::text;
use chrono::{Datelike, NaiveDate};
use color_eyre::eyre::{Result, eyre};
use serde_json::json;
use std::path::PathBuf;

/// `sigap report`'s options.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The first day of the period (default: the first of `--as-of`'s month).
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// The last day of the period (default: `--as-of`).
    #[arg(long, value_name = "DATE", conflicts_with = "month")]
    pub to: Option<NaiveDate>,
    /// A whole month (YYYY-MM) instead of --from and --to.
    #[arg(long, value_name = "YYYY-MM", conflicts_with = "from")]
    pub month: Option<String>,
    /// The day the figures are taken at (default: today).
    #[arg(long = "as-of", value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Only these agencies of the desk's scope (repeatable; a region code narrows to
    /// the agencies under it).
    #[arg(long, value_name = "CODE")]
    pub agency: Vec<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// The file to write (required for xlsx and html unless `report_dir` is set).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `sigap teguran`'s options.
#[derive(Debug, clap::Args)]
pub struct TeguranArgs {
    /// The day the letters are dated and the backlog is taken at (default: today).
    #[arg(long = "as-of", value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Only these agencies of the desk's scope (repeatable).
    #[arg(long, value_name = "CODE")]
    pub agency: Vec<String>,
    /// Print what would be issued and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The folder for the letters (default: the configured report_dir).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

/// A usage error: the sentence on standard error, exit 2.
fn usage(msg: &str) -> i32 {
    eprintln!("sigap: {}", text::line(msg));
    2
}

/// The period of a `report` command line.
fn period(a: &ReportArgs, as_of: NaiveDate, lang: crate::i18n::Lang) -> Result<Period, String> {
    if let Some(m) = &a.month {
        let (y, mo) = m
            .split_once('-')
            .filter(|(y, mo)| y.len() == 4 && mo.len() == 2)
            .and_then(|(y, mo)| Some((y.parse::<i32>().ok()?, mo.parse::<u32>().ok()?)))
            .ok_or_else(|| lang.monev_bad_month(m))?;
        return Period::month(y, mo).ok_or_else(|| lang.monev_bad_month(m));
    }
    let to = a.to.unwrap_or(as_of);
    let from = a
        .from
        .or_else(|| NaiveDate::from_ymd_opt(to.year(), to.month(), 1))
        .unwrap_or(to);
    Period::new(from, to).ok_or_else(|| lang.monev_bad_range(&from.to_string(), &to.to_string()))
}

/// `sigap report`.
pub fn report(env: &Env, a: ReportArgs) -> Result<i32> {
    let lang = env.cfg.language;
    let as_of = a.as_of.unwrap_or(env.today);
    let p = match period(&a, as_of, lang) {
        Ok(p) => p,
        Err(msg) => return Ok(usage(&msg)),
    };
    let out = match (&a.out, &env.cfg.report_dir) {
        (Some(o), _) => Some(o.clone()),
        (None, Some(dir)) if a.format.needs_file() => Some(dir.join(format!(
            "monev-{}-{}.{}",
            p.from,
            p.to,
            a.format.extension()
        ))),
        (None, None) if a.format.needs_file() => {
            let name = format!("{:?}", a.format).to_lowercase();
            return Ok(usage(&lang.monev_needs_out(&name)));
        }
        (None, _) => None,
    };
    let req = Request {
        period: p,
        as_of,
        agencies: a.agency.clone(),
    };
    let report = monev::build(&env.store, &env.cfg, &req, &mut |_| true)
        .map_err(|e| eyre!(lang.monev_error(&e)))?
        .ok_or_else(|| eyre!("the report was interrupted"))?;
    let bytes = format::render(&report, a.format, lang, &env.cfg)?;
    match out {
        Some(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| eyre!("{}: {e}", dir.display()))?;
            }
            monev::files::write_atomic(&path, &bytes)
                .map_err(|e| eyre!("{}: {e}", path.display()))?;
            eprintln!("{}", lang.monev_written(&path.display().to_string()));
        }
        None => {
            use std::io::Write as _;
            let mut o = std::io::stdout().lock();
            if o.write_all(&bytes).and_then(|()| o.flush()).is_err() {
                std::process::exit(141);
            }
        }
    }
    Ok(0)
}

/// `sigap teguran`.
pub fn teguran(env: &mut Env, a: TeguranArgs) -> Result<i32> {
    let lang = env.cfg.language;
    let as_of = a.as_of.unwrap_or(env.today);
    let Some(p) = Period::month_of(as_of) else {
        return Ok(usage(&lang.monev_bad_range(&as_of.to_string(), "")));
    };
    let req = Request {
        period: Period { to: as_of, ..p },
        as_of,
        agencies: a.agency.clone(),
    };
    let report = monev::build(&env.store, &env.cfg, &req, &mut |_| true)
        .map_err(|e| eyre!(lang.monev_error(&e)))?
        .ok_or_else(|| eyre!("the figures were interrupted"))?;
    let planned = letters::plan(&report, &env.cfg, &env.store)?;
    let refuse = |e: LetterError| eyre!(lang.letter_error(&e));
    letters::check(&planned, &env.cfg).map_err(refuse)?;
    let issued = if a.dry_run || planned.is_empty() {
        planned
    } else {
        let Some(dir) = a.out.clone().or_else(|| env.cfg.report_dir.clone()) else {
            return Ok(usage(&lang.letter_error(&LetterError::NoFolder)));
        };
        letters::issue(&mut env.store, &env.cfg, planned, Some(&dir), env.now).map_err(refuse)?
    };
    if a.json {
        let letters: Vec<_> = issued
            .iter()
            .map(|l| {
                json!({
                    "agency": l.agency,
                    "level": l.level,
                    "number": l.number,
                    "date": l.date.to_string(),
                    "deadline": l.deadline.to_string(),
                    "file": l.file.as_ref().map(|p| p.display().to_string()),
                    "overdue": l.items.iter().map(|i| json!({
                        "id": i.id,
                        "clock": i.clock.as_str(),
                        "due": i.due.to_string(),
                        "days_late": i.days_late,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        outln!(
            "{}",
            json!({"as_of": as_of.to_string(), "dry_run": a.dry_run, "letters": letters})
        );
        return Ok(0);
    }
    if issued.is_empty() {
        outln!("{}", lang.teguran_none(as_of));
    }
    for l in &issued {
        outln!("{}", text::line(&lang.teguran_line(l, a.dry_run)));
    }
    Ok(0)
}
