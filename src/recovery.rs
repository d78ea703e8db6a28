//! Recovery codes: the one format, in one place. They stand in for a lost
//! authenticator, once each.
//!
//! A code is 16 characters of lowercase base32 in four groups,
//! `k7vq-m2xp-9…` (80 bits from the OS CSPRNG): easy to copy from paper, too
//! many to guess. Only its SHA-256 is stored — like a token's secret, a code
//! has the entropy that makes a fast hash safe — and a login uses it up.

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// How many codes an enrolment hands out.
pub const COUNT: usize = 10;

const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
const LENGTH: usize = 16;
const GROUP: usize = 4;

/// A fresh set of [`COUNT`] codes, to be shown once.
pub fn generate() -> Result<Vec<String>> {
    (0..COUNT).map(|_| generate_one()).collect()
}

fn generate_one() -> Result<String> {
    let mut bytes = [0u8; LENGTH];
    getrandom::fill(&mut bytes)
        .map_err(|_| Error::internal("the system random number generator failed"))?;
    // 256 is a multiple of 32: every character is equally likely.
    let characters: Vec<char> = bytes
        .iter()
        .map(|byte| char::from(ALPHABET[usize::from(byte % 32)]))
        .collect();
    let groups: Vec<String> = characters
        .chunks(GROUP)
        .map(|group| group.iter().collect())
        .collect();
    Ok(groups.join("-"))
}

/// The code as typed, without dashes or spaces and lowercased; `None` when
/// it cannot be a recovery code at all.
fn normalize(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| *c != '-' && !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let well_formed = code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b));
    well_formed.then_some(code)
}

/// Whether `typed` has the shape of a recovery code (not whether it is one).
pub fn looks_like(typed: &str) -> bool {
    normalize(typed).is_some()
}

/// What the store keeps of a code: the hex SHA-256 of its normalized form,
/// so `K7VQ M2XP …` and `k7vq-m2xp-…` are the same code. `None` for text
/// that cannot be a code.
pub fn hash(typed: &str) -> Option<String> {
    let code = normalize(typed)?;
    Some(hex(&Sha256::digest(code.as_bytes())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_set_has_ten_distinct_codes_in_four_groups() {
        let codes = generate().expect("codes");
        assert_eq!(codes.len(), COUNT);
        assert_eq!(codes.iter().collect::<BTreeSet<_>>().len(), COUNT);
        for code in &codes {
            assert_eq!(code.len(), LENGTH + 3, "{code}");
            assert_eq!(code.split('-').count(), 4, "{code}");
            assert!(looks_like(code), "{code}");
        }
    }

    #[test]
    fn text_that_cannot_be_a_code_has_no_hash() {
        for typed in [
            "",
            "123456",
            "k7vq-m2xp-9abc",
            "k7vq-m2xp-abcd-efg1",
            "ü7vq-m2xp-abcd-efgh",
        ] {
            assert_eq!(hash(typed), None, "{typed:?}");
        }
    }

    proptest! {
        /// However a code is typed — upper case, spaces, no dashes — it is
        /// the same code; any other code is another.
        #[test]
        fn typing_variants_hash_alike(index in 0..COUNT, spaced in any::<bool>()) {
            let codes = generate().expect("codes");
            let code = &codes[index];
            let typed = if spaced { code.replace('-', " ").to_uppercase() } else { code.replace('-', "") };
            prop_assert_eq!(hash(&typed), hash(code));
            for other in codes.iter().filter(|other| *other != code) {
                prop_assert_ne!(hash(other), hash(code));
            }
        }
    }
}
