//! What several `oauth` subcommands share: the settings flags of `add` and
//! `edit`, the secret prompt, and how an entry is shown.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::cmd::{Context, only_stdin_line, parse};
use crate::error::{Error, Result};
use crate::oauth::config::OAuthStore;
use crate::oauth::{Changes, Entry, Notify, State, flows};
use crate::output;

/// Settings `add` and `edit` both take.
#[derive(Debug, Default, clap::Args)]
pub struct SettingsArgs {
    /// Scope to request; repeat for several [default: the template's]
    #[arg(long = "scope", value_name = "SCOPE")]
    pub scopes: Vec<String>,

    /// How long a refresh token stays valid when the provider doesn't say
    /// (e.g. 90d), or none
    #[arg(long, value_name = "DURATION", value_parser = validity)]
    pub validity: Option<Validity>,

    /// Which expiries show a notice: expired-token, expired-refresh-token,
    /// or none [default: both]
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub notify: Vec<String>,

    /// OpenID Connect / RFC 8414 issuer to read the endpoints from
    #[arg(long, value_name = "URL")]
    pub issuer: Option<String>,

    /// Authorization endpoint (code + PKCE)
    #[arg(long, value_name = "URL")]
    pub auth_url: Option<String>,

    /// Token endpoint
    #[arg(long, value_name = "URL")]
    pub token_url: Option<String>,

    /// Device authorization endpoint (RFC 8628)
    #[arg(long, value_name = "URL")]
    pub device_url: Option<String>,
}

impl SettingsArgs {
    /// The changes these flags ask for; `--issuer` is looked up first.
    pub async fn changes(self, ctx: &Context, client_id: Option<String>) -> Result<Changes> {
        let discovered = match &self.issuer {
            Some(issuer) => Some(flows::discover(&http(ctx)?, issuer).await?),
            None => None,
        };
        Ok(Changes {
            client_id,
            scopes: (!self.scopes.is_empty()).then_some(self.scopes),
            validity: self.validity.map(|validity| validity.0),
            notify: if self.notify.is_empty() {
                None
            } else {
                Some(Notify::from_names(&self.notify)?)
            },
            discovered,
            auth_url: self.auth_url,
            token_url: self.token_url,
            device_url: self.device_url,
        })
    }
}

/// `--validity`: a duration, or `none` to remove it.
#[derive(Debug, Clone, Copy)]
pub struct Validity(Option<Duration>);

fn validity(text: &str) -> Result<Validity, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(Validity(None));
    }
    let duration = parse::duration(text)?;
    if duration <= Duration::zero() {
        return Err("the validity must be longer than zero".to_owned());
    }
    Ok(Validity(Some(duration)))
}

pub fn store(ctx: &Context) -> OAuthStore<'_> {
    OAuthStore::new(ctx.sessions.secrets())
}

/// The HTTP client for providers (`TOKENCTL_CA_CERT` applies).
pub fn http(ctx: &Context) -> Result<reqwest::Client> {
    crate::http::http_client(ctx.settings.ca_cert.as_deref())
}

/// The client secret: a hidden prompt on a terminal, else stdin's one
/// line. Never an argument.
pub fn read_client_secret(ctx: &Context, name: &str) -> Result<String> {
    let secret = if ctx.out.can_prompt() {
        dialoguer::Password::new()
            .with_prompt(format!("Client secret for {name}"))
            .interact()
            .map_err(|error| Error::internal(format!("cannot read the secret: {error}")))?
    } else {
        only_stdin_line("client secret")?.unwrap_or_default()
    };
    let secret = secret.trim().to_owned();
    if secret.is_empty() {
        return Err(Error::invalid("no client secret given")
            .with_hint("pipe it on stdin, or pass --public for a client without a secret"));
    }
    Ok(secret)
}

/// An entry as `list --json` and `show --json` print it.
#[derive(Serialize)]
pub struct EntryView<'a> {
    #[serde(flatten)]
    pub entry: &'a Entry,
    pub state: State,
    pub secrets_kept_in: String,
}

impl<'a> EntryView<'a> {
    pub fn new(store: &OAuthStore<'_>, entry: &'a Entry, now: DateTime<Utc>) -> EntryView<'a> {
        EntryView {
            entry,
            state: entry.state(now),
            secrets_kept_in: store.slot(entry).describe(),
        }
    }
}

/// "in 59m", "3d ago", "-" for none.
pub fn when(at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    at.map_or_else(|| "-".to_owned(), |at| crate::time::relative(at, now))
}

/// The entry after a grant or a refresh: JSON, or one line for people.
pub fn report_token(
    ctx: &Context,
    store: &OAuthStore<'_>,
    entry: &Entry,
    what: &str,
) -> Result<()> {
    let now = crate::time::now();
    if ctx.out.json {
        return ctx.out.json(&EntryView::new(store, entry, now));
    }
    let token = entry.token.as_ref();
    let expires = token.and_then(|token| token.expires_at).map_or_else(
        || "no expiry given".to_owned(),
        |at| output::instant_long(at, now),
    );
    let refresh = match token {
        Some(token) if token.has_refresh_token => format!(
            "refresh token until {}",
            token.refresh_expires_at.map_or_else(
                || "the provider refuses it".to_owned(),
                |at| output::instant_long(at, now)
            )
        ),
        _ => "no refresh token".to_owned(),
    };
    ctx.out.success(&format!(
        "{what} for '{}': valid until {expires}; {refresh}",
        entry.name
    ));
    Ok(())
}
