//! Authority never grows: every way of handing out authority is capped by
//! what the actor holds, and only a person's login changes who holds what.
//! One test per finding of the attack report, through the CLI and raw HTTP,
//! on SQLite and PostgreSQL; and every cell of README's credential matrix.

mod common;

use common::{
    ADMIN_PASSWORD, Backend, HttpAnswer, TestEnv, assert_fails, code, http_exchange, http_login,
    http_request, stderr, stdout, totp_code,
};
use serde_json::{Value, json};

/// A real server over SQLite, and one over PostgreSQL (skipped, with the
/// reason, when PostgreSQL is unreachable outside CI).
fn servers() -> impl Iterator<Item = TestEnv> {
    [Backend::RemoteSqlite, Backend::RemotePostgres]
        .into_iter()
        .filter_map(TestEnv::with_backend)
}

const PASSWORD: &str = "a long enough password";

/// One server and its first admin's session, for raw HTTP.
struct Api<'a> {
    env: &'a TestEnv,
    url: String,
    admin: String,
}

impl<'a> Api<'a> {
    fn new(env: &'a TestEnv) -> Api<'a> {
        Api {
            env,
            url: env.server_url().expect("a server"),
            admin: env.session(),
        }
    }

    fn call(&self, method: &str, path: &str, bearer: &str, body: Option<Value>) -> HttpAnswer {
        let body = body.map(|body| body.to_string());
        http_request(
            method,
            &format!("{}{path}", self.url),
            Some(bearer),
            body.as_deref(),
        )
    }

    /// As the admin, expecting success: the answer's body.
    fn admin(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let answer = self.call(method, path, &self.admin, body);
        assert!(
            (200..300).contains(&answer.status),
            "{method} {path}: {} {}",
            answer.status,
            answer.body
        );
        answer.body
    }

    fn add_role(&self, name: &str, permissions: &[&str]) {
        let role = json!({ "name": name, "permissions": permissions });
        self.admin("POST", "/v1/roles", Some(role));
    }

    /// Adds a user with `role` and returns a login session for them.
    fn user(&self, name: &str, role: &str) -> String {
        let user = json!({ "name": name, "role": role, "password": PASSWORD });
        self.admin("POST", "/v1/users", Some(user));
        http_login(&self.url, name, PASSWORD)
    }

    /// A new token of the caller's (role: the caller's own).
    fn token(&self, bearer: &str, name: &str) -> String {
        let answer = self.call("POST", "/v1/tokens", bearer, Some(json!({ "name": name })));
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer.body["secret"].as_str().expect("secret").to_owned()
    }

    /// An access token exchanged from `subject`, with the server's default
    /// audience unless one is named.
    fn access_token(&self, subject: &str, audience: Option<&str>) -> String {
        let answer = http_exchange(&self.url, subject, None, audience);
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer.body["access_token"]
            .as_str()
            .expect("access token")
            .to_owned()
    }

    fn status(&self, method: &str, path: &str, bearer: &str, body: Option<Value>) -> u16 {
        self.call(method, path, bearer, body).status
    }

    /// Everything whose change would be a grant: users (and their roles and
    /// states), roles, tokens (and their permissions) and the signing keys.
    fn state(&self) -> Value {
        let mut tokens = self.admin("GET", "/v1/tokens?status=all", None);
        for token in tokens.as_array_mut().expect("tokens") {
            token["last_used_at"] = Value::Null;
        }
        json!({
            "users": self.admin("GET", "/v1/users", None),
            "roles": self.admin("GET", "/v1/roles", None),
            "tokens": tokens,
            "keys": std::fs::read_to_string(self.env.signing_key_path()).expect("keys"),
        })
    }
}

#[test]
fn users_manage_alone_neither_creates_admins_nor_hands_on_what_it_lacks() {
    for env in servers() {
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

#[test]
fn no_token_or_access_token_changes_authority_whatever_its_scopes() {
    for env in servers() {
        let api = Api::new(&env);
        api.user("bob", "developer");
        let pat = api.token(&api.admin, "admin-pat");
        let access = api.access_token(&pat, None);
        let me = api.call("GET", "/v1/me", &access, None).body;
        assert_eq!(me["permissions"].as_array().map(Vec::len), Some(10));
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
            assert_eq!(
                api.status("DELETE", "/v1/roles/developer", credential, None),
                403,
                "{what}"
            );
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

#[test]
fn access_tokens_for_another_audience_are_refused_by_this_api() {
    let other = "https://other-rs.example";
    for backend in [Backend::RemoteSqlite, Backend::RemotePostgres] {
        let Some(env) = TestEnv::with_server_flags(backend, &["--audience", other]) else {
            continue;
        };
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
fn sign_access_token(
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
    };
    change(&mut claims);
    server_keys(env)
        .sign(tokenctl::exchange::ACCESS_TOKEN_TYP, &claims)
        .expect("sign")
}

fn server_keys(env: &TestEnv) -> std::sync::Arc<tokenctl::jose::KeySet> {
    tokenctl::jose::LiveKeys::open(&env.signing_key_path())
        .expect("the server's key set")
        .current()
}

#[test]
fn our_own_jwts_from_the_future_or_living_too_long_are_refused() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite).expect("server");
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
    let session = |what: &str, iat: i64, exp: i64, nbf: Option<i64>| {
        let claims = json!({
            "iss": "tokenctl", "aud": "tokenctl", "sub": env.me(), "iat": iat, "exp": exp,
            "jti": "forged", "amr": ["pwd"], "nbf": nbf,
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

#[test]
fn a_disabled_users_sessions_and_access_tokens_end_for_good() {
    for env in servers() {
        let api = Api::new(&env);
        let session = api.user("bob", "developer");
        let pat = api.token(&session, "bobs");
        let from_session = api.access_token(&session, None);
        let from_pat = api.access_token(&pat, None);
        let all = [
            ("session", &session),
            ("PAT", &pat),
            ("access token from the session", &from_session),
            ("access token from the PAT", &from_pat),
        ];
        for (what, credential) in all {
            assert_eq!(api.status("GET", "/v1/me", credential, None), 200, "{what}");
        }
        api.admin("POST", "/v1/users/bob/disable", None);
        for (what, credential) in all {
            assert_eq!(
                api.status("GET", "/v1/me", credential, None),
                401,
                "{what} while disabled"
            );
        }
        api.admin("POST", "/v1/users/bob/enable", None);
        assert_eq!(
            api.status("GET", "/v1/me", &pat, None),
            200,
            "a PAT was only suspended"
        );
        for (what, credential) in all.iter().filter(|(what, _)| *what != "PAT") {
            assert_eq!(
                api.status("GET", "/v1/me", credential, None),
                401,
                "{what} after enable: ended for good"
            );
        }
        let again = http_login(&api.url, "bob", PASSWORD);
        assert_eq!(api.status("GET", "/v1/me", &again, None), 200);
    }
}

#[test]
fn replacing_a_second_factor_needs_a_code_from_the_current_one() {
    for env in servers() {
        let api = Api::new(&env);
        let session = api.user("bob", "developer");
        let first = enroll(&api, &session, None);
        let login = |code: &str| {
            let body = json!({ "username": "bob", "password": PASSWORD, "totp_code": code });
            http_request(
                "POST",
                &format!("{}/v1/login", api.url),
                None,
                Some(&body.to_string()),
            )
            .status
        };

        let answer = api.call("POST", "/v1/me/totp", &session, None);
        assert_eq!(answer.status, 401, "{}", answer.body);
        assert_eq!(answer.body["error"]["kind"], "second_factor_required");
        let wrong = json!({ "current_code": "000000" });
        let answer = api.call("POST", "/v1/me/totp", &session, Some(wrong));
        assert_eq!(answer.status, 401, "{}", answer.body);
        let confirm = json!({ "code": "123456" });
        let answer = api.call("POST", "/v1/me/totp/confirm", &session, Some(confirm));
        assert_eq!(
            (answer.status, answer.body["error"]["message"].clone()),
            (409, json!("no 2FA enrolment is pending")),
            "the refused attempts left no pending secret behind"
        );

        // A code from the first authenticator proves the account's owner.
        let second = enroll(&api, &session, Some(&totp_code(&first, 1)));
        assert_eq!(
            login(&totp_code(&first, 1)),
            401,
            "the old authenticator is out"
        );
        assert_eq!(login(&totp_code(&second, 1)), 200);

        let audit = api.admin("GET", "/v1/audit", None);
        let actions: Vec<&str> = audit
            .as_array()
            .expect("audit")
            .iter()
            .filter(|entry| entry["actor"] == "bob")
            .map(|entry| entry["action"].as_str().expect("action"))
            .collect();
        for action in [
            "user.totp.enable",
            "user.totp.verify",
            "user.totp.replace.begin",
            "user.totp.replace",
        ] {
            assert!(actions.contains(&action), "{action} in {actions:?}");
        }
        assert!(
            audit
                .as_array()
                .expect("audit")
                .iter()
                .any(|entry| entry["action"] == "login.failed"
                    && entry["detail"] == "wrong 2FA code to replace 2FA"),
            "a wrong current code counts as a failed login"
        );
    }
}

/// Enrols a new TOTP secret for the session's user (proving the current
/// one with `current`) and returns it.
fn enroll(api: &Api<'_>, session: &str, current: Option<&str>) -> String {
    let body = current.map(|code| json!({ "current_code": code }));
    let answer = api.call("POST", "/v1/me/totp", session, body);
    assert_eq!(answer.status, 200, "{}", answer.body);
    let secret = answer.body["secret"].as_str().expect("secret").to_owned();
    let confirm = json!({ "code": totp_code(&secret, 0) });
    let answer = api.call("POST", "/v1/me/totp/confirm", session, Some(confirm));
    assert_eq!(answer.status, 200, "{}", answer.body);
    secret
}

#[test]
fn two_factor_enable_on_the_cli_asks_for_the_current_code_first() {
    use std::io::{BufRead, Write};
    let env = TestEnv::with_backend(Backend::RemoteSqlite).expect("server");
    let api = Api::new(&env);
    let first = enroll(&api, &api.admin, None);
    let mut child = env
        .std_cmd(common::binary(), &["2fa", "enable", "--code-stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("tokenctl 2fa enable");
    let mut stdin = child.stdin.take().expect("stdin");
    writeln!(stdin, "{}", totp_code(&first, 1)).expect("current code");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut url = String::new();
    stdout.read_line(&mut url).expect("otpauth url");
    let secret = url
        .split("secret=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .unwrap_or_else(|| panic!("no secret in {url:?}"))
        .to_owned();
    writeln!(stdin, "{}", totp_code(&secret, 0)).expect("new code");
    drop(stdin);
    let output = child.wait_with_output().expect("wait");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stderr(&output).contains("2FA is on"));

    // Without a current code, nothing is replaced.
    let output = env.run_with_stdin(&["2fa", "enable", "--code-stdin"], "");
    assert_fails(
        &output,
        2,
        "no code on stdin (Code from your current authenticator)",
    );
}

contract!(
    a_token_for_another_user_gets_their_role_and_follows_it,
    |env| {
        env.ok(&["user", "add", "vend", "--role", "connector"]);
        let created = env.json(&["create", "vend-tok", "--for", "vend", "--expires", "1d"]);
        assert_eq!(created["role"], "connector", "the owner's role by default");
        assert_eq!(created["permissions"], json!(["files:upload"]));
        assert_eq!(created["stripped_permissions"], json!([]));

        let output = env.run(&[
            "create", "wide", "--for", "vend", "--role", "admin", "--json",
        ]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let wide: Value = serde_json::from_slice(&output.stdout).expect("json");
        assert_eq!(wide["permissions"], json!(["files:upload"]));
        assert_eq!(
            wide["stripped_permissions"].as_array().map(Vec::len),
            Some(9)
        );
        assert!(
            stderr(&output).contains("which you or vend don't have"),
            "{}",
            stderr(&output)
        );
        let shown = env.ok(&["show", "wide"]);
        assert!(shown.contains("admin (reduced)"), "{shown}");
        assert!(
            shown.contains("at creation: its creator or owner lacked them"),
            "{shown}"
        );

        // README's example: a developer's token, for a developer.
        env.ok(&["user", "add", "alice", "--role", "developer"]);
        let vendor = env.json(&["create", "vendor-x", "--for", "alice"]);
        assert_eq!(vendor["role"], "developer");
        assert!(
            !vendor["permissions"]
                .as_array()
                .expect("permissions")
                .contains(&json!("users:manage"))
        );

        // Lowering alice's role lowers her token at once.
        env.ok(&["user", "set-role", "alice", "connector"]);
        let lowered = env.json(&["show", "vendor-x"]);
        assert_eq!(lowered["effective_permissions"], json!(["files:upload"]));
        assert_eq!(
            lowered["permissions"], vendor["permissions"],
            "the grant is kept"
        );
        let shown = env.ok(&["show", "vendor-x"]);
        assert!(
            shown.contains("its owner's role no longer has them"),
            "{shown}"
        );
        let listed = env.ok(&["list", "--owner", "alice"]);
        assert!(listed.contains("developer (reduced)"), "{listed}");
        env.ok(&["user", "set-role", "alice", "developer"]);
        assert_eq!(
            env.json(&["show", "vendor-x"])["effective_permissions"],
            vendor["permissions"],
            "raising the role back restores the token's grant, never more"
        );
    }
);

#[test]
fn whoami_and_the_api_use_the_owners_current_role() {
    for env in servers() {
        env.ok(&["user", "add", "vend", "--role", "developer"]);
        let secret = env.create(&["vend-tok", "--for", "vend"]);
        let whoami = |args: &[&str]| {
            let output = env
                .cmd(args)
                .env("TOKENCTL_TOKEN", &secret)
                .output()
                .expect("run");
            assert_eq!(code(&output), 0, "{}", stderr(&output));
            stdout(&output)
        };
        env.ok(&["user", "set-role", "vend", "connector"]);
        let me: Value =
            serde_json::from_str(&whoami(&["whoami", "--json"])).expect("whoami --json");
        assert_eq!(me["role"], "connector");
        assert_eq!(me["permissions"], json!(["files:upload"]));
        assert_eq!(me["withheld_permissions"], json!([]));
        let api = Api::new(&env);
        assert_eq!(
            api.status("GET", "/v1/tokens", &secret, None),
            403,
            "tokens:read went with the developer role"
        );

        let reader = env.create(&["reader", "--role", "support"]);
        let text = common::stdout(
            &env.cmd(&["whoami"])
                .env("TOKENCTL_TOKEN", &reader)
                .output()
                .expect("run"),
        );
        assert!(text.contains("Withheld"), "{text}");
        assert!(text.contains("was not granted them"), "{text}");
    }
}

/// README's credential matrix: its rows, each with ✓/✗ for a login
/// session, a token and an access token.
fn readme_matrix() -> Vec<(String, [bool; 3])> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let table = readme
        .split("<!-- credential-matrix -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- /credential-matrix -->").next())
        .expect("README marks its credential matrix with <!-- credential-matrix -->");
    table
        .lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| Operation"))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let mark = |cell: &str| match cell {
                "✓" => true,
                "✗" => false,
                other => panic!("README matrix cell {other:?} in {line}"),
            };
            (
                cells[1].to_owned(),
                [mark(cells[2]), mark(cells[3]), mark(cells[4])],
            )
        })
        .collect()
}

#[test]
fn every_cell_of_the_credential_matrix_holds() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite).expect("server");
    let api = Api::new(&env);
    api.user("bob", "developer");
    let pat = api.token(&api.admin, "matrix-pat");
    let access = api.access_token(&pat, None);
    let credentials = [api.admin.clone(), pat.clone(), access];
    let mut fresh = 0;
    let mut unique = |prefix: &str| {
        fresh += 1;
        format!("{prefix}-{fresh}")
    };
    let rows = readme_matrix();
    assert!(rows.len() >= 15, "README's matrix has its rows: {rows:?}");
    for (row, expected) in &rows {
        for (column, credential) in credentials.iter().enumerate() {
            let status = match row.as_str() {
                "create a token (`create`)" => {
                    let body = json!({ "name": unique("t") });
                    api.status("POST", "/v1/tokens", credential, Some(body))
                }
                "issue a token to another user (`create --for`)" => {
                    let body = json!({ "name": unique("t"), "for": "bob" });
                    api.status("POST", "/v1/tokens", credential, Some(body))
                }
                "regenerate a token (`regenerate`)" => {
                    let victim = api.token(&api.admin, &unique("victim"));
                    let path = format!("/v1/tokens/{}/regenerate", id_of(&api, &victim));
                    api.status("POST", &path, credential, None)
                }
                "exchange for an access token (`exchange`)" => {
                    http_exchange(&api.url, credential, None, None).status
                }
                "add a user (`user add`)" => {
                    let body =
                        json!({ "name": unique("u"), "role": "connector", "password": PASSWORD });
                    api.status("POST", "/v1/users", credential, Some(body))
                }
                "change a user's role (`user set-role`)" => {
                    let body =
                        json!({ "role": if column % 2 == 0 { "support" } else { "developer" } });
                    api.status("POST", "/v1/users/bob/role", credential, Some(body))
                }
                "disable or enable a user (`user disable`, `user enable`)" => {
                    api.status("POST", "/v1/users/bob/enable", credential, None)
                }
                "add or remove a role (`role add`, `role remove`)" => {
                    let body = json!({ "name": unique("r"), "permissions": ["api:read"] });
                    api.status("POST", "/v1/roles", credential, Some(body))
                }
                "rotate the signing key (`keys rotate`)" => {
                    api.status("POST", "/v1/keys/rotate", credential, None)
                }
                "set up 2FA (`2fa enable`)" => api.status("POST", "/v1/me/totp", credential, None),
                "list and show tokens (`list`, `show`)" => {
                    api.status("GET", "/v1/tokens", credential, None)
                }
                "revoke a token (`revoke`)" => {
                    let victim = api.token(&api.admin, &unique("victim"));
                    let path = format!("/v1/tokens/{}/revoke", id_of(&api, &victim));
                    api.status("POST", &path, credential, None)
                }
                "read the audit log (`audit`)" => api.status("GET", "/v1/audit", credential, None),
                "list users and roles (`user list`, `role list`)" => {
                    api.status("GET", "/v1/users", credential, None)
                }
                "list the signing keys (`keys list`)" => {
                    api.status("GET", "/v1/keys", credential, None)
                }
                "introspect a token (`POST /oauth2/introspect`)" => {
                    common::http_send(
                        "POST",
                        &format!("{}/oauth2/introspect", api.url),
                        &[
                            ("authorization", &format!("Bearer {credential}")),
                            ("content-type", "application/x-www-form-urlencoded"),
                        ],
                        Some(&format!("token={pat}")),
                    )
                    .status
                }
                other => panic!("README's matrix has a row this test does not know: {other}"),
            };
            let allowed = (200..300).contains(&status);
            assert_eq!(
                allowed,
                expected[column],
                "{row} with {}: HTTP {status}",
                ["a login session", "a PAT", "an access token"][column]
            );
        }
    }
    // The rows that are grants agree with the code's own matrix.
    use tokenctl::policy::{CredentialKind, Operation};
    let kinds = [
        CredentialKind::Person,
        CredentialKind::Token,
        CredentialKind::AccessToken,
    ];
    for operation in Operation::ALL {
        let row = match operation {
            Operation::CreateToken { for_other: false } => "create a token (`create`)",
            Operation::CreateToken { for_other: true } => {
                "issue a token to another user (`create --for`)"
            }
            Operation::RegenerateToken { .. } => "regenerate a token (`regenerate`)",
            Operation::Exchange => "exchange for an access token (`exchange`)",
            Operation::OpenSession => continue,
            Operation::AddUser => "add a user (`user add`)",
            Operation::SetUserRole => "change a user's role (`user set-role`)",
            Operation::SetUserDisabled => {
                "disable or enable a user (`user disable`, `user enable`)"
            }
            Operation::AddRole | Operation::RemoveRole => {
                "add or remove a role (`role add`, `role remove`)"
            }
            Operation::RotateKeys => "rotate the signing key (`keys rotate`)",
            Operation::EnrollSecondFactor => "set up 2FA (`2fa enable`)",
        };
        let (_, marks) = rows
            .iter()
            .find(|(name, _)| name == row)
            .unwrap_or_else(|| panic!("README's matrix lacks the row {row}"));
        for (column, kind) in kinds.iter().enumerate() {
            assert_eq!(
                operation.needs().credentials.contains(kind),
                marks[column],
                "{operation:?} with {kind:?}: README and policy disagree"
            );
        }
    }
}

fn id_of(api: &Api<'_>, secret: &str) -> i64 {
    let body = json!({ "token": secret });
    let answer = api.call("POST", "/v1/tokens/inspect", &api.admin, Some(body));
    answer.body["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("inspect: {}", answer.body))
}

#[test]
fn the_first_admin_can_still_do_everything_after_all_this() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite).expect("server");
    let api = Api::new(&env);
    api.add_role("r", &["api:read"]);
    api.user("bob", "r");
    api.admin(
        "POST",
        "/v1/users/bob/role",
        Some(json!({ "role": "admin" })),
    );
    api.admin("POST", "/v1/users/bob/disable", None);
    api.admin("POST", "/v1/users/bob/enable", None);
    api.admin("POST", "/v1/keys/rotate", None);
    let body = json!({ "name": "for-bob", "for": "bob" });
    let created = api.admin("POST", "/v1/tokens", Some(body));
    assert_eq!(created["token"]["role"], "admin");
    assert_eq!(
        created["token"]["effective_permissions"]
            .as_array()
            .map(Vec::len),
        Some(10)
    );
    assert!(!http_login(&api.url, &env.me(), ADMIN_PASSWORD).is_empty());
}
