//! The checks that make the story safe to generate from: no empty list a choice is
//! made from, every name known, every link in range, every `{slot}` one the generator
//! fills. A data file that fails them is refused with what is wrong.

use super::Error;
use super::data::{Places, Story};
use super::text::slots;
use std::collections::BTreeSet;

/// Slots every complaint's context fills.
pub const CONTEXT_SLOTS: [&str; 27] = [
    "kec",
    "desa",
    "desa2",
    "dusun",
    "n",
    "m",
    "tahap",
    "bulan",
    "tgl",
    "hari",
    "d",
    "km",
    "usia",
    "usia_anak",
    "pot",
    "biaya",
    "sisa",
    "pkm",
    "sd",
    "smp",
    "tempat",
    "jalan",
    "pasar",
    "salah",
    "benar",
    "jam",
    "name",
];
/// Slots thread texts have besides the context's.
pub const THREAD_SLOTS: [&str; 6] = ["unit", "field", "tgl_msg", "salam", "dup", "target"];

impl Story {
    /// Whatever the generator relies on: non-empty lists, known names, links in range,
    /// slots that exist.
    pub fn check(&self) -> Result<(), Error> {
        let bad = |what: String| Err(Error::Data(what));
        let t = &self.text;
        let s = &self.slots;
        let lists: [(&str, usize); 32] = [
            ("stream", self.stream.len()),
            ("kecamatan", self.kecamatan.len()),
            ("vague_archive", self.vague_archive.len()),
            ("people.names", self.people.names.len()),
            ("people.phone_prefix", self.people.phone_prefix.len()),
            ("people.email_domains", self.people.email_domains.len()),
            ("attachments.documents", self.attachments.documents.len()),
            ("slots.dusun", s.dusun.len()),
            ("slots.km", s.km.len()),
            ("slots.tahap", s.tahap.len()),
            ("slots.pot", s.pot.len()),
            ("slots.biaya", s.biaya.len()),
            ("slots.sisa", s.sisa.len()),
            ("slots.jam", s.jam.len()),
            ("slots.sd_number", s.sd_number.len()),
            ("slots.kk_typos", s.kk_typos.len()),
            ("text.sys_disposed", t.sys_disposed.len()),
            ("text.initial", t.initial.len()),
            ("text.progress", t.progress.len()),
            ("text.progress_after_reply", t.progress_after_reply.len()),
            ("text.reply_wait", t.reply_wait.len()),
            ("text.reply_nudge", t.reply_nudge.len()),
            ("text.reply_ok", t.reply_ok.len()),
            ("text.reply_bad", t.reply_bad.len()),
            ("text.admin_reminder", t.admin_reminder.len()),
            ("text.admin_followup", t.admin_followup.len()),
            ("text.admin_hold_pre", t.admin_hold_pre.len()),
            ("text.admin_archive_pre", t.admin_archive_pre.len()),
            ("text.archive_categories", t.archive_categories.len()),
            ("text.duplicate_note", t.duplicate_note.len()),
            ("text.close_letter", t.close_letter.len()),
            ("text.open_formal", t.open_formal.len()),
        ];
        for (name, n) in lists {
            if n == 0 {
                return bad(format!("`{name}` is empty"));
            }
        }
        for (name, list) in [
            ("text.close_formal", &t.close_formal),
            ("text.close_informal", &t.close_informal),
            ("text.open_informal", &t.open_informal),
            ("text.extra_formal", &t.extra_formal),
            ("text.extra_informal", &t.extra_informal),
        ] {
            if list.is_empty() {
                return bad(format!("`{name}` is empty"));
            }
        }
        if s.months.len() != 12 || s.weekdays.len() != 7 {
            return bad("`slots.months` needs 12 names and `slots.weekdays` 7".into());
        }
        let codes: BTreeSet<&str> = self.agency.iter().map(|a| a.code.as_str()).collect();
        let kecs: BTreeSet<&str> = self.kecamatan.iter().map(|k| k.name.as_str()).collect();
        for st in &self.stream {
            if st.batches.is_empty() || st.units.is_empty() {
                return bad(format!("stream {}: no batches or no units", st.agency));
            }
            if !codes.contains(st.agency.as_str()) {
                return bad(format!("stream {} is not in the directory", st.agency));
            }
            if !self.scenario.iter().any(|sc| sc.agency == st.agency) {
                return bad(format!("stream {} has no scenario", st.agency));
            }
        }
        if self
            .stream_index(&self.desk.anonymous_trap.stream)
            .is_none()
        {
            return bad("`desk.anonymous_trap.stream` is not a stream".into());
        }
        for k in &self.kecamatan {
            if k.desa.is_empty() {
                return bad(format!("kecamatan {} has no desa", k.name));
            }
        }
        for sc in &self.scenario {
            let here = format!("scenario {}", sc.key);
            if self.stream_index(&sc.agency).is_none() {
                return bad(format!("{here}: agency {} is not a stream", sc.agency));
            }
            if sc.titles.is_empty() || sc.finals.is_empty() || sc.body.is_empty() {
                return bad(format!("{here}: needs titles, finals and bodies"));
            }
            if sc.classes.is_empty() || sc.classes.values().all(|w| *w == 0) {
                return bad(format!("{here}: no classification weight"));
            }
            match &sc.kecamatan {
                Some(Places::Group(g)) if g != "islands" => {
                    return bad(format!("{here}: kecamatan = {g:?}: only \"islands\""));
                }
                Some(Places::Named(names)) => {
                    if let Some(n) = names.iter().find(|n| !kecs.contains(n.as_str())) {
                        return bad(format!("{here}: unknown kecamatan {n}"));
                    }
                }
                _ => {}
            }
            for b in &sc.body {
                if b.titles.iter().any(|i| *i >= sc.titles.len())
                    || b.finals.iter().any(|i| *i >= sc.finals.len())
                {
                    return bad(format!(
                        "{here}: a body links a title or final out of range"
                    ));
                }
            }
        }
        for m in &self.misrouted {
            if self.stream_index(&m.stream).is_none() || !codes.contains(m.target.as_str()) {
                return bad(format!("misrouted {:?}: unknown stream or target", m.title));
            }
            if m.kecamatan.as_deref().is_some_and(|k| !kecs.contains(k)) {
                return bad(format!("misrouted {:?}: unknown kecamatan", m.title));
            }
        }
        for l in &self.long {
            let ok = self
                .scenario
                .iter()
                .any(|sc| sc.key == l.scenario && sc.agency == l.stream);
            if !ok || !kecs.contains(l.kecamatan.as_str()) {
                return bad(format!("long {:?}: unknown scenario or kecamatan", l.title));
            }
        }
        self.check_slots()
    }

    /// Every `{slot}` of every template is one the generator fills.
    fn check_slots(&self) -> Result<(), Error> {
        let context: BTreeSet<&str> = CONTEXT_SLOTS.into_iter().collect();
        let thread: BTreeSet<&str> = CONTEXT_SLOTS.into_iter().chain(THREAD_SLOTS).collect();
        let t = &self.text;
        let mut complaint_texts: Vec<&String> = Vec::new();
        let mut thread_texts: Vec<&String> = Vec::new();
        for sc in &self.scenario {
            complaint_texts.extend(&sc.titles);
            complaint_texts.extend(sc.body.iter().map(|b| &b.text));
            thread_texts.extend(&sc.finals);
            thread_texts.extend(&sc.progress);
        }
        for m in &self.misrouted {
            complaint_texts.extend([&m.title, &m.body]);
        }
        complaint_texts.extend(&t.open_formal);
        complaint_texts.extend(&self.slots.landmarks);
        complaint_texts.extend(&self.slots.village_roads);
        for st in &self.stream {
            thread_texts.extend([&st.field, &st.hold]);
        }
        for list in [
            &t.sys_disposed,
            &t.initial,
            &t.progress,
            &t.progress_after_reply,
            &t.reply_wait,
            &t.reply_nudge,
            &t.reply_ok,
            &t.reply_bad,
            &t.admin_reminder,
            &t.admin_followup,
            &t.admin_hold_pre,
            &t.admin_archive_pre,
        ] {
            thread_texts.extend(list);
        }
        thread_texts.extend([
            &t.sys_autoclose,
            &t.sys_archived,
            &t.duplicate_agency,
            &t.duplicate_admin,
            &t.transfer_admin,
            &t.transfer_system,
        ]);
        for (texts, known) in [(complaint_texts, &context), (thread_texts, &thread)] {
            for text in texts {
                if let Some(s) = slots(text).into_iter().find(|s| !known.contains(s)) {
                    return Err(Error::Data(format!("unknown slot {{{s}}} in {text:?}")));
                }
            }
        }
        Ok(())
    }
}
