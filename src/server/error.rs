//! One error type for every failure the API reports, with a JSON body —
//! including the framework's own rejections (bad JSON, bad query, unknown
//! path), so clients never see a plain-text default.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::api::ErrorBody;
use crate::error::{Error, ErrorKind};

#[derive(Debug)]
pub(super) struct ApiError(pub Error);

/// When a client turned away by a limit (503) may try again.
const RETRY_AFTER_SECONDS: &str = "1";

impl ApiError {
    fn status(&self) -> StatusCode {
        match self.0.kind {
            ErrorKind::InvalidInput => StatusCode::BAD_REQUEST,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Unauthenticated
            | ErrorKind::SecondFactorRequired
            | ErrorKind::PasswordChangeRequired => StatusCode::UNAUTHORIZED,
            ErrorKind::PermissionDenied => StatusCode::FORBIDDEN,
            ErrorKind::Conflict => StatusCode::CONFLICT,
            ErrorKind::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            // Kinds the server never raises: a bug if one gets here, so a 500.
            ErrorKind::Unreachable
            | ErrorKind::OutputClosed
            | ErrorKind::Cancelled
            | ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        ApiError(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if self.0.kind == ErrorKind::Unavailable {
            // A limit, not a failure: say so, and when to come back.
            let retry = [(axum::http::header::RETRY_AFTER, RETRY_AFTER_SECONDS)];
            return (status, retry, Json(ErrorBody { error: self.0 })).into_response();
        }
        let error = if status.is_server_error() {
            // The detail goes to the log, never to the client.
            tracing::error!(error = %self.0.message, "request failed");
            Error::internal("internal server error")
        } else {
            self.0
        };
        (status, Json(ErrorBody { error })).into_response()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        let status = rejection.status();
        let error = if status == StatusCode::PAYLOAD_TOO_LARGE {
            Error::invalid("the request body is too large")
        } else {
            Error::invalid(format!("bad request body: {}", rejection.body_text()))
        };
        ApiError(error)
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError(Error::invalid(format!(
            "bad query: {}",
            rejection.body_text()
        )))
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError(Error::invalid(format!(
            "bad path: {}",
            rejection.body_text()
        )))
    }
}

/// The body for paths and methods the API does not have.
pub(super) async fn not_found() -> ApiError {
    ApiError(Error::not_found("no such endpoint").with_hint("see /openapi.json"))
}

pub(super) type ApiResult<T> = Result<T, ApiError>;

/// The body for a known path with a method it does not take.
pub(super) async fn method_not_allowed() -> (axum::http::StatusCode, Json<ErrorBody>) {
    (
        StatusCode::METHOD_NOT_ALLOWED,
        Json(ErrorBody {
            error: Error::invalid("this endpoint does not take that method")
                .with_hint("see /openapi.json"),
        }),
    )
}
