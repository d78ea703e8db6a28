//! How the remote backend talks: URLs under the server's base, the bearer
//! credential, and every failure turned into the typed error the local
//! service would have raised.

use reqwest::header::{HeaderMap, LINK};
use reqwest::{Method, RequestBuilder, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::RemoteBackend;
use crate::api;
use crate::error::{Error, ErrorKind, Result};
use crate::http::transport_failure;
use crate::paging::{Cursor, Page};

impl RemoteBackend {
    /// `/v1/<segments…>`, each segment percent-encoded (token names may hold
    /// spaces or slashes).
    pub(super) fn url(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().push("v1").extend(segments);
        }
        url
    }

    /// A path of the server's own that is not under `/v1` (the standard
    /// OAuth endpoints), below the base URL's prefix like everything else.
    pub(super) fn outside_v1(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        url.set_path(&format!("{}{path}", self.base.path().trim_end_matches('/')));
        url
    }

    pub(super) fn request(&self, method: Method, segments: &[&str]) -> RequestBuilder {
        let request = self.http.request(method, self.url(segments));
        match &self.credential {
            Some(credential) => request.bearer_auth(credential),
            None => request,
        }
    }

    pub(super) async fn call<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        segments: &[&str],
        body: Option<&B>,
    ) -> Result<T> {
        let mut request = self.request(method, segments);
        if let Some(body) = body {
            request = request.json(body);
        }
        self.send(request).await
    }

    /// Sends `request` and reads the whole answer; a lost connection or a
    /// cut-off body is "unreachable" (exit 6).
    pub(super) async fn fetch(&self, request: RequestBuilder) -> Result<(StatusCode, Vec<u8>)> {
        let (status, _, body) = self.fetch_with_headers(request).await?;
        Ok((status, body))
    }

    async fn fetch_with_headers(
        &self,
        request: RequestBuilder,
    ) -> Result<(StatusCode, HeaderMap, Vec<u8>)> {
        let response = request
            .send()
            .await
            .map_err(|error| self.transport_error(&error))?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .await
            .map_err(|error| self.cut_off(&error))?;
        Ok((status, headers, body.to_vec()))
    }

    /// One page of a list route: its items, and the cursor its
    /// `Link: rel="next"` header carries when more follow.
    pub(super) async fn get_page<Q: Serialize, T: DeserializeOwned>(
        &self,
        segments: &[&str],
        query: &Q,
    ) -> Result<Page<T>> {
        let request = self.request(Method::GET, segments).query(query);
        let (status, headers, body) = self.fetch_with_headers(request).await?;
        let items = self.answer(status, &body)?;
        let next = match headers.get(LINK) {
            None => None,
            Some(link) => next_cursor(link.to_str().unwrap_or_default())
                .ok_or_else(|| self.unreadable_text("its Link header names no next cursor"))
                .map(Some)?,
        };
        Ok(Page { items, next })
    }

    pub(super) fn cut_off(&self, error: &reqwest::Error) -> Error {
        Error::new(
            ErrorKind::Unreachable,
            format!("the answer from {} was cut off: {error}", self.base),
        )
    }

    pub(super) fn unreadable(&self, error: &serde_json::Error) -> Error {
        self.unreadable_text(&error.to_string())
    }

    pub(super) fn unreadable_text(&self, error: &str) -> Error {
        Error::internal(format!(
            "the server at {} sent an answer tokenctl can't read: {error}",
            self.base
        ))
        .with_hint("is --server pointing at a tokenctl server of a matching version?")
    }

    pub(super) async fn get_with_query<Q: Serialize, T: DeserializeOwned>(
        &self,
        segments: &[&str],
        query: &Q,
    ) -> Result<T> {
        self.send(self.request(Method::GET, segments).query(query))
            .await
    }

    pub(super) async fn send<T: DeserializeOwned>(&self, request: RequestBuilder) -> Result<T> {
        let (status, body) = self.fetch(request).await?;
        self.answer(status, &body)
    }

    /// A success's body as `T`, or the error a failure's body describes.
    fn answer<T: DeserializeOwned>(&self, status: StatusCode, body: &[u8]) -> Result<T> {
        if status.is_success() {
            return serde_json::from_slice(body).map_err(|error| self.unreadable(&error));
        }
        Err(match serde_json::from_slice::<api::ErrorBody>(body) {
            Ok(api::ErrorBody { error }) => error,
            Err(_) => unexpected_status(status, &self.base),
        })
    }

    pub(super) fn transport_error(&self, error: &reqwest::Error) -> Error {
        let failure = transport_failure(error);
        // A certificate this machine does not trust: the server is there,
        // and the fix is to trust its CA, not another address.
        let hint = if failure.contains("invalid peer certificate") {
            "the server's certificate is not trusted here: point TOKENCTL_CA_CERT \
             (or ca_cert in the config file) at its CA certificate (PEM)"
        } else {
            "check --server / TOKENCTL_SERVER and that the server is running"
        };
        Error::new(
            ErrorKind::Unreachable,
            format!("cannot reach the server at {}: {failure}", self.base),
        )
        .with_hint(hint)
    }
}

/// The `cursor` of the `rel="next"` target in a Link header (RFC 8288):
/// `<?…&cursor=C>; rel="next"`, as the server writes it.
fn next_cursor(header: &str) -> Option<Cursor> {
    header.split(',').find_map(|link| {
        let (target, parameters) = link.trim().split_once(';')?;
        let is_next = parameters
            .split(';')
            .any(|parameter| parameter.trim() == "rel=\"next\"");
        let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
        let query = target.split_once('?').map_or("", |(_, query)| query);
        is_next
            .then(|| {
                form_urlencoded::parse(query.as_bytes())
                    .find(|(name, _)| name == "cursor")
                    .map(|(_, cursor)| Cursor::from_client(cursor.into_owned()))
            })
            .flatten()
    })
}

pub(super) fn unexpected_status(status: StatusCode, base: &Url) -> Error {
    let kind = match status {
        StatusCode::UNAUTHORIZED => ErrorKind::Unauthenticated,
        StatusCode::FORBIDDEN => ErrorKind::PermissionDenied,
        StatusCode::NOT_FOUND => ErrorKind::NotFound,
        StatusCode::CONFLICT => ErrorKind::Conflict,
        StatusCode::TOO_MANY_REQUESTS => ErrorKind::RateLimited,
        _ => ErrorKind::Internal,
    };
    Error::new(kind, format!("the server at {base} answered {status}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_cursor_is_read_from_the_next_link_only() {
        let cursor = |header: &str| next_cursor(header).map(|cursor| cursor.as_str().to_owned());
        assert_eq!(
            cursor("<?status=all&limit=7&cursor=v1.MTI>; rel=\"next\""),
            Some("v1.MTI".to_owned())
        );
        assert_eq!(
            cursor(
                "<https://a.example/v1/tokens?page=2>; rel=\"prev\", <?cursor=v1.Mw>; rel=\"next\""
            ),
            Some("v1.Mw".to_owned())
        );
        assert_eq!(cursor("<?cursor=v1.Mw>; rel=\"prev\""), None);
        assert_eq!(cursor("<?limit=3>; rel=\"next\""), None);
        assert_eq!(cursor("garbage"), None);
    }
}
