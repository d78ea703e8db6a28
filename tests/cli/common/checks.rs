//! Reading what a command did: its output, exit code and files.

use super::*;

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

/// A token list with the record of each token's last use blanked: a use
/// is not a change, so a test that compares states before and after looks
/// past it.
pub fn without_uses(mut tokens: Value) -> Value {
    for token in tokens.as_array_mut().expect("a token list") {
        for field in ["last_used_at", "last_used_from", "last_used_agent"] {
            token[field] = Value::Null;
        }
    }
    tokens
}
