//! Where Sigap keeps its files when the command line names none: the config in the
//! platform's config folder, the cache and its backups in the user's own local data
//! folder. On Windows that is `%LOCALAPPDATA%\Sigap\sigap\data`, inside the user's
//! profile, which Windows gives to that user alone (other users of a shared office PC
//! cannot read it), and which a roaming profile does not copy to a server at logoff.

use crate::store::DB_FILE;
use std::path::{Path, PathBuf};

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("id", "Sigap", "sigap")
}

/// The config file read when none is named: `~/.config/sigap/config.toml` on Linux,
/// `%APPDATA%\Sigap\sigap\config\config.toml` on Windows.
pub fn default_config_file() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// The data folder used when none is named: `~/.local/share/sigap` on Linux,
/// `%LOCALAPPDATA%\Sigap\sigap\data` on Windows.
pub fn default_data_dir() -> Option<PathBuf> {
    let d = project_dirs()?;
    Some(choose(d.data_local_dir(), d.data_dir(), |p| p.is_file()))
}

/// The local folder, unless only the roaming one holds a cache: Sigap once kept it in
/// `%APPDATA%` on Windows, and such a cache stays where it is. (On Linux both are one.)
fn choose(local: &Path, roaming: &Path, is_file: impl Fn(&Path) -> bool) -> PathBuf {
    if !is_file(&local.join(DB_FILE)) && is_file(&roaming.join(DB_FILE)) {
        roaming.to_path_buf()
    } else {
        local.to_path_buf()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_folder_wins_unless_only_the_old_one_has_a_cache() {
        let (local, roaming) = (Path::new("L"), Path::new("R"));
        let has = |files: &'static [&'static str]| {
            move |p: &Path| files.iter().any(|f| Path::new(f) == p)
        };
        assert_eq!(choose(local, roaming, has(&[])), local);
        assert_eq!(choose(local, roaming, has(&["R/sigap.db"])), roaming);
        assert_eq!(
            choose(local, roaming, has(&["L/sigap.db", "R/sigap.db"])),
            local
        );
        assert_eq!(choose(local, roaming, has(&["L/sigap.db"])), local);
    }

    /// The default cache is inside the user's own profile (or home), never in a folder
    /// shared by every user of the machine.
    #[test]
    fn the_default_cache_is_in_the_users_own_folder() {
        let dir = default_data_dir().expect("a home folder");
        #[cfg(windows)]
        {
            let local = std::env::var_os("LOCALAPPDATA").expect("LOCALAPPDATA");
            let profile = std::env::var_os("USERPROFILE").expect("USERPROFILE");
            assert!(dir.starts_with(&local), "{dir:?} under {local:?}");
            assert!(dir.starts_with(&profile), "{dir:?} under {profile:?}");
            assert!(dir.ends_with(r"Sigap\sigap\data"), "{dir:?}");
            for shared in ["ProgramData", "PUBLIC", "ALLUSERSPROFILE"] {
                if let Some(s) = std::env::var_os(shared) {
                    assert!(!dir.starts_with(&s), "{dir:?} is under {shared}");
                }
            }
        }
        #[cfg(unix)]
        {
            let home = std::env::var_os("HOME").expect("HOME");
            let in_home = dir.starts_with(&home);
            let in_xdg = std::env::var_os("XDG_DATA_HOME").is_some_and(|x| dir.starts_with(x));
            assert!(in_home || in_xdg, "{dir:?}");
            assert!(dir.ends_with("sigap"), "{dir:?}");
        }
    }
}
