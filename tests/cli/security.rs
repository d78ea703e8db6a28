//! The server refuses every bad credential with 401/403 and changes nothing;
//! logins are throttled and audited; 2FA codes work once.

use crate::common;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::{ADMIN_PASSWORD, Backend, TestEnv, assert_fails, code, totp_code};
use serde_json::{Value, json};

fn server() -> TestEnv {
    TestEnv::with_backend(Backend::RemoteSqlite)
}

fn login_body(username: &str, password: &str, code: Option<&str>) -> String {
    json!({ "username": username, "password": password, "totp_code": code }).to_string()
}

/// What a user could see change: tokens and users. (`last_used_at` moves
/// whenever a token is presented, whatever the request then does.)
fn state(env: &TestEnv) -> (Value, Value) {
    let tokens = common::without_uses(env.json(&["list", "--status", "all"]));
    (tokens, env.json(&["user", "list"]))
}

fn wrong_passwords_and_unknown_users_read_the_same_and_are_audited() {
    let env = server();
    let me = env.me();
    let before = state(&env);
    for (user, password) in [(me.as_str(), "wrong password!"), ("nobody", "whatever")] {
        let (status, body) = env.http(
            "POST",
            "/v1/login",
            None,
            Some(&login_body(user, password, None)),
        );
        assert_eq!(status, 401, "{body}");
        assert_eq!(body["error"]["message"], "wrong username or password");
    }
    assert_eq!(state(&env), before);
    let failed: Vec<Value> = env
        .json(&["audit"])
        .as_array()
        .expect("array")
        .iter()
        .filter(|e| e["action"] == "login.failed")
        .cloned()
        .collect();
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert_eq!(failed[1]["actor"], "nobody");
    assert!(
        failed[0]["source"]
            .as_str()
            .expect("source")
            .starts_with("api@127.0.0.1")
    );
}

fn repeated_failures_lock_the_address_out_even_for_the_right_password() {
    let env = server();
    let me = env.me();
    for _ in 0..5 {
        let (status, _) = env.http(
            "POST",
            "/v1/login",
            None,
            Some(&login_body(&me, "wrong password!", None)),
        );
        assert_eq!(status, 401);
    }
    let (status, body) = env.http(
        "POST",
        "/v1/login",
        None,
        Some(&login_body(&me, ADMIN_PASSWORD, None)),
    );
    assert_eq!(status, 429, "{body}");
    assert_eq!(body["error"]["kind"], "rate_limited");
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("message")
            .contains("too many failed logins")
    );
}

fn two_factor_codes_are_required_checked_and_work_only_once() {
    let env = server();
    let me = env.me();
    let session = env.session();
    let (status, enrollment) = env.http("POST", "/v1/me/totp", Some(&session), None);
    assert_eq!(status, 200, "{enrollment}");
    let secret = enrollment["secret"].as_str().expect("secret").to_owned();
    assert!(
        enrollment["otpauth_url"]
            .as_str()
            .expect("url")
            .starts_with("otpauth://totp/")
    );
    let confirm = json!({ "code": "000000" }).to_string();
    let (status, _) = env.http(
        "POST",
        "/v1/me/totp/confirm",
        Some(&session),
        Some(&confirm),
    );
    assert_eq!(status, 400, "a wrong code does not confirm");
    let confirm = json!({ "code": totp_code(&secret, -1) }).to_string();
    let (status, body) = env.http(
        "POST",
        "/v1/me/totp/confirm",
        Some(&session),
        Some(&confirm),
    );
    assert_eq!(status, 200, "{body}");

    let (status, body) = env.http(
        "POST",
        "/v1/login",
        None,
        Some(&login_body(&me, ADMIN_PASSWORD, None)),
    );
    assert_eq!(
        (status, body["error"]["kind"].clone()),
        (401, json!("second_factor_required"))
    );
    let wrong = login_body(&me, ADMIN_PASSWORD, Some("123456"));
    assert_eq!(env.http("POST", "/v1/login", None, Some(&wrong)).0, 401);

    let code_now = totp_code(&secret, 0);
    let good = login_body(&me, ADMIN_PASSWORD, Some(&code_now));
    assert_eq!(env.http("POST", "/v1/login", None, Some(&good)).0, 200);
    let (status, body) = env.http("POST", "/v1/login", None, Some(&good));
    assert_eq!(status, 401, "a code works once: {body}");
    assert_eq!(body["error"]["message"], "wrong or already used 2FA code");

    // The CLI reads the code from the line after the password.
    let server_url = env.server_url().expect("url");
    let next = totp_code(&secret, 1);
    let output = env.run_with_stdin(
        &[
            "login",
            "--server",
            &server_url,
            "--password-stdin",
            "--insecure-storage",
        ],
        format!("{ADMIN_PASSWORD}\n{next}\n"),
    );
    assert_eq!(code(&output), 0, "{}", common::stderr(&output));
    let output = env.run_with_stdin(
        &[
            "login",
            "--server",
            &server_url,
            "--password-stdin",
            "--insecure-storage",
        ],
        format!("{ADMIN_PASSWORD}\n"),
    );
    assert_fails(&output, 4, "this account needs a 2FA code");
}

fn forged_tampered_expired_and_alg_none_sessions_are_refused() {
    let env = server();
    let me = env.me();
    let session = env.session();
    assert_eq!(env.http("GET", "/v1/me", Some(&session), None).0, 200);
    let before = state(&env);
    let create = json!({ "name": "sneaky" }).to_string();

    let parts: Vec<&str> = session.split('.').collect();
    let claims =
        String::from_utf8(URL_SAFE_NO_PAD.decode(parts[1]).expect("base64url")).expect("claims");
    let promoted = claims.replace(&format!("\"sub\":\"{me}\""), "\"sub\":\"root-admin\"");
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(promoted.as_bytes()),
        parts[2]
    );
    let alg_none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#),
        parts[1]
    );
    let now = chrono::Utc::now();
    let foreign_keys = tokenctl::jose::KeySet::generate(now).expect("keys");
    let foreign = tokenctl::auth::issue_session(&foreign_keys, &me, 0, "s1", &["pwd"], now)
        .expect("forge")
        .0;
    let server_keys = tokenctl::jose::LiveKeys::open(&env.signing_key_path()).expect("keys");
    let expired = tokenctl::auth::issue_session(
        &server_keys.current(),
        &me,
        0,
        "s1",
        &["pwd"],
        now - chrono::Duration::hours(2),
    )
    .expect("sign")
    .0;
    for (what, credential) in [
        ("tampered", tampered.as_str()),
        ("alg none", alg_none.as_str()),
        ("foreign key", foreign.as_str()),
        ("expired", expired.as_str()),
        ("garbage", "not.a.jwt"),
    ] {
        let (status, body) = env.http("POST", "/v1/tokens", Some(credential), Some(&create));
        assert_eq!(status, 401, "{what}: {body}");
        assert_eq!(body["error"]["kind"], "unauthenticated", "{what}");
    }
    assert_eq!(
        env.http("POST", "/v1/tokens", None, Some(&create)).0,
        401,
        "no credential"
    );
    assert_eq!(state(&env), before);
}

fn an_expired_stored_session_says_to_log_in_again() {
    let env = server();
    let path = env.root().join("data/tokenctl/sessions/default.json");
    let mut stored: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    stored["expires_at"] = json!("2020-01-01T00:00:00Z");
    std::fs::write(&path, stored.to_string()).expect("write");
    let output = env.run(&["list"]);
    assert_fails(&output, 4, "session for");
    assert_fails(&output, 4, "expired at 2020-01-01 00:00 UTC");
    assert_fails(&output, 4, "hint: run tokenctl login --server");
}

fn a_token_cannot_mint_tokens_nor_touch_another_users_but_may_revoke_itself() {
    let env = server();
    env.ok(&["user", "add", "bob", "--role", "developer"]);
    let admins = env.create(&["admins"]);
    let bobs = env.create(&["bobs", "--for", "bob", "--role", "developer"]);
    let before = state(&env);

    let create = json!({ "name": "minted" }).to_string();
    let (status, body) = env.http("POST", "/v1/tokens", Some(&bobs), Some(&create));
    assert_eq!(status, 403, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("msg")
            .contains("needs a login session")
    );
    assert_eq!(
        env.http(
            "POST",
            "/v1/tokens/bobs/regenerate",
            Some(&bobs),
            Some("{}")
        )
        .0,
        403
    );
    assert_eq!(
        env.http("GET", "/v1/tokens/admins", Some(&bobs), None).0,
        404
    );
    assert_eq!(
        env.http("POST", "/v1/tokens/1/revoke", Some(&bobs), None).0,
        404
    );
    assert_eq!(env.http("GET", "/v1/users", Some(&bobs), None).0, 403);
    assert_eq!(state(&env), before);

    let output = env
        .cmd(&["create", "x"])
        .env("TOKENCTL_TOKEN", &bobs)
        .output()
        .expect("run");
    assert_fails(&output, 4, "a token may not create tokens");
    let (status, body) = env.http("POST", "/v1/tokens/bobs/revoke", Some(&bobs), None);
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        env.http("GET", "/v1/me", Some(&bobs), None).0,
        401,
        "dead at once"
    );
    assert_eq!(env.http("GET", "/v1/me", Some(&admins), None).0, 200);
}

fn bad_http_input_gets_a_json_4xx_never_a_5xx() {
    let env = server();
    let session = env.session();
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(100_000));
    for (what, method, path, body) in [
        ("malformed JSON", "POST", "/v1/tokens", "{\"name\": "),
        ("wrong type", "POST", "/v1/tokens", "{\"name\": 42}"),
        (
            "unknown field",
            "POST",
            "/v1/tokens",
            "{\"name\": \"a\", \"admin\": true}",
        ),
        (
            "bad enum",
            "POST",
            "/v1/tokens",
            "{\"name\": \"a\", \"type\": \"robot\"}",
        ),
        ("huge body", "POST", "/v1/tokens", huge.as_str()),
        (
            "not JSON at all",
            "POST",
            "/v1/login",
            "username=a&password=b",
        ),
        (
            "bad query",
            "GET",
            "/v1/tokens?expiring_within_seconds=soon",
            "",
        ),
        ("unknown query", "GET", "/v1/tokens?colour=red", ""),
        ("bad status", "GET", "/v1/tokens?status=dead", ""),
        ("unknown path", "GET", "/v1/nothing-here", ""),
        ("wrong method", "DELETE", "/v1/tokens", ""),
        (
            "bad secret",
            "POST",
            "/v1/tokens/verify",
            "{\"token\": \"tcpat_short\"}",
        ),
    ] {
        let body = (!body.is_empty()).then_some(body);
        let (status, answer) = env.http(method, path, Some(&session), body);
        assert!((400..500).contains(&status), "{what}: {status} {answer}");
        assert!(
            answer["error"]["message"].is_string(),
            "{what}: not a JSON error: {answer}"
        );
    }
    assert_eq!(
        env.http("GET", "/healthz", None, None),
        (200, json!({ "status": "ok" }))
    );
}

/// A client that sends part of its request and stalls holds the server no
/// longer than `--request-timeout`, and is told so in JSON.
fn a_request_sent_too_slowly_is_cut_off_with_a_json_408() {
    use std::io::{Read, Write};
    let env = TestEnv::new();
    let dir = env.root().join("slow");
    let database = format!("sqlite:{}", dir.join("server.db").display());
    let server = env.start_server(&database, None, &["--request-timeout", "1s"]);
    let address = server.url().trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(&address).expect("connect");
    let body = "{\"token\": \"tcpat_";
    write!(
        stream,
        "POST /v1/tokens/verify HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{body}"
    )
    .expect("send the start");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("read timeout");
    let started = std::time::Instant::now();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "the server waited {:?}",
        started.elapsed()
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    let json = answer.split("\r\n\r\n").nth(1).expect("a body");
    let json: Value = serde_json::from_str(json).expect("a JSON body");
    assert_eq!(json["error"]["kind"], "invalid_input", "{json}");
    assert!(
        json["error"]["message"]
            .as_str()
            .is_some_and(|message| message.contains("longer than 1 s")),
        "{json}"
    );
}

fn an_unreachable_server_is_exit_6_naming_the_url() {
    let env = TestEnv::new();
    let output = env
        .cmd(&["list", "--server", "http://127.0.0.1:9"])
        .env("TOKENCTL_TOKEN", "tcpat_irrelevant")
        .output()
        .expect("run");
    assert_fails(&output, 6, "cannot reach the server at http://127.0.0.1:9/");
    assert_fails(&output, 6, "hint: check --server");
}

fn a_token_revoked_on_one_replica_is_refused_by_the_other_at_once() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let replica = env.start_replica();
    let secret = env.create(&["shared"]);
    let verify = json!({ "token": secret }).to_string();
    let url = format!("{}/v1/tokens/verify", replica.url());
    let on_replica = || common::http_request("POST", &url, None, Some(&verify)).status;
    assert_eq!(on_replica(), 200);
    env.ok(&["revoke", "shared", "--yes"]);
    assert_eq!(
        on_replica(),
        401,
        "the replica still accepted a revoked token"
    );
}

fn the_servers_debug_log_never_holds_a_secret() {
    let env = TestEnv::new();
    let database = format!("sqlite:{}", env.root().join("server.db").display());
    let server = env.start_server(&database, None, &["--debug"]);
    let login = [
        "login",
        "--server",
        server.url(),
        "--password-stdin",
        "--insecure-storage",
    ];
    let output = env.run_with_stdin(&login, format!("{ADMIN_PASSWORD}\n"));
    assert_eq!(code(&output), 0, "{}", common::stderr(&output));
    let secret = env.create(&["logged"]);
    let regenerated = env.json(&["regenerate", "logged", "--yes"]);
    let new_secret = regenerated["secret"].as_str().expect("secret").to_owned();
    assert_eq!(
        code(&env.run_with_stdin(&["verify"], new_secret.clone())),
        0
    );
    let revoked = env.run_with_stdin(&["revoke", "--stdin", "--yes"], new_secret.clone());
    assert_eq!(code(&revoked), 0, "{}", common::stderr(&revoked));
    std::thread::sleep(std::time::Duration::from_millis(200));
    let log = server.log();
    assert!(
        log.contains("/v1/tokens/revoke-by-value"),
        "requests are not logged: {log}"
    );
    for value in [&secret, &new_secret, &ADMIN_PASSWORD.to_owned()] {
        assert!(
            !log.contains(&value[6..]),
            "a secret reached the server log:\n{log}"
        );
    }
}

/// `serve --init-admin` with the password in a file (or on stdin): the
/// admin logs in with it, and it never was in the server's environment.
fn the_first_admins_password_comes_from_a_file_or_stdin_not_the_environment() {
    use std::io::{BufRead, Write};
    let env = TestEnv::new();
    let file = env.root().join("admin-password");
    std::fs::write(&file, "a password from a file\n").expect("write");
    for (source, stdin) in [
        (file.display().to_string(), ""),
        ("-".to_owned(), "from stdin, it is\n"),
    ] {
        let database = format!(
            "sqlite:{}",
            env.root().join(format!("{}.db", stdin.len())).display()
        );
        let mut child = env
            .std_cmd(
                common::binary(),
                &[
                    "serve",
                    "--listen",
                    "127.0.0.1:0",
                    "--database",
                    &database,
                    "--init-admin",
                    "root",
                    "--init-admin-password-file",
                    &source,
                ],
            )
            .env_remove("TOKENCTL_INIT_ADMIN_PASSWORD")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("serve");
        let mut input = child.stdin.take().expect("stdin");
        input.write_all(stdin.as_bytes()).expect("password");
        drop(input);
        let stderr = child.stderr.take().expect("stderr");
        let url = std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .find_map(|line| line.strip_prefix("tokenctl serving on ").map(str::to_owned))
            .expect("serving");
        let password = if stdin.is_empty() {
            "a password from a file"
        } else {
            "from stdin, it is"
        };
        let environ = std::fs::read(format!("/proc/{}/environ", child.id())).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&environ).contains(password));
        common::http_login(&url, "root", password);
        let _ = child.kill();
        let _ = child.wait();
    }

    let both = env
        .cmd(&[
            "serve",
            "--init-admin",
            "root",
            "--init-admin-password-file",
            file.to_str().expect("path"),
        ])
        .env("TOKENCTL_INIT_ADMIN_PASSWORD", "another one")
        .output()
        .expect("serve");
    assert_fails(
        &both,
        2,
        "both --init-admin-password-file and TOKENCTL_INIT_ADMIN_PASSWORD",
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(wrong_passwords_and_unknown_users_read_the_same_and_are_audited),
        test!(repeated_failures_lock_the_address_out_even_for_the_right_password),
        test!(two_factor_codes_are_required_checked_and_work_only_once),
        test!(forged_tampered_expired_and_alg_none_sessions_are_refused),
        test!(an_expired_stored_session_says_to_log_in_again),
        test!(a_token_cannot_mint_tokens_nor_touch_another_users_but_may_revoke_itself),
        test!(bad_http_input_gets_a_json_4xx_never_a_5xx),
        test!(a_request_sent_too_slowly_is_cut_off_with_a_json_408),
        test!(an_unreachable_server_is_exit_6_naming_the_url),
        test!(a_token_revoked_on_one_replica_is_refused_by_the_other_at_once),
        test!(the_servers_debug_log_never_holds_a_secret),
        test!(the_first_admins_password_comes_from_a_file_or_stdin_not_the_environment),
    ]
}
