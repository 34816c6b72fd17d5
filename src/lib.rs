//! Sigap: a terminal desk for SP4N-LAPOR! liaison officers.
//!
//! Layers, and which may use which (arrows point at what is used):
//!
//! - [`domain`]: pure types and rules (complaints, operations, calendar, SLA clocks).
//!   Uses nothing else of the crate.
//! - [`config`]: the TOML configuration. Uses `domain`.
//! - [`store`]: the SQLite cache (open, migrations, queries, outbox) and its write
//!   transaction; it owns all SQL. Uses `domain`.
//! - [`sync`]: batch files (parse and verify, import in one transaction, atomic export,
//!   the demo data set). Uses `domain`, `store`, `config`.
//! - [`monev`]: the monitoring report's formats and the written reprimands. Uses
//!   `domain`, `store`, `config`, `i18n`.
//! - [`cli`]: the scriptable subcommands. Uses everything above.
//! - [`config_bounds`] (part of `config`): the size and value limits of the config.
//! - [`textfile`]: text files edited by hand (Notepad's byte order mark and CRLF).
//!   Uses nothing.
//! - [`fault`]: named crash points for the crash tests (`SIGAP_FAULT`). Uses nothing.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used)]

pub mod app;
pub mod cli;
pub mod config;
pub mod config_bounds;
pub mod domain;
pub mod fault;
pub mod i18n;
pub mod monev;
pub mod runtime;
pub mod store;
pub mod sync;
pub mod text;
pub mod textfile;
pub mod tui;
pub mod ui;

/// mimalloc instead of the system's allocator, for every program built on this crate
/// (the desk, its tests and benchmarks): measured in `docs/performance.md`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
