//! `src/server/openapi.json` against the code it describes: the document is
//! valid and self-contained, every documented route exists on the real
//! router (driven in process, no socket), each documented path answers 405
//! for the methods it does not document, and what the API actually sends —
//! errors and every successful answer — matches the documented schemas.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{Method, Request, StatusCode};
use serde_json::{Value, json};
use tempfile::TempDir;
use tower::ServiceExt;

use tokenctl::error::ErrorKind;
use tokenctl::model::{Permission, TokenKind};
use tokenctl::policy::LifetimePolicy;
use tokenctl::server::{AppState, LoginLimiter, Shared, router};
use tokenctl::service::TokenService;

const DOCUMENT: &str = include_str!("../src/server/openapi.json");
const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];
const ADMIN: &str = "alice";
const ADMIN_PASSWORD: &str = "correct horse battery staple";

fn document() -> Value {
    serde_json::from_str(DOCUMENT).expect("openapi.json is valid JSON")
}

/// Every (path template, method) the document describes.
fn operations(doc: &Value) -> Vec<(String, String)> {
    let paths = doc["paths"].as_object().expect("paths is an object");
    let mut operations = Vec::new();
    for (path, item) in paths {
        for method in METHODS {
            if item.get(method).is_some() {
                operations.push((path.clone(), method.to_owned()));
            }
        }
    }
    operations
}

fn operation<'a>(doc: &'a Value, path: &str, method: &str) -> &'a Value {
    doc["paths"]
        .get(path)
        .and_then(|item| item.get(method))
        .unwrap_or_else(|| panic!("{} {path} is not documented", method.to_uppercase()))
}

/// `{token}` and `{name}` replaced by `value`.
fn fill(template: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').expect("closed path parameter") + start;
        out.push_str(value);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn resolve<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    doc.pointer(reference.strip_prefix('#')?)
}

/// Follows `$ref` until a real schema (or parameter, or response) is reached.
fn deref<'a>(doc: &'a Value, mut value: &'a Value) -> &'a Value {
    while let Some(reference) = value.get("$ref").and_then(Value::as_str) {
        value = resolve(doc, reference).unwrap_or_else(|| panic!("dangling $ref {reference}"));
    }
    value
}

fn collect_refs<'a>(value: &'a Value, at: &str, out: &mut Vec<(String, &'a str)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if key == "$ref"
                    && let Some(reference) = child.as_str()
                {
                    out.push((at.to_owned(), reference));
                }
                collect_refs(child, &format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                collect_refs(child, &format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
}

fn enum_values(doc: &Value, schema_name: &str) -> BTreeSet<String> {
    doc["components"]["schemas"][schema_name]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("components/schemas/{schema_name} has an enum"))
        .iter()
        .map(|value| value.as_str().expect("string enum value").to_owned())
        .collect()
}

/// Checks `value` against `schema`, as far as this document uses JSON
/// Schema: `$ref`, `allOf`, `type`, `nullable`, `required`, `properties`
/// (strictly: an undocumented field is an error), `items`, `uniqueItems`,
/// `enum` and the `date-time` format.
fn check(doc: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = deref(doc, schema);
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        for part in parts {
            check(doc, part, value, at, errors);
        }
    }
    if value.is_null() {
        if schema.get("nullable") != Some(&Value::Bool(true)) && schema.get("type").is_some() {
            errors.push(format!("{at}: null, but the schema is not nullable"));
        }
        return;
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        errors.push(format!("{at}: {value} is not one of {allowed:?}"));
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("object") => {
            let Some(object) = value.as_object() else {
                errors.push(format!("{at}: expected an object, got {value}"));
                return;
            };
            for required in schema["required"].as_array().into_iter().flatten() {
                let required = required.as_str().expect("required names are strings");
                if !object.contains_key(required) {
                    errors.push(format!("{at}: required field '{required}' is missing"));
                }
            }
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (key, child) in object {
                    match properties.get(key) {
                        Some(property) => {
                            check(doc, property, child, &format!("{at}.{key}"), errors)
                        }
                        None => errors.push(format!("{at}: field '{key}' is not documented")),
                    }
                }
            }
        }
        Some("array") => {
            let Some(items) = value.as_array() else {
                errors.push(format!("{at}: expected an array, got {value}"));
                return;
            };
            if schema.get("uniqueItems") == Some(&Value::Bool(true)) {
                let distinct: BTreeSet<String> = items.iter().map(Value::to_string).collect();
                if distinct.len() != items.len() {
                    errors.push(format!("{at}: items are not unique"));
                }
            }
            for (index, item) in items.iter().enumerate() {
                check(
                    doc,
                    &schema["items"],
                    item,
                    &format!("{at}[{index}]"),
                    errors,
                );
            }
        }
        Some("string") => match value.as_str() {
            None => errors.push(format!("{at}: expected a string, got {value}")),
            Some(text) => {
                if schema.get("format").and_then(Value::as_str) == Some("date-time")
                    && chrono::DateTime::parse_from_rfc3339(text).is_err()
                {
                    errors.push(format!("{at}: '{text}' is not an RFC 3339 date-time"));
                }
            }
        },
        Some("integer") if !value.is_i64() => {
            errors.push(format!("{at}: expected an integer, got {value}"));
        }
        Some("boolean") if !value.is_boolean() => {
            errors.push(format!("{at}: expected a boolean, got {value}"));
        }
        _ => {}
    }
}

fn assert_matches(doc: &Value, schema: &Value, value: &Value, what: &str) {
    let mut errors = Vec::new();
    check(doc, schema, value, what, &mut errors);
    assert!(
        errors.is_empty(),
        "{what} does not match the document:\n  {}\nvalue: {value:#}",
        errors.join("\n  ")
    );
}

fn schema(doc: &Value, name: &str) -> Value {
    doc["components"]["schemas"]
        .get(name)
        .cloned()
        .unwrap_or_else(|| panic!("components/schemas/{name} is missing"))
}

// --- the document on its own ---------------------------------------------

#[test]
fn document_is_openapi_3_0_and_every_ref_resolves() {
    let doc = document();
    let version = doc["openapi"].as_str().expect("an openapi version");
    assert!(
        version.starts_with("3.0."),
        "openapi is {version}, not 3.0.x"
    );
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    assert!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer",
        "the bearer security scheme is missing"
    );

    let mut refs = Vec::new();
    collect_refs(&doc, "", &mut refs);
    assert!(!refs.is_empty());
    for (at, reference) in refs {
        assert!(
            reference.starts_with("#/"),
            "{at}: $ref {reference} points outside the document"
        );
        assert!(
            resolve(&doc, reference).is_some(),
            "{at}: $ref {reference} does not resolve"
        );
    }
}

#[test]
fn every_operation_is_complete_and_its_path_parameters_are_declared() {
    let doc = document();
    let mut ids = BTreeSet::new();
    for (path, method) in operations(&doc) {
        let op = operation(&doc, &path, &method);
        let what = format!("{} {path}", method.to_uppercase());
        let id = op["operationId"]
            .as_str()
            .unwrap_or_else(|| panic!("{what}: no operationId"));
        assert!(
            ids.insert(id.to_owned()),
            "{what}: operationId {id} is used twice"
        );
        assert!(op["summary"].is_string(), "{what}: no summary");
        let responses = op["responses"].as_object().expect("responses");
        assert!(responses.contains_key("200"), "{what}: no 200 response");
        for (code, response) in responses {
            assert!(
                deref(&doc, response)["description"].is_string(),
                "{what}: response {code} has no description"
            );
        }

        let declared: BTreeSet<String> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|parameter| deref(&doc, parameter))
            .filter(|parameter| parameter["in"] == "path")
            .map(|parameter| {
                assert_eq!(
                    parameter["required"], true,
                    "{what}: path parameters are required"
                );
                parameter["name"]
                    .as_str()
                    .expect("parameter name")
                    .to_owned()
            })
            .collect();
        let in_template: BTreeSet<String> = path
            .split('/')
            .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
            .map(str::to_owned)
            .collect();
        assert_eq!(declared, in_template, "{what}: path parameters");
    }
}

/// Every `.route(path, method(handler)…)` the server's route modules
/// declare, as (path, method). Read from the source, since a router can't
/// list its routes; a path named by a constant is looked up among the
/// crate's `const NAME: &str = "…";` items.
fn served_routes() -> BTreeSet<(String, String)> {
    let read = |path: std::path::PathBuf| std::fs::read_to_string(&path).expect("source file");
    let sources = |dir: &str| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("source dir")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
            .collect();
        files.sort();
        files
    };
    let constant = regex::Regex::new(r#"const ([A-Z_]+): &str = "([^"]+)";"#).expect("regex");
    let constants: std::collections::BTreeMap<String, String> = ["src", "src/server/routes"]
        .into_iter()
        .flat_map(sources)
        .flat_map(|file| {
            let text = read(file);
            constant
                .captures_iter(&text)
                .map(|found| (found[1].to_owned(), found[2].to_owned()))
                .collect::<Vec<_>>()
        })
        .collect();
    let route = regex::Regex::new(r#"\.route\(("[^"]+"|[A-Z_]+),((?:\.?[a-z]+\(\w+\))+),?\)"#)
        .expect("regex");
    let method = regex::Regex::new(r"([a-z]+)\(\w+\)").expect("regex");
    let mut served = BTreeSet::new();
    for file in sources("src/server/routes") {
        let text: String = read(file).split_whitespace().collect();
        for found in route.captures_iter(&text) {
            let path = match found[1].strip_prefix('"') {
                Some(quoted) => quoted.trim_end_matches('"').to_owned(),
                None => constants
                    .get(&found[1])
                    .unwrap_or_else(|| panic!("no string constant {} in src/", &found[1]))
                    .clone(),
            };
            for name in method.captures_iter(&found[2]) {
                assert!(METHODS.contains(&&name[1]), "{path}: method {}", &name[1]);
                served.insert((path.clone(), name[1].to_owned()));
            }
        }
    }
    served
}

/// The router serves exactly what the document describes: no route without
/// its documentation, no documented route left out (the other direction is
/// also probed live by `every_documented_route_exists_and_guards_as_documented`).
#[test]
fn every_route_the_router_serves_is_documented_and_vice_versa() {
    let served = served_routes();
    assert!(served.len() > 20, "the source scan found only {served:?}");
    let documented: BTreeSet<(String, String)> = operations(&document()).into_iter().collect();
    let undocumented: Vec<_> = served.difference(&documented).collect();
    let unserved: Vec<_> = documented.difference(&served).collect();
    assert!(
        undocumented.is_empty() && unserved.is_empty(),
        "served but not in openapi.json: {undocumented:?}; in openapi.json but not routed: {unserved:?}"
    );
}

/// Enum values in the document are exactly what serde writes.
#[test]
fn enums_match_the_rust_types() {
    let doc = document();

    // An exhaustive match, so that a new ErrorKind fails to compile here.
    let kinds = |kind: ErrorKind| match kind {
        ErrorKind::InvalidInput
        | ErrorKind::NotFound
        | ErrorKind::Unauthenticated
        | ErrorKind::SecondFactorRequired
        | ErrorKind::PermissionDenied
        | ErrorKind::RateLimited
        | ErrorKind::Conflict
        | ErrorKind::Unreachable
        | ErrorKind::Unavailable
        | ErrorKind::Internal => serde_json::to_value(kind).expect("serialize"),
        ErrorKind::OutputClosed => panic!("a kind that is never on the wire"),
    };
    assert!(
        serde_json::to_value(ErrorKind::OutputClosed).is_err(),
        "output_closed is the CLI's own: it can't be serialized"
    );
    assert!(serde_json::from_value::<ErrorKind>(serde_json::json!("output_closed")).is_err());
    let all_kinds = [
        ErrorKind::InvalidInput,
        ErrorKind::NotFound,
        ErrorKind::Unauthenticated,
        ErrorKind::SecondFactorRequired,
        ErrorKind::PermissionDenied,
        ErrorKind::RateLimited,
        ErrorKind::Conflict,
        ErrorKind::Unreachable,
        ErrorKind::Unavailable,
        ErrorKind::Internal,
    ];
    let serialized: BTreeSet<String> = all_kinds
        .into_iter()
        .map(|kind| kinds(kind).as_str().expect("a string").to_owned())
        .collect();
    assert_eq!(enum_values(&doc, "ErrorKind"), serialized);

    let permissions: BTreeSet<String> = Permission::ALL
        .iter()
        .map(|permission| permission.as_str().to_owned())
        .collect();
    assert_eq!(enum_values(&doc, "Permission"), permissions);

    let token_kinds: BTreeSet<String> = TokenKind::ALL
        .iter()
        .map(|kind| kind.as_str().to_owned())
        .collect();
    assert_eq!(enum_values(&doc, "TokenKind"), token_kinds);

    use tokenctl::model::Status;
    let statuses: BTreeSet<String> = [Status::Active, Status::Expired, Status::Revoked]
        .iter()
        .map(|status| status.as_str().to_owned())
        .collect();
    assert_eq!(enum_values(&doc, "Status"), statuses);
}

/// Every reason the code gives is documented with exactly its wire form:
/// its code in `ErrorReason`'s list, its fields among the schema's.
#[test]
fn error_reasons_match_the_rust_type() {
    use tokenctl::error::Reason;
    let doc = document();
    let schema = schema(&doc, "ErrorReason");
    // An exhaustive match, so that a new Reason fails to compile here.
    let sample = |reason: &Reason| match reason {
        Reason::NoAccount { .. }
        | Reason::NoSuchUser { .. }
        | Reason::NoSuchRole
        | Reason::NoSuchToken
        | Reason::TokenEnded { .. }
        | Reason::AccountLocked
        | Reason::NoSecondFactorPending
        | Reason::PermissionMissing
        | Reason::SessionRequired
        | Reason::SessionExpired
        | Reason::NotLoggedIn
        | Reason::ExpiryRequired
        | Reason::LifetimeTooLong { .. }
        | Reason::NewerStore
        | Reason::StoreUnopenable
        | Reason::StoreReadOnly
        | Reason::Other => serde_json::to_value(reason).expect("serialize"),
    };
    let user = || "ada".to_owned();
    let reasons = [
        Reason::NoAccount { user: user() },
        Reason::NoSuchUser { user: user() },
        Reason::NoSuchRole,
        Reason::NoSuchToken,
        Reason::TokenEnded {
            token: "deploy".to_owned(),
        },
        Reason::AccountLocked,
        Reason::NoSecondFactorPending,
        Reason::PermissionMissing,
        Reason::SessionRequired,
        Reason::SessionExpired,
        Reason::NotLoggedIn,
        Reason::ExpiryRequired,
        Reason::LifetimeTooLong {
            max_seconds: 86_400,
        },
        Reason::NewerStore,
        Reason::StoreUnopenable,
        Reason::StoreReadOnly,
    ];
    let mut codes = BTreeSet::new();
    for reason in &reasons {
        let wire = sample(reason);
        // Strict: a field the schema lacks fails here.
        assert_matches(&doc, &schema, &wire, &format!("{reason:?}"));
        codes.insert(wire["code"].as_str().expect("a code").to_owned());
    }
    let documented: BTreeSet<String> = schema["properties"]["code"]["enum"]
        .as_array()
        .expect("code enum")
        .iter()
        .map(|code| code.as_str().expect("a string").to_owned())
        .collect();
    assert_eq!(documented, codes);
}

/// Request bodies as the shared `api` types write them (the remote client
/// sends exactly these), with every optional field set.
#[test]
fn request_schemas_match_the_api_types() {
    use tokenctl::api::{
        AddRoleRequest, AddUserRequest, CreateTokenRequest, LoginRequest, RegenerateRequest,
        RevokeByValueRequest, SecretRequest, TotpConfirmRequest,
    };
    let doc = document();
    let cases = [
        (
            "LoginRequest",
            serde_json::to_value(LoginRequest {
                username: "alice".into(),
                password: "pw".into(),
                totp_code: Some("123456".into()),
            }),
        ),
        (
            "CreateTokenRequest",
            serde_json::to_value(CreateTokenRequest {
                name: "ci".into(),
                kind: TokenKind::Service,
                role: Some("developer".into()),
                expires: Some("30d".into()),
                description: "deploys".into(),
                owner: Some("bob".into()),
            }),
        ),
        (
            "RegenerateRequest",
            serde_json::to_value(RegenerateRequest {
                grace_seconds: Some(60),
            }),
        ),
        (
            "SecretRequest",
            serde_json::to_value(SecretRequest {
                token: "tcpat_x".into(),
            }),
        ),
        (
            "RevokeByValueRequest",
            serde_json::to_value(RevokeByValueRequest {
                token: "tcpat_x".into(),
                reason: Some("leaked: found by scan in ci.log".into()),
            }),
        ),
        (
            "AddRoleRequest",
            serde_json::to_value(AddRoleRequest {
                name: "reader".into(),
                description: "reads".into(),
                permissions: vec![Permission::ApiRead],
            }),
        ),
        (
            "AddUserRequest",
            serde_json::to_value(AddUserRequest {
                name: "bob".into(),
                role: "developer".into(),
                password: Some("a long enough password".into()),
            }),
        ),
        (
            "TotpConfirmRequest",
            serde_json::to_value(TotpConfirmRequest {
                code: "123456".into(),
            }),
        ),
    ];
    for (name, value) in cases {
        let value = value.expect("serialize");
        let schema = schema(&doc, name);
        assert_matches(&doc, &schema, &value, name);
        let documented: BTreeSet<&str> = schema["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .map(String::as_str)
            .collect();
        let sent: BTreeSet<&str> = value
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(documented, sent, "{name}: documented fields vs. serde's");
    }
}

// --- the document against the real router ---------------------------------

struct Api {
    app: Router,
    service: Arc<TokenService>,
    _dir: TempDir,
}

struct Answer {
    status: StatusCode,
    content_type: Option<String>,
    bytes: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes).unwrap_or_else(|error| {
            panic!(
                "{} answered a non-JSON body ({error}): {}",
                self.status,
                String::from_utf8_lossy(&self.bytes)
            )
        })
    }
}

async fn api() -> Api {
    let dir = tempfile::tempdir().expect("temporary directory");
    let database = format!("sqlite:{}", dir.path().join("server.db").display());
    let store = tokenctl::store::open(&database)
        .await
        .expect("open the store");
    let keys = tokenctl::jose::LiveKeys::open(&dir.path().join("signing-keys.json")).expect("keys");
    let issuer = tokenctl::service::Issuer::new(
        keys.clone(),
        tokenctl::exchange::ExchangePolicy::new(
            "http://tokenctl.test".to_owned(),
            Vec::new(),
            tokenctl::exchange::DEFAULT_MAX_TTL,
        ),
    );
    let service =
        Arc::new(TokenService::new(store, LifetimePolicy::default()).with_issuer(Arc::new(issuer)));
    let state = AppState::new(Shared {
        service: Arc::clone(&service),
        keys,
        login_limiter: Arc::new(LoginLimiter::new(100, Duration::from_secs(60))),
        sessions: Arc::new(tokenctl::jose::VerifiedTokens::new(
            tokenctl::auth::SESSION_TYP,
            tokenctl::auth::SESSION_LIFETIME,
        )),
        request_timeout: tokenctl::server::DEFAULT_REQUEST_TIMEOUT,
    });
    Api {
        app: router(state),
        service,
        _dir: dir,
    }
}

/// [`api`], with the admin [`ADMIN`] bootstrapped.
async fn api_with_admin() -> Api {
    let api = api().await;
    api.service
        .bootstrap_admin(ADMIN, Some(ADMIN_PASSWORD.to_owned()))
        .await
        .expect("bootstrap the admin");
    api
}

impl Api {
    async fn send(&self, request: Request<Body>) -> Answer {
        let response = self
            .app
            .clone()
            .oneshot(request)
            .await
            .expect("the router never fails");
        let status = response.status();
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .map(|value| value.to_str().expect("ASCII content type").to_owned());
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("read the body")
            .to_vec();
        Answer {
            status,
            content_type,
            bytes,
        }
    }

    async fn call(
        &self,
        method: &str,
        uri: &str,
        bearer: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut request = Request::builder()
            .method(Method::from_bytes(method.to_uppercase().as_bytes()).expect("method"))
            .uri(uri);
        if let Some(credential) = bearer {
            request = request.header(AUTHORIZATION, format!("Bearer {credential}"));
        }
        let body = match body {
            Some(body) => {
                request = request.header(CONTENT_TYPE, "application/json");
                Body::from(body.to_string())
            }
            None => Body::empty(),
        };
        self.send(request.body(body).expect("request")).await
    }
}

/// Checks an answer against the documented response for its status.
fn assert_documented(doc: &Value, path: &str, method: &str, answer: &Answer) {
    let what = format!("{} {path}", method.to_uppercase());
    let op = operation(doc, path, method);
    let code = answer.status.as_u16().to_string();
    let response = op["responses"].get(&code).unwrap_or_else(|| {
        panic!(
            "{what} answered {code}, which is not documented: {}",
            String::from_utf8_lossy(&answer.bytes)
        )
    });
    let response = deref(doc, response);
    match response["content"].get("application/json") {
        Some(media) => {
            assert_eq!(
                answer.content_type.as_deref(),
                Some("application/json"),
                "{what} {code}: content type"
            );
            assert_matches(
                doc,
                &media["schema"],
                &answer.json(),
                &format!("{what} {code}"),
            );
        }
        None => assert!(
            answer.bytes.is_empty(),
            "{what} {code}: documented without a body, but one came"
        ),
    }
}

fn is_unknown_endpoint(answer: &Answer) -> bool {
    answer.status == StatusCode::NOT_FOUND
        && serde_json::from_slice::<Value>(&answer.bytes)
            .is_ok_and(|body| body["error"]["message"] == "no such endpoint")
}

/// Every documented operation exists: without credentials (and without a
/// body) it answers neither the fallback's 404 nor 405, operations that
/// need a credential answer 401 `unauthenticated`, public ones do not, and
/// the error body is the documented one.
#[tokio::test]
async fn every_documented_route_exists_and_guards_as_documented() {
    let doc = document();
    let api = api().await;
    for (path, method) in operations(&doc) {
        let what = format!("{} {path}", method.to_uppercase());
        let answer = api.call(&method, &fill(&path, "1"), None, None).await;
        assert!(
            !is_unknown_endpoint(&answer) && answer.status != StatusCode::METHOD_NOT_ALLOWED,
            "{what} is documented but the router does not have it ({})",
            answer.status
        );
        let public = operation(&doc, &path, &method)["security"]
            .as_array()
            .is_some_and(Vec::is_empty);
        if public {
            assert_ne!(
                answer.status,
                StatusCode::UNAUTHORIZED,
                "{what} is documented as public"
            );
        } else {
            assert_eq!(
                answer.status,
                StatusCode::UNAUTHORIZED,
                "{what} needs a credential"
            );
            assert_eq!(answer.json()["error"]["kind"], "unauthenticated", "{what}");
        }
        assert_documented(&doc, &path, &method, &answer);
    }
}

/// The other direction, per documented path: a method the document does
/// not list is not served there, and says so with the JSON 405 the
/// document describes.
#[tokio::test]
async fn undocumented_methods_on_documented_paths_are_not_served() {
    let doc = document();
    let api = api().await;
    let paths = doc["paths"].as_object().expect("paths");
    for (path, item) in paths {
        for method in METHODS {
            if item.get(method).is_some() {
                continue;
            }
            let answer = api.call(method, &fill(path, "1"), None, None).await;
            assert_eq!(
                answer.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{} {path} is served but not documented",
                method.to_uppercase()
            );
            assert_eq!(answer.content_type.as_deref(), Some("application/json"));
            let body = answer.json();
            assert_eq!(body["error"]["kind"], "invalid_input");
            assert_matches(&doc, &schema(&doc, "Error"), &body, "a 405 body");
        }
    }
}

#[tokio::test]
async fn openapi_json_is_served_verbatim() {
    let api = api().await;
    let answer = api.call("get", "/openapi.json", None, None).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    assert_eq!(answer.bytes, DOCUMENT.as_bytes());
    assert_eq!(answer.json(), document());
}

#[tokio::test]
async fn an_unknown_path_is_a_json_404() {
    let doc = document();
    let api = api().await;
    for uri in ["/nope", "/v1", "/v1/tokens/1/nope", "/v2/tokens"] {
        let answer = api.call("get", uri, None, None).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(
            answer.content_type.as_deref(),
            Some("application/json"),
            "{uri}"
        );
        let body = answer.json();
        assert_eq!(body["error"]["kind"], "not_found", "{uri}");
        assert_eq!(body["error"]["message"], "no such endpoint", "{uri}");
        assert_matches(&doc, &schema(&doc, "Error"), &body, uri);
    }
}

/// Bodies over 64 KiB are refused with the JSON 400 the document lists,
/// whether or not the request declares its length up front.
#[tokio::test]
async fn oversized_bodies_are_a_json_400() {
    let doc = document();
    let api = api().await;
    let big = json!({ "username": "x".repeat(70 * 1024), "password": "y" }).to_string();
    for declared in [true, false] {
        let mut request = Request::post("/v1/login").header(CONTENT_TYPE, "application/json");
        if declared {
            request = request.header(CONTENT_LENGTH, big.len());
        }
        let answer = api
            .send(request.body(Body::from(big.clone())).expect("request"))
            .await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "declared: {declared}"
        );
        assert_eq!(answer.json()["error"]["kind"], "invalid_input");
        assert_documented(&doc, "/v1/login", "post", &answer);
    }
}

/// The server speaks no CLI: a refusal says what it is about as a typed
/// `reason` (the CLI renders its own `tokenctl …` advice from it), and no
/// error body names a command line.
#[tokio::test]
async fn refusals_carry_a_reason_and_no_command_line() {
    let doc = document();
    let api = api_with_admin().await;
    let login = json!({ "username": ADMIN, "password": ADMIN_PASSWORD });
    let session = api
        .call("post", "/v1/login", None, Some(login))
        .await
        .json()["session"]
        .as_str()
        .expect("session")
        .to_owned();
    let token = personal_token(&api, Some(&session)).await;
    let cases = [
        (
            "get",
            "/v1/tokens",
            None,
            None,
            401,
            json!({"code": "not_logged_in"}),
        ),
        (
            "get",
            "/v1/tokens/nothing",
            Some(&session),
            None,
            404,
            json!({"code": "no_such_token"}),
        ),
        (
            "get",
            "/v1/roles/nothing",
            Some(&token),
            None,
            404,
            json!({"code": "no_such_role"}),
        ),
        (
            "post",
            "/v1/users/nobody/disable",
            Some(&session),
            None,
            404,
            json!({"code": "no_such_user", "user": "nobody"}),
        ),
        (
            "post",
            "/v1/users",
            Some(&token),
            Some(json!({"name": "bob", "role": "developer"})),
            403,
            json!({"code": "session_required"}),
        ),
    ];
    for (method, path, credential, body, status, reason) in cases {
        let answer = api
            .call(method, path, credential.map(String::as_str), body)
            .await;
        let what = format!("{method} {path}");
        assert_eq!(answer.status.as_u16(), status, "{what}");
        let error = &answer.json()["error"];
        assert_eq!(error["reason"], reason, "{what}: {error}");
        let text = String::from_utf8_lossy(&answer.bytes);
        assert!(!text.contains("tokenctl"), "{what} names a command: {text}");
        let template = if path.starts_with("/v1/tokens/") {
            "/v1/tokens/{token}"
        } else if path.starts_with("/v1/roles/") {
            "/v1/roles/{name}"
        } else if path.starts_with("/v1/users/") {
            "/v1/users/{name}/disable"
        } else {
            path
        };
        assert_documented(&doc, template, method, &answer);
    }
}

/// A body is a JSON object: serde alone would read `["deploy"]` as a
/// token request (fields by position) and `[]` as an empty one. Found by
/// schemathesis; nothing is created either way.
#[tokio::test]
async fn bodies_that_are_not_objects_are_a_json_400() {
    let doc = document();
    let api = api_with_admin().await;
    let login = json!({ "username": ADMIN, "password": ADMIN_PASSWORD });
    let session = api
        .call("post", "/v1/login", None, Some(login))
        .await
        .json()["session"]
        .as_str()
        .expect("session")
        .to_owned();
    for body in [json!(["deploy"]), json!([]), json!("deploy"), json!(null)] {
        let answer = api
            .call("post", "/v1/tokens", Some(&session), Some(body.clone()))
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(
            answer.json()["error"]["message"]
                .as_str()
                .is_some_and(|message| message.contains("expected a JSON object")),
            "{body}: {}",
            answer.json()
        );
        assert_documented(&doc, "/v1/tokens", "post", &answer);
    }
    let listed = api.call("get", "/v1/tokens", Some(&session), None).await;
    assert_eq!(listed.json(), json!([]), "nothing was created");
}

fn totp_code(secret: &str) -> String {
    let secret = totp_rs::Secret::try_from_base32(secret).expect("base32 secret");
    let totp = totp_rs::Builder::new()
        .with_secret(secret)
        .build()
        .expect("totp");
    let now = u64::try_from(chrono::Utc::now().timestamp()).expect("after 1970");
    totp.generate(now).to_string()
}

/// One pass over the whole API as an admin: every documented operation
/// answers 200 once, with a body matching its documented 200 schema, and
/// a few documented errors come with the documented body.
#[tokio::test]
async fn every_success_and_sample_errors_match_the_documented_schemas() {
    let doc = document();
    let api = api_with_admin().await;
    let mut covered: BTreeSet<(String, String)> = BTreeSet::new();

    macro_rules! step {
        ($method:literal, $template:literal, $uri:expr, $bearer:expr, $body:expr, $status:expr) => {{
            let uri: &str = $uri;
            let answer = api.call($method, uri, $bearer, $body).await;
            assert_eq!(
                answer.status,
                $status,
                "{} {}: {}",
                $method,
                uri,
                String::from_utf8_lossy(&answer.bytes)
            );
            assert_documented(&doc, $template, $method, &answer);
            if answer.status == StatusCode::OK {
                covered.insert(($template.to_owned(), $method.to_owned()));
            }
            answer.json()
        }};
    }
    let ok = StatusCode::OK;

    step!("get", "/healthz", "/healthz", None, None, ok);
    step!("get", "/openapi.json", "/openapi.json", None, None, ok);

    // Sessions.
    let login = json!({ "username": ADMIN, "password": ADMIN_PASSWORD });
    let answer = step!(
        "post",
        "/v1/login",
        "/v1/login",
        None,
        Some(login.clone()),
        ok
    );
    let session = answer["session"].as_str().expect("session").to_owned();
    let me = Some(session.as_str());
    let wrong = json!({ "username": ADMIN, "password": "wrong password" });
    let answer = step!(
        "post",
        "/v1/login",
        "/v1/login",
        None,
        Some(wrong),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(answer["error"]["kind"], "unauthenticated");
    let extra = json!({ "username": ADMIN, "password": ADMIN_PASSWORD, "remember": true });
    let answer = step!(
        "post",
        "/v1/login",
        "/v1/login",
        None,
        Some(extra),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        answer["error"]["kind"], "invalid_input",
        "unknown fields are refused"
    );

    let answer = step!("get", "/v1/me", "/v1/me", me, None, ok);
    assert_eq!(answer["credential"], "session");

    // Roles.
    step!("get", "/v1/roles", "/v1/roles", me, None, ok);
    step!("get", "/v1/roles/{name}", "/v1/roles/admin", me, None, ok);
    step!(
        "get",
        "/v1/roles/{name}",
        "/v1/roles/nobody",
        me,
        None,
        StatusCode::NOT_FOUND
    );
    let role = json!({ "name": "reader", "description": "reads", "permissions": ["api:read", "tokens:read"] });
    step!("post", "/v1/roles", "/v1/roles", me, Some(role.clone()), ok);
    step!(
        "post",
        "/v1/roles",
        "/v1/roles",
        me,
        Some(role),
        StatusCode::CONFLICT
    );
    let answer = step!(
        "delete",
        "/v1/roles/{name}",
        "/v1/roles/reader",
        me,
        None,
        ok
    );
    assert_eq!(answer["removed"], "reader");
    step!(
        "delete",
        "/v1/roles/{name}",
        "/v1/roles/admin",
        me,
        None,
        StatusCode::CONFLICT
    );

    // Users.
    let bob = json!({ "name": "bob", "role": "developer" });
    let answer = step!("post", "/v1/users", "/v1/users", me, Some(bob), ok);
    assert!(
        answer["password"].is_string(),
        "a generated password is returned"
    );
    let carol = json!({ "name": "carol", "role": "support", "password": "a long enough password" });
    let answer = step!("post", "/v1/users", "/v1/users", me, Some(carol), ok);
    assert!(
        answer.get("password").is_none(),
        "no password when one was given"
    );
    step!("get", "/v1/users", "/v1/users", me, None, ok);
    let answer = step!(
        "post",
        "/v1/users/{name}/disable",
        "/v1/users/bob/disable",
        me,
        None,
        ok
    );
    assert!(answer["disabled_at"].is_string());
    let answer = step!(
        "post",
        "/v1/users/{name}/enable",
        "/v1/users/bob/enable",
        me,
        None,
        ok
    );
    assert!(answer["disabled_at"].is_null());
    let answer = step!(
        "post",
        "/v1/users/{name}/unlock",
        "/v1/users/bob/unlock",
        me,
        None,
        ok
    );
    assert_eq!(answer["cleared_addresses"], 0);
    let answer = step!(
        "post",
        "/v1/users/{name}/role",
        "/v1/users/carol/role",
        me,
        Some(json!({ "role": "developer" })),
        ok
    );
    assert_eq!(answer["role"], "developer");
    step!(
        "post",
        "/v1/users/{name}/role",
        "/v1/users/carol/role",
        me,
        Some(json!({ "role": "no-such-role" })),
        StatusCode::BAD_REQUEST
    );
    step!(
        "post",
        "/v1/users/{name}/disable",
        "/v1/users/alice/disable",
        me,
        None,
        StatusCode::CONFLICT
    );

    // Tokens.
    let create =
        json!({ "name": "ci", "type": "service", "expires": "30d", "description": "deploys" });
    let answer = step!("post", "/v1/tokens", "/v1/tokens", me, Some(create), ok);
    let id = answer["token"]["id"].as_i64().expect("id");
    let secret = answer["secret"].as_str().expect("secret").to_owned();
    assert_eq!(answer["token"]["type"], "service");
    let for_bob =
        json!({ "name": "laptop", "for": "bob", "role": "developer", "expires": "never" });
    let answer = step!("post", "/v1/tokens", "/v1/tokens", me, Some(for_bob), ok);
    assert_eq!(answer["token"]["owner"], "bob");
    assert!(answer["token"]["expires_at"].is_null());
    step!("get", "/v1/tokens", "/v1/tokens", me, None, ok);
    let query = "/v1/tokens?status=all&owner=alice&type=service&expiring_within_seconds=99999999";
    let answer = step!("get", "/v1/tokens", query, me, None, ok);
    assert_eq!(answer.as_array().map(Vec::len), Some(1));
    step!(
        "get",
        "/v1/tokens",
        "/v1/tokens?colour=red",
        me,
        None,
        StatusCode::BAD_REQUEST
    );
    step!(
        "get",
        "/v1/tokens/{token}",
        &format!("/v1/tokens/{id}"),
        me,
        None,
        ok
    );
    step!("get", "/v1/tokens/{token}", "/v1/tokens/ci", me, None, ok);
    step!(
        "get",
        "/v1/tokens/{token}",
        "/v1/tokens/nothing",
        me,
        None,
        StatusCode::NOT_FOUND
    );

    let answer = step!("get", "/v1/me", "/v1/me", Some(secret.as_str()), None, ok);
    assert_eq!(answer["credential"], "token");
    assert_eq!(answer["token_id"], id);

    let check = json!({ "token": secret });
    step!(
        "post",
        "/v1/tokens/verify",
        "/v1/tokens/verify",
        None,
        Some(check),
        ok
    );
    let malformed = json!({ "token": "not a secret" });
    step!(
        "post",
        "/v1/tokens/verify",
        "/v1/tokens/verify",
        None,
        Some(malformed),
        StatusCode::BAD_REQUEST
    );

    // A body, when there is one, must still be a RegenerateRequest.
    let answer = step!(
        "post",
        "/v1/tokens/{token}/regenerate",
        "/v1/tokens/ci/regenerate",
        me,
        Some(json!({ "grace_seconds": "a while" })),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(answer["error"]["kind"], "invalid_input");

    let grace = json!({ "grace_seconds": 60 });
    let answer = step!(
        "post",
        "/v1/tokens/{token}/regenerate",
        "/v1/tokens/ci/regenerate",
        me,
        Some(grace),
        ok
    );
    assert!(answer["previous_valid_until"].is_string());
    let answer = step!(
        "post",
        "/v1/tokens/{token}/regenerate",
        "/v1/tokens/ci/regenerate",
        me,
        Some(json!({})),
        ok
    );
    assert!(answer["previous_valid_until"].is_null());
    // No body at all means no grace too.
    let answer = step!(
        "post",
        "/v1/tokens/{token}/regenerate",
        "/v1/tokens/ci/regenerate",
        me,
        None,
        ok
    );
    assert!(answer["previous_valid_until"].is_null());
    let fresh = answer["secret"].as_str().expect("secret").to_owned();

    let answer = step!(
        "post",
        "/v1/tokens/{token}/revoke",
        &format!("/v1/tokens/{id}/revoke"),
        me,
        None,
        ok
    );
    assert_eq!(answer["newly_revoked"], true);
    assert!(answer["token"]["revoked_at"].is_string());
    let answer = step!(
        "post",
        "/v1/tokens/{token}/revoke",
        &format!("/v1/tokens/{id}/revoke"),
        me,
        None,
        ok
    );
    assert_eq!(answer["newly_revoked"], false);
    let answer = step!(
        "post",
        "/v1/tokens/{token}/regenerate",
        &format!("/v1/tokens/{id}/regenerate"),
        me,
        Some(json!({})),
        StatusCode::CONFLICT
    );
    assert_eq!(answer["error"]["kind"], "conflict");
    let answer = step!(
        "post",
        "/v1/tokens/verify",
        "/v1/tokens/verify",
        None,
        Some(json!({ "token": fresh })),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(answer["error"]["kind"], "unauthenticated");

    let create = json!({ "name": "leaked" });
    let answer = step!("post", "/v1/tokens", "/v1/tokens", me, Some(create), ok);
    let leaked_secret = answer["secret"].clone();
    let leaked = json!({ "token": leaked_secret, "reason": "leaked: found by scan in ci.log" });
    let answer = step!(
        "post",
        "/v1/tokens/revoke-by-value",
        "/v1/tokens/revoke-by-value",
        None,
        Some(leaked),
        ok
    );
    assert_eq!(answer["newly_revoked"], true);
    let answer = step!(
        "post",
        "/v1/tokens/inspect",
        "/v1/tokens/inspect",
        None,
        Some(json!({ "token": leaked_secret })),
        ok
    );
    assert!(
        answer["revoked_at"].is_string(),
        "revoked tokens are inspected too"
    );
    let unknown = tokenctl::secret::Secret::generate(TokenKind::Personal).expect("randomness");
    let answer = step!(
        "post",
        "/v1/tokens/inspect",
        "/v1/tokens/inspect",
        None,
        Some(json!({ "token": unknown.expose() })),
        StatusCode::NOT_FOUND
    );
    assert_eq!(answer["error"]["kind"], "not_found");
    let answer = step!(
        "post",
        "/v1/tokens/revoke-by-value",
        "/v1/tokens/revoke-by-value",
        None,
        Some(json!({ "token": leaked_secret, "reason": "two\nlines" })),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(answer["error"]["kind"], "invalid_input");

    // Signing keys: a rotation keeps the old key published, and the
    // session it signed working.
    let answer = step!(
        "get",
        "/.well-known/jwks.json",
        "/.well-known/jwks.json",
        None,
        None,
        ok
    );
    let first_kid = answer["keys"][0]["kid"].clone();
    let answer = step!("get", "/v1/keys", "/v1/keys", me, None, ok);
    assert_eq!(answer[0]["status"], "active");
    let answer = step!("post", "/v1/keys/rotate", "/v1/keys/rotate", me, None, ok);
    assert_eq!(answer["retired"][0]["kid"], first_kid);
    let published = api.call("get", "/.well-known/jwks.json", None, None).await;
    assert_eq!(published.json()["keys"][1]["kid"], first_kid);
    step!("get", "/v1/me", "/v1/me", me, None, ok);

    // Audit.
    let answer = step!("get", "/v1/audit", "/v1/audit", me, None, ok);
    let entries = answer.as_array().expect("entries");
    assert!(entries.iter().any(|entry| entry["token_id"].is_null()));
    assert!(entries.iter().any(|entry| entry["token_id"].is_i64()));
    step!(
        "get",
        "/v1/audit",
        &format!("/v1/audit?token={id}&since_seconds=3600"),
        me,
        None,
        ok
    );
    step!(
        "get",
        "/v1/audit",
        "/v1/audit?token=nothing",
        me,
        None,
        StatusCode::NOT_FOUND
    );

    // Two-factor enrolment; afterwards a password alone is not enough.
    step!(
        "post",
        "/v1/me/totp/confirm",
        "/v1/me/totp/confirm",
        me,
        Some(json!({ "code": "123456" })),
        StatusCode::CONFLICT
    );
    let answer = step!("post", "/v1/me/totp", "/v1/me/totp", me, None, ok);
    let totp_secret = answer["secret"].as_str().expect("totp secret").to_owned();
    let code = json!({ "code": totp_code(&totp_secret) });
    let answer = step!(
        "post",
        "/v1/me/totp/confirm",
        "/v1/me/totp/confirm",
        me,
        Some(code),
        ok
    );
    assert_eq!(answer["totp"], "enabled");
    let answer = step!(
        "post",
        "/v1/login",
        "/v1/login",
        None,
        Some(login),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(answer["error"]["kind"], "second_factor_required");

    // A token may not do what needs a person.
    let acting = personal_token(&api, me).await;
    let create = json!({ "name": "minted" });
    let answer = step!(
        "post",
        "/v1/tokens",
        "/v1/tokens",
        Some(acting.as_str()),
        Some(create),
        StatusCode::FORBIDDEN
    );
    assert_eq!(answer["error"]["kind"], "permission_denied");

    // Exchange: the RFC 8414 metadata, the RFC 8693 token endpoint (a
    // form, not JSON) and the authentication-token endpoint (a header).
    step!(
        "get",
        "/.well-known/oauth-authorization-server",
        "/.well-known/oauth-authorization-server",
        None,
        None,
        ok
    );
    let exchange_form = |subject: &str| {
        format!(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange\
             &subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token\
             &subject_token={subject}"
        )
    };
    for (form, status) in [
        (exchange_form(&acting), ok),
        (exchange_form("tcpat_nothing"), StatusCode::BAD_REQUEST),
    ] {
        let request = Request::post("/oauth2/token")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form))
            .expect("request");
        let answer = api.send(request).await;
        assert_eq!(answer.status, status);
        assert_documented(&doc, "/oauth2/token", "post", &answer);
    }
    covered.insert(("/oauth2/token".to_owned(), "post".to_owned()));
    for (token, active) in [(acting.as_str(), true), ("garbage", false)] {
        let request = Request::post("/oauth2/introspect")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(AUTHORIZATION, format!("Bearer {session}"))
            .body(Body::from(format!("token={token}")))
            .expect("request");
        let answer = api.send(request).await;
        assert_eq!(answer.status, ok);
        assert_eq!(answer.json()["active"], active);
        assert_documented(&doc, "/oauth2/introspect", "post", &answer);
    }
    covered.insert(("/oauth2/introspect".to_owned(), "post".to_owned()));
    let path = "/api/personalaccesstoken/getAuthenticationToken";
    for (header, status) in [(acting.as_str(), ok), ("nonsense", StatusCode::BAD_REQUEST)] {
        let request = Request::get(path)
            .header("personalAccessToken", header)
            .body(Body::empty())
            .expect("request");
        let answer = api.send(request).await;
        assert_eq!(answer.status, status);
        assert_documented(&doc, path, "get", &answer);
    }
    covered.insert((path.to_owned(), "get".to_owned()));

    let missing: Vec<String> = operations(&doc)
        .into_iter()
        .filter(|operation| !covered.contains(operation))
        .map(|(path, method)| format!("{} {path}", method.to_uppercase()))
        .collect();
    assert!(
        missing.is_empty(),
        "add a successful call to this test for: {}",
        missing.join(", ")
    );
}

/// A fresh personal token of the session's user, to act as a token.
async fn personal_token(api: &Api, session: Option<&str>) -> String {
    let answer = api
        .call(
            "post",
            "/v1/tokens",
            session,
            Some(json!({ "name": "acting" })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    answer.json()["secret"].as_str().expect("secret").to_owned()
}
