//! A desk driven through the real `sigap` binary in a temporary folder: a config, a data
//! folder, an export folder and a folder of batch files, for the reliability tests that
//! kill, fill, damage or lock what a command works on.
#![allow(dead_code)]

use crate::common::{self, Head};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A desk folder and the paths the binary is run with.
pub struct CliDesk {
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
    pub data: PathBuf,
    pub out: PathBuf,
    pub files: PathBuf,
}

/// A command's exit code, stdout and stderr as text.
pub struct Ran {
    pub code: i32,
    pub out: String,
    pub err: String,
}

impl Ran {
    fn from(o: Output) -> Ran {
        Ran {
            code: o.status.code().unwrap_or(-1),
            out: String::from_utf8_lossy(&o.stdout).into_owned(),
            err: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    /// Asserts exit 0 and returns stdout.
    pub fn ok(self) -> String {
        assert_eq!(self.code, 0, "stdout: {}\nstderr: {}", self.out, self.err);
        self.out
    }
}

impl CliDesk {
    /// A desk with `extra` config lines, its folders in a new temporary folder.
    pub fn new(extra: &str) -> CliDesk {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_owned();
        CliDesk::at(dir, &root.join("data"), extra)
    }

    /// A desk whose data folder is `data` (for a size-limited or read-only mount).
    pub fn at(dir: tempfile::TempDir, data: &Path, extra: &str) -> CliDesk {
        let out = dir.path().join("keluar");
        let files = dir.path().join("files");
        std::fs::create_dir_all(&files).expect("files");
        let config = dir.path().join("config.toml");
        let text = common::config_text(&format!("export_dir = {:?}\n{extra}", out));
        std::fs::write(&config, text).expect("config");
        CliDesk {
            config,
            data: data.to_owned(),
            out,
            files,
            dir,
        }
    }

    /// The binary with this desk's folders and "today" set.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_sigap"));
        c.args(args)
            .env("SIGAP_DATA_DIR", &self.data)
            .env("SIGAP_CONFIG", &self.config)
            .env("SIGAP_TODAY", common::TODAY)
            .env("SIGAP_WAIT", "10")
            .env_remove("SIGAP_FAULT");
        c
    }

    pub fn run(&self, args: &[&str]) -> Ran {
        Ran::from(self.cmd(args).output().expect("run sigap"))
    }

    /// Runs with one more environment variable.
    pub fn run_env(&self, args: &[&str], key: &str, value: &str) -> Ran {
        Ran::from(self.cmd(args).env(key, value).output().expect("run sigap"))
    }

    /// Writes a batch of `n` complaints (ids `LAP-R-<seq>-<i>`) as sequence `seq`.
    pub fn batch(&self, seq: u64, n: usize) -> PathBuf {
        let records: Vec<Value> = (0..n)
            .map(|i| {
                common::complaint(
                    &format!("LAP-R-{seq}-{i:05}"),
                    1,
                    &format!("Jalan rusak nomor {i}"),
                    common::SCOPE,
                )
            })
            .collect();
        let head = Head::new(
            common::SCOPE,
            seq,
            &format!("rel-{seq}"),
            "2026-11-19T08:00:00+07:00",
        );
        common::write_batch(&self.files, &head, &records)
    }

    /// Imports a batch of `n` complaints and returns its path.
    pub fn import(&self, seq: u64, n: usize) -> PathBuf {
        let p = self.batch(seq, n);
        self.run(&["import", p.to_str().expect("path")]).ok();
        p
    }

    /// Queues a response on a complaint; returns its op id.
    pub fn respond(&self, id: &str) -> String {
        self.run(&[
            "respond",
            id,
            "--stage",
            "initial",
            "--text",
            "Sedang ditangani",
        ])
        .ok()
        .trim()
        .to_owned()
    }

    /// `status --json`.
    pub fn status(&self) -> Value {
        serde_json::from_str(&self.run(&["status", "--json"]).ok()).expect("status JSON")
    }

    /// The files in the export folder, sorted by name.
    pub fn exported(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.out)
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// A connection of the test's own to the cache file.
    pub fn raw(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.data.join("sigap.db")).expect("open the cache file")
    }

    /// SHA-256 of a file's bytes (empty when it does not exist).
    pub fn file_digest(path: &Path) -> String {
        use sha2::Digest;
        std::fs::read(path)
            .map(|b| hex::encode(sha2::Sha256::digest(b)))
            .unwrap_or_default()
    }
}
