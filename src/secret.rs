//! The token secret: how it is generated, recognised, checked and hashed.
//!
//! Format: `<prefix><30 random base62><6 base62 CRC32>`, e.g.
//! `tcpat_IEgsRIxEPEXIaSvX8sPZboMKlM9nAE389ZAF`. The prefix names the kind so
//! that people and secret scanners recognise a token offline; 30 base62
//! characters carry 178 bits of randomness; the CRC32 of prefix + random part
//! lets tokenctl reject typos and look-alikes before any lookup. Only
//! characters that survive copy/paste and double-click selection are used.
//!
//! A [`Secret`] never prints itself: `Debug` is redacted and there is no
//! `Display`. Code that must show the value calls [`Secret::expose`] on purpose.

use std::fmt;

use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::model::TokenKind;

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LEN: usize = 30;
const CHECKSUM_LEN: usize = 6;
const PREFIX_LEN: usize = 6;
/// Total length of every secret, whatever its kind.
pub const SECRET_LEN: usize = PREFIX_LEN + RANDOM_LEN + CHECKSUM_LEN;

/// The recognisable start of a secret of each kind.
pub fn prefix(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Personal => "tcpat_",
        TokenKind::Service => "tcsvc_",
    }
}

/// Whether `text` starts like a tokenctl secret (rather than, say, a JWT):
/// how a credential is told apart before it is parsed.
pub fn has_token_prefix(text: &str) -> bool {
    TokenKind::ALL
        .iter()
        .any(|kind| text.starts_with(prefix(*kind)))
}

/// Why a value is not a tokenctl secret. Never carries the value itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum SecretError {
    #[error("not a tokenctl token: it does not start with tcpat_ or tcsvc_")]
    UnknownPrefix,
    #[error("not a tokenctl token: expected {SECRET_LEN} characters")]
    WrongLength,
    #[error("not a tokenctl token: it contains characters a token never has")]
    BadCharacter,
    #[error("not a tokenctl token: its checksum does not match (a typo or a truncated copy?)")]
    ChecksumMismatch,
    #[error("the system random number generator failed")]
    Randomness,
}

/// SHA-256 of a secret: what the store keeps and looks tokens up by.
pub type SecretHash = [u8; 32];

/// A token secret. Construct with [`Secret::generate`] or [`Secret::parse`].
/// No `PartialEq`: secrets are matched by hash in the store, never compared
/// directly, so there is no early-exit comparison to get wrong.
#[derive(Clone)]
pub struct Secret {
    value: String,
    kind: TokenKind,
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({}, <redacted>)", self.kind)
    }
}

impl Secret {
    /// A fresh secret of `kind` from the operating system's CSPRNG.
    pub fn generate(kind: TokenKind) -> Result<Secret, SecretError> {
        let mut value = String::with_capacity(SECRET_LEN);
        value.push_str(prefix(kind));
        value.push_str(&random_base62(RANDOM_LEN)?);
        let checksum = checksum(&value);
        value.push_str(&checksum);
        Ok(Secret { value, kind })
    }

    /// Checks format and checksum; surrounding whitespace is ignored so that
    /// values pasted with a newline still work.
    pub fn parse(text: &str) -> Result<Secret, SecretError> {
        let text = text.trim();
        let kind = TokenKind::ALL
            .into_iter()
            .find(|kind| text.starts_with(prefix(*kind)))
            .ok_or(SecretError::UnknownPrefix)?;
        if text.len() != SECRET_LEN {
            return Err(SecretError::WrongLength);
        }
        let body = &text[PREFIX_LEN..];
        if !body.bytes().all(|byte| BASE62.contains(&byte)) {
            return Err(SecretError::BadCharacter);
        }
        let (signed, sum) = text.split_at(SECRET_LEN - CHECKSUM_LEN);
        if checksum(signed) != sum {
            return Err(SecretError::ChecksumMismatch);
        }
        Ok(Secret {
            value: text.to_owned(),
            kind,
        })
    }

    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// The value itself. Call only to show it once or to send it to a server.
    pub fn expose(&self) -> &str {
        &self.value
    }

    pub fn hash(&self) -> SecretHash {
        Sha256::digest(self.value.as_bytes()).into()
    }

    /// `tcpat_…Ab3x`: enough to match a leaked value to a row, useless to an attacker.
    pub fn hint(&self) -> String {
        let last_four = &self.value[SECRET_LEN - 4..];
        format!("{}…{last_four}", prefix(self.kind))
    }
}

/// Unbiased base62 characters from the OS CSPRNG: bytes ≥ 248 (= 4 × 62)
/// are discarded.
pub fn random_base62(len: usize) -> Result<String, SecretError> {
    let mut out = String::with_capacity(len);
    let mut buffer = [0u8; 64];
    while out.len() < len {
        getrandom::fill(&mut buffer).map_err(|_| SecretError::Randomness)?;
        for byte in buffer {
            if byte < 248 && out.len() < len {
                out.push(char::from(BASE62[usize::from(byte % 62)]));
            }
        }
    }
    Ok(out)
}

/// CRC32 of `text` as exactly six base62 digits (62⁶ > 2³²).
fn checksum(text: &str) -> String {
    let mut value = u64::from(crc32fast::hash(text.as_bytes()));
    let mut digits = [b'0'; CHECKSUM_LEN];
    for digit in digits.iter_mut().rev() {
        *digit = BASE62[usize::try_from(value % 62).unwrap_or_default()];
        value /= 62;
    }
    digits.iter().map(|&d| char::from(d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_secrets_parse_back_with_their_kind() {
        for kind in TokenKind::ALL {
            let secret = Secret::generate(kind).expect("randomness");
            assert_eq!(secret.expose().len(), SECRET_LEN);
            assert!(secret.expose().starts_with(prefix(kind)));
            let parsed = Secret::parse(secret.expose()).expect("valid");
            assert_eq!(parsed.kind(), kind);
            assert_eq!(parsed.hash(), secret.hash());
        }
    }

    #[test]
    fn every_single_character_typo_is_caught() {
        let secret = Secret::generate(TokenKind::Personal).expect("randomness");
        let original = secret.expose().as_bytes().to_vec();
        for position in PREFIX_LEN..SECRET_LEN {
            let mut typo = original.clone();
            typo[position] = if typo[position] == b'a' { b'b' } else { b'a' };
            let typo = String::from_utf8(typo).expect("ascii");
            assert!(Secret::parse(&typo).is_err(), "typo at {position} accepted");
        }
    }

    #[test]
    fn rejects_look_alikes_with_a_reason() {
        assert_eq!(
            Secret::parse("ghp_abc").err(),
            Some(SecretError::UnknownPrefix)
        );
        assert_eq!(
            Secret::parse("tcpat_short").err(),
            Some(SecretError::WrongLength)
        );
        let with_dash = format!("tcpat_{}", "-".repeat(SECRET_LEN - PREFIX_LEN));
        assert_eq!(
            Secret::parse(&with_dash).err(),
            Some(SecretError::BadCharacter)
        );
    }

    #[test]
    fn debug_and_errors_never_show_the_value() {
        let secret = Secret::generate(TokenKind::Service).expect("randomness");
        let random_part = &secret.expose()[PREFIX_LEN..];
        assert!(!format!("{secret:?}").contains(random_part));
        assert!(secret.hint().starts_with("tcsvc_…"));
        assert!(!secret.hint().contains(random_part));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// No text makes the parser panic, and whatever it accepts
            /// reads back as itself.
            #[test]
            fn any_text_is_parsed_or_refused(text in any::<String>()) {
                if let Ok(secret) = Secret::parse(&text) {
                    prop_assert_eq!(secret.expose(), text.trim());
                }
            }

            /// A generated secret parses back through surrounding
            /// whitespace, and every single-character typo is caught
            /// offline by the checksum or the format.
            #[test]
            fn every_one_character_typo_is_refused(
                kind in proptest::sample::select(TokenKind::ALL.to_vec()),
                at in 0usize..SECRET_LEN,
                replacement in proptest::sample::select(BASE62.to_vec()),
                padding in "[ \t\n]{0,3}",
            ) {
                let secret = Secret::generate(kind).expect("randomness");
                let padded = format!("{padding}{}{padding}", secret.expose());
                prop_assert_eq!(Secret::parse(&padded).expect("parses").kind, kind);
                let mut typo = secret.expose().as_bytes().to_vec();
                prop_assume!(typo[at] != replacement);
                typo[at] = replacement;
                let typo = String::from_utf8(typo).expect("ascii");
                prop_assert!(Secret::parse(&typo).is_err(), "{typo} was accepted");
            }
        }
    }
}
