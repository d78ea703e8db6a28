//! `/v1/tokens`: the token lifecycle.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};

use super::{Json, JsonOrEmpty, Paged, Path, Query};
use crate::api::{
    self, CreateTokenRequest, CreatedToken, RegenerateRequest, RegeneratedToken, Revocation,
    RevokeByValueRequest, RevokeOwnedRequest, RevokeRequest, SecretRequest, TokenQuery,
};
use crate::error::Error;
use crate::model::{Status, Token};
use crate::requests::{CreateRequest, ListRequest, Origin, OwnedTokens, Regeneration, TokenRef};
use crate::secret::Secret;
use crate::server::AppState;
use crate::server::access_log::Whose;
use crate::server::auth::{BearerSecret, Caller, Client, Source};
use crate::server::error::ApiResult;
use crate::time::{self, Expiry};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/tokens", get(list).post(create))
        .route("/v1/tokens/verify", post(verify))
        .route("/v1/tokens/inspect", post(inspect))
        .route("/v1/tokens/revoke-by-value", post(revoke_by_value))
        .route("/v1/tokens/revoke-owned", post(revoke_owned))
        .route("/v1/tokens/{token}", get(show))
        .route("/v1/tokens/{token}/revoke", post(revoke))
        .route("/v1/tokens/{token}/regenerate", post(regenerate))
        .route("/v1/me/token/regenerate", post(regenerate_self))
}

async fn list(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Query(query): Query<TokenQuery>,
) -> ApiResult<Paged<Token>> {
    let status = match query.status.as_deref() {
        None => Some(Status::Active),
        Some(text) => Status::parse_filter(text).map_err(Error::invalid)?,
    };
    let seconds = |name: &str, seconds: Option<i64>| {
        seconds
            .map(|seconds| time::client_seconds(name, seconds))
            .transpose()
            .map_err(Error::invalid)
    };
    let request = ListRequest {
        owner: query.owner.clone(),
        kind: query.kind,
        status,
        expiring_within: seconds("expiring_within_seconds", query.expiring_within_seconds)?,
        used_within: seconds("used_within_seconds", query.used_within_seconds)?,
        unused_for: seconds("unused_for_seconds", query.unused_for_seconds)?,
        page: api::page_request(query.limit, query.cursor.as_deref()),
    };
    let page = state.service.list_tokens(&actor, request).await?;
    Paged::new(page, |cursor| TokenQuery {
        cursor: Some(cursor),
        ..query
    })
}

async fn create(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<CreateTokenRequest>,
) -> ApiResult<Json<CreatedToken>> {
    let expires = expiry(request.expires.as_deref())?;
    let created = state
        .service
        .create_token(
            &actor,
            CreateRequest {
                name: request.name,
                kind: request.kind,
                role: request.role,
                expires,
                description: request.description,
                owner: request.owner,
                max_idle: request
                    .max_idle_seconds
                    .map(|seconds| time::client_seconds("max_idle_seconds", seconds))
                    .transpose()
                    .map_err(Error::invalid)?,
                allowed_ips: crate::network::parse_list(&request.allowed_ips)
                    .map_err(Error::invalid)?,
            },
        )
        .await?;
    Ok(Json(CreatedToken {
        token: created.token,
        stripped_permissions: created.stripped,
        secret: created.secret.expose().to_owned(),
    }))
}

async fn show(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(reference): Path<String>,
) -> ApiResult<Json<Token>> {
    let token = state
        .service
        .find_token(&actor, &TokenRef::parse(&reference))
        .await?;
    Ok(Json(token))
}

async fn revoke(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(reference): Path<String>,
    JsonOrEmpty(request): JsonOrEmpty<RevokeRequest>,
) -> ApiResult<Json<Revocation>> {
    let revocation = state
        .service
        .revoke(
            &actor,
            &TokenRef::parse(&reference),
            request.reason.as_deref(),
        )
        .await?;
    Ok(Json(revocation.into()))
}

async fn revoke_owned(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<RevokeOwnedRequest>,
) -> ApiResult<Json<Vec<Revocation>>> {
    let request = OwnedTokens {
        owner: request.owner,
        kind: request.kind,
        reason: request.reason,
    };
    let revocations = state.service.revoke_owned(&actor, request).await?;
    Ok(Json(revocations.into_iter().map(Into::into).collect()))
}

async fn regenerate(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(reference): Path<String>,
    JsonOrEmpty(request): JsonOrEmpty<RegenerateRequest>,
) -> ApiResult<Json<RegeneratedToken>> {
    let regenerated = state
        .service
        .regenerate(
            &actor,
            &TokenRef::parse(&reference),
            regeneration(&request)?,
        )
        .await?;
    Ok(regenerated_answer(regenerated))
}

/// `regenerate --self`: the token the request is authenticated with.
async fn regenerate_self(
    State(state): State<AppState>,
    Caller(actor): Caller,
    BearerSecret(secret): BearerSecret,
    JsonOrEmpty(request): JsonOrEmpty<RegenerateRequest>,
) -> ApiResult<Json<RegeneratedToken>> {
    let regenerated = state
        .service
        .rotate_self(&actor, secret.as_ref(), regeneration(&request)?)
        .await?;
    Ok(regenerated_answer(regenerated))
}

fn regeneration(request: &RegenerateRequest) -> ApiResult<Regeneration> {
    let grace = request
        .grace_seconds
        .map(|seconds| time::client_seconds("grace_seconds", seconds))
        .transpose()
        .map_err(Error::invalid)?;
    let expires = expiry(request.expires.as_deref())?;
    Ok(Regeneration { grace, expires })
}

fn regenerated_answer(regenerated: crate::requests::RegeneratedToken) -> Json<RegeneratedToken> {
    Json(RegeneratedToken {
        token: regenerated.token,
        previous_valid_until: regenerated.previous_valid_until,
        secret: regenerated.secret.expose().to_owned(),
    })
}

/// Anyone holding a secret may check it.
async fn verify(
    State(state): State<AppState>,
    client: Client,
    whose: Whose,
    Json(request): Json<SecretRequest>,
) -> ApiResult<Json<Token>> {
    let verified = async {
        let secret = Secret::parse(&request.token).map_err(Error::from)?;
        whose.presented(&secret);
        state.service.verify(&secret, &client.used_from()).await
    }
    .await;
    state
        .service
        .metrics()
        .check("verify", crate::metrics::verify_outcome(&verified));
    Ok(Json(verified?))
}

/// Anyone holding a secret may see its token, whatever its status.
async fn inspect(
    State(state): State<AppState>,
    whose: Whose,
    Json(request): Json<SecretRequest>,
) -> ApiResult<Json<Token>> {
    let secret = Secret::parse(&request.token).map_err(Error::from)?;
    whose.presented(&secret);
    let token = state
        .service
        .inspect_secret(&secret)
        .await?
        .ok_or_else(|| Error::not_found(format!("no token matches {}", secret.hint())))?;
    Ok(Json(token))
}

/// Anyone holding a leaked secret may kill it.
async fn revoke_by_value(
    State(state): State<AppState>,
    Source(source): Source,
    whose: Whose,
    Json(request): Json<RevokeByValueRequest>,
) -> ApiResult<Json<Revocation>> {
    let secret = Secret::parse(&request.token).map_err(Error::from)?;
    whose.presented(&secret);
    let origin = Origin {
        who: format!("holder of {}", secret.hint()),
        source,
    };
    let revocation = state
        .service
        .revoke_by_secret(&origin, &secret, request.reason.as_deref())
        .await?;
    Ok(Json(revocation.into()))
}

/// An expiry as a body states it (`90d`, `2027-01-31`, `never`).
fn expiry(text: Option<&str>) -> Result<Option<Expiry>, Error> {
    text.map(Expiry::parse).transpose().map_err(Error::invalid)
}
