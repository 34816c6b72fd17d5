//! What the suggester reads in a complaint: its terms (words of the title, category,
//! tags and the start of the body, and the title's word pairs), hashed so that the
//! cache and the import carry numbers instead of texts, and the region its location
//! names (`Kab. Pamekasan`, `Kota Surabaya`).

use crate::domain::Complaint;

/// How many distinct terms a complaint contributes at most (the title's come first).
pub const MAX_TERMS: usize = 48;
/// How much of the body is read, in bytes (cut at a character boundary).
const BODY_BYTES: usize = 600;

/// Words too common in complaints to say anything about where one belongs.
const STOPWORDS: &[&str] = &[
    "ada",
    "adalah",
    "agar",
    "akan",
    "aku",
    "anda",
    "atas",
    "atau",
    "bagi",
    "bahwa",
    "banyak",
    "bapak",
    "baru",
    "beberapa",
    "belum",
    "berharap",
    "bisa",
    "bpk",
    "bu",
    "buat",
    "dalam",
    "dan",
    "dapat",
    "dari",
    "dengan",
    "desa",
    "dgn",
    "dia",
    "dll",
    "dong",
    "dsb",
    "dua",
    "dusun",
    "gak",
    "hal",
    "hari",
    "harus",
    "ibu",
    "ini",
    "itu",
    "jadi",
    "juga",
    "kab",
    "kabupaten",
    "kalau",
    "kali",
    "kami",
    "kamu",
    "karena",
    "kasih",
    "ke",
    "kec",
    "kecamatan",
    "kel",
    "kelurahan",
    "kepada",
    "ketika",
    "kita",
    "kok",
    "lagi",
    "lain",
    "lama",
    "lebih",
    "masih",
    "mau",
    "melalui",
    "mereka",
    "minggu",
    "mohon",
    "mulai",
    "namun",
    "nya",
    "oleh",
    "pada",
    "pak",
    "para",
    "perhatian",
    "pihak",
    "saat",
    "saja",
    "sampai",
    "sangat",
    "saya",
    "secepatnya",
    "segera",
    "sejak",
    "sekali",
    "sekitar",
    "selama",
    "semua",
    "sudah",
    "supaya",
    "tahun",
    "tapi",
    "telah",
    "terima",
    "terkait",
    "tersebut",
    "tetapi",
    "tidak",
    "tolong",
    "udah",
    "untuk",
    "warga",
    "yang",
    "yth",
];

/// The hash of a term: FNV-1a over its bytes, the same on every machine and in every
/// version (the cache stores these numbers; changing it means relearning).
pub fn hash(term: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}

/// Whether a lower-cased word is worth counting: three characters or more, not only
/// digits, not a stop word.
fn counts(w: &str) -> bool {
    (w.len() >= 3 && w.chars().nth(2).is_some())
        && !w.bytes().all(|b| b.is_ascii_digit())
        && stop_hashes().binary_search(&hash(w)).is_err()
}

/// The stop words' hashes, sorted: the import checks every word of every complaint,
/// and comparing numbers is cheaper than comparing texts.
fn stop_hashes() -> &'static [i64] {
    static HASHES: std::sync::OnceLock<Vec<i64>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        let mut h: Vec<i64> = STOPWORDS.iter().map(|w| hash(w)).collect();
        h.sort_unstable();
        h
    })
}

/// The words worth counting of an already lower-cased text.
pub fn lower_words(lower: &str) -> LowerWords<'_> {
    LowerWords {
        rest: lower,
        ascii: lower.is_ascii(),
    }
}

/// The words worth counting of a lower-cased text ([`lower_words`]): its runs of
/// letters and digits that [`counts`] keeps. An ASCII text (most complaints) is cut on
/// its bytes; any other on its characters, the same cuts.
pub struct LowerWords<'a> {
    rest: &'a str,
    ascii: bool,
}

impl<'a> LowerWords<'a> {
    /// The next run of letters and digits.
    fn run(&mut self) -> Option<&'a str> {
        let s = self.rest;
        let (start, len) = if self.ascii {
            let b = s.as_bytes();
            let start = b.iter().position(u8::is_ascii_alphanumeric)?;
            let len = b[start..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .unwrap_or(b.len() - start);
            (start, len)
        } else {
            let start = s.find(char::is_alphanumeric)?;
            let len = s[start..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(s.len() - start);
            (start, len)
        };
        self.rest = &s[start + len..];
        Some(&s[start..start + len])
    }
}

impl<'a> Iterator for LowerWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        loop {
            let w = self.run()?;
            if counts(w) {
                return Some(w);
            }
        }
    }
}

/// The words of a text worth counting: lower-cased runs of letters and digits, three
/// characters or more, not only digits, not a stop word.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| counts(w))
}

/// The start of the body that is read, lower-cased.
fn body_start(body: &str) -> String {
    let mut end = body.len().min(BODY_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body[..end].to_lowercase()
}

/// A complaint's terms in their order, each given to `f` as the parts of its text
/// (a word, two words, or a prefix and a value): the title's words, its word pairs,
/// the category and tags, the body's words.
fn each_term(c: &Complaint, mut f: impl FnMut(&[&str]) -> bool) {
    let title = c.title.to_lowercase();
    let words: Vec<&str> = lower_words(&title).collect();
    for w in &words {
        if !f(&[w]) {
            return;
        }
    }
    for pair in words.windows(2) {
        if !f(&[pair[0], " ", pair[1]]) {
            return;
        }
    }
    if let Some(cat) = &c.category
        && !f(&["kategori:", &cat.trim().to_lowercase()])
    {
        return;
    }
    for tag in &c.tags {
        if !f(&["tag:", &tag.trim().to_lowercase()]) {
            return;
        }
    }
    let body = body_start(&c.body);
    for w in lower_words(&body) {
        if !f(&[w]) {
            return;
        }
    }
}

/// The terms of a title alone (its words and word pairs), hashed.
pub fn title_terms(title: &str) -> Vec<i64> {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower_words(&lower).collect();
    let mut h: Vec<i64> = words.iter().map(|w| hash(w)).collect();
    h.extend(words.windows(2).map(|p| hash_parts(&[p[0], " ", p[1]])));
    h
}

/// The hash of a term given in parts (the same as [`hash`] of the parts joined).
fn hash_parts(parts: &[&str]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in parts.iter().flat_map(|p| p.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}

/// A complaint's terms as texts, title first (its words, then its word pairs), then
/// the category and tags (prefixed, so they do not mix with words), then the body's
/// words; distinct, at most [`MAX_TERMS`] (the texts of [`terms`]).
pub fn term_texts(c: &Complaint) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(MAX_TERMS);
    each_term(c, |parts| {
        let t = parts.concat();
        if !out.contains(&t) {
            out.push(t);
        }
        out.len() < MAX_TERMS
    });
    out
}

/// A complaint's terms, hashed, sorted and distinct (computed without building their
/// texts: the import hashes every complaint).
pub fn terms(c: &Complaint) -> Vec<i64> {
    let mut h: Vec<i64> = Vec::with_capacity(MAX_TERMS);
    each_term(c, |parts| {
        let t = hash_parts(parts);
        if !h.contains(&t) {
            h.push(t);
        }
        h.len() < MAX_TERMS
    });
    h.sort_unstable();
    h
}

/// A regency or a city, as a location or the directory names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub city: bool,
    /// The name without its kind, as written (`Pamekasan`).
    pub name: String,
}

impl Region {
    /// The region a location names: its part that starts with `Kab.`, `Kabupaten` or
    /// `Kota` (a district named `Kec. Kota Sumenep` is not a city).
    pub fn of_location(location: &str) -> Option<Region> {
        location
            .split([',', ';'])
            .find_map(|part| Region::parse(part.trim()))
    }

    /// The region a directory entry's name names (`Pemerintah Kabupaten Sumenep`).
    pub fn of_agency_name(name: &str) -> Option<Region> {
        let n = name.trim();
        let n = n.strip_prefix("Pemerintah ").unwrap_or(n);
        Region::parse(n)
    }

    fn parse(part: &str) -> Option<Region> {
        // Without lower-casing the whole part: the import asks this of every complaint.
        let starts = |p: &str| {
            part.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        };
        let (city, skip) = if starts("kabupaten ") {
            (false, "kabupaten ".len())
        } else if starts("kab.") {
            (false, "kab.".len())
        } else if starts("kota ") {
            (true, "kota ".len())
        } else {
            return None;
        };
        let name = part.get(skip..)?.trim();
        (!name.is_empty()).then(|| Region {
            city,
            name: name.to_owned(),
        })
    }

    /// Whether two regions are the same (kind and name, case aside).
    pub fn same(&self, other: &Region) -> bool {
        self.city == other.city && self.name.to_lowercase() == other.name.to_lowercase()
    }

    /// How an officer writes it: `Kab. Pamekasan`, `Kota Surabaya`.
    pub fn label(&self) -> String {
        if self.city {
            format!("Kota {}", self.name)
        } else {
            format!("Kab. {}", self.name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stopwords_are_sorted_and_distinct() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_hashed_terms_are_the_texts_hashed() {
        let c: Complaint = serde_json::from_value(serde_json::json!({
            "id": "LAP-1", "revision": 1, "title": "Jalan BERLUBANG di Desa Batuan",
            "body": "Aspal mengelupas, 2026 lubang; tolong!", "classification": "pengaduan",
            "submitted_at": "2026-11-02T09:00:00+07:00", "agency": "3529-DPUBM",
            "status": "terdisposisi", "category": "Infrastruktur", "tags": ["jalan"]
        }))
        .expect("complaint");
        let texts = term_texts(&c);
        assert_eq!(
            texts,
            [
                "jalan",
                "berlubang",
                "batuan",
                "jalan berlubang",
                "berlubang batuan",
                "kategori:infrastruktur",
                "tag:jalan",
                "aspal",
                "mengelupas",
                "lubang"
            ]
        );
        let mut hashed: Vec<i64> = texts.iter().map(|t| hash(t)).collect();
        hashed.sort_unstable();
        assert_eq!(terms(&c), hashed);
    }

    #[test]
    fn the_words_are_cut_as_a_split_on_characters_would() {
        let split = |t: &str| -> Vec<String> {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| counts(w))
                .map(str::to_owned)
                .collect()
        };
        for t in [
            "",
            "jalan",
            "  jalan rusak,,parah!! 2026 abc12 ",
            "café—jalan…rusak ülker ½ 東京タワー x",
            "a-bc-def-ghij",
        ] {
            let cut: Vec<String> = lower_words(t).map(str::to_owned).collect();
            assert_eq!(cut, split(t), "{t:?}");
        }
    }

    #[test]
    fn words_drop_short_common_and_numeric_ones() {
        let w: Vec<String> = words("Jalan di Desa Pandian RUSAK 2026, tolong!").collect();
        assert_eq!(w, ["jalan", "pandian", "rusak"]);
    }

    #[test]
    fn a_location_names_its_region_but_a_district_named_kota_does_not() {
        let r = Region::of_location("Desa Larangan, Kec. Larangan, Kab. Pamekasan");
        assert_eq!(r.map(|r| r.label()), Some("Kab. Pamekasan".to_owned()));
        assert_eq!(
            Region::of_location("Kel. Bangselok, Kec. Kota Sumenep"),
            None
        );
        let s = Region::of_agency_name("Pemerintah Kota Surabaya").expect("a city");
        assert!(s.same(&Region::of_location("Jl. Tunjungan, Kota surabaya").expect("city")));
    }
}
