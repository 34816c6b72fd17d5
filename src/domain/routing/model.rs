//! The suggester's model: a naive Bayes over the terms of the complaints whose final
//! agency is known (each such complaint counts once per distinct term for its agency),
//! smoothed by the curated keyword table and the directory's names, and overruled by
//! the location when it names a region outside the desk's. Pure: the store loads the
//! counts, this ranks.

use super::keywords::Keywords;
use super::terms::{Region, hash};
use crate::domain::{Agency, AgencyCode, AgencyLevel};
use std::collections::HashMap;

/// Additive smoothing of a term's count.
const ALPHA: f64 = 0.1;
/// The vocabulary size the smoothing assumes (a constant: it only sets how much an
/// unseen term costs).
const VOCAB: f64 = 20_000.0;
/// Pseudo complaints a keyword of the curated table adds to a matching office.
const KEYWORD_WEIGHT: f64 = 2.0;
/// Pseudo complaints a word of an office's own name adds to it.
const NAME_WEIGHT: f64 = 1.0;
/// The posterior is computed on log-likelihoods divided by this (naive Bayes is
/// overconfident: terms of one complaint are not independent).
const TEMPERATURE: f64 = 4.0;
/// The score of the region named by a location outside the desk's region.
const REGION_SCORE: f64 = 0.9;

/// One candidate agency and what is known of it.
#[derive(Clone, Debug)]
struct Class {
    agency: AgencyCode,
    name: String,
    /// Complaints learned for it, and their terms in total.
    docs: f64,
    tokens: f64,
    /// Pseudo complaints and terms from the keyword table and the name.
    pseudo_docs: f64,
    pseudo_tokens: f64,
}

/// A term's counts per class: learned and pseudo.
#[derive(Clone, Copy, Debug)]
struct Cell {
    class: usize,
    learned: f64,
    pseudo: f64,
}

/// Why an agency is suggested, in facts an officer can check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// `similar` learned complaints that ended at the agency share a word with this one
    /// (`word` is `None` when the complaint must not be quoted).
    Similar { similar: u64, word: Option<String> },
    /// A word of the complaint is one the keyword table or the office's name gives to it.
    Keyword { word: Option<String> },
    /// Only how many complaints the agency handled.
    Handled { handled: u64 },
    /// The location names a region outside the desk's.
    OutsideRegion { place: String, desk: String },
}

/// One suggestion: an agency, its name, a score in 0..1 and the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub agency: AgencyCode,
    pub name: String,
    pub score: f64,
    pub reason: Reason,
}

/// What is asked about one complaint.
#[derive(Clone, Debug, Default)]
pub struct Query<'a> {
    /// Its hashed terms, sorted and distinct.
    pub terms: &'a [i64],
    /// The texts of its terms, for the reasons (empty: reasons quote no word).
    pub texts: &'a [String],
    pub region: Option<Region>,
    /// A complaint the model learned from, and from which agency: its own counts are
    /// taken out (leave-one-out), so it does not vote for itself.
    pub learned_at: Option<&'a str>,
}

/// Each candidate class with its score, and the class a location outside the desk's
/// region names (with that reason).
struct Scored {
    scores: Vec<(usize, f64)>,
    outside: Option<(usize, Reason)>,
}

/// The model: classes and term counts.
#[derive(Clone, Debug, Default)]
pub struct Model {
    classes: Vec<Class>,
    index: HashMap<String, usize>,
    terms: HashMap<i64, Vec<Cell>>,
    learned_docs: f64,
    desk_region: Option<Region>,
    /// The desk's region code (`3529`).
    desk_code: Option<String>,
    /// Regions of the directory (regencies and cities) and their class.
    regions: Vec<(Region, usize)>,
}

impl Model {
    /// A model whose candidates are the directory's active agencies; the desk's region
    /// is the regency or city that holds the desk's scope.
    pub fn new(directory: &[Agency], scope: &[AgencyCode]) -> Model {
        let mut m = Model::default();
        for a in directory.iter().filter(|a| a.active) {
            let i = m.class(a.code.as_str());
            m.classes[i].name.clone_from(&a.name);
            if matches!(a.level, AgencyLevel::Kabupaten | AgencyLevel::Kota)
                && let Some(r) = Region::of_agency_name(&a.name)
            {
                m.regions.push((r, i));
            }
        }
        let region_code =
            |code: &str| -> String { code.split('-').next().unwrap_or_default().to_owned() };
        m.desk_code = scope.first().map(|s| region_code(s.as_str()));
        m.desk_region = scope.iter().find_map(|s| {
            let code = region_code(s.as_str());
            directory
                .iter()
                .find(|a| a.code.as_str() == code)
                .and_then(|a| Region::of_agency_name(&a.name))
        });
        m
    }

    fn class(&mut self, agency: &str) -> usize {
        if let Some(&i) = self.index.get(agency) {
            return i;
        }
        self.classes.push(Class {
            agency: AgencyCode::from(agency),
            name: agency.to_owned(),
            docs: 0.0,
            tokens: 0.0,
            pseudo_docs: 0.0,
            pseudo_tokens: 0.0,
        });
        self.index.insert(agency.to_owned(), self.classes.len() - 1);
        self.classes.len() - 1
    }

    /// Adds what the cache learned of an agency: complaints and their terms in total.
    pub fn add_class(&mut self, agency: &str, docs: u64, tokens: u64) {
        let i = self.class(agency);
        self.classes[i].docs += docs as f64;
        self.classes[i].tokens += tokens as f64;
        self.learned_docs += docs as f64;
    }

    /// Adds how many learned complaints of an agency hold a term.
    pub fn add_term(&mut self, term: i64, agency: &str, n: u64) {
        let class = self.class(agency);
        let cells = self.terms.entry(term).or_default();
        match cells.iter_mut().find(|c| c.class == class) {
            Some(c) => c.learned += n as f64,
            None => cells.push(Cell {
                class,
                learned: n as f64,
                pseudo: 0.0,
            }),
        }
    }

    fn add_pseudo(&mut self, term: &str, class: usize, weight: f64) {
        let cells = self.terms.entry(hash(term)).or_default();
        match cells.iter_mut().find(|c| c.class == class) {
            Some(c) => c.pseudo += weight,
            None => cells.push(Cell {
                class,
                learned: 0.0,
                pseudo: weight,
            }),
        }
        self.classes[class].pseudo_tokens += weight;
    }

    /// Adds the keyword table and the words of the offices' names as pseudo complaints,
    /// for the offices of the desk's region and the national ones (an office of another
    /// region shares its name with the desk's own).
    pub fn add_keywords(&mut self, table: &Keywords) {
        let eligible: Vec<usize> = (0..self.classes.len())
            .filter(|&i| {
                let head = self.classes[i].agency.as_str().split('-').next();
                let head = head.unwrap_or_default();
                !head.bytes().all(|b| b.is_ascii_digit()) || self.desk_code.as_deref() == Some(head)
            })
            .collect();
        for i in eligible {
            let name = self.classes[i].name.to_lowercase();
            let mut any = false;
            for kind in table.kinds_for(&name) {
                for w in &kind.words {
                    self.add_pseudo(w, i, KEYWORD_WEIGHT);
                    any = true;
                }
            }
            let own: Vec<String> = super::terms::words(&name)
                .filter(|w| !GENERIC_NAME_WORDS.contains(&w.as_str()))
                .collect();
            for w in own {
                self.add_pseudo(&w, i, NAME_WEIGHT);
                any = true;
            }
            if any {
                self.classes[i].pseudo_docs += KEYWORD_WEIGHT;
            }
        }
    }

    /// Whether a complaint's terms hold a word the keyword table or its name gives to
    /// `agency` (then it is not clearly another office's business).
    pub fn speaks_of(&self, terms: &[i64], agency: &str) -> bool {
        let Some(&class) = self.index.get(agency) else {
            return false;
        };
        terms.iter().any(|t| {
            self.terms
                .get(t)
                .is_some_and(|cells| cells.iter().any(|c| c.class == class && c.pseudo > 0.0))
        })
    }

    /// How many complaints the model learned from.
    pub fn learned(&self) -> u64 {
        self.learned_docs as u64
    }

    /// Each candidate class with its score (the scores sum to 1), unsorted, and the
    /// class a location outside the desk's region names, with that reason.
    fn scored(&self, q: &Query<'_>) -> Scored {
        let out_class = q.learned_at.and_then(|a| self.index.get(a).copied());
        // Candidates: classes with something learned or pseudo.
        let n = self.classes.len();
        let mut docs = vec![0.0; n];
        let mut tokens = vec![0.0; n];
        for (i, c) in self.classes.iter().enumerate() {
            let own = if Some(i) == out_class { 1.0 } else { 0.0 };
            docs[i] = (c.docs - own).max(0.0) + c.pseudo_docs;
            tokens[i] = (c.tokens - own * q.terms.len() as f64).max(0.0) + c.pseudo_tokens;
        }
        let candidates: Vec<usize> = (0..n).filter(|&i| docs[i] > 0.0).collect();
        let total: f64 = candidates.iter().map(|&i| docs[i]).sum();
        let mut logp: Vec<f64> = vec![f64::NEG_INFINITY; n];
        for &i in &candidates {
            logp[i] = ((docs[i] + 1.0) / (total + candidates.len() as f64)).ln();
        }
        // Per term: the count of each class (the complaint's own taken out).
        let mut counts = vec![0.0; n];
        for t in q.terms {
            let Some(cells) = self.terms.get(t) else {
                continue;
            };
            counts.iter_mut().for_each(|c| *c = 0.0);
            let mut known = false;
            for cell in cells {
                let own = if Some(cell.class) == out_class {
                    1.0
                } else {
                    0.0
                };
                let v = (cell.learned - own).max(0.0) + cell.pseudo;
                counts[cell.class] = v;
                known |= v > 0.0;
            }
            if !known {
                continue;
            }
            for &i in &candidates {
                logp[i] += ((counts[i] + ALPHA) / (tokens[i] + ALPHA * VOCAB)).ln();
            }
        }
        let best = candidates
            .iter()
            .map(|&i| logp[i])
            .fold(f64::NEG_INFINITY, f64::max);
        let weights: Vec<(usize, f64)> = candidates
            .iter()
            .map(|&i| (i, ((logp[i] - best) / TEMPERATURE).exp()))
            .collect();
        let sum: f64 = weights.iter().map(|w| w.1).sum();
        let mut scored: Vec<(usize, f64)> = weights
            .into_iter()
            .map(|(i, w)| (i, if sum > 0.0 { w / sum } else { 0.0 }))
            .collect();
        // A location outside the desk's region names the office it belongs to.
        let mut outside: Option<(usize, Reason)> = None;
        if let (Some(place), Some(desk)) = (&q.region, &self.desk_region)
            && !place.same(desk)
            && let Some(&(_, class)) = self.regions.iter().find(|(r, _)| r.same(place))
        {
            scored.iter_mut().for_each(|s| s.1 *= 1.0 - REGION_SCORE);
            scored.retain(|s| s.0 != class);
            scored.push((class, REGION_SCORE));
            outside = Some((
                class,
                Reason::OutsideRegion {
                    place: place.label(),
                    desk: desk.label(),
                },
            ));
        }
        Scored {
            scores: scored,
            outside,
        }
    }

    /// The class and score of the best candidate alone (what the mark asks of every
    /// complaint an import touches: no reasons, no names).
    pub fn best(&self, q: &Query<'_>) -> Option<(&AgencyCode, f64)> {
        self.scored(q)
            .scores
            .into_iter()
            .max_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then_with(|| self.classes[b.0].agency.cmp(&self.classes[a.0].agency))
            })
            .map(|(i, score)| (&self.classes[i].agency, score))
    }

    /// The agencies a complaint most likely belongs to, best first, with scores that
    /// sum to at most 1 (every candidate counted). Reasons are filled for the first
    /// `explain` only.
    pub fn rank(&self, q: &Query<'_>, explain: usize) -> Vec<Suggestion> {
        let out_class = q.learned_at.and_then(|a| self.index.get(a).copied());
        let Scored {
            scores: mut scored,
            outside,
        } = self.scored(q);
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.classes[a.0].agency.cmp(&self.classes[b.0].agency))
        });
        scored
            .into_iter()
            .enumerate()
            .map(|(rank, (i, score))| {
                let reason = match &outside {
                    Some((c, r)) if *c == i => r.clone(),
                    _ if rank < explain => self.reason(q, i, out_class),
                    _ => Reason::Handled {
                        handled: self.classes[i].docs as u64,
                    },
                };
                Suggestion {
                    agency: self.classes[i].agency.clone(),
                    name: self.classes[i].name.clone(),
                    score,
                    reason,
                }
            })
            .collect()
    }

    /// The one fact behind a class's score: the complaint's term that speaks most for
    /// it, with how many learned complaints of the class hold it.
    fn reason(&self, q: &Query<'_>, class: usize, out_class: Option<usize>) -> Reason {
        let mut best: Option<(f64, i64, f64, f64)> = None;
        for &t in q.terms {
            let Some(cells) = self.terms.get(&t) else {
                continue;
            };
            let mut mine = (0.0, 0.0);
            let mut all = 0.0;
            for cell in cells {
                let own = if Some(cell.class) == out_class {
                    1.0
                } else {
                    0.0
                };
                let learned = (cell.learned - own).max(0.0);
                all += learned + cell.pseudo;
                if cell.class == class {
                    mine = (learned, cell.pseudo);
                }
            }
            let share = (mine.0 + mine.1) / all.max(1e-9);
            // How strongly the term points here, weighed by how often it does.
            let strength = share * (1.0 + mine.0 + mine.1).ln();
            if mine.0 + mine.1 > 0.0 && best.is_none_or(|b| strength > b.0) {
                best = Some((strength, t, mine.0, mine.1));
            }
        }
        let word = |t: i64| q.texts.iter().find(|w| hash(w) == t).cloned();
        match best {
            Some((_, t, learned, _)) if learned >= 1.0 => Reason::Similar {
                similar: learned as u64,
                word: word(t),
            },
            Some((_, t, _, _)) => Reason::Keyword { word: word(t) },
            None => {
                let own = if Some(class) == out_class { 1.0 } else { 0.0 };
                Reason::Handled {
                    handled: (self.classes[class].docs - own).max(0.0) as u64,
                }
            }
        }
    }
}

/// Words of office names that say nothing about what an office handles.
const GENERIC_NAME_WORDS: &[&str] = &[
    "badan",
    "bidang",
    "daerah",
    "dinas",
    "kantor",
    "pemerintah",
    "provinsi",
    "umum",
    "upt",
    "unit",
    "pelaksana",
    "teknis",
    "persero",
];
