//! The key set file every replica shares: read, written atomically under a
//! lock, and reloaded when another process changed it.

use std::fs::{self, File};
use std::io::{ErrorKind as IoErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::SystemTime;

use chrono::{DateTime, Utc};

use super::{KeySet, Rotation, SealingKey};
use crate::error::{Error, Result};

/// The key set file of a local store: `PATH.keys.json` beside `PATH`, so
/// two stores never share keys.
pub fn file_for_store(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push(".keys.json");
    PathBuf::from(name)
}

/// What identifies one version of the file: a rename gives a new inode, a
/// rewrite in place a new length or modification time. `None` when the
/// file could not be looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp(Option<(u64, Option<SystemTime>, u64)>);

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(metadata);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp(Some((metadata.len(), metadata.modified().ok(), inode)))
    }

    fn of_path(path: &Path) -> Stamp {
        fs::metadata(path).map_or(Stamp(None), |metadata| Stamp::of(&metadata))
    }
}

/// A key set file and the set last read from it, shared by every request
/// of a server (or one command). Cheap to clone.
#[derive(Clone)]
pub struct LiveKeys {
    inner: Arc<Live>,
}

struct Live {
    path: PathBuf,
    state: RwLock<Loaded>,
}

struct Loaded {
    set: Arc<KeySet>,
    /// The version of the file last looked at — also when it was bad, so a
    /// bad file is reported once, not at every poll.
    seen: Stamp,
}

impl std::fmt::Debug for LiveKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "LiveKeys({}, {:?})",
            self.path().display(),
            self.current()
        )
    }
}

impl LiveKeys {
    /// Reads the key set at `path`, creating a set of one key (file 0600,
    /// new directories 0700) when there is none yet.
    pub fn open(path: &Path) -> Result<LiveKeys> {
        let (set, seen) = match read(path)? {
            Some(found) => found,
            None => with_lock(path, || create_if_missing(path))?,
        };
        Ok(LiveKeys {
            inner: Arc::new(Live {
                path: path.to_owned(),
                state: RwLock::new(Loaded {
                    set: Arc::new(set),
                    seen,
                }),
            }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// The set as last read. Holding it keeps that version for as long as
    /// the caller needs, whatever reloads meanwhile.
    pub fn current(&self) -> Arc<KeySet> {
        let state = self
            .inner
            .state
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        Arc::clone(&state.set)
    }

    /// Re-reads the file if it changed since it was last looked at. True when
    /// a new set was installed. A missing or bad file keeps the current set
    /// and is an error — once per change of the file.
    pub fn refresh(&self) -> Result<bool> {
        let path = self.path();
        if Stamp::of_path(path) == self.seen() {
            return Ok(false);
        }
        match read(path) {
            Ok(Some((set, stamp))) => {
                self.install(set, stamp);
                Ok(true)
            }
            Ok(None) => {
                self.mark_seen(Stamp(None));
                Err(Error::internal(format!(
                    "the signing key set {} is missing",
                    path.display()
                )))
            }
            Err(error) => {
                self.mark_seen(Stamp::of_path(path));
                Err(error)
            }
        }
    }

    /// Rotates the keys in the file (see [`KeySet::rotated`]) under its
    /// lock, and uses the new set at once.
    pub fn rotate(&self, now: DateTime<Utc>) -> Result<Rotation> {
        let path = self.path();
        let (set, stamp, rotation) = with_lock(path, || {
            let (current, _) = read(path)?.ok_or_else(|| {
                Error::internal(format!("the signing key set {} is missing", path.display()))
                    .with_hint(RESTORE_HINT)
            })?;
            let (next, rotation) = current.rotated(now)?;
            let stamp = write(path, &next)?;
            Ok((next, stamp, rotation))
        })?;
        self.install(set, stamp);
        Ok(rotation)
    }

    /// The key that seals secrets in the store. A set made before there
    /// was one gets it now, under the file's lock (another process may have
    /// added it meanwhile), so every replica seals with the same key.
    pub fn sealing_key(&self) -> Result<SealingKey> {
        if let Some(key) = self.current().sealing_key() {
            return Ok(key.clone());
        }
        let path = self.path();
        let (set, stamp) = with_lock(path, || {
            let (current, stamp) = read(path)?.ok_or_else(|| {
                Error::internal(format!("the signing key set {} is missing", path.display()))
                    .with_hint(RESTORE_HINT)
            })?;
            if current.sealing_key().is_some() {
                return Ok((current, stamp));
            }
            let next = current.with_new_sealing_key()?;
            let stamp = write(path, &next)?;
            Ok((next, stamp))
        })?;
        let key = set
            .sealing_key()
            .cloned()
            .ok_or_else(|| Error::internal("the key set has no sealing key"))?;
        self.install(set, stamp);
        Ok(key)
    }

    fn seen(&self) -> Stamp {
        self.inner
            .state
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .seen
    }

    fn mark_seen(&self, seen: Stamp) {
        self.inner
            .state
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .seen = seen;
    }

    fn install(&self, set: KeySet, seen: Stamp) {
        let mut state = self
            .inner
            .state
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        *state = Loaded {
            set: Arc::new(set),
            seen,
        };
    }
}

/// What to do about a key set file that is gone or unreadable. Starting
/// a new set is possible but invalidates every session it signed.
const RESTORE_HINT: &str =
    "restore the file from a backup; moving it away starts a new key set and logs everybody out";

fn io_error(path: &Path, doing: &str, error: &std::io::Error) -> Error {
    Error::internal(format!("cannot {doing} {}: {error}", path.display()))
        .with_hint("check the file's path and permissions")
}

/// The set in the file and the stamp of exactly the version read (taken
/// from the open file, so a rename in between cannot mismatch them);
/// `None` when there is no file.
fn read(path: &Path) -> Result<Option<(KeySet, Stamp)>> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == IoErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(io_error(path, "read the signing key set", &error)),
    };
    let metadata = file
        .metadata()
        .map_err(|error| io_error(path, "read the signing key set", &error))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|error| io_error(path, "read the signing key set", &error))?;
    let legacy_created_at = metadata
        .modified()
        .map_or_else(|_| crate::time::now(), DateTime::<Utc>::from);
    let set = KeySet::parse(&bytes, legacy_created_at).map_err(|mut error| {
        error.message = format!("{} ({})", error.message, path.display());
        error.hint.get_or_insert_with(|| RESTORE_HINT.to_owned());
        error
    })?;
    Ok(Some((set, Stamp::of(&metadata))))
}

/// Called under the lock: another process may have created the file while
/// this one waited for it.
fn create_if_missing(path: &Path) -> Result<(KeySet, Stamp)> {
    if let Some(found) = read(path)? {
        return Ok(found);
    }
    let set = KeySet::generate(crate::time::now())?;
    let stamp = write(path, &set)?;
    Ok((set, stamp))
}

/// Replaces the file atomically: readers see the old set or the new one,
/// never half of either. The temporary file is private from its creation.
fn write(path: &Path, set: &KeySet) -> Result<Stamp> {
    let bytes = set.to_json()?;
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = PathBuf::from(temporary);
    let failed = |error: std::io::Error| io_error(path, "write the signing key set", &error);
    match fs::remove_file(&temporary) {
        Err(error) if error.kind() != IoErrorKind::NotFound => return Err(failed(error)),
        _ => {}
    }
    let mut file = crate::files::private_options()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .map_err(failed)?;
    file.write_all(&bytes).map_err(failed)?;
    file.sync_all().map_err(failed)?;
    let stamp = Stamp::of(&file.metadata().map_err(failed)?);
    fs::rename(&temporary, path).map_err(failed)?;
    sync_parent(path).map_err(failed)?;
    Ok(stamp)
}

/// Makes the rename itself durable.
fn sync_parent(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        File::open(parent)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Runs `job` holding an exclusive lock on `PATH.lock`. The key file itself
/// can't carry the lock: each write replaces it with a new file.
fn with_lock<T>(path: &Path, job: impl FnOnce() -> Result<T>) -> Result<T> {
    let mut lock_path = path.as_os_str().to_owned();
    lock_path.push(".lock");
    let lock_path = PathBuf::from(lock_path);
    let failed = |error: std::io::Error| io_error(&lock_path, "lock", &error);
    crate::files::create_private_parent(&lock_path).map_err(failed)?;
    let lock = crate::files::private_options()
        .write(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(failed)?;
    lock.lock().map_err(failed)?;
    let result = job();
    // Closing the file releases the lock too; unlocking first says so.
    let _ = lock.unlock();
    result
}
