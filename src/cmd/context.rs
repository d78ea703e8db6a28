//! What every command gets: where its output goes, the settings, and the
//! backend its target names — the local store or a server, with the
//! caller's login when the command needs one.

use std::sync::Arc;

use tokio::sync::OnceCell;

use crate::backend::{Backend, LocalBackend, RemoteBackend};
use crate::config::Settings;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::requests::Origin;
use crate::session::{Profile, Sessions};

/// What every command gets: how to print, and how to reach the backend.
pub struct Context {
    pub out: Output,
    pub settings: Settings,
    pub origin: Origin,
    pub sessions: Sessions,
    /// `--profile` / `TOKENCTL_PROFILE`.
    pub profile: Option<String>,
    /// The backend with the caller's login, once a command has opened it:
    /// opened once per run, and what the end-of-command notice asks about
    /// the user's tokens (a command that opened none gets no such notice).
    opened: OnceCell<Arc<dyn Backend>>,
}

/// Where commands go: the local store, or a server (with the profile that
/// names it, when one does).
pub enum Target {
    Local,
    Remote {
        server: String,
        profile: Option<(String, Profile)>,
    },
}

impl Context {
    pub fn new(
        out: Output,
        settings: Settings,
        origin: Origin,
        sessions: Sessions,
        profile: Option<String>,
    ) -> Context {
        Context {
            out,
            settings,
            origin,
            sessions,
            profile,
            opened: OnceCell::new(),
        }
    }

    /// Decides between local store and server, in this order: `--server`
    /// (or `TOKENCTL_SERVER`, or `server` in the config file); a named
    /// `--store`; `--profile`; the profile of the last login; else local.
    pub fn target(&self) -> Result<Target> {
        let profiles = self.sessions.profiles()?;
        let named = |name: &str| {
            profiles
                .profiles
                .get(name)
                .map(|profile| (name.to_owned(), profile.clone()))
        };
        if let Some(server) = &self.settings.server {
            let profile = match &self.profile {
                Some(name) => named(name),
                None => profiles
                    .profiles
                    .iter()
                    .find(|(_, profile)| same_server(&profile.server, server))
                    .map(|(name, profile)| (name.clone(), profile.clone())),
            };
            return Ok(Target::Remote {
                server: server.clone(),
                profile,
            });
        }
        if self.settings.store_named {
            return Ok(Target::Local);
        }
        if let Some(name) = &self.profile {
            let profile = named(name).ok_or_else(|| {
                Error::invalid(format!("there is no profile named '{name}'")).with_hint(format!(
                    "log in first: tokenctl login --server URL --profile {name}"
                ))
            })?;
            return Ok(Target::Remote {
                server: profile.1.server.clone(),
                profile: Some(profile),
            });
        }
        Ok(match profiles.current.as_deref().and_then(named) {
            Some(profile) => Target::Remote {
                server: profile.1.server.clone(),
                profile: Some(profile),
            },
            None => Target::Local,
        })
    }

    /// The backend the target names, with the caller's login. Opened when
    /// a command first asks, not up front, so that commands that need none
    /// (completions) never create a store.
    pub async fn backend(&self) -> Result<Arc<dyn Backend>> {
        self.opened
            .get_or_try_init(|| self.open_backend(Login::Required))
            .await
            .cloned()
    }

    /// The backend [`Context::backend`] opened, if a command did.
    pub fn opened_backend(&self) -> Option<&Arc<dyn Backend>> {
        self.opened.get()
    }

    /// The backend for a command that brings its own credential as input
    /// (`exchange --token-stdin`): a server is reached without a login.
    pub async fn backend_without_login(&self) -> Result<Arc<dyn Backend>> {
        self.open_backend(Login::NotNeeded).await
    }

    async fn open_backend(&self, login: Login) -> Result<Arc<dyn Backend>> {
        match self.remote_with(login).await? {
            Some(remote) => Ok(Arc::new(remote)),
            None => {
                self.say_when_local_by_default()?;
                Ok(Arc::new(self.local_backend().await?))
            }
        }
    }

    /// One note when a command goes to the local store only because no
    /// profile is current although some exist (after a `logout`): the user
    /// last worked on a server, and a token minted here instead would be a
    /// surprise.
    fn say_when_local_by_default(&self) -> Result<()> {
        if self.settings.store_named || self.settings.server.is_some() || self.profile.is_some() {
            return Ok(());
        }
        let profiles = self.sessions.profiles()?;
        if profiles.current.is_none() && !profiles.profiles.is_empty() {
            self.out.note(&format!(
                "note: no profile is current, so this uses the local store at {}; \
                 tokenctl profile use NAME goes back to a server (tokenctl profile list)",
                self.settings.store.display()
            ));
        }
        Ok(())
    }

    /// The server backend with its credential, or `None` for the local store.
    pub async fn remote(&self) -> Result<Option<RemoteBackend>> {
        self.remote_with(Login::Required).await
    }

    async fn remote_with(&self, login: Login) -> Result<Option<RemoteBackend>> {
        match self.target()? {
            Target::Local => Ok(None),
            Target::Remote { server, profile } => {
                // A malformed URL is the mistake to name, before any talk
                // of logging in to it.
                crate::http::parse_server_url(&server)?;
                let credential = match login {
                    Login::Required => Some(self.credential(&server, profile.as_ref()).await?),
                    Login::NotNeeded => None,
                };
                let ca_cert = self.ca_cert(profile.as_ref().map(|(_, profile)| profile));
                Ok(Some(RemoteBackend::new(
                    &server,
                    credential,
                    ca_cert.as_deref(),
                )?))
            }
        }
    }

    /// The CA certificate to trust a server with: the one given now
    /// (`TOKENCTL_CA_CERT`, `ca_cert`), else the one `profile`'s login used.
    pub fn ca_cert(&self, profile: Option<&Profile>) -> Option<std::path::PathBuf> {
        self.settings
            .ca_cert
            .clone()
            .or_else(|| profile.and_then(|profile| profile.ca_cert.clone()))
    }

    async fn local_backend(&self) -> Result<LocalBackend> {
        tracing::debug!(store = %self.settings.store.display(), "opening local store");
        let backend = LocalBackend::open(&self.settings.store, self.origin.clone()).await?;
        if let Some(config) = &self.settings.config_policy {
            let imported = backend
                .service()
                .import_token_policy(&config.policy, &config.file.display().to_string())
                .await;
            super::policy::report_import(&self.out, config, imported);
        }
        Ok(backend)
    }
}

/// Whether two spellings name one server (`http://h:1` and `http://h:1/`).
fn same_server(saved: &str, given: &str) -> bool {
    match (
        crate::http::parse_server_url(saved),
        crate::http::parse_server_url(given),
    ) {
        (Ok(saved), Ok(given)) => saved == given,
        _ => saved == given,
    }
}

/// Whether a command needs the caller's login on a server.
#[derive(Debug, Clone, Copy)]
enum Login {
    Required,
    NotNeeded,
}
