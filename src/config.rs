//! The desk's configuration: one TOML file with built-in defaults for every key.
//!
//! Unknown keys and wrong types are refused with a sentence naming the file, the line,
//! the key and what was expected. This module reads files; it never writes them.

use crate::domain::{AgencyCode, DeskContext, SlaRules, WorkCalendar};
use chrono::{FixedOffset, NaiveDate, Offset, Utc};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod monev;
pub use monev::MonevConfig;

/// The UI language (kept by [`crate::i18n`], with every text in it).
pub use crate::i18n::Lang as Language;

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Colours on a dark or light terminal.
    #[default]
    Default,
    /// Stronger contrast for old screens and projectors.
    HighContrast,
    /// No colour at all (as with `NO_COLOR`).
    Mono,
}

/// Holiday additions (regional holidays) and removals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HolidayChanges {
    #[serde(deserialize_with = "dates")]
    pub add: Vec<NaiveDate>,
    #[serde(deserialize_with = "dates")]
    pub remove: Vec<NaiveDate>,
}

/// A registry public key trusted to sign inbound batches.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedKey {
    /// The `key_id` a trailer names.
    pub id: String,
    /// The Ed25519 public key, 32 bytes in standard base64.
    pub public_key: String,
}

/// The whole configuration.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The desk's scope: one agency code, or a list for a coordinator.
    #[serde(deserialize_with = "scope")]
    pub agency: Vec<AgencyCode>,
    /// Written into every outbound operation.
    pub officer: String,
    /// Where `sigap export` writes by default.
    pub export_dir: Option<PathBuf>,
    /// Where the desk looks for new inbound batches.
    pub import_dir: Option<PathBuf>,
    /// The offset the SLA clocks count dates in.
    #[serde(deserialize_with = "offset")]
    pub timezone: FixedOffset,
    pub language: Language,
    pub theme: Theme,
    pub sla: SlaRules,
    pub holidays: HolidayChanges,
    /// Response templates by name, added to (or replacing) the built-in ones.
    pub templates: BTreeMap<String, String>,
    /// Key overrides: action name → key or list of keys.
    pub keys: BTreeMap<String, KeySpec>,
    /// Registry keys; when any is set, unsigned inbound batches are rejected.
    pub trusted_keys: Vec<TrustedKey>,
    /// The desk's own private key file (`sigap keygen`): outbound batches are signed.
    pub desk_key: Option<PathBuf>,
    /// Where reports and reprimand letters go by default.
    pub report_dir: Option<PathBuf>,
    /// Monitoring and written reprimands.
    pub monev: MonevConfig,
    /// Complaints about the same place with a similar title, submitted at most this many
    /// days apart, are linked as likely duplicates.
    pub duplicate_days: u32,
}

/// One key or several for an action.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeySpec {
    One(String),
    Many(Vec<String>),
}

impl Default for Config {
    fn default() -> Self {
        Self {
            agency: Vec::new(),
            officer: String::new(),
            export_dir: None,
            import_dir: None,
            timezone: wib(),
            language: Language::Id,
            theme: Theme::Default,
            sla: SlaRules::default(),
            holidays: HolidayChanges::default(),
            templates: BTreeMap::new(),
            keys: BTreeMap::new(),
            trusted_keys: Vec::new(),
            desk_key: None,
            report_dir: None,
            monev: MonevConfig::default(),
            duplicate_days: 7,
        }
    }
}

/// A configuration file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {path} cannot be read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {detail}")]
    Invalid { path: PathBuf, detail: String },
}

/// WIB, UTC+7: the default time zone.
pub fn wib() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap_or(Utc.fix())
}

impl Config {
    /// Parses configuration text; `path` only names the file in errors. A file saved
    /// by Notepad (a byte order mark, CRLF line ends) reads as the same file saved
    /// anywhere else, templates included.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let text = &*crate::textfile::normalize(text);
        let cfg: Config = toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: path.to_owned(),
            detail: describe(&e, text),
        })?;
        crate::config_bounds::check(&cfg, text).map_err(|detail| ConfigError::Invalid {
            path: path.to_owned(),
            detail,
        })?;
        Ok(cfg)
    }

    /// Loads a file. A missing file is an error only when `required` (named explicitly);
    /// otherwise the built-in defaults apply.
    pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
        match crate::config_bounds::read_bounded(path) {
            Ok(text) => Config::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                Ok(Config::default())
            }
            Err(source) => Err(ConfigError::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// The working-day calendar: the embedded one adjusted by this config.
    pub fn calendar(&self) -> WorkCalendar {
        // The embedded calendar is checked by a unit test; were it ever broken the
        // desk still counts weekends correctly.
        WorkCalendar::embedded()
            .unwrap_or_default()
            .adjust(&self.holidays.add, &self.holidays.remove)
    }

    /// The SLA rules, calendar, time zone and scope together.
    pub fn desk_context(&self) -> DeskContext {
        DeskContext {
            rules: self.sla.clone(),
            calendar: self.calendar(),
            tz: self.timezone,
            scope: self.agency.clone(),
        }
    }

    /// Whether an agency is in the desk's scope (a region code covers its agencies).
    pub fn in_scope(&self, agency: &AgencyCode) -> bool {
        self.agency
            .iter()
            .any(|a| crate::domain::desk::covers(a.as_str(), agency.as_str()))
    }
}

fn describe(e: &toml::de::Error, text: &str) -> String {
    let msg = e.message().trim().replace('\n', " ");
    let Some(start) = e.span().map(|s| s.start.min(text.len())) else {
        return msg;
    };
    let line_no = text[..start].matches('\n').count() + 1;
    let key = key_at(text, line_no);
    // `"C:\Users\..."` reads `\U` as an escape: say how a Windows path is written.
    let backslash = text
        .lines()
        .nth(line_no - 1)
        .is_some_and(|l| l.contains('\\'));
    let msg = if backslash && (msg.contains("escape") || msg.contains("unicode")) {
        format!("{msg}; {}", crate::config_bounds::WINDOWS_PATH_HINT)
    } else {
        msg
    };
    match key {
        Some(k) if !msg.contains(&k) => format!("line {line_no}: key `{k}`: {msg}"),
        _ => format!("line {line_no}: {msg}"),
    }
}

/// The dotted key written on a line (`sla.pengaduan`), from the last table header above.
fn key_at(text: &str, line_no: usize) -> Option<String> {
    let mut table = String::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if i + 1 == line_no {
            let (k, _) = t.split_once('=')?;
            let k = k.trim().trim_matches('"');
            return Some(if table.is_empty() {
                k.to_owned()
            } else {
                format!("{table}.{k}")
            });
        }
        if t.starts_with('[') {
            table = t.trim_matches(|c| c == '[' || c == ']').trim().to_owned();
        }
    }
    None
}

fn scope<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<AgencyCode>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Scope {
        One(String),
        Many(Vec<String>),
    }
    let codes = match Scope::deserialize(d).map_err(|_| {
        serde::de::Error::custom("`agency` expects an agency code or a list of codes")
    })? {
        Scope::One(s) => vec![s],
        Scope::Many(v) => v,
    };
    Ok(codes
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .map(AgencyCode::from)
        .collect())
}

fn offset<'de, D: Deserializer<'de>>(d: D) -> Result<FixedOffset, D::Error> {
    let s = String::deserialize(d)?;
    s.parse::<FixedOffset>().map_err(|_| {
        serde::de::Error::custom(format!(
            "`timezone` expects an offset such as \"+07:00\" (WIB), got \"{s}\""
        ))
    })
}

fn dates<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    let raw = Vec::<toml::value::Datetime>::deserialize(d)?;
    raw.into_iter()
        .map(|dt| {
            dt.to_string().parse::<NaiveDate>().map_err(|_| {
                serde::de::Error::custom(format!("expected a date such as 2026-12-22, got {dt}"))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/etc/sigap/config.toml"))
    }

    #[test]
    fn empty_file_gives_defaults() {
        let c = parse("").expect("defaults");
        assert_eq!(c, Config::default());
        assert_eq!(c.timezone.local_minus_utc(), 7 * 3600);
        assert_eq!(c.sla.pengaduan, 14);
    }

    #[test]
    fn contract_keys_parse() {
        let c = parse(
            r#"
agency = "3529-DINSOS"
officer = "Ahmad Fauzi"
export_dir = "/srv/keluar"
import_dir = "/srv/masuk"
timezone = "+08:00"
language = "en"
[sla]
pengaduan = 10
[holidays]
add = [2026-12-22]
remove = [2026-12-24]
[templates]
terima = "Terima kasih {pelapor}"
"#,
        )
        .expect("valid");
        assert_eq!(c.agency, vec![AgencyCode::from("3529-DINSOS")]);
        assert_eq!(c.timezone.local_minus_utc(), 8 * 3600);
        assert_eq!(c.language, Language::En);
        assert_eq!(c.sla.pengaduan, 10);
        assert_eq!(c.sla.first_response, 5);
        let cal = c.calendar();
        assert!(!cal.is_working_day("2026-12-22".parse().expect("date")));
        assert!(cal.is_working_day("2026-12-24".parse().expect("date")));
        let list = parse(r#"agency = ["3529-DINSOS", "3529-DPUBM"]"#).expect("list");
        assert_eq!(list.agency.len(), 2);
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let err = parse("officer = \"A\"\nagensi = \"3529\"\n").expect_err("unknown key");
        let msg = err.to_string();
        assert!(msg.contains("/etc/sigap/config.toml"), "{msg}");
        assert!(msg.contains("line 2"), "{msg}");
        assert!(msg.contains("agensi"), "{msg}");
        assert!(msg.contains("expected"), "{msg}");
    }

    #[test]
    fn wrong_type_names_key_and_expectation() {
        let msg = parse("[sla]\npengaduan = \"empat belas\"\n")
            .expect_err("wrong type")
            .to_string();
        assert!(msg.contains("line 2"), "{msg}");
        assert!(msg.contains("`sla.pengaduan`"), "{msg}");
        assert!(msg.contains("expected u32"), "{msg}");
        let msg = parse("timezone = \"WIB\"\n")
            .expect_err("bad tz")
            .to_string();
        assert!(msg.contains("+07:00"), "{msg}");
        let msg = parse("agency = 3529\n").expect_err("bad scope").to_string();
        assert!(msg.contains("agency"), "{msg}");
    }

    #[test]
    fn missing_files() {
        let p = Path::new("/nonexistent/sigap.toml");
        assert_eq!(Config::load(p, false).expect("default"), Config::default());
        let msg = Config::load(p, true).expect_err("named").to_string();
        assert!(msg.contains("/nonexistent/sigap.toml"), "{msg}");
    }
}
