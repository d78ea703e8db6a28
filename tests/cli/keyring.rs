//! The login session in a real OS keyring: gnome-keyring's Secret Service in
//! a private D-Bus session, read back with `secret-tool` as any program would.

use crate::common;

use common::{ADMIN_PASSWORD, Backend, TestEnv, assert_fails, stderr, stdout};

fn require_secret_service() {
    common::require_tools(
        &["dbus-run-session", "gnome-keyring-daemon", "secret-tool"],
        "gnome-keyring, dbus and libsecret-tools; see .ci/run",
    );
}

fn login_keeps_the_session_in_the_secret_service_and_logout_removes_it() {
    require_secret_service();
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let server = env.server_url().expect("url");
    let tokenctl = common::binary();
    let tokenctl = tokenctl.display();
    // One private, unlocked keyring for the whole script.
    let script = format!(
        r#"set -e
eval "$(printf %s pw | gnome-keyring-daemon --unlock --components=secrets)"
printf '%s\n' '{ADMIN_PASSWORD}' | {tokenctl} login --server {server} --password-stdin
echo "--- lookup"
secret-tool lookup service tokenctl
echo
echo "--- status"
{tokenctl} status
echo "--- whoami"
{tokenctl} whoami --json
echo "--- under CI"
CI=true {tokenctl} whoami 2>&1 || echo "exit $?"
{tokenctl} logout
echo "--- after logout"
if secret-tool lookup service tokenctl; then echo STILL-THERE; fi
"#
    );
    let output = env.in_secret_service(&script);
    let out = stdout(&output);
    assert!(output.status.success(), "{out}\n{}", stderr(&output));
    let lookup = out
        .split("--- lookup\n")
        .nth(1)
        .expect("lookup")
        .lines()
        .next()
        .unwrap_or("");
    assert!(
        lookup.contains("\"session\":\"ey"),
        "no session in the keyring: {out}"
    );
    assert!(
        out.contains("Kept in  the OS keyring (service tokenctl"),
        "{out}"
    );
    assert!(out.contains("\"credential\": \"login session\""), "{out}");
    // With CI set in a normal shell, the keyring is not read: the message
    // says so and points at TOKENCTL_TOKEN or unsetting CI, not at a login.
    let under_ci = out.split("--- under CI\n").nth(1).expect("under CI");
    assert!(
        under_ci.contains("CI is set, so the session in the OS keyring is not read")
            && under_ci.contains("set TOKENCTL_TOKEN")
            && under_ci.contains("unset CI")
            && under_ci.contains("exit 4"),
        "{under_ci}"
    );
    assert!(!out.contains("STILL-THERE"), "logout left the entry: {out}");
    let session_file = env.root().join("data/tokenctl/sessions/default.json");
    let file = std::fs::read_to_string(session_file).unwrap_or_default();
    assert!(
        !file.contains(lookup.trim()),
        "the keyring session also went to a file"
    );
}

fn without_a_keyring_login_fails_clearly_before_writing_anything() {
    let env = TestEnv::new();
    let profiles = env.root().join("data/tokenctl/profiles.json");
    let output = env
        .cmd(&[
            "login",
            "--server",
            "http://127.0.0.1:9",
            "--password-stdin",
        ])
        .env_remove("CI")
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .write_stdin("a password\n")
        .output()
        .expect("run");
    assert_fails(
        &output,
        1,
        "cannot store the session: no OS keyring is available",
    );
    assert_fails(&output, 1, "--insecure-storage");
    assert!(!profiles.exists(), "login wrote its profile anyway");

    let in_ci = env
        .cmd(&[
            "login",
            "--server",
            "http://127.0.0.1:9",
            "--password-stdin",
        ])
        .write_stdin("a password\n")
        .output()
        .expect("run");
    assert_fails(
        &in_ci,
        1,
        "CI is set, and tokenctl never uses the OS keyring in CI",
    );
    let hint = stderr(&in_ci);
    assert!(
        hint.contains("TOKENCTL_TOKEN")
            && hint.contains("unset CI")
            && !hint.contains("start a Secret Service"),
        "{hint}"
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(login_keeps_the_session_in_the_secret_service_and_logout_removes_it),
        test!(without_a_keyring_login_fails_clearly_before_writing_anything),
    ]
}
