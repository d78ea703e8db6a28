//! The authentication-token endpoint, for clients written against it: `GET
//! /api/personalaccesstoken/getAuthenticationToken` with the PAT in the
//! `personalAccessToken` header answers an access token in its envelope
//! (`Data`, `ErrorMessage`, `ErrorParameters`, `ResponseCode`,
//! `GetErrorParameters`). Same rules as the token endpoint, defaults only.

use super::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;

use crate::exchange::{ExchangeError, ExchangeRequest};
use crate::secret::Secret;
use crate::server::AppState;
use crate::server::auth::Client;
use crate::service::ExchangeSubject;

/// The header the seed's clients send the PAT in.
const PAT_HEADER: &str = "personalAccessToken";

/// `ResponseCode` of a success; failures answer 0.
const SUCCESS: i32 = 1;
const FAILURE: i32 = 0;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route(
        "/api/personalaccesstoken/getAuthenticationToken",
        get(authentication_token),
    )
}

/// The seed's envelope, field names as it spells them.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct Envelope {
    data: Option<String>,
    error_message: String,
    /// The request parameters at fault (the header), or null.
    error_parameters: Option<Vec<&'static str>>,
    response_code: i32,
    /// The same parameters, comma-separated ("" when none).
    get_error_parameters: String,
}

async fn authentication_token(State(state): State<AppState>, parts: Parts) -> Response {
    let Some(pat) = parts
        .headers
        .get(PAT_HEADER)
        .and_then(|value| value.to_str().ok())
    else {
        return failure(
            StatusCode::BAD_REQUEST,
            format!("the {PAT_HEADER} header is missing"),
            true,
        );
    };
    let secret = match Secret::parse(pat) {
        Ok(secret) => secret,
        Err(error) => return failure(StatusCode::BAD_REQUEST, error.to_string(), true),
    };
    let exchanged = state
        .service
        .exchange(
            ExchangeSubject::Token(&secret),
            ExchangeRequest::default(),
            &Client::of(&parts).used_from(),
        )
        .await;
    match exchanged {
        Ok(exchanged) => {
            let envelope = Envelope {
                data: Some(exchanged.access_token),
                error_message: String::new(),
                error_parameters: None,
                response_code: SUCCESS,
                get_error_parameters: String::new(),
            };
            (StatusCode::OK, Json(envelope)).into_response()
        }
        Err(ExchangeError::Server(error)) => {
            tracing::error!(error = %error.message, "authentication token failed");
            failure(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal server error".to_owned(),
                false,
            )
        }
        Err(ExchangeError::SlowDown(message, seconds)) => {
            let mut response = failure(StatusCode::TOO_MANY_REQUESTS, message, false);
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
            response
        }
        Err(error) => failure(StatusCode::UNAUTHORIZED, error.to_string(), true),
    }
}

fn failure(status: StatusCode, message: String, blame_header: bool) -> Response {
    let parameters = blame_header.then(|| vec![PAT_HEADER]);
    let envelope = Envelope {
        data: None,
        error_message: message,
        get_error_parameters: parameters
            .as_ref()
            .map(|names| names.join(","))
            .unwrap_or_default(),
        error_parameters: parameters,
        response_code: FAILURE,
    };
    (status, Json(envelope)).into_response()
}
