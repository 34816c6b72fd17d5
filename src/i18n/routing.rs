//! The suggester's sentences: why an agency is suggested, the likely-misrouted mark,
//! and `sigap suggest` (with `--evaluate`) as text.

use super::Lang;
use crate::domain::routing::Reason;

impl Lang {
    /// Why an agency is suggested, in one line an officer can check. `name` is the
    /// agency's name as the directory gives it (the caller makes it safe to print).
    pub fn route_reason(self, reason: &Reason, name: &str) -> String {
        let name = crate::text::line(name);
        let shown = |w: &String| match w.split_once(':') {
            Some(("kategori", c)) => self.pick(format!("kategori {c}"), format!("category {c}")),
            Some(("tag", t)) => format!("#{t}"),
            _ => w.clone(),
        };
        match reason {
            Reason::Similar {
                similar,
                word: Some(w),
            } => {
                let w = shown(w);
                self.pick(
                    format!("{similar} laporan serupa (\"{w}\") ditangani {name}"),
                    format!("{similar} similar complaints (\"{w}\") handled by {name}"),
                )
            }
            Reason::Similar {
                similar,
                word: None,
            } => self.pick(
                format!("{similar} laporan serupa ditangani {name}"),
                format!("{similar} similar complaints handled by {name}"),
            ),
            Reason::Keyword { word: Some(w) } => {
                let w = shown(w);
                self.pick(
                    format!("kata \"{w}\" termasuk urusan {name}"),
                    format!("the word \"{w}\" is the business of {name}"),
                )
            }
            Reason::Keyword { word: None } => self.pick(
                format!("kata kuncinya termasuk urusan {name}"),
                format!("its keywords are the business of {name}"),
            ),
            Reason::Handled { handled } => self.pick(
                format!("{handled} laporan ditangani {name}"),
                format!("{handled} complaints handled by {name}"),
            ),
            Reason::OutsideRegion { place, desk } => self.pick(
                format!("lokasi di {place}, di luar wilayah {desk}"),
                format!("location in {place}, outside {desk}"),
            ),
        }
    }

    /// The detail's line naming likely duplicates, with the key that marks them all.
    pub fn duplicates_line(self, ids: &str, key: &str) -> String {
        self.pick(
            format!("kemungkinan duplikat: {ids} ({key}: tandai semuanya untuk dijawab bersama)"),
            format!("likely duplicates: {ids} ({key}: mark them all to answer together)"),
        )
    }

    /// `suggest`: the heading of one complaint.
    pub fn cli_suggest_head(self, id: &str, agency: &str, misrouted: bool) -> String {
        let mark = if misrouted {
            self.pick(" — mungkin salah alamat", " — maybe misrouted")
        } else {
            ""
        };
        self.pick(
            format!("{id} (kini di {agency}){mark}"),
            format!("{id} (now at {agency}){mark}"),
        )
    }

    /// `suggest`: no suggestion for a complaint.
    pub fn cli_suggest_none(self) -> &'static str {
        self.pick(
            "  (belum ada saran: cache belum cukup mengenal laporan seperti ini)",
            "  (no suggestion yet: the cache knows too little of complaints like this)",
        )
    }

    /// `suggest --evaluate`: the figures as text.
    pub fn cli_evaluation(self, e: &crate::store::Evaluation) -> String {
        let crate::store::Evaluation {
            complaints,
            top1,
            top3,
            misrouted_precision: precision,
            misrouted_recall: recall,
            misrouted,
            marked,
            ..
        } = e;
        self.pick(
            format!(
                "laporan dengan instansi akhir diketahui: {complaints}\n\
                 akurasi top-1: {top1:.4}\nakurasi top-3: {top3:.4}\n\
                 tanda salah alamat: presisi {precision:.4}, recall {recall:.4} \
                 ({marked} ditandai, {misrouted} memang salah alamat)"
            ),
            format!(
                "complaints with a known final agency: {complaints}\n\
                 top-1 accuracy: {top1:.4}\ntop-3 accuracy: {top3:.4}\n\
                 misrouted mark: precision {precision:.4}, recall {recall:.4} \
                 ({marked} marked, {misrouted} truly misrouted)"
            ),
        )
    }

    /// `suggest --evaluate`: the mark at another threshold.
    pub fn cli_evaluation_at(self, threshold: f64, precision: f64, recall: f64) -> String {
        self.pick(
            format!("  ambang {threshold:.2}: presisi {precision:.4}, recall {recall:.4}"),
            format!("  threshold {threshold:.2}: precision {precision:.4}, recall {recall:.4}"),
        )
    }
}
