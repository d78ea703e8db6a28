//! CI without a stored secret, end to end: `trust add` on a real server,
//! ID tokens from a real OpenID Connect issuer on loopback (jwcrypto, see
//! tests/oidc_issuer/issuer.py), `exchange --oidc` / `--id-token-stdin`
//! through the CLI and the raw token endpoint, on SQLite and PostgreSQL.

use serde_json::{Value, json};

use crate::common::{self, Backend, TestEnv, assert_fails, stdout};
use crate::federation::{AUDIENCE, Issuer};

const ID_TOKEN_TYPE: &str = "urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aid_token";
const GRANT: &str = "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange";

/// An ID token for a GitHub Actions job of acme/api on main, signed with
/// `alg`, with `overrides` on top of the usual claims.
fn mint(issuer: &Issuer, alg: &str, overrides: &Value) -> String {
    mint_raw(
        issuer,
        &json!({ "alg": alg, "claims": issuer.github_claims(overrides) }),
    )
}

fn mint_raw(issuer: &Issuer, request: &Value) -> String {
    let answer = common::http_send(
        "POST",
        &format!("{}/mint", issuer.url),
        &[("content-type", "application/json")],
        Some(&request.to_string()),
    );
    assert_eq!(answer.status, 200, "mint: {}", answer.body);
    answer.body.as_str().expect("a token").to_owned()
}

/// How many discovery and key requests the issuer has served.
fn fetches(issuer: &Issuer) -> usize {
    let answer = common::http_send("GET", &format!("{}/log", issuer.url), &[], None);
    answer.body.as_array().expect("a list").len()
}

/// `trust add NAME` for acme/api on this issuer, with `extra` flags.
fn add_policy(env: &TestEnv, issuer: &Issuer, name: &str, extra: &[&str]) -> Value {
    env.json(&add_policy_args(issuer, name, extra))
}

fn add_policy_args<'a>(issuer: &'a Issuer, name: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "trust",
        "add",
        name,
        "--issuer",
        &issuer.url,
        "--audience",
        AUDIENCE,
        "--claim",
        "repository=acme/api",
        "--claim",
        "ref=refs/heads/*",
    ];
    args.extend_from_slice(extra);
    args
}

/// `exchange --id-token-stdin --json` with `id_token`.
fn exchange(env: &TestEnv, id_token: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["exchange", "--id-token-stdin", "--json"];
    args.extend_from_slice(extra);
    env.run_with_stdin(&args, format!("{id_token}\n"))
}

fn exchanged(env: &TestEnv, id_token: &str, extra: &[&str]) -> Value {
    let output = exchange(env, id_token, extra);
    common::assert_success(&output, &["exchange", "--id-token-stdin"]);
    serde_json::from_str(&stdout(&output)).expect("JSON")
}

/// The claims of a JWT, unverified.
fn claims_of(jwt: &str) -> Value {
    use base64::Engine;
    let part = jwt.split('.').nth(1).expect("three parts");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .expect("base64url");
    serde_json::from_slice(&bytes).expect("JSON")
}

/// A form POST of `id_token` to the token endpoint: `(status, body)`.
fn token_endpoint(url: &str, id_token: &str, token_type: &str) -> (u16, Value) {
    let form =
        format!("grant_type={GRANT}&subject_token={id_token}&subject_token_type={token_type}");
    let answer = common::http_send(
        "POST",
        &format!("{url}/oauth2/token"),
        &[("content-type", "application/x-www-form-urlencoded")],
        Some(&form),
    );
    (answer.status, answer.body)
}

fn audit_details(env: &TestEnv, action: &str) -> Vec<String> {
    let entries = env.json(&["audit", "--action", action, "--limit", "1000"]);
    entries
        .as_array()
        .expect("entries")
        .iter()
        .map(|entry| entry["detail"].as_str().expect("detail").to_owned())
        .collect()
}

fn bearer_status(url: &str, token: &str) -> u16 {
    let authorization = format!("Bearer {token}");
    common::http_send(
        "GET",
        &format!("{url}/v1/tokens"),
        &[("authorization", &authorization)],
        None,
    )
    .status
}

fn a_ci_job_exchanges_its_id_token_once_for_the_policys_owner() {
    for env in TestEnv::servers() {
        let issuer = Issuer::start();
        let url = env.server_url().expect("server");
        let policy = add_policy(
            &env,
            &issuer,
            "acme-api",
            &["--scope", "tokens:read", "--max-ttl", "2m"],
        );
        assert_eq!(policy["permissions"], json!(["tokens:read"]));
        assert_eq!(policy["max_ttl_seconds"], 120);

        let id_token = mint(&issuer, "ES256", &json!({}));
        let answer = exchanged(&env, &id_token, &["--ttl", "10m"]);
        let access = answer["access_token"].as_str().expect("access token");
        assert_eq!(answer["scope"], "tokens:read");
        assert!(answer["expires_in"].as_i64().expect("expires_in") <= 120);
        let claims = claims_of(access);
        assert_eq!(claims["sub"], json!(env.me()));
        assert_eq!(claims["client_id"], "trust:acme-api");
        assert_eq!(claims["trust_policy"], "acme-api");
        assert_eq!(
            claims["act"],
            json!({"iss": issuer.url, "sub": "repo:acme/api:ref:refs/heads/main"})
        );
        let id_claims = claims_of(&id_token);
        assert!(claims["exp"].as_i64() <= id_claims["exp"].as_i64());
        // Verifiable by anyone from our JWK Set, with another library.
        common::jose_verify(&format!("{url}/.well-known/jwks.json"), access, &url, &url)
            .expect("jwcrypto verifies it");
        assert_eq!(bearer_status(&url, access), 200);

        // The same ID token twice: a replay, refused.
        let again = exchange(&env, &id_token, &[]);
        assert_fails(&again, 4, "not accepted by any trust policy");
        let details = audit_details(&env, "token.exchange");
        assert!(
            details
                .iter()
                .any(|detail| detail.contains("via trust policy 'acme-api'")
                    && detail.contains("repository \"acme/api\"")
                    && detail.contains("jti")),
            "{details:?}"
        );
        let refusals = audit_details(&env, "token.exchange.refused");
        assert!(
            refusals.iter().any(|detail| detail.contains("a replay")),
            "{refusals:?}"
        );

        // Removing the policy ends what it issued, at once.
        env.ok(&["trust", "remove", "acme-api"]);
        assert_eq!(bearer_status(&url, access), 401);
        let later = mint(&issuer, "RS256", &json!({}));
        assert_fails(&exchange(&env, &later, &[]), 4, "not accepted");
    }
}

fn refused_id_tokens_get_a_generic_invalid_grant_and_an_audited_reason() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let issuer = Issuer::start();
    let url = env.server_url().expect("server");
    add_policy(&env, &issuer, "acme-api", &["--scope", "tokens:read"]);
    let now = chrono::Utc::now().timestamp();
    let claims = issuer.github_claims(&json!({}));
    let cases = [
        (
            mint(&issuer, "RS256", &json!({"aud": "https://elsewhere"})),
            "aud",
        ),
        (
            mint(&issuer, "RS256", &json!({"repository": "acme/other"})),
            "repository",
        ),
        (
            mint(
                &issuer,
                "ES256",
                &json!({"exp": now - 120, "iat": now - 400}),
            ),
            "expired",
        ),
        (
            mint(&issuer, "ES256", &json!({"nbf": now + 600})),
            "not valid yet",
        ),
        (
            mint_raw(&issuer, &json!({"alg": "none", "claims": claims})),
            "\"none\"",
        ),
        (
            mint_raw(&issuer, &json!({"alg": "HS256-public", "claims": claims})),
            "\"HS256\"",
        ),
    ];
    for (token, reason) in &cases {
        let (status, body) = token_endpoint(&url, token, ID_TOKEN_TYPE);
        assert_eq!(status, 400, "{reason}: {body}");
        assert_eq!(body["error"], "invalid_grant", "{reason}");
        assert_eq!(
            body["error_description"],
            "the ID token is not accepted by any trust policy"
        );
    }
    let refusals = audit_details(&env, "token.exchange.refused");
    for (_, reason) in &cases {
        assert!(
            refusals.iter().any(|detail| detail.contains(reason)),
            "no refusal audited for {reason}: {refusals:?}"
        );
    }
    // An issuer no policy names is refused without contacting it.
    let before = fetches(&issuer);
    let elsewhere = issuer.url.replace("127.0.0.1", "localhost");
    let token = mint(&issuer, "RS256", &json!({"iss": elsewhere}));
    let jwt_type = "urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt";
    let (status, body) = token_endpoint(&url, &token, jwt_type);
    assert_eq!((status, &body["error"]), (400, &json!("invalid_grant")));
    assert_eq!(fetches(&issuer), before);
    assert!(
        audit_details(&env, "token.exchange.refused")
            .iter()
            .any(|detail| detail.contains("no trust policy names the issuer")),
    );
    // Nothing was issued for any of them.
    assert_eq!(audit_details(&env, "token.exchange").len(), 0);
}

fn github_actions_and_gitlab_ci_jobs_need_no_stored_secret() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let issuer = Issuer::start();
    let url = env.server_url().expect("server");
    add_policy(&env, &issuer, "acme-api", &["--scope", "tokens:read"]);
    let claims = issuer.github_claims(&json!({}));
    let answer = common::http_send(
        "POST",
        &format!("{}/github-claims", issuer.url),
        &[("content-type", "application/json")],
        Some(&claims.to_string()),
    );
    assert_eq!(answer.status, 200);
    let request_url = format!("{}/actions-token?api-version=2.0", issuer.url);
    let github = |bearer: &str| {
        env.cmd(&[
            "exchange",
            "--oidc",
            "github",
            "--oidc-audience",
            AUDIENCE,
            "--server",
            &url,
            "--output",
            "env",
        ])
        .env_remove("TOKENCTL_TOKEN")
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", &request_url)
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", bearer)
        .output()
        .expect("run")
    };
    let output = github("request-token");
    common::assert_success(&output, &["exchange", "--oidc", "github"]);
    assert!(stdout(&output).starts_with("export TOKENCTL_ACCESS_TOKEN='"));
    assert_fails(&github("wrong"), 4, "id-token: write");
    let outside = env
        .cmd(&["exchange", "--oidc", "github", "--server", &url])
        .output()
        .expect("run");
    assert_fails(&outside, 4, "ACTIONS_ID_TOKEN_REQUEST_URL is not set");

    // GitLab: the job declared the ID token under id_tokens:.
    let id_token = mint(&issuer, "RS256", &json!({}));
    let output = env
        .cmd(&["exchange", "--oidc", "gitlab", "--server", &url])
        .env("TOKENCTL_ID_TOKEN", &id_token)
        .output()
        .expect("run");
    common::assert_success(&output, &["exchange", "--oidc", "gitlab"]);
    assert_eq!(
        claims_of(stdout(&output).trim())["trust_policy"],
        "acme-api"
    );
    let unset = env
        .cmd(&["exchange", "--oidc", "gitlab", "--server", &url])
        .output()
        .expect("run");
    assert_fails(&unset, 4, "TOKENCTL_ID_TOKEN is not set");
}

fn trust_policies_grant_no_more_than_author_and_owner_hold() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let issuer = Issuer::start();
    env.add_user_with_password("bob", "developer", "bob's long password");
    // For bob, with the admin role: only what bob holds is granted.
    let policy = add_policy(
        &env,
        &issuer,
        "bob-ci",
        &["--role", "admin", "--owner", "bob"],
    );
    let stripped = policy["stripped_permissions"].as_array().expect("list");
    assert!(stripped.contains(&json!("users:manage")), "{policy}");
    assert!(
        !policy["permissions"]
            .as_array()
            .expect("list")
            .contains(&json!("users:manage"))
    );

    // A PAT may not add one, whatever it holds.
    let pat = env.create(&["pat"]);
    let output = env
        .cmd(&add_policy_args(
            &issuer,
            "by-pat",
            &["--scope", "api:read"],
        ))
        .env("TOKENCTL_TOKEN", &pat)
        .output()
        .expect("run");
    assert_fails(&output, 4, "login session");

    // Too broad, our own issuer, a bad issuer URL, a taken name: refused.
    let refusals: [(&[&str], &str); 4] = [
        (
            &["--claim", "repository_owner=acme*"],
            "would admit every job",
        ),
        (&["--issuer", "http://example.com"], "https"),
        (&["--issuer", &env.server_url().expect("url")], "own issuer"),
        (&["--claim", "repository=acme/api"], "already exists"),
    ];
    for (extra, message) in refusals {
        let name = if message == "already exists" {
            "bob-ci"
        } else {
            "other"
        };
        let mut args = vec![
            "trust",
            "add",
            name,
            "--audience",
            AUDIENCE,
            "--scope",
            "api:read",
        ];
        if !extra.contains(&"--issuer") {
            args.extend_from_slice(&["--issuer", &issuer.url]);
        }
        args.extend_from_slice(extra);
        let output = env.run(&args);
        assert!(!output.status.success(), "{args:?} was accepted");
        assert!(
            common::stderr(&output).contains(message),
            "{args:?}: {}",
            common::stderr(&output)
        );
    }
    let listed = env.json(&["trust", "list"]);
    assert_eq!(listed.as_array().expect("list").len(), 1);
    let shown = env.json(&["trust", "show", "bob-ci"]);
    assert_eq!(shown["owner"], "bob");
    assert_eq!(shown["issuer"], json!(issuer.url));

    // trust test explains, claim by claim, and uses nothing up.
    let good = mint(&issuer, "EdDSA", &json!({}));
    let verdicts: Value = serde_json::from_str(&stdout(
        &env.run_with_stdin(&["trust", "test", "--all", "--json"], format!("{good}\n")),
    ))
    .expect("JSON");
    assert_eq!(verdicts["policies"][0]["matched"], true, "{verdicts}");
    let wrong = mint(&issuer, "EdDSA", &json!({"ref": "refs/tags/v1"}));
    let output = env.run_with_stdin(&["trust", "test", "bob-ci"], format!("{wrong}\n"));
    assert_eq!(common::code(&output), 4);
    let text = stdout(&output);
    assert!(text.contains("FAIL  ref"), "{text}");
    assert!(text.contains("refs/tags/v1"), "{text}");
    // The tested token still exchanges.
    exchanged(&env, &good, &[]);
}

fn an_id_token_sent_to_two_replicas_at_once_is_exchanged_once() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let issuer = Issuer::start();
    add_policy(&env, &issuer, "acme-api", &["--scope", "tokens:read"]);
    let database = env.server().database.clone();
    let replica = env.start_server(&database, None, &[]);
    let urls = [env.server_url().expect("url"), replica.url.clone()];
    // Each ID token sent 8 times at once, half to each replica: one
    // exchange, however the race falls (batched commits included).
    for round in 0..5 {
        let id_token = mint(&issuer, "RS256", &json!({}));
        let answers: Vec<u16> = std::thread::scope(|scope| {
            let racing: Vec<_> = (0..8)
                .map(|n| {
                    let (url, id_token) = (&urls[n % 2], &id_token);
                    scope.spawn(move || token_endpoint(url, id_token, ID_TOKEN_TYPE).0)
                })
                .collect();
            racing
                .into_iter()
                .map(|racer| racer.join().expect("racer"))
                .collect()
        });
        let issued = answers.iter().filter(|status| **status == 200).count();
        assert_eq!(issued, 1, "round {round}: {answers:?}");
        assert!(
            answers.iter().all(|status| [200, 400].contains(status)),
            "{answers:?}"
        );
    }
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(a_ci_job_exchanges_its_id_token_once_for_the_policys_owner),
        test!(refused_id_tokens_get_a_generic_invalid_grant_and_an_audited_reason),
        test!(github_actions_and_gitlab_ci_jobs_need_no_stored_secret),
        test!(trust_policies_grant_no_more_than_author_and_owner_hold),
        test!(an_id_token_sent_to_two_replicas_at_once_is_exchanged_once),
    ]
}
