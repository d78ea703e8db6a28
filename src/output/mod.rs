//! Rendering for the terminal and for scripts.
//!
//! Data goes to stdout (a table, or JSON with `--json`); notes, warnings and
//! errors go to stderr so that `$(tokenctl create …)` captures the secret and
//! nothing else. Colors only when stderr is a terminal and `NO_COLOR` is unset.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use chrono::{DateTime, Utc};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::env;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Permissions, Status, Token};
use crate::policy;
use crate::time;

mod shape;
mod stream;
pub use shape::{Document, Shape};
pub use stream::ListStream;

#[derive(Debug, Clone)]
pub struct Output {
    /// Whether stdout gets JSON (or what `shape` makes of it) instead of
    /// tables and text: every command asks this before it prints.
    pub json: bool,
    pub shape: Shape,
    /// Nothing on stderr: shell completion runs beneath the user's prompt.
    pub silent: bool,
    pub color: bool,
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
}

impl Output {
    pub fn detect(shape: Shape) -> Output {
        Output {
            json: shape != Shape::Human,
            shape,
            silent: false,
            color: io::stderr().is_terminal() && !env::is_set(env::NO_COLOR),
            stdin_is_terminal: io::stdin().is_terminal(),
            stdout_is_terminal: io::stdout().is_terminal(),
        }
    }

    /// Output for shell completion: no prompt, no note, no color.
    pub fn silent() -> Output {
        Output {
            json: true,
            shape: Shape::Json,
            silent: true,
            color: false,
            stdin_is_terminal: false,
            stdout_is_terminal: false,
        }
    }

    /// Whether tokenctl may ask the user something: never in CI or a pipe.
    pub fn can_prompt(&self) -> bool {
        !self.silent
            && self.stdin_is_terminal
            && io::stderr().is_terminal()
            && !env::is_set(env::CI)
    }

    /// The command's JSON document, in the [`Shape`] asked for.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        if matches!(self.shape, Shape::Human | Shape::Json) {
            return self.whole_json(value);
        }
        self.shaped(&to_text(value)?)
    }

    /// What the [`Shape`] makes of a JSON document's text (whose order of
    /// keys jq keeps, as a `serde_json::Value` would not).
    fn shaped(&self, document: &str) -> Result<()> {
        let lines = self.shape.lines(document)?;
        self.text(&self.bare_lines(&lines))
    }

    /// Bare values, one per line: exact for a script, escaped (see
    /// [`printable`]) when a person reads them on a terminal, since a value
    /// such as a session's client is whatever someone sent.
    fn bare_lines(&self, lines: &[String]) -> String {
        lines
            .iter()
            .map(|line| {
                if self.stdout_is_terminal {
                    format!("{}\n", printable(line))
                } else {
                    format!("{line}\n")
                }
            })
            .collect()
    }

    /// A document that carries what is shown only once (a new token's
    /// secret, a one-time password): `-q` prints those alone, and a `--jq`
    /// or `--field` that leaves one out is warned about, since nothing can
    /// show it again: `lost` names it and says what to do instead.
    pub fn json_revealing<T: Serialize + ?Sized>(
        &self,
        value: &T,
        once: &[&str],
        lost: &str,
    ) -> Result<()> {
        match &self.shape {
            Shape::Human | Shape::Json => self.whole_json(value),
            Shape::Quiet(_) => self.text(
                &once
                    .iter()
                    .map(|secret| format!("{secret}\n"))
                    .collect::<String>(),
            ),
            Shape::Jq(_) | Shape::Field(_) => {
                let printed = self.shape.lines(&to_text(value)?);
                let text = self.bare_lines(printed.as_deref().unwrap_or_default());
                if once.iter().any(|secret| !text.contains(secret)) {
                    let option = if matches!(self.shape, Shape::Jq(_)) {
                        "--jq"
                    } else {
                        "--field"
                    };
                    self.warning(&format!("{option} left out {lost}"));
                }
                printed.and_then(|_| self.text(&text))
            }
        }
    }

    fn whole_json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let mut stdout = io::BufWriter::new(io::stdout().lock());
        let written = serde_json::to_writer_pretty(&mut stdout, value)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(stdout))
            .and_then(|()| stdout.flush());
        check_write(written)
    }

    /// One line of data on stdout.
    pub fn line(&self, text: &str) -> Result<()> {
        self.text(&format!("{text}\n"))
    }

    /// Data on stdout, as is.
    pub fn text(&self, text: &str) -> Result<()> {
        let mut stdout = io::stdout().lock();
        check_write(
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush()),
        )
    }

    /// Columns aligned with two spaces between them, header first, like
    /// `gh` and `kubectl`. Written in one pass after measuring the widths:
    /// a table of 100k tokens needs no more memory than its cells.
    pub fn table(&self, header: &[&str], rows: Vec<Vec<String>>) -> Result<()> {
        let rows = escaped_cells(rows);
        let mut widths: Vec<usize> = header.iter().map(|title| title.width()).collect();
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.width());
            }
        }
        let mut stdout = io::BufWriter::new(io::stdout().lock());
        let header = header.iter().map(|title| (*title).to_owned()).collect();
        for row in std::iter::once(header).chain(rows) {
            if let Err(error) = write_row(&mut stdout, &widths, &row) {
                return check_write(Err(error));
            }
        }
        check_write(stdout.flush())
    }

    /// Key/value pairs, aligned, for `show`-style output; each value on its
    /// one line, escaped (see [`printable`]).
    pub fn fields(&self, pairs: &[(&str, String)]) -> Result<()> {
        let width = pairs.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
        let text: String = pairs
            .iter()
            .map(|(key, value)| format!("{key:<width$}  {}\n", printable(value)))
            .collect();
        self.text(&text)
    }

    /// A note for the human, on stderr.
    pub fn note(&self, text: &str) {
        self.to_stderr(&printable(text));
    }

    /// A note in `color` (when colors are on).
    pub fn note_in(&self, color: &str, text: &str) {
        self.to_stderr(&self.paint(&printable(text), color));
    }

    pub fn success(&self, text: &str) {
        self.to_stderr(&format!("{} {}", self.paint("✓", GREEN), printable(text)));
    }

    pub fn warning(&self, text: &str) {
        self.to_stderr(&format!(
            "{} {}",
            self.paint("warning:", YELLOW),
            printable(text)
        ));
    }

    pub fn error(&self, error: &Error) {
        self.failure(
            &error.message,
            crate::cmd::hints::next_step(error).as_deref(),
        );
    }

    /// `error: …` and `hint: …` on stderr: how a failed command ends, and
    /// how a command whose answer is "no" says so (`scan` finding tokens).
    pub fn failure(&self, message: &str, hint: Option<&str>) {
        self.to_stderr(&format!(
            "{} {}",
            self.paint("error:", RED),
            printable(message)
        ));
        if let Some(hint) = hint {
            self.to_stderr(&format!(
                "{} {}",
                self.paint("hint:", CYAN),
                printable(hint)
            ));
        }
    }

    fn to_stderr(&self, line: &str) {
        if !self.silent {
            eprintln!("{line}");
        }
    }

    pub fn paint(&self, text: &str, color: &str) -> String {
        if self.color {
            format!("\x1b[{color}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

pub const RED: &str = "1;31";
pub const GREEN: &str = "32";
pub const YELLOW: &str = "33";
pub const CYAN: &str = "36";

/// `text` as a person may safely read it on a terminal: control characters
/// (escape sequences, CR/LF that would forge a line, BEL) and deceptive
/// ones ([`policy::is_deceptive`]: bidi overrides, zero-width) written as
/// `\u{…}`, so a hostile value shows as what it is. Everything else is left
/// alone; `--json` output never goes through here.
pub fn printable(text: &str) -> Cow<'_, str> {
    let hostile = |c: char| c.is_control() || policy::is_deceptive(c);
    if !text.contains(hostile) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hostile(c) {
            escaped.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// Cells as a person may read them (see [`printable`]).
fn escaped_cells(rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    rows.into_iter()
        .map(|row| {
            row.into_iter()
                .map(|cell| match printable(&cell) {
                    Cow::Borrowed(_) => cell,
                    Cow::Owned(escaped) => escaped,
                })
                .collect()
        })
        .collect()
}

fn write_row(out: &mut impl Write, widths: &[usize], cells: &[String]) -> io::Result<()> {
    let last = cells.len().saturating_sub(1);
    for (index, (cell, width)) in cells.iter().zip(widths).enumerate() {
        if index == last {
            writeln!(out, "{cell}")?;
        } else {
            let padding = width.saturating_sub(cell.width()) + 2;
            write!(out, "{cell}{:padding$}", "")?;
        }
    }
    Ok(())
}

fn to_text<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|error| Error::internal(format!("cannot make the JSON output: {error}")))
}

/// A closed pipe (`tokenctl list | head`) ends the command as
/// [`ErrorKind::OutputClosed`]: `run` exits 0 without a word.
fn check_write(result: io::Result<()>) -> Result<()> {
    match result {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Err(Error::new(
            ErrorKind::OutputClosed,
            "the reader of stdout went away",
        )),
        Err(error) => Err(Error::internal(format!("cannot write output: {error}"))),
    }
}

/// A token as `list --json` and `show --json` print it.
#[derive(Debug, Serialize)]
pub struct TokenView<'a> {
    #[serde(flatten)]
    pub token: &'a Token,
    pub status: Status,
}

impl<'a> TokenView<'a> {
    pub fn new(token: &'a Token, now: DateTime<Utc>) -> TokenView<'a> {
        TokenView {
            token,
            status: token.status_at(now),
        }
    }
}

/// `LIST`'s columns for one token.
pub fn token_row(token: &Token, now: DateTime<Utc>) -> Vec<String> {
    vec![
        token.id.to_string(),
        token.name.clone(),
        token.kind.to_string(),
        token_role(token),
        token.owner.clone(),
        token.created_at.format("%Y-%m-%d").to_string(),
        expiry_text(token, now),
        token
            .last_used_at
            .map_or_else(|| "never".to_owned(), |at| time::relative(at, now)),
        allowed_from_short(token),
        token.status_at(now).to_string(),
    ]
}

/// [`allowed_from`] in a table cell: the first range and how many more.
fn allowed_from_short(token: &Token) -> String {
    match token.allowed_ips.as_slice() {
        [] => "anywhere".to_owned(),
        [only] => only.to_string(),
        [first, rest @ ..] => format!("{first} +{}", rest.len()),
    }
}

pub const TOKEN_HEADER: [&str; 10] = [
    "ID",
    "NAME",
    "TYPE",
    "ROLE",
    "OWNER",
    "CREATED",
    "EXPIRES",
    "LAST USED",
    "FROM",
    "STATUS",
];

/// The token's role, marked when the token may do less than the role
/// (`admin (reduced)`): `show` says why.
pub fn token_role(token: &Token) -> String {
    if token.is_reduced() {
        format!("{} (reduced)", token.role)
    } else {
        token.role.clone()
    }
}

/// "in 29d", "never", "3d ago" for revoked/expired tokens too.
pub fn expiry_text(token: &Token, now: DateTime<Utc>) -> String {
    token
        .expires_at
        .map_or_else(|| "never".to_owned(), |at| time::relative(at, now))
}

/// "2026-12-25 12:00 UTC (in 30d)".
pub fn instant_long(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    format!(
        "{} ({})",
        at.format("%Y-%m-%d %H:%M UTC"),
        time::relative(at, now)
    )
}

/// When, from where and with what a token was last used: "2026-12-07
/// 10:00 UTC (3m ago) from 10.0.0.5 with curl/8.5.0", or "never".
pub fn last_use_long(token: &Token, now: DateTime<Utc>) -> String {
    let Some(at) = token.last_used_at else {
        return "never".to_owned();
    };
    let mut text = instant_long(at, now);
    if let Some(from) = &token.last_used_from {
        text.push_str(&format!(" from {from}"));
    }
    if let Some(agent) = &token.last_used_agent {
        text.push_str(&format!(" with {agent}"));
    }
    text
}

/// How long a token may go unused and when it goes (or went) idle:
/// "90d unused: 2027-03-07 10:00 UTC (in 90d)", or "-".
pub fn idle_long(token: &Token, now: DateTime<Utc>) -> String {
    match (token.max_idle_seconds, token.idle_from()) {
        (Some(seconds), Some(idle)) => format!(
            "{} unused: {}",
            time::compact(chrono::Duration::seconds(seconds)),
            instant_long(idle, now)
        ),
        _ => "-".to_owned(),
    }
}

/// Where a token may be used from: its allow-list, or "anywhere".
pub fn allowed_from(token: &Token) -> String {
    if token.allowed_ips.is_empty() {
        return "anywhere".to_owned();
    }
    crate::network::join(&token.allowed_ips)
}

/// [`instant_long`], or "never".
pub fn expiry_long(expires_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    expires_at.map_or_else(|| "never".to_owned(), |at| instant_long(at, now))
}

/// Who lacked what a grant stripped, as a warning says it: "you don't",
/// or "you or OWNER don't" when the grant is someone else's.
pub fn who_lacks(owner: &str, creator: &str) -> String {
    if owner == creator {
        "you don't".to_owned()
    } else {
        format!("you or {owner} don't")
    }
}

pub fn permission_list(permissions: &Permissions) -> String {
    if permissions.is_empty() {
        return "(none)".to_owned();
    }
    let names: Vec<&str> = permissions.iter().map(|p| p.as_str()).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_shown_as_what_it_is() {
        assert_eq!(printable("deploy — Über"), "deploy — Über");
        assert!(matches!(printable("plain"), Cow::Borrowed(_)));
        assert_eq!(
            printable("\u{1b}]0;PWNED\u{7}\r\nforged"),
            "\\u{1b}]0;PWNED\\u{7}\\u{d}\\u{a}forged"
        );
        assert_eq!(printable("safe\u{202e}gnp.exe"), "safe\\u{202e}gnp.exe");
        assert_eq!(printable("zero\u{200b}width"), "zero\\u{200b}width");
    }
}
