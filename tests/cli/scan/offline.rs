//! Offline.

use super::*;

fn without_a_store_or_server_finds_are_reported_offline() {
    let env = TestEnv::new();
    let token = TestEnv::new().create(&["elsewhere"]);
    let file = env.root().join("paste.txt");
    write(&file, format!("{token}\n"));
    let path = text(&file);

    let (finds, output) = scan_json(&env, &[&path]);
    assert_eq!(code(&output), 1, "an unknown token counts as live");
    assert_eq!(finds[0]["status"], "unknown");
    assert_eq!(finds[0]["live"], true);
    let err = stderr(&output);
    assert!(
        err.contains("warning: the tokens found were not checked (there is no token store at"),
        "{err}"
    );
    assert!(!env.store().exists(), "scan must not create a store");

    let unreachable = ["--server", "http://127.0.0.1:9"];
    let (finds, output) = scan_json(&env, &[unreachable[0], unreachable[1], &path]);
    assert_eq!(code(&output), 1);
    assert_eq!(finds[0]["status"], "unknown");
    assert!(
        stderr(&output).contains("cannot reach the server"),
        "{}",
        stderr(&output)
    );

    let revoke = scan(
        &env,
        &[unreachable[0], unreachable[1], "--revoke", "--yes", &path],
    );
    assert_fails(&revoke, 6, "cannot reach the server");
    assert!(stdout(&revoke).contains("unknown"), "finds are shown first");
    let revoke = scan(&env, &["--revoke", "--yes", &path]);
    assert_fails(&revoke, 3, "there is no token store at");
    assert_secret_free(&revoke, &[&token]);
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![test!(without_a_store_or_server_finds_are_reported_offline)]
}
