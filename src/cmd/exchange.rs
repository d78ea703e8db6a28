//! `tokenctl exchange`: trade a long-lived token for a short-lived access
//! token (a signed JWT), the way a CI job should hold credentials.

use std::io::Write;

use serde::Serialize;

use super::context::Target;
use super::{Context, only_stdin_line, parse};
use crate::env;
use crate::error::{Error, Result};
use crate::exchange::{ExchangeRequest, ExchangeResponse, Exchanged};
use crate::federation;
use crate::requests::ExchangeOf;
use crate::secret::Secret;
use crate::time;

/// Exchange a token for a short-lived access token (JWT), e.g. in CI
///
/// The subject is the token read with --token-stdin, else TOKENCTL_TOKEN,
/// else your login session (or, on the local store, you). In CI it can be
/// the job's own OpenID Connect ID token instead (--oidc, --id-token-stdin):
/// no secret stored in CI at all, when a trust policy (tokenctl trust add)
/// admits the job; the access token then acts for the policy's owner with
/// the policy's permissions. The access token
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
///   tokenctl exchange --oidc github --oidc-audience tokenctl --output github
///   tokenctl exchange --oidc gitlab --ttl 5m
///   ci-id-token | tokenctl exchange --id-token-stdin
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
    #[arg(long, conflicts_with_all = ["oidc", "id_token_stdin"])]
    pub token_stdin: bool,

    /// Exchange this CI job's ID token: github asks GitHub Actions for one
    /// (the job needs `permissions: id-token: write`); gitlab reads
    /// TOKENCTL_ID_TOKEN (declared under the job's `id_tokens:`)
    #[arg(long, value_enum, value_name = "CI", conflicts_with = "id_token_stdin")]
    pub oidc: Option<Ci>,

    /// The audience GitHub mints the ID token for: the trust policy's
    /// --audience [default: the server URL]
    #[arg(long, value_name = "AUD", requires = "oidc")]
    pub oidc_audience: Option<String>,

    /// Read an OpenID Connect ID token (a JWT) from stdin and exchange it
    #[arg(long)]
    pub id_token_stdin: bool,
}

/// The CI providers whose ID tokens `--oidc` knows how to get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Ci {
    Github,
    Gitlab,
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
    let id_token = id_token(ctx, &args).await?;
    let secret = if id_token.is_some() {
        None
    } else {
        subject(args.token_stdin)?
    };
    let subject = match (&id_token, &secret) {
        (Some(id_token), _) => ExchangeOf::IdToken(id_token),
        (None, Some(secret)) => ExchangeOf::Token(secret),
        (None, None) => ExchangeOf::Own,
    };
    let request = ExchangeRequest {
        ttl: args.ttl,
        scopes: args.scopes,
        audience: args.audience,
        strict_ttl: args.strict_ttl,
    };
    // A token from stdin, or an ID token, is the whole credential: no
    // login needed for it.
    let backend = if args.token_stdin || id_token.is_some() {
        ctx.backend_without_login().await?
    } else {
        ctx.backend().await?
    };
    let asked = request.ttl;
    let exchanged = backend.exchange(subject, request).await?;
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

/// The CI job's ID token, when the subject is one (--oidc, --id-token-stdin).
async fn id_token(ctx: &Context, args: &Args) -> Result<Option<String>> {
    if args.id_token_stdin {
        let line = only_stdin_line("ID token")?.ok_or_else(|| {
            Error::invalid("no ID token on stdin")
                .with_hint("pipe it in: echo \"$ID_TOKEN\" | tokenctl exchange --id-token-stdin")
        })?;
        return Ok(Some(line));
    }
    match args.oidc {
        None => Ok(None),
        Some(Ci::Gitlab) => Ok(Some(federation::ci::gitlab_id_token()?)),
        Some(Ci::Github) => {
            let audience = match (&args.oidc_audience, ctx.target()?) {
                (Some(audience), _) => audience.clone(),
                (None, Target::Remote { server, .. }) => server.trim_end_matches('/').to_owned(),
                (None, Target::Local) => {
                    return Err(Error::invalid(
                        "--oidc github on the local store needs --oidc-audience",
                    )
                    .with_hint("name the audience of the trust policy that admits the job"));
                }
            };
            let http = crate::http::http_client(None)?;
            Ok(Some(
                federation::ci::github_id_token(&http, &audience).await?,
            ))
        }
    }
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
