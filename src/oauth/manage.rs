//! The OAuth operations the commands call: obtaining, refreshing and handing
//! out tokens, with their bookkeeping (expiry times, a refused refresh
//! token). Secrets are written before the entry that describes them, so an
//! entry never claims a token that isn't stored.

use chrono::{DateTime, Duration, Utc};

use super::config::{OAuthStore, Secrets};
use super::flows::{Client, Tokens};
use super::{Entry, Grant, State, TokenState};
use crate::error::{Error, ErrorKind, Result};

/// A token that expires within this margin is renewed before it is handed
/// out: a script should not get a token that dies on its first use.
const RENEW_MARGIN_SECONDS: i64 = 60;

/// Lifetimes beyond this are treated as "no expiry given" (and keep the
/// arithmetic clear of chrono's limits).
const MAX_LIFETIME_SECONDS: i64 = 100 * 365 * 86_400;

/// How tokens came: a new grant, or the renewal of the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issued {
    New(Grant),
    Renewal,
}

/// Records freshly issued `tokens` in `entry` and `secrets`. A renewal
/// answer without a new refresh token keeps the old one and its expiry; a
/// new grant replaces everything.
pub fn apply_tokens(
    entry: &mut Entry,
    secrets: &mut Secrets,
    tokens: Tokens,
    issued: Issued,
    now: DateTime<Utc>,
) {
    let lifetime = |seconds: i64| {
        (0..MAX_LIFETIME_SECONDS)
            .contains(&seconds)
            .then(|| now + Duration::seconds(seconds))
    };
    let previous = entry.token.take();
    let grant = match (issued, &previous) {
        (Issued::New(grant), _) => grant,
        (Issued::Renewal, Some(old)) => old.grant,
        (Issued::Renewal, None) => Grant::AuthorizationCode,
    };
    let kept = previous
        .filter(|old| issued == Issued::Renewal && old.has_refresh_token)
        .filter(|_| secrets.refresh_token.is_some())
        .map(|old| old.refresh_expires_at);
    let (has_refresh_token, refresh_expires_at) = match (tokens.refresh_token, kept) {
        (Some(refresh_token), _) => {
            secrets.refresh_token = Some(refresh_token);
            let expires = tokens
                .refresh_token_expires_in
                .and_then(lifetime)
                .or_else(|| entry.validity().map(|validity| now + validity));
            (true, expires)
        }
        (None, Some(expires)) => (true, expires),
        (None, None) => {
            secrets.refresh_token = None;
            (false, None)
        }
    };
    secrets.access_token = Some(tokens.access_token);
    entry.token = Some(TokenState {
        grant,
        obtained_at: now,
        expires_at: tokens.expires_in.and_then(lifetime),
        has_refresh_token,
        refresh_expires_at,
    });
}

/// Saves the outcome of a grant: secrets first, then the entry.
pub async fn save(store: &OAuthStore<'_>, entry: Entry, secrets: &Secrets) -> Result<Entry> {
    store.put_secrets(&entry, secrets).await?;
    store.update(entry.clone())?;
    Ok(entry)
}

/// Renews the access token: with the refresh token, or for a client
/// credentials entry by asking again. A refresh token the provider refuses
/// is recorded as expired (so notices and `status` say a new authorization
/// is needed) and reported with the command that gets one.
///
/// One process at a time renews an entry: this waits for any other that is
/// renewing it, then starts from what that one saved.
pub async fn refresh(
    store: &OAuthStore<'_>,
    http: reqwest::Client,
    entry: Entry,
) -> Result<(Entry, String)> {
    let _renewing = store.lock_renewal(&entry.name)?;
    let entry = store.get(&entry.name)?;
    renew(store, http, entry).await
}

/// [`refresh`], under the renewal lock.
async fn renew(
    store: &OAuthStore<'_>,
    http: reqwest::Client,
    mut entry: Entry,
) -> Result<(Entry, String)> {
    let request_again = || {
        format!(
            "a new authorization is needed: tokenctl oauth request {}",
            entry.name
        )
    };
    let Some(state) = entry.token.clone() else {
        return Err(
            Error::not_found(format!("OAuth token '{}' has no token yet", entry.name))
                .with_hint(format!("get one: tokenctl oauth request {}", entry.name)),
        );
    };
    let mut secrets = store.secrets(&entry).await?;
    let outcome = {
        let client = Client::new(http, &entry, &secrets)?;
        match (&secrets.refresh_token, state.grant) {
            (Some(refresh_token), _) => client.refresh(refresh_token).await,
            (None, Grant::ClientCredentials) => client.client_credentials().await,
            (None, _) => {
                return Err(Error::unauthenticated(format!(
                    "OAuth token '{}' has no refresh token",
                    entry.name
                ))
                .with_hint(request_again()));
            }
        }
    };
    let now = crate::time::now();
    let tokens = match outcome {
        Ok(tokens) => tokens,
        Err(error)
            if error.kind == ErrorKind::Unauthenticated && secrets.refresh_token.is_some() =>
        {
            let hint = request_again();
            if let Some(token) = &mut entry.token {
                token.refresh_expires_at = Some(now);
            }
            store.update(entry)?;
            return Err(Error::unauthenticated(format!(
                "the refresh token is no longer valid ({})",
                error.message
            ))
            .with_hint(hint));
        }
        Err(error) => return Err(error),
    };
    apply_tokens(&mut entry, &mut secrets, tokens, Issued::Renewal, now);
    let access_token = secrets.access_token.clone().unwrap_or_default();
    Ok((save(store, entry, &secrets).await?, access_token))
}

/// An access token that is valid for at least another minute, renewed
/// first when needed: what `$(tokenctl oauth token NAME)` prints.
pub async fn valid_token(
    store: &OAuthStore<'_>,
    http: reqwest::Client,
    entry: Entry,
) -> Result<String> {
    if let Some(token) = lasting_token(store, &entry).await? {
        return Ok(token);
    }
    if entry.state(crate::time::now()) == State::NoToken {
        return Err(
            Error::not_found(format!("OAuth token '{}' has no token yet", entry.name))
                .with_hint(format!("get one: tokenctl oauth request {}", entry.name)),
        );
    }
    // Parallel jobs asking at once: the first renews, the others wait for
    // it and then find its token here instead of renewing again.
    let _renewing = store.lock_renewal(&entry.name)?;
    let entry = store.get(&entry.name)?;
    if let Some(token) = lasting_token(store, &entry).await? {
        return Ok(token);
    }
    Ok(renew(store, http, entry).await?.1)
}

/// The saved access token while it stays valid for [`RENEW_MARGIN_SECONDS`].
async fn lasting_token(store: &OAuthStore<'_>, entry: &Entry) -> Result<Option<String>> {
    let soon = crate::time::now() + Duration::seconds(RENEW_MARGIN_SECONDS);
    if entry.state(soon) != State::Valid {
        return Ok(None);
    }
    Ok(store.secrets(entry).await?.access_token)
}
