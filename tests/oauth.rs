//! OAuth2 provider tokens against a real OAuth 2.0 / OpenID Connect server:
//! oidc-provider (tests/oauth_server) on a loopback port. The sign-in pages
//! are driven by a scripted HTTP client that follows redirects, keeps
//! cookies and submits the pages' forms — no browser, no mock.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::Duration;

use common::{TestEnv, assert_fails, assert_success, code, stderr, stdout};
use serde_json::Value;

fn harness_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oauth_server")
}

/// Node and the harness's npm modules; skips locally, required under CI.
fn have_oauth_server() -> bool {
    if !common::have_tools(&["node"], "Node.js 20; see .ci/run") {
        return false;
    }
    if harness_dir().join("node_modules/oidc-provider").is_dir() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs tests/oauth_server/node_modules (npm ci in .ci/run)"
    );
    println!("skipped: run `npm ci` in tests/oauth_server first");
    false
}

/// An OAuth server with the given access and refresh token lifetimes (in
/// seconds) and a fresh tokenctl environment; `None` when skipped.
fn with_server(access_ttl: u32, refresh_ttl: u32) -> Option<(OidcServer, TestEnv)> {
    have_oauth_server().then(|| (OidcServer::start(access_ttl, refresh_ttl), TestEnv::new()))
}

/// A running oidc-provider, stopped when dropped.
struct OidcServer {
    child: Child,
    url: String,
}

impl OidcServer {
    fn start(access_ttl: u32, refresh_ttl: u32) -> OidcServer {
        let mut child = std::process::Command::new("node")
            .arg(harness_dir().join("server.mjs"))
            .args(["--access-ttl", &access_ttl.to_string()])
            .args(["--refresh-ttl", &refresh_ttl.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the OAuth server");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let url = loop {
            let line = lines
                .next()
                .expect("the OAuth server exited before listening")
                .expect("read");
            if let Some(url) = line.strip_prefix("listening on ") {
                break url.to_owned();
            }
        };
        // Keep reading: oidc-provider writes notices on stdout, and dies
        // of EPIPE once nobody reads them.
        std::thread::spawn(move || lines.for_each(drop));
        OidcServer { child, url }
    }
}

impl Drop for OidcServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A scripted user agent: follows redirects, keeps cookies, and submits the
/// (auto-submitting and confirmation) forms oidc-provider's pages hold.
struct Browser {
    http: reqwest::Client,
    cookies: HashMap<String, String>,
}

impl Browser {
    fn new() -> Browser {
        Browser {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            cookies: HashMap::new(),
        }
    }

    /// Visits `url` and goes on until a page has nothing left to do; returns
    /// the last page's text.
    fn visit(&mut self, url: &str) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(self.walk(url.to_owned()))
    }

    async fn walk(&mut self, start: String) -> String {
        let mut next = (start, None::<Vec<(String, String)>>);
        for _ in 0..30 {
            let (url, form) = next;
            let cookie = self
                .cookies
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect::<Vec<_>>()
                .join("; ");
            let request = match &form {
                Some(fields) => self.http.post(&url).form(fields),
                None => self.http.get(&url),
            };
            let response = request
                .header("cookie", cookie)
                .send()
                .await
                .expect("request");
            for value in response.headers().get_all("set-cookie") {
                let pair = value
                    .to_str()
                    .expect("cookie")
                    .split(';')
                    .next()
                    .unwrap_or("");
                if let Some((name, value)) = pair.split_once('=') {
                    self.cookies
                        .insert(name.trim().to_owned(), value.to_owned());
                }
            }
            let base = reqwest::Url::parse(&url).expect("url");
            if let Some(location) = response.headers().get("location") {
                let target = base
                    .join(location.to_str().expect("location"))
                    .expect("join");
                next = (target.to_string(), None);
                continue;
            }
            let page = response.text().await.expect("page");
            match form_of(&page) {
                Some((action, fields)) => {
                    let action = base.join(&action).expect("action").to_string();
                    next = (action, Some(fields));
                }
                None => return page,
            }
        }
        panic!("the sign-in did not finish in 30 steps");
    }
}

/// The first POST form of a page: its action and hidden fields.
fn form_of(page: &str) -> Option<(String, Vec<(String, String)>)> {
    let start = page.find("<form")?;
    let form = &page[start..page[start..].find("</form>")? + start];
    let attribute = |tag: &str, name: &str| {
        let marker = format!("{name}=\"");
        let at = tag.find(&marker)? + marker.len();
        Some(tag[at..at + tag[at..].find('"')?].to_owned())
    };
    let head = &form[..form.find('>')?];
    if !head.contains("method=\"post\"") {
        return None;
    }
    let fields = form
        .split("<input")
        .skip(1)
        .filter(|input| input.contains("type=\"hidden\""))
        .filter_map(|input| Some((attribute(input, "name")?, attribute(input, "value")?)))
        .collect();
    Some((attribute(head, "action")?, fields))
}

/// `tokenctl ARGS` in the background; returns it once a line of its stderr
/// is `marker` followed by a URL, and that URL.
fn spawn_until_url(env: &TestEnv, args: &[&str], marker: &str) -> (Child, String) {
    let mut child = env
        .std_cmd(common::binary(), args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tokenctl");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let url = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("tokenctl {args:?} ended without a URL"))
            .expect("read");
        if let Some(url) = line
            .strip_prefix(marker)
            .filter(|rest| rest.starts_with("http"))
        {
            break url.trim().to_owned();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    (child, url)
}

/// Adds a custom entry for one of the harness's clients (insecure storage:
/// CI never touches the keyring).
fn add(env: &TestEnv, server: &OidcServer, name: &str, client: &str, extra: &[&str]) {
    let mut args = vec![
        "oauth",
        "add",
        name,
        "--template",
        "custom",
        "--issuer",
        &server.url,
        "--client-id",
        client,
        "--insecure-storage",
    ];
    args.extend_from_slice(extra);
    let secret = format!("{client}-secret\n");
    let output = env.run_with_stdin(&args, secret);
    assert_success(&output, &args);
}

/// `oauth request NAME` (code + PKCE), with the browser scripted.
fn request_with_code(env: &TestEnv, name: &str) {
    let (child, url) = spawn_until_url(env, &["oauth", "request", name], "  ");
    let page = Browser::new().visit(&url);
    assert!(
        page.contains("tokenctl received the authorization"),
        "{page}"
    );
    let output = child.wait_with_output().expect("wait");
    assert!(
        output.status.success(),
        "request failed: {}",
        stdout(&output)
    );
}

fn show(env: &TestEnv, name: &str) -> Value {
    env.json(&["oauth", "show", name])
}

/// The access token works at the provider: its userinfo endpoint answers.
fn userinfo(server: &OidcServer, token: &str) -> Value {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let response = reqwest::Client::new()
            .get(format!("{}/me", server.url))
            .bearer_auth(token)
            .send()
            .await
            .expect("userinfo");
        assert!(
            response.status().is_success(),
            "userinfo {}",
            response.status()
        );
        response.json().await.expect("json")
    })
}

fn secrets_file(env: &TestEnv, name: &str) -> Value {
    let path = env
        .root()
        .join(format!("data/tokenctl/oauth/secrets/{name}.json"));
    serde_json::from_slice(&std::fs::read(path).expect("secrets file")).expect("json")
}

#[test]
fn code_with_pkce_over_a_loopback_redirect_then_token_refreshes_when_expired() {
    let Some((server, env)) = with_server(3, 3600) else {
        return;
    };
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

#[test]
fn the_redirect_listener_times_out_and_saves_nothing() {
    let Some((server, env)) = with_server(60, 3600) else {
        return;
    };
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
fn authorize_on_a_device(env: &TestEnv, server: &OidcServer, name: &str) {
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

#[test]
fn device_grant_for_a_public_client_then_refresh() {
    let Some((server, env)) = with_server(60, 3600) else {
        return;
    };
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
#[test]
fn parallel_requests_for_an_expiring_token_share_one_renewal() {
    // Tokens live 70 s; one with less than a minute left is renewed first.
    // So the first one needs renewing after 10 s, and the renewed one stays
    // good for 10 s, enough for the waiting jobs to find it.
    let Some((server, env)) = with_server(70, 3600) else {
        return;
    };
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

#[test]
fn client_credentials_and_the_status_exit_code() {
    let Some((server, env)) = with_server(2, 3600) else {
        return;
    };
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

#[test]
fn an_expired_refresh_token_asks_for_a_new_authorization() {
    let Some((server, env)) = with_server(1, 3) else {
        return;
    };
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

#[test]
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

fn add_google(env: &TestEnv, name: &str) {
    let args = [
        "oauth",
        "add",
        name,
        "--template",
        "google",
        "--client-id",
        "id.apps.example",
        "--insecure-storage",
    ];
    assert_success(&env.run_with_stdin(&args, "google-secret\n"), &args);
}

#[test]
fn the_template_is_fixed_once_saved_and_the_rest_can_change() {
    let env = TestEnv::new();
    add_google(&env, "mail");
    let entry = show(&env, "mail");
    assert_eq!(
        entry["endpoints"]["token_url"],
        "https://oauth2.googleapis.com/token"
    );
    assert_eq!(entry["scopes"][0], "https://mail.google.com/");

    let output = env.run(&["oauth", "edit", "mail", "--template", "microsoft-common"]);
    assert_fails(
        &output,
        2,
        "the template of 'mail' is google and cannot be changed once saved",
    );
    assert_eq!(
        show(&env, "mail"),
        entry,
        "a refused edit changed the entry"
    );

    env.ok(&[
        "oauth",
        "edit",
        "mail",
        "--template",
        "google",
        "--client-id",
        "other",
        "--scope",
        "a",
        "--scope",
        "b",
        "--validity",
        "7d",
        "--notify",
        "expired-refresh-token",
        "--token-url",
        "https://oauth2.example.com/token",
    ]);
    let edited = show(&env, "mail");
    assert_eq!(edited["client_id"], "other");
    assert_eq!(edited["scopes"], serde_json::json!(["a", "b"]));
    assert_eq!(edited["validity_seconds"], 7 * 86_400);
    assert_eq!(edited["notify"]["expired_token"], false);
    assert_eq!(
        edited["endpoints"]["token_url"],
        "https://oauth2.example.com/token"
    );
    assert_eq!(edited["template"], "google");

    let output = env.run_with_stdin(
        &["oauth", "edit", "mail", "--new-client-secret"],
        "new-secret\n",
    );
    assert_success(&output, &["edit"]);
    assert_eq!(secrets_file(&env, "mail")["client_secret"], "new-secret");

    assert_fails(&env.run(&["oauth", "edit", "mail"]), 2, "nothing to change");
    let plain_http = env.run(&[
        "oauth",
        "edit",
        "mail",
        "--token-url",
        "http://example.com/token",
    ]);
    assert_fails(&plain_http, 2, "must be an https:// URL");
    assert_fails(
        &env.run(&["oauth", "edit", "nope", "--scope", "x"]),
        3,
        "no OAuth token named 'nope'",
    );
    let duplicate = env.run_with_stdin(
        &[
            "oauth",
            "add",
            "mail",
            "--template",
            "google",
            "--client-id",
            "x",
            "--insecure-storage",
        ],
        "s\n",
    );
    assert_fails(&duplicate, 5, "already exists");
}

#[test]
fn list_and_remove() {
    let env = TestEnv::new();
    add_google(&env, "mail");
    let table = env.ok(&["oauth", "list"]);
    let header = table.lines().next().expect("header");
    for column in [
        "NAME",
        "TEMPLATE",
        "CLIENT ID",
        "TOKEN EXPIRES",
        "REFRESH EXPIRES",
        "STATUS",
    ] {
        assert!(header.contains(column), "{header}");
    }
    assert!(
        table.contains("mail") && table.contains("no token"),
        "{table}"
    );
    assert_fails(&env.run(&["oauth", "remove", "mail"]), 2, "pass --yes");
    env.ok(&["oauth", "remove", "mail", "--yes"]);
    assert_eq!(env.json(&["oauth", "list"]), serde_json::json!([]));
    assert!(
        !env.root()
            .join("data/tokenctl/oauth/secrets/mail.json")
            .exists()
    );
}

#[test]
fn in_ci_the_keyring_is_never_used_and_nothing_is_written() {
    let env = TestEnv::new();
    let output = env.run_with_stdin(
        &[
            "oauth",
            "add",
            "mail",
            "--template",
            "google",
            "--client-id",
            "x",
        ],
        "secret\n",
    );
    assert_fails(
        &output,
        1,
        "CI is set, and tokenctl never uses the OS keyring in CI",
    );
    assert_fails(&output, 1, "--insecure-storage");
    assert!(!env.root().join("data/tokenctl/oauth/entries.json").exists());
}

const FULL_EXPORT: &str = "version: 1
tokens:
- name: mail
  template: microsoft-organizations
  client_id: app-id
  token_url: https://login.microsoftonline.com/organizations/oauth2/v2.0/token
  scopes: [offline_access]
  validity: 90d
  notify: [expired-refresh-token]
  secrets:
    client_secret: the-client-secret
    access_token: an-access-token
    refresh_token: a-refresh-token
    grant: authorization-code
    obtained_at: 2020-01-01T00:00:00Z
    expires_at: 2020-01-01T01:00:00Z
    refresh_expires_at: 2020-03-31T00:00:00Z
";

fn write(env: &TestEnv, name: &str, text: &str) -> String {
    let path = env.root().join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

#[test]
fn export_import_round_trip_with_and_without_secrets() {
    let source = TestEnv::new();
    add_google(&source, "mail");
    let file = write(
        &source,
        "in.yaml",
        &FULL_EXPORT.replace("name: mail", "name: o365"),
    );
    source.ok(&["oauth", "import", &file, "--insecure-storage"]);

    let plain = source.ok(&["oauth", "export"]);
    assert!(plain.starts_with("version: 1\n"), "{plain}");
    assert!(
        !plain.contains("secret") && !plain.contains("token:"),
        "{plain}"
    );

    let target = TestEnv::new();
    let file = write(&target, "plain.yaml", &plain);
    target.ok(&["oauth", "import", &file, "--insecure-storage"]);
    let strip = |list: Value| -> Vec<Value> {
        list.as_array()
            .expect("list")
            .iter()
            .map(|entry| {
                let mut entry = entry.clone();
                for key in ["token", "state", "secrets_kept_in"] {
                    entry.as_object_mut().expect("object").remove(key);
                }
                entry
            })
            .collect()
    };
    assert_eq!(
        strip(target.json(&["oauth", "list"])),
        strip(source.json(&["oauth", "list"]))
    );

    // With secrets: written 0600 (by -o and through a shell redirect), warned about.
    let output = source.run(&[
        "oauth",
        "export",
        "o365",
        "--include-secrets",
        "-o",
        &source.root().join("secret.yaml").display().to_string(),
    ]);
    assert_success(&output, &["export"]);
    assert!(stderr(&output).contains("warning: the export holds client secrets"));
    let redirected = source.root().join("redirected.yaml");
    let shell = format!(
        "umask 022; {} oauth export --include-secrets > {}",
        common::binary().display(),
        redirected.display()
    );
    let output = source.std_cmd("sh", &["-c", &shell]).output().expect("sh");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("warning: the export holds client secrets"));
    use std::os::unix::fs::PermissionsExt;
    for path in [redirected.clone(), source.root().join("secret.yaml")] {
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
    let full = std::fs::read_to_string(&redirected).expect("export");
    assert!(full.contains("refresh_token: a-refresh-token"), "{full}");

    let again = TestEnv::new();
    let file = write(&again, "full.yaml", &full);
    again.ok(&["oauth", "import", &file, "--insecure-storage"]);
    assert_eq!(
        secrets_file(&again, "o365")["refresh_token"],
        "a-refresh-token"
    );
    assert_eq!(
        secrets_file(&again, "mail")["client_secret"],
        "google-secret"
    );
    let without_place = |mut entry: Value| {
        entry
            .as_object_mut()
            .expect("object")
            .remove("secrets_kept_in");
        entry
    };
    assert_eq!(
        without_place(again.json(&["oauth", "show", "o365"])),
        without_place(source.json(&["oauth", "show", "o365"]))
    );
}

#[test]
fn import_refuses_existing_names_and_overwrite_replaces_only_those() {
    let env = TestEnv::new();
    add_google(&env, "a");
    add_google(&env, "b");
    let before_a = show(&env, "a");
    let entries = env.root().join("data/tokenctl/oauth/entries.json");
    let saved = std::fs::read(&entries).expect("entries");
    let file = write(
        &env,
        "update.yaml",
        "version: 1
tokens:
- name: b
  template: google
  client_id: changed
  token_url: https://oauth2.googleapis.com/token
- name: c
  template: custom
  client_id: new
  token_url: https://login.example.com/token
",
    );
    let refused = env.run(&["oauth", "import", &file, "--insecure-storage"]);
    assert_fails(&refused, 5, "already saved: b; nothing was imported");
    assert_eq!(
        std::fs::read(&entries).expect("entries"),
        saved,
        "a refused import wrote"
    );

    let report = env.json(&[
        "oauth",
        "import",
        &file,
        "--overwrite",
        "--insecure-storage",
    ]);
    assert_eq!(report["added"], serde_json::json!(["c"]));
    assert_eq!(report["replaced"], serde_json::json!(["b"]));
    assert_eq!(show(&env, "a"), before_a, "overwrite touched another entry");
    assert_eq!(show(&env, "b")["client_id"], "changed");
    assert_eq!(show(&env, "c")["client_id"], "new");
    // b's stored client secret is kept: the file had none.
    assert_eq!(secrets_file(&env, "b")["client_secret"], "google-secret");

    let other_template = write(
        &env,
        "template.yaml",
        "version: 1\ntokens:\n- name: b\n  template: custom\n  client_id: x\n  token_url: https://e.example/t\n",
    );
    let output = env.run(&[
        "oauth",
        "import",
        &other_template,
        "--overwrite",
        "--insecure-storage",
    ]);
    assert_fails(&output, 5, "a template is fixed once saved");
}

/// `oauth import FILE --overwrite --insecure-storage`.
fn import_overwriting(env: &TestEnv, file: &str) -> Output {
    env.run(&["oauth", "import", file, "--overwrite", "--insecure-storage"])
}

/// A secret that can't be stored half-way through an import (a keyring
/// failing, a disk full) leaves everything as it was, including the
/// secrets it had already written over.
#[test]
fn an_import_that_cannot_store_a_secret_changes_nothing() {
    let env = TestEnv::new();
    add_google(&env, "a");
    let oauth = env.root().join("data/tokenctl/oauth");
    let entries = std::fs::read(oauth.join("entries.json")).expect("entries");
    let secrets_a = std::fs::read(oauth.join("secrets/a.json")).expect("a's secrets");
    // Where b's secrets would go is taken: writing them fails.
    std::fs::create_dir_all(oauth.join("secrets/b.json")).expect("block b");
    let file = write(
        &env,
        "both.yaml",
        "version: 1
tokens:
- name: a
  template: google
  client_id: changed
  token_url: https://oauth2.googleapis.com/token
  secrets:
    client_secret: imported-secret-a
- name: b
  template: custom
  client_id: new
  token_url: https://login.example.com/token
  secrets:
    client_secret: imported-secret-b
",
    );
    let output = import_overwriting(&env, &file);
    assert_fails(&output, 1, "Is a directory");
    assert_eq!(
        std::fs::read(oauth.join("secrets/a.json")).expect("a's secrets"),
        secrets_a,
        "a's secrets were left overwritten"
    );
    assert_eq!(
        std::fs::read(oauth.join("entries.json")).expect("entries"),
        entries
    );
}

#[test]
fn broken_or_hostile_yaml_changes_nothing() {
    let env = TestEnv::new();
    add_google(&env, "keep");
    let entries = env.root().join("data/tokenctl/oauth/entries.json");
    let saved = std::fs::read(&entries).expect("entries");
    let entry = |body: &str| format!("version: 1\ntokens:\n- name: new\n{body}");
    let good = "  template: custom\n  client_id: x\n  token_url: https://e.example/t\n";
    let mut bomb =
        String::from("version: 1\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for level in 0..9 {
        let prev = if level == 0 {
            "a".to_owned()
        } else {
            format!("l{}", level - 1)
        };
        bomb.push_str(&format!("l{level}: &l{level} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    bomb.push_str("tokens: *l8\n");
    let cases = [
        (
            "wrong type",
            entry("  template: custom\n  client_id: [1, 2]\n  token_url: https://e.example/t\n"),
            "is not a tokenctl OAuth export",
        ),
        (
            "unknown template",
            entry("  template: yahoo\n  client_id: x\n  token_url: https://e.example/t\n"),
            "unknown variant",
        ),
        (
            "unknown field",
            entry(&format!("{good}  password: hunter2\n")),
            "unknown field",
        ),
        (
            "duplicate names",
            format!("{}- name: new\n{good}", entry(good)),
            "appears more than once",
        ),
        (
            "second entry broken",
            format!(
                "{}- name: other\n  template: custom\n  client_id: x\n  token_url: ftp://e.example/t\n",
                entry(good)
            ),
            "must be an https:// URL",
        ),
        (
            "bad name",
            entry(good).replace("name: new", "name: ../../etc"),
            "not a valid OAuth token name",
        ),
        (
            "version",
            entry(good).replace("version: 1", "version: 2"),
            "this tokenctl reads version 1",
        ),
        (
            "huge",
            format!("{}# {}\n", entry(good), "x".repeat(1024 * 1024)),
            "larger than 1024 KiB",
        ),
        ("alias bomb", bomb, "is not a tokenctl OAuth export"),
        (
            "not yaml",
            "\u{1}\u{2}: [".to_owned(),
            "is not a tokenctl OAuth export",
        ),
        (
            "bad notify",
            entry(&format!("{good}  notify: [sometimes]\n")),
            "unknown notification",
        ),
        (
            "token without grant",
            entry(&format!("{good}  secrets:\n    access_token: t\n")),
            "needs its grant",
        ),
    ];
    for (what, text, message) in cases {
        let file = write(&env, "hostile.yaml", &text);
        let output = import_overwriting(&env, &file);
        assert_eq!(code(&output), 2, "{what}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(message),
            "{what}: {}",
            stderr(&output)
        );
        assert_eq!(
            std::fs::read(&entries).expect("entries"),
            saved,
            "{what} changed the entries"
        );
        assert!(
            !env.root()
                .join("data/tokenctl/oauth/secrets/new.json")
                .exists(),
            "{what}"
        );
    }
}

#[test]
fn notices_show_on_a_terminal_only() {
    if !common::have_tools(&["script"], "util-linux") {
        return;
    }
    let env = TestEnv::new();
    let file = write(&env, "expired.yaml", FULL_EXPORT);
    env.ok(&["oauth", "import", &file, "--insecure-storage"]);

    let screen = env.in_terminal("oauth list", "");
    assert!(
        screen.contains("notice: the refresh token of OAuth token 'mail' expired")
            && screen.contains("a new authorization is needed (tokenctl oauth request mail)"),
        "{screen}"
    );
    assert_eq!(screen.matches("notice:").count(), 1, "{screen}");
    let json = env.in_terminal("oauth list --json", "");
    assert!(!json.contains("notice:"), "{json}");
    let piped = env.run(&["oauth", "list"]);
    assert!(!stderr(&piped).contains("notice:"));

    // A personal token that expires within 7 days, on the store this command used.
    env.create(&["deploy", "--expires", "3d"]);
    let screen = env.in_terminal("list", "");
    assert!(
        screen.contains("your token 'deploy' expires in "),
        "{screen}"
    );
    assert!(screen.contains("OAuth token 'mail'"), "{screen}");
}

#[test]
fn the_secrets_go_to_the_secret_service_and_not_to_a_file() {
    if !have_oauth_server()
        || !common::have_tools(
            &["dbus-run-session", "gnome-keyring-daemon", "secret-tool"],
            "gnome-keyring, dbus and libsecret-tools; see .ci/run",
        )
    {
        return;
    }
    let server = OidcServer::start(60, 3600);
    let env = TestEnv::new();
    let tokenctl = common::binary();
    let tokenctl = tokenctl.display();
    let script = format!(
        r#"set -e
eval "$(printf %s pw | gnome-keyring-daemon --unlock --components=secrets)"
printf '%s\n' service-client-secret | {tokenctl} oauth add svc --template custom --issuer {url} --client-id service-client --scope mail
{tokenctl} oauth request svc --client-credentials
echo "--- token"
{tokenctl} oauth token svc
echo "--- lookup"
secret-tool lookup service tokenctl username oauth/svc
echo
echo "--- show"
{tokenctl} oauth show svc
echo "--- files"
grep -rl service-client-secret "$XDG_DATA_HOME" "$HOME" || echo NONE
{tokenctl} oauth remove svc --yes
echo "--- after remove"
if secret-tool lookup service tokenctl username oauth/svc; then echo STILL-THERE; fi
"#,
        url = server.url
    );
    let output = env.in_secret_service(&script);
    let out = stdout(&output);
    assert!(output.status.success(), "{out}\n{}", stderr(&output));
    let section = |name: &str| {
        out.split(&format!("--- {name}\n"))
            .nth(1)
            .and_then(|rest| rest.lines().next())
            .unwrap_or("")
            .to_owned()
    };
    let token = section("token");
    let lookup = section("lookup");
    assert!(lookup.contains("service-client-secret"), "{out}");
    assert!(
        lookup.contains(token.trim()),
        "the token is not in the keyring: {out}"
    );
    assert_eq!(section("files"), "NONE", "a secret went to a file: {out}");
    assert!(
        out.contains("the OS keyring (service tokenctl, account oauth/svc)"),
        "{out}"
    );
    assert!(
        !out.contains("STILL-THERE"),
        "remove left the keyring entry: {out}"
    );
}
