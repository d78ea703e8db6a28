//! `tokenctl password change` and `tokenctl user reset-password` as people
//! use them, on every backend; and over HTTP, that a changed or reset
//! password ends the account's sessions on every replica at once.

use crate::common;

use common::{
    ADMIN_PASSWORD, Backend, TestEnv, assert_fails, assert_success, http_request, stdout,
};

const BOB_FIRST: &str = "bob's first password";

/// Whether `password` logs `user` in to the environment's server.
fn logs_in(env: &TestEnv, user: &str, password: &str) -> bool {
    let server = env.server_url().expect("a server");
    let body = serde_json::json!({ "username": user, "password": password }).to_string();
    http_request("POST", &format!("{server}/v1/login"), None, Some(&body)).status == 200
}

fn change(env: &TestEnv, current: &str, new: &str) -> std::process::Output {
    env.run_with_stdin(
        &["password", "change", "--password-stdin"],
        format!("{current}\n{new}\n"),
    )
}

contract!(
    an_admin_gives_a_user_who_lost_theirs_a_new_password,
    |env| {
        env.add_user_with_password("bob", "developer", BOB_FIRST);
        let generated = env.ok(&["user", "reset-password", "bob"]);
        let generated = generated.trim();
        assert!(generated.len() >= 12, "{generated}");
        let json = env.json(&["user", "reset-password", "bob"]);
        assert_eq!(json["name"], "bob");
        let newest = json["password"].as_str().expect("the generated password");
        assert_ne!(newest, generated);
        let given = env.run_with_stdin(
            &["user", "reset-password", "bob", "--password-stdin"],
            "bob's chosen password\n",
        );
        assert_success(&given, &["user", "reset-password"]);
        assert_eq!(stdout(&given), "", "a given password is not printed");
        if env.server_url().is_some() {
            // One-time: it opens nothing until the login that uses it
            // chooses another, and then it is gone.
            assert!(!logs_in(env, "bob", "bob's chosen password"));
            let chosen = "bob's chosen password";
            assert_eq!(
                env.first_login("bob", chosen, chosen),
                400,
                "the new one must differ"
            );
            assert_eq!(
                env.first_login("bob", chosen, "short"),
                400,
                "and meet the rules"
            );
            assert_eq!(
                env.first_login("bob", "bob's chosen password", "bob's own password"),
                200
            );
            assert!(!logs_in(env, "bob", "bob's chosen password"));
            assert!(logs_in(env, "bob", "bob's own password"));
            assert!(!logs_in(env, "bob", BOB_FIRST));
            assert!(!logs_in(env, "bob", newest));
        }
        let me = env.me();
        assert_fails(
            &env.run(&["user", "reset-password", &me]),
            5,
            "change it with: tokenctl password change",
        );
        assert_fails(
            &env.run(&["user", "reset-password", "nobody"]),
            3,
            "no user named 'nobody'",
        );
        assert_fails(
            &env.run_with_stdin(
                &["user", "reset-password", "bob", "--password-stdin"],
                "short\n",
            ),
            2,
            "shorter than 12",
        );
    }
);

contract!(your_own_password_is_changed_with_the_current_one, |env| {
    // The OS user of a local store starts without a password: it sets its
    // first one; on a server the admin has the one it logged in with.
    let current = if env.server_url().is_some() {
        ADMIN_PASSWORD
    } else {
        assert_success(
            &change(env, "no password yet", "the admin's long password"),
            &["password", "change"],
        );
        "the admin's long password"
    };
    assert_fails(
        &change(env, "not it", "a brand new password"),
        4,
        "the current password is wrong",
    );
    assert_fails(
        &change(env, current, current),
        2,
        "the new password is the current one",
    );
    assert_fails(&change(env, current, "short"), 2, "shorter than 12");
    assert_fails(
        &env.run_with_stdin(
            &["password", "change", "--password-stdin"],
            "only one line\n",
        ),
        2,
        "no new password on stdin",
    );
    assert_fails(
        &env.run(&["password", "change"]),
        2,
        "pass --password-stdin",
    );
    let me = env.me();
    let changed = change(env, current, "a brand new password");
    assert_success(&changed, &["password", "change"]);
    let Some(_) = env.server_url() else {
        return;
    };
    // Every session ended, this one too, and its copy is gone.
    assert!(
        common::stderr(&changed).contains("log in again"),
        "{}",
        common::stderr(&changed)
    );
    assert_fails(&env.run(&["whoami"]), 4, "log");
    assert!(!logs_in(env, &me, current));
    assert!(logs_in(env, &me, "a brand new password"));
});

/// Bob's session on the replica, and a check of it there.
fn on_replica_as_bob(replica: &str, password: &str) -> impl Fn() -> u16 {
    let body = serde_json::json!({ "username": "bob", "password": password }).to_string();
    let login = http_request("POST", &format!("{replica}/v1/login"), None, Some(&body));
    assert_eq!(login.status, 200, "{}", login.body);
    let session = login.body["session"].as_str().expect("session").to_owned();
    let url = format!("{replica}/v1/me");
    move || http_request("GET", &url, Some(&session), None).status
}

fn a_reset_on_one_replica_ends_the_sessions_on_the_other_at_once() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let replica = env.start_replica();
    env.add_user_with_password("bob", "developer", BOB_FIRST);
    let check = on_replica_as_bob(replica.url(), BOB_FIRST);
    assert_eq!(check(), 200);
    assert_eq!(check(), 200, "remembered by the replica");
    env.ok(&["user", "reset-password", "bob"]);
    assert_eq!(check(), 401, "the replica still took the session");
}

fn a_change_on_one_replica_ends_the_sessions_on_the_other_at_once() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let replica = env.start_replica();
    env.add_user_with_password("bob", "developer", BOB_FIRST);
    let check = on_replica_as_bob(replica.url(), BOB_FIRST);
    assert_eq!(check(), 200);
    let server = env.server_url().expect("server");
    let body = serde_json::json!({ "username": "bob", "password": BOB_FIRST }).to_string();
    let login = http_request("POST", &format!("{server}/v1/login"), None, Some(&body));
    let session = login.body["session"].as_str().expect("session").to_owned();
    let change = serde_json::json!({
        "current_password": BOB_FIRST,
        "new_password": "bob's second password",
    })
    .to_string();
    let changed = http_request(
        "POST",
        &format!("{server}/v1/me/password"),
        Some(&session),
        Some(&change),
    );
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(check(), 401, "the replica still took the session");
    let on_first = http_request("GET", &format!("{server}/v1/me"), Some(&session), None);
    assert_eq!(on_first.status, 401, "the changing session ended too");
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        vec![
            test!(a_reset_on_one_replica_ends_the_sessions_on_the_other_at_once),
            test!(a_change_on_one_replica_ends_the_sessions_on_the_other_at_once),
        ],
        an_admin_gives_a_user_who_lost_theirs_a_new_password::tests(),
        your_own_password_is_changed_with_the_current_one::tests(),
    ]
    .concat()
}
