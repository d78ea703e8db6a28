//! Finding secrets in a slice of bytes: pure, no I/O, no allocation per byte.
//!
//! One Aho-Corasick automaton looks for every *needle* at once: the two
//! plain prefixes (`tcpat_`, `tcsvc_`) and, for base64, the characters that
//! each prefix always encodes to whatever comes before it — one needle per
//! prefix and alignment (the prefix may start at byte 0, 1 or 2 of a 3-byte
//! base64 group). A needle is only a candidate: the 42 characters it starts
//! (decoded first for base64) must pass [`Secret::parse`], whose CRC32
//! checksum rejects look-alikes, so a report is a real tokenctl secret.
//!
//! Searching for the encoded prefixes, instead of decoding every base64 run,
//! keeps the cost of base64 support to a few extra needles in the same pass.

use std::ops::Range;

use aho_corasick::{AhoCorasick, Input, MatchKind};

use crate::model::TokenKind;
use crate::secret::{self, SECRET_LEN, Secret};

/// How a secret was written where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// As is — also inside JSON strings and URL-encoded text, which leave
    /// base62 characters and `_` unchanged.
    Plain,
    /// Inside base64 (standard or URL-safe alphabet).
    Base64,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Plain => "plain",
            Encoding::Base64 => "base64",
        }
    }
}

/// Bytes before a needle that verifying it may read: a base64 needle can
/// start up to three characters into its group.
pub const LOOKBEHIND: usize = 3;

/// Bytes from a needle's start that verifying it may read: 15 base64 groups
/// (60 characters) hold a secret at any alignment.
pub const REACH: usize = 60;

/// Base64 characters that decode to the longest secret at any alignment.
const MAX_ENCODED: usize = 60;
/// Bytes those characters decode to.
const MAX_DECODED: usize = MAX_ENCODED / 4 * 3;

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// What a needle stands for.
#[derive(Debug, Clone, Copy)]
struct Needle {
    encoding: Encoding,
    /// Characters from the start of the base64 group that holds the
    /// secret's first byte to the needle (0 for plain).
    back: usize,
    /// Bytes of that group before the secret's first byte (its alignment).
    skip: usize,
}

/// One secret found in a haystack.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Where its written form starts: the secret itself, or the base64
    /// group that holds its first byte.
    pub start: usize,
    /// Where its written form ends (exclusive).
    pub end: usize,
    pub encoding: Encoding,
    pub secret: Secret,
}

/// The compiled needles. Build once ([`super::finder`]) and share.
#[derive(Debug)]
pub struct Finder {
    automaton: AhoCorasick,
    needles: Vec<Needle>,
}

impl Finder {
    pub fn new() -> Finder {
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut needles = Vec::new();
        for kind in TokenKind::ALL {
            let prefix = secret::prefix(kind).as_bytes();
            patterns.push(prefix.to_vec());
            needles.push(Needle {
                encoding: Encoding::Plain,
                back: 0,
                skip: 0,
            });
            for skip in 0..3 {
                let (text, back) = encoded_prefix(prefix, skip);
                for variant in alphabet_variants(text) {
                    patterns.push(variant);
                    needles.push(Needle {
                        encoding: Encoding::Base64,
                        back,
                        skip,
                    });
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&patterns)
            .unwrap_or_else(|error| unreachable!("fixed needles always compile: {error}"));
        Finder { automaton, needles }
    }

    /// Every secret whose needle starts inside `range` of `haystack`, in
    /// order. Verifying reads up to [`LOOKBEHIND`] bytes before and
    /// [`REACH`] bytes after a needle where the haystack has them.
    pub fn hits<'a>(&'a self, haystack: &'a [u8], range: Range<usize>) -> Hits<'a> {
        Hits {
            finder: self,
            haystack,
            next: range.start,
            until: range.end.min(haystack.len()),
        }
    }

    /// `text` with every secret in it replaced by its hint (`tcpat_…Ab3x`),
    /// for free text that must never carry one (audit reasons, file names).
    pub fn redact(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for hit in self.hits(text.as_bytes(), 0..text.len()) {
            if hit.start < copied {
                continue;
            }
            // Both ends sit on ASCII characters, so they are char boundaries.
            out.push_str(&text[copied..hit.start]);
            out.push_str(&hit.secret.hint());
            copied = hit.end;
        }
        out.push_str(&text[copied..]);
        out
    }

    fn verify(&self, haystack: &[u8], at: usize, needle: Needle) -> Option<Hit> {
        match needle.encoding {
            Encoding::Plain => {
                let end = at + SECRET_LEN;
                let secret = parse(haystack.get(at..end)?)?;
                Some(Hit {
                    start: at,
                    end,
                    encoding: Encoding::Plain,
                    secret,
                })
            }
            Encoding::Base64 => {
                let start = at.checked_sub(needle.back)?;
                let window = &haystack[start..haystack.len().min(start + MAX_ENCODED)];
                let mut decoded = [0u8; MAX_DECODED];
                let length = decode_base64(window, &mut decoded);
                let secret = parse(decoded[..length].get(needle.skip..needle.skip + SECRET_LEN)?)?;
                Some(Hit {
                    start,
                    end: start + (needle.skip + SECRET_LEN).div_ceil(3) * 4,
                    encoding: Encoding::Base64,
                    secret,
                })
            }
        }
    }
}

impl Default for Finder {
    fn default() -> Self {
        Finder::new()
    }
}

/// Iterator over the secrets of one haystack range; see [`Finder::hits`].
pub struct Hits<'a> {
    finder: &'a Finder,
    haystack: &'a [u8],
    next: usize,
    until: usize,
}

impl Iterator for Hits<'_> {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        while self.next < self.until {
            let input = Input::new(self.haystack).range(self.next..);
            let found = self.finder.automaton.find(input)?;
            if found.start() >= self.until {
                self.next = self.until;
                return None;
            }
            // Resume one byte on, not after the needle: needles of different
            // encodings may overlap, and a miss here would hide a secret.
            self.next = found.start() + 1;
            let needle = self.finder.needles[found.pattern().as_usize()];
            if let Some(hit) = self.finder.verify(self.haystack, found.start(), needle) {
                // A secret's own characters can't start another one.
                self.next = self.next.max(hit.end.min(self.until));
                return Some(hit);
            }
        }
        None
    }
}

fn parse(bytes: &[u8]) -> Option<Secret> {
    Secret::parse(std::str::from_utf8(bytes).ok()?).ok()
}

/// The base64 characters `prefix` always encodes to when it starts `skip`
/// bytes into a 3-byte group, whatever the bytes around it, and how many
/// characters into the group they start. A character is fixed when all six
/// of its bits come from the prefix.
fn encoded_prefix(prefix: &[u8], skip: usize) -> (Vec<u8>, usize) {
    let mut bytes = vec![0u8; skip];
    bytes.extend_from_slice(prefix);
    let first_bit = skip * 8;
    let end_bit = bytes.len() * 8;
    let first = first_bit.div_ceil(6);
    let end = end_bit / 6;
    let text = (first..end).map(|index| STANDARD[sextet_at(&bytes, index)]);
    (text.collect(), first)
}

/// The six bits of base64 character `index` of `bytes`.
fn sextet_at(bytes: &[u8], index: usize) -> usize {
    let bit = index * 6;
    let byte = bit / 8;
    let pair = u16::from(bytes[byte]) << 8 | u16::from(bytes.get(byte + 1).copied().unwrap_or(0));
    usize::from((pair >> (10 - bit % 8)) & 0x3f)
}

/// The needle in the standard alphabet, and in the URL-safe one when that
/// differs (`+/` become `-_`).
fn alphabet_variants(text: Vec<u8>) -> Vec<Vec<u8>> {
    let url_safe: Vec<u8> = text
        .iter()
        .map(|&c| match c {
            b'+' => b'-',
            b'/' => b'_',
            other => other,
        })
        .collect();
    if url_safe == text {
        vec![text]
    } else {
        vec![text, url_safe]
    }
}

/// The value of a base64 character in either alphabet.
const fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    }
}

/// Decodes the base64 characters at the start of `text` (up to the first
/// other byte, `=` included) into `out`; returns how many bytes it wrote.
/// A trailing partial group yields the bytes it fully holds.
fn decode_base64(text: &[u8], out: &mut [u8; MAX_DECODED]) -> usize {
    let mut bits: u32 = 0;
    let mut held = 0;
    let mut written = 0;
    for &c in text.iter().take(MAX_ENCODED) {
        let Some(value) = sextet(c) else { break };
        bits = bits << 6 | u32::from(value);
        held += 6;
        if held >= 8 {
            held -= 8;
            out[written] = u8::try_from((bits >> held) & 0xff).unwrap_or_default();
            written += 1;
        }
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standard_base64(bytes: &[u8]) -> String {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    fn secret(kind: TokenKind) -> Secret {
        Secret::generate(kind).expect("randomness")
    }

    fn found(text: &[u8]) -> Vec<(Encoding, String)> {
        let finder = Finder::new();
        finder
            .hits(text, 0..text.len())
            .map(|hit| (hit.encoding, hit.secret.expose().to_owned()))
            .collect()
    }

    #[test]
    fn needles_are_what_base64_makes_of_the_prefixes() {
        assert_eq!(encoded_prefix(b"tcpat_", 0), (b"dGNwYXRf".to_vec(), 0));
        assert_eq!(encoded_prefix(b"tcsvc_", 0), (b"dGNzdmNf".to_vec(), 0));
        for skip in 0..3 {
            for filler in [0u8, 0x7f, 0xff] {
                let mut bytes = vec![filler; skip];
                bytes.extend_from_slice(b"tcpat_");
                bytes.extend_from_slice(b"Zq");
                let encoded = standard_base64(&bytes);
                let (needle, back) = encoded_prefix(b"tcpat_", skip);
                assert_eq!(
                    &encoded.as_bytes()[back..back + needle.len()],
                    needle.as_slice(),
                    "skip {skip}, filler {filler}"
                );
            }
        }
    }

    #[test]
    fn finds_plain_secrets_anywhere_in_a_line() {
        let pat = secret(TokenKind::Personal);
        let svc = secret(TokenKind::Service);
        let text = format!(
            "token={}&x=1 {{\"t\":\"{}\"}} xx{}yy",
            pat.expose(),
            svc.expose(),
            pat.expose()
        );
        let hits = found(text.as_bytes());
        let values: Vec<&str> = hits.iter().map(|(_, value)| value.as_str()).collect();
        assert_eq!(values, [pat.expose(), svc.expose(), pat.expose()]);
        assert!(
            hits.iter()
                .all(|(encoding, _)| *encoding == Encoding::Plain)
        );
    }

    #[test]
    fn finds_base64_secrets_at_every_alignment_in_both_alphabets() {
        use base64::Engine;
        let url_safe = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        for lead in ["", "a", "ab", "user:", "Bearer ", "\u{ff}\u{fe}"] {
            let pat = secret(TokenKind::Personal);
            let mut bytes = lead.as_bytes().to_vec();
            bytes.extend_from_slice(pat.expose().as_bytes());
            bytes.extend_from_slice(b"\n\xfa\xfb");
            for encoded in [standard_base64(&bytes), url_safe.encode(&bytes)] {
                let text = format!("Authorization: Basic {encoded}\r\n");
                assert_eq!(
                    found(text.as_bytes()),
                    [(Encoding::Base64, pat.expose().to_owned())],
                    "lead {lead:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn a_secret_at_the_very_end_of_padded_base64_is_found() {
        let svc = secret(TokenKind::Service);
        let encoded = standard_base64(format!("x{}", svc.expose()).as_bytes());
        assert!(encoded.ends_with('='), "{encoded}");
        assert_eq!(
            found(encoded.as_bytes()),
            [(Encoding::Base64, svc.expose().to_owned())]
        );
    }

    #[test]
    fn look_alikes_are_not_reported() {
        let pat = secret(TokenKind::Personal);
        let mut typo = pat.expose().as_bytes().to_vec();
        typo[20] = if typo[20] == b'a' { b'b' } else { b'a' };
        let truncated = &pat.expose()[..SECRET_LEN - 1];
        let text = [
            typo.as_slice(),
            b" ",
            truncated.as_bytes(),
            b" tcpat_ tcsvc_",
            standard_base64(&typo).as_bytes(),
        ]
        .concat();
        assert_eq!(found(&text), []);
    }

    #[test]
    fn only_needles_inside_the_range_count() {
        let pat = secret(TokenKind::Personal);
        let text = format!("{0} {0}", pat.expose());
        let finder = Finder::new();
        let second = SECRET_LEN + 1;
        assert_eq!(finder.hits(text.as_bytes(), 1..text.len()).count(), 1);
        assert_eq!(finder.hits(text.as_bytes(), 0..second).count(), 1);
        assert_eq!(finder.hits(text.as_bytes(), 0..second + 1).count(), 2);
    }

    #[test]
    fn redact_leaves_only_hints() {
        let pat = secret(TokenKind::Personal);
        let encoded = standard_base64(pat.expose().as_bytes());
        let text = format!("in /tmp/{}/x and {encoded}.", pat.expose());
        let redacted = Finder::new().redact(&text);
        let hint = pat.hint();
        assert_eq!(redacted, format!("in /tmp/{hint}/x and {hint}."));
    }
}
