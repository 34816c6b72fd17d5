//! The desk's own Ed25519 key, which signs outbound batches when the config names it
//! (`desk_key`): the spec's optional trailer signature over the 32 raw digest bytes,
//! with a `key_id` derived from the public key. `sigap keygen` writes the pair: the
//! private key file private to the user (0600 on Unix), the public key beside it and on
//! the terminal for the registry.

use base64::Engine;
use ed25519_dalek::SigningKey;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The longest key file read (a key is 44 characters of base64).
const MAX_KEY_FILE: u64 = 4096;

/// A desk key that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("desk key {}: {reason}", .path.display())]
pub struct KeyError {
    pub path: PathBuf,
    pub reason: KeyProblem,
}

/// What is wrong with a key file.
#[derive(Debug, thiserror::Error)]
pub enum KeyProblem {
    #[error("cannot be read ({0})")]
    Read(std::io::Error),
    #[error("is not 32 bytes of base64 (a key written by `sigap keygen`)")]
    Malformed,
    #[error("can be read by other users; make it private (chmod 600)")]
    Exposed,
    #[error("already exists; a new key is never written over an old one")]
    Exists,
    #[error("cannot be written ({0})")]
    Write(std::io::Error),
}

/// A signing key and the id its signatures carry.
#[derive(Clone, Debug)]
pub struct DeskKey {
    pub key: SigningKey,
    pub key_id: String,
}

/// The `key_id` of a public key: `sigap-` and the first 16 hex digits of its SHA-256.
pub fn key_id(public: &[u8; 32]) -> String {
    format!("sigap-{}", &hex::encode(Sha256::digest(public))[..16])
}

/// The base64 of a public key, as a registry (or `[[trusted_keys]]`) holds it.
pub fn public_b64(key: &SigningKey) -> String {
    base64::engine::general_purpose::STANDARD.encode(key.verifying_key().to_bytes())
}

/// Loads the key file named in the config.
pub fn load(path: &Path) -> Result<DeskKey, KeyError> {
    let err = |reason| KeyError {
        path: path.to_owned(),
        reason,
    };
    let f = std::fs::File::open(path).map_err(|e| err(KeyProblem::Read(e)))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = f
            .metadata()
            .map_err(|e| err(KeyProblem::Read(e)))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            return Err(err(KeyProblem::Exposed));
        }
    }
    let mut text = String::new();
    f.take(MAX_KEY_FILE)
        .read_to_string(&mut text)
        .map_err(|e| err(KeyProblem::Read(e)))?;
    let seed: [u8; 32] = base64::engine::general_purpose::STANDARD
        .decode(crate::textfile::normalize(&text).trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| err(KeyProblem::Malformed))?;
    let key = SigningKey::from_bytes(&seed);
    let key_id = key_id(&key.verifying_key().to_bytes());
    Ok(DeskKey { key, key_id })
}

/// Writes a new key pair: `path` (the private key, base64, private to the user) and
/// `path.pub` (the public key). Never overwrites. Returns the key.
pub fn generate(path: &Path) -> Result<DeskKey, KeyError> {
    let err = |reason| KeyError {
        path: path.to_owned(),
        reason,
    };
    if path.exists() {
        return Err(err(KeyProblem::Exists));
    }
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| err(KeyProblem::Write(std::io::Error::other(e))))?;
    let key = SigningKey::from_bytes(&seed);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| err(KeyProblem::Write(e)))?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path).map_err(|e| err(KeyProblem::Write(e)))?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(seed);
    std::io::Write::write_all(&mut f, format!("{b64}\n").as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| err(KeyProblem::Write(e)))?;
    let public = PathBuf::from(format!("{}.pub", path.display()));
    std::fs::write(&public, format!("{}\n", public_b64(&key)))
        .map_err(|e| err(KeyProblem::Write(e)))?;
    let key_id = key_id(&key.verifying_key().to_bytes());
    Ok(DeskKey { key, key_id })
}
