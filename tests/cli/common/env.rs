//! The pinned environment one test drives tokenctl in: its own HOME, XDG
//! dirs and store, and the backend (local, or a server) it talks to.

use super::*;

pub(crate) fn random_suffix() -> String {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).expect("randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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

/// The password the test server's first admin gets.
pub const ADMIN_PASSWORD: &str = "test-admin-password";

pub struct TestEnv {
    pub(crate) dir: TempDir,
    pub backend: Backend,
    pub(crate) server: Option<Server>,
    /// Variables set for every server this environment starts (beside the
    /// pinned ones), e.g. `SSL_CERT_FILE` to trust a test CA.
    pub server_env: Vec<(String, String)>,
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
            server_env: Vec::new(),
        }
    }

    /// An environment for each remote backend, each with a server and a
    /// login: PostgreSQL first, so that a test that cannot have it is
    /// skipped before it has run anything.
    pub fn servers() -> impl Iterator<Item = TestEnv> {
        [Backend::RemotePostgres, Backend::RemoteSqlite]
            .into_iter()
            .map(TestEnv::with_backend)
    }

    /// An environment whose commands go to `backend`: for the remote ones a
    /// server is started and the OS user logged in to it. The test is
    /// skipped (failed under CI) when PostgreSQL is not reachable here.
    pub fn with_backend(backend: Backend) -> TestEnv {
        TestEnv::with_server_flags(backend, &[])
    }

    /// [`TestEnv::with_backend`], with `extra` flags for `tokenctl serve`.
    pub fn with_server_flags(backend: Backend, extra: &[&str]) -> TestEnv {
        let mut env = TestEnv::new();
        env.backend = backend;
        let database = match backend {
            Backend::Local => return env,
            Backend::RemoteSqlite => (
                format!("sqlite:{}", env.root().join("server.db").display()),
                None,
            ),
            Backend::RemotePostgres => {
                let schema = format!("tokenctl_test_{}", random_suffix());
                if let Err(error) = postgres_execute(&format!("CREATE SCHEMA {schema}")) {
                    crate::harness::skip(&format!(
                        "PostgreSQL at {} (TOKENCTL_TEST_POSTGRES), unreachable: {error}",
                        postgres_url()
                    ));
                }
                let url = format!("{}?options=-c%20search_path%3D{schema}", postgres_url());
                (url, Some(schema))
            }
        };
        env.server = Some(env.start_server(&database.0, database.1, extra));
        env.login();
        env
    }

    /// Starts `tokenctl serve` on a free loopback port, with `extra` flags.
    pub fn start_server(&self, database: &str, schema: Option<String>, extra: &[&str]) -> Server {
        self.start_server_on("127.0.0.1:0", database, schema, extra)
    }

    /// [`TestEnv::start_server`], listening on `listen`.
    fn start_server_on(
        &self,
        listen: &str,
        database: &str,
        schema: Option<String>,
        extra: &[&str],
    ) -> Server {
        let me = ::whoami::username();
        let key = self.signing_key_path();
        let mut args = vec![
            "serve",
            "--listen",
            listen,
            "--database",
            database,
            "--signing-key",
            key.to_str().expect("utf-8"),
            "--init-admin",
            &me,
        ];
        args.extend_from_slice(extra);
        let mut server = self.spawn_server(&args, std::process::Stdio::null());
        server.database = database.to_owned();
        server.schema = schema;
        server
    }

    /// Runs `tokenctl ARGS` (a `serve` command line) with its stdout going
    /// to `stdout`, and waits until it listens.
    pub fn spawn_server(&self, args: &[&str], stdout: std::process::Stdio) -> Server {
        use std::io::BufRead;
        let mut child = self
            .std_cmd(binary(), args)
            .env("TOKENCTL_INIT_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .envs(self.server_env.iter().map(|(name, value)| (name, value)))
            .stdout(stdout)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start tokenctl serve");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = std::io::BufReader::new(stderr).lines();
        let mut before = String::new();
        let url = loop {
            let line = lines
                .next()
                .unwrap_or_else(|| panic!("tokenctl serve exited before listening: {before}"))
                .expect("read stderr");
            if let Some(url) = line.strip_prefix("tokenctl serving on ") {
                break url.to_owned();
            }
            before.push_str(&line);
            before.push('\n');
        };
        // Keep reading stderr so the server never blocks on a full pipe.
        let log = std::sync::Arc::new(std::sync::Mutex::new(format!(
            "{before}tokenctl serving on {url}\n"
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
            database: String::new(),
            schema: None,
        }
    }

    /// A second `tokenctl serve` on the same database and signing key: a
    /// replica. It drops no schema when it stops; the first server does.
    pub fn start_replica(&self) -> Server {
        self.start_replica_on("127.0.0.1:0")
    }

    /// [`TestEnv::start_replica`], listening on `listen` (`[::1]:0`).
    pub fn start_replica_on(&self, listen: &str) -> Server {
        let primary = self.server.as_ref().expect("a remote environment");
        self.start_server_on(listen, &primary.database, None, &[])
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

    pub(crate) fn login(&self) {
        let output = self.login_as(None, &format!("{ADMIN_PASSWORD}\n"));
        assert_success(&output, &["login"]);
    }

    /// `login` to this environment's server as `user` (the OS user when
    /// `None`), the session in a file (the only storage under CI), with
    /// `answers` — the password, then any code asked for — on stdin.
    pub(crate) fn login_as(&self, user: Option<&str>, answers: &str) -> Output {
        let server = self.server_url().expect("server");
        let mut args = vec!["login", "--server", &server];
        if let Some(user) = user {
            args.extend(["--username", user]);
        }
        args.extend(["--password-stdin", "--insecure-storage"]);
        self.run_with_stdin(&args, answers)
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
        self.in_terminal_status(args, answer).0
    }

    /// [`TestEnv::in_terminal`], with the command's exit code.
    pub fn in_terminal_status(&self, args: &str, answer: &str) -> (String, i32) {
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
        let output = child.wait_with_output().expect("wait");
        (stdout(&output), output.status.code().unwrap_or(-1))
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
    /// Adds user `name` with `role` and, on a server, has them log in once
    /// to replace the one-time password the admin gave with `password`, and
    /// out again: the account as its owner has it, with no session open. (A local store has no logins: its
    /// user keeps the one-time password `one-time PASSWORD`.)
    pub fn add_user_with_password(&self, name: &str, role: &str, password: &str) {
        let one_time = format!("one-time {password}");
        let added = self.run_with_stdin(
            &["user", "add", name, "--role", role, "--password-stdin"],
            format!("{one_time}\n"),
        );
        assert_success(&added, &["user", "add", name]);
        if let Some(server) = self.server_url() {
            crate::common::take_over_account(&server, name, &one_time, password);
        }
    }

    /// Adds the OAuth entry `reports` (a custom template, a client secret
    /// in a 0600 file): one to complete, show or remove.
    pub fn add_oauth_entry_reports(&self) {
        let added = self.run_with_stdin(
            &[
                "oauth",
                "add",
                "reports",
                "--template",
                "custom",
                "--token-url",
                "https://login.example.com/oauth2/token",
                "--client-id",
                "reporter",
                "--insecure-storage",
            ],
            "client-secret\n",
        );
        assert_success(&added, &["oauth", "add"]);
    }

    /// A login with a one-time password that chooses `new` (raw HTTP): the
    /// status it answers.
    pub fn first_login(&self, name: &str, one_time: &str, new: &str) -> u16 {
        let server = self.server_url().expect("server");
        crate::common::http_first_login(&server, name, one_time, new).status
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
