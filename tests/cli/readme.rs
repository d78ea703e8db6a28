//! README.md as a doc test: every command of its shell blocks, run in order
//! by `tests/readme/run.py` as a user would paste them, on a scratch store,
//! a real `tokenctl serve` (TLS, PostgreSQL), a real Secret Service and a
//! real OpenID provider, all on loopback. The runner's table names each
//! command that needs more than "run it, expect 0" and why, and fails when
//! an entry no longer matches README, so neither can drift.

use crate::common;

use common::{binary, postgres_url, require_tools, stderr, stdout};

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![test!(every_readme_command_runs_as_written)]
}

fn every_readme_command_runs_as_written() {
    require_tools(
        &[
            "python3",
            "bash",
            "psql",
            "openssl",
            "node",
            "dbus-daemon",
            "gnome-keyring-daemon",
            "secret-tool",
            "git",
            "curl",
            "setsid",
        ],
        ".ci/run installs them",
    );
    crate::oauth::harness::require_oauth_server();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().expect("temporary directory");
    let output = std::process::Command::new("python3")
        .arg(root.join("tests/readme/run.py"))
        .arg("--tokenctl")
        .arg(binary())
        .args(["--postgres", &postgres_url()])
        .arg("--workdir")
        .arg(work.path().join("readme"))
        .env_remove("CI")
        .output()
        .expect("python3");
    assert!(
        output.status.success(),
        "README commands failed (exit {:?}):\n{}\n{}",
        output.status.code(),
        stdout(&output),
        stderr(&output)
    );
}
