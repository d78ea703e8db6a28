//! `tokenctl exchange`: trade a long-lived token for a short-lived access
//! token (a signed JWT), the way a CI job should hold credentials.

use std::io::Write;

use serde::Serialize;

use super::{Context, only_stdin_line, parse};
use crate::env;
use crate::error::{Error, Result};
use crate::exchange::{ExchangeRequest, ExchangeResponse, Exchanged};
use crate::secret::Secret;
use crate::time;

/// Exchange a token for a short-lived access token (JWT), e.g. in CI
///
/// The subject is the token read with --token-stdin, else TOKENCTL_TOKEN,
/// else your login session (or, on the local store, you). The access token
/// gets the subject's permissions, or only the --scope ones (each of which
/// the subject must have), and lives --ttl at most: never longer than the
/// server allows or than the subject itself. Resource servers check it
/// offline against the server's JWK Set (/.well-known/jwks.json).
///
/// Output: raw (the token alone), json (an RFC 8693 token response), env
/// (export TOKENCTL_ACCESS_TOKEN=…) or github: "::add-mask::<token>" first,
/// then the token goes to $GITHUB_ENV (as TOKENCTL_ACCESS_TOKEN) and
/// $GITHUB_OUTPUT (as access_token) when they are set, else to stdout.
///
/// Examples:
///   TOKENCTL_TOKEN=$PAT tokenctl exchange --ttl 10m --scope api:read
///   eval "$(tokenctl exchange --output env)"
///   echo "$PAT" | tokenctl exchange --token-stdin --output github
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Lifetime of the access token [default: 15m]; the server may shorten
    /// it (its maximum, the subject's own expiry), and says so on stderr
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub ttl: Option<chrono::Duration>,

    /// Refuse, instead of shortening, a --ttl the server cannot give in full
    #[arg(long, requires = "ttl")]
    pub strict_ttl: bool,

    /// Permission the access token gets (repeatable) [default: all of the
    /// subject's]
    #[arg(long = "scope", value_name = "PERMISSION")]
    pub scopes: Vec<String>,

    /// Who the access token is for [default: the issuing server]
    #[arg(long, value_name = "AUD")]
    pub audience: Option<String>,

    /// How to print the access token [default: raw]
    #[arg(long, value_enum)]
    pub output: Option<Format>,

    /// Read the token to exchange from stdin (one line)
    #[arg(long)]
    pub token_stdin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Raw,
    Json,
    Env,
    Github,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Raw => "raw",
            Format::Json => "json",
            Format::Env => "env",
            Format::Github => "github",
        }
    }
}

/// The variable `env` and `github` output set.
const VARIABLE: &str = "TOKENCTL_ACCESS_TOKEN";

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    // Before anything is asked of the server: a mistake costs no token.
    let format = match (ctx.out.json, args.output) {
        (true, None | Some(Format::Json)) => Format::Json,
        (true, Some(other)) => {
            return Err(Error::invalid(format!(
                "--json and --output {} ask for two formats",
                other.name()
            ))
            .with_hint("choose one"));
        }
        (false, output) => output.unwrap_or(Format::Raw),
    };
    let subject = subject(args.token_stdin)?;
    let request = ExchangeRequest {
        ttl: args.ttl,
        scopes: args.scopes,
        audience: args.audience,
        strict_ttl: args.strict_ttl,
    };
    // A token from stdin is the whole credential: no login needed for it.
    let backend = if args.token_stdin {
        ctx.backend_without_login().await?
    } else {
        ctx.backend().await?
    };
    let asked = request.ttl;
    let exchanged = backend.exchange(subject.as_ref(), request).await?;
    let capped = asked.filter(|asked| exchanged.expires_in < asked.num_seconds());
    if let Some(asked) = capped {
        ctx.out.warning(&format!(
            "the access token lives {}, not the {} asked: the server shortened it (its maximum, or the subject's own expiry); --strict-ttl refuses instead",
            time::compact(chrono::Duration::seconds(exchanged.expires_in)),
            time::compact(asked)
        ));
    }
    print(ctx, format, exchanged, capped.is_some())
}

/// The token to exchange, when it is not the caller's own credential.
fn subject(from_stdin: bool) -> Result<Option<Secret>> {
    if from_stdin {
        let line = only_stdin_line("token")?.ok_or_else(|| {
            Error::invalid("no token on stdin")
                .with_hint("pipe it in: echo \"$TOKEN\" | tokenctl exchange --token-stdin")
        })?;
        return Ok(Some(Secret::parse(&line)?));
    }
    // A JWT in TOKENCTL_TOKEN is a login session: the remote backend sends
    // it as the subject itself.
    Ok(env::token().and_then(|value| Secret::parse(&value).ok()))
}

/// `--json`: the RFC 8693 response, and whether the lifetime asked for was
/// shortened.
#[derive(Serialize)]
struct Printed {
    #[serde(flatten)]
    response: ExchangeResponse,
    capped: bool,
}

fn print(ctx: &Context, format: Format, exchanged: Exchanged, capped: bool) -> Result<()> {
    match format {
        Format::Raw => ctx.out.line(&exchanged.access_token),
        Format::Json => ctx.out.json(&Printed {
            response: ExchangeResponse::from(exchanged),
            capped,
        }),
        Format::Env => ctx
            .out
            .line(&format!("export {VARIABLE}='{}'", exchanged.access_token)),
        Format::Github => github(ctx, &exchanged.access_token),
    }
}

/// GitHub Actions: mask first, so the value is hidden from every later log
/// line, then hand it to later steps through the files the runner reads.
fn github(ctx: &Context, token: &str) -> Result<()> {
    ctx.out.line(&format!("::add-mask::{token}"))?;
    let mut handed_on = false;
    for (file_variable, line) in [
        ("GITHUB_ENV", format!("{VARIABLE}={token}")),
        ("GITHUB_OUTPUT", format!("access_token={token}")),
    ] {
        if let Some(path) = std::env::var_os(file_variable).filter(|path| !path.is_empty()) {
            append_line(&path, &line).map_err(|error| {
                Error::internal(format!("cannot write to ${file_variable}: {error}"))
            })?;
            ctx.out
                .note(&format!("The access token is in ${file_variable}."));
            handed_on = true;
        }
    }
    if !handed_on {
        ctx.out.line(token)?;
    }
    Ok(())
}

fn append_line(path: &std::ffi::OsStr, line: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)?;
    writeln!(file, "{line}")
}
