//! The OAuth 2.0 grants over HTTP, on the project's reqwest client (no
//! redirects, timeouts, rustls): authorization code with PKCE S256 and a
//! loopback redirect (RFC 6749, 7636, 8252), the device authorization grant
//! (RFC 8628), client credentials, refresh, and endpoint discovery (OpenID
//! Connect Discovery, RFC 8414). Every answer is checked before anything is
//! saved: an HTML page or a cut-off body is an error, not a token.

use std::time::Duration as StdDuration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Url;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::config::Secrets;
use super::{Endpoints, Entry};
use crate::error::{Error, ErrorKind, Result};

/// Largest answer read from a provider; token responses are a few KiB.
const MAX_BODY: usize = 1024 * 1024;
/// Largest request the loopback listener reads.
const MAX_CALLBACK_REQUEST: usize = 16 * 1024;
/// RFC 8628 §3.5: poll every 5 s unless told otherwise; `slow_down` adds 5 s.
const DEFAULT_INTERVAL: u64 = 5;

/// Tokens a provider issued. `Debug` never shows them.
#[derive(Clone)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: Option<String>,
    pub expires_in: Option<i64>,
    /// Microsoft and Google say how long the refresh token lives.
    pub refresh_token_expires_in: Option<i64>,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Tokens(expires_in: {:?}, refresh token: {})",
            self.expires_in,
            self.refresh_token.is_some()
        )
    }
}

/// Talks to one entry's provider with its client credentials.
pub struct Client<'a> {
    http: reqwest::Client,
    entry: &'a Entry,
    client_secret: Option<&'a str>,
}

impl<'a> Client<'a> {
    /// Fails when a confidential client has no secret (imported without it).
    pub fn new(http: reqwest::Client, entry: &'a Entry, secrets: &'a Secrets) -> Result<Self> {
        let client_secret = secrets.client_secret.as_deref();
        if !entry.public_client && client_secret.is_none() {
            return Err(Error::invalid(format!(
                "OAuth token '{}' has no client secret stored",
                entry.name
            ))
            .with_hint(format!(
                "set it: tokenctl oauth edit {} --new-client-secret",
                entry.name
            )));
        }
        Ok(Client {
            http,
            entry,
            client_secret,
        })
    }

    /// `client_id` (and `client_secret` for a confidential client) in the
    /// body: `client_secret_post`, which Google, Microsoft and most servers
    /// accept, and which avoids Basic auth's encoding pitfalls.
    fn client_auth(&self) -> Vec<(&'static str, String)> {
        let mut form = vec![("client_id", self.entry.client_id.clone())];
        if let Some(secret) = self.client_secret {
            form.push(("client_secret", secret.to_owned()));
        }
        form
    }

    fn scope(&self) -> String {
        self.entry.scopes.join(" ")
    }

    /// `grant_type=client_credentials`.
    pub async fn client_credentials(&self) -> Result<Tokens> {
        let mut form = vec![("grant_type", "client_credentials".to_owned())];
        if !self.entry.scopes.is_empty() {
            form.push(("scope", self.scope()));
        }
        self.token_request(form).await
    }

    /// `grant_type=refresh_token`. A refused refresh token is
    /// [`ErrorKind::Unauthenticated`] with `invalid_grant` in the message.
    pub async fn refresh(&self, refresh_token: &str) -> Result<Tokens> {
        self.token_request(vec![
            ("grant_type", "refresh_token".to_owned()),
            ("refresh_token", refresh_token.to_owned()),
        ])
        .await
    }

    async fn token_request(&self, mut form: Vec<(&'static str, String)>) -> Result<Tokens> {
        form.extend(self.client_auth());
        match post_form::<ProviderTokenResponse>(&self.http, &self.entry.endpoints.token_url, &form)
            .await?
        {
            Ok(response) => response.into_tokens(),
            Err(refusal) => Err(refusal.into_error()),
        }
    }

    /// Starts the authorization code grant: binds the loopback listener and
    /// builds the URL the user opens.
    pub async fn start_code_flow(&self) -> Result<CodeFlow<'_>> {
        let auth_url = self.entry.endpoints.auth_url.as_deref().ok_or_else(|| {
            Error::invalid(format!(
                "OAuth token '{}' has no authorization endpoint",
                self.entry.name
            ))
            .with_hint("set one with oauth edit --auth-url URL, or use --device")
        })?;
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|error| Error::internal(format!("cannot listen on 127.0.0.1: {error}")))?;
        let port = listener
            .local_addr()
            .map_err(|error| Error::internal(format!("cannot listen on 127.0.0.1: {error}")))?
            .port();
        let redirect_uri = format!("http://127.0.0.1:{port}/callback");
        let verifier = random_token()?;
        let state = random_token()?;
        let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
        let mut url = Url::parse(auth_url)
            .map_err(|error| Error::invalid(format!("bad auth_url: {error}")))?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.entry.client_id)
            .append_pair("redirect_uri", &redirect_uri)
            .append_pair("scope", &self.scope())
            .append_pair("state", &state)
            .append_pair("code_challenge", &challenge)
            .append_pair("code_challenge_method", "S256")
            .extend_pairs(self.entry.template.extra_auth_params());
        Ok(CodeFlow {
            client: self,
            listener,
            url,
            redirect_uri,
            verifier,
            state,
        })
    }

    /// Starts the device grant: the provider hands out a user code.
    pub async fn start_device_flow(&self) -> Result<DeviceFlow<'_>> {
        let device_url = self.entry.endpoints.device_url.as_deref().ok_or_else(|| {
            Error::invalid(format!(
                "OAuth token '{}' has no device authorization endpoint",
                self.entry.name
            ))
            .with_hint("set one with oauth edit --device-url URL")
        })?;
        let mut form = self.client_auth();
        form.push(("scope", self.scope()));
        let answer = match post_form::<DeviceResponse>(&self.http, device_url, &form).await? {
            Ok(answer) => answer,
            Err(refusal) => return Err(refusal.into_error()),
        };
        let verification_uri = answer
            .verification_uri
            .or(answer.verification_url)
            .ok_or_else(|| malformed(device_url, "it has no verification_uri"))?;
        Ok(DeviceFlow {
            client: self,
            device_code: answer.device_code,
            user_code: answer.user_code,
            verification_uri,
            verification_uri_complete: answer.verification_uri_complete,
            expires_in: answer.expires_in.map_or(600, |n| n.0.max(1)),
            interval: answer
                .interval
                .map_or(DEFAULT_INTERVAL, |n| n.0.clamp(1, 60)),
        })
    }
}

/// An authorization code grant in progress.
pub struct CodeFlow<'a> {
    client: &'a Client<'a>,
    listener: TcpListener,
    /// The URL to open in a browser.
    pub url: Url,
    redirect_uri: String,
    verifier: String,
    state: String,
}

impl CodeFlow<'_> {
    /// Waits for the browser's redirect to the loopback listener (up to
    /// `timeout`), checks `state`, and trades the code for tokens.
    pub async fn finish(self, timeout: StdDuration) -> Result<Tokens> {
        let code = tokio::time::timeout(timeout, self.callback())
            .await
            .map_err(|_| {
                Error::invalid(format!(
                    "no authorization arrived within {} s",
                    timeout.as_secs()
                ))
                .with_hint("run the command again and finish the sign-in in the browser")
            })??;
        self.client
            .token_request(vec![
                ("grant_type", "authorization_code".to_owned()),
                ("code", code),
                ("redirect_uri", self.redirect_uri.clone()),
                ("code_verifier", self.verifier.clone()),
            ])
            .await
    }

    /// Serves the loopback listener until one request for `/callback`
    /// arrives; anything else (a favicon) gets 404 and is not counted.
    async fn callback(&self) -> Result<String> {
        loop {
            let (mut stream, _) = self.listener.accept().await.map_err(|error| {
                Error::internal(format!("the loopback listener failed: {error}"))
            })?;
            let Some(target) = read_request_target(&mut stream).await else {
                let _ = respond(&mut stream, "400 Bad Request", "Bad request.").await;
                continue;
            };
            let url = Url::parse("http://127.0.0.1")
                .and_then(|base| base.join(&target))
                .ok()
                .filter(|url| url.path() == "/callback");
            let Some(url) = url else {
                let _ = respond(&mut stream, "404 Not Found", "Not found.").await;
                continue;
            };
            let outcome = self.check_callback(&url);
            let page = match &outcome {
                Ok(_) => "tokenctl received the authorization. You can close this window.",
                Err(_) => "tokenctl did not get an authorization. See the terminal.",
            };
            let _ = respond(&mut stream, "200 OK", page).await;
            return outcome;
        }
    }

    fn check_callback(&self, url: &Url) -> Result<String> {
        let param = |name: &str| {
            url.query_pairs()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.into_owned())
        };
        if let Some(error) = param("error") {
            return Err(refused(&error, param("error_description").as_deref()));
        }
        if param("state").as_deref() != Some(self.state.as_str()) {
            return Err(Error::denied(
                "the redirect's state does not match this request (a forged or stale redirect)",
            )
            .with_hint("run the command again"));
        }
        param("code")
            .filter(|code| !code.is_empty())
            .ok_or_else(|| Error::invalid("the redirect carried no authorization code"))
    }
}

/// A device authorization grant in progress.
pub struct DeviceFlow<'a> {
    client: &'a Client<'a>,
    device_code: String,
    pub user_code: String,
    pub verification_uri: String,
    pub verification_uri_complete: Option<String>,
    expires_in: u64,
    interval: u64,
}

impl DeviceFlow<'_> {
    /// Polls the token endpoint until the user approves, refuses, or the
    /// code (or `timeout`) runs out; `slow_down` adds 5 s to the interval.
    pub async fn finish(self, timeout: StdDuration) -> Result<Tokens> {
        let limit = timeout.min(StdDuration::from_secs(self.expires_in));
        let deadline = tokio::time::Instant::now() + limit;
        let mut interval = self.interval;
        loop {
            tokio::time::sleep(StdDuration::from_secs(interval)).await;
            if tokio::time::Instant::now() >= deadline {
                return Err(Error::invalid(format!(
                    "the code was not approved within {} s",
                    limit.as_secs()
                ))
                .with_hint("run the command again"));
            }
            let form = vec![
                (
                    "grant_type",
                    "urn:ietf:params:oauth:grant-type:device_code".to_owned(),
                ),
                ("device_code", self.device_code.clone()),
            ];
            match self.client.token_request(form).await {
                Ok(tokens) => return Ok(tokens),
                Err(error) if error.message.contains("authorization_pending") => {}
                Err(error) if error.message.contains("slow_down") => interval += 5,
                Err(error) => return Err(error),
            }
        }
    }
}

/// Endpoints from the issuer's metadata: OpenID Connect Discovery, else
/// RFC 8414. The document must name the same issuer (no mix-up).
pub async fn discover(http: &reqwest::Client, issuer: &str) -> Result<Endpoints> {
    super::check_url("issuer", Some(issuer))?;
    let trimmed = issuer.trim_end_matches('/');
    let mut oauth_metadata =
        Url::parse(trimmed).map_err(|error| Error::invalid(format!("bad issuer URL: {error}")))?;
    // RFC 8414 §3: the well-known segment goes before the issuer's path.
    let path = oauth_metadata.path().trim_end_matches('/').to_owned();
    oauth_metadata.set_path(&format!("/.well-known/oauth-authorization-server{path}"));
    let candidates = [
        format!("{trimmed}/.well-known/openid-configuration"),
        oauth_metadata.to_string(),
    ];
    let mut last_error = None;
    for url in candidates {
        match get_json::<Metadata>(http, &url).await {
            Ok(metadata) => return metadata.endpoints(trimmed, &url),
            Err(error) => last_error = Some(error),
        }
    }
    Err(last_error
        .unwrap_or_else(|| Error::internal("no discovery URL"))
        .with_hint("check --issuer, or give --auth-url, --token-url and --device-url"))
}

#[derive(Deserialize)]
struct Metadata {
    issuer: String,
    authorization_endpoint: Option<String>,
    token_endpoint: Option<String>,
    device_authorization_endpoint: Option<String>,
}

impl Metadata {
    fn endpoints(self, issuer: &str, url: &str) -> Result<Endpoints> {
        if self.issuer.trim_end_matches('/') != issuer {
            return Err(malformed(
                url,
                &format!("it names another issuer ({})", self.issuer),
            ));
        }
        let endpoints = Endpoints {
            auth_url: self.authorization_endpoint,
            token_url: self
                .token_endpoint
                .ok_or_else(|| malformed(url, "it has no token_endpoint"))?,
            device_url: self.device_authorization_endpoint,
        };
        endpoints.validate()?;
        Ok(endpoints)
    }
}

/// RFC 6749 §5.1. `expires_in` as a number, or a numeric string (older
/// Microsoft endpoints).
#[derive(Deserialize)]
struct ProviderTokenResponse {
    access_token: String,
    token_type: String,
    expires_in: Option<Seconds>,
    refresh_token: Option<String>,
    refresh_token_expires_in: Option<Seconds>,
}

impl ProviderTokenResponse {
    fn into_tokens(self) -> Result<Tokens> {
        if !self.token_type.eq_ignore_ascii_case("bearer") {
            return Err(Error::internal(format!(
                "the provider issued a '{}' token; tokenctl handles bearer tokens only",
                self.token_type
            )));
        }
        if self.access_token.is_empty() {
            return Err(Error::internal("the provider issued an empty access token"));
        }
        Ok(Tokens {
            access_token: self.access_token,
            refresh_token: self.refresh_token.filter(|token| !token.is_empty()),
            expires_in: self
                .expires_in
                .map(|n| i64::try_from(n.0).unwrap_or(i64::MAX)),
            refresh_token_expires_in: self
                .refresh_token_expires_in
                .map(|n| i64::try_from(n.0).unwrap_or(i64::MAX)),
        })
    }
}

/// RFC 8628 §3.2 (Google says `verification_url`).
#[derive(Deserialize)]
struct DeviceResponse {
    device_code: String,
    user_code: String,
    verification_uri: Option<String>,
    verification_url: Option<String>,
    verification_uri_complete: Option<String>,
    expires_in: Option<Seconds>,
    interval: Option<Seconds>,
}

/// A count of seconds, written as a JSON number or a numeric string.
struct Seconds(u64);

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(u64),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Number(n) => Ok(Seconds(n)),
            Raw::Text(text) => text
                .parse()
                .map(Seconds)
                .map_err(|_| serde::de::Error::custom("not a number of seconds")),
        }
    }
}

/// RFC 6749 §5.2: `{"error": "...", "error_description": "..."}`.
#[derive(Deserialize)]
struct Refusal {
    error: String,
    error_description: Option<String>,
}

impl Refusal {
    fn into_error(self) -> Error {
        refused(&self.error, self.error_description.as_deref())
    }
}

/// A provider's refusal as an error: the code decides the exit code.
fn refused(code: &str, description: Option<&str>) -> Error {
    let code: String = code.chars().filter(|c| !c.is_control()).take(64).collect();
    let detail = description
        .map(|text| {
            let text: String = text.chars().filter(|c| !c.is_control()).take(200).collect();
            format!(": {text}")
        })
        .unwrap_or_default();
    let kind = match code.as_str() {
        "invalid_grant" | "invalid_client" | "unauthorized_client" => ErrorKind::Unauthenticated,
        "access_denied" => ErrorKind::PermissionDenied,
        "authorization_pending" | "slow_down" => ErrorKind::Conflict,
        _ => ErrorKind::InvalidInput,
    };
    Error::new(kind, format!("the provider refused: {code}{detail}"))
}

fn malformed(url: &str, why: &str) -> Error {
    Error::internal(format!("the answer from {url} is not usable: {why}"))
        .with_hint("check the endpoint URLs: tokenctl oauth show NAME")
}

/// POSTs a form; a 2xx JSON answer is `Ok(Ok(T))`, an OAuth error answer
/// `Ok(Err(Refusal))`, anything else (HTML, cut off, not JSON) an error.
async fn post_form<T: DeserializeOwned>(
    http: &reqwest::Client,
    url: &str,
    form: &[(&'static str, String)],
) -> Result<std::result::Result<T, Refusal>> {
    let request = http
        .post(url)
        .header(reqwest::header::ACCEPT, "application/json")
        .form(form);
    let (status, body) = send(request, url).await?;
    if status.is_success() {
        return parse(&body, url).map(Ok);
    }
    match serde_json::from_slice::<Refusal>(&body) {
        Ok(refusal) => Ok(Err(refusal)),
        Err(_) => Err(malformed(
            url,
            &format!("HTTP {status} and no OAuth error in the body"),
        )),
    }
}

async fn get_json<T: DeserializeOwned>(http: &reqwest::Client, url: &str) -> Result<T> {
    let request = http
        .get(url)
        .header(reqwest::header::ACCEPT, "application/json");
    let (status, body) = send(request, url).await?;
    if !status.is_success() {
        return Err(malformed(url, &format!("HTTP {status}")));
    }
    parse(&body, url)
}

fn parse<T: DeserializeOwned>(body: &[u8], url: &str) -> Result<T> {
    serde_json::from_slice(body).map_err(|error| {
        let what = if body.trim_ascii_start().starts_with(b"<") {
            "it is an HTML page, not JSON".to_owned()
        } else {
            // serde_json's message names the field, never the values.
            format!("{error}")
        };
        malformed(url, &what)
    })
}

/// Sends a request and reads at most [`MAX_BODY`] bytes of the answer.
async fn send(
    request: reqwest::RequestBuilder,
    url: &str,
) -> Result<(reqwest::StatusCode, Vec<u8>)> {
    crate::http::send_bounded(request, url, MAX_BODY)
        .await?
        .map(|answer| (answer.status, answer.body))
        .ok_or_else(|| malformed(url, "the answer is larger than 1 MiB"))
}

/// 32 random bytes, base64url: a PKCE verifier (RFC 7636 §4.1) or a state.
fn random_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|error| Error::internal(format!("no randomness available: {error}")))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// The request target of a `GET` (`/callback?code=…`), or `None` when the
/// request is not one.
async fn read_request_target(stream: &mut tokio::net::TcpStream) -> Option<String> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 2048];
    let read = async {
        while !buffer.windows(4).any(|window| window == b"\r\n\r\n") {
            let n = stream.read(&mut chunk).await.ok()?;
            if n == 0 || buffer.len() + n > MAX_CALLBACK_REQUEST {
                return None;
            }
            buffer.extend_from_slice(&chunk[..n]);
        }
        Some(())
    };
    tokio::time::timeout(StdDuration::from_secs(10), read)
        .await
        .ok()??;
    let text = std::str::from_utf8(&buffer).ok()?;
    let mut parts = text.lines().next()?.split(' ');
    match (parts.next(), parts.next()) {
        (Some("GET"), Some(target)) if target.starts_with('/') => Some(target.to_owned()),
        _ => None,
    }
}

async fn respond(
    stream: &mut tokio::net::TcpStream,
    status: &str,
    text: &str,
) -> std::io::Result<()> {
    let body = format!("<!DOCTYPE html><title>tokenctl</title><p>{text}</p>\n");
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).await?;
    stream.shutdown().await
}
