//! The API's routes, one module per resource. Each handler parses, calls the
//! service, and returns the result as JSON.

mod ats;
mod audit;
mod keys;
mod meta;
mod oauth;
mod roles;
mod session;
mod tokens;
mod users;

use axum::Router;
use axum::extract::{FromRequest, FromRequestParts};

use super::AppState;
use super::error::ApiError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(meta::routes())
        .merge(session::routes())
        .merge(tokens::routes())
        .merge(audit::routes())
        .merge(roles::routes())
        .merge(users::routes())
        .merge(keys::routes())
        .merge(oauth::routes())
        .merge(ats::routes())
}

/// `axum::Json`, but failures answer with our JSON error body.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

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
pub struct JsonOrEmpty<T>(pub T);

impl<T, S> FromRequest<S> for JsonOrEmpty<T>
where
    T: serde::de::DeserializeOwned + Default,
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
pub struct Query<T>(pub T);

/// `axum::extract::Path` with our JSON error body.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);
