//! Which agencies a report has rows for: the desk's scope, where a region code (a
//! regency such as `3529` or a province) means every agency under it in the
//! directory, narrowed by `--agency`.

use crate::domain::desk::{covers, is_region};
use crate::domain::{Agency, AgencyCode};
use std::collections::{BTreeMap, HashMap};

/// The rows of a report, and which other agencies still count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    /// (code, name), by code.
    pub rows: Vec<(String, String)>,
    /// The scope's entries and the narrowing, for agencies the directory does not list.
    entries: Vec<String>,
    narrow: Vec<String>,
}

impl Scope {
    /// Whether an agency not among the rows still belongs in the report: covered by
    /// the scope (and the narrowing), but not a region's own code.
    pub fn adopts(&self, code: &str) -> bool {
        let within = |list: &[String]| list.iter().any(|e| e != code && covers(e, code));
        within(&self.entries) && (self.narrow.is_empty() || within(&self.narrow))
    }
}

/// Whether `code` is under `region` in the directory (its parents lead there), or by
/// the region code's own prefix rule.
fn under(region: &str, code: &str, parents: &HashMap<&str, &str>) -> bool {
    if code == region {
        return false;
    }
    if covers(region, code) {
        return true;
    }
    let mut at = code;
    for _ in 0..16 {
        match parents.get(at) {
            Some(&p) if p == region => return true,
            Some(&p) => at = p,
            None => return false,
        }
    }
    false
}

/// The report's agencies. `Err` names a `--agency` outside the desk's scope.
pub fn resolve(
    scope: &[AgencyCode],
    directory: &[Agency],
    narrow: &[String],
) -> Result<Scope, String> {
    let parents: HashMap<&str, &str> = directory
        .iter()
        .filter_map(|a| a.parent.as_ref().map(|p| (a.code.as_str(), p.as_str())))
        .collect();
    let names: HashMap<&str, &str> = directory
        .iter()
        .map(|a| (a.code.as_str(), a.name.as_str()))
        .collect();
    let name = |c: &str| {
        names
            .get(c)
            .map_or_else(|| c.to_owned(), |n| (*n).to_owned())
    };
    let mut rows: BTreeMap<String, String> = BTreeMap::new();
    for e in scope.iter().map(AgencyCode::as_str) {
        if is_region(e) {
            for a in directory {
                if under(e, a.code.as_str(), &parents) {
                    rows.insert(a.code.0.clone(), a.name.clone());
                }
            }
        } else {
            rows.insert(e.to_owned(), name(e));
        }
    }
    if !narrow.is_empty() {
        let mut kept = BTreeMap::new();
        for n in narrow {
            let mut found = false;
            for (code, label) in &rows {
                if code == n || (is_region(n) && under(n, code, &parents)) {
                    kept.insert(code.clone(), label.clone());
                    found = true;
                }
            }
            if !found {
                if scope.iter().any(|e| covers(e.as_str(), n)) {
                    kept.insert(n.clone(), name(n));
                } else {
                    return Err(n.clone());
                }
            }
        }
        rows = kept;
    }
    Ok(Scope {
        rows: rows.into_iter().collect(),
        entries: scope.iter().map(|a| a.0.clone()).collect(),
        narrow: narrow.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AgencyLevel;

    fn agency(code: &str, parent: Option<&str>) -> Agency {
        Agency {
            code: code.into(),
            name: format!("Dinas {code}"),
            parent: parent.map(AgencyCode::from),
            level: AgencyLevel::Opd,
            active: true,
        }
    }

    fn directory() -> Vec<Agency> {
        vec![
            agency("3529", Some("35")),
            agency("3529-DINSOS", Some("3529")),
            agency("3529-DPUBM", Some("3529")),
            agency("UPT-PASAR", Some("3529-DPUBM")),
            agency("35-DPUBM", Some("35")),
            agency("L-BPJSKES", None),
        ]
    }

    fn codes(s: &Scope) -> Vec<&str> {
        s.rows.iter().map(|(c, _)| c.as_str()).collect()
    }

    #[test]
    fn a_regency_code_means_every_agency_under_it() {
        let s = resolve(&["3529".into()], &directory(), &[]).expect("scope");
        assert_eq!(codes(&s), vec!["3529-DINSOS", "3529-DPUBM", "UPT-PASAR"]);
        assert_eq!(s.rows[0].1, "Dinas 3529-DINSOS");
        assert!(s.adopts("3529-DISKOMINFO"), "an office the directory lacks");
        assert!(!s.adopts("3529") && !s.adopts("L-BPJSKES"));
        // A list still works, and --agency narrows either.
        let list = resolve(
            &["3529-DINSOS".into(), "3529-DPUBM".into()],
            &directory(),
            &[],
        )
        .expect("list");
        assert_eq!(codes(&list), vec!["3529-DINSOS", "3529-DPUBM"]);
        let one = resolve(&["3529".into()], &directory(), &["3529-DPUBM".into()]).expect("one");
        assert_eq!(codes(&one), vec!["3529-DPUBM"]);
        assert!(!one.adopts("3529-DINSOS"));
    }

    #[test]
    fn an_agency_outside_the_scope_is_named() {
        let list = ["3529-DINSOS".into()];
        assert_eq!(
            resolve(&list, &directory(), &["3529-DPUBM".into()]),
            Err("3529-DPUBM".to_owned())
        );
        assert_eq!(
            resolve(&["3529".into()], &directory(), &["L-BPJSKES".into()]),
            Err("L-BPJSKES".to_owned())
        );
        // In scope by the region's rule though the directory does not list it yet.
        let s = resolve(&["3529".into()], &directory(), &["3529-BARU".into()]).expect("new");
        assert_eq!(codes(&s), vec!["3529-BARU"]);
    }
}
