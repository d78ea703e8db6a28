//! Export and import of OAuth entries as YAML (for backup and
//! migration), in a documented, versioned shape (README, "OAuth2 provider
//! tokens"):
//!
//! ```yaml
//! version: 1
//! tokens:
//!   - name: mail
//!     template: google
//!     client_id: 1234.apps.googleusercontent.com
//!     public_client: false
//!     auth_url: https://accounts.google.com/o/oauth2/v2/auth
//!     token_url: https://oauth2.googleapis.com/token
//!     device_url: https://oauth2.googleapis.com/device/code
//!     scopes: [https://mail.google.com/]
//!     validity: 7d
//!     notify: [expired-token, expired-refresh-token]
//!     secrets:            # only with --include-secrets
//!       client_secret: …
//!       access_token: …
//!       refresh_token: …
//!       grant: authorization-code
//!       obtained_at: 2026-01-31T10:00:00Z
//!       expires_at: 2026-01-31T11:00:00Z
//!       refresh_expires_at: 2026-02-07T10:00:00Z
//! ```
//!
//! Reading is strict: unknown fields, wrong types, an unknown template or
//! version, duplicate names and input over 1 MiB are errors, and every entry
//! is checked before anything is written.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::config::Secrets;
use super::{Endpoints, Entry, Grant, Notify, Template, TokenState};
use crate::error::{Error, Result};
use crate::session::Storage;
use crate::time::{compact, parse_duration};

/// The only shape this tokenctl writes and reads.
pub const VERSION: u32 = 1;
/// Larger input is refused before parsing.
pub const MAX_INPUT: usize = 1024 * 1024;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    version: u32,
    tokens: Vec<YamlEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct YamlEntry {
    name: String,
    template: Template,
    client_id: String,
    #[serde(default)]
    public_client: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    auth_url: Option<String>,
    /// Absent: the template's (a custom entry must have one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    device_url: Option<String>,
    #[serde(default)]
    scopes: Vec<String>,
    /// A duration (`90d`); absent: no validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    validity: Option<String>,
    /// Absent: both notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notify: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    secrets: Option<YamlSecrets>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct YamlSecrets {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    client_secret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    access_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    grant: Option<Grant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    obtained_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expires_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_expires_at: Option<DateTime<Utc>>,
}

/// One entry read from a file, with its secrets when the file had them.
#[derive(Debug)]
pub struct Imported {
    pub entry: Entry,
    pub secrets: Option<Secrets>,
}

/// Writes `entries` (with their secrets, when given) as a version-1 document.
pub fn export(entries: &[(Entry, Option<Secrets>)]) -> Result<String> {
    let document = Document {
        version: VERSION,
        tokens: entries
            .iter()
            .map(|(entry, secrets)| to_yaml(entry, secrets.as_ref()))
            .collect(),
    };
    serde_norway::to_string(&document)
        .map_err(|error| Error::internal(format!("cannot write YAML: {error}")))
}

fn to_yaml(entry: &Entry, secrets: Option<&Secrets>) -> YamlEntry {
    YamlEntry {
        name: entry.name.clone(),
        template: entry.template,
        client_id: entry.client_id.clone(),
        public_client: entry.public_client,
        auth_url: entry.endpoints.auth_url.clone(),
        token_url: Some(entry.endpoints.token_url.clone()),
        device_url: entry.endpoints.device_url.clone(),
        scopes: entry.scopes.clone(),
        validity: entry.validity().map(compact_exact),
        notify: Some(
            entry
                .notify
                .names()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        ),
        secrets: secrets.map(|secrets| {
            let token = entry.token.as_ref();
            YamlSecrets {
                client_secret: secrets.client_secret.clone(),
                access_token: secrets.access_token.clone(),
                refresh_token: secrets.refresh_token.clone(),
                grant: token.map(|token| token.grant),
                obtained_at: token.map(|token| token.obtained_at),
                expires_at: token.and_then(|token| token.expires_at),
                refresh_expires_at: token.and_then(|token| token.refresh_expires_at),
            }
        }),
    }
}

/// A duration in the largest unit that loses nothing (`90d`, `36h`, `100s`).
fn compact_exact(duration: chrono::Duration) -> String {
    let text = compact(duration);
    if parse_duration(&text) == Ok(duration) {
        text
    } else {
        format!("{}s", duration.num_seconds())
    }
}

/// Reads and checks a whole document; `storage` is where the secrets of
/// the imported entries will go. Nothing is written here.
pub fn parse(input: &[u8], storage: Storage) -> Result<Vec<Imported>> {
    if input.len() > MAX_INPUT {
        return Err(Error::invalid(format!(
            "the file is larger than {} KiB; an OAuth export is a few KiB",
            MAX_INPUT / 1024
        )));
    }
    let text =
        std::str::from_utf8(input).map_err(|_| Error::invalid("the file is not UTF-8 text"))?;
    let document: Document = serde_norway::from_str(text).map_err(|error| {
        Error::invalid(format!("the file is not a tokenctl OAuth export: {error}"))
    })?;
    if document.version != VERSION {
        return Err(Error::invalid(format!(
            "the file has version {}; this tokenctl reads version {VERSION}",
            document.version
        )));
    }
    let mut names = BTreeSet::new();
    let mut imported = Vec::with_capacity(document.tokens.len());
    for item in document.tokens {
        if !names.insert(item.name.clone()) {
            return Err(Error::invalid(format!(
                "the name '{}' appears more than once in the file",
                item.name.escape_debug()
            )));
        }
        let name = item.name.clone();
        imported.push(from_yaml(item, storage).map_err(|error| {
            Error::invalid(format!(
                "token '{}': {}",
                name.escape_debug(),
                error.message
            ))
        })?);
    }
    Ok(imported)
}

fn from_yaml(item: YamlEntry, storage: Storage) -> Result<Imported> {
    let validity_seconds = item
        .validity
        .as_deref()
        .map(|text| parse_duration(text).map_err(Error::invalid))
        .transpose()?
        .map(|duration| duration.num_seconds());
    let notify = match &item.notify {
        Some(names) => Notify::from_names(names)?,
        None => Notify::default(),
    };
    let (secrets, token) = match item.secrets {
        Some(secrets) => {
            let token = token_state(&secrets)?;
            let secrets = Secrets {
                client_secret: secrets.client_secret,
                access_token: secrets.access_token,
                refresh_token: secrets.refresh_token,
            };
            (Some(secrets), token)
        }
        None => (None, None),
    };
    let endpoints = endpoints(
        &item.name,
        item.template,
        item.auth_url,
        item.token_url,
        item.device_url,
    )?;
    let entry = Entry {
        name: item.name,
        template: item.template,
        client_id: item.client_id,
        public_client: item.public_client,
        endpoints,
        scopes: item.scopes,
        validity_seconds,
        notify,
        storage,
        token,
    };
    entry.validate()?;
    if let Some(secrets) = &secrets {
        check_secrets(&entry, secrets)?;
    }
    Ok(Imported { entry, secrets })
}

/// The URLs of an imported entry: those the file gives, the rest from its
/// template, as `oauth add` fills them.
fn endpoints(
    name: &str,
    template: Template,
    auth_url: Option<String>,
    token_url: Option<String>,
    device_url: Option<String>,
) -> Result<Endpoints> {
    let defaults = template.endpoints();
    let token_url = token_url
        .or_else(|| defaults.as_ref().map(|defaults| defaults.token_url.clone()))
        .ok_or_else(|| {
            Error::invalid(format!(
                "'{name}' has no token_url, and the {template} template has none to fill in"
            ))
        })?;
    Ok(Endpoints {
        auth_url: auth_url.or_else(|| defaults.as_ref().and_then(|d| d.auth_url.clone())),
        token_url,
        device_url: device_url.or_else(|| defaults.and_then(|d| d.device_url)),
    })
}

/// The token bookkeeping that goes with an access token in the file.
fn token_state(secrets: &YamlSecrets) -> Result<Option<TokenState>> {
    if secrets.access_token.is_none() {
        return Ok(None);
    }
    let (Some(grant), Some(obtained_at)) = (secrets.grant, secrets.obtained_at) else {
        return Err(Error::invalid(
            "an access_token needs its grant and obtained_at",
        ));
    };
    Ok(Some(TokenState {
        grant,
        obtained_at,
        expires_at: secrets.expires_at,
        has_refresh_token: secrets.refresh_token.is_some(),
        refresh_expires_at: secrets.refresh_expires_at,
    }))
}

fn check_secrets(entry: &Entry, secrets: &Secrets) -> Result<()> {
    let values = [
        &secrets.client_secret,
        &secrets.access_token,
        &secrets.refresh_token,
    ];
    if values
        .iter()
        .filter_map(|value| value.as_deref())
        .any(|value| {
            value.is_empty() || value.len() > 16 * 1024 || value.chars().any(char::is_control)
        })
    {
        return Err(Error::invalid(
            "a secret is empty, too long or holds control characters",
        ));
    }
    if entry.public_client && secrets.client_secret.is_some() {
        return Err(Error::invalid("a public client has no client_secret"));
    }
    Ok(())
}

/// What an import will do, decided before anything is written.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub added: Vec<String>,
    pub replaced: Vec<String>,
}

/// Checks `imported` against the saved entries: without `overwrite` any
/// existing name is a conflict; with it, an entry of the same name is
/// replaced — but never with another template (fixed once saved). Other
/// saved entries are never touched.
pub fn plan(saved: &[Entry], imported: &[Imported], overwrite: bool) -> Result<Plan> {
    let mut plan = Plan::default();
    let mut conflicts = Vec::new();
    for item in imported {
        let name = &item.entry.name;
        match saved.iter().find(|entry| &entry.name == name) {
            None => plan.added.push(name.clone()),
            Some(_) if !overwrite => conflicts.push(name.as_str()),
            Some(existing) if existing.template != item.entry.template => {
                return Err(Error::conflict(format!(
                    "'{name}' is saved with template {}; the file says {} and a template is fixed once saved",
                    existing.template, item.entry.template
                ))
                .with_hint(format!("remove it first: tokenctl oauth remove {name} --yes")));
            }
            Some(_) => plan.replaced.push(name.clone()),
        }
    }
    if !conflicts.is_empty() {
        return Err(Error::conflict(format!(
            "already saved: {}; nothing was imported",
            conflicts.join(", ")
        ))
        .with_hint("pass --overwrite to replace the entries of these names"));
    }
    Ok(plan)
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// No input makes the import panic: it is read and checked, or
        /// refused with a message.
        #[test]
        fn any_bytes_are_imported_or_refused(input in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = parse(&input, Storage::File);
        }

        /// Text shaped like an export (YAML mappings and lists with odd
        /// values) is checked, never trusted blindly.
        #[test]
        fn yaml_shaped_text_is_imported_or_refused(
            text in "(version: [0-9]{1,3}\n)?(entries:\n( - name: [a-z\\u{202e}]{0,8}\n   [a-z_]{1,12}: [a-z0-9:/.\\[\\]{}-]{0,20}\n){0,4})?",
        ) {
            let _ = parse(text.as_bytes(), Storage::File);
        }
    }
}
