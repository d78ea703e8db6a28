//! The HTTP API against its own OpenAPI document, by schemathesis (Python,
//! from PyPI): a generator that knows nothing of tokenctl but the document
//! `GET /openapi.json` serves. It drives a real `tokenctl serve` on loopback
//! through every phase — the document's examples, boundary values
//! (coverage), random valid and invalid requests (fuzzing), and chains of
//! calls along the document's links (stateful: create → show, revoke,
//! regenerate, verify) — with an admin's login session, with a developer's
//! token, and with no credential at all.
//!
//! Every response must be documented (status, content type, headers,
//! schema), no request may cause a 5xx, invalid requests must be refused,
//! valid ones accepted unless only the server's state can refuse them
//! (`tests/schemathesis/hooks.py` lists those), a removed resource must be
//! gone, and operations that need a credential must refuse one that is
//! missing. Afterwards the server's log may hold no
//! panic.
//!
//! Configuration: `tests/schemathesis/schemathesis.toml`. Reproduce a
//! failure with the seed the output prints (`--seed`).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Backend, TestEnv};

/// Every check schemathesis has, but two:
/// - `positive_data_acceptance`: `hooks.py` replaces it with one that knows
///   the few refusals no schema can express;
/// - `ensure_resource_availability`: it takes only a DELETE as the end of a
///   resource, and here a secret also ends by `POST …/regenerate` or
///   `…/revoke-by-value` (a sibling step of the same scenario), after which
///   its 404 is right.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
response_headers_conformance,response_schema_conformance,negative_data_rejection,\
missing_required_header,unsupported_method,use_after_free,ignored_auth,\
schema_valid_requests_are_accepted";

const PHASES: &str = "examples,coverage,fuzzing,stateful";

fn require_schemathesis() {
    common::require_tools(
        &["schemathesis"],
        "python3 -m pip install schemathesis==4.32.5; see .ci/run",
    );
}

fn config_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemathesis")
}

/// Runs schemathesis against `env`'s server, as `credential` (sent as
/// `Authorization: Bearer`, given through the environment, not argv) or
/// unauthenticated, and asserts it found nothing and the server never
/// panicked.
fn run_schemathesis(env: &TestEnv, credential: Option<&str>, max_examples: u32) -> Output {
    let server = env.server_url().expect("a server");
    let config = config_dir();
    let mut command = std::process::Command::new("schemathesis");
    command
        .arg("--config-file")
        .arg(config.join("schemathesis.toml"))
        .args(["run", &format!("{server}/openapi.json")])
        .args(["--phases", PHASES, "--checks", CHECKS])
        .args(["--max-examples", &max_examples.to_string()])
        .args(["--workers", "1", "--no-color"])
        // Anything it writes (reports, caches) goes to the test's directory.
        .current_dir(env.root())
        .env("PYTHONPATH", &config)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("SCHEMATHESIS_HOOKS", "hooks")
        .env("NO_COLOR", "1")
        .env("TOKENCTL_SCHEMATHESIS_SERVER", &server)
        .env_remove("TOKENCTL_SCHEMATHESIS_CREDENTIAL");
    if let Some(credential) = credential {
        command.env("TOKENCTL_SCHEMATHESIS_CREDENTIAL", credential);
    }
    if env
        .json(&["user", "list"])
        .as_array()
        .is_some_and(|users| users.iter().any(|user| user["name"] == ENDER.0))
    {
        command.env(
            "TOKENCTL_SCHEMATHESIS_ENDER",
            format!("{}:{}", ENDER.0, ENDER.1),
        );
    }
    let output = command.output().expect("run schemathesis");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: Vec<&str> = report
        .lines()
        .filter(|line| line.contains("generated,") || line.starts_with("Seed:"))
        .collect();
    println!("schemathesis: {}", summary.join("; "));
    assert!(
        output.status.success(),
        "schemathesis found failures:\n{report}"
    );
    let log = env.server_log();
    assert!(
        !log.contains("panicked"),
        "the server panicked during the run:\n{log}"
    );
    output
}

/// The user whose sessions the operations that end the caller's sessions
/// (`logout`, the revocations) run with in the admin's run, so that they
/// are exercised with real sessions without ending the admin's: `hooks.py`
/// logs them in again whenever a call ended the last one. A developer, so
/// that naming another user is refused.
const ENDER: (&str, &str) = ("ender", "the ender's long password");

fn server() -> TestEnv {
    // Logins of the ender come on top of the login route's own examples.
    TestEnv::with_server_flags(
        Backend::RemoteSqlite,
        &[
            "--login-attempts-per-minute",
            "100000",
            // Webhooks the run adds point at loopback (hooks.py).
            "--allow-private-webhooks",
        ],
    )
}

fn an_admin_session_finds_nothing_and_reaches_every_kind_of_change() {
    require_schemathesis();
    let env = server();
    env.add_user_with_password(ENDER.0, "developer", ENDER.1);
    // Whose tokens `revokeOwnedTokens` revokes (hooks.py).
    env.add_user_with_password("offboarded", "developer", "an offboarded user's password");
    for name in ["laptop", "ci"] {
        env.create(&[name, "--for", "offboarded"]);
    }
    let output = run_schemathesis(&env, Some(&env.session()), 100);
    // The run reached the operations that change things with real data,
    // not only refusals: the audit log has each kind of change.
    let audit = env.json(&["audit", "--all"]);
    let actions: std::collections::BTreeSet<&str> = audit
        .as_array()
        .expect("audit list")
        .iter()
        .filter_map(|entry| entry["action"].as_str())
        .collect();
    for action in [
        "token.create",
        "token.revoke",
        "token.regenerate",
        "user.add",
        "user.role",
        "role.add",
        "role.remove",
        "webhook.add",
    ] {
        assert!(
            actions.contains(action),
            "no {action} in the audit log: {actions:?}\n{}{}\nserver log:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            env.server_log()
        );
    }
}

fn a_developer_token_finds_nothing() {
    require_schemathesis();
    let env = server();
    env.add_user_with_password("dev", "developer", "a developer's long password");
    let token = env.create(&["ci", "--for", "dev"]);
    run_schemathesis(&env, Some(&token), 50);
}

fn no_credential_finds_nothing() {
    require_schemathesis();
    let env = server();
    run_schemathesis(&env, None, 30);
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(an_admin_session_finds_nothing_and_reaches_every_kind_of_change),
        test!(a_developer_token_finds_nothing),
        test!(no_credential_finds_nothing),
    ]
}
