//! `tokenctl exchange` and the server's RFC 8693 token endpoint, RFC 8414
//! metadata and authentication-token endpoint: a PAT (or a login) becomes a short-lived
//! RFC 9068 access token that anyone can verify against the JWK Set.

use crate::common;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::{Backend, TestEnv, assert_fails, code, stdout};
use serde_json::{Value, json};

/// The header and claims of a JWT, unverified.
fn decode(token: &str) -> (Value, Value) {
    let part = |index: usize| -> Value {
        let text = token.split('.').nth(index).expect("three parts");
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(text).expect("base64url")).expect("json")
    };
    (part(0), part(1))
}

fn exchange(env: &TestEnv, pat: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["exchange"];
    all.extend_from_slice(args);
    env.cmd(&all)
        .env("TOKENCTL_TOKEN", pat)
        .output()
        .expect("run")
}

contract!(an_exchanged_token_carries_the_rfc_9068_claims, |env| {
    let pat = env.create(&["ci", "--expires", "7d"]);
    let output = exchange(env, &pat, &["--ttl", "10m", "--scope", "tokens:read"]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let token = stdout(&output).trim().to_owned();
    let (header, claims) = decode(&token);
    assert_eq!(header["alg"], "EdDSA");
    assert_eq!(header["typ"], "at+jwt");
    assert!(header["kid"].is_string());
    for claim in ["iss", "sub", "aud", "jti", "client_id"] {
        assert!(claims[claim].is_string(), "{claim} in {claims}");
    }
    assert_eq!(claims["scope"], "tokens:read");
    assert_eq!(claims["sub"], env.me());
    assert_eq!(claims["aud"], claims["iss"]);
    let lifetime = claims["exp"].as_i64().expect("exp") - claims["iat"].as_i64().expect("iat");
    assert_eq!(lifetime, 600);
    let id = claims["token_id"].as_i64().expect("token_id");
    assert_eq!(claims["client_id"], format!("token:{id}"));
    assert!(!token.contains(&pat));

    let audit = env.json(&["audit"]);
    let entry = audit
        .as_array()
        .expect("entries")
        .iter()
        .find(|entry| entry["action"] == "token.exchange")
        .expect("the exchange is audited");
    let detail = entry["detail"].as_str().expect("detail");
    assert!(
        detail.contains(claims["jti"].as_str().expect("jti")),
        "{detail}"
    );
    assert!(
        !detail.contains(&token) && !detail.contains(&pat),
        "{detail}"
    );
});

contract!(json_env_and_github_outputs_are_for_pipelines, |env| {
    let pat = env.create(&["ci"]);
    let json: Value =
        serde_json::from_slice(&exchange(env, &pat, &["--output", "json"]).stdout).expect("json");
    assert_eq!(json["token_type"], "Bearer");
    assert_eq!(
        json["issued_token_type"],
        "urn:ietf:params:oauth:token-type:access_token"
    );
    assert_eq!(json["expires_in"], 900);
    assert!(
        json["scope"]
            .as_str()
            .expect("scope")
            .contains("tokens:read")
    );
    assert!(
        json["access_token"]
            .as_str()
            .expect("token")
            .starts_with("eyJ")
    );

    let env_line = stdout(&exchange(env, &pat, &["--output", "env"]));
    assert!(
        env_line.starts_with("export TOKENCTL_ACCESS_TOKEN='eyJ"),
        "{env_line}"
    );

    let github_env = env.root().join("github_env");
    let github_output = env.root().join("github_output");
    let output = env
        .cmd(&["exchange", "--output", "github"])
        .env("TOKENCTL_TOKEN", &pat)
        .env("GITHUB_ENV", &github_env)
        .env("GITHUB_OUTPUT", &github_output)
        .output()
        .expect("run");
    let printed = stdout(&output);
    let mask = printed.lines().next().expect("a first line");
    let token = mask.strip_prefix("::add-mask::").expect("mask comes first");
    assert_eq!(
        printed.lines().count(),
        1,
        "only the mask is printed: {printed}"
    );
    let written = std::fs::read_to_string(&github_env).expect("GITHUB_ENV");
    assert_eq!(written, format!("TOKENCTL_ACCESS_TOKEN={token}\n"));
    let written = std::fs::read_to_string(&github_output).expect("GITHUB_OUTPUT");
    assert_eq!(written, format!("access_token={token}\n"));

    let bare = stdout(&exchange(env, &pat, &["--output", "github"]));
    let lines: Vec<&str> = bare.lines().collect();
    assert_eq!(lines.len(), 2, "{bare}");
    assert_eq!(lines[0], format!("::add-mask::{}", lines[1]));
});

contract!(scopes_beyond_the_token_and_dead_tokens_are_refused, |env| {
    env.ok(&["user", "add", "carl", "--role", "connector"]);
    let uploader = env.create(&["uploads", "--for", "carl", "--role", "connector"]);
    assert!(
        exchange(env, &uploader, &["--scope", "files:upload"])
            .status
            .success()
    );
    assert_fails(
        &exchange(env, &uploader, &["--scope", "api:read"]),
        4,
        "does not have the permission 'api:read'",
    );
    assert_fails(
        &exchange(env, &uploader, &["--ttl", "1s"]),
        2,
        "at least 10 seconds",
    );
    env.ok(&["revoke", "uploads", "--yes"]);
    assert_fails(&exchange(env, &uploader, &[]), 4, "revoked");
});

contract!(an_access_token_never_outlives_its_token, |env| {
    let pat = env.create(&["short", "--expires", "5m"]);
    let output = exchange(env, &pat, &["--ttl", "1h", "--output", "json"]);
    let json: Value = serde_json::from_slice(&output.stdout).expect("json");
    let expires_in = json["expires_in"].as_i64().expect("expires_in");
    assert!((280..=300).contains(&expires_in), "{expires_in}");
    // Shortened, and said so: on stderr and in the JSON.
    assert_eq!(json["capped"], true, "{json}");
    assert!(
        common::stderr(&output).contains("not the 1h asked: the server shortened it"),
        "{}",
        common::stderr(&output)
    );
    let json: Value =
        serde_json::from_slice(&exchange(env, &pat, &["--ttl", "1m", "--json"]).stdout)
            .expect("json");
    assert_eq!(
        (json["capped"].clone(), json["expires_in"].clone()),
        (json!(false), json!(60))
    );
    // --strict-ttl refuses what it can't have in full.
    assert_fails(
        &exchange(env, &pat, &["--ttl", "1h", "--strict-ttl"]),
        2,
        "with strict_ttl, and this exchange can give at most",
    );
    assert_fails(&exchange(env, &pat, &["--strict-ttl"]), 2, "--ttl");
});

contract!(the_token_to_exchange_may_come_on_stdin, |env| {
    let pat = env.create(&["ci"]);
    let output = env.run_with_stdin(
        &["exchange", "--token-stdin", "--output", "json"],
        format!("{pat}\n"),
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("json");
    let (_, claims) = decode(json["access_token"].as_str().expect("token"));
    assert!(claims["token_id"].is_i64());
    assert_fails(
        &env.run_with_stdin(&["exchange", "--token-stdin"], "tcpat_not-a-token\n"),
        2,
        "not a tokenctl token",
    );
});

fn remote() -> TestEnv {
    TestEnv::with_backend(Backend::RemoteSqlite)
}

fn a_login_session_can_be_exchanged_too() {
    let env = remote();
    let output = env.run(&["exchange", "--output", "json"]);
    let json: Value = serde_json::from_slice(&output.stdout).expect("json");
    let (_, claims) = decode(json["access_token"].as_str().expect("token"));
    assert_eq!(claims["client_id"], "session");
    assert!(claims.get("token_id").is_none());
}

fn another_jose_implementation_verifies_access_tokens_from_the_metadata_alone() {
    common::require_python_modules(
        &["jwcrypto"],
        "python3 -m pip install jwcrypto; see .ci/run",
    );
    let env = remote();
    let (status, metadata) = env.http("GET", "/.well-known/oauth-authorization-server", None, None);
    assert_eq!(status, 200);
    let issuer = metadata["issuer"].as_str().expect("issuer");
    assert_eq!(issuer, env.server_url().expect("url"));
    assert_eq!(metadata["token_endpoint"], format!("{issuer}/oauth2/token"));
    assert_eq!(
        metadata["grant_types_supported"][0],
        "urn:ietf:params:oauth:grant-type:token-exchange"
    );
    let jwks = metadata["jwks_uri"].as_str().expect("jwks_uri");

    let pat = env.create(&["ci"]);
    let token = stdout(&exchange(&env, &pat, &[])).trim().to_owned();
    let claims = common::jose_verify(jwks, &token, issuer, issuer).expect("verified");
    assert_eq!(claims["sub"], env.me());
    assert!(common::jose_verify(jwks, &token, issuer, "https://elsewhere.example").is_err());
    let mut tampered = token.clone();
    tampered.insert(token.find('.').expect("dot") + 5, 'x');
    assert!(common::jose_verify(jwks, &tampered, issuer, issuer).is_err());
}

/// A request to the server with exactly these headers: `(status, body)`.
fn raw(
    env: &TestEnv,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> (u16, Value) {
    let url = format!("{}{path}", env.server_url().expect("server"));
    let answer = common::http_send(method, &url, headers, body);
    (answer.status, answer.body)
}

/// A form POST to the token endpoint: `(status, JSON body)`.
fn token_endpoint(env: &TestEnv, form: &str) -> (u16, Value) {
    raw(
        env,
        "POST",
        "/oauth2/token",
        &[("content-type", "application/x-www-form-urlencoded")],
        Some(form),
    )
}

fn the_token_endpoint_answers_rfc_8693_errors() {
    let env = remote();
    let pat = env.create(&["ci"]);
    let grant = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange";
    let pat_type = "subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token";
    let good = format!("{grant}&{pat_type}&subject_token={pat}");
    let (status, body) = token_endpoint(&env, &good);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "Bearer");

    let cases = [
        (format!("{pat_type}&subject_token={pat}"), "invalid_request"),
        (
            format!("grant_type=password&{pat_type}&subject_token={pat}"),
            "unsupported_grant_type",
        ),
        (format!("{grant}&subject_token={pat}"), "invalid_request"),
        (format!("{grant}&{pat_type}"), "invalid_request"),
        (
            format!("{grant}&{pat_type}&subject_token=tcpat_forged"),
            "invalid_grant",
        ),
        (format!("{good}&scope=nope"), "invalid_scope"),
        (
            format!("{good}&audience=https%3A%2F%2Fevil.example"),
            "invalid_target",
        ),
        (format!("{good}&expires_in=ten"), "invalid_request"),
        ("%%%".to_owned(), "invalid_request"),
    ];
    for (form, code) in cases {
        let (status, body) = token_endpoint(&env, &form);
        assert_eq!(
            (status, body["error"].as_str()),
            (400, Some(code)),
            "{form}: {body}"
        );
        assert!(body["error_description"].is_string());
    }
    env.ok(&["revoke", "ci", "--yes"]);
    let (status, body) = token_endpoint(&env, &good);
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
}

/// Exchanges made at once share audit commits on the server; each still
/// gets its own entry, with its own `jti`, before its token is returned.
fn concurrent_exchanges_are_each_audited() {
    let env = remote();
    let pat = env.create(&["ci"]);
    let url = format!("{}/oauth2/token", env.server_url().expect("server"));
    let form = format!(
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange\
         &subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token\
         &subject_token={pat}"
    );
    let headers = [("content-type", "application/x-www-form-urlencoded")];
    let tokens: Vec<String> = std::thread::scope(|scope| {
        let exchanges: Vec<_> = (0..24)
            .map(|_| scope.spawn(|| common::http_send("POST", &url, &headers, Some(&form))))
            .collect();
        exchanges
            .into_iter()
            .map(|exchange| {
                let answer = exchange.join().expect("exchange thread");
                assert_eq!(answer.status, 200, "{}", answer.body);
                answer.body["access_token"]
                    .as_str()
                    .expect("token")
                    .to_owned()
            })
            .collect()
    });
    let audit = env.json(&["audit"]);
    let details: Vec<&str> = audit
        .as_array()
        .expect("entries")
        .iter()
        .filter(|entry| entry["action"] == "token.exchange")
        .map(|entry| entry["detail"].as_str().expect("detail"))
        .collect();
    assert_eq!(details.len(), tokens.len());
    for token in &tokens {
        let (_, claims) = decode(token);
        let jti = claims["jti"].as_str().expect("jti");
        assert_eq!(
            details.iter().filter(|detail| detail.contains(jti)).count(),
            1,
            "one entry for {jti}"
        );
    }
}

fn the_server_caps_lifetimes_and_names_its_audiences() {
    let env = TestEnv::new();
    let database = format!("sqlite:{}", env.root().join("server.db").display());
    let server = env.start_server(
        &database,
        None,
        &[
            "--max-exchange-ttl",
            "2m",
            "--audience",
            "https://files.example",
        ],
    );
    let pat = server_pat(&env, server.url());
    let run = |args: &[&str]| {
        let mut all = vec!["--server", server.url(), "exchange", "--output", "json"];
        all.extend_from_slice(args);
        let output = env
            .cmd(&all)
            .env("TOKENCTL_TOKEN", &pat)
            .output()
            .expect("run");
        serde_json::from_slice::<Value>(&output.stdout).unwrap_or(Value::Null)
    };
    assert_eq!(run(&["--ttl", "1h"])["expires_in"], 120);
    assert_eq!(run(&["--ttl", "1h"])["capped"], true);
    assert_eq!(
        run(&["--ttl", "1h", "--strict-ttl"]),
        Value::Null,
        "refused"
    );
    assert_eq!(run(&["--ttl", "2m", "--strict-ttl"])["expires_in"], 120);
    let json = run(&["--audience", "https://files.example"]);
    let (_, claims) = decode(json["access_token"].as_str().expect("token"));
    assert_eq!(claims["aud"], "https://files.example");
    assert_eq!(run(&["--audience", "https://other.example"]), Value::Null);
}

/// A PAT for the OS user on a server started by the test.
fn server_pat(env: &TestEnv, url: &str) -> String {
    let output = env
        .cmd(&[
            "login",
            "--server",
            url,
            "--password-stdin",
            "--insecure-storage",
        ])
        .write_stdin(format!("{}\n", common::ADMIN_PASSWORD))
        .output()
        .expect("login");
    assert!(output.status.success(), "{}", common::stderr(&output));
    let output = env
        .cmd(&["--server", url, "create", "ci"])
        .output()
        .expect("create");
    stdout(&output).trim().to_owned()
}

fn the_authentication_token_endpoint_answers_in_its_envelope() {
    let env = remote();
    let pat = env.create(&["ci"]);
    let path = "/api/personalaccesstoken/getAuthenticationToken";
    let call = |headers: &[(&str, &str)]| raw(&env, "GET", path, headers, None);
    let (status, body) = call(&[("personalAccessToken", &pat)]);
    assert_eq!(status, 200);
    let keys: Vec<&String> = body.as_object().expect("object").keys().collect();
    assert_eq!(
        keys,
        [
            "Data",
            "ErrorMessage",
            "ErrorParameters",
            "GetErrorParameters",
            "ResponseCode"
        ]
    );
    assert_eq!(body["ErrorMessage"], "");
    assert_eq!(body["ErrorParameters"], Value::Null);
    assert_eq!(body["ResponseCode"], 1);
    assert_eq!(body["GetErrorParameters"], "");
    let (_, claims) = decode(body["Data"].as_str().expect("Data"));
    assert_eq!(claims["sub"], env.me());

    for (headers, expected) in [
        (vec![], 400),
        (vec![("personalAccessToken", "garbage")], 400),
    ] {
        let (status, body) = call(&headers);
        assert_eq!(status, expected, "{body}");
        assert_eq!(body["ResponseCode"], 0);
        assert_eq!(body["Data"], Value::Null);
        assert_eq!(body["ErrorParameters"][0], "personalAccessToken");
        assert_eq!(body["GetErrorParameters"], "personalAccessToken");
        assert!(!body["ErrorMessage"].as_str().expect("message").is_empty());
    }
    env.ok(&["revoke", "ci", "--yes"]);
    let (status, body) = call(&[("personalAccessToken", &pat)]);
    assert_eq!((status, &body["ResponseCode"]), (401, &Value::from(0)));
    assert!(
        body["ErrorMessage"]
            .as_str()
            .expect("message")
            .contains("revoked")
    );
}

/// RFC 7662 introspection with the caller's login as the credential.
fn introspect(env: &TestEnv, token: &str, bearer: Option<&str>) -> (u16, Value) {
    let session = env.session();
    let authorization = format!("Bearer {}", bearer.unwrap_or(&session));
    raw(
        env,
        "POST",
        "/oauth2/introspect",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("authorization", &authorization),
        ],
        Some(&format!("token={token}&token_type_hint=access_token")),
    )
}

fn introspection_follows_the_token_an_access_token_came_from() {
    let env = remote();
    let pat = env.create(&["ci"]);
    let access = stdout(&exchange(&env, &pat, &["--scope", "api:read"]))
        .trim()
        .to_owned();
    let (status, body) = introspect(&env, &access, None);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["active"], true);
    assert_eq!(body["scope"], "api:read");
    assert_eq!(body["sub"], env.me());
    assert_eq!(body["username"], env.me());
    assert_eq!(body["token_type"], "Bearer");
    assert!(body["exp"].is_i64() && body["iat"].is_i64() && body["jti"].is_string());

    let (_, body) = introspect(&env, &pat, None);
    assert_eq!(body["active"], true, "a PAT introspects too");
    assert!(
        body["client_id"]
            .as_str()
            .expect("client_id")
            .starts_with("token:")
    );

    let mut tampered = access.clone();
    tampered.pop();
    tampered.push(if access.ends_with('A') { 'B' } else { 'A' });
    for dead in [tampered.as_str(), "garbage", env.session().as_str()] {
        let (_, body) = introspect(&env, dead, None);
        assert_eq!(body, serde_json::json!({ "active": false }), "{dead}");
    }

    env.ok(&["revoke", "ci", "--yes"]);
    let (_, body) = introspect(&env, &access, None);
    assert_eq!(body, serde_json::json!({ "active": false }));
}

fn introspection_needs_a_caller_and_a_token() {
    let env = remote();
    let pat = env.create(&["ci"]);
    let access = stdout(&exchange(&env, &pat, &[])).trim().to_owned();
    let (status, body) = raw(
        &env,
        "POST",
        "/oauth2/introspect",
        &[("content-type", "application/x-www-form-urlencoded")],
        Some(&format!("token={access}")),
    );
    assert_eq!(status, 401, "{body}");
    let (status, body) = raw(
        &env,
        "POST",
        "/oauth2/introspect",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("authorization", &format!("Bearer {pat}")),
        ],
        Some("token_type_hint=access_token"),
    );
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"], "invalid_request", "{body}");
    // A token may introspect, as a resource server holding one would.
    assert_eq!(introspect(&env, &access, Some(&pat)).1["active"], true);
}

fn an_access_token_from_a_login_dies_with_its_user() {
    let env = remote();
    let added = env.run_with_stdin(
        &[
            "user",
            "add",
            "dora",
            "--role",
            "developer",
            "--password-stdin",
        ],
        "dora's one-time password\n",
    );
    assert!(added.status.success(), "{}", common::stderr(&added));
    // Her first login replaces the one-time password (the next stdin line).
    let login = env
        .cmd(&[
            "login",
            "--server",
            &env.server_url().expect("url"),
            "--username",
            "dora",
            "--password-stdin",
            "--insecure-storage",
            "--profile",
            "dora",
        ])
        .write_stdin("dora's one-time password\ndora's long password\n")
        .output()
        .expect("login");
    assert!(login.status.success(), "{}", common::stderr(&login));
    assert!(common::stderr(&login).contains("Your new password is set"));
    let output = env.run(&["--profile", "dora", "exchange"]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let access = stdout(&output).trim().to_owned();
    assert_eq!(introspect(&env, &access, None).1["active"], true);
    env.ok(&["--profile", "default", "user", "disable", "dora"]);
    assert_eq!(introspect(&env, &access, None).1["active"], false);
}

contract!(
    verify_checks_an_access_token_offline_and_prints_its_claims,
    |env| {
        let pat = env.create(&["ci"]);
        let access = stdout(&exchange(env, &pat, &["--scope", "tokens:read"]))
            .trim()
            .to_owned();
        let verified = env.run_with_stdin(&["verify", "--json"], format!("{access}\n"));
        assert!(verified.status.success(), "{}", common::stderr(&verified));
        let claims: Value = serde_json::from_slice(&verified.stdout).expect("json");
        assert_eq!(claims["valid"], true);
        assert_eq!(claims["scope"], "tokens:read");
        assert_eq!(claims["sub"], env.me());

        let human = env.run_with_stdin(&["verify"], format!("{access}\n"));
        assert!(common::stderr(&human).contains("is valid"));
        assert!(stdout(&human).contains("tokens:read"));

        let invalid = "the access token is not valid";
        assert_fails(
            &env.run_with_stdin(
                &["verify", "--audience", "https://else.example"],
                format!("{access}\n"),
            ),
            4,
            invalid,
        );
        let (header, claims) = access.split_once('.').expect("dots");
        let forged_claims = URL_SAFE_NO_PAD.encode(
            String::from_utf8(
                URL_SAFE_NO_PAD
                    .decode(claims.split('.').next().expect("claims"))
                    .expect("b64"),
            )
            .expect("utf-8")
            .replace("tokens:read", "users:manage"),
        );
        let signature = access.rsplit('.').next().expect("signature");
        let forged = format!("{header}.{forged_claims}.{signature}");
        assert_fails(
            &env.run_with_stdin(&["verify"], format!("{forged}\n")),
            4,
            invalid,
        );
        let alg_none = format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"at+jwt"}"#),
            claims.split('.').next().expect("claims")
        );
        assert_fails(
            &env.run_with_stdin(&["verify"], format!("{alg_none}\n")),
            4,
            invalid,
        );
    }
);

fn a_token_signed_before_a_key_rotation_still_verifies() {
    let env = remote();
    let pat = env.create(&["ci"]);
    let access = stdout(&exchange(&env, &pat, &[])).trim().to_owned();
    env.ok(&["keys", "rotate", "--yes"]);
    let fresh = stdout(&exchange(&env, &pat, &[])).trim().to_owned();
    assert_ne!(decode(&access).0["kid"], decode(&fresh).0["kid"]);
    for token in [&access, &fresh] {
        let verified = env.run_with_stdin(&["verify"], format!("{token}\n"));
        assert!(verified.status.success(), "{}", common::stderr(&verified));
        assert_eq!(introspect(&env, token, None).1["active"], true);
    }
}

fn an_access_token_authenticates_with_its_scope_until_its_token_dies() {
    let env = remote();
    let pat = env.create(&["ci"]);
    let reader = stdout(&exchange(&env, &pat, &["--scope", "tokens:read"]))
        .trim()
        .to_owned();
    let uploader = stdout(&exchange(&env, &pat, &["--scope", "files:upload"]))
        .trim()
        .to_owned();
    let as_token = |access: &str, args: &[&str]| {
        env.cmd(args)
            .env("TOKENCTL_TOKEN", access)
            .output()
            .expect("run")
    };
    let listed = as_token(&reader, &["list", "--json"]);
    assert!(listed.status.success(), "{}", common::stderr(&listed));
    let me = as_token(&reader, &["whoami", "--json"]);
    assert!(stdout(&me).contains("access"), "{}", stdout(&me));
    assert_fails(&as_token(&uploader, &["list"]), 4, "tokens:read");
    assert_fails(
        &as_token(&reader, &["create", "minted"]),
        4,
        "needs a login session",
    );
    env.ok(&["revoke", "ci", "--yes"]);
    assert_fails(&as_token(&reader, &["list"]), 4, "not valid");
}

contract!(keys_jwks_verifies_what_exchange_signs, |env| {
    let pat = env.create(&["ci"]);
    let token = stdout(&exchange(env, &pat, &[])).trim().to_owned();
    let jwks = env.run(&["keys", "jwks"]);
    assert_eq!(code(&jwks), 0, "{}", common::stderr(&jwks));
    let jwks: jsonwebtoken::jwk::JwkSet = serde_json::from_slice(&jwks.stdout).expect("a JWK Set");
    // Verified with another library than ours, as a resource server would.
    let header = jsonwebtoken::decode_header(&token).expect("header");
    let kid = header.kid.expect("kid");
    let jwk = jwks.find(&kid).expect("the signing key is in the set");
    let key = jsonwebtoken::DecodingKey::from_jwk(jwk).expect("key");
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::EdDSA);
    validation.validate_aud = false;
    jsonwebtoken::decode::<Value>(&token, &key, &validation).expect("verifies");
});

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        vec![
            test!(a_login_session_can_be_exchanged_too),
            test!(another_jose_implementation_verifies_access_tokens_from_the_metadata_alone),
            test!(the_token_endpoint_answers_rfc_8693_errors),
            test!(concurrent_exchanges_are_each_audited),
            test!(the_server_caps_lifetimes_and_names_its_audiences),
            test!(the_authentication_token_endpoint_answers_in_its_envelope),
            test!(introspection_follows_the_token_an_access_token_came_from),
            test!(introspection_needs_a_caller_and_a_token),
            test!(an_access_token_from_a_login_dies_with_its_user),
            test!(a_token_signed_before_a_key_rotation_still_verifies),
            test!(an_access_token_authenticates_with_its_scope_until_its_token_dies),
        ],
        an_exchanged_token_carries_the_rfc_9068_claims::tests(),
        json_env_and_github_outputs_are_for_pipelines::tests(),
        scopes_beyond_the_token_and_dead_tokens_are_refused::tests(),
        an_access_token_never_outlives_its_token::tests(),
        the_token_to_exchange_may_come_on_stdin::tests(),
        verify_checks_an_access_token_offline_and_prints_its_claims::tests(),
        keys_jwks_verifies_what_exchange_signs::tests(),
    ]
    .concat()
}
