//! The three fuzz targets and what each checks of every input (see the module above).

use super::Target;
use sigap::config::Config;
use sigap::store::{Access, Store};
use std::path::Path;
use std::time::Duration;

/// An input slower than this is a failure (a hang in the making).
pub const SLOW: Duration = Duration::from_secs(2);
/// How often the batch target runs the cache's whole check.
const CHECK_EVERY: u64 = 250;

const CONFIG: &str = "agency = \"3529-DINSOS\"\nofficer = \"Fuzz\"\ntimezone = \"+07:00\"\n";

/// A target with what it keeps between inputs (the batch target's cache).
pub struct Runner {
    target: Target,
    /// The cache comes before its folder: fields drop in order, and Windows removes no
    /// folder with an open file in it.
    desk: Option<(Store, tempfile::TempDir, Config)>,
    fed: u64,
}

impl Runner {
    pub fn new(target: Target) -> Result<Runner, String> {
        let desk = if target == Target::Batch {
            let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
            let cfg = Config::parse(CONFIG, Path::new("fuzz.toml")).map_err(|e| e.to_string())?;
            let store = Store::open(dir.path(), cfg.desk_context(), Access::Write)
                .map_err(|e| e.to_string())?;
            Some((store, dir, cfg))
        } else {
            None
        };
        Ok(Runner {
            target,
            desk,
            fed: 0,
        })
    }

    /// Feeds one input; `Ok(true)` when the target accepted it.
    pub fn feed(&mut self, input: &[u8]) -> Result<bool, String> {
        self.fed += 1;
        match self.target {
            Target::Batch => self.batch(input),
            Target::Config => config(input),
            Target::Text => text(input),
        }
    }

    /// The checks at the end of a run.
    pub fn finish(&mut self) -> Result<(), String> {
        self.check_cache()
    }

    fn check_cache(&mut self) -> Result<(), String> {
        if let Some((store, _, _)) = &mut self.desk {
            let report = store.check().map_err(|e| e.to_string())?;
            if !report.problems.is_empty() {
                return Err(format!("the cache check found {:?}", report.problems));
            }
        }
        Ok(())
    }

    fn batch(&mut self, input: &[u8]) -> Result<bool, String> {
        let Some((store, _, cfg)) = &mut self.desk else {
            return Err("no cache".into());
        };
        let today = "2026-11-20".parse().map_err(|_| "date".to_owned())?;
        let before = store
            .status(&cfg.agency, today)
            .map_err(|e| e.to_string())?;
        let result = sigap::sync::import_bytes(store, cfg, "fuzz.jsonl", input.to_vec());
        let accepted = match result {
            Ok(_) => true,
            Err(e) => {
                let text = e.to_string();
                if e.reason.trim().is_empty()
                    || text.contains('\n')
                    || !text.starts_with("fuzz.jsonl")
                {
                    return Err(format!("a refusal that is not one named line: {text:?}"));
                }
                let after = store
                    .status(&cfg.agency, today)
                    .map_err(|e| e.to_string())?;
                if after != before {
                    return Err(format!("a refused batch changed the cache ({text})"));
                }
                false
            }
        };
        if self.fed.is_multiple_of(CHECK_EVERY) {
            self.check_cache()?;
        }
        Ok(accepted)
    }
}

fn config(input: &[u8]) -> Result<bool, String> {
    let Ok(text) = std::str::from_utf8(input) else {
        return Ok(false);
    };
    match Config::parse(text, Path::new("fuzz.toml")) {
        Ok(cfg) => {
            // An accepted config must give due dates in bounded time.
            let ctx = cfg.desk_context();
            let start = "2026-11-04".parse().map_err(|_| "date".to_owned())?;
            for days in [
                ctx.rules.first_response,
                ctx.rules.pengaduan_supervisory,
                ctx.rules.auto_close,
            ] {
                let _ = ctx.calendar.add_working_days(start, days);
            }
            Ok(true)
        }
        Err(e) => {
            let msg = e.to_string();
            if !msg.contains("fuzz.toml") {
                return Err(format!("a refusal that does not name the file: {msg}"));
            }
            Ok(false)
        }
    }
}

fn text(input: &[u8]) -> Result<bool, String> {
    let s = String::from_utf8_lossy(input);
    let line = sigap::text::line(&s);
    if line.chars().any(sigap::text::is_unsafe) {
        return Err(format!("line() let through {line:?}"));
    }
    if sigap::text::line(&line) != line {
        return Err("line() is not idempotent".into());
    }
    let block = sigap::text::block(&s);
    if block
        .chars()
        .any(|c| c != '\n' && sigap::text::is_unsafe(c))
    {
        return Err(format!("block() let through {block:?}"));
    }
    if sigap::text::block(&block) != block {
        return Err("block() is not idempotent".into());
    }
    Ok(true)
}
