//! `/v1/webhooks`: where events are sent, and how sending them went.

use axum::Router;
use axum::extract::State;
use axum::routing::{delete, get, post};

use super::{Json, Paged, Path, Query};
use crate::api::{self, AddedWebhook, DeliveriesQuery, QueuedMessage};
use crate::model::{Delivery, Id, Webhook};
use crate::requests::{DeliveriesRequest, NewWebhookRequest};
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/webhooks", get(list).post(add))
        .route("/v1/webhooks/deliveries", get(deliveries))
        .route("/v1/webhooks/{id}", delete(remove))
        .route("/v1/webhooks/{id}/test", post(test))
}

async fn list(
    State(state): State<AppState>,
    Caller(actor): Caller,
) -> ApiResult<Json<Vec<Webhook>>> {
    Ok(Json(state.service.webhooks(&actor).await?))
}

async fn add(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<NewWebhookRequest>,
) -> ApiResult<Json<AddedWebhook>> {
    let added = state.service.add_webhook(&actor, request).await?;
    Ok(Json(AddedWebhook {
        webhook: added.webhook,
        secret: added.secret.expose().to_owned(),
    }))
}

async fn remove(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<Id>,
) -> ApiResult<Json<Webhook>> {
    Ok(Json(state.service.remove_webhook(&actor, id).await?))
}

async fn test(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<Id>,
) -> ApiResult<Json<QueuedMessage>> {
    let message_id = state.service.test_webhook(&actor, id).await?;
    Ok(Json(QueuedMessage { message_id }))
}

async fn deliveries(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Query(query): Query<DeliveriesQuery>,
) -> ApiResult<Paged<Delivery>> {
    let request = DeliveriesRequest {
        webhook: query.webhook,
        message: query.message.clone(),
        failed: query.failed,
        page: api::page_request(query.limit, query.cursor.as_deref()),
    };
    let page = state.service.webhook_deliveries(&actor, request).await?;
    Paged::new(page, |cursor| DeliveriesQuery {
        cursor: Some(cursor),
        ..query
    })
}
