//! Sealing: what tokenctl must keep but never show — a webhook's signing
//! secret, which the sender needs in the clear to sign with — is stored
//! encrypted under a key that lives in the key set file, not in the store.
//! A copy of the database alone (a backup, a dump) reveals none of it.
//!
//! AES-256-GCM with a random 96-bit nonce per sealing; the purpose is
//! authenticated with it, so a value sealed for one use cannot be passed
//! off as another. Sealed text: `v1.` + base64url(nonce ‖ ciphertext ‖ tag).

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{Error, Result};

const VERSION: &str = "v1.";
const KEY_LEN: usize = 32;

/// The key. No `Debug`, no `Serialize`: it leaves only through
/// [`SealingKey::to_base64`], into the private key set file.
#[derive(Clone)]
pub struct SealingKey([u8; KEY_LEN]);

impl SealingKey {
    pub fn generate() -> Result<SealingKey> {
        let mut key = [0; KEY_LEN];
        getrandom::fill(&mut key)
            .map_err(|error| Error::internal(format!("no randomness for a key: {error}")))?;
        Ok(SealingKey(key))
    }

    pub fn from_base64(text: &str) -> Result<SealingKey> {
        let bytes = URL_SAFE_NO_PAD
            .decode(text)
            .map_err(|_| Error::internal("the key set's sealing key is not base64url"))?;
        let key = bytes
            .try_into()
            .map_err(|_| Error::internal("the key set's sealing key is not 32 bytes"))?;
        Ok(SealingKey(key))
    }

    pub fn to_base64(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    /// `plain`, encrypted for `purpose`.
    pub fn seal(&self, purpose: &str, plain: &[u8]) -> Result<String> {
        let mut nonce = [0; NONCE_LEN];
        getrandom::fill(&mut nonce)
            .map_err(|error| Error::internal(format!("no randomness for a nonce: {error}")))?;
        let mut sealed = plain.to_vec();
        self.cipher()?
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(purpose.as_bytes()),
                &mut sealed,
            )
            .map_err(|_| Error::internal("cannot seal a secret"))?;
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        Ok(format!("{VERSION}{}", URL_SAFE_NO_PAD.encode(bytes)))
    }

    /// What [`SealingKey::seal`] sealed for `purpose`; an error when it was
    /// sealed with another key or for another purpose, or was altered.
    pub fn unseal(&self, purpose: &str, sealed: &str) -> Result<Vec<u8>> {
        let undecodable = || Error::internal("a sealed secret in the store is damaged");
        let bytes = sealed
            .strip_prefix(VERSION)
            .and_then(|text| URL_SAFE_NO_PAD.decode(text).ok())
            .filter(|bytes| bytes.len() >= NONCE_LEN)
            .ok_or_else(undecodable)?;
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| undecodable())?;
        let mut opened = ciphertext.to_vec();
        let plain = self
            .cipher()?
            .open_in_place(nonce, Aad::from(purpose.as_bytes()), &mut opened)
            .map_err(|_| {
                Error::internal("a sealed secret does not open with this key set's sealing key")
                    .with_hint("every replica must share one key set file (serve --keys)")
            })?;
        Ok(plain.to_vec())
    }

    fn cipher(&self) -> Result<LessSafeKey> {
        let key = UnboundKey::new(&AES_256_GCM, &self.0)
            .map_err(|_| Error::internal("cannot use the sealing key"))?;
        Ok(LessSafeKey::new(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_text_opens_only_with_its_key_and_purpose() {
        let key = SealingKey::generate().expect("key");
        let sealed = key.seal("webhook", b"whsec_abc").expect("seal");
        assert!(!sealed.contains("whsec"), "{sealed}");
        assert_eq!(key.unseal("webhook", &sealed).expect("open"), b"whsec_abc");
        assert_ne!(key.seal("webhook", b"whsec_abc").expect("seal"), sealed);
        assert!(key.unseal("other", &sealed).is_err());
        let other = SealingKey::generate().expect("key");
        assert!(other.unseal("webhook", &sealed).is_err());
        let mut tampered = sealed.clone().into_bytes();
        let last = tampered.len() - 2;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).expect("ascii");
        assert!(key.unseal("webhook", &tampered).is_err());
        assert!(key.unseal("webhook", "v1.").is_err());
        let copy = SealingKey::from_base64(&key.to_base64()).expect("parse");
        assert_eq!(copy.unseal("webhook", &sealed).expect("open"), b"whsec_abc");
    }
}
