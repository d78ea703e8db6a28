//! A pinned environment for driving the real `tokenctl` binary: a private
//! HOME, XDG dirs and store per test, no color, no inherited TOKENCTL_*.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The tokenctl binary under test.
pub fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("tokenctl")
}

pub struct TestEnv {
    dir: TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
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
