//! `serve --access-log`: one line per request on stdout — when, from where,
//! what, the answer, how long it took and whose credential it carried —
//! and never a secret: no header, no body, no query string, and a secret
//! pasted into a path becomes its hint.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use axum::extract::{ConnectInfo, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;

use crate::auth::SessionClaims;
use crate::policy::{Actor, Credential};
use crate::secret::Secret;

/// Whose credential a request carried, as the authentication step saw it:
/// a slot the log line reads after the answer. Without `--access-log` there
/// is no slot (`Whose::default()`), so a request costs no allocation for it.
#[derive(Clone, Default)]
pub(super) struct Whose(Option<Arc<Mutex<Option<String>>>>);

impl Whose {
    /// The token a bearer secret names, by its hint, before it is checked:
    /// a refused token still shows whose leaked value is being tried.
    pub(super) fn presented(&self, secret: &Secret) {
        self.set(format!("hint={}", secret.hint()));
    }

    /// The user whose login session a session JWT in the body (a token
    /// exchange) is, once its signature is checked.
    pub(super) fn session(&self, claims: &SessionClaims) {
        self.set(format!("session user={}", claims.sub));
    }

    /// The actor the credential turned out to be.
    pub(super) fn authenticated(&self, actor: &Actor) {
        let credential = match actor.credential {
            Credential::Token(id) => format!("token={id}"),
            Credential::Session(id) => format!("session={id}"),
            Credential::AccessToken => "access-token".to_owned(),
            Credential::IdToken => "id-token".to_owned(),
            Credential::Local | Credential::Password => "-".to_owned(),
        };
        self.set(format!("{credential} user={}", actor.user.name));
    }

    /// A slot for the log line of one request.
    fn recording() -> Whose {
        Whose(Some(Arc::default()))
    }

    fn set(&self, text: String) {
        if let Some(slot) = &self.0 {
            *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(text);
        }
    }

    fn take(&self) -> Option<String> {
        let slot = self.0.as_ref()?;
        slot.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

/// The slot of the request at hand, for a route whose credential is in the
/// body (`/v1/tokens/verify`, `/oauth2/token`) where the authentication
/// step never sees it. Without `--access-log` there is none, and it notes
/// nothing.
impl<S: Sync> FromRequestParts<S> for Whose {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Whose, Self::Rejection> {
        Ok(parts.extensions.get::<Whose>().cloned().unwrap_or_default())
    }
}

/// The path as it may be logged: a token secret in it becomes its hint,
/// and a JWT (a session, an access token: `eyJ…` in three dotted parts)
/// its length.
fn loggable(path: &str) -> String {
    let looks_like_jwt =
        |segment: &str| segment.starts_with("eyJ") && segment.matches('.').count() == 2;
    crate::scan::finder()
        .redact(path)
        .split('/')
        .map(|segment| {
            if looks_like_jwt(segment) {
                format!("…({} bytes)", segment.len())
            } else {
                segment.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The middleware: times the request, lets the routes fill in [`Whose`],
/// and writes the line once the answer is ready.
pub(super) async fn record(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = loggable(request.uri().path());
    // The client behind a trusted proxy, else the peer with its port.
    let extensions = request.extensions();
    let client = match extensions.get::<super::client_address::ClientAddress>() {
        Some(resolved) => resolved.0.to_string(),
        None => extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(|| "-".to_owned(), |info| info.0.to_string()),
    };
    let whose = Whose::recording();
    let mut request = request;
    request.extensions_mut().insert(whose.clone());
    let response = next.run(request).await;
    let who = whose.take().unwrap_or_else(|| "-".to_owned());
    let line = format!(
        "{} {client} {method} {} {} {:.1}ms {who}\n",
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        crate::output::printable(&path),
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0,
    );
    // One write per line, so lines from concurrent requests never interleave.
    let _ = std::io::stdout().lock().write_all(line.as_bytes());
    response
}
