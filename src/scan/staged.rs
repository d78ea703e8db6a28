//! What `git commit` would record: the staged content of every added,
//! copied, modified or retyped file of the repository in the current
//! directory — the index, not the working tree, so a token removed from the
//! file but still staged is found, and one only in the working tree is not.
//!
//! Two git processes whatever the number of files: `git diff --cached
//! --raw` names the staged blobs, and one `git cat-file --batch` streams
//! them all; each blob goes through the scanner without being held whole.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use super::stream::Scanner;
use super::{Problems, Report, finder, label};
use crate::error::{Error, Result};

/// A gitlink (submodule commit): nothing to read in this repository.
const GITLINK_MODE: &str = "160000";

/// A staged file: its path in the repository and its blob's object id.
struct StagedFile {
    path: String,
    blob: String,
}

/// Scans the index of the repository in the current directory.
pub fn scan_staged(report: &mut Report, problems: &Problems) -> Result<()> {
    let files = staged_files()?;
    if files.is_empty() {
        return Ok(());
    }
    let mut batch = git(&["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| git_missing(&error))?;
    let writer = feed_ids(&mut batch, &files)?;
    let stdout = batch
        .stdout
        .take()
        .ok_or_else(|| Error::internal("git cat-file has no stdout"))?;
    let read = read_blobs(BufReader::new(stdout), &files, report, problems);
    let _ = writer.join();
    let status = batch
        .wait()
        .map_err(|error| Error::internal(format!("git cat-file: {error}")))?;
    read?;
    if !status.success() {
        return Err(Error::internal(format!("git cat-file failed ({status})")));
    }
    Ok(())
}

/// The staged files whose content a commit would add or change.
fn staged_files() -> Result<Vec<StagedFile>> {
    // Outside a repository `git diff` would compare files instead.
    git_output(&["rev-parse", "--git-dir"])?;
    let raw = git_output(&[
        "diff",
        "--cached",
        "--raw",
        "-z",
        "--no-abbrev",
        "--no-renames",
        "--diff-filter=ACMT",
    ])?;
    Ok(parse_raw_diff(&raw))
}

/// What a git command printed; its first line of complaint when it fails.
fn git_output(args: &[&str]) -> Result<Vec<u8>> {
    let output = git(args)
        .stderr(Stdio::piped())
        .output()
        .map_err(|error| git_missing(&error))?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        let why = why.lines().next().unwrap_or("git failed").trim();
        return Err(Error::invalid(format!("--staged: {why}"))
            .with_hint("run it inside a git repository, e.g. from a pre-commit hook"));
    }
    Ok(output.stdout)
}

/// `:old_mode new_mode old_id new_id status NUL path NUL`, repeated.
fn parse_raw_diff(raw: &[u8]) -> Vec<StagedFile> {
    let mut fields = raw.split(|&byte| byte == 0);
    let mut files = Vec::new();
    while let (Some(header), Some(path)) = (fields.next(), fields.next()) {
        let header = String::from_utf8_lossy(header);
        let parts: Vec<&str> = header.trim_start_matches(':').split(' ').collect();
        if let [_, new_mode, _, blob, _] = parts.as_slice()
            && *new_mode != GITLINK_MODE
        {
            files.push(StagedFile {
                path: String::from_utf8_lossy(path).into_owned(),
                blob: (*blob).to_owned(),
            });
        }
    }
    files
}

/// Writes the object ids on a thread of its own: git answers while it
/// reads, and a full pipe either way would otherwise deadlock.
fn feed_ids(batch: &mut Child, files: &[StagedFile]) -> Result<std::thread::JoinHandle<()>> {
    let mut stdin: ChildStdin = batch
        .stdin
        .take()
        .ok_or_else(|| Error::internal("git cat-file has no stdin"))?;
    let ids: String = files
        .iter()
        .map(|file| format!("{}\n", file.blob))
        .collect();
    Ok(std::thread::spawn(move || {
        // A write error means git exited; reading its output says why.
        let _ = stdin.write_all(ids.as_bytes());
    }))
}

/// Reads `<id> <type> <size>\n<content>\n` per file, in order.
fn read_blobs(
    mut answers: impl BufRead,
    files: &[StagedFile],
    report: &mut Report,
    problems: &Problems,
) -> Result<()> {
    let mut scanner = Scanner::new();
    let broken = |error: io::Error| Error::internal(format!("reading from git cat-file: {error}"));
    for file in files {
        let source = label(&file.path);
        let mut header = String::new();
        answers.read_line(&mut header).map_err(broken)?;
        let Some(size) = blob_size(&header) else {
            report.record(
                &source,
                Err(io::Error::other(format!("git has no blob {}", file.blob))),
                problems,
            );
            continue;
        };
        let mut content = (&mut answers).take(size);
        let outcome = scanner.scan(finder(), &mut content);
        // A binary blob is left unread by the scanner: skip its rest.
        io::copy(&mut content, &mut io::sink()).map_err(broken)?;
        report.record(&source, outcome, problems);
        let mut newline = [0u8; 1];
        answers.read_exact(&mut newline).map_err(broken)?;
    }
    Ok(())
}

/// The size in `<id> blob <size>`; `None` for `<id> missing`.
fn blob_size(header: &str) -> Option<u64> {
    let mut parts = header.split_whitespace();
    let (_, kind, size) = (parts.next()?, parts.next()?, parts.next()?);
    (kind == "blob").then(|| size.parse().ok()).flatten()
}

fn git(args: &[&str]) -> Command {
    let mut command = Command::new("git");
    command.args(args).stdin(Stdio::null());
    command
}

fn git_missing(error: &io::Error) -> Error {
    Error::invalid(format!(
        "--staged needs git, which could not be run: {error}"
    ))
    .with_hint("install git, or scan files by path")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_diff_names_blobs_and_skips_submodules() {
        let a = "a".repeat(40);
        let b = "b".repeat(40);
        let zero = "0".repeat(40);
        let raw = format!(
            ":000000 100644 {zero} {a} A\0dir/new file.txt\0\
             :160000 160000 {a} {b} M\0vendor/lib\0\
             :100644 100755 {a} {b} M\0run.sh\0"
        );
        let files = parse_raw_diff(raw.as_bytes());
        let found: Vec<(&str, &str)> = files
            .iter()
            .map(|file| (file.path.as_str(), file.blob.as_str()))
            .collect();
        assert_eq!(
            found,
            [("dir/new file.txt", a.as_str()), ("run.sh", b.as_str())]
        );
    }

    #[test]
    fn blob_headers() {
        assert_eq!(blob_size("abc blob 12\n"), Some(12));
        assert_eq!(blob_size("abc missing\n"), None);
        assert_eq!(blob_size("abc tree 12\n"), None);
    }
}
