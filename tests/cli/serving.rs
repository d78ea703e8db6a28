//! Starting `tokenctl serve` the way a first week does: on the store the
//! user named, with a warning when nobody could log in, and with an access
//! log that never carries a secret.

use crate::common;

use std::process::Stdio;

use common::{TestEnv, http_exchange, http_login, http_request};
use serde_json::json;

/// `--store FILE` is the store `serve` serves, unless `--database` says
/// otherwise — and then it says which one wins. A store nobody can log in
/// to is served with a warning.
fn serve_uses_the_named_store_and_warns_when_nobody_can_log_in() {
    let env = TestEnv::new();
    let file = env.root().join("named.db");
    let file = file.to_str().expect("utf-8");
    // A local store: its admin is the OS user, who has no password.
    let secret = env.create(&["--store", file, "made-locally"]);
    let key = env.signing_key_path();
    let key = key.to_str().expect("utf-8");
    let serve = [
        "--store",
        file,
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--signing-key",
        key,
    ];
    let server = env.spawn_server(&serve, Stdio::null());
    let body = json!({ "token": secret }).to_string();
    let verified = http_request(
        "POST",
        &format!("{}/v1/tokens/verify", server.url()),
        None,
        Some(&body),
    );
    assert_eq!(
        verified.status, 200,
        "serves the named store: {}",
        verified.body
    );
    assert_eq!(verified.body["name"], "made-locally");
    assert!(
        server
            .log()
            .contains("warning: no account in this store can log in (none has a password)"),
        "{}",
        server.log()
    );
    drop(server);

    // --database wins, and says so; with --init-admin someone can log in.
    let other = format!("sqlite:{}", env.root().join("other.db").display());
    let me = ::whoami::username();
    let mut both = serve.to_vec();
    both.extend(["--database", &other, "--init-admin", &me]);
    let server = env.spawn_server(&both, Stdio::null());
    let log = server.log();
    assert!(
        log.contains("warning: serving --database; the store"),
        "{log}"
    );
    assert!(
        !log.contains("no account in this store can log in"),
        "{log}"
    );
}

/// `--access-log`: one line per request with the client, the request, the
/// status, the time and whose credential it was — and no secret, even one
/// pasted into a path or presented as a bearer token.
fn the_access_log_has_one_line_per_request_and_no_secret() {
    let env = TestEnv::new();
    let database = format!("sqlite:{}", env.root().join("server.db").display());
    let log_path = env.root().join("access.log");
    let log_file = std::fs::File::create(&log_path).expect("log file");
    let key = env.signing_key_path();
    let me = ::whoami::username();
    let args = [
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--database",
        &database,
        "--signing-key",
        key.to_str().expect("utf-8"),
        "--init-admin",
        &me,
        "--access-log",
    ];
    let server = env.spawn_server(&args, Stdio::from(log_file));
    let url = server.url().to_owned();
    let session = http_login(&url, &me, common::ADMIN_PASSWORD);
    let created = http_request(
        "POST",
        &format!("{url}/v1/tokens"),
        Some(&session),
        Some(&json!({ "name": "logged" }).to_string()),
    );
    let secret = created.body["secret"].as_str().expect("secret").to_owned();
    let id = created.body["token"]["id"].as_i64().expect("id");
    let me_by_token = http_request("GET", &format!("{url}/v1/me"), Some(&secret), None);
    assert_eq!(me_by_token.status, 200);
    // A secret where it does not belong: in the path, in a query string.
    http_request(
        "GET",
        &format!("{url}/v1/tokens/{secret}?token={secret}"),
        Some(&secret),
        None,
    );
    http_request(
        "GET",
        &format!("{url}/v1/sessions/{session}"),
        Some(&session),
        None,
    );
    // Credentials in the body, which no authentication step sees.
    let verified = http_request(
        "POST",
        &format!("{url}/v1/tokens/verify"),
        None,
        Some(&json!({ "token": secret }).to_string()),
    );
    assert_eq!(verified.status, 200);
    assert_eq!(http_exchange(&url, &secret, None, None).status, 200);
    assert_eq!(http_exchange(&url, &session, None, None).status, 200);
    drop(server);

    let log = std::fs::read_to_string(&log_path).expect("access log");
    assert!(!log.contains(&secret), "a secret in the access log:\n{log}");
    assert!(
        !log.contains(&session),
        "a session in the access log:\n{log}"
    );
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 8, "one line per request:\n{log}");
    let fields = |line: &str| line.split(' ').map(str::to_owned).collect::<Vec<_>>();
    let login = fields(lines[0]);
    assert!(login[1].starts_with("127.0.0.1:"), "{log}");
    assert_eq!(&login[2..5], ["POST", "/v1/login", "200"], "{log}");
    assert!(login[5].ends_with("ms"), "{log}");
    assert!(lines[1].contains("POST /v1/tokens 200") && lines[1].contains(&format!("user={me}")));
    assert!(lines[1].contains(" session="), "{}", lines[1]);
    assert!(
        lines[2].contains("GET /v1/me 200 ")
            && lines[2].ends_with(&format!("token={id} user={me}")),
        "{}",
        lines[2]
    );
    let hint = format!("tcpat_…{}", &secret[secret.len() - 4..]);
    assert!(
        lines[3].contains(&format!("GET /v1/tokens/{hint} ")),
        "a secret in a path becomes its hint: {}",
        lines[3]
    );
    assert!(
        lines[4].contains(&format!("GET /v1/sessions/…({} bytes) ", session.len())),
        "a session in a path is left out: {}",
        lines[4]
    );
    assert!(
        lines[5].contains("POST /v1/tokens/verify 200 ")
            && lines[5].ends_with(&format!("hint={hint}")),
        "a secret in the body is named by its hint: {}",
        lines[5]
    );
    assert!(
        lines[6].contains("POST /oauth2/token 200 ") && lines[6].ends_with(&format!("hint={hint}")),
        "{}",
        lines[6]
    );
    assert!(
        lines[7].contains("POST /oauth2/token 200 ")
            && lines[7].ends_with(&format!("session user={me}")),
        "{}",
        lines[7]
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(serve_uses_the_named_store_and_warns_when_nobody_can_log_in),
        test!(the_access_log_has_one_line_per_request_and_no_secret),
    ]
}
