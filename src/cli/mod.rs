//! The command line (`spec/cli.md`): global options, subcommands and exit codes.
//! Each subcommand is a thin layer over `store` and `sync`; output text from batches
//! goes through [`crate::text`].

/// Prints a line to stdout. A reader that stopped reading (`sigap list | head`) ends
/// the command with [`ReaderGone`] instead of a panic: `main` exits quietly with the
/// shell's broken-pipe status once the cache is closed and the demo's folder removed
/// (on Windows an open file cannot be deleted, so an exit on the spot would leave it).
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            return Err($crate::cli::ReaderGone.into());
        }
    }};
}

/// The reader of standard output went away; the process ends with [`ReaderGone::CODE`].
#[derive(Debug, thiserror::Error)]
#[error("standard output was closed")]
pub struct ReaderGone;

impl ReaderGone {
    /// The status a shell gives a process killed by a broken pipe (128 + SIGPIPE).
    pub const CODE: i32 = 141;
}

pub mod demo_dir;
pub mod dirs;
mod monev;
mod read;
mod reliability;
mod stop;
mod suggest;
mod write;

use crate::config::Config;
use crate::domain::{Stage, TransferReason};
use crate::store::{Access, Store};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use clap::{Parser, Subcommand};
use color_eyre::eyre::{Result, eyre};
use std::path::PathBuf;

/// Sigap: the SP4N-LAPOR! liaison officer's desk.
#[derive(Debug, Parser)]
#[command(name = "sigap", version, about, long_about = None)]
pub struct Cli {
    /// Where the SQLite cache, drafts and logs live.
    #[arg(long, env = "SIGAP_DATA_DIR", global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The TOML config file.
    #[arg(long, env = "SIGAP_CONFIG", global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Run on a private copy of the embedded demo data set (never the real cache).
    #[arg(long, global = true)]
    pub demo: bool,
    /// Take this date as today for the SLA clocks (for checks and reproducible output).
    #[arg(
        long,
        env = "SIGAP_TODAY",
        global = true,
        value_name = "DATE",
        hide = true
    )]
    pub today: Option<NaiveDate>,
    /// How long a writing command waits for another writer before refusing (seconds).
    #[arg(
        long,
        env = "SIGAP_WAIT",
        global = true,
        value_name = "SECS",
        default_value_t = 10,
        hide = true
    )]
    pub wait: u64,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The desk's state: counts, overdue, outbox, inbound sequences.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Complaints, most urgent first.
    List {
        #[arg(long)]
        json: bool,
        /// Only this status.
        #[arg(long, value_name = "S", value_parser = clap::builder::PossibleValuesParser::new(
            crate::domain::Status::NAMES
        ))]
        status: Option<String>,
        /// Only complaints with a clock past due.
        #[arg(long)]
        overdue: bool,
        /// Text in the tracking ID, title, category or location.
        #[arg(long, value_name = "TEXT")]
        query: Option<String>,
        /// Only complaints likely sent to the wrong office (the view 'Mungkin Salah Alamat').
        #[arg(long)]
        misrouted: bool,
        /// At most this many.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
    /// One complaint with its thread, operations and SLA clocks.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Import inbound batch files, each all-or-nothing.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write every pending operation into the next outbound batch.
    Export {
        /// The folder (default: the configured export_dir).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Compress the batch (.jsonl.gz).
        #[arg(long)]
        gzip: bool,
        /// Write outbound batch SEQ again, byte-identical (as it was first written, so
        /// not with --gzip).
        #[arg(long, value_name = "SEQ", conflicts_with = "gzip")]
        resend: Option<u64>,
        /// The stream for --resend when the desk has several agencies.
        #[arg(long, value_name = "AGENCY", requires = "resend")]
        agency: Option<String>,
    },
    /// Queue a response (tindak lanjut) on each complaint.
    #[command(group = clap::ArgGroup::new("body").required(true).args(["text", "template"]))]
    Respond {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long, value_enum)]
        stage: Stage,
        /// The response; {placeholders} are filled per complaint as the desk fills them.
        #[arg(long)]
        text: Option<String>,
        /// A template name (built-in: awal, proses, selesai, minta-data).
        #[arg(long)]
        template: Option<String>,
    },
    /// Queue a transfer (bukan wewenang) on each complaint.
    Transfer {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long, value_enum, value_name = "CODE")]
        reason: TransferReason,
        #[arg(long)]
        note: String,
        /// The agency it should go to, from the directory.
        #[arg(long, value_name = "AGENCY")]
        to: Option<String>,
    },
    /// Queue a hold (tunda): ask the reporter for missing information.
    Hold {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long)]
        missing: String,
    },
    /// Confirm again (rebased on the new revision) or discard an operation in conflict.
    Resolve {
        op_id: String,
        #[arg(long, conflicts_with = "discard", required_unless_present = "discard")]
        confirm: bool,
        #[arg(long)]
        discard: bool,
    },
    /// Undo the last action (all its operations) that has not been exported.
    Undo,
    /// The agencies each complaint most likely belongs to, best first; or, with
    /// --evaluate, the suggester measured on the cache (leave-one-out).
    Suggest {
        #[arg(
            value_name = "ID",
            required_unless_present = "evaluate",
            conflicts_with = "evaluate"
        )]
        ids: Vec<String>,
        /// Measure top-1 and top-3 accuracy and the misrouted mark on the cache.
        #[arg(long)]
        evaluate: bool,
        #[arg(long)]
        json: bool,
    },
    /// The agency directory, to find a transfer's code.
    Agencies {
        /// Only the agencies whose code or name match (fuzzy).
        #[arg(long, value_name = "TEXT")]
        query: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check the whole cache: integrity, every count against a recount, orphan rows,
    /// derived columns, the audit chain.
    Check {
        /// Rebuild what can be rebuilt (counts, search texts, derived columns).
        #[arg(long)]
        repair: bool,
        #[arg(long)]
        json: bool,
    },
    /// Write a consistent copy of the cache (default: into the data folder's backups).
    Backup {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace the cache with a backup (the replaced cache is kept as a backup too).
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Restore even if operations not yet exported would be lost.
        #[arg(long)]
        force: bool,
    },
    /// The audit journal: every action, who and when, chained by hashes.
    Audit {
        /// Only entries from this date on.
        #[arg(long, value_name = "DATE")]
        from: Option<NaiveDate>,
        /// Prove the chain unbroken (exit 1 if an entry was changed or deleted).
        #[arg(long)]
        verify: bool,
        #[arg(long)]
        json: bool,
    },
    /// Write a new desk key pair for signing outbound batches; prints the public key.
    Keygen {
        /// The private key file (default: desk.key in the data folder).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The monitoring (monev) report per agency.
    Report(monev::ReportArgs),
    /// Issue written reprimands (teguran) to late agencies.
    Teguran(monev::TeguranArgs),
}

/// Everything a command runs with.
pub struct Env {
    pub cfg: Config,
    pub store: Store,
    pub today: NaiveDate,
    pub now: DateTime<FixedOffset>,
    /// Keeps the demo's temporary folder alive while the command runs.
    pub _demo_dir: Option<demo_dir::DemoDir>,
}

impl Env {
    /// Resolves the config and data folder, and opens the cache (or the demo).
    pub fn open(cli: &Cli, access: Access) -> Result<Env> {
        let (cfg, store, demo_dir) = if cli.demo {
            let dir = demo_dir::DemoDir::create()?;
            let today = cli
                .today
                .unwrap_or_else(|| local_today(crate::config::wib()));
            let (mut cfg, mut store, _) = crate::sync::demo::load(dir.path(), today)?;
            crate::monev::demo::letter_of_last_month(&mut store, &cfg, today)?;
            // The demo keeps its own data and office; the officer's config still says
            // how the desk speaks, looks and which keys it takes.
            if let Some(p) = &cli.config {
                let mine = Config::load(p, false)?;
                cfg.language = mine.language;
                cfg.keys = mine.keys;
                cfg.theme = mine.theme;
            }
            (cfg, store, Some(dir))
        } else {
            let cfg = load_config(cli)?;
            let dir = data_dir(cli)?;
            let store = reliability::open_store(cli, &cfg, &dir, access)?;
            (cfg, store, None)
        };
        let now = Utc::now().with_timezone(&cfg.timezone);
        let today = cli.today.unwrap_or_else(|| now.date_naive());
        let mut store = store;
        if access == Access::Write && demo_dir.is_none() {
            reliability::after_writer_open(&mut store, cfg.language);
        }
        Ok(Env {
            cfg,
            store,
            today,
            now,
            _demo_dir: demo_dir,
        })
    }
}

/// The config the command line names, or the default file, or the defaults.
fn load_config(cli: &Cli) -> Result<Config> {
    Ok(match &cli.config {
        Some(p) => Config::load(p, true)?,
        None => match dirs::default_config_file() {
            Some(f) => Config::load(&f, false)?,
            None => Config::default(),
        },
    })
}

/// The data folder the command line names, or the platform's.
fn data_dir(cli: &Cli) -> Result<PathBuf> {
    match &cli.data_dir {
        Some(d) => Ok(d.clone()),
        None => dirs::default_data_dir()
            .ok_or_else(|| eyre!("no home folder to keep the cache in; pass --data-dir")),
    }
}

fn local_today(tz: FixedOffset) -> NaiveDate {
    Utc::now().with_timezone(&tz).date_naive()
}

/// Runs a parsed command line. Returns the process exit code for work that was
/// refused in part (a rejected import), or an error for work refused whole.
pub fn run(cli: Cli) -> Result<i32> {
    let access = match &cli.command {
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => Access::Write,
        None
        | Some(Command::Status { .. })
        | Some(Command::List { .. })
        | Some(Command::Show { .. })
        | Some(Command::Agencies { .. })
        | Some(Command::Suggest { .. })
        | Some(Command::Backup { .. })
        | Some(Command::Audit { .. })
        | Some(Command::Report(_)) => Access::Read,
        _ => Access::Write,
    };
    if let Some(Command::Keygen { out }) = &cli.command {
        let lang = load_config(&cli)?.language;
        let out = match out {
            Some(o) => o.clone(),
            None => data_dir(&cli)?.join("desk.key"),
        };
        return reliability::keygen(&out, lang).map(|()| 0);
    }
    let env = Env::open(&cli, access)?;
    let lang = env.cfg.language;
    command(cli, env).map_err(|e| match lang {
        // The refusals an officer meets, in the desk's language; others as they are.
        crate::i18n::Lang::En => e,
        _ => eyre!(lang.error(&e)),
    })
}

fn command(cli: Cli, mut env: Env) -> Result<i32> {
    match cli.command {
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            let Env {
                cfg,
                store,
                _demo_dir,
                ..
            } = env;
            // A desk told to stop gives the terminal back, whether or not a demo.
            stop::install();
            crate::runtime::run(cfg, store, cli.today)?;
            drop(_demo_dir);
            Ok(0)
        }
        None => {
            read::status(&env, false)?;
            outln!();
            read::list(&env, &Default::default(), false, Some(20))?;
            Ok(0)
        }
        Some(Command::Status { json }) => read::status(&env, json).map(|_| 0),
        Some(Command::List {
            json,
            status,
            overdue,
            query,
            misrouted,
            limit,
        }) => {
            let filter = crate::store::ListFilter {
                status,
                overdue_on: overdue.then_some(env.today),
                query,
                misrouted,
                limit: None,
            };
            read::list(&env, &filter, json, limit).map(|_| 0)
        }
        Some(Command::Show { id, json }) => read::show(&env, &id, json).map(|_| 0),
        Some(Command::Import { files }) => write::import(&mut env, &files),
        Some(Command::Export {
            out,
            gzip,
            resend,
            agency,
        }) => write::export(&mut env, out, gzip, resend, agency).map(|_| 0),
        Some(Command::Respond {
            ids,
            stage,
            text,
            template,
        }) => write::respond(&mut env, &ids, stage, text, template).map(|_| 0),
        Some(Command::Transfer {
            ids,
            reason,
            note,
            to,
        }) => write::transfer(&mut env, &ids, reason, note, to).map(|_| 0),
        Some(Command::Hold { ids, missing }) => write::hold(&mut env, &ids, missing).map(|_| 0),
        Some(Command::Resolve { op_id, confirm, .. }) => {
            write::resolve(&mut env, &op_id, confirm).map(|_| 0)
        }
        Some(Command::Undo) => write::undo(&mut env).map(|_| 0),
        Some(Command::Agencies { query, json }) => {
            read::agencies(&env, query.as_deref(), json).map(|_| 0)
        }
        Some(Command::Suggest {
            ids,
            evaluate,
            json,
        }) => {
            if evaluate {
                suggest::evaluate(&env, json).map(|_| 0)
            } else {
                suggest::suggest(&env, &ids, json).map(|_| 0)
            }
        }
        Some(Command::Check { repair, json }) => reliability::check(&mut env, repair, json),
        Some(Command::Backup { out }) => reliability::backup(&env, out).map(|_| 0),
        Some(Command::Restore { file, force }) => {
            reliability::restore(env, &file, force).map(|_| 0)
        }
        Some(Command::Audit { from, verify, json }) => reliability::audit(&env, from, verify, json),
        Some(Command::Keygen { .. }) => Ok(0),
        Some(Command::Report(args)) => monev::report(&env, args),
        Some(Command::Teguran(args)) => monev::teguran(&mut env, args),
    }
}
