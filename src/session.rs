//! The user's own login session for a server: where it is kept and how it is
//! found again.
//!
//! Sessions live in the OS keyring (Secret Service, Keychain, Credential
//! Manager), one entry per server and user. Without a keyring tokenctl stops
//! with an error *before* anything is written, unless the user asked for
//! `--insecure-storage` (a 0600 file) — never a silent plaintext fallback.
//! Keyring calls can block on an unlock prompt, so each is bounded by a
//! timeout. With `CI` set the keyring is never touched.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::env;
use crate::error::{Error, ErrorKind, Result};
use crate::files::{replace_private, write_private};

/// Keyring service name of every tokenctl entry.
const KEYRING_SERVICE: &str = "tokenctl";

/// Where a profile's session is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Storage {
    Keyring,
    /// A 0600 file, chosen with `--insecure-storage`.
    File,
}

/// A saved server + user, selected with `--profile` or as the current one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub server: String,
    pub user: String,
    pub storage: Storage,
    /// The CA certificate (PEM) the login trusted the server with
    /// (`TOKENCTL_CA_CERT` or `ca_cert` then): used again for this profile
    /// unless one is given now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<PathBuf>,
}

/// `profiles.json` in the data directory; written by `login`/`logout`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Profiles {
    pub current: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// A session as stored: the token and when it stops working.
#[derive(Clone, Serialize, Deserialize)]
pub struct StoredSession {
    pub session: String,
    pub expires_at: DateTime<Utc>,
}

impl std::fmt::Debug for StoredSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StoredSession(expires {}, <redacted>)", self.expires_at)
    }
}

pub struct Sessions {
    data_dir: PathBuf,
    secrets: SecretStore,
}

impl Sessions {
    pub fn new(data_dir: PathBuf, keyring_timeout: Duration) -> Sessions {
        Sessions {
            secrets: SecretStore::new(data_dir.clone(), keyring_timeout),
            data_dir,
        }
    }

    /// The keyring-or-file storage, for other secrets kept by the same rules
    /// (the OAuth provider tokens).
    pub fn secrets(&self) -> &SecretStore {
        &self.secrets
    }

    fn profiles_path(&self) -> PathBuf {
        self.data_dir.join("profiles.json")
    }

    fn slot(&self, name: &str, profile: &Profile) -> SecretSlot {
        SecretSlot {
            storage: profile.storage,
            account: format!("{}@{}", profile.user, profile.server),
            file: self.data_dir.join("sessions").join(format!("{name}.json")),
            what: "the session".to_owned(),
        }
    }

    pub fn profiles(&self) -> Result<Profiles> {
        let path = self.profiles_path();
        match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|error| {
                Error::invalid(format!("{} is unreadable: {error}", path.display()))
                    .with_hint("fix or delete it, then log in again")
            }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Profiles::default()),
            Err(error) => Err(Error::internal(format!(
                "cannot read {}: {error}",
                path.display()
            ))),
        }
    }

    pub fn save_profiles(&self, profiles: &Profiles) -> Result<()> {
        let json = serde_json::to_vec_pretty(profiles)
            .map_err(|error| Error::internal(format!("cannot encode profiles: {error}")))?;
        write_private(&self.profiles_path(), &json)
    }

    /// Fails early, before a password is asked for or anything is written,
    /// when `storage` cannot be used here.
    pub async fn check_available(&self, storage: Storage) -> Result<()> {
        self.secrets
            .check_available(storage, "the session")
            .await
            .map_err(|error| match error.hint {
                Some(_) if env::is_set(env::CI) => error,
                Some(_) => error.with_hint(
                    "start a Secret Service (e.g. gnome-keyring), use TOKENCTL_TOKEN, \
                     or pass --insecure-storage to keep the session in a 0600 file",
                ),
                None => error,
            })
    }

    pub async fn save(&self, name: &str, profile: &Profile, session: &StoredSession) -> Result<()> {
        let json = serde_json::to_string(session)
            .map_err(|error| Error::internal(format!("cannot encode the session: {error}")))?;
        self.secrets.put(&self.slot(name, profile), json).await
    }

    pub async fn load(&self, name: &str, profile: &Profile) -> Result<Option<StoredSession>> {
        let json = self.secrets.get(&self.slot(name, profile)).await?;
        Ok(json.and_then(|json| serde_json::from_str(&json).ok()))
    }

    pub async fn delete(&self, name: &str, profile: &Profile) -> Result<()> {
        self.secrets.delete(&self.slot(name, profile)).await
    }

    /// Whether the profile `name` keeps its session in the same place as
    /// `other` does: a file per profile name, a keyring entry per user and
    /// server. A new login wrote its copy there, over the old one.
    pub fn same_place(&self, name: &str, profile: &Profile, other: &Profile) -> bool {
        let (one, two) = (self.slot(name, profile), self.slot(name, other));
        one.storage == two.storage
            && match one.storage {
                Storage::File => one.file == two.file,
                Storage::Keyring => one.account == two.account,
            }
    }

    /// Where a profile's session is, in words, for `status`.
    pub fn describe(&self, name: &str, profile: &Profile) -> String {
        self.slot(name, profile).describe()
    }
}

/// Where one secret lives: a keyring entry, or the 0600 file the user
/// chose with `--insecure-storage`.
#[derive(Debug, Clone)]
pub struct SecretSlot {
    pub storage: Storage,
    /// The keyring account (the service is always `tokenctl`).
    pub account: String,
    /// The file used with [`Storage::File`].
    pub file: PathBuf,
    /// What is stored, for messages: "the session".
    pub what: String,
}

impl SecretSlot {
    /// Where the secret is, in words, for `status` and `oauth show`.
    pub fn describe(&self) -> String {
        match self.storage {
            Storage::Keyring => format!(
                "the OS keyring (service {KEYRING_SERVICE}, user {})",
                self.account
            ),
            Storage::File => format!("the file {} (insecure storage)", self.file.display()),
        }
    }
}

/// Secrets in the OS keyring, or in 0600 files when asked: the one place
/// that talks to the keyring, so every secret tokenctl keeps follows the
/// same rules (timeout, never under `CI`, a clear error when no keyring).
pub struct SecretStore {
    data_dir: PathBuf,
    keyring_timeout: Duration,
}

impl SecretStore {
    pub fn new(data_dir: PathBuf, keyring_timeout: Duration) -> SecretStore {
        SecretStore {
            data_dir,
            keyring_timeout,
        }
    }

    /// tokenctl's data directory, where insecure-storage files go.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// Fails early, before anything is asked for or written, when `storage`
    /// cannot be used here. `what` names the secret in the message.
    pub async fn check_available(&self, storage: Storage, what: &str) -> Result<()> {
        if storage == Storage::File {
            return Ok(());
        }
        if env::is_set(env::CI) {
            return Err(no_keyring(
                what,
                "CI is set, and tokenctl never uses the OS keyring in CI",
            ));
        }
        let status = self
            .bounded(|| {
                keyring::Entry::store_status()
                    .as_ref()
                    .map(|_| ())
                    .map_err(ToString::to_string)
            })
            .await?;
        status.map_err(|cause| no_keyring(what, &format!("no OS keyring is available ({cause})")))
    }

    pub async fn put(&self, slot: &SecretSlot, text: String) -> Result<()> {
        match slot.storage {
            // Atomically: another tokenctl may be reading it right now.
            Storage::File => replace_private(&slot.file, text.as_bytes()),
            Storage::Keyring => {
                if env::is_set(env::CI) {
                    return Err(no_keyring(
                        &slot.what,
                        "CI is set, and tokenctl never uses the OS keyring in CI",
                    ));
                }
                self.keyring(slot, move |entry| entry.set_password(&text))
                    .await
            }
        }
    }

    /// The secret, or `None` when there is none (or, under `CI`, when it
    /// would be in the keyring).
    pub async fn get(&self, slot: &SecretSlot) -> Result<Option<String>> {
        match slot.storage {
            Storage::File => match fs::read_to_string(&slot.file) {
                Ok(text) => Ok(Some(text)),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(error) => Err(Error::internal(format!(
                    "cannot read {}: {error}",
                    slot.what
                ))),
            },
            Storage::Keyring => {
                if env::is_set(env::CI) {
                    return Ok(None);
                }
                match self.keyring(slot, keyring::Entry::get_password).await {
                    Ok(text) => Ok(Some(text)),
                    Err(error) if error.kind == ErrorKind::NotFound => Ok(None),
                    Err(error) => Err(error),
                }
            }
        }
    }

    /// Removes the secret; one that is already gone is fine.
    pub async fn delete(&self, slot: &SecretSlot) -> Result<()> {
        match slot.storage {
            Storage::File => match fs::remove_file(&slot.file) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(Error::internal(
                    format!("cannot delete {}: {error}", slot.file.display()),
                )),
                _ => Ok(()),
            },
            Storage::Keyring if env::is_set(env::CI) => Ok(()),
            Storage::Keyring => match self.keyring(slot, keyring::Entry::delete_credential).await {
                Err(error) if error.kind != ErrorKind::NotFound => Err(error),
                _ => Ok(()),
            },
        }
    }

    /// Runs one keyring operation on a blocking thread, within the timeout.
    async fn keyring<T, F>(&self, slot: &SecretSlot, operation: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&keyring::Entry) -> keyring::Result<T> + Send + 'static,
    {
        let account = slot.account.clone();
        let what = slot.what.clone();
        self.bounded(move || {
            let entry = keyring::Entry::new(KEYRING_SERVICE, &account).map_err(|error| {
                let cause = match keyring::Entry::store_status() {
                    Err(cause) => cause.to_string(),
                    Ok(()) => error.to_string(),
                };
                no_keyring(&what, &format!("the OS keyring is not usable ({cause})"))
            })?;
            operation(&entry).map_err(|error| match error {
                keyring::Error::NoEntry => {
                    Error::not_found(format!("{what} is not in the keyring"))
                }
                other => Error::internal(format!("the OS keyring failed: {other}")),
            })
        })
        .await?
    }

    async fn bounded<T, F>(&self, job: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let task = tokio::task::spawn_blocking(job);
        match tokio::time::timeout(self.keyring_timeout, task).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(Error::internal(format!("the keyring task failed: {error}"))),
            Err(_) => Err(Error::internal(format!(
                "the OS keyring did not answer within {} s (locked, waiting for an unlock prompt?)",
                self.keyring_timeout.as_secs()
            ))
            .with_hint(
                "unlock the keyring and retry, or raise keyring_timeout in the config file",
            )),
        }
    }
}

fn no_keyring(what: &str, why: &str) -> Error {
    let hint = if env::is_set(env::CI) {
        format!(
            "in a CI job, give tokenctl a credential in TOKENCTL_TOKEN instead; \
             in a normal shell, unset CI; or pass --insecure-storage to keep {what} in a 0600 file"
        )
    } else {
        format!(
            "start a Secret Service (e.g. gnome-keyring), \
             or pass --insecure-storage to keep {what} in a 0600 file"
        )
    };
    Error::internal(format!("cannot store {what}: {why}")).with_hint(hint)
}
