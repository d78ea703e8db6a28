//! The routes, live.

use super::*;

/// Every documented operation exists: without credentials (and without a
/// body) it answers neither the fallback's 404 nor 405, operations that
/// need a credential answer 401 `unauthenticated`, public ones do not, and
/// the error body is the documented one.
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

async fn openapi_json_is_served_verbatim() {
    let api = api().await;
    let answer = api.call("get", "/openapi.json", None, None).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    assert_eq!(answer.bytes, DOCUMENT.as_bytes());
    assert_eq!(answer.json(), document());
}

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
async fn refusals_carry_a_reason_and_no_command_line() {
    let doc = document();
    let api = api_with_admin().await;
    let session = admin_session(&api).await;
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
async fn bodies_that_are_not_objects_are_a_json_400() {
    let doc = document();
    let api = api_with_admin().await;
    let session = admin_session(&api).await;
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

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(async every_documented_route_exists_and_guards_as_documented),
        test!(async undocumented_methods_on_documented_paths_are_not_served),
        test!(async openapi_json_is_served_verbatim),
        test!(async an_unknown_path_is_a_json_404),
        test!(async oversized_bodies_are_a_json_400),
        test!(async refusals_carry_a_reason_and_no_command_line),
        test!(async bodies_that_are_not_objects_are_a_json_400),
    ]
}
