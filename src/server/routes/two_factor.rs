//! `/v1/me/totp`: the caller's second factor; and an admin's reset of
//! someone else's.

use axum::Router;
use axum::extract::State;
use axum::routing::post;

use super::{Json, JsonOrEmpty, Path};
use crate::api::{
    TotpBeginRequest, TotpConfirmRequest, TotpConfirmed, TotpDisableRequest, TotpEnrollment,
    TwoFactorStatus,
};
use crate::error::{Error, Result};
use crate::model::User;
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;
use crate::service::SecondFactor;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/me/totp", post(begin).get(status))
        .route("/v1/me/totp/confirm", post(confirm))
        .route("/v1/me/totp/disable", post(disable))
        .route("/v1/users/{name}/totp/reset", post(reset))
}

/// The second factor a request carries: a code or a recovery code, not both.
pub(super) fn second_factor(
    code: Option<String>,
    recovery_code: Option<String>,
) -> Result<Option<SecondFactor>> {
    match (code, recovery_code) {
        (Some(_), Some(_)) => Err(Error::invalid(
            "give a 2FA code or a recovery code, not both",
        )),
        (Some(code), None) => Ok(Some(SecondFactor::Code(code))),
        (None, Some(code)) => Ok(Some(SecondFactor::RecoveryCode(code))),
        (None, None) => Ok(None),
    }
}

async fn begin(
    State(state): State<AppState>,
    Caller(actor): Caller,
    JsonOrEmpty(request): JsonOrEmpty<TotpBeginRequest>,
) -> ApiResult<Json<TotpEnrollment>> {
    let current = second_factor(request.current_code, request.recovery_code)?;
    let (secret, otpauth_url) = state.service.begin_totp(&actor, current.as_ref()).await?;
    Ok(Json(TotpEnrollment {
        secret,
        otpauth_url,
    }))
}

async fn confirm(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<TotpConfirmRequest>,
) -> ApiResult<Json<TotpConfirmed>> {
    Ok(Json(
        state.service.confirm_totp(&actor, &request.code).await?,
    ))
}

async fn status(
    State(state): State<AppState>,
    Caller(actor): Caller,
) -> ApiResult<Json<TwoFactorStatus>> {
    Ok(Json(state.service.two_factor_status(&actor).await?))
}

async fn disable(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<TotpDisableRequest>,
) -> ApiResult<Json<User>> {
    let proof = second_factor(request.code, request.recovery_code)?
        .ok_or_else(|| Error::invalid("turning 2FA off needs a 2FA code or a recovery code"))?;
    Ok(Json(state.service.disable_totp(&actor, &proof).await?))
}

async fn reset(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<User>> {
    Ok(Json(state.service.reset_totp(&actor, &name).await?))
}
