//! A desk folder for the crash harness: a config, a data folder, an export folder and
//! the inbound batches, built once per command as a template and copied for each
//! trial; the real `sigap` binary run on it.

use serde_json::{Value, json};
use sigap::sync::writer::{self, BatchWriter};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// The desk's scope and officer.
pub const SCOPE: &str = "3529-DINSOS";
/// "Today" for every run (never the wall clock).
pub const TODAY: &str = "2026-11-20";

/// A desk folder.
#[derive(Clone, Debug)]
pub struct Desk {
    pub root: PathBuf,
    pub bin: PathBuf,
}

impl Desk {
    pub fn data(&self) -> PathBuf {
        self.root.join("data")
    }
    pub fn out(&self) -> PathBuf {
        self.root.join("keluar")
    }
    pub fn files(&self) -> PathBuf {
        self.root.join("files")
    }

    /// Lays out a new desk in `root`.
    pub fn create(root: &Path, bin: &Path) -> Result<Desk, String> {
        let d = Desk {
            root: root.to_owned(),
            bin: bin.to_owned(),
        };
        std::fs::create_dir_all(d.files()).map_err(|e| e.to_string())?;
        let config = format!(
            "agency = \"{SCOPE}\"\nofficer = \"Ahmad Fauzi\"\ntimezone = \"+07:00\"\nexport_dir = {:?}\n",
            d.out()
        );
        std::fs::write(root.join("config.toml"), config).map_err(|e| e.to_string())?;
        Ok(d)
    }

    /// A copy of this desk in `root` (the export folder's path in the config follows).
    pub fn copy_to(&self, root: &Path) -> Result<Desk, String> {
        copy_dir(&self.root, root).map_err(|e| format!("copy {}: {e}", self.root.display()))?;
        let d = Desk {
            root: root.to_owned(),
            bin: self.bin.clone(),
        };
        let config =
            std::fs::read_to_string(root.join("config.toml")).map_err(|e| e.to_string())?;
        let config = config.replace(&format!("{:?}", self.out()), &format!("{:?}", d.out()));
        std::fs::write(root.join("config.toml"), config).map_err(|e| e.to_string())?;
        Ok(d)
    }

    /// The binary with this desk's folders.
    pub fn command(&self, args: &[String]) -> Command {
        let mut c = Command::new(&self.bin);
        c.args(args)
            .env("SIGAP_DATA_DIR", self.data())
            .env("SIGAP_CONFIG", self.root.join("config.toml"))
            .env("SIGAP_TODAY", TODAY)
            .env_remove("SIGAP_FAULT")
            .stdin(Stdio::null());
        c
    }

    /// Runs a command to its end.
    pub fn run(&self, args: &[String]) -> Result<Output, String> {
        self.command(args)
            .output()
            .map_err(|e| format!("run sigap: {e}"))
    }

    /// Runs a command that must succeed.
    pub fn run_ok(&self, args: &[String]) -> Result<String, String> {
        let out = self.run(args)?;
        if !out.status.success() {
            return Err(format!(
                "sigap {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Starts a command without waiting.
    pub fn spawn(&self, args: &[String]) -> Result<Child, String> {
        self.command(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("spawn sigap: {e}"))
    }

    /// Writes inbound batch `seq` of `n` complaints (ids `LAP-C-<seq>-<i>`).
    pub fn write_batch(&self, seq: u64, n: usize) -> Result<PathBuf, String> {
        let created = chrono::DateTime::parse_from_rfc3339("2026-11-19T08:00:00+07:00")
            .map_err(|e| e.to_string())?;
        let header = writer::inbound_header(SCOPE, seq, &format!("crash-{seq}"), created, None);
        let mut w = BatchWriter::new(&header).map_err(|e| e.to_string())?;
        for i in 0..n {
            w.record(&complaint(seq, i)).map_err(|e| e.to_string())?;
        }
        let bytes = w.finish().map_err(|e| e.to_string())?;
        let path = self.files().join(format!("inbound-{SCOPE}-{seq:04}.jsonl"));
        std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
        Ok(path)
    }
}

/// The id of complaint `i` of batch `seq`.
pub fn complaint_id(seq: u64, i: usize) -> String {
    format!("LAP-C-{seq}-{i:06}")
}

fn complaint(seq: u64, i: usize) -> Value {
    json!({
        "type": "complaint",
        "id": complaint_id(seq, i),
        "revision": 1,
        "title": format!("Jalan desa rusak di dusun {i}"),
        "body": format!("Kronologi laporan {i}: jalan berlubang sejak musim hujan."),
        "classification": if i.is_multiple_of(3) { "aspirasi" } else { "pengaduan" },
        "supervisory": false,
        "category": "Infrastruktur",
        "channel": "web",
        "submitted_at": "2026-11-02T09:12:00+07:00",
        "location": "Desa Pinggir Papas, Kec. Kalianget",
        "anonymous": i.is_multiple_of(7),
        "confidential": false,
        "reporter": {"name": "Siti Aminah", "phone": "0812", "email": null},
        "agency": SCOPE,
        "status": if i.is_multiple_of(5) { "diproses" } else { "terdisposisi" },
        "disposed_at": "2026-11-04T10:00:00+07:00",
    })
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target)?;
        } else {
            std::fs::copy(e.path(), &target)?;
        }
    }
    Ok(())
}
