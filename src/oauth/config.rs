//! Where OAuth entries are kept: the non-secret half in one private file,
//! `<data dir>/oauth/entries.json` (0600, replaced atomically, changes made
//! under a lock so two tokenctl processes never lose each other's update);
//! the secrets of each entry in one keyring entry (account `oauth/NAME`),
//! or, with `--insecure-storage`, in `<data dir>/oauth/secrets/NAME.json`.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Entry;
use crate::error::{Error, Result};
use crate::files::{create_private_parent, private_options, replace_private};
use crate::session::{SecretSlot, SecretStore};

/// The on-disk shape of the entries file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntriesFile {
    version: u32,
    entries: Vec<Entry>,
}

const ENTRIES_VERSION: u32 = 1;

/// An entry's secrets. Never printed: `Debug` shows only which are present.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Secrets {
    pub client_secret: Option<String>,
    pub access_token: Option<String>,
    pub refresh_token: Option<String>,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Secrets(client_secret: {}, access_token: {}, refresh_token: {})",
            self.client_secret.is_some(),
            self.access_token.is_some(),
            self.refresh_token.is_some()
        )
    }
}

/// The OAuth entries and their secrets.
pub struct OAuthStore<'a> {
    dir: PathBuf,
    secrets: &'a SecretStore,
}

impl<'a> OAuthStore<'a> {
    pub fn new(secrets: &'a SecretStore) -> OAuthStore<'a> {
        OAuthStore {
            dir: secrets.data_dir().join("oauth"),
            secrets,
        }
    }

    fn entries_path(&self) -> PathBuf {
        self.dir.join("entries.json")
    }

    /// Every entry, by name. A missing file is no entries.
    pub fn load(&self) -> Result<Vec<Entry>> {
        let path = self.entries_path();
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => {
                return Err(Error::internal(format!(
                    "cannot read {}: {error}",
                    path.display()
                )));
            }
        };
        let file: EntriesFile = serde_json::from_slice(&bytes).map_err(|error| {
            Error::internal(format!("{} is unreadable: {error}", path.display()))
                .with_hint("restore it from an export: tokenctl oauth import FILE")
        })?;
        if file.version != ENTRIES_VERSION {
            return Err(Error::internal(format!(
                "{} was written by another tokenctl version (format {})",
                path.display(),
                file.version
            )));
        }
        Ok(file.entries)
    }

    /// One entry by name, or a not-found error naming the command to run.
    pub fn get(&self, name: &str) -> Result<Entry> {
        self.load()?
            .into_iter()
            .find(|entry| entry.name == name)
            .ok_or_else(|| not_found(name))
    }

    /// Changes the entries under a lock: `change` sees the current entries
    /// (as another process may just have written them) and edits them.
    pub fn modify<T>(&self, change: impl FnOnce(&mut Vec<Entry>) -> Result<T>) -> Result<T> {
        let _lock = lock_file(&self.dir.join("entries.lock"))?;
        let mut entries = self.load()?;
        let value = change(&mut entries)?;
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        let file = EntriesFile {
            version: ENTRIES_VERSION,
            entries,
        };
        let json = serde_json::to_vec_pretty(&file)
            .map_err(|error| Error::internal(format!("cannot encode the entries: {error}")))?;
        replace_private(&self.entries_path(), &json)?;
        Ok(value)
    }

    /// Keeps every other tokenctl process from renewing `name`'s token
    /// until the returned lock is dropped (waiting, if one is renewing it
    /// now). A refresh token may be single-use: spent twice, the second
    /// attempt fails, and the provider may revoke the whole grant.
    pub fn lock_renewal(&self, name: &str) -> Result<fs::File> {
        lock_file(&self.dir.join("locks").join(format!("{name}.lock")))
    }

    /// Replaces the saved entry of the same name (it must exist).
    pub fn update(&self, entry: Entry) -> Result<()> {
        self.modify(|entries| {
            let slot = entries
                .iter_mut()
                .find(|saved| saved.name == entry.name)
                .ok_or_else(|| not_found(&entry.name))?;
            *slot = entry;
            Ok(())
        })
    }

    /// Where an entry's secrets are kept.
    pub fn slot(&self, entry: &Entry) -> SecretSlot {
        SecretSlot {
            storage: entry.storage,
            account: format!("oauth/{}", entry.name),
            file: self
                .dir
                .join("secrets")
                .join(format!("{}.json", entry.name)),
            what: format!("the secrets of OAuth token '{}'", entry.name),
        }
    }

    /// The entry's secrets; none stored yet is all empty.
    pub async fn secrets(&self, entry: &Entry) -> Result<Secrets> {
        let slot = self.slot(entry);
        match self.secrets.get(&slot).await? {
            None => Ok(Secrets::default()),
            Some(json) => serde_json::from_str(&json).map_err(|_| {
                Error::internal(format!("{} are unreadable", slot.what)).with_hint(format!(
                    "request a new token: tokenctl oauth request {}",
                    entry.name
                ))
            }),
        }
    }

    /// The entry's secrets exactly as stored, unparsed: what
    /// [`OAuthStore::restore_secrets`] puts back.
    pub async fn stored_secrets(&self, entry: &Entry) -> Result<Option<String>> {
        self.secrets.get(&self.slot(entry)).await
    }

    /// Puts back what [`OAuthStore::stored_secrets`] read (`None`: none).
    pub async fn restore_secrets(&self, entry: &Entry, stored: Option<String>) -> Result<()> {
        match stored {
            Some(text) => self.secrets.put(&self.slot(entry), text).await,
            None => self.delete_secrets(entry).await,
        }
    }

    pub async fn put_secrets(&self, entry: &Entry, secrets: &Secrets) -> Result<()> {
        let json = serde_json::to_string(secrets)
            .map_err(|error| Error::internal(format!("cannot encode the secrets: {error}")))?;
        self.secrets.put(&self.slot(entry), json).await
    }

    pub async fn delete_secrets(&self, entry: &Entry) -> Result<()> {
        self.secrets.delete(&self.slot(entry)).await
    }

    /// Fails before anything is asked or written when `entry`'s storage
    /// can't be used here (no keyring, or `CI` without --insecure-storage).
    pub async fn check_storage(&self, entry: &Entry) -> Result<()> {
        self.secrets
            .check_available(entry.storage, &self.slot(entry).what)
            .await
    }
}

/// Opens (creating, 0600) and exclusively locks `path`, waiting for any
/// other holder; the lock ends when the file is dropped.
fn lock_file(path: &Path) -> Result<fs::File> {
    let failed =
        |error: std::io::Error| Error::internal(format!("cannot lock {}: {error}", path.display()));
    create_private_parent(path).map_err(failed)?;
    let lock = private_options()
        .write(true)
        .truncate(false)
        .open(path)
        .map_err(failed)?;
    lock.lock().map_err(failed)?;
    Ok(lock)
}

pub fn not_found(name: &str) -> Error {
    Error::not_found(format!("there is no OAuth token named '{name}'"))
        .with_hint("see them with: tokenctl oauth list")
}
