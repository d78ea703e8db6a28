//! A pinned environment for driving the real `tokenctl` binary: a private
//! HOME, XDG dirs and store per test, no color, no inherited TOKENCTL_*.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// Whether every one of `tools` is on PATH. A test that needs them skips
/// with a printed reason when they are missing — except under CI, where the
/// missing install step is the failure.
pub fn have_tools(tools: &[&str], install_hint: &str) -> bool {
    let missing = tools
        .iter()
        .copied()
        .filter(|tool| !succeeds("sh", &["-c", &format!("command -v {tool}")]));
    present_or_skip(missing, install_hint)
}

/// Whether `python3` can import every one of `modules`; skips like
/// [`have_tools`].
pub fn have_python_modules(modules: &[&str], install_hint: &str) -> bool {
    let missing = modules
        .iter()
        .copied()
        .filter(|module| !succeeds("python3", &["-c", &format!("import {module}")]));
    present_or_skip(missing, install_hint)
}

fn succeeds(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|output| output.status.success())
}

fn present_or_skip<'a>(missing: impl Iterator<Item = &'a str>, install_hint: &str) -> bool {
    let missing: Vec<&str> = missing.collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs {missing:?} ({install_hint})"
    );
    println!("skipped: {missing:?} not installed here");
    false
}

/// A file's permission bits, e.g. `0o600`.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn random_suffix() -> String {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).expect("randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Defines one test per backend from one body: `contract!(name, |env| …)`
/// expands to `name::local`, `name::remote_sqlite`, `name::remote_postgres`.
#[macro_export]
macro_rules! contract {
    ($name:ident, |$env:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            fn body($env: &$crate::common::TestEnv) $body

            #[test]
            fn local() {
                body(&$crate::common::TestEnv::new());
            }

            #[test]
            fn remote_sqlite() {
                let env = $crate::common::TestEnv::with_backend($crate::common::Backend::RemoteSqlite);
                body(&env.expect("sqlite server"));
            }

            #[test]
            fn remote_postgres() {
                if let Some(env) = $crate::common::TestEnv::with_backend($crate::common::Backend::RemotePostgres) {
                    body(&env);
                }
            }
        }
    };
}

/// The tokenctl binary under test.
pub fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("tokenctl")
}

/// Which backend a contract test drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded SQLite store, in-process.
    Local,
    /// A real `tokenctl serve` on loopback over a SQLite file.
    RemoteSqlite,
    /// A real `tokenctl serve` on loopback over PostgreSQL (own schema).
    RemotePostgres,
}

/// The PostgreSQL server of this machine (trust auth), overridable.
pub fn postgres_url() -> String {
    std::env::var("TOKENCTL_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://root@127.0.0.1:5432/test".to_owned())
}

/// The password the test server's first admin gets.
pub const ADMIN_PASSWORD: &str = "test-admin-password";

pub struct TestEnv {
    dir: TempDir,
    pub backend: Backend,
    server: Option<Server>,
}

/// A `tokenctl serve` child process, stopped when the test ends.
pub struct Server {
    child: std::process::Child,
    pub url: String,
    database: String,
    schema: Option<String>,
    /// Everything the server wrote on stderr so far.
    log: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Server {
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The server's process id, e.g. to read its memory use.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The server's resident memory now, in MiB (Linux).
    pub fn rss_mib(&self) -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|kib| {
                kib.trim()
                    .trim_end_matches(" kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map_or(0, |kib| kib / 1024)
    }

    /// The PostgreSQL schema it was given, if it made one.
    pub fn schema(&self) -> Option<&str> {
        self.schema.as_deref()
    }

    /// The `--database` it was started with.
    pub fn database(&self) -> &str {
        &self.database
    }

    /// Kills it with SIGKILL, as a crash would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The server's stderr so far.
    pub fn log(&self) -> String {
        self.log.lock().map(|log| log.clone()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(schema) = &self.schema {
            let _ = postgres_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
        }
    }
}

/// A runtime on the calling thread, for a test's own HTTP or SQL.
pub fn current_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// Runs `work` on a new connection to the test PostgreSQL database.
fn on_test_postgres<T>(
    work: impl AsyncFnOnce(&mut sqlx::PgConnection) -> Result<T, sqlx::Error>,
) -> Result<T, String> {
    use sqlx::Connection;
    current_thread_runtime().block_on(async {
        let mut connection = sqlx::PgConnection::connect(&postgres_url())
            .await
            .map_err(|error| error.to_string())?;
        work(&mut connection)
            .await
            .map_err(|error| error.to_string())
    })
}

/// The first column of the first row `query` returns on the test
/// PostgreSQL database, as text.
pub fn postgres_text(query: &str) -> Result<Option<String>, String> {
    on_test_postgres(async |connection| {
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT ({query})::text")))
            .fetch_one(connection)
            .await
    })
}

/// Runs one statement on the test PostgreSQL database.
pub fn postgres_execute(statement: &str) -> Result<(), String> {
    on_test_postgres(async |connection| {
        sqlx::raw_sql(sqlx::AssertSqlSafe(statement.to_owned()))
            .execute(connection)
            .await
            .map(|_| ())
    })
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().expect("temporary directory");
        // A real HOME: gnome-keyring and other desktop pieces write there.
        std::fs::create_dir(dir.path().join("home")).expect("home directory");
        TestEnv {
            dir,
            backend: Backend::Local,
            server: None,
        }
    }

    /// An environment whose commands go to `backend`: for the remote ones a
    /// server is started and the OS user logged in to it. `None` (with the
    /// reason printed) when PostgreSQL is not reachable here — never under CI.
    pub fn with_backend(backend: Backend) -> Option<TestEnv> {
        TestEnv::with_server_flags(backend, &[])
    }

    /// [`TestEnv::with_backend`], with `extra` flags for `tokenctl serve`.
    pub fn with_server_flags(backend: Backend, extra: &[&str]) -> Option<TestEnv> {
        let mut env = TestEnv::new();
        env.backend = backend;
        let database = match backend {
            Backend::Local => return Some(env),
            Backend::RemoteSqlite => (
                format!("sqlite:{}", env.root().join("server.db").display()),
                None,
            ),
            Backend::RemotePostgres => {
                let schema = format!("tokenctl_test_{}", random_suffix());
                if let Err(error) = postgres_execute(&format!("CREATE SCHEMA {schema}")) {
                    assert!(
                        std::env::var_os("CI").is_none(),
                        "PostgreSQL is required under CI: {error}"
                    );
                    println!(
                        "skipped: PostgreSQL not reachable at {}: {error}",
                        postgres_url()
                    );
                    return None;
                }
                let url = format!("{}?options=-c%20search_path%3D{schema}", postgres_url());
                (url, Some(schema))
            }
        };
        env.server = Some(env.start_server(&database.0, database.1, extra));
        env.login();
        Some(env)
    }

    /// Starts `tokenctl serve` on a free loopback port, with `extra` flags.
    pub fn start_server(&self, database: &str, schema: Option<String>, extra: &[&str]) -> Server {
        use std::io::BufRead;
        let me = ::whoami::username();
        let key = self.signing_key_path();
        let mut args = vec![
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--database",
            database,
            "--signing-key",
            key.to_str().expect("utf-8"),
            "--init-admin",
            &me,
        ];
        args.extend_from_slice(extra);
        let mut child = self
            .std_cmd(binary(), &args)
            .env("TOKENCTL_INIT_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start tokenctl serve");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = std::io::BufReader::new(stderr).lines();
        let url = loop {
            let line = lines
                .next()
                .unwrap_or_else(|| panic!("tokenctl serve exited before listening"))
                .expect("read stderr");
            if let Some(url) = line.strip_prefix("tokenctl serving on ") {
                break url.to_owned();
            }
        };
        // Keep reading stderr so the server never blocks on a full pipe.
        let log = std::sync::Arc::new(std::sync::Mutex::new(format!(
            "tokenctl serving on {url}\n"
        )));
        let sink = std::sync::Arc::clone(&log);
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if let Ok(mut log) = sink.lock() {
                    log.push_str(&line);
                    log.push('\n');
                }
            }
        });
        Server {
            log,
            child,
            url,
            database: database.to_owned(),
            schema,
        }
    }

    /// A second `tokenctl serve` on the same database and signing key: a
    /// replica. It drops no schema when it stops; the first server does.
    pub fn start_replica(&self) -> Server {
        let primary = self.server.as_ref().expect("a remote environment");
        self.start_server(&primary.database, None, &[])
    }

    /// The logged-in session token, as `login` stored it.
    pub fn session(&self) -> String {
        let path = self.root().join("data/tokenctl/sessions/default.json");
        let stored: Value = serde_json::from_slice(&std::fs::read(path).expect("session file"))
            .expect("session json");
        stored["session"].as_str().expect("session").to_owned()
    }

    /// The servers' signing key set file, for forging tokens in tests.
    pub fn signing_key_path(&self) -> PathBuf {
        self.root().join("signing-keys.json")
    }

    /// Raw HTTP to the server: `(status, JSON body)`. The body is sent as
    /// given, so tests can send broken JSON.
    pub fn http(
        &self,
        method: &str,
        path: &str,
        bearer: Option<&str>,
        body: Option<&str>,
    ) -> (u16, Value) {
        let url = format!("{}{path}", self.server_url().expect("server"));
        let answer = http_request(method, &url, bearer, body);
        (answer.status, answer.body)
    }

    fn login(&self) {
        let server = self.server_url().expect("server");
        let output = self.run_with_stdin(
            &[
                "login",
                "--server",
                &server,
                "--password-stdin",
                "--insecure-storage",
            ],
            format!("{ADMIN_PASSWORD}\n"),
        );
        assert_success(&output, &["login"]);
    }

    /// The (first) server this environment started.
    pub fn server(&self) -> &Server {
        self.server.as_ref().expect("a remote environment")
    }

    /// What the (first) server wrote on stderr so far.
    pub fn server_log(&self) -> String {
        self.server.as_ref().map(Server::log).unwrap_or_default()
    }

    pub fn server_url(&self) -> Option<String> {
        self.server.as_ref().map(|server| server.url.clone())
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Where the store lives: the default location under the pinned XDG data dir.
    pub fn store(&self) -> PathBuf {
        self.root().join("data/tokenctl/store.db")
    }

    pub fn config_file(&self) -> PathBuf {
        self.root().join("config/tokenctl/config.toml")
    }

    /// `tokenctl` with the pinned environment and the given arguments.
    pub fn cmd(&self, args: &[&str]) -> Command {
        Command::from_std(self.std_cmd(binary(), args))
    }

    /// Any program with the pinned environment, e.g. a shell around tokenctl.
    pub fn std_cmd(&self, program: impl AsRef<OsStr>, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(program);
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("TOKENCTL_") {
                cmd.env_remove(name);
            }
        }
        cmd.env("HOME", self.root().join("home"))
            .env("XDG_DATA_HOME", self.root().join("data"))
            .env("XDG_CONFIG_HOME", self.root().join("config"))
            .env("NO_COLOR", "1")
            .env("COLUMNS", "200")
            .env("CI", "true")
            .args(args);
        cmd
    }

    /// Runs `tokenctl ARGS` on a pseudo-terminal (script(1)), types `answer`
    /// once the prompt is up, and returns what the terminal showed.
    pub fn in_terminal(&self, args: &str, answer: &str) -> String {
        use std::io::Write;
        use std::process::Stdio;

        let command = format!("{} {args}", binary().display());
        let mut child = self
            .std_cmd("script", &["-qec", &command, "/dev/null"])
            .env_remove("CI")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("script(1)");
        std::thread::sleep(std::time::Duration::from_millis(700));
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(answer.as_bytes()).expect("answer");
        drop(stdin);
        stdout(&child.wait_with_output().expect("wait"))
    }

    /// Runs a bash `script` in a private D-Bus session (CI unset, so
    /// tokenctl may use the keyring); the script starts its own unlocked
    /// gnome-keyring.
    pub fn in_secret_service(&self, script: &str) -> Output {
        self.std_cmd("dbus-run-session", &["--", "bash", "-c", script])
            .env_remove("CI")
            .output()
            .expect("dbus-run-session")
    }

    /// Runs and returns the raw output, whatever the exit code.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run tokenctl")
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: impl Into<Vec<u8>>) -> Output {
        self.cmd(args)
            .write_stdin(stdin)
            .output()
            .expect("run tokenctl")
    }

    /// Runs, expects success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_success(&output, args);
        stdout(&output)
    }

    /// Runs with `--json`, expects success, returns the parsed document.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let text = self.ok(&all);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: bad JSON {e}: {text}"))
    }

    /// Creates a token and returns its secret (stdout when not a terminal).
    /// Adds user `name` with `role` and `password` (given on stdin).
    pub fn add_user_with_password(&self, name: &str, role: &str, password: &str) {
        let added = self.run_with_stdin(
            &["user", "add", name, "--role", role, "--password-stdin"],
            format!("{password}\n"),
        );
        assert_success(&added, &["user", "add", name]);
    }

    pub fn create(&self, args: &[&str]) -> String {
        let mut all = vec!["create"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        out.trim_end().to_owned()
    }

    /// Runs SQL on the store directly, to set up states no command creates
    /// (another OS user's store, a role changed behind our back).
    pub fn sql(&self, statement: &str, bind: &str) {
        open_store(&self.store())
            .execute(statement, [bind])
            .expect("sql");
    }

    /// The OS user's account name: the first admin of every test store.
    pub fn me(&self) -> String {
        let users = self.json(&["user", "list"]);
        users[0]["name"].as_str().expect("name").to_owned()
    }

    /// Everything a user can see of the store: all tokens, users and audit.
    pub fn snapshot(&self) -> (Value, Value, Value) {
        (
            self.json(&["list", "--status", "all"]),
            self.json(&["user", "list"]),
            self.json(&["audit"]),
        )
    }
}

/// What an HTTP request got back.
pub struct HttpAnswer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    /// The JSON body, or the body as a JSON string when it is not JSON.
    pub body: Value,
}

/// Raw HTTP to any URL (a server or one of its replicas).
pub fn http_request(
    method: &str,
    url: &str,
    bearer: Option<&str>,
    body: Option<&str>,
) -> HttpAnswer {
    let authorization = bearer.map(|bearer| format!("Bearer {bearer}"));
    let mut headers = Vec::new();
    if let Some(authorization) = &authorization {
        headers.push(("authorization", authorization.as_str()));
    }
    if body.is_some() {
        headers.push(("content-type", "application/json"));
    }
    http_send(method, url, &headers, body)
}

/// The TOTP code of `secret` (base32) `offset_steps` 30-second steps from now.
pub fn totp_code(secret: &str, offset_steps: i64) -> String {
    let bytes = totp_rs::Secret::try_from_base32(secret).expect("base32");
    let totp = totp_rs::Builder::new()
        .with_secret(bytes)
        .build()
        .expect("totp");
    let now = chrono::Utc::now().timestamp() + offset_steps * 30;
    totp.generate(u64::try_from(now).expect("time")).to_string()
}

/// Logs `username` in over raw HTTP and returns the session.
pub fn http_login(server: &str, username: &str, password: &str) -> String {
    let body = serde_json::json!({ "username": username, "password": password }).to_string();
    let answer = http_request("POST", &format!("{server}/v1/login"), None, Some(&body));
    assert_eq!(answer.status, 200, "login {username}: {}", answer.body);
    answer.body["session"].as_str().expect("session").to_owned()
}

/// An RFC 8693 exchange over raw HTTP: `subject` as a token
/// (`urn:…:access_token`) or, when it is a JWT, as a login session
/// (`urn:…:jwt`), with optional `scope` and `audience`.
pub fn http_exchange(
    server: &str,
    subject: &str,
    scope: Option<&str>,
    audience: Option<&str>,
) -> HttpAnswer {
    let subject_type = if subject.starts_with("tc") {
        "urn:ietf:params:oauth:token-type:access_token"
    } else {
        "urn:ietf:params:oauth:token-type:jwt"
    };
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair(
        "grant_type",
        "urn:ietf:params:oauth:grant-type:token-exchange",
    )
    .append_pair("subject_token", subject)
    .append_pair("subject_token_type", subject_type);
    if let Some(scope) = scope {
        form.append_pair("scope", scope);
    }
    if let Some(audience) = audience {
        form.append_pair("audience", audience);
    }
    http_send(
        "POST",
        &format!("{server}/oauth2/token"),
        &[("content-type", "application/x-www-form-urlencoded")],
        Some(&form.finish()),
    )
}

/// Raw HTTP with exactly these headers and body (a form, a custom header).
pub fn http_send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> HttpAnswer {
    current_thread_runtime().block_on(async {
        let client = reqwest::Client::new();
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut request = client.request(method, url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.body(body.to_owned());
        }
        let response = request.send().await.expect("send");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body");
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        HttpAnswer {
            status,
            headers,
            body,
        }
    })
}

/// A direct connection to the SQLite store file at `path`.
pub fn open_store(path: &Path) -> rusqlite::Connection {
    let connection = rusqlite::Connection::open(path).expect("open the store");
    connection
        .busy_timeout(std::time::Duration::from_secs(30))
        .expect("busy timeout");
    connection
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

pub fn assert_success(output: &Output, args: &[&str]) {
    assert!(
        output.status.success(),
        "tokenctl {args:?} failed ({}):\nstdout: {}\nstderr: {}",
        code(output),
        stdout(output),
        stderr(output)
    );
}

/// Asserts the documented exit code and the one-line `error:` format.
pub fn assert_fails(output: &Output, exit_code: i32, message_part: &str) {
    let err = stderr(output);
    assert_eq!(code(output), exit_code, "wrong exit code; stderr: {err}");
    assert!(
        err.contains(message_part),
        "stderr lacks {message_part:?}: {err}"
    );
}

/// Verifies a JWT with Python's jwcrypto — a JOSE implementation
/// independent of tokenctl's — against the JWK Set it fetches from
/// `jwks_url`, as any resource server would: EdDSA only, `iss` and `aud`
/// as given, not expired. `Ok(claims)`, or `Err(why it refused)`.
pub fn jose_verify(
    jwks_url: &str,
    token: &str,
    issuer: &str,
    audience: &str,
) -> Result<Value, String> {
    const VERIFIER: &str = r#"
import json, sys, urllib.request
from jwcrypto import jwk, jwt
url, issuer, audience = sys.argv[1:4]
token = sys.stdin.read().strip()
with urllib.request.urlopen(url) as answer:
    keys = jwk.JWKSet.from_json(answer.read())
try:
    verified = jwt.JWT(jwt=token, key=keys, algs=["EdDSA"],
                       check_claims={"iss": issuer, "aud": audience, "exp": None})
except Exception as error:
    print(f"refused: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)
print(verified.claims)
"#;
    use std::io::Write;
    let mut child = std::process::Command::new("python3")
        .args(["-c", VERIFIER, jwks_url, issuer, audience])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(token.as_bytes())
        .expect("token");
    let output = child.wait_with_output().expect("python3");
    if output.status.success() {
        serde_json::from_slice(&output.stdout).map_err(|error| error.to_string())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}
