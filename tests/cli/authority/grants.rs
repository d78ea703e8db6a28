//! Grants never exceed the grantor.

use super::*;

fn users_manage_alone_neither_creates_admins_nor_hands_on_what_it_lacks() {
    for env in TestEnv::servers() {
        let api = Api::new(&env);
        api.add_role("helpdesk", &["users:manage", "tokens:read"]);
        api.add_role("reader", &["tokens:read"]);
        let helpdesk = api.user("help", "helpdesk");
        let before = api.state();
        let refused = [
            (
                "POST",
                "/v1/users",
                json!({ "name": "evil", "role": "admin", "password": PASSWORD }),
            ),
            (
                "POST",
                "/v1/roles",
                json!({ "name": "wide", "permissions": ["keys:manage", "tokens:revoke-all"] }),
            ),
            ("POST", "/v1/users/help/role", json!({ "role": "admin" })),
        ];
        for (method, path, body) in refused {
            let answer = api.call(method, path, &helpdesk, Some(body));
            assert_eq!(answer.status, 403, "{method} {path}: {}", answer.body);
            assert_eq!(answer.body["error"]["kind"], "permission_denied");
        }
        let message = api
            .call(
                "POST",
                "/v1/users",
                &helpdesk,
                Some(json!({ "name": "evil", "role": "admin", "password": PASSWORD })),
            )
            .body["error"]["message"]
            .clone();
        assert!(
            message.as_str().expect("message").contains("keys:manage"),
            "the refusal names what the actor lacks: {message}"
        );
        let me = env.me();
        for path in [
            format!("/v1/users/{me}/disable"),
            format!("/v1/users/{me}/role"),
        ] {
            let body = path.ends_with("role").then(|| json!({ "role": "reader" }));
            assert_eq!(
                api.status("POST", &path, &helpdesk, body),
                403,
                "{path}: nobody acts on an account above them"
            );
        }
        assert_eq!(api.state(), before, "nothing changed");
        assert_eq!(
            http_request(
                "POST",
                &format!("{}/v1/login", api.url),
                None,
                Some(&json!({ "username": "evil", "password": PASSWORD }).to_string()),
            )
            .status,
            401,
            "no backdoor account exists"
        );

        // Within what it holds, the role does its job.
        let reader = json!({ "name": "carol", "role": "reader", "password": PASSWORD });
        assert_eq!(
            api.status("POST", "/v1/users", &helpdesk, Some(reader)),
            200
        );
        let narrow = json!({ "name": "narrow", "permissions": ["tokens:read"] });
        assert_eq!(
            api.status("POST", "/v1/roles", &helpdesk, Some(narrow)),
            200
        );
    }
}

/// Editing a role hands its holders what is added and takes from them what
/// is removed; removing one moves them: each needs every permission of the
/// roles involved, before and after.
fn role_edits_and_removals_hand_on_nothing_the_editor_lacks() {
    for env in TestEnv::servers() {
        let api = Api::new(&env);
        api.add_role("helpdesk", &["users:manage", "tokens:read"]);
        api.add_role("reader", &["tokens:read"]);
        api.add_role("keyholders", &["keys:manage", "tokens:read"]);
        let helpdesk = api.user("help", "helpdesk");
        api.user("kim", "keyholders");
        let before = api.state();
        let refused = [
            // Raising a role it may edit, or its own, beyond what it holds.
            (
                "PATCH",
                "/v1/roles/reader",
                Some(json!({ "add_permissions": ["keys:manage"] })),
            ),
            (
                "PATCH",
                "/v1/roles/helpdesk",
                Some(json!({ "add_permissions": ["tokens:revoke-all"] })),
            ),
            // Lowering, rewording or removing a role above it.
            (
                "PATCH",
                "/v1/roles/keyholders",
                Some(json!({ "remove_permissions": ["keys:manage"] })),
            ),
            (
                "PATCH",
                "/v1/roles/keyholders",
                Some(json!({ "description": "mine now" })),
            ),
            ("DELETE", "/v1/roles/keyholders?reassign=reader", None),
            // Moving holders into a role above it.
            ("DELETE", "/v1/roles/reader?reassign=admin", None),
        ];
        for (method, path, body) in refused {
            let answer = api.call(method, path, &helpdesk, body);
            assert_eq!(answer.status, 403, "{method} {path}: {}", answer.body);
            assert_eq!(answer.body["error"]["kind"], "permission_denied");
        }
        assert_eq!(api.state(), before, "nothing changed");

        // Within what it holds, it does the job.
        let body = json!({ "description": "read-only", "add_permissions": ["users:manage"] });
        let answer = api.call("PATCH", "/v1/roles/reader", &helpdesk, Some(body));
        assert_eq!(answer.status, 200, "{}", answer.body);
        let answer = api.call(
            "DELETE",
            "/v1/roles/reader?reassign=helpdesk",
            &helpdesk,
            None,
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
    }
}

fn no_token_or_access_token_changes_authority_whatever_its_scopes() {
    for env in TestEnv::servers() {
        let api = Api::new(&env);
        api.user("bob", "developer");
        let pat = api.token(&api.admin, "admin-pat");
        let access = api.access_token(&pat, None);
        let me = api.call("GET", "/v1/me", &access, None).body;
        assert_eq!(
            me["permissions"].as_array().map(Vec::len),
            Some(Permission::ALL.len())
        );
        let before = api.state();
        for (what, credential) in [("PAT", &pat), ("access token", &access)] {
            let refused = [
                (
                    "/v1/users",
                    Some(json!({ "name": "backdoor", "role": "admin", "password": PASSWORD })),
                ),
                (
                    "/v1/roles",
                    Some(json!({ "name": "r", "permissions": ["api:read"] })),
                ),
                ("/v1/users/bob/disable", None),
                ("/v1/users/bob/role", Some(json!({ "role": "connector" }))),
                ("/v1/keys/rotate", None),
                ("/v1/tokens", Some(json!({ "name": "minted" }))),
                ("/v1/me/totp", None),
            ];
            for (path, body) in refused {
                let answer = api.call("POST", path, credential, body);
                assert_eq!(answer.status, 403, "{what} POST {path}: {}", answer.body);
                assert!(
                    answer.body["error"]["message"]
                        .as_str()
                        .is_some_and(|m| m.contains("needs a login session")),
                    "{what} {path}: {}",
                    answer.body
                );
            }
            for (method, path, body) in [
                ("DELETE", "/v1/roles/developer", None),
                ("DELETE", "/v1/roles/support?reassign=connector", None),
                (
                    "PATCH",
                    "/v1/roles/developer",
                    Some(json!({ "description": "changed" })),
                ),
            ] {
                let answer = api.call(method, path, credential, body);
                assert_eq!(
                    answer.status, 403,
                    "{what} {method} {path}: {}",
                    answer.body
                );
            }
        }
        assert_eq!(api.state(), before, "nothing changed");

        // Through the CLI too.
        let as_pat = |args: &[&str]| env.cmd(args).env("TOKENCTL_TOKEN", &pat).output();
        let output = as_pat(&["user", "add", "mallory", "--role", "admin"]).expect("run");
        assert_fails(
            &output,
            4,
            "a token may not add users: that needs a login session",
        );
        let output = as_pat(&["keys", "rotate", "--yes"]).expect("run");
        assert_fails(&output, 4, "a token may not rotate the signing key");
        assert_eq!(api.state(), before, "nothing changed");
    }
}

fn access_tokens_for_another_audience_are_refused_by_this_api() {
    let other = "https://other-rs.example";
    for backend in [Backend::RemotePostgres, Backend::RemoteSqlite] {
        let env = TestEnv::with_server_flags(backend, &["--audience", other]);
        let api = Api::new(&env);
        let pat = api.token(&api.admin, "ci");
        let ours = api.access_token(&pat, None);
        let theirs = api.access_token(&pat, Some(other));
        assert_eq!(api.status("GET", "/v1/me", &ours, None), 200);
        for path in ["/v1/me", "/v1/users", "/v1/tokens"] {
            let answer = api.call("GET", path, &theirs, None);
            assert_eq!(answer.status, 401, "{path}: {}", answer.body);
            assert_eq!(answer.body["error"]["kind"], "unauthenticated");
        }
        // The other resource server can still ask whether it is active.
        let form = format!("token={theirs}");
        let answer = common::http_send(
            "POST",
            &format!("{}/oauth2/introspect", api.url),
            &[
                ("authorization", &format!("Bearer {pat}")),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            Some(&form),
        );
        assert_eq!(answer.body["active"], true, "{}", answer.body);
        assert_eq!(answer.body["aud"], other);

        // A token signed with the server's own key for a foreign audience
        // is no better.
        let forged = sign_access_token(&env, &api.url, |claims| {
            claims.aud = "https://not-ours.example".to_owned();
        });
        assert_eq!(api.status("GET", "/v1/me", &forged, None), 401);
        let genuine = sign_access_token(&env, &api.url, |_| {});
        assert_eq!(
            api.status("GET", "/v1/me", &genuine, None),
            200,
            "the forging helper itself makes tokens the server accepts"
        );
    }
}

/// An access token for the first admin, signed with the server's own key,
/// after `change` has had its way with the claims.
pub(crate) fn sign_access_token(
    env: &TestEnv,
    issuer: &str,
    change: impl FnOnce(&mut tokenctl::exchange::AccessClaims),
) -> String {
    let now = chrono::Utc::now().timestamp();
    let mut claims = tokenctl::exchange::AccessClaims {
        iss: issuer.to_owned(),
        sub: env.me(),
        aud: issuer.to_owned(),
        exp: now + 600,
        iat: now,
        jti: "forged-for-a-test".to_owned(),
        client_id: "session".to_owned(),
        scope: "tokens:read".to_owned(),
        token_id: None,
        epoch: 0,
        nbf: None,
        act: None,
        trust_policy: None,
    };
    change(&mut claims);
    server_keys(env)
        .sign(tokenctl::exchange::ACCESS_TOKEN_TYP, &claims)
        .expect("sign")
}

pub(crate) fn server_keys(env: &TestEnv) -> std::sync::Arc<tokenctl::jose::KeySet> {
    tokenctl::jose::LiveKeys::open(&env.signing_key_path())
        .expect("the server's key set")
        .current()
}

fn our_own_jwts_from_the_future_or_living_too_long_are_refused() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let api = Api::new(&env);
    let now = chrono::Utc::now().timestamp();
    let hour = 3_600;
    let access = |what: &str, change: &dyn Fn(&mut tokenctl::exchange::AccessClaims)| {
        (what.to_owned(), sign_access_token(&env, &api.url, change))
    };
    let refused_access = [
        access("nbf an hour ahead", &|c| c.nbf = Some(now + hour)),
        access("iat a day ahead", &|c| {
            c.iat = now + 24 * hour;
            c.exp = c.iat + 600;
        }),
        access("ten years", &|c| c.exp = now + 10 * 365 * 24 * hour),
        access("beyond the server's cap (1 h)", &|c| {
            c.exp = now + hour + 60
        }),
    ];
    // The jti of a real session: what the store records is not the
    // question here, only the times.
    let jti =
        tokenctl::auth::verify_session(&server_keys(&env), &env.session(), chrono::Utc::now())
            .expect("the login's session")
            .jti;
    let session = |what: &str, iat: i64, exp: i64, nbf: Option<i64>| {
        let claims = json!({
            "iss": "tokenctl", "aud": "tokenctl", "sub": env.me(), "iat": iat, "exp": exp,
            "jti": jti, "amr": ["pwd"], "nbf": nbf,
        });
        let token = server_keys(&env)
            .sign(tokenctl::auth::SESSION_TYP, &claims)
            .expect("sign");
        (what.to_owned(), token)
    };
    let refused_sessions = [
        session(
            "session nbf an hour ahead",
            now,
            now + 600,
            Some(now + hour),
        ),
        session(
            "session iat a day ahead",
            now + 24 * hour,
            now + 25 * hour,
            None,
        ),
        session(
            "session of ten years",
            now,
            now + 10 * 365 * 24 * hour,
            None,
        ),
        session("session of 61 minutes", now, now + hour + 60, None),
    ];
    for (what, token) in refused_access.iter().chain(&refused_sessions) {
        let answer = api.call("GET", "/v1/me", token, None);
        assert_eq!(answer.status, 401, "{what}: {}", answer.body);
    }
    let (_, fine) = session("a session as tokenctl issues it", now, now + hour, None);
    assert_eq!(api.status("GET", "/v1/me", &fine, None), 200);
    let (_, skewed) = access("iat within the leeway", &|c| c.iat = now + 20);
    assert_eq!(api.status("GET", "/v1/me", &skewed, None), 200);
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(users_manage_alone_neither_creates_admins_nor_hands_on_what_it_lacks),
        test!(no_token_or_access_token_changes_authority_whatever_its_scopes),
        test!(access_tokens_for_another_audience_are_refused_by_this_api),
        test!(our_own_jwts_from_the_future_or_living_too_long_are_refused),
        test!(role_edits_and_removals_hand_on_nothing_the_editor_lacks),
    ]
}
