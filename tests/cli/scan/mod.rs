//! `tokenctl scan` as support staff and commit hooks drive it: real files,
//! real git repositories, tokens created with the real CLI, and their
//! status asked of a real store or server (the contract suite runs those
//! tests on the local store and on `tokenctl serve` over SQLite and
//! PostgreSQL). No full secret may ever reach stdout or stderr.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use common::{TestEnv, assert_fails, code, stderr, stdout};
use serde_json::{Value, json};

pub(crate) const JSON_FIELDS: [&str; 12] = [
    "file",
    "line",
    "column",
    "kind",
    "encoding",
    "hint",
    "status",
    "live",
    "id",
    "name",
    "owner",
    "revoked_now",
];

pub(crate) fn write(path: &Path, content: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create directories");
    }
    std::fs::write(path, content).expect("write file");
}

pub(crate) fn text(path: &Path) -> String {
    path.to_str().expect("utf-8 path").to_owned()
}

/// `tokenctl scan ARGS`, whatever the exit code.
pub(crate) fn scan(env: &TestEnv, args: &[&str]) -> Output {
    let mut all = vec!["scan"];
    all.extend_from_slice(args);
    env.run(&all)
}

/// `tokenctl scan --json ARGS`: the finds, and the raw output.
pub(crate) fn scan_json(env: &TestEnv, args: &[&str]) -> (Vec<Value>, Output) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let output = scan(env, &all);
    (parse_finds(&output), output)
}

pub(crate) fn parse_finds(output: &Output) -> Vec<Value> {
    let finds: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "scan --json printed no JSON ({error}): {}\nstderr: {}",
            stdout(output),
            stderr(output)
        )
    });
    finds.as_array().expect("an array").clone()
}

/// No secret, nor the random part of one, in anything tokenctl printed.
pub(crate) fn assert_secret_free(output: &Output, secrets: &[&str]) {
    let printed = format!("{}{}", stdout(output), stderr(output));
    for secret in secrets {
        assert!(
            !printed.contains(&secret[6..]),
            "a secret was printed:\n{printed}"
        );
    }
}

/// The named fields of each find, one JSON array per find.
pub(crate) fn pick(finds: &[Value], keys: &[&str]) -> Value {
    finds
        .iter()
        .map(|find| keys.iter().map(|key| find[*key].clone()).collect::<Value>())
        .collect()
}

/// `(file name, line, column, encoding, status)` of each find, in order.
pub(crate) fn places(finds: &[Value]) -> Vec<Place> {
    finds
        .iter()
        .map(|find| {
            let file = Path::new(find["file"].as_str().expect("file"));
            (
                file.file_name()
                    .expect("a file name")
                    .to_string_lossy()
                    .into_owned(),
                find["line"].as_u64().expect("line"),
                find["column"].as_u64().expect("column"),
                find["encoding"].as_str().expect("encoding").to_owned(),
                find["status"].as_str().expect("status").to_owned(),
            )
        })
        .collect()
}

pub(crate) type Place = (String, u64, u64, String, String);

pub(crate) fn place(file: &str, line: u64, column: u64, encoding: &str, status: &str) -> Place {
    (
        file.to_owned(),
        line,
        column,
        encoding.to_owned(),
        status.to_owned(),
    )
}

/// 1-based byte column of `needle` in `line`.
pub(crate) fn column(line: &str, needle: &str) -> u64 {
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {line}"));
    u64::try_from(at + 1).expect("small")
}

/// Column where scan reports a secret that was base64-encoded after `lead`
/// bytes: the start of the base64 group holding its first byte.
pub(crate) fn base64_column(line: &str, encoded: &str, lead: usize) -> u64 {
    column(line, encoded) + u64::try_from(lead / 3 * 4).expect("small")
}

/// A secret with one character changed: same shape, wrong checksum.
pub(crate) fn typo(secret: &str) -> String {
    let mut bytes = secret.as_bytes().to_vec();
    bytes[20] = if bytes[20] == b'a' { b'b' } else { b'a' };
    String::from_utf8(bytes).expect("ascii")
}

/// Something that is not a store: scans run offline against it.
pub(crate) fn no_store(env: &TestEnv) -> String {
    text(&env.root().join("no-store.db"))
}

mod contract;
mod finder;
mod offline;
mod usage;
mod walking;

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        contract::tests(),
        finder::tests(),
        offline::tests(),
        usage::tests(),
        walking::tests(),
    ]
    .concat()
}
