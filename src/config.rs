//! Settings and their precedence: flag > environment > config file > default.
//!
//! clap already folds flags and environment variables together (`env =` on
//! the argument), so this module only adds the config file and the defaults.

use std::fs;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::policy::TokenPolicy;
use crate::policy::token_policy::{LimitChange, PolicyChange};
use crate::time::parse_duration;

/// The config file, `config.toml` in the platform's config directory.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Path of the token store.
    pub store: Option<PathBuf>,
    /// URL of a token server to use instead of the local store.
    pub server: Option<String>,
    /// Extra CA certificates (PEM) to trust for the server's TLS.
    pub ca_cert: Option<PathBuf>,
    /// `false` never copies new secrets to the clipboard.
    pub clipboard: Option<bool>,
    /// How long to wait for the OS keyring, e.g. `10s`.
    pub keyring_timeout: Option<String>,
    pub policy: Option<PolicySection>,
}

/// `[policy]`: limits on the lifetime of new tokens. The token policy is
/// the store's now (`tokenctl policy`); this section is copied into a store
/// that has none yet, and otherwise ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySection {
    /// Lifetime of a token created without `--expires` (default `30d`).
    pub default_lifetime: Option<String>,
    /// Longest lifetime a token may be given, e.g. `365d`.
    pub max_lifetime: Option<String>,
    /// Whether `--expires never` is allowed (default true).
    pub allow_never: Option<bool>,
}

/// Settings after precedence has been applied.
#[derive(Debug, Clone)]
pub struct Settings {
    pub store: PathBuf,
    /// True when the store was named (flag, env or config), not defaulted:
    /// then tokenctl stays local even with a current login profile.
    pub store_named: bool,
    pub server: Option<String>,
    /// Extra CA certificates to trust: `TOKENCTL_CA_CERT`, else the config file.
    pub ca_cert: Option<PathBuf>,
    /// Whether new secrets may be copied to the clipboard (config `clipboard`).
    pub clipboard: bool,
    /// The config file's `[policy]`, to copy into a store without one.
    pub config_policy: Option<ConfigPolicy>,
    pub keyring_timeout: std::time::Duration,
}

/// A config file's `[policy]` section, and the file it is in.
#[derive(Debug, Clone)]
pub struct ConfigPolicy {
    pub policy: TokenPolicy,
    pub file: PathBuf,
}

/// Flags (with their environment variables folded in by clap).
#[derive(Debug, Clone, Copy, Default)]
pub struct Overrides<'a> {
    pub store: Option<&'a Path>,
    pub config: Option<&'a Path>,
    pub server: Option<&'a str>,
}

fn project_dirs() -> Result<ProjectDirs> {
    ProjectDirs::from("", "", "tokenctl").ok_or_else(|| {
        Error::internal("cannot find a home directory for tokenctl's files")
            .with_hint("set HOME, or pass --store PATH and --config FILE")
    })
}

/// The directory tokenctl keeps its own state in (store, profiles, sessions).
pub fn data_dir() -> Result<PathBuf> {
    Ok(project_dirs()?.data_dir().to_path_buf())
}

/// Loads the config file and resolves every setting. `store` and
/// `config` come from clap, so they already hold flag-or-env values.
pub fn resolve(overrides: Overrides<'_>) -> Result<Settings> {
    let config_path = match overrides.config {
        Some(path) => path.to_path_buf(),
        None => project_dirs()?.config_dir().join("config.toml"),
    };
    let file = read(&config_path, overrides.config.is_some())?;
    let named_store = overrides.store.map(Path::to_path_buf).or(file.store);
    let store_named = named_store.is_some();
    let store = match named_store {
        Some(path) => store_path(path),
        None => data_dir()?.join("store.db"),
    };
    let keyring_timeout = match &file.keyring_timeout {
        Some(text) => parse_duration(text)
            .ok()
            .and_then(|duration| duration.to_std().ok())
            .ok_or_else(|| {
                Error::invalid(format!("config keyring_timeout: bad duration '{text}'"))
            })?,
        None => std::time::Duration::from_secs(10),
    };
    Ok(Settings {
        store,
        store_named,
        server: overrides.server.map(str::to_owned).or(file.server),
        ca_cert: std::env::var_os(crate::env::CA_CERT)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
            .or(file.ca_cert),
        clipboard: file.clipboard.unwrap_or(true),
        config_policy: match &file.policy {
            Some(section) => Some(ConfigPolicy {
                policy: token_policy(section)?,
                file: config_path,
            }),
            None => None,
        },
        keyring_timeout,
    })
}

/// The store file: `--store` takes a path, and also the `sqlite:PATH` form
/// that `serve --database` uses, rather than making a directory "sqlite:".
fn store_path(named: PathBuf) -> PathBuf {
    match named.to_str().and_then(|text| text.strip_prefix("sqlite:")) {
        Some(path) => PathBuf::from(path),
        None => named,
    }
}

fn read(path: &Path, must_exist: bool) -> Result<ConfigFile> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !must_exist => {
            return Ok(ConfigFile::default());
        }
        Err(error) => {
            return Err(Error::invalid(format!(
                "cannot read the config file {}: {error}",
                path.display()
            )));
        }
    };
    toml::from_str(&text).map_err(|error| {
        Error::invalid(format!(
            "the config file {} is invalid: {}",
            path.display(),
            error.message()
        ))
        .with_hint("fix or remove the file")
    })
}

/// The token policy a `[policy]` section stands for: its default lifetime,
/// one limit for every token, and whether `never` is allowed.
fn token_policy(section: &PolicySection) -> Result<TokenPolicy> {
    let duration = |key: &str, text: &str| {
        parse_duration(text)
            .map_err(|error| Error::invalid(format!("config [policy] {key}: {error}")))
    };
    let change = PolicyChange {
        default_lifetime_seconds: match &section.default_lifetime {
            Some(text) => Some(duration("default_lifetime", text)?.num_seconds()),
            None => None,
        },
        allow_never: section.allow_never,
        max_lifetimes: match &section.max_lifetime {
            Some(text) => vec![LimitChange {
                kind: None,
                role: None,
                max_seconds: Some(duration("max_lifetime", text)?.num_seconds()),
            }],
            None => Vec::new(),
        },
        ..PolicyChange::default()
    };
    TokenPolicy::default()
        .changed(&change)
        .map_err(|error| Error::invalid(format!("config [policy]: {}", error.message)))
}
