//! The curated keyword table (`assets/routing/keywords.toml`): for each kind of office,
//! the words of complaints it handles. It helps the suggester while the cache knows
//! little; the cache's history outweighs it once it has a few complaints per office.

use serde::Deserialize;

/// The table embedded in the binary.
pub const EMBEDDED: &str = include_str!("../../../assets/routing/keywords.toml");

/// One kind of office.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    /// Lower-case parts of a directory name that make an office this kind.
    pub names: Vec<String>,
    /// Lower-case parts that make it not this kind after all.
    #[serde(default)]
    pub not: Vec<String>,
    /// The words (or two words) of complaints this kind handles.
    pub words: Vec<String>,
}

/// The whole table.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keywords {
    #[serde(rename = "kind")]
    pub kinds: Vec<Kind>,
}

impl Keywords {
    /// The embedded table (empty if it could not be read: a test guards it).
    pub fn embedded() -> Keywords {
        toml::from_str(EMBEDDED).unwrap_or_default()
    }

    /// The kinds an office of this (lower-case) name is.
    pub fn kinds_for<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Kind> + 'a {
        self.kinds.iter().filter(move |k| {
            k.names.iter().any(|n| name.contains(n.as_str()))
                && !k.not.iter().any(|n| name.contains(n.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_reads_and_names_the_health_office() {
        let t: Keywords = toml::from_str(EMBEDDED).expect("the table parses");
        assert!(t.kinds.len() > 10);
        let health = "dinas kesehatan, pengendalian penduduk dan keluarga berencana";
        assert!(
            t.kinds_for(health)
                .any(|k| k.words.iter().any(|w| w == "puskesmas"))
        );
        assert!(
            !t.kinds_for("bpjs kesehatan")
                .any(|k| k.words.iter().any(|w| w == "bidan"))
        );
    }
}
