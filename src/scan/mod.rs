//! Leak scanning: finding tokenctl secrets in text, files, trees and the
//! git index.
//!
//! * [`find`] — the finder over a byte slice (plain and base64), pure;
//! * [`stream`] — one input of any size, in fixed-size chunks;
//! * [`walk`] — files and directories (`.gitignore`-aware, parallel);
//! * [`staged`] — the staged content of a git repository.
//!
//! This module decides nothing about output or exit codes: it returns a
//! [`Report`], hands every unreadable input to a callback and goes on, and
//! says which finds count as live ([`Verdict`]). The command renders.

pub mod find;
pub mod staged;
pub mod stream;
pub mod walk;

use std::io;
use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use find::{Encoding, Finder};
pub use stream::{Found, Outcome};
pub use walk::WalkOptions;

use crate::error::Result;
use crate::model::{Status, Token};
use crate::policy;

/// How stdin is named in reports and audit reasons.
pub const STDIN: &str = "<stdin>";

/// Called once per input that can't be read, with one line that starts
/// with the input's name. The scan goes on.
pub type Problems = dyn Fn(&str) + Sync;

/// The needles, compiled once per process.
pub fn finder() -> &'static Finder {
    static FINDER: LazyLock<Finder> = LazyLock::new(Finder::new);
    &FINDER
}

/// The distinct tokenctl secrets in `text`, in the order they first
/// appear: whatever surrounds them (a log line, `Authorization: Bearer …`,
/// JSON, base64) is skipped, and look-alikes fail their checksum.
pub fn secrets_in(text: &str) -> Vec<crate::secret::Secret> {
    let mut seen = std::collections::HashSet::new();
    finder()
        .hits(text.as_bytes(), 0..text.len())
        .map(|hit| hit.secret)
        .filter(|secret| seen.insert(secret.hash()))
        .collect()
}

/// What to scan.
#[derive(Debug, Clone)]
pub enum Inputs {
    /// Files and directories; `-` is stdin.
    Paths(Vec<PathBuf>),
    /// The staged files of the git repository in the current directory.
    Staged,
}

/// Scans `inputs`; see [`Problems`] for what can't be read.
pub fn scan(inputs: &Inputs, options: WalkOptions, problems: &Problems) -> Result<Report> {
    let mut report = Report::default();
    match inputs {
        Inputs::Paths(paths) => walk::scan_paths(paths, options, &mut report, problems),
        Inputs::Staged => staged::scan_staged(&mut report, problems)?,
    }
    report.finds.sort_by(|a, b| {
        (&a.source, a.found.line, a.found.column).cmp(&(&b.source, b.found.line, b.found.column))
    });
    Ok(report)
}

/// A secret and the input it was found in.
#[derive(Debug, Clone)]
pub struct Located {
    /// The input's name: a path as given or walked, a repository path, or
    /// [`STDIN`]; safe to print (see [`label`]).
    pub source: String,
    pub found: Found,
}

/// Everything a scan gave, finds sorted by input, line and column.
#[derive(Debug, Default)]
pub struct Report {
    pub finds: Vec<Located>,
    /// Inputs read to the end, and their bytes.
    pub files: u64,
    pub bytes: u64,
    /// Inputs skipped as binary.
    pub binary: u64,
    /// Inputs that could not be read (each one was passed to [`Problems`]).
    pub unreadable: u64,
    /// Of those, the ones that do not exist (a mistyped path, most likely).
    pub missing: u64,
}

impl Report {
    /// Adds the outcome of scanning one input.
    pub fn record(&mut self, source: &str, outcome: io::Result<Outcome>, problems: &Problems) {
        match outcome {
            Ok(Outcome::Text { bytes, finds }) => {
                self.files += 1;
                self.bytes += bytes;
                self.finds.extend(finds.into_iter().map(|found| Located {
                    source: source.to_owned(),
                    found,
                }));
            }
            Ok(Outcome::Binary) => self.binary += 1,
            Err(error) => {
                self.unreadable += 1;
                self.missing += u64::from(error.kind() == io::ErrorKind::NotFound);
                problems(&format!("{source}: {error}"));
            }
        }
    }

    pub fn merge(&mut self, other: Report) {
        self.finds.extend(other.finds);
        self.files += other.files;
        self.bytes += other.bytes;
        self.binary += other.binary;
        self.unreadable += other.unreadable;
        self.missing += other.missing;
    }
}

/// A name that is safe to print and to write into the audit log: control
/// characters (a newline in a file name) become `?`, and a secret in a file
/// name becomes its hint.
pub fn label(name: &str) -> String {
    let printable: String = name
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    finder().redact(&printable)
}

/// The audit reason of a token revoked because a scan found it in
/// `source`, shortened from the left to fit the reason limit.
pub fn leak_reason(source: &str) -> String {
    const LEAD: &str = "leaked: found by scan in ";
    let room = policy::MAX_REASON_LEN - LEAD.chars().count();
    let length = source.chars().count();
    if length <= room {
        return format!("{LEAD}{source}");
    }
    let tail: String = source.chars().skip(length - room + 1).collect();
    format!("{LEAD}…{tail}")
}

/// Where a found secret stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Active,
    Expired,
    Revoked,
    /// Unused past its `--max-idle`: refused now, but a regeneration with
    /// `--grace` would let this very secret work again for a while.
    Idle,
    /// The store or server asked does not know it: it may belong to another.
    NotFound,
    /// No store or server could be asked.
    Unknown,
}

impl Verdict {
    /// `None` when the store was asked and had no such token.
    pub fn of(token: Option<&Token>, now: DateTime<Utc>) -> Verdict {
        match token.map(|token| token.status_at(now)) {
            Some(Status::Active) => Verdict::Active,
            Some(Status::Expired) => Verdict::Expired,
            Some(Status::Revoked) => Verdict::Revoked,
            Some(Status::Idle) => Verdict::Idle,
            None => Verdict::NotFound,
        }
    }

    /// Whether the secret may still work somewhere: a leak gate fails
    /// closed, so a secret that can't be shown dead counts as live.
    pub fn is_live(self) -> bool {
        matches!(
            self,
            Verdict::Active | Verdict::Idle | Verdict::NotFound | Verdict::Unknown
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Active => "active",
            Verdict::Expired => "expired",
            Verdict::Revoked => "revoked",
            Verdict::Idle => "idle",
            Verdict::NotFound => "not_found",
            Verdict::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TokenKind;
    use crate::secret::Secret;

    #[test]
    fn labels_are_one_printable_line_without_secrets() {
        let secret = Secret::generate(TokenKind::Service).expect("randomness");
        let name = format!("logs/{}\nx.txt", secret.expose());
        assert_eq!(label(&name), format!("logs/{}?x.txt", secret.hint()));
    }

    #[test]
    fn leak_reasons_fit_the_reason_limit() {
        assert_eq!(leak_reason("a.txt"), "leaked: found by scan in a.txt");
        let long = format!("{}/end.txt", "d".repeat(1000));
        let reason = leak_reason(&long);
        assert_eq!(reason.chars().count(), policy::MAX_REASON_LEN);
        assert!(reason.starts_with("leaked: found by scan in …d"));
        assert!(reason.ends_with("/end.txt"));
        assert!(policy::check_reason(&reason).is_ok());
    }

    #[test]
    fn only_tokens_shown_dead_are_not_live() {
        let live: Vec<bool> = [
            Verdict::Active,
            Verdict::Expired,
            Verdict::Revoked,
            Verdict::NotFound,
            Verdict::Unknown,
        ]
        .into_iter()
        .map(Verdict::is_live)
        .collect();
        assert_eq!(live, [true, false, false, true, true]);
    }
}
