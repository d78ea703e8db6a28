//! Getting the ID token of the CI job tokenctl runs in: GitHub Actions
//! hands one out on request, GitLab CI puts it in a variable the job names.

use serde::Deserialize;

use crate::env;
use crate::error::{Error, Result};

/// Most a CI provider's answer may hold: an ID token and a little JSON.
const MAX_ANSWER_BYTES: usize = 64 * 1024;

#[derive(Deserialize)]
struct GithubAnswer {
    value: String,
}

/// Asks GitHub Actions for this job's ID token, minted for `audience`:
/// `GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=…` with the bearer
/// `$ACTIONS_ID_TOKEN_REQUEST_TOKEN`. Both are set only in a job with
/// `permissions: id-token: write`.
pub async fn github_id_token(http: &reqwest::Client, audience: &str) -> Result<String> {
    let missing = |name: &str| {
        Error::unauthenticated(format!(
            "{name} is not set: this is not a GitHub Actions job allowed to request an ID token"
        ))
        .with_hint("give the job `permissions: id-token: write` (and contents: read)")
    };
    let url = std::env::var(env::ACTIONS_ID_TOKEN_REQUEST_URL)
        .ok()
        .filter(|url| !url.is_empty())
        .ok_or_else(|| missing(env::ACTIONS_ID_TOKEN_REQUEST_URL))?;
    let bearer = std::env::var(env::ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        .ok()
        .filter(|token| !token.is_empty())
        .ok_or_else(|| missing(env::ACTIONS_ID_TOKEN_REQUEST_TOKEN))?;
    let mut url = reqwest::Url::parse(&url).map_err(|error| {
        Error::invalid(format!(
            "{} is not a URL: {error}",
            env::ACTIONS_ID_TOKEN_REQUEST_URL
        ))
    })?;
    url.query_pairs_mut().append_pair("audience", audience);
    let shown = format!("${}", env::ACTIONS_ID_TOKEN_REQUEST_URL);
    let request = http.get(url).bearer_auth(bearer);
    let Some(crate::http::Answer { status, body }) =
        crate::http::send_bounded(request, &shown, MAX_ANSWER_BYTES).await?
    else {
        return Err(Error::internal(
            "GitHub's ID token answer is longer than any ID token",
        ));
    };
    if !status.is_success() {
        return Err(Error::denied(format!(
            "GitHub refused to hand out an ID token (HTTP {status})"
        ))
        .with_hint("check that the job has `permissions: id-token: write`"));
    }
    let answer: GithubAnswer = serde_json::from_slice(&body).map_err(|error| {
        Error::internal(format!("GitHub's ID token answer is unreadable: {error}"))
    })?;
    Ok(answer.value)
}

/// The ID token GitLab CI put into `TOKENCTL_ID_TOKEN` (the job declares it
/// under `id_tokens:` with its `aud`).
pub fn gitlab_id_token() -> Result<String> {
    let value = std::env::var(env::ID_TOKEN).unwrap_or_default();
    let value = value.trim();
    if value.is_empty() {
        return Err(
            Error::unauthenticated(format!("{} is not set", env::ID_TOKEN)).with_hint(format!(
                "declare it in the job: id_tokens: {{ {}: {{ aud: AUDIENCE }} }}",
                env::ID_TOKEN
            )),
        );
    }
    Ok(value.to_owned())
}
