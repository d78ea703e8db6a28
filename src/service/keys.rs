//! The issuer's signing keys: listing and rotation.

use crate::error::{Error, Result};
use crate::jose::{KeyInfo, LiveKeys, Rotation};
use crate::model::Permission;
use crate::policy::{self, Act, Actor};
use crate::time;

use super::TokenService;

impl TokenService {
    /// The keys that verify sessions and access tokens, newest first.
    pub fn signing_keys(&self, actor: &Actor, keys: &LiveKeys) -> Result<Vec<KeyInfo>> {
        actor.require(Permission::KeysManage, "see the signing keys")?;
        Ok(keys.current().infos(time::now()))
    }

    /// Makes a new key the signer; the old one keeps verifying what it
    /// signed. The file and the audit log can't share a transaction: the
    /// rotation comes first, and a failed audit write says it happened.
    pub async fn rotate_signing_key(&self, actor: &Actor, keys: &LiveKeys) -> Result<Rotation> {
        policy::decide(actor, &Act::RotateKeys)?;
        let keys = keys.clone();
        let rotation = tokio::task::spawn_blocking(move || keys.rotate(time::now()))
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
