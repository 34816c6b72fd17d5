//! The action panes' state: transfer (*bukan wewenang*), response (*tindak lanjut*)
//! and hold (*tunda*). Each builds the operation requests it will queue; nothing here
//! writes anywhere.

use super::action::FillData;
use crate::domain::template::{FillContext, fill, unknown_placeholder};
use crate::domain::{Agency, AgencyCode, ComplaintId, OpKind, Stage, TransferReason};
use crate::sync::OpRequest;
use crate::text;
use chrono::NaiveDate;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui_textarea::TextArea;

/// The reasons in picker order.
pub const REASONS: [TransferReason; 4] = [
    TransferReason::NotOurUnit,
    TransferReason::NotOurRegion,
    TransferReason::NotPublicService,
    TransferReason::Other,
];

/// A reason's label.
pub fn reason_label(r: TransferReason, en: bool) -> &'static str {
    match (r, en) {
        (TransferReason::NotOurUnit, false) => "bukan unit kami",
        (TransferReason::NotOurRegion, false) => "bukan wilayah kami",
        (TransferReason::NotPublicService, false) => "bukan pelayanan publik",
        (TransferReason::Other, false) => "lainnya",
        (TransferReason::NotOurUnit, true) => "not our unit",
        (TransferReason::NotOurRegion, true) => "not our region",
        (TransferReason::NotPublicService, true) => "not a public service",
        (TransferReason::Other, true) => "other",
    }
}

/// The stages in picker order.
pub const STAGES: [Stage; 3] = [Stage::Initial, Stage::Progress, Stage::Final];

/// A stage's label.
pub fn stage_label(s: Stage, en: bool) -> &'static str {
    match (s, en) {
        (Stage::Initial, false) => "TL awal",
        (Stage::Progress, false) => "TL proses",
        (Stage::Final, false) => "TL akhir (selesai)",
        (Stage::Initial, true) => "initial",
        (Stage::Progress, true) => "progress",
        (Stage::Final, true) => "final",
    }
}

fn editor(placeholder: &str) -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_placeholder_text(placeholder);
    style_editor(&mut t);
    t
}

/// Emphasis only, no colours, so the editors honour `NO_COLOR` like every pane.
fn style_editor(t: &mut TextArea<'_>) {
    use ratatui::style::{Modifier, Style};
    t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    t.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
    t.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
    t.set_cursor_line_style(Style::default());
    t.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
}

/// The text of an editor.
pub fn editor_text(t: &TextArea<'_>) -> String {
    t.lines().join("\n")
}

/// The transfer pane.
pub struct TransferForm {
    pub targets: Vec<ComplaintId>,
    /// 0: agency picker, 1: reason, 2: note.
    pub field: usize,
    pub query: String,
    /// Indices into the directory, best match first.
    pub picks: Vec<usize>,
    /// The highlighted line: 0 is "agency unknown" (the coordinator decides), `n` is
    /// `picks[n - 1]`.
    pub pick: usize,
    pub reason: usize,
    pub note: TextArea<'static>,
    /// Each target's earlier agencies (for the ping-pong warning).
    pub history: Vec<(ComplaintId, Vec<String>)>,
}

impl TransferForm {
    pub fn new(
        targets: Vec<ComplaintId>,
        agencies: &[Agency],
        scope: &[AgencyCode],
        en: bool,
    ) -> Self {
        let mut f = TransferForm {
            targets,
            field: 0,
            query: String::new(),
            picks: Vec::new(),
            pick: 0,
            reason: 0,
            note: editor(if en {
                "Required: why this is not our authority"
            } else {
                "Catatan wajib: mengapa bukan wewenang kami"
            }),
            history: Vec::new(),
        };
        f.refilter(agencies, scope);
        f
    }

    /// Re-ranks the directory for the query (active agencies only). A coordinator may
    /// re-dispose between its own offices, so agencies in scope are offered too.
    pub fn refilter(&mut self, agencies: &[Agency], _scope: &[AgencyCode]) {
        let m = SkimMatcherV2::default();
        let q = self.query.trim().to_lowercase();
        let mut scored: Vec<(i64, usize)> = agencies
            .iter()
            .enumerate()
            .filter(|(_, a)| a.active)
            .filter_map(|(i, a)| {
                if q.is_empty() {
                    return Some((0, i));
                }
                let hay = format!("{} {}", a.code, a.name).to_lowercase();
                m.fuzzy_match(&hay, &q).map(|s| (s, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.picks = scored.into_iter().map(|(_, i)| i).collect();
        // Typing picks the best match; an empty query leaves the target unknown.
        self.pick = usize::from(!q.is_empty() && !self.picks.is_empty());
    }

    /// The chosen agency (`None`: unknown, the coordinator decides).
    pub fn chosen<'a>(&self, agencies: &'a [Agency]) -> Option<&'a Agency> {
        let i = self.pick.checked_sub(1)?;
        self.picks.get(i).and_then(|&i| agencies.get(i))
    }

    /// Targets that were already transferred away from the chosen agency before.
    pub fn ping_pong(&self, agencies: &[Agency]) -> Vec<ComplaintId> {
        let Some(a) = self.chosen(agencies) else {
            return Vec::new();
        };
        self.history
            .iter()
            .filter(|(_, prev)| prev.contains(&a.code.0))
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The requests, or why the form cannot be sent.
    pub fn requests(&self, agencies: &[Agency], en: bool) -> Result<Vec<OpRequest>, String> {
        let note = editor_text(&self.note);
        if note.trim().is_empty() {
            return Err(if en {
                "the note is required"
            } else {
                "catatan wajib diisi"
            }
            .into());
        }
        let to = self.chosen(agencies).map(|a| a.code.clone());
        let reason = REASONS[self.reason.min(REASONS.len() - 1)];
        Ok(self
            .targets
            .iter()
            .map(|id| OpRequest {
                complaint_id: id.clone(),
                kind: OpKind::Transfer {
                    to_agency: to.clone(),
                    reason,
                    note: note.trim().to_owned(),
                },
                placeholders_checked: false,
            })
            .collect())
    }
}

/// The response pane.
pub struct RespondForm {
    pub targets: Vec<ComplaintId>,
    /// 0: stage, 1: template, 2: text.
    pub field: usize,
    pub stage: usize,
    /// Template names; index 0 is "no template".
    pub names: Vec<String>,
    pub template: usize,
    /// The text, with `{placeholders}` still in it; filled per complaint on sending.
    pub text: TextArea<'static>,
    /// Per-target data for filling and previews (arrives from the runtime).
    pub fills: Vec<FillData>,
    /// The text changed since the draft was last saved.
    pub dirty: bool,
    /// How far the preview is scrolled (PgDn/PgUp outside the text field).
    pub preview_scroll: u16,
    /// The text as last set by a template or a restored draft: choosing another
    /// template replaces it only while the officer has not changed it.
    pub applied: String,
    /// The officer was warned that choosing a template would replace edited text.
    pub overwrite_armed: bool,
    placeholder: &'static str,
}

impl RespondForm {
    pub fn new(targets: Vec<ComplaintId>, names: Vec<String>, en: bool) -> Self {
        let mut all = vec![String::new()];
        all.extend(names);
        let placeholder = if en {
            "Write the response, or pick a template (Shift-Tab)"
        } else {
            "Tulis tindak lanjut, atau pilih templat (Shift-Tab)"
        };
        RespondForm {
            targets,
            field: 2,
            stage: 0,
            names: all,
            template: 0,
            text: editor(placeholder),
            fills: Vec::new(),
            dirty: false,
            preview_scroll: 0,
            applied: String::new(),
            overwrite_armed: false,
            placeholder,
        }
    }

    /// Whether the officer changed the text since a template or draft set it.
    pub fn edited(&self) -> bool {
        let now = editor_text(&self.text);
        !now.trim().is_empty() && now != self.applied
    }

    /// Replaces the text (template chosen or draft restored).
    pub fn set_text(&mut self, s: &str) {
        self.applied = s.to_owned();
        self.overwrite_armed = false;
        let lines: Vec<String> = s.lines().map(str::to_owned).collect();
        self.text = TextArea::new(if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        });
        self.text.set_placeholder_text(self.placeholder);
        self.text
            .set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    }

    /// The stage chosen.
    pub fn stage(&self) -> Stage {
        STAGES[self.stage.min(STAGES.len() - 1)]
    }

    /// The text filled for one target, made safe to show.
    pub fn preview(&self, f: &FillData, officer: &str, today: NaiveDate) -> String {
        let cx = FillContext {
            agency_name: &f.agency_name,
            officer,
            today,
        };
        text::block(&fill(&editor_text(&self.text), &f.complaint, &cx))
    }

    /// The requests, or why the text cannot be sent.
    pub fn requests(
        &self,
        officer: &str,
        today: NaiveDate,
        en: bool,
    ) -> Result<Vec<OpRequest>, String> {
        let body = editor_text(&self.text);
        if body.trim().is_empty() {
            return Err(if en {
                "the response is empty"
            } else {
                "teks tindak lanjut kosong"
            }
            .into());
        }
        if let Some(p) = unknown_placeholder(&body) {
            return Err(if en {
                format!("the text still holds the unfilled placeholder {p}")
            } else {
                format!("teks masih berisi placeholder {p} yang belum terisi")
            });
        }
        if self.fills.len() != self.targets.len() {
            return Err(if en {
                "still loading the complaints"
            } else {
                "data laporan belum termuat"
            }
            .into());
        }
        let stage = self.stage();
        Ok(self
            .fills
            .iter()
            .map(|f| {
                let cx = FillContext {
                    agency_name: &f.agency_name,
                    officer,
                    today,
                };
                OpRequest {
                    complaint_id: f.complaint.id.clone(),
                    kind: OpKind::Response {
                        stage,
                        text: fill(&body, &f.complaint, &cx).trim().to_owned(),
                    },
                    placeholders_checked: true,
                }
            })
            .collect())
    }
}

/// The hold pane.
pub struct HoldForm {
    pub targets: Vec<ComplaintId>,
    pub missing: TextArea<'static>,
}

impl HoldForm {
    pub fn new(targets: Vec<ComplaintId>, en: bool) -> Self {
        HoldForm {
            targets,
            missing: editor(if en {
                "What must the reporter supply?"
            } else {
                "Data apa yang perlu dilengkapi pelapor?"
            }),
        }
    }

    /// The requests, or why the form cannot be sent.
    pub fn requests(&self, en: bool) -> Result<Vec<OpRequest>, String> {
        let missing = editor_text(&self.missing);
        if missing.trim().is_empty() {
            return Err(if en {
                "say what is missing"
            } else {
                "sebutkan data yang kurang"
            }
            .into());
        }
        Ok(self
            .targets
            .iter()
            .map(|id| OpRequest {
                complaint_id: id.clone(),
                kind: OpKind::Hold {
                    missing: missing.trim().to_owned(),
                },
                placeholders_checked: false,
            })
            .collect())
    }
}

/// The open action pane.
pub enum Form {
    Transfer(TransferForm),
    Respond(RespondForm),
    Hold(HoldForm),
}
