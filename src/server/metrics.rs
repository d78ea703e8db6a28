//! The server's side of `GET /metrics`: one count and one latency per
//! request, labelled with its method, its status, and its route's template
//! — never its path, which may hold a token id or a user's name.
//!
//! The templates are the API document's own paths (`/v1/tokens/{token}`):
//! the test suite already checks that document against the routes, so the
//! labels name exactly the routes there are. A path no template matches is
//! `unknown`, however many different ones a scanner sends.

use std::sync::OnceLock;
use std::time::Instant;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;

use super::routes::render_metrics;
use crate::metrics::RequestLabels;
use crate::server::AppState;

/// The label of a path that matches no route.
const UNKNOWN_ROUTE: &str = "unknown";

/// More `/`-separated segments than any route has (the longest has 6, the
/// empty one before the first `/` included): a longer path is unknown.
const MAX_SEGMENTS: usize = 8;

/// What `serve --metrics-listen` serves on its own address: `/metrics`
/// and nothing else (plain HTTP: it is meant for a private network).
pub(super) fn router(state: AppState) -> Router {
    Router::new()
        .route(
            "/metrics",
            get(|State(state): State<AppState>| async move { render_metrics(&state) }),
        )
        .fallback(super::error::not_found)
        .with_state(state)
}

/// Counts and times every request (outermost layer, so that a request cut
/// off by the time limit counts too).
pub(super) async fn record(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = method_label(request.method());
    let route = templates().route_of(request.uri().path());
    let response = next.run(request).await;
    let labels = RequestLabels {
        method,
        route,
        status: response.status().as_u16(),
    };
    state
        .service
        .metrics()
        .request(&labels, started.elapsed().as_secs_f64());
    response
}

/// A method's label: one of a fixed few, so none can be made up.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The API document's paths, split into segments.
struct Templates(Vec<Template>);

struct Template {
    text: &'static str,
    /// `None` where the template has a `{parameter}`.
    segments: Vec<Option<&'static str>>,
}

fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::of_document(super::routes::OPENAPI))
}

impl Templates {
    fn of_document(document: &str) -> Templates {
        let paths: Vec<String> = serde_json::from_str::<serde_json::Value>(document)
            .ok()
            .and_then(|document| {
                document
                    .get("paths")?
                    .as_object()
                    .map(|paths| paths.keys().cloned().collect())
            })
            .unwrap_or_default();
        // Once per process: the labels must live as long as the metrics.
        let templates = paths
            .into_iter()
            .map(|path| {
                let text: &'static str = Box::leak(path.into_boxed_str());
                Template {
                    text,
                    segments: text
                        .split('/')
                        .map(|segment| (!segment.starts_with('{')).then_some(segment))
                        .collect(),
                }
            })
            .collect();
        Templates(templates)
    }

    /// The template `path` matches; of several, the one with the most
    /// literal segments (`/v1/tokens/verify` over `/v1/tokens/{token}`).
    /// The path is split once, onto the stack: this runs on every request.
    fn route_of(&self, path: &str) -> &'static str {
        let mut split = [""; MAX_SEGMENTS];
        let mut count = 0;
        for segment in path.split('/') {
            let Some(slot) = split.get_mut(count) else {
                return UNKNOWN_ROUTE;
            };
            *slot = segment;
            count += 1;
        }
        let segments = &split[..count];
        let mut best: Option<(usize, &'static str)> = None;
        for template in &self.0 {
            let Some(literals) = template.matches(segments) else {
                continue;
            };
            if best.is_none_or(|(most, _)| literals > most) {
                best = Some((literals, template.text));
            }
        }
        best.map_or(UNKNOWN_ROUTE, |(_, text)| text)
    }
}

impl Template {
    /// How many literal segments matched, when the whole path matches.
    fn matches(&self, segments: &[&str]) -> Option<usize> {
        if segments.len() != self.segments.len() {
            return None;
        }
        let mut literals = 0;
        for (expected, segment) in self.segments.iter().zip(segments) {
            match expected {
                Some(literal) if literal == segment => literals += 1,
                Some(_) => return None,
                None if segment.is_empty() => return None,
                None => {}
            }
        }
        Some(literals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_labelled_with_its_route_template_and_never_itself() {
        let templates = templates();
        assert_eq!(templates.route_of("/v1/tokens/verify"), "/v1/tokens/verify");
        assert_eq!(templates.route_of("/v1/tokens/42"), "/v1/tokens/{token}");
        assert_eq!(
            templates.route_of("/v1/tokens/deploy-key/revoke"),
            "/v1/tokens/{token}/revoke"
        );
        assert_eq!(templates.route_of("/v1/users/alice"), "/v1/users/{name}");
        assert_eq!(templates.route_of("/v1/tokens"), "/v1/tokens");
        assert_eq!(templates.route_of("/healthz"), "/healthz");
        assert_eq!(
            templates.route_of("/v1/users/alice/totp/reset"),
            "/v1/users/{name}/totp/reset"
        );
        assert!(
            templates
                .0
                .iter()
                .all(|template| template.segments.len() <= MAX_SEGMENTS)
        );
        for unknown in [
            "/v1/tokens/",
            "/v1/tokens/42/x",
            "/admin",
            "/",
            "",
            "/v1//revoke",
            "/v1/tokens/1/2/3/4/5/6/7/8",
        ] {
            assert_eq!(templates.route_of(unknown), UNKNOWN_ROUTE, "{unknown}");
        }
    }
}
