//! A revocation takes effect at once, everywhere: on the server that just
//! verified the token (and may remember it), on its replicas, and when
//! another process changed the store file behind the server's back.

use crate::common;

use std::time::{Duration, Instant};

use common::{Backend, TestEnv, assert_fails, assert_success, code};

fn verify(env: &TestEnv, secret: &str) -> std::process::Output {
    env.run_with_stdin(&["verify"], format!("{secret}\n"))
}

/// Verifies twice so that a server that caches verifications has the token
/// in its cache, then checks `change` makes the next verify fail with 4.
fn refused_right_after(env: &TestEnv, secret: &str, change: &[&str]) {
    for _ in 0..2 {
        assert_success(&verify(env, secret), &["verify"]);
    }
    env.ok(change);
    assert_fails(&verify(env, secret), 4, "is not valid");
}

contract!(a_revoked_token_is_refused_by_the_next_verify, |env| {
    let secret = env.create(&["deploy"]);
    refused_right_after(env, &secret, &["revoke", "deploy", "--yes"]);
});

contract!(
    a_regenerated_tokens_old_secret_is_refused_by_the_next_verify,
    |env| {
        let old = env.create(&["deploy"]);
        refused_right_after(env, &old, &["regenerate", "deploy", "--yes"]);
    }
);

contract!(
    a_disabled_users_tokens_are_refused_by_the_next_verify,
    |env| {
        env.ok(&["user", "add", "bob", "--role", "developer"]);
        let secret = env.create(&["bobs", "--for", "bob"]);
        refused_right_after(env, &secret, &["user", "disable", "bob"]);
        env.ok(&["user", "enable", "bob"]);
        assert_success(&verify(env, &secret), &["verify"]);
    }
);

contract!(an_old_secret_works_during_its_grace_and_not_after, |env| {
    let old = env.create(&["deploy"]);
    assert_success(&verify(env, &old), &["verify"]);
    let started = Instant::now();
    env.ok(&["regenerate", "deploy", "--grace", "3s", "--yes"]);
    while started.elapsed() < Duration::from_secs(2) {
        assert_success(&verify(env, &old), &["verify"]);
        std::thread::sleep(Duration::from_millis(200));
    }
    std::thread::sleep(Duration::from_secs(3).saturating_sub(started.elapsed()));
    std::thread::sleep(Duration::from_millis(1100));
    assert_fails(&verify(env, &old), 4, "is not valid");
});

fn a_revocation_made_directly_on_the_servers_sqlite_file_reaches_the_server() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let secret = env.create(&["deploy"]);
    assert_success(&verify(&env, &secret), &["verify"]);
    assert_success(&verify(&env, &secret), &["verify"]);

    let store = format!("sqlite:{}", env.root().join("server.db").display());
    env.ok(&["--store", &store, "revoke", "deploy", "--yes"]);
    let revoked = Instant::now();
    // The server polls the file for changes every 50 ms.
    while code(&verify(&env, &secret)) == 0 {
        assert!(
            revoked.elapsed() < Duration::from_secs(2),
            "the server still accepts a token revoked 2 s ago in its store file"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_fails(&verify(&env, &secret), 4, "revoked");
}

fn a_user_disabled_on_one_replica_is_refused_by_the_other_at_once() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let replica = env.start_replica();
    env.ok(&["user", "add", "bob", "--role", "developer"]);
    let secret = env.create(&["bobs", "--for", "bob"]);
    let on_replica = || {
        env.cmd(&["--server", replica.url(), "verify"])
            .env("TOKENCTL_TOKEN", env.session())
            .write_stdin(format!("{secret}\n"))
            .output()
            .expect("run")
    };
    assert_success(&on_replica(), &["verify"]);
    assert_success(&on_replica(), &["verify"]);
    env.ok(&["user", "disable", "bob"]);
    assert_fails(&on_replica(), 4, "is disabled");
}

fn a_login_session_of_a_user_disabled_on_one_replica_is_refused_by_the_other_at_once() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let replica = env.start_replica();
    env.add_user_with_password("bob", "developer", "bob's long password");
    let login = env
        .cmd(&[
            "login",
            "--server",
            replica.url(),
            "--username",
            "bob",
            "--password-stdin",
            "--insecure-storage",
            "--profile",
            "bob",
        ])
        .write_stdin("bob's long password\n")
        .output()
        .expect("login");
    assert_success(&login, &["login"]);
    let as_bob = || {
        env.cmd(&["--profile", "bob", "list"])
            .output()
            .expect("run")
    };
    assert_success(&as_bob(), &["list"]);
    assert_success(&as_bob(), &["list"]);
    env.ok(&["--profile", "default", "user", "disable", "bob"]);
    assert_fails(&as_bob(), 4, "the session is invalid");
}

fn an_access_token_whose_token_was_revoked_on_one_replica_is_refused_by_the_other_at_once() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let replica = env.start_replica();
    let secret = env.create(&["ci"]);
    let exchanged = env
        .cmd(&["--server", replica.url(), "exchange", "--token-stdin"])
        .write_stdin(format!("{secret}\n"))
        .output()
        .expect("exchange");
    assert_success(&exchanged, &["exchange"]);
    let access = String::from_utf8_lossy(&exchanged.stdout).trim().to_owned();
    let with_access = || {
        env.cmd(&["--server", replica.url(), "list"])
            .env("TOKENCTL_TOKEN", &access)
            .output()
            .expect("run")
    };
    assert_success(&with_access(), &["list"]);
    assert_success(&with_access(), &["list"]);
    env.ok(&["revoke", "ci", "--yes"]);
    assert_fails(&with_access(), 4, "not valid");
}

/// `TOKENCTL_TOKEN` is read one way everywhere: blank is unset. `status`
/// counted a blank value as a credential (exit 0) while every command
/// that sends one said "not logged in".
fn a_blank_tokenctl_token_is_no_credential_anywhere() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let server = env.server_url().expect("server");
    env.ok(&["logout"]);
    for blank in ["", "  ", "\n"] {
        for args in [
            ["status", "--server", &server],
            ["list", "--server", &server],
        ] {
            let output = env
                .cmd(&args)
                .env("TOKENCTL_TOKEN", blank)
                .output()
                .expect("run");
            assert_eq!(
                common::code(&output),
                4,
                "{args:?} with TOKENCTL_TOKEN={blank:?}: {}",
                common::stderr(&output)
            );
        }
    }
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        vec![test!(a_revocation_made_directly_on_the_servers_sqlite_file_reaches_the_server), test!(a_user_disabled_on_one_replica_is_refused_by_the_other_at_once), test!(a_login_session_of_a_user_disabled_on_one_replica_is_refused_by_the_other_at_once), test!(an_access_token_whose_token_was_revoked_on_one_replica_is_refused_by_the_other_at_once), test!(a_blank_tokenctl_token_is_no_credential_anywhere)],
        a_revoked_token_is_refused_by_the_next_verify::tests(),
        a_regenerated_tokens_old_secret_is_refused_by_the_next_verify::tests(),
        a_disabled_users_tokens_are_refused_by_the_next_verify::tests(),
        an_old_secret_works_during_its_grace_and_not_after::tests(),
    ]
    .concat()
}
