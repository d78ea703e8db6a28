//! The grants against a real OpenID provider.

use super::*;

fn code_with_pkce_over_a_loopback_redirect_then_token_refreshes_when_expired() {
    let (server, env) = with_server(3, 3600);
    add(
        &env,
        &server,
        "mail",
        "code-client",
        &["--scope", "openid", "--scope", "mail"],
    );
    request_with_code(&env, "mail");

    let entry = show(&env, "mail");
    assert_eq!(entry["state"], "valid");
    assert_eq!(entry["token"]["grant"], "authorization-code");
    assert_eq!(entry["token"]["has_refresh_token"], true);
    let first = env.ok(&["oauth", "token", "mail"]).trim().to_owned();
    assert_eq!(userinfo(&server, &first)["sub"], "test-user");
    // Secrets are in the 0600 secrets file, never in the entries file.
    let entries = std::fs::read_to_string(env.root().join("data/tokenctl/oauth/entries.json"))
        .expect("entries");
    assert!(!entries.contains(&first) && !entries.contains("code-client-secret"));
    assert_eq!(secrets_file(&env, "mail")["access_token"], first.as_str());

    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(show(&env, "mail")["state"], "expired");
    let second = env.ok(&["oauth", "token", "mail"]).trim().to_owned();
    assert_ne!(first, second, "an expired token was handed out");
    assert_eq!(userinfo(&server, &second)["sub"], "test-user");
    assert_eq!(show(&env, "mail")["state"], "valid");
}

fn the_redirect_listener_times_out_and_saves_nothing() {
    let (server, env) = with_server(60, 3600);
    add(&env, &server, "mail", "code-client", &["--scope", "openid"]);
    let output = env.run(&["oauth", "request", "mail", "--timeout", "1s"]);
    assert_fails(&output, 2, "no authorization arrived within 1 s");
    let err = stderr(&output);
    assert!(
        err.contains("code_challenge_method=S256")
            && err.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"),
        "{err}"
    );
    assert_eq!(show(&env, "mail")["state"], "no-token");
}

/// Adds `name` for the harness's public device client and gets its first
/// token with the device grant, the user approving in the test browser.
pub(crate) fn authorize_on_a_device(env: &TestEnv, server: &OidcServer, name: &str) {
    add(
        env,
        server,
        name,
        "device-client",
        &["--public", "--scope", "openid"],
    );
    let (child, url) = spawn_until_url(env, &["oauth", "request", name, "--device"], "  or open: ");
    assert!(url.contains("user_code="), "{url}");
    let page = Browser::new().visit(&url);
    assert!(page.contains("Sign-in Success"), "{page}");
    let output = child.wait_with_output().expect("wait");
    assert!(output.status.success(), "device request failed");
}

fn device_grant_for_a_public_client_then_refresh() {
    let (server, env) = with_server(60, 3600);
    authorize_on_a_device(&env, &server, "tv");
    let entry = show(&env, "tv");
    assert_eq!(entry["token"]["grant"], "device");
    assert!(secrets_file(&env, "tv")["client_secret"].is_null());

    let before = secrets_file(&env, "tv")["access_token"].clone();
    let refreshed = env.json(&["oauth", "refresh", "tv"]);
    assert_eq!(refreshed["state"], "valid");
    let after = secrets_file(&env, "tv")["access_token"].clone();
    assert_ne!(before, after);
    let token = after.as_str().expect("token");
    assert_eq!(userinfo(&server, token)["sub"], "test-user");
}

/// Several CI steps ask for the same expiring token at once. The public
/// client's refresh token is single-use (the provider rotates it, and
/// revokes the grant when a spent one comes back), so exactly one of them
/// may renew; the others wait for it and hand out what it got.
fn parallel_requests_for_an_expiring_token_share_one_renewal() {
    // Tokens live 70 s; one with less than a minute left is renewed first.
    // So the first one needs renewing after 10 s, and the renewed one stays
    // good for 10 s, enough for the waiting jobs to find it.
    let (server, env) = with_server(70, 3600);
    authorize_on_a_device(&env, &server, "tv");
    let first = secrets_file(&env, "tv")["access_token"].clone();
    std::thread::sleep(Duration::from_secs(11));

    let jobs: Vec<Child> = (0..4)
        .map(|_| {
            env.std_cmd(common::binary(), &["oauth", "token", "tv"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn tokenctl")
        })
        .collect();
    let tokens: Vec<String> = jobs
        .into_iter()
        .map(|job| {
            let output = job.wait_with_output().expect("wait");
            assert!(
                output.status.success(),
                "a parallel request failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            String::from_utf8(output.stdout)
                .expect("utf-8")
                .trim()
                .to_owned()
        })
        .collect();
    assert_ne!(
        first.as_str(),
        Some(tokens[0].as_str()),
        "nothing was renewed"
    );
    assert!(
        tokens.iter().all(|token| token == &tokens[0]),
        "the token was renewed more than once"
    );
    assert_eq!(userinfo(&server, &tokens[0])["sub"], "test-user");
    assert_eq!(show(&env, "tv")["state"], "valid");
    assert_eq!(env.ok(&["oauth", "token", "tv"]).trim(), tokens[0]);
}

fn client_credentials_and_the_status_exit_code() {
    let (server, env) = with_server(2, 3600);
    add(&env, &server, "svc", "service-client", &["--scope", "mail"]);
    env.ok(&["oauth", "request", "svc", "--client-credentials"]);
    assert_success(&env.run(&["oauth", "status"]), &["oauth", "status"]);

    std::thread::sleep(Duration::from_secs(3));
    let status = env.run(&["oauth", "status"]);
    assert_fails(&status, 1, "1 of 1 OAuth tokens need attention");
    assert!(
        stdout(&status).contains("tokenctl oauth refresh svc"),
        "{}",
        stdout(&status)
    );
    let json = env
        .cmd(&["oauth", "status", "--json"])
        .output()
        .expect("run");
    assert_eq!(code(&json), 1);
    let report: Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(report["notices"][0]["kind"], "expired-token");

    // `token` asks again (client credentials have no refresh token).
    let token = env.ok(&["oauth", "token", "svc"]);
    assert!(!token.trim().is_empty() && token.trim().lines().count() == 1);
    assert_success(&env.run(&["oauth", "status"]), &["oauth", "status"]);

    // Notices off for this entry: status is quiet even when it expires.
    env.ok(&["oauth", "edit", "svc", "--notify", "none"]);
    std::thread::sleep(Duration::from_secs(3));
    assert_success(&env.run(&["oauth", "status"]), &["oauth", "status"]);
}

fn an_expired_refresh_token_asks_for_a_new_authorization() {
    let (server, env) = with_server(1, 3);
    // One entry knows the refresh token's lifetime (--validity), one doesn't.
    add(
        &env,
        &server,
        "known",
        "code-client",
        &["--scope", "openid", "--validity", "3s"],
    );
    add(
        &env,
        &server,
        "unknown",
        "code-client",
        &["--scope", "openid"],
    );
    request_with_code(&env, "known");
    request_with_code(&env, "unknown");
    std::thread::sleep(Duration::from_secs(4));

    assert_eq!(show(&env, "known")["state"], "refresh-expired");
    assert_eq!(show(&env, "unknown")["state"], "expired");
    let refused = env.run(&["oauth", "refresh", "unknown"]);
    assert_fails(&refused, 4, "the refresh token is no longer valid");
    assert_fails(
        &refused,
        4,
        "a new authorization is needed: tokenctl oauth request unknown",
    );
    assert_eq!(show(&env, "unknown")["state"], "refresh-expired");
    assert_fails(
        &env.run(&["oauth", "token", "known"]),
        4,
        "tokenctl oauth request known",
    );

    let status = env.run(&["oauth", "status"]);
    assert_eq!(code(&status), 1);
    let out = stdout(&status);
    assert!(
        out.contains("the refresh token of OAuth token 'known' expired")
            && out.contains("a new authorization is needed (tokenctl oauth request known)"),
        "{out}"
    );
    // A new authorization fixes it.
    request_with_code(&env, "unknown");
    assert_eq!(show(&env, "unknown")["state"], "valid");
}

fn a_token_endpoint_answering_html_saves_nothing() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/token", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        if let Ok((mut stream, _)) = listener.accept() {
            let mut buffer = [0u8; 4096];
            let _ = stream.read(&mut buffer);
            let body = "<html><body>Sign in to continue</body></html>";
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let env = TestEnv::new();
    let args = [
        "oauth",
        "add",
        "odd",
        "--template",
        "custom",
        "--token-url",
        &url,
        "--client-id",
        "c",
        "--insecure-storage",
    ];
    assert_success(&env.run_with_stdin(&args, "s\n"), &args);
    let output = env.run(&["oauth", "request", "odd", "--client-credentials"]);
    assert_fails(&output, 1, "it is an HTML page, not JSON");
    assert_eq!(show(&env, "odd")["state"], "no-token");
    assert!(secrets_file(&env, "odd")["access_token"].is_null());
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(code_with_pkce_over_a_loopback_redirect_then_token_refreshes_when_expired),
        test!(the_redirect_listener_times_out_and_saves_nothing),
        test!(device_grant_for_a_public_client_then_refresh),
        test!(parallel_requests_for_an_expiring_token_share_one_renewal),
        test!(client_credentials_and_the_status_exit_code),
        test!(an_expired_refresh_token_asks_for_a_new_authorization),
        test!(a_token_endpoint_answering_html_saves_nothing),
    ]
}
