//! Files and directories, walked the way ripgrep walks them — with its own
//! walker (`ignore`): `.gitignore`, `.ignore` and `.git/info/exclude` are
//! honoured, directories are read on every core, and with `follow_links`
//! a symlink loop is detected and reported instead of followed forever.
//!
//! Unlike ripgrep, hidden files are scanned (`.env`, `.npmrc` and `.netrc`
//! are where tokens leak), and only `.git` directories themselves are left
//! out: their objects are compressed, and what they hold is scanned where
//! it is checked out.

use std::path::PathBuf;
use std::sync::Mutex;

use ignore::{DirEntry, ParallelVisitor, ParallelVisitorBuilder, WalkBuilder, WalkState};

use super::stream::Scanner;
use super::{Problems, Report, STDIN, finder, label};

#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions {
    /// Follow symbolic links (ripgrep's `-L`); loops are reported.
    pub follow_links: bool,
    /// Scan what `.gitignore` and `.ignore` files exclude, too.
    pub no_ignore: bool,
}

/// Scans `paths` (`-` is stdin) into `report`; what can't be read goes to
/// `problems` and the walk goes on.
pub fn scan_paths(
    paths: &[PathBuf],
    options: WalkOptions,
    report: &mut Report,
    problems: &Problems,
) {
    let Some((first, rest)) = paths.split_first() else {
        return;
    };
    let mut builder = WalkBuilder::new(first);
    for path in rest {
        builder.add(path);
    }
    builder
        .hidden(false)
        .follow_links(options.follow_links)
        .git_ignore(!options.no_ignore)
        .git_exclude(!options.no_ignore)
        .git_global(!options.no_ignore)
        .ignore(!options.no_ignore)
        .parents(!options.no_ignore)
        .filter_entry(|entry| entry.file_name() != ".git");
    let shared = Mutex::new(std::mem::take(report));
    builder.build_parallel().visit(&mut Workers {
        shared: &shared,
        problems,
    });
    *report = shared
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
}

/// Makes one [`Worker`] per walker thread.
struct Workers<'a> {
    shared: &'a Mutex<Report>,
    problems: &'a Problems,
}

impl<'s> ParallelVisitorBuilder<'s> for Workers<'s> {
    fn build(&mut self) -> Box<dyn ParallelVisitor + 's> {
        Box::new(Worker {
            scanner: Scanner::new(),
            local: Report::default(),
            shared: self.shared,
            problems: self.problems,
        })
    }
}

/// Scans the files one thread is given into its own report, merged into
/// the shared one when the thread ends: no lock per file.
struct Worker<'a> {
    scanner: Scanner,
    local: Report,
    shared: &'a Mutex<Report>,
    problems: &'a Problems,
}

impl ParallelVisitor for Worker<'_> {
    fn visit(&mut self, entry: Result<DirEntry, ignore::Error>) -> WalkState {
        match entry {
            Ok(entry) => self.scan_entry(&entry),
            Err(error) => {
                self.local.unreadable += 1;
                let missing = error
                    .io_error()
                    .is_some_and(|error| error.kind() == std::io::ErrorKind::NotFound);
                self.local.missing += u64::from(missing);
                (self.problems)(&label(&describe_error(&error)));
            }
        }
        WalkState::Continue
    }
}

impl Worker<'_> {
    fn scan_entry(&mut self, entry: &DirEntry) {
        if entry.is_stdin() {
            let outcome = self.scanner.scan(finder(), std::io::stdin().lock());
            self.local.record(STDIN, outcome, self.problems);
            return;
        }
        let file_type = entry.file_type();
        let is_file = file_type.is_some_and(|kind| kind.is_file());
        let is_dir = file_type.is_some_and(|kind| kind.is_dir());
        // A path named on the command line is read whatever it is (a FIFO,
        // /dev/stdin); inside directories only regular files are.
        if is_file || (entry.depth() == 0 && !is_dir) {
            let source = label(&entry.path().display().to_string());
            let outcome = std::fs::File::open(entry.path())
                .and_then(|file| self.scanner.scan(finder(), file));
            self.local.record(&source, outcome, self.problems);
        }
    }
}

impl Drop for Worker<'_> {
    fn drop(&mut self) {
        let mut shared = self
            .shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        shared.merge(std::mem::take(&mut self.local));
    }
}

/// The walker's error as one line that starts with the path it concerns.
fn describe_error(error: &ignore::Error) -> String {
    match error {
        ignore::Error::Loop { ancestor, child } => format!(
            "{}: symbolic link loop (points back to {}), not followed",
            child.display(),
            ancestor.display()
        ),
        ignore::Error::WithPath { path, err } => {
            format!("{}: {}", path.display(), describe_error(err))
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            describe_error(err)
        }
        other => other.to_string(),
    }
}
