//! Every answer against its schema.

use super::*;

pub(crate) fn totp_code(secret: &str) -> String {
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
    let ready = step!("get", "/readyz", "/readyz", None, None, ok);
    assert_eq!(ready["ready"], true, "{ready}");
    // Text, not JSON: checked without `step!`, which reads the body as JSON.
    let metrics = api.call("get", "/metrics", None, None).await;
    assert_eq!(metrics.status, ok);
    assert_documented(&doc, "/metrics", "get", &metrics);
    covered.insert(("/metrics".to_owned(), "get".to_owned()));
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
    let edit = json!({ "add_permissions": ["audit:read"], "remove_permissions": ["api:read"], "description": "reads the log" });
    let answer = step!(
        "patch",
        "/v1/roles/{name}",
        "/v1/roles/reader",
        me,
        Some(edit),
        ok
    );
    assert_eq!(answer["permissions"], json!(["tokens:read", "audit:read"]));
    for (path, body, status) in [
        ("/v1/roles/reader", json!({}), StatusCode::BAD_REQUEST),
        (
            "/v1/roles/admin",
            json!({ "description": "x" }),
            StatusCode::CONFLICT,
        ),
        (
            "/v1/roles/nobody",
            json!({ "description": "x" }),
            StatusCode::NOT_FOUND,
        ),
    ] {
        step!("patch", "/v1/roles/{name}", path, me, Some(body), status);
    }
    step!(
        "delete",
        "/v1/roles/{name}",
        "/v1/roles/reader?reassign=nobody",
        me,
        None,
        StatusCode::BAD_REQUEST
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
    let carol =
        json!({ "name": "carol", "role": "support", "password": "carol's one-time password" });
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
        "patch",
        "/v1/users/{name}",
        "/v1/users/bob",
        me,
        Some(json!({ "email": "bob@example.com" })),
        ok
    );
    assert_eq!(answer["email"], "bob@example.com");
    step!(
        "patch",
        "/v1/users/{name}",
        "/v1/users/bob",
        me,
        Some(json!({ "email": "not an address" })),
        StatusCode::BAD_REQUEST
    );
    let answer = step!(
        "post",
        "/v1/users/{name}/totp/reset",
        "/v1/users/bob/totp/reset",
        me,
        None,
        ok
    );
    assert_eq!(answer["two_factor_enrolment_required"], true);
    let dora = json!({ "name": "dora", "role": "developer" });
    step!("post", "/v1/users", "/v1/users", me, Some(dora), ok);
    let answer = step!("delete", "/v1/users/{name}", "/v1/users/dora", me, None, ok);
    assert_eq!(answer["tokens_revoked"], 0);
    let answer = step!(
        "delete",
        "/v1/users/{name}",
        &format!("/v1/users/{ADMIN}"),
        me,
        None,
        StatusCode::CONFLICT
    );
    assert_eq!(answer["error"]["reason"]["code"], "last_admin");
    let answer = step!("get", "/v1/users", "/v1/users?removed=true", me, None, ok);
    assert!(
        answer
            .as_array()
            .expect("users")
            .iter()
            .any(|user| user["name"] == "dora")
    );
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

    // Passwords: reset another's (generated, returned once), never one's
    // own; change one's own with the current one, which ends the session.
    let answer = step!(
        "post",
        "/v1/users/{name}/password",
        "/v1/users/bob/password",
        me,
        None,
        ok
    );
    assert!(answer["password"].as_str().is_some_and(|p| p.len() >= 12));
    let answer = step!(
        "post",
        "/v1/users/{name}/password",
        &format!("/v1/users/{ADMIN}/password"),
        me,
        Some(json!({ "password": "another long password" })),
        StatusCode::CONFLICT
    );
    assert_eq!(answer["error"]["reason"]["code"], "own_password_reset");
    let carol_login = json!({ "username": "carol", "password": "carol's one-time password" });
    let answer = step!(
        "post",
        "/v1/login",
        "/v1/login",
        None,
        Some(carol_login),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(answer["error"]["kind"], "password_change_required");
    let carol_login = json!({
        "username": "carol",
        "password": "carol's one-time password",
        "new_password": "a long enough password",
    });
    let answer = step!(
        "post",
        "/v1/login",
        "/v1/login",
        None,
        Some(carol_login),
        ok
    );
    let carol = answer["session"].as_str().expect("session").to_owned();
    let change = |current: &str| json!({ "current_password": current, "new_password": "carol's new long password" });
    step!(
        "post",
        "/v1/me/password",
        "/v1/me/password",
        Some(carol.as_str()),
        Some(change("not her password")),
        StatusCode::FORBIDDEN
    );
    let answer = step!(
        "post",
        "/v1/me/password",
        "/v1/me/password",
        Some(carol.as_str()),
        Some(change("a long enough password")),
        ok
    );
    assert_eq!(answer["name"], "carol");
    step!(
        "get",
        "/v1/me",
        "/v1/me",
        Some(carol.as_str()),
        None,
        StatusCode::UNAUTHORIZED
    );

    // Sessions: listed, one ended by id, all of a user's by an admin, and
    // the caller's own by logging out.
    let carol_login = json!({ "username": "carol", "password": "carol's new long password" });
    let carol_session = async || {
        let answer = api
            .call("post", "/v1/login", None, Some(carol_login.clone()))
            .await;
        answer.json()["session"]
            .as_str()
            .expect("session")
            .to_owned()
    };
    let (first, second) = (carol_session().await, carol_session().await);
    let answer = step!(
        "get",
        "/v1/sessions",
        "/v1/sessions",
        Some(first.as_str()),
        None,
        ok
    );
    assert_eq!(answer.as_array().map(Vec::len), Some(2), "{answer}");
    let second_id = answer[1]["id"].as_i64().expect("id");
    step!(
        "get",
        "/v1/sessions",
        "/v1/sessions?user=nobody",
        me,
        None,
        StatusCode::NOT_FOUND
    );
    step!(
        "get",
        "/v1/sessions",
        &format!("/v1/sessions?user={ADMIN}"),
        Some(first.as_str()),
        None,
        StatusCode::FORBIDDEN
    );
    let answer = step!(
        "post",
        "/v1/sessions/{id}/revoke",
        &format!("/v1/sessions/{second_id}/revoke"),
        Some(first.as_str()),
        None,
        ok
    );
    assert_eq!(answer["ended"], 1);
    step!(
        "get",
        "/v1/me",
        "/v1/me",
        Some(second.as_str()),
        None,
        StatusCode::UNAUTHORIZED
    );
    step!(
        "post",
        "/v1/sessions/{id}/revoke",
        "/v1/sessions/999999/revoke",
        Some(first.as_str()),
        None,
        StatusCode::NOT_FOUND
    );
    let answer = step!(
        "post",
        "/v1/sessions/revoke-all",
        "/v1/sessions/revoke-all",
        me,
        Some(json!({ "user": "carol" })),
        ok
    );
    assert_eq!(answer["ended"], 1);
    let third = carol_session().await;
    let answer = step!(
        "post",
        "/v1/logout",
        "/v1/logout",
        Some(third.as_str()),
        None,
        ok
    );
    assert_eq!(answer["ended"], 1);
    step!(
        "post",
        "/v1/logout",
        "/v1/logout",
        Some(third.as_str()),
        None,
        StatusCode::UNAUTHORIZED
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

    // A token regenerates itself; a login session has no token to.
    let answer = step!(
        "post",
        "/v1/me/token/regenerate",
        "/v1/me/token/regenerate",
        me,
        None,
        StatusCode::FORBIDDEN
    );
    assert_eq!(answer["error"]["kind"], "permission_denied");
    let answer = step!(
        "post",
        "/v1/me/token/regenerate",
        "/v1/me/token/regenerate",
        Some(fresh.as_str()),
        Some(json!({ "grace_seconds": 0 })),
        ok
    );
    assert_eq!(answer["token"]["id"], id);
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
        Some(json!({ "reason": "left the company" })),
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
    let owner = answer["token"]["owner"].clone();
    let offboard = json!({ "owner": owner, "type": "personal", "reason": "offboarded" });
    let answer = step!(
        "post",
        "/v1/tokens/revoke-owned",
        "/v1/tokens/revoke-owned",
        me,
        Some(offboard),
        ok
    );
    assert!(answer.as_array().is_some_and(|revoked| !revoked.is_empty()));
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
    let answer = step!(
        "post",
        "/v1/audit/prune",
        "/v1/audit/prune",
        me,
        Some(json!({ "before": "2001-01-01T00:00:00Z" })),
        ok
    );
    assert_eq!(answer["pruned"], 0);

    // The token policy: read, changed, checked, and put back.
    let policy = step!("get", "/v1/policy", "/v1/policy", me, None, ok);
    assert_eq!(policy["allow_never"], true, "{policy}");
    let tightened = json!({
        "max_lifetimes": [{"type": "service", "role": "admin", "max_seconds": 86_400}],
        "max_active_tokens_per_user": 1000,
    });
    let changed = step!("patch", "/v1/policy", "/v1/policy", me, Some(tightened), ok);
    assert_eq!(
        changed["max_lifetimes"][0]["max_seconds"], 86_400,
        "{changed}"
    );
    step!(
        "patch",
        "/v1/policy",
        "/v1/policy",
        me,
        Some(json!({ "max_lifetimes": [{"role": "no-such-role", "max_seconds": 86_400}] })),
        StatusCode::NOT_FOUND
    );
    step!(
        "patch",
        "/v1/policy",
        "/v1/policy",
        me,
        Some(json!({ "default_lifetime_seconds": 1 })),
        StatusCode::BAD_REQUEST
    );
    step!("get", "/v1/policy/check", "/v1/policy/check", me, None, ok);
    let restored = json!({
        "max_lifetimes": [{"type": "service", "role": "admin", "max_seconds": null}],
        "max_active_tokens_per_user": null,
    });
    let back = step!("patch", "/v1/policy", "/v1/policy", me, Some(restored), ok);
    assert_eq!(back, policy);

    // Trust policies, and an ID token from a real issuer judged by them.
    let issuer = crate::federation::Issuer::start();
    let policy = json!({
        "name": "acme-api",
        "issuer": issuer.url,
        "audience": crate::federation::AUDIENCE,
        "claims": [{"key": "repository", "pattern": "acme/api"}],
        "scopes": ["tokens:read"],
    });
    let trust = "/v1/trust/policies";
    let mut broad = policy.clone();
    broad["name"] = json!("broad");
    broad["claims"] = json!([{"key": "ref", "pattern": "refs/heads/main"}]);
    let bad = StatusCode::BAD_REQUEST;
    for (body, status) in [
        (policy.clone(), ok),
        (policy, StatusCode::CONFLICT),
        (broad, bad),
    ] {
        step!("post", "/v1/trust/policies", trust, me, Some(body), status);
    }
    step!("get", "/v1/trust/policies", trust, me, None, ok);
    let named = "/v1/trust/policies/acme-api";
    step!("get", "/v1/trust/policies/{name}", named, me, None, ok);
    let missing = "/v1/trust/policies/nothing";
    let not_found = StatusCode::NOT_FOUND;
    step!(
        "get",
        "/v1/trust/policies/{name}",
        missing,
        me,
        None,
        not_found
    );
    let id_token = issuer.mint("ES256", json!({})).await;
    let test = json!({ "token": id_token });
    let verdicts = step!(
        "post",
        "/v1/trust/test",
        "/v1/trust/test",
        me,
        Some(test),
        ok
    );
    assert_eq!(verdicts["policies"][0]["matched"], true, "{verdicts}");
    let garbage = json!({ "token": "a.b.c" });
    step!(
        "post",
        "/v1/trust/test",
        "/v1/trust/test",
        me,
        Some(garbage),
        bad
    );
    let form = format!(
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange\
         &subject_token={id_token}\
         &subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aid_token"
    );
    let request = Request::post("/oauth2/token")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .expect("request");
    let answer = api.send(request).await;
    assert_eq!(
        answer.status,
        ok,
        "{:?}",
        String::from_utf8_lossy(&answer.bytes)
    );
    assert_documented(&doc, "/oauth2/token", "post", &answer);
    step!("delete", "/v1/trust/policies/{name}", named, me, None, ok);
    step!(
        "delete",
        "/v1/trust/policies/{name}",
        named,
        me,
        None,
        not_found
    );

    // A leak report, signed as GitHub signs them, then tampered with.
    let pat = personal_token(&api, me).await;
    let report = json!([{"token": pat, "type": "tokenctl_pat", "url": "https://github.com/a/b", "source": "content"}]).to_string();
    let signature = sign_leak_report(api._dir.path(), &report);
    let leaks = "/v1/leaks/github";
    for (body, status) in [
        (report.clone(), ok),
        (report.replace("/a/b", "/a/c"), StatusCode::UNAUTHORIZED),
    ] {
        let request = Request::post(leaks)
            .header(CONTENT_TYPE, "application/json")
            .header("github-public-key-identifier", "test-key")
            .header("github-public-key-signature", &signature)
            .body(Body::from(body))
            .expect("request");
        let answer = api.send(request).await;
        assert_eq!(
            answer.status,
            status,
            "{:?}",
            String::from_utf8_lossy(&answer.bytes)
        );
        assert_documented(&doc, leaks, "post", &answer);
    }
    covered.insert((leaks.to_owned(), "post".to_owned()));

    // Webhooks (no sender runs here: nothing is sent).
    let hook = json!({"url": "https://hooks.example.com/answers", "events": ["token.revoked"]});
    let added = step!("post", "/v1/webhooks", "/v1/webhooks", me, Some(hook), ok);
    assert!(
        added["secret"]
            .as_str()
            .is_some_and(|s| s.starts_with("whsec_")),
        "{added}"
    );
    let private = json!({"url": "https://127.0.0.1/x", "events": ["token.revoked"]});
    step!(
        "post",
        "/v1/webhooks",
        "/v1/webhooks",
        me,
        Some(private),
        StatusCode::BAD_REQUEST
    );
    step!("get", "/v1/webhooks", "/v1/webhooks", me, None, ok);
    let hook_id = added["webhook"]["id"].as_i64().expect("webhook id");
    let test = format!("/v1/webhooks/{hook_id}/test");
    let queued = step!("post", "/v1/webhooks/{id}/test", &test, me, None, ok);
    let message = queued["message_id"]
        .as_str()
        .expect("message id")
        .to_owned();
    let deliveries = format!("/v1/webhooks/deliveries?webhook={hook_id}&message={message}");
    let listed = step!("get", "/v1/webhooks/deliveries", &deliveries, me, None, ok);
    assert_eq!(listed[0]["event"], "webhook.test", "{listed}");
    assert_eq!(listed[0]["state"], "pending", "{listed}");
    let removed = format!("/v1/webhooks/{hook_id}");
    step!("delete", "/v1/webhooks/{id}", &removed, me, None, ok);
    step!("delete", "/v1/webhooks/{id}", &removed, me, None, not_found);
    step!("post", "/v1/webhooks/{id}/test", &test, me, None, not_found);

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
    let code_answer = step!(
        "post",
        "/v1/me/totp/confirm",
        "/v1/me/totp/confirm",
        me,
        Some(code),
        ok
    );
    assert_eq!(code_answer["totp"], "enabled");
    let answer = step!(
        "post",
        "/v1/login",
        "/v1/login",
        None,
        Some(login),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(answer["error"]["kind"], "second_factor_required");
    let recovery_codes: Vec<String> =
        serde_json::from_value(code_answer["recovery_codes"].clone()).expect("recovery codes");
    let answer = step!("get", "/v1/me/totp", "/v1/me/totp", me, None, ok);
    assert_eq!(answer["recovery_codes_left"], 10);
    let with_recovery = json!({
        "username": ADMIN,
        "password": ADMIN_PASSWORD,
        "recovery_code": recovery_codes[0],
    });
    step!(
        "post",
        "/v1/login",
        "/v1/login",
        None,
        Some(with_recovery),
        ok
    );
    step!(
        "post",
        "/v1/me/totp/disable",
        "/v1/me/totp/disable",
        me,
        Some(json!({})),
        StatusCode::BAD_REQUEST
    );
    let answer = step!(
        "post",
        "/v1/me/totp/disable",
        "/v1/me/totp/disable",
        me,
        Some(json!({ "recovery_code": recovery_codes[1] })),
        ok
    );
    assert_eq!(answer["two_factor"], false);

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

/// Publishes a new P-256 key as `test-key` in `directory`/leak-keys.json
/// (where the test router's `--leak-keys` points) and signs `body` with it.
fn sign_leak_report(directory: &std::path::Path, body: &str) -> String {
    use aws_lc_rs::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair};
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    let rng = aws_lc_rs::rand::SystemRandom::new();
    let key = EcdsaKeyPair::generate(&ECDSA_P256_SHA256_ASN1_SIGNING).expect("key");
    let mut spki = vec![
        0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08,
        0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
    ];
    spki.extend_from_slice(key.public_key().as_ref());
    let pem = format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
        STANDARD.encode(&spki)
    );
    let keys =
        json!({"public_keys": [{"key_identifier": "test-key", "key": pem, "is_current": true}]});
    std::fs::write(directory.join("leak-keys.json"), keys.to_string()).expect("keys");
    let signature = key.sign(&rng, body.as_bytes()).expect("sign");
    STANDARD.encode(signature.as_ref())
}

/// A fresh personal token of the session's user, to act as a token.
pub(crate) async fn personal_token(api: &Api, session: Option<&str>) -> String {
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

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![test!(async every_success_and_sample_errors_match_the_documented_schemas)]
}
