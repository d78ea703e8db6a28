//! `/v1/leaks/github`: GitHub's secret scanning partner endpoint. A report
//! is believed only with a valid signature from one of the keys
//! `serve --leak-keys` names; then every token of ours in it is revoked.

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::HeaderMap;
use axum::routing::post;

use super::Json;
use crate::error::{Error, ErrorKind};
use crate::leak_report::{self, Feedback, KEY_ID_HEADER, Rejected, SIGNATURE_HEADER};
use crate::server::AppState;
use crate::server::auth::Source;
use crate::server::error::ApiResult;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/v1/leaks/github", post(github))
}

async fn github(
    State(state): State<AppState>,
    Source(source): Source,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<Vec<Feedback>>> {
    let header = |name| headers.get(name).and_then(|value| value.to_str().ok());
    let (key_id, signature) = (header(KEY_ID_HEADER), header(SIGNATURE_HEADER));
    // Unsigned is unauthenticated, whether or not this server takes reports.
    if key_id.is_none() || signature.is_none() {
        return Err(Error::unauthenticated(Rejected::MissingHeaders.to_string()).into());
    }
    let Some(keys) = &state.leak_keys else {
        return Err(Error::not_found(
            "this server takes no leak reports: start it with --leak-keys",
        )
        .into());
    };
    // Too large to be a report (or cut off): refused like a bad signature,
    // as JSON and audited, rather than axum's plain-text 413.
    let Ok(body) = body else {
        let why = "the report is larger than the API's body limit or could not be read";
        state
            .service
            .audit_leak_report_rejected("github", why, &source)
            .await?;
        return Err(Error::invalid(why).into());
    };
    let verified = keys.verify(&body, key_id, signature).await;
    if let Err(rejected) = verified {
        state
            .service
            .audit_leak_report_rejected("github", &rejected.to_string(), &source)
            .await?;
        return Err(match rejected {
            Rejected::Keys(_) => Error::new(ErrorKind::Unavailable, rejected.to_string()),
            _ => Error::unauthenticated(rejected.to_string()),
        }
        .into());
    }
    let report = leak_report::parse_report(&body)?;
    let feedback = state
        .service
        .report_leaks("github", report, &source)
        .await?;
    Ok(Json(feedback))
}
