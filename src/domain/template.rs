//! Response templates: named texts with `{placeholder}`s filled per complaint.

use super::complaint::Complaint;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// The built-in templates (`assets/templates/*.txt`), by name.
pub const BUILT_IN: [(&str, &str); 4] = [
    ("awal", include_str!("../../assets/templates/awal.txt")),
    ("proses", include_str!("../../assets/templates/proses.txt")),
    (
        "selesai",
        include_str!("../../assets/templates/selesai.txt"),
    ),
    (
        "minta-data",
        include_str!("../../assets/templates/minta-data.txt"),
    ),
];

/// The built-in templates with the configured ones added (a configured name replaces a
/// built-in one).
pub fn all_templates(configured: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut all: BTreeMap<String, String> = BUILT_IN
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).trim_end().to_owned()))
        .collect();
    all.extend(configured.iter().map(|(k, v)| (k.clone(), v.clone())));
    all
}

/// The placeholders [`fill`] knows.
pub const PLACEHOLDERS: [&str; 8] = [
    "{id}",
    "{judul}",
    "{pelapor}",
    "{instansi}",
    "{tanggal}",
    "{kategori}",
    "{lokasi}",
    "{petugas}",
];

/// The first placeholder of a template that [`fill`] does not know, if any. Check the
/// template, not the filled text: a complaint's own title may contain braces.
pub fn unknown_placeholder(template: &str) -> Option<String> {
    let mut t = template.to_owned();
    for k in PLACEHOLDERS {
        t = t.replace(k, "");
    }
    crate::domain::operation::unfilled_placeholder(&t).map(str::to_owned)
}

/// What fills the placeholders besides the complaint itself.
#[derive(Clone, Debug)]
pub struct FillContext<'a> {
    /// The responsible agency's name (*instansi*).
    pub agency_name: &'a str,
    /// The officer (*petugas*).
    pub officer: &'a str,
    pub today: NaiveDate,
}

/// The months in Indonesian, January first.
pub const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// Indonesian long date: `27 November 2026`.
pub fn tanggal(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), BULAN[d.month0() as usize], d.year())
}

/// Fills the known placeholders. Unknown ones are left for the unfilled-placeholder
/// check to catch. An anonymous reporter is addressed without a name.
pub fn fill(template: &str, c: &Complaint, cx: &FillContext<'_>) -> String {
    let pelapor = match (&c.reporter, c.anonymous) {
        (Some(r), false) => r
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "Bapak/Ibu Pelapor".into()),
        _ => "Bapak/Ibu Pelapor".into(),
    };
    let pairs = [
        ("{id}", c.id.as_str().to_owned()),
        ("{judul}", c.title.clone()),
        ("{pelapor}", pelapor),
        ("{instansi}", cx.agency_name.to_owned()),
        ("{tanggal}", tanggal(cx.today)),
        ("{kategori}", c.category.clone().unwrap_or_default()),
        (
            "{lokasi}",
            c.location
                .clone()
                .unwrap_or_else(|| "lokasi yang dilaporkan".into()),
        ),
        ("{petugas}", cx.officer.to_owned()),
    ];
    let mut out = template.to_owned();
    for (k, v) in pairs {
        out = out.replace(k, &v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::operation::unfilled_placeholder;

    fn complaint(anonymous: bool) -> Complaint {
        serde_json::from_value(serde_json::json!({
            "id":"LAP-1","revision":1,"title":"Jalan rusak","body":"b",
            "classification":"pengaduan","submitted_at":"2026-11-02T09:12:00+07:00",
            "anonymous":anonymous,"reporter":{"name":"Siti Aminah","phone":null,"email":null},
            "agency":"3529-DPUBM","status":"terdisposisi","location":"Desa Kalimo'ok"}))
        .expect("complaint")
    }

    #[test]
    fn built_ins_fill_completely() {
        let cx = FillContext {
            agency_name: "Dinas PU Bina Marga",
            officer: "Ahmad Fauzi",
            today: "2026-11-27".parse().expect("date"),
        };
        for (name, t) in all_templates(&BTreeMap::new()) {
            let text = fill(&t, &complaint(false), &cx);
            assert_eq!(unfilled_placeholder(&text), None, "{name}: {text}");
        }
        let text = fill("{pelapor} {tanggal}", &complaint(false), &cx);
        assert_eq!(text, "Siti Aminah 27 November 2026");
        let anon = fill("{pelapor}", &complaint(true), &cx);
        assert_eq!(anon, "Bapak/Ibu Pelapor");
        assert_eq!(fill("{nomor}", &complaint(false), &cx), "{nomor}");
        assert_eq!(
            unknown_placeholder("Yth. {pelapor}, {nomor}"),
            Some("{nomor}".into())
        );
        assert_eq!(unknown_placeholder(BUILT_IN[0].1), None);
    }
}
