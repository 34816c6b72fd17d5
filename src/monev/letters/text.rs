//! A letter's words: the template of its level (built in, or replaced under
//! `[monev.templates]`), its placeholders filled, and the list of overdue complaints
//! it names. A title is the reporter's own words: it goes through the one sanitiser,
//! and any part of the reporter's identity the cache holds is blanked out of it; a
//! confidential complaint is named by its category only.

use super::Letter;
use crate::config::Config;
use crate::domain::template::tanggal;
use crate::text::line;

/// The built-in templates, by level.
pub const BUILT_IN: [(&str, &str); 3] = [
    (
        "teguran-1",
        include_str!("../../../assets/templates/teguran-1.txt"),
    ),
    (
        "teguran-2",
        include_str!("../../../assets/templates/teguran-2.txt"),
    ),
    (
        "teguran-3",
        include_str!("../../../assets/templates/teguran-3.txt"),
    ),
];

/// The placeholders a letter template may hold.
pub const PLACEHOLDERS: [&str; 11] = [
    "{nomor}",
    "{tanggal}",
    "{tempat}",
    "{instansi}",
    "{kode}",
    "{jumlah}",
    "{batas}",
    "{hari}",
    "{daftar}",
    "{surat_sebelumnya}",
    "{tanggal_sebelumnya}",
];

/// Where the list goes: a line holding only `{daftar}`.
const LIST: &str = "{daftar}";
/// What stands in for a number not taken yet (a draft, a dry run).
pub const NO_NUMBER: &str = "…/…/…";

/// The template of a level.
pub fn template(cfg: &Config, level: u8) -> String {
    let name = format!("teguran-{}", level.clamp(1, 3));
    cfg.monev
        .templates
        .get(&name)
        .cloned()
        .or_else(|| {
            BUILT_IN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| (*t).to_owned())
        })
        .unwrap_or_default()
}

/// The first placeholder of a template that is not known, if any.
pub fn unknown_placeholder(template: &str) -> Option<String> {
    let mut t = template.to_owned();
    for p in PLACEHOLDERS {
        t = t.replace(p, "");
    }
    crate::domain::operation::unfilled_placeholder(&t).map(str::to_owned)
}

/// A piece of a letter's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph (its lines joined by line breaks).
    Para(Vec<String>),
    /// The list of overdue complaints.
    List,
}

/// One listed complaint as the letter names it.
pub fn subject(
    title: &str,
    confidential: bool,
    category: Option<&str>,
    identity: &[String],
) -> String {
    if confidential {
        return format!("[Rahasia] {}", line(category.unwrap_or("-")));
    }
    let mut t = line(title);
    for who in identity {
        t = blank_out(&t, &line(who));
    }
    t
}

/// Replaces every occurrence of `who` in `text` (ignoring case) with `[…]`.
fn blank_out(text: &str, who: &str) -> String {
    let needle = who.trim().to_lowercase();
    if needle.is_empty() {
        return text.to_owned();
    }
    let lower = text.to_lowercase();
    // Lowercasing may change lengths outside ASCII: then compare char by char.
    if lower.len() != text.len() {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut at = 0;
    while let Some(i) = lower[at..].find(&needle) {
        let start = at + i;
        out.push_str(&text[at..start]);
        out.push_str("[…]");
        at = start + needle.len();
    }
    out.push_str(&text[at..]);
    out
}

/// One line of the list, numbered.
pub fn item_line(n: usize, it: &super::Item) -> String {
    let clock = match it.clock {
        crate::domain::monev::ClockKind::FirstResponse => "tindak lanjut awal",
        crate::domain::monev::ClockKind::Completion => "penyelesaian",
    };
    format!(
        "{n}. {} — {} — {clock}, jatuh tempo {}, terlambat {} hari kerja",
        line(&it.id),
        it.subject,
        tanggal(it.due),
        it.days_late
    )
}

/// How many complaints a letter lists (a complaint may be late on both clocks).
pub fn complaints(letter: &Letter) -> usize {
    let mut ids: Vec<&str> = letter.items.iter().map(|i| i.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// A heading line of the letter (`Nomor    : 800/12/…`): its label and the rest from
/// the colon on, so the document can align the colons on a tab stop.
pub fn labelled(line: &str) -> Option<(&str, &str)> {
    let (label, rest) = line.split_once(" : ").or_else(|| line.split_once("  :"))?;
    let label = label.trim_end();
    let short = !label.is_empty() && label.chars().count() <= 12 && !label.contains(',');
    short.then(|| (label, rest.trim_start_matches(':').trim_start()))
}

/// The letter's body from its template, as paragraphs and the list's place.
pub fn body(letter: &Letter, cfg: &Config) -> Vec<Block> {
    let t = template(cfg, letter.level);
    let (prev_number, prev_date) = letter
        .previous
        .as_ref()
        .map_or(("-".to_owned(), "-".to_owned()), |p| {
            (line(&p.number), tanggal(p.date))
        });
    let filled = t
        .replace("{nomor}", letter.number.as_deref().unwrap_or(NO_NUMBER))
        .replace("{tanggal}", &tanggal(letter.date))
        .replace("{tempat}", &line(&cfg.monev.place))
        .replace("{instansi}", &line(&letter.name))
        .replace("{kode}", &line(&letter.agency))
        .replace("{jumlah}", &complaints(letter).to_string())
        .replace("{batas}", &tanggal(letter.deadline))
        .replace("{hari}", &cfg.monev.reprimand_deadline_days.to_string())
        .replace("{surat_sebelumnya}", &prev_number)
        .replace("{tanggal_sebelumnya}", &prev_date);
    let mut out = Vec::new();
    let mut para: Vec<String> = Vec::new();
    for l in filled.lines() {
        let l = l.trim_end();
        if l.trim() == LIST {
            if !para.is_empty() {
                out.push(Block::Para(std::mem::take(&mut para)));
            }
            out.push(Block::List);
        } else if l.trim().is_empty() {
            if !para.is_empty() {
                out.push(Block::Para(std::mem::take(&mut para)));
            }
        } else {
            para.push(l.replace(LIST, ""));
        }
    }
    if !para.is_empty() {
        out.push(Block::Para(para));
    }
    out
}

/// The place and date line (`Sumenep, 2 Desember 2026`).
pub fn dateline(letter: &Letter, cfg: &Config) -> String {
    let place = line(&cfg.monev.place);
    if place.is_empty() {
        tanggal(letter.date)
    } else {
        format!("{place}, {}", tanggal(letter.date))
    }
}

/// The signature block's lines.
pub fn signature(cfg: &Config) -> Vec<String> {
    let m = &cfg.monev;
    let mut out = Vec::new();
    if !m.signatory_title.trim().is_empty() {
        out.push(format!("{},", line(&m.signatory_title)));
    }
    out.push(String::new());
    out.push(String::new());
    out.push(String::new());
    out.push(line(&m.signatory_name));
    if !m.signatory_nip.trim().is_empty() {
        out.push(format!("NIP. {}", line(&m.signatory_nip)));
    }
    out
}

/// The whole letter as plain text, for review before it is issued.
pub fn plain(letter: &Letter, cfg: &Config) -> String {
    let mut out = String::new();
    for l in &cfg.monev.letterhead {
        out.push_str(&line(l));
        out.push('\n');
    }
    if !cfg.monev.letterhead.is_empty() {
        out.push_str(&"═".repeat(60));
        out.push('\n');
    }
    out.push_str(&format!("{:>60}\n\n", dateline(letter, cfg)));
    for b in body(letter, cfg) {
        match b {
            Block::Para(lines) => {
                for l in lines {
                    out.push_str(&l);
                    out.push('\n');
                }
            }
            Block::List => {
                for (i, it) in letter.items.iter().enumerate() {
                    out.push_str(&item_line(i + 1, it));
                    out.push('\n');
                }
            }
        }
        out.push('\n');
    }
    for l in signature(cfg) {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reporters_identity_is_blanked_out_of_a_title() {
        let who = vec!["Siti Aminah".to_owned(), "081234567890".to_owned()];
        assert_eq!(
            subject(
                "Rumah SITI AMINAH kebanjiran, hubungi 081234567890",
                false,
                None,
                &who
            ),
            "Rumah […] kebanjiran, hubungi […]"
        );
        assert_eq!(
            subject("Anak saya dirundung", true, Some("Pendidikan"), &who),
            "[Rahasia] Pendidikan"
        );
        assert_eq!(
            subject("Jalan\u{1b}[2J rusak", false, None, &[]),
            "Jalan␛[2J rusak"
        );
    }

    #[test]
    fn every_built_in_template_knows_its_placeholders_and_has_a_list() {
        for (name, t) in BUILT_IN {
            assert_eq!(unknown_placeholder(t), None, "{name}");
            assert!(t.contains("{daftar}"), "{name}");
            assert!(t.contains("{batas}"), "{name}");
        }
        assert_eq!(
            unknown_placeholder("{nomor} {nama}").as_deref(),
            Some("{nama}")
        );
    }
}
