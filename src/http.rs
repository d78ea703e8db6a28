//! The one HTTP client toolkit: how tokenctl builds every outgoing client
//! (the token server, OAuth providers, webhook receivers), which certificates it trusts, how a
//! transport failure reads, and which server URLs it accepts.

use std::path::Path;
use std::time::Duration;

use reqwest::Url;

use crate::error::{Error, ErrorKind, Result};

/// How long to wait for the server to accept a connection, and to answer.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The HTTP client every outgoing request uses (the token server, OAuth
/// providers): rustls with the system roots plus `ca_cert`, bounded
/// timeouts, and no redirects — a redirect could carry a credential or a
/// form post somewhere the user never named.
pub fn http_client(ca_cert: Option<&Path>) -> Result<reqwest::Client> {
    let mut builder = client_builder().timeout(REQUEST_TIMEOUT);
    if let Some(path) = ca_cert {
        for certificate in read_certificates(path)? {
            builder = builder.add_root_certificate(certificate);
        }
    }
    build(builder)
}

/// The client that sends webhook messages: like [`http_client`], with a
/// shorter timeout (a slow receiver holds one message, never a request of
/// ours) and `resolver` deciding which addresses a name may reach.
pub fn webhook_client(
    resolver: impl reqwest::dns::Resolve + 'static,
    timeout: Duration,
) -> Result<reqwest::Client> {
    build(client_builder().timeout(timeout).dns_resolver(resolver))
}

fn client_builder() -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("tokenctl/", env!("CARGO_PKG_VERSION")))
}

fn build(builder: reqwest::ClientBuilder) -> Result<reqwest::Client> {
    builder
        .build()
        .map_err(|error| Error::internal(format!("cannot set up HTTPS: {error}")))
}

/// "timed out (…)", "could not connect (connection refused)": what went
/// wrong with a request, with its innermost cause — reqwest's own message
/// is generic; the cause (refused, bad certificate, DNS) is further down.
pub fn transport_failure(error: &reqwest::Error) -> String {
    let what = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "could not connect"
    } else {
        "request failed"
    };
    let mut cause = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        cause = inner.to_string();
        source = inner.source();
    }
    format!("{what} ({cause})")
}

/// An answer read whole: its status and body.
pub struct Answer {
    pub status: reqwest::StatusCode,
    pub body: Vec<u8>,
}

/// Sends `request` (to `url`) and reads at most `limit` bytes of the
/// answer, so that no server — an OAuth provider, an OpenID issuer — can
/// make tokenctl hold more. `None` when the answer is longer; a transport
/// failure is `Unreachable`, naming `url`.
pub async fn send_bounded(
    request: reqwest::RequestBuilder,
    url: &str,
    limit: usize,
) -> Result<Option<Answer>> {
    let unreachable = |error: &reqwest::Error| {
        Error::new(
            ErrorKind::Unreachable,
            format!("cannot reach {url}: {}", transport_failure(error)),
        )
    };
    let mut response = request.send().await.map_err(|error| unreachable(&error))?;
    let status = response.status();
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|error| unreachable(&error))?
    {
        if body.len() + chunk.len() > limit {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(Answer { status, body }))
}

fn read_certificates(path: &Path) -> Result<Vec<reqwest::Certificate>> {
    let invalid = |why: String| {
        Error::invalid(format!(
            "cannot use the CA certificate {}: {why}",
            path.display()
        ))
        .with_hint("point TOKENCTL_CA_CERT (or ca_cert in the config file) at a PEM file")
    };
    let pem = std::fs::read(path).map_err(|error| invalid(error.to_string()))?;
    let certificates =
        reqwest::Certificate::from_pem_bundle(&pem).map_err(|error| invalid(error.to_string()))?;
    if certificates.is_empty() {
        return Err(invalid("no certificate in it".to_owned()));
    }
    Ok(certificates)
}

/// Accepts `https://host[:port][/prefix]`, and `http://` for loopback or
/// explicitly chosen plain-text deployments.
pub fn parse_server_url(server: &str) -> Result<Url> {
    let url = Url::parse(server.trim()).map_err(|error| {
        Error::invalid(format!("'{server}' is not a server URL: {error}"))
            .with_hint("write it like https://tokens.example.com")
    })?;
    if !matches!(url.scheme(), "https" | "http") || url.host().is_none() {
        return Err(Error::invalid(format!(
            "'{server}' is not an http(s) server URL"
        )));
    }
    Ok(url)
}
