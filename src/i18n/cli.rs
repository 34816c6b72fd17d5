//! The command line's sentences with values in them (`status`, `list`, `show`, the
//! action commands). Lines that `spec/cli.md` fixes word for word for scripts stay the
//! same in every language and are not here: each import's `applied` / `already
//! imported` / `rejected: <reason>` line, an export's paths or `nothing to export`, the
//! ids a queued operation prints.

use super::Lang;

impl Lang {
    /// `status`: the operation counts.
    pub fn cli_operation_counts(
        self,
        pending: u64,
        exported: u64,
        rejected: u64,
        conflicts: u64,
    ) -> String {
        self.pick(
            format!(
                "{pending} tertunda, {exported} terekspor, {rejected} ditolak, {conflicts} konflik"
            ),
            format!(
                "{pending} pending, {exported} exported, {rejected} rejected, {conflicts} in conflict"
            ),
        )
    }

    /// `status`: one inbound stream.
    pub fn cli_inbound(self, agency: &str, last: u64, missing: &str) -> String {
        let missing = if missing.is_empty() {
            String::new()
        } else {
            self.pick(
                format!(" (hilang {missing})"),
                format!(" (missing {missing})"),
            )
        };
        self.pick(
            format!("{agency} s.d. #{last}{missing}"),
            format!("{agency} up to #{last}{missing}"),
        )
    }

    /// `status`: the outbound stream.
    pub fn cli_outbound(self, last: u64, waiting: u64) -> String {
        self.pick(
            format!("terakhir #{last}, {waiting} batch menunggu tanda terima"),
            format!("last #{last}, {waiting} batch(es) awaiting acknowledgement"),
        )
    }

    /// `show`: the status line.
    pub fn cli_status_line(
        self,
        status: &str,
        agency: &str,
        class: &str,
        supervisory: bool,
        revision: u64,
    ) -> String {
        let sup = if supervisory {
            self.t().supervisory
        } else {
            ""
        };
        self.pick(
            format!("status {status} · {agency} · {class}{sup} · revisi {revision}"),
            format!("status {status} · {agency} · {class}{sup} · revision {revision}"),
        )
    }

    /// `show`: category, channel and location.
    pub fn cli_where(self, category: &str, channel: &str, location: &str) -> String {
        self.pick(
            format!("kategori {category} · kanal {channel} · lokasi {location}"),
            format!("category {category} · channel {channel} · location {location}"),
        )
    }

    /// `resolve --confirm`.
    pub fn cli_confirmed(self, op: &str, revision: u64) -> String {
        self.pick(
            format!("{op} dikonfirmasi ulang pada revisi {revision}"),
            format!("{op} confirmed again on revision {revision}"),
        )
    }

    /// `resolve --discard`.
    pub fn cli_discarded(self, op: &str) -> String {
        self.pick(format!("{op} dibuang"), format!("{op} discarded"))
    }

    /// `undo`.
    pub fn cli_undone(self, kind: &str, op: &str, complaint: &str) -> String {
        self.pick(
            format!("dibatalkan: {kind} {op} pada {complaint}"),
            format!("undid {kind} {op} on {complaint}"),
        )
    }
}
