//! The API's routes, one module per resource. Each handler parses, calls the
//! service, and returns the result as JSON.

mod audit;
mod authentication_token;
mod authorization_server;
mod keys;
mod leaks;
mod meta;
mod policy;
mod roles;
mod session;
mod sessions;
mod tokens;
mod trust;
mod two_factor;
mod users;
mod webhooks;

use axum::Router;
use axum::extract::{FromRequest, FromRequestParts};
use serde::de::DeserializeOwned;

use crate::json_object::Object;

pub(super) use meta::{OPENAPI, render_metrics};

use super::AppState;
use super::error::ApiError;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .merge(meta::routes())
        .merge(session::routes())
        .merge(sessions::routes())
        .merge(tokens::routes())
        .merge(audit::routes())
        .merge(policy::routes())
        .merge(roles::routes())
        .merge(trust::routes())
        .merge(users::routes())
        .merge(two_factor::routes())
        .merge(keys::routes())
        .merge(leaks::routes())
        .merge(webhooks::routes())
        .merge(authorization_server::routes())
        .merge(authentication_token::routes())
}

/// `axum::Json`, but failures answer with our JSON error body, and a body
/// is a JSON object and nothing else: serde alone also reads `[]` or
/// `["deploy"]` as a struct, field by field, which the OpenAPI document
/// does not allow and no client means.
pub(super) struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        let axum::Json(Object(value)) =
            axum::Json::<Object<T>>::from_request(request, state).await?;
        Ok(Json(value))
    }
}

impl<T: serde::Serialize> axum::response::IntoResponse for Json<T> {
    /// Like `axum::Json`, but into a buffer sized for a typical answer (a
    /// token is about 500 bytes) rather than grown from 128 bytes.
    fn into_response(self) -> axum::response::Response {
        let mut body = Vec::with_capacity(1024);
        match serde_json::to_writer(&mut body, &self.0) {
            Ok(()) => (
                [(
                    axum::http::header::CONTENT_TYPE,
                    axum::http::HeaderValue::from_static("application/json"),
                )],
                body,
            )
                .into_response(),
            Err(error) => ApiError(crate::error::Error::internal(format!(
                "cannot encode the answer: {error}"
            )))
            .into_response(),
        }
    }
}

/// A JSON body that may be left out: no body at all reads as
/// `T::default()`. For actions whose options are all optional, so that
/// `curl -X POST …/regenerate` works without `-d '{}'`.
pub(super) struct JsonOrEmpty<T>(pub T);

impl<T, S> FromRequest<S> for JsonOrEmpty<T>
where
    T: DeserializeOwned + Default,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, super::MAX_BODY_BYTES)
            .await
            .map_err(|_| {
                ApiError(crate::error::Error::invalid(
                    "the request body is too large or could not be read",
                ))
            })?;
        if bytes.is_empty() {
            return Ok(JsonOrEmpty(T::default()));
        }
        let request = axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes));
        let Json(value) = Json::<T>::from_request(request, state).await?;
        Ok(JsonOrEmpty(value))
    }
}

/// `axum::extract::Query` with our JSON error body.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub(super) struct Query<T>(pub T);

/// `axum::extract::Path` with our JSON error body.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub(super) struct Path<T>(pub T);

/// One page of a list: its items as the JSON array the route always
/// answered, and — when more follow — a `Link: <?…cursor=…>; rel="next"`
/// header (RFC 8288, GitHub's form) whose target is this request's own
/// query with the next cursor in it. The target is a query-only reference,
/// so it resolves against whatever URL the client used, behind any proxy
/// or path prefix.
pub(super) struct Paged<T> {
    items: Vec<T>,
    next: Option<String>,
}

impl<T> Paged<T> {
    /// `page`, with `next_query` making the query of the next page from
    /// its cursor.
    pub(super) fn new<Q: serde::Serialize>(
        page: crate::paging::Page<T>,
        next_query: impl FnOnce(String) -> Q,
    ) -> Result<Paged<T>, ApiError> {
        let next = match page.next {
            Some(cursor) => Some(
                serde_urlencoded::to_string(next_query(cursor.as_str().to_owned())).map_err(
                    |error| {
                        ApiError(crate::error::Error::internal(format!(
                            "cannot write the next page's link: {error}"
                        )))
                    },
                )?,
            ),
            None => None,
        };
        Ok(Paged {
            items: page.items,
            next,
        })
    }
}

impl<T: serde::Serialize> axum::response::IntoResponse for Paged<T> {
    fn into_response(self) -> axum::response::Response {
        let mut response = Json(self.items).into_response();
        if let Some(query) = self.next
            && let Ok(link) =
                axum::http::HeaderValue::from_str(&format!("<?{query}>; rel=\"next\""))
        {
            response
                .headers_mut()
                .insert(axum::http::header::LINK, link);
        }
        response
    }
}
