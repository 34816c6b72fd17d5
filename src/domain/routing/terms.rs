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

/// The words of a text worth counting: lower-cased runs of letters and digits, three
/// characters or more, not only digits, not a stop word.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| STOPWORDS.binary_search(&w.as_str()).is_err())
}

/// A complaint's terms as texts, title first (its words, then its word pairs), then
/// the category and tags (prefixed, so they do not mix with words), then the body's
/// words; distinct, at most [`MAX_TERMS`].
pub fn term_texts(c: &Complaint) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(MAX_TERMS);
    let push = |t: String, out: &mut Vec<String>| {
        if out.len() < MAX_TERMS && !out.contains(&t) {
            out.push(t);
        }
    };
    let title: Vec<String> = words(&c.title).collect();
    for w in &title {
        push(w.clone(), &mut out);
    }
    for pair in title.windows(2) {
        push(format!("{} {}", pair[0], pair[1]), &mut out);
    }
    if let Some(cat) = &c.category {
        push(format!("kategori:{}", cat.trim().to_lowercase()), &mut out);
    }
    for tag in &c.tags {
        push(format!("tag:{}", tag.trim().to_lowercase()), &mut out);
    }
    let mut end = c.body.len().min(BODY_BYTES);
    while !c.body.is_char_boundary(end) {
        end -= 1;
    }
    for w in words(&c.body[..end]) {
        push(w, &mut out);
    }
    out
}

/// A complaint's terms, hashed, sorted and distinct.
pub fn terms(c: &Complaint) -> Vec<i64> {
    let mut h: Vec<i64> = term_texts(c).iter().map(|t| hash(t)).collect();
    h.sort_unstable();
    h.dedup();
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
        let lower = part.to_lowercase();
        let (city, rest) = if let Some(r) = lower.strip_prefix("kabupaten ") {
            (false, r.len())
        } else if let Some(r) = lower.strip_prefix("kab.") {
            (false, r.len())
        } else if let Some(r) = lower.strip_prefix("kota ") {
            (true, r.len())
        } else {
            return None;
        };
        let name = part.get(part.len() - rest..)?.trim();
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
    fn the_stopwords_are_sorted_for_the_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
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
