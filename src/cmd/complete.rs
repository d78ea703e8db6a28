//! Dynamic shell completion (`source <(COMPLETE=bash tokenctl)`, as jj
//! does it): after `show`, `revoke`, `user disable`, `oauth token`, …, the
//! shell offers the names that are there, read from where the command would
//! go. The static scripts of `tokenctl completions` stay for those who
//! prefer them.
//!
//! Completion runs beneath the user's prompt on every Tab, so it never
//! prompts, prints, creates a store, or makes the shell wait: silent
//! output, a short deadline, and any failure is simply no candidates. It
//! sees the environment (`TOKENCTL_STORE`, `TOKENCTL_SERVER`, …) and the
//! current profile, not the flags typed on the line being completed.

use std::time::Duration;

use clap::builder::StyledStr;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

use super::{Context, Target, context};
use crate::backend::Backend;
use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::model::Status;
use crate::output::Output;
use crate::paging::{MAX_LIMIT, PageRequest};
use crate::requests::{ListRequest, UsersRequest};

/// How long a Tab may wait for the store or the server.
const DEADLINE: Duration = Duration::from_secs(2);

/// Active tokens: each by name and by ID, the other as its help.
pub(crate) fn tokens() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        candidates(async |ctx| {
            let request = ListRequest {
                status: Some(Status::Active),
                page: PageRequest::first(MAX_LIMIT),
                ..ListRequest::default()
            };
            let tokens = backend(ctx).await?.list_tokens(request).await?.items;
            Ok(tokens
                .iter()
                .flat_map(|token| {
                    [
                        candidate(&token.name, format!("token {}, {}", token.id, token.owner)),
                        candidate(&token.id.to_string(), token.name.clone()),
                    ]
                })
                .collect())
        })
    })
}

/// Users that have not been removed, with their role.
pub(crate) fn users() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        candidates(async |ctx| {
            let request = UsersRequest {
                removed: false,
                page: PageRequest::first(MAX_LIMIT),
            };
            let users = backend(ctx).await?.users(request).await?.items;
            Ok(users
                .iter()
                .map(|user| candidate(&user.name, format!("role {}", user.role)))
                .collect())
        })
    })
}

/// Roles, with their description.
pub(crate) fn roles() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        candidates(async |ctx| {
            let roles = backend(ctx).await?.roles().await?;
            Ok(roles
                .iter()
                .map(|role| candidate(&role.name, role.description.clone()))
                .collect())
        })
    })
}

/// The OAuth entries of this machine, with their template.
pub(crate) fn oauth_entries() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        candidates(async |ctx| {
            let entries = super::oauth::common::store(ctx).load()?;
            Ok(entries
                .iter()
                .map(|entry| candidate(&entry.name, entry.template.to_string()))
                .collect())
        })
    })
}

/// The saved logins, with their server.
pub(crate) fn profiles() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        candidates(async |ctx| {
            let profiles = ctx.sessions.profiles()?;
            Ok(profiles
                .profiles
                .iter()
                .map(|(name, profile)| candidate(name, profile.server.clone()))
                .collect())
        })
    })
}

fn candidate(value: &str, help: String) -> CompletionCandidate {
    CompletionCandidate::new(value).help(Some(StyledStr::from(help)))
}

/// What `list` finds in a silent context, or nothing.
fn candidates(
    list: impl AsyncFnOnce(&Context) -> Result<Vec<CompletionCandidate>>,
) -> Vec<CompletionCandidate> {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    runtime.block_on(async {
        let Ok(ctx) = context(Output::silent(), GlobalArgs::from_environment()) else {
            return Vec::new();
        };
        match tokio::time::timeout(DEADLINE, list(&ctx)).await {
            Ok(Ok(found)) => found,
            _ => Vec::new(),
        }
    })
}

/// The backend, unless that would create a local store.
async fn backend(ctx: &Context) -> Result<std::sync::Arc<dyn Backend>> {
    if matches!(ctx.target()?, Target::Local) && !ctx.settings.store.exists() {
        return Err(Error::invalid("no store yet"));
    }
    ctx.backend().await
}
