//! `tokenctl scan`: is there a live token in this log, file, tree or
//! commit, whose is it — and, with `--revoke`, kill it.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;

use super::{Context, ExitStatus, Target};
use crate::backend::Backend;
use crate::error::{Error, Result};
use crate::model::{Token, TokenKind};
use crate::scan::{self, Encoding, Inputs, Located, Report, Verdict, WalkOptions};
use crate::secret::{Secret, SecretHash};
use crate::time;

/// Find leaked tokens in files, directories, stdin or staged changes
///
/// Reads the files and directories named (stdin when none; - is stdin too)
/// and reports every tokenctl token in them: file, line, column, kind and
/// hint, and — asked of the store or server, which needs no login for this —
/// the token's ID, name, owner and status. The secret is never printed.
///
/// What is found: a prefix (tcpat_, tcsvc_) and 36 characters whose checksum
/// matches; a look-alike with a wrong checksum is not reported. Tokens are
/// found as they are written in text, JSON, YAML and URLs (URL encoding
/// leaves a token's letters, digits and _ unchanged), and inside base64
/// (standard or URL-safe alphabet: Basic auth headers, Kubernetes secrets)
/// when the base64 is on one line; base64 wrapped over lines is not decoded.
///
/// Directories are walked like ripgrep walks them: .gitignore and .ignore are
/// honoured (--no-ignore: scan ignored files too) and binary files (a NUL
/// byte in the first 8 KiB) are skipped. Unlike ripgrep, hidden files such as
/// .env are scanned; .git directories are not. Symbolic links are followed
/// with --follow only, and a loop is reported. A file that can't be read is
/// reported on stderr, one line each, and the scan goes on.
///
/// --staged scans what `git commit` would record (the index), for a
/// pre-commit hook. --revoke revokes every active token found and writes
/// "leaked: found by scan in FILE" into its audit entry; it asks first on a
/// terminal and refuses without --yes otherwise.
///
/// STATUS is active, expired or revoked; not_found when the store or server
/// doesn't know the token (it may belong to another one); unknown when
/// neither could be reached (a note on stderr says why). A token is live
/// unless it is shown expired or revoked.
///
/// Exit codes: 0 no live token found; 1 live tokens found (tokens --revoke
/// revoked no longer count); 2 no live token, but some input could not be
/// read — the scan is incomplete — or a usage error; 3 to 6 as for every
/// command, e.g. 6 when --revoke can't reach the server.
///
/// Examples:
///   tokenctl scan build.log config/
///   kubectl logs deploy/api | tokenctl scan
///   tokenctl scan --json . > finds.json
///   tokenctl scan --staged                  # in .git/hooks/pre-commit
///   tokenctl scan --revoke --yes leak.txt
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files or directories to scan; - is stdin [default: stdin]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Scan the staged changes of the git repository here (what a commit
    /// would record)
    #[arg(long, conflicts_with = "paths")]
    pub staged: bool,

    /// Revoke every active token found (asks first on a terminal)
    #[arg(long)]
    pub revoke: bool,

    /// With --revoke: do not ask for confirmation
    #[arg(long, short, requires = "revoke")]
    pub yes: bool,

    /// Follow symbolic links (a loop is reported, not followed)
    #[arg(long, short = 'L')]
    pub follow: bool,

    /// Also scan files that .gitignore and .ignore files exclude
    #[arg(long)]
    pub no_ignore: bool,
}

/// One distinct secret found (maybe in several places), and its token.
struct Leak {
    secret: Secret,
    /// Where it was found first: named in the revocation's audit reason.
    first_source: String,
    token: Option<Token>,
    verdict: Verdict,
    revoked_now: bool,
}

/// A find as `--json` prints it. Never the secret.
#[derive(Serialize)]
struct FindView<'a> {
    file: &'a str,
    line: u64,
    column: u64,
    kind: TokenKind,
    encoding: Encoding,
    hint: String,
    status: Verdict,
    live: bool,
    id: Option<i64>,
    name: Option<&'a str>,
    owner: Option<&'a str>,
    revoked_now: bool,
}

const HEADER: [&str; 9] = [
    "FILE", "LINE", "COL", "KIND", "HINT", "ID", "NAME", "OWNER", "STATUS",
];

/// Without a terminal to confirm `--revoke` on, the scan still runs and
/// shows what it found; the revocation is then refused (exit 2) unless
/// `--yes` was given.
pub async fn run(ctx: &Context, args: Args) -> Result<ExitStatus> {
    let report = collect(ctx, &args).await?;
    let (mut leaks, index) = distinct(&report);
    let lookup = check(ctx, &mut leaks).await;
    let revoked = match (&lookup, args.revoke) {
        (Ok(Some(backend)), true) => revoke(ctx, backend.as_ref(), &mut leaks, args.yes).await,
        (Err(error), true) => Err(error.clone()),
        _ => Ok(()),
    };
    render(ctx, &report, &leaks, &index)?;
    summarize(ctx, &report, &leaks);
    revoked?;
    exit_status(ctx, &report, &leaks, args.staged)
}

/// Runs the scan on the blocking pool: it reads files on every core.
async fn collect(ctx: &Context, args: &Args) -> Result<Report> {
    let inputs = if args.staged {
        Inputs::Staged
    } else if args.paths.is_empty() {
        if ctx.out.stdin_is_terminal {
            return Err(
                Error::invalid("nothing to scan: no path given and stdin is a terminal")
                    .with_hint("name files or directories, pipe text in, or pass --staged"),
            );
        }
        Inputs::Paths(vec![PathBuf::from("-")])
    } else {
        Inputs::Paths(args.paths.clone())
    };
    let options = WalkOptions {
        follow_links: args.follow,
        no_ignore: args.no_ignore,
    };
    let out = ctx.out.clone();
    let problems = move |problem: &str| out.warning(&format!("cannot read {problem}"));
    tokio::task::spawn_blocking(move || scan::scan(&inputs, options, &problems))
        .await
        .map_err(|error| Error::internal(format!("the scan stopped: {error}")))?
}

/// One [`Leak`] per distinct secret, and each secret's index among them.
fn distinct(report: &Report) -> (Vec<Leak>, HashMap<SecretHash, usize>) {
    let mut leaks = Vec::new();
    let mut index = HashMap::new();
    for find in &report.finds {
        index.entry(find.found.secret.hash()).or_insert_with(|| {
            leaks.push(Leak {
                secret: find.found.secret.clone(),
                first_source: find.source.clone(),
                token: None,
                verdict: Verdict::Unknown,
                revoked_now: false,
            });
            leaks.len() - 1
        });
    }
    (leaks, index)
}

/// Asks the store or server about every leak. When it can't be asked the
/// leaks stay `unknown`, one warning says why, and the error comes back
/// (for `--revoke`, which can't go on without it).
async fn check(ctx: &Context, leaks: &mut [Leak]) -> Result<Option<std::sync::Arc<dyn Backend>>> {
    if leaks.is_empty() {
        return Ok(None);
    }
    let result = inspect_all(ctx, leaks).await;
    if let Err(error) = &result {
        ctx.out.warning(&format!(
            "the tokens found were not checked ({}): their status is unknown",
            error.message
        ));
    }
    result.map(Some)
}

async fn inspect_all(ctx: &Context, leaks: &mut [Leak]) -> Result<std::sync::Arc<dyn Backend>> {
    let backend = lookup_backend(ctx).await?;
    let now = time::now();
    for leak in leaks.iter_mut() {
        let token = backend.inspect_secret(&leak.secret).await?;
        leak.verdict = Verdict::of(token.as_ref(), now);
        leak.token = token;
    }
    Ok(backend)
}

/// The store or server to ask. A server is asked without credentials:
/// inspecting and revoking by value need none, so no login is required.
/// A local store that doesn't exist is not created.
async fn lookup_backend(ctx: &Context) -> Result<std::sync::Arc<dyn Backend>> {
    if matches!(ctx.target()?, Target::Local) && !ctx.settings.store.exists() {
        return Err(Error::not_found(format!(
            "there is no token store at {}",
            ctx.settings.store.display()
        ))
        .with_hint("pass --store PATH or --server URL"));
    }
    ctx.backend_without_login().await
}

/// Revokes every active leak by value, after one confirmation. Goes on
/// past a failure (with a leak every second counts) and reports it after.
async fn revoke(ctx: &Context, backend: &dyn Backend, leaks: &mut [Leak], yes: bool) -> Result<()> {
    let targets: Vec<&mut Leak> = leaks
        .iter_mut()
        .filter(|leak| leak.verdict == Verdict::Active)
        .collect();
    if targets.is_empty() {
        return Ok(());
    }
    let listing: Vec<String> = targets
        .iter()
        .filter_map(|leak| leak.token.as_ref())
        .map(describe)
        .collect();
    let question = format!("Revoke {}? This cannot be undone", listing.join(", "));
    ctx.confirm_or_cancel(&question, yes, "Nothing revoked.")?;
    let total = targets.len();
    let mut failures = Vec::new();
    for leak in targets {
        let reason = scan::leak_reason(&leak.first_source);
        match backend.revoke_by_secret(&leak.secret, Some(&reason)).await {
            Ok(revocation) => {
                ctx.out
                    .success(&format!("Revoked {}", describe(&revocation.token)));
                leak.verdict = Verdict::of(Some(&revocation.token), time::now());
                leak.revoked_now = revocation.newly_revoked;
                leak.token = Some(revocation.token);
            }
            Err(error) => {
                ctx.out.error(&error);
                failures.push(error);
            }
        }
    }
    match failures.first() {
        None => Ok(()),
        Some(first) => Err(Error::new(
            first.kind,
            format!("{} of {total} tokens could not be revoked", failures.len()),
        )),
    }
}

/// `token 3 'deploy' (tcpat_…Ab3x) of alice`.
fn describe(token: &Token) -> String {
    format!(
        "token {} '{}' ({}) of {}",
        token.id, token.name, token.hint, token.owner
    )
}

fn render(
    ctx: &Context,
    report: &Report,
    leaks: &[Leak],
    index: &HashMap<SecretHash, usize>,
) -> Result<()> {
    let finds = report
        .finds
        .iter()
        .map(|find| (find, &leaks[index[&find.found.secret.hash()]]));
    if ctx.out.json {
        let views: Vec<FindView<'_>> = finds.map(|(find, leak)| view(find, leak)).collect();
        return ctx.out.json(&views);
    }
    if report.finds.is_empty() {
        return Ok(());
    }
    ctx.out
        .table(&HEADER, finds.map(|(find, leak)| row(find, leak)).collect())
}

fn view<'a>(find: &'a Located, leak: &'a Leak) -> FindView<'a> {
    let token = leak.token.as_ref();
    FindView {
        file: &find.source,
        line: find.found.line,
        column: find.found.column,
        kind: leak.secret.kind(),
        encoding: find.found.encoding,
        hint: leak.secret.hint(),
        status: leak.verdict,
        live: leak.verdict.is_live(),
        id: token.map(|token| token.id),
        name: token.map(|token| token.name.as_str()),
        owner: token.map(|token| token.owner.as_str()),
        revoked_now: leak.revoked_now,
    }
}

fn row(find: &Located, leak: &Leak) -> Vec<String> {
    let view = view(find, leak);
    let kind = match view.encoding {
        Encoding::Plain => view.kind.to_string(),
        encoding => format!("{} ({})", view.kind, encoding.as_str()),
    };
    let or_dash = |value: Option<String>| value.unwrap_or_else(|| "-".to_owned());
    vec![
        view.file.to_owned(),
        view.line.to_string(),
        view.column.to_string(),
        kind,
        view.hint,
        or_dash(view.id.map(|id| id.to_string())),
        or_dash(view.name.map(str::to_owned)),
        or_dash(view.owner.map(str::to_owned)),
        view.status.as_str().to_owned(),
    ]
}

/// One line on stderr: what was read, what was found.
fn summarize(ctx: &Context, report: &Report, leaks: &[Leak]) {
    let mut read = format!(
        "{} {} ({})",
        report.files,
        plural(report.files, "input", "inputs"),
        size(report.bytes)
    );
    if report.binary > 0 {
        read.push_str(&format!(", {} binary skipped", report.binary));
    }
    if report.unreadable > 0 {
        read.push_str(&format!(", {} unreadable", report.unreadable));
    }
    if leaks.is_empty() {
        ctx.out.note(&format!("No tokens found in {read}."));
        return;
    }
    let live = leaks.iter().filter(|leak| leak.verdict.is_live()).count();
    let line = format!(
        "Found {} {} ({live} live) in {read}.",
        leaks.len(),
        plural(leaks.len() as u64, "token", "tokens"),
    );
    if live > 0 {
        ctx.out.warning(&line);
    } else {
        ctx.out.note(&line);
    }
}

/// The exit status: live tokens (1) before an incomplete scan (2).
///
/// Exit 1 is the documented "live tokens found", so that `scan` can gate a
/// commit or a CI step: the scan worked and its answer is "yes, there are".
fn exit_status(ctx: &Context, report: &Report, leaks: &[Leak], staged: bool) -> Result<ExitStatus> {
    let live: Vec<&Leak> = leaks.iter().filter(|l| l.verdict.is_live()).collect();
    if !live.is_empty() {
        let found = format!(
            "{} live {} found",
            live.len(),
            plural(live.len() as u64, "token", "tokens")
        );
        let active = live.iter().any(|leak| leak.verdict == Verdict::Active);
        // A staged token is not in a commit yet. Revoking comes first,
        // while the scan of the index still finds it; then it must leave
        // the commit, or the commit would still record it.
        let hint = match (active, staged) {
            (false, _) => None,
            (true, false) => Some("revoke them: run the same scan with --revoke"),
            (true, true) => Some(
                "revoke them while they are staged (tokenctl scan --staged --revoke), then take them out of the commit (edit the file, then git add it again, or git restore --staged FILE)",
            ),
        };
        ctx.out.failure(&found, hint);
        return Ok(ExitStatus::Failure);
    }
    if report.unreadable > 0 {
        return Err(Error::invalid(format!(
            "{} {} could not be read: the scan is incomplete",
            report.unreadable,
            plural(report.unreadable, "input", "inputs")
        ))
        .with_hint(unreadable_hint(report)));
    }
    Ok(ExitStatus::Success)
}

/// What to do about inputs that could not be read: a path that does not
/// exist is a typo to fix, anything else a permission or an exclusion.
fn unreadable_hint(report: &Report) -> &'static str {
    if report.missing == report.unreadable {
        "check the paths given: they do not exist"
    } else if report.missing > 0 {
        "check the paths that do not exist; fix the permissions of the others, or exclude them in a .ignore file"
    } else {
        "fix their permissions, or exclude them in a .ignore file"
    }
}

fn plural(count: u64, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 { one } else { many }
}

/// `812 B`, `4.2 KB`, `1.3 MB`, `1.0 GB` (powers of 1000, like `du --si`).
fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    // Precision loss is irrelevant for a one-decimal size.
    #[allow(clippy::cast_precision_loss)]
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}
