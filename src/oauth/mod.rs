//! Third-party OAuth2 client tokens: what an entry is, the
//! provider templates, and the rules on names, URLs and token state.
//!
//! An entry's non-secret half (endpoints, client ID, scopes, expiry times)
//! lives in [`config`]'s private file; its secrets (client secret, access and
//! refresh token) live in the OS keyring through [`crate::session::SecretStore`],
//! by the same rules as the login session. [`flows`] obtains tokens over
//! HTTP, [`yaml`] exports and imports entries, [`notices`] says which ones
//! need attention.

pub mod config;
pub mod flows;
pub mod manage;
pub mod notices;
pub mod yaml;

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::session::Storage;

/// A provider template: fills the endpoints and default scopes when an
/// entry is added, and is fixed once the entry is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Template {
    Google,
    MicrosoftCommon,
    MicrosoftConsumers,
    MicrosoftOrganizations,
    Custom,
}

impl Template {
    pub fn as_str(self) -> &'static str {
        match self {
            Template::Google => "google",
            Template::MicrosoftCommon => "microsoft-common",
            Template::MicrosoftConsumers => "microsoft-consumers",
            Template::MicrosoftOrganizations => "microsoft-organizations",
            Template::Custom => "custom",
        }
    }

    /// The provider's endpoints; `None` for `custom`, which has none.
    pub fn endpoints(self) -> Option<Endpoints> {
        let microsoft = |tenant: &str| {
            let base = format!("https://login.microsoftonline.com/{tenant}/oauth2/v2.0");
            Endpoints {
                auth_url: Some(format!("{base}/authorize")),
                token_url: format!("{base}/token"),
                device_url: Some(format!("{base}/devicecode")),
            }
        };
        match self {
            Template::Google => Some(Endpoints {
                auth_url: Some("https://accounts.google.com/o/oauth2/v2/auth".to_owned()),
                token_url: "https://oauth2.googleapis.com/token".to_owned(),
                device_url: Some("https://oauth2.googleapis.com/device/code".to_owned()),
            }),
            Template::MicrosoftCommon => Some(microsoft("common")),
            Template::MicrosoftConsumers => Some(microsoft("consumers")),
            Template::MicrosoftOrganizations => Some(microsoft("organizations")),
            Template::Custom => None,
        }
    }

    /// Scopes used when `add` is given none: mail access (IMAP/SMTP), what
    /// these tokens are mostly for, plus what makes the provider issue a
    /// refresh token.
    pub fn default_scopes(self) -> Vec<String> {
        let scopes: &[&str] = match self {
            Template::Google => &["https://mail.google.com/"],
            Template::MicrosoftCommon
            | Template::MicrosoftConsumers
            | Template::MicrosoftOrganizations => &[
                "https://outlook.office.com/IMAP.AccessAsUser.All",
                "https://outlook.office.com/SMTP.Send",
                "offline_access",
            ],
            Template::Custom => &[],
        };
        scopes.iter().map(|scope| (*scope).to_owned()).collect()
    }

    /// Extra authorization request parameters. Google issues a refresh
    /// token only for `access_type=offline`, and again on a later consent
    /// only with `prompt=consent`.
    pub fn extra_auth_params(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Template::Google => &[("access_type", "offline"), ("prompt", "consent")],
            _ => &[],
        }
    }
}

impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where the provider's three endpoints are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endpoints {
    /// Authorization endpoint (code + PKCE); none: that grant is unavailable.
    pub auth_url: Option<String>,
    pub token_url: String,
    /// Device authorization endpoint (RFC 8628); none: `--device` is unavailable.
    pub device_url: Option<String>,
}

impl Endpoints {
    pub fn validate(&self) -> Result<()> {
        check_url("auth_url", self.auth_url.as_deref())?;
        check_url("token_url", Some(&self.token_url))?;
        check_url("device_url", self.device_url.as_deref())
    }
}

/// Which expiries show a notice (the token, and its refresh token, each expired or expiring).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notify {
    pub expired_token: bool,
    pub expired_refresh_token: bool,
}

impl Default for Notify {
    fn default() -> Notify {
        Notify {
            expired_token: true,
            expired_refresh_token: true,
        }
    }
}

impl Notify {
    /// The `--notify` / YAML spelling: `expired-token`,
    /// `expired-refresh-token`, or `none`.
    pub fn names(self) -> Vec<&'static str> {
        let mut names = Vec::new();
        if self.expired_token {
            names.push(NOTIFY_TOKEN);
        }
        if self.expired_refresh_token {
            names.push(NOTIFY_REFRESH);
        }
        names
    }

    pub fn from_names<S: AsRef<str>>(names: &[S]) -> Result<Notify> {
        let mut notify = Notify {
            expired_token: false,
            expired_refresh_token: false,
        };
        for name in names {
            match name.as_ref() {
                NOTIFY_TOKEN => notify.expired_token = true,
                NOTIFY_REFRESH => notify.expired_refresh_token = true,
                "none" => {}
                other => {
                    return Err(Error::invalid(format!(
                        "unknown notification '{other}': use {NOTIFY_TOKEN}, {NOTIFY_REFRESH} or none"
                    )));
                }
            }
        }
        Ok(notify)
    }
}

const NOTIFY_TOKEN: &str = "expired-token";
const NOTIFY_REFRESH: &str = "expired-refresh-token";

/// How the current token was obtained; decides how `refresh` renews it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grant {
    AuthorizationCode,
    Device,
    ClientCredentials,
}

/// What is known about the stored tokens, without the tokens themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenState {
    pub grant: Grant,
    pub obtained_at: DateTime<Utc>,
    /// `None`: the provider gave no `expires_in`.
    pub expires_at: Option<DateTime<Utc>>,
    pub has_refresh_token: bool,
    /// From the provider's `refresh_token_expires_in`, else `validity`;
    /// set to the moment the provider refused it when it did.
    pub refresh_expires_at: Option<DateTime<Utc>>,
}

/// One OAuth2 token configuration. No secret is in here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub name: String,
    pub template: Template,
    pub client_id: String,
    /// A public client has no client secret (PKCE or device grant only).
    pub public_client: bool,
    pub endpoints: Endpoints,
    pub scopes: Vec<String>,
    /// How long a refresh token stays valid when the provider's answer
    /// doesn't say, in seconds; `None`: until the provider refuses it.
    pub validity_seconds: Option<i64>,
    pub notify: Notify,
    pub storage: Storage,
    pub token: Option<TokenState>,
}

/// Where an entry stands, for `list`, `status` and the notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Never requested (or imported without its tokens).
    NoToken,
    Valid,
    /// The access token expired; `refresh` (or `token`) gets a new one.
    Expired,
    /// The refresh token expired (or there is none to renew an expired
    /// access token with): only a new authorization helps.
    RefreshExpired,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::NoToken => "no token",
            State::Valid => "valid",
            State::Expired => "expired",
            State::RefreshExpired => "refresh expired",
        }
    }
}

impl Entry {
    pub fn validity(&self) -> Option<Duration> {
        self.validity_seconds.and_then(Duration::try_seconds)
    }

    pub fn state(&self, now: DateTime<Utc>) -> State {
        let Some(token) = &self.token else {
            return State::NoToken;
        };
        let expired = token.expires_at.is_some_and(|at| at <= now);
        let refresh_dead = token.has_refresh_token
            && token.refresh_expires_at.is_some_and(|at| at <= now)
            || !token.has_refresh_token && token.grant != Grant::ClientCredentials && expired;
        match (refresh_dead, expired) {
            (true, _) => State::RefreshExpired,
            (false, true) => State::Expired,
            (false, false) => State::Valid,
        }
    }

    /// Checks everything a user or a YAML file can set.
    pub fn validate(&self) -> Result<()> {
        check_name(&self.name)?;
        check_text("client ID", &self.client_id)?;
        self.endpoints.validate()?;
        for scope in &self.scopes {
            check_scope(scope)?;
        }
        if self.validity_seconds.is_some_and(|seconds| seconds <= 0) {
            return Err(Error::invalid("the validity must be longer than zero"));
        }
        Ok(())
    }
}

/// Names become keyring accounts and file names: keep them plain.
pub fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !name.starts_with('.');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "'{}' is not a valid OAuth token name: use 1-64 letters, digits, '-', '_' or '.'",
            name.escape_debug()
        )))
    }
}

fn check_text(what: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() || value.len() > 1024 || value.chars().any(char::is_control) {
        return Err(Error::invalid(format!(
            "the {what} must be 1-1024 printable characters"
        )));
    }
    Ok(())
}

/// RFC 6749 §3.3: a scope token is printable ASCII without space, `"` or `\`.
fn check_scope(scope: &str) -> Result<()> {
    let ok = !scope.is_empty()
        && scope.len() <= 1024
        && scope
            .bytes()
            .all(|b| b == 0x21 || (0x23..=0x5B).contains(&b) || (0x5D..=0x7E).contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "'{}' is not a valid scope (printable ASCII, no spaces)",
            scope.escape_debug()
        )))
    }
}

/// Endpoints must be HTTPS: a client secret and tokens travel to them.
/// Plain HTTP only to a loopback address (a provider on this machine).
pub fn check_url(what: &str, url: Option<&str>) -> Result<()> {
    let Some(text) = url else {
        return Ok(());
    };
    let parsed = reqwest::Url::from_str(text)
        .map_err(|error| Error::invalid(format!("{what} '{text}' is not a URL: {error}")))?;
    let loopback = match parsed.host_str() {
        Some("localhost") => true,
        Some(host) => host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback()),
        None => false,
    };
    match parsed.scheme() {
        "https" if parsed.host().is_some() => Ok(()),
        "http" if loopback => Ok(()),
        _ => Err(Error::invalid(format!(
            "{what} '{text}' must be an https:// URL (http:// only on a loopback address)"
        ))),
    }
}

/// What `add` and `edit` set; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub client_id: Option<String>,
    pub scopes: Option<Vec<String>>,
    /// `Some(None)` removes the validity.
    pub validity: Option<Option<Duration>>,
    pub notify: Option<Notify>,
    /// Endpoints found by discovery; the explicit URLs below win over them.
    pub discovered: Option<Endpoints>,
    pub auth_url: Option<String>,
    pub token_url: Option<String>,
    pub device_url: Option<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.client_id.is_none()
            && self.scopes.is_none()
            && self.validity.is_none()
            && self.notify.is_none()
            && self.discovered.is_none()
            && self.auth_url.is_none()
            && self.token_url.is_none()
            && self.device_url.is_none()
    }
}

impl Entry {
    /// A new entry: the template's endpoints and scopes, then `changes`.
    pub fn new(
        name: &str,
        template: Template,
        public_client: bool,
        storage: Storage,
        changes: Changes,
    ) -> Result<Entry> {
        let endpoints = template
            .endpoints()
            .or_else(|| changes.discovered.clone())
            .or_else(|| {
                changes.token_url.clone().map(|token_url| Endpoints {
                    auth_url: None,
                    token_url,
                    device_url: None,
                })
            })
            .ok_or_else(|| {
                Error::invalid("the custom template needs --token-url or --issuer").with_hint(
                    "give the provider's endpoints, e.g. --issuer https://login.example.com",
                )
            })?;
        let mut entry = Entry {
            name: name.to_owned(),
            template,
            client_id: String::new(),
            public_client,
            endpoints,
            scopes: template.default_scopes(),
            validity_seconds: None,
            notify: Notify::default(),
            storage,
            token: None,
        };
        entry.apply(changes)?;
        Ok(entry)
    }

    /// Applies `changes` and checks the result; on error `self` may be
    /// partly changed, so callers apply to a copy.
    pub fn apply(&mut self, changes: Changes) -> Result<()> {
        if let Some(client_id) = changes.client_id {
            self.client_id = client_id;
        }
        if let Some(scopes) = changes.scopes {
            self.scopes = scopes;
        }
        if let Some(validity) = changes.validity {
            self.validity_seconds = validity.map(|duration| duration.num_seconds());
        }
        if let Some(notify) = changes.notify {
            self.notify = notify;
        }
        if let Some(discovered) = changes.discovered {
            self.endpoints = discovered;
        }
        if let Some(url) = changes.auth_url {
            self.endpoints.auth_url = Some(url);
        }
        if let Some(url) = changes.token_url {
            self.endpoints.token_url = url;
        }
        if let Some(url) = changes.device_url {
            self.endpoints.device_url = Some(url);
        }
        self.validate()
    }

    /// `edit --template`: the template is fixed once saved.
    pub fn check_template(&self, asked: Template) -> Result<()> {
        if asked == self.template {
            return Ok(());
        }
        Err(Error::invalid(format!(
            "the template of '{}' is {} and cannot be changed once saved",
            self.name, self.template
        ))
        .with_hint(format!(
            "add a new entry instead: tokenctl oauth add NAME --template {asked} …"
        )))
    }
}
