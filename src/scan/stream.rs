//! Scanning one input of any size in fixed-size chunks.
//!
//! The buffer never grows: a 10 GB file with no newline costs the same
//! memory as a small one. A secret that straddles two chunks is found
//! because the last [`REACH`] + [`LOOKBEHIND`] bytes of a chunk are carried
//! into the next one, and needles in that tail are only looked at there.
//! Line and column are counted only up to the carried tail and the finds,
//! so a file without a secret costs one pass of the finder and one newline
//! count.

use std::io::{self, Read};

use super::find::{Encoding, Finder, LOOKBEHIND, REACH};
use crate::secret::Secret;

/// Bytes read at a time. Large enough that system calls and the per-call
/// cost of the finder vanish, small enough to stay in the L2 cache.
const CHUNK: usize = 256 * 1024;

/// Like ripgrep: a NUL byte in the first 8 KiB means a binary file.
const BINARY_PROBE: usize = 8 * 1024;

/// A secret found in an input, and where (1-based; the column counts bytes).
#[derive(Debug, Clone)]
pub struct Found {
    pub line: u64,
    pub column: u64,
    pub encoding: Encoding,
    pub secret: Secret,
}

/// What scanning one input gave.
#[derive(Debug)]
pub enum Outcome {
    /// Read to the end: its size and the secrets in it.
    Text { bytes: u64, finds: Vec<Found> },
    /// Skipped: it looks binary.
    Binary,
}

/// A reusable buffer; one per thread.
pub struct Scanner {
    buffer: Vec<u8>,
}

impl Scanner {
    pub fn new() -> Scanner {
        Scanner {
            buffer: vec![0; CHUNK],
        }
    }

    /// Reads `input` to its end and returns every secret in it.
    pub fn scan(&mut self, finder: &Finder, mut input: impl Read) -> io::Result<Outcome> {
        let buffer = self.buffer.as_mut_slice();
        let mut filled = 0;
        // File offset of buffer[0].
        let mut base: u64 = 0;
        // Needles starting before this index were handled in the previous chunk.
        let mut handled = 0;
        let mut lines = Lines::default();
        let mut finds = Vec::new();
        loop {
            let end_of_input = fill(&mut input, buffer, &mut filled)?;
            if base == 0 && memchr::memchr(0, &buffer[..filled.min(BINARY_PROBE)]).is_some() {
                return Ok(Outcome::Binary);
            }
            let until = if end_of_input { filled } else { filled - REACH };
            for hit in finder.hits(&buffer[..filled], handled..until) {
                let (line, column) = lines.position(buffer, base, base + as_u64(hit.start));
                finds.push(Found {
                    line,
                    column,
                    encoding: hit.encoding,
                    secret: hit.secret,
                });
            }
            if end_of_input {
                return Ok(Outcome::Text {
                    bytes: base + as_u64(filled),
                    finds,
                });
            }
            let keep = until - LOOKBEHIND;
            lines.position(buffer, base, base + as_u64(keep));
            buffer.copy_within(keep..filled, 0);
            filled -= keep;
            base += as_u64(keep);
            handled = until - keep;
        }
    }
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner::new()
    }
}

/// Reads until `buffer` is full or the input ends; true at the end.
fn fill(input: &mut impl Read, buffer: &mut [u8], filled: &mut usize) -> io::Result<bool> {
    while *filled < buffer.len() {
        match input.read(&mut buffer[*filled..]) {
            Ok(0) => return Ok(true),
            Ok(read) => *filled += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(false)
}

fn as_u64(index: usize) -> u64 {
    u64::try_from(index).unwrap_or(u64::MAX)
}

/// Line bookkeeping over absolute offsets, advanced monotonically.
struct Lines {
    /// Newlines are counted up to this offset.
    counted: u64,
    /// The line number at `counted`.
    line: u64,
    /// Offset where that line starts.
    line_start: u64,
}

impl Default for Lines {
    fn default() -> Self {
        Lines {
            counted: 0,
            line: 1,
            line_start: 0,
        }
    }
}

impl Lines {
    /// Line and column of offset `at` in the buffer that starts at offset
    /// `base`. Offsets come in increasing order; one that doesn't (only
    /// possible for a needle inside an earlier secret) gets the current line.
    fn position(&mut self, buffer: &[u8], base: u64, at: u64) -> (u64, u64) {
        if at > self.counted {
            let from = usize::try_from(self.counted - base).unwrap_or_default();
            let to = usize::try_from(at - base).unwrap_or_default();
            let span = &buffer[from..to];
            self.line += as_u64(memchr::memchr_iter(b'\n', span).count());
            if let Some(last) = memchr::memrchr(b'\n', span) {
                self.line_start = base + as_u64(from + last + 1);
            }
            self.counted = at;
        }
        (self.line, at.saturating_sub(self.line_start) + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TokenKind;

    fn scan(bytes: &[u8]) -> Outcome {
        Scanner::new()
            .scan(&Finder::new(), bytes)
            .expect("reading a slice never fails")
    }

    fn positions(bytes: &[u8]) -> Vec<(u64, u64)> {
        match scan(bytes) {
            Outcome::Text { finds, .. } => finds.iter().map(|f| (f.line, f.column)).collect(),
            Outcome::Binary => panic!("not binary"),
        }
    }

    fn secret() -> String {
        Secret::generate(TokenKind::Personal)
            .expect("randomness")
            .expose()
            .to_owned()
    }

    #[test]
    fn reports_line_and_byte_column() {
        let token = secret();
        let text = format!("first\nsecond {token}\n\n  {token} and {token}\n");
        assert_eq!(positions(text.as_bytes()), [(2, 8), (4, 3), (4, 50)]);
    }

    /// A secret at every offset around each chunk boundary is found once,
    /// at the right place.
    #[test]
    fn secrets_across_chunk_boundaries_are_found_once() {
        let token = secret();
        for boundary in [CHUNK, 2 * CHUNK - REACH - LOOKBEHIND] {
            for shift in 0..70 {
                let at = boundary - 50 + shift;
                let mut text = vec![b'x'; at];
                text[at / 2] = b'\n';
                text.extend_from_slice(token.as_bytes());
                text.extend_from_slice(&[b'y'; 100]);
                let expected = u64::try_from(at - at / 2).expect("small");
                assert_eq!(positions(&text), [(2, expected)], "secret at {at}");
            }
        }
    }

    #[test]
    fn a_huge_line_streams_in_fixed_memory() {
        let token = secret();
        let mut text = vec![b'a'; 5 * CHUNK + 17];
        text.extend_from_slice(token.as_bytes());
        let expected = u64::try_from(5 * CHUNK + 18).expect("small");
        assert_eq!(positions(&text), [(1, expected)]);
    }

    #[test]
    fn nul_in_the_first_8_kib_means_binary() {
        let token = secret();
        let text = format!("\0{token}");
        assert!(matches!(scan(text.as_bytes()), Outcome::Binary));
        let mut late = vec![b'a'; BINARY_PROBE];
        late.push(0);
        late.extend_from_slice(token.as_bytes());
        assert_eq!(positions(&late).len(), 1);
    }
}
