//! Batch files exchanged with the central registry (`spec/batch-format.md`): reading
//! and verifying inbound files, importing each in one transaction, queuing the
//! officer's operations, writing outbound files atomically, and the demo data set.
//!
//! Everything here goes through [`crate::store`] for SQL; nothing here draws.

pub mod audit;
pub mod demo;
pub mod export;
pub mod import;
mod json_depth;
pub mod ops;
pub mod placing;
mod reader;
mod scan;
pub mod signing;
pub mod wire;
pub mod writer;

pub use export::{ExportError, ExportOutcome, export_pending, resend};
pub use import::{
    ImportError, ImportOutcome, ImportReport, import_bytes, import_file, import_files,
};
pub use ops::{OpError, OpRequest, OpText, queue_operations};
pub use scan::{BatchFile, scan_import_dir};
