//! What the service issues with: the signing key set (login sessions,
//! access tokens) and the exchange policy (its issuer name, the audiences,
//! the longest lifetime) — owned here, so no caller hands them in — and the
//! keys' listing and rotation.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::error::{Error, Result};
use crate::exchange::ExchangePolicy;
use crate::jose::{KeyInfo, KeySet, LiveKeys, Rotation};
use crate::model::Permission;
use crate::policy::{self, Act, Actor};

use super::TokenService;

/// Who the service signs as, and with which keys.
pub struct Issuer {
    keys: Keys,
    pub policy: ExchangePolicy,
}

enum Keys {
    /// Opened up front (a server: a bad key file stops it starting).
    Open(LiveKeys),
    /// A local store's own key file, opened — created when missing — the
    /// first time something is signed or verified: a command that signs
    /// nothing never touches it.
    OnFirstUse {
        path: PathBuf,
        opened: OnceLock<LiveKeys>,
    },
}

impl Issuer {
    pub fn new(keys: LiveKeys, policy: ExchangePolicy) -> Issuer {
        Issuer {
            keys: Keys::Open(keys),
            policy,
        }
    }

    /// An issuer whose key file at `path` is opened on first use.
    pub fn on_first_use(path: PathBuf, policy: ExchangePolicy) -> Issuer {
        Issuer {
            keys: Keys::OnFirstUse {
                path,
                opened: OnceLock::new(),
            },
            policy,
        }
    }

    /// The live key set (see [`LiveKeys`]).
    pub fn keys(&self) -> Result<&LiveKeys> {
        match &self.keys {
            Keys::Open(keys) => Ok(keys),
            Keys::OnFirstUse { path, opened } => {
                if let Some(keys) = opened.get() {
                    return Ok(keys);
                }
                let keys = LiveKeys::open(path)?;
                Ok(opened.get_or_init(|| keys))
            }
        }
    }

    /// The key set as last read.
    pub fn current(&self) -> Result<Arc<KeySet>> {
        Ok(self.keys()?.current())
    }
}

impl TokenService {
    /// The issuer this service signs with; a service built without one
    /// (a store's contract tests) signs nothing.
    pub fn issuer(&self) -> Result<&Issuer> {
        self.issuer
            .as_deref()
            .ok_or_else(|| Error::internal("this token service has no signing keys"))
    }

    /// The keys that verify sessions and access tokens, newest first.
    pub fn signing_keys(&self, actor: &Actor) -> Result<Vec<KeyInfo>> {
        actor.require(Permission::KeysManage, "see the signing keys")?;
        Ok(self.issuer()?.current()?.infos(self.now()))
    }

    /// The public halves of the keys that verify now (RFC 7517 JWK Set):
    /// what the server publishes at `/.well-known/jwks.json`, so anyone may
    /// have it.
    pub fn public_keys(&self) -> Result<crate::jose::JwkSet> {
        Ok(self.issuer()?.current()?.jwks(self.now()))
    }

    /// Makes a new key the signer; the old one keeps verifying what it
    /// signed. The file and the audit log can't share a transaction: the
    /// rotation comes first, and a failed audit write says it happened.
    pub async fn rotate_signing_key(&self, actor: &Actor) -> Result<Rotation> {
        policy::decide(actor, &Act::RotateKeys)?;
        let keys = self.issuer()?.keys()?.clone();
        let now = self.now();
        let rotation = tokio::task::spawn_blocking(move || keys.rotate(now))
            .await
            .map_err(|error| Error::internal(format!("the key rotation stopped: {error}")))??;
        let audit = self.audit_record(actor, "key.rotate", rotation.summary());
        self.append_audit(audit).await.map_err(|error| {
            Error::internal(format!(
                "rotated the signing key (new kid {}) but could not write the audit entry: {}",
                rotation.active.kid,
                Error::from(error).message
            ))
        })?;
        Ok(rotation)
    }
}
