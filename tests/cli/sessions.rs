//! Login sessions as the store records them: `session list`, `session
//! revoke`, `logout` and a second `login` on every backend, and over HTTP
//! that an ended session is refused at once — by the server that ended it,
//! by a replica, and by a server over the same SQLite file when the local
//! CLI ended it.

use crate::common;

use common::{
    Backend, Server, TestEnv, assert_fails, assert_success, http_request, stderr, stdout,
};

const BOB_PASSWORD: &str = "bob's long password";

/// Where bob logs in: the environment's server, or for the local backend a
/// server started over the local store file (so that the local CLI and the
/// server share one store, as they do in production).
fn bobs_server(env: &TestEnv) -> (String, Option<Server>) {
    if let Some(url) = env.server_url() {
        return (url, None);
    }
    let store = format!("sqlite:{}", env.store().display());
    let server = env.start_server(&store, None, &[]);
    // The local store has no logins: bob's first one is here.
    let one_time = format!("one-time {BOB_PASSWORD}");
    common::take_over_account(server.url(), "bob", &one_time, BOB_PASSWORD);
    (server.url().to_owned(), Some(server))
}

/// A new session of bob's on `server`.
fn log_in_bob(server: &str) -> String {
    let body = serde_json::json!({ "username": "bob", "password": BOB_PASSWORD }).to_string();
    let login = http_request("POST", &format!("{server}/v1/login"), None, Some(&body));
    assert_eq!(login.status, 200, "{}", login.body);
    login.body["session"].as_str().expect("session").to_owned()
}

/// What `server` answers to a request with `session`.
fn status_of(server: &str, session: &str) -> u16 {
    http_request("GET", &format!("{server}/v1/me"), Some(session), None).status
}

fn session_ids(env: &TestEnv, user: &str) -> Vec<i64> {
    let listed = env.json(&["session", "list", "--user", user]);
    let listed = listed.as_array().expect("a list");
    listed
        .iter()
        .map(|session| session["id"].as_i64().expect("id"))
        .collect()
}

contract!(an_admin_sees_and_ends_a_users_sessions, |env| {
    env.add_user_with_password("bob", "developer", BOB_PASSWORD);
    let (server, _shared) = bobs_server(env);
    let first = log_in_bob(&server);
    let second = log_in_bob(&server);
    let listed = env.json(&["session", "list", "--user", "bob"]);
    let listed = listed.as_array().expect("a list");
    assert_eq!(listed.len(), 2, "{listed:?}");
    for session in listed {
        assert_eq!(session["user"], "bob");
        assert_eq!(session["current"], false);
        assert!(
            session["address"]
                .as_str()
                .expect("address")
                .starts_with("api@")
        );
        assert!(session.get("jti").is_none(), "{session}");
        assert!(session["expires_at"].is_string());
    }
    let table = env.ok(&["session", "list", "--user", "bob"]);
    assert!(table.starts_with("ID "), "{table}");
    let ids = session_ids(env, "bob");

    let one = env.run(&["session", "revoke", &ids[0].to_string(), "--user", "bob"]);
    assert_success(&one, &["session", "revoke"]);
    assert!(
        stderr(&one).contains(&format!("Ended session {} of bob", ids[0])),
        "{}",
        stderr(&one)
    );
    assert_eq!(status_of(&server, &first), 401, "the ended session");
    assert_eq!(status_of(&server, &second), 200, "the other one");
    assert_eq!(session_ids(env, "bob"), [ids[1]]);
    assert_fails(
        &env.run(&["session", "revoke", &ids[0].to_string(), "--user", "bob"]),
        3,
        "'bob' has no active session",
    );

    let all = env.json(&["session", "revoke", "--all", "--user", "bob"]);
    assert_eq!(all["ended"], 1);
    assert_eq!(all["logged_out"], false);
    assert_eq!(status_of(&server, &second), 401);
    assert_eq!(session_ids(env, "bob"), Vec::<i64>::new());
    let none = env.run(&["session", "revoke", "--all", "--user", "bob"]);
    assert_success(&none, &["session", "revoke"]);
    assert!(stderr(&none).contains("Ended 0 active sessions of bob"));

    // Bob, no admin, may see and end his own sessions, and no one else's.
    let bobs = log_in_bob(&server);
    let own = http_request("GET", &format!("{server}/v1/sessions"), Some(&bobs), None);
    assert_eq!(own.status, 200, "{}", own.body);
    assert_eq!(own.body[0]["current"], true, "{}", own.body);
    let me = env.me();
    let others = http_request(
        "GET",
        &format!("{server}/v1/sessions?user={me}"),
        Some(&bobs),
        None,
    );
    assert_eq!(others.status, 403, "{}", others.body);
    let body = serde_json::json!({ "user": me }).to_string();
    let end_others = http_request(
        "POST",
        &format!("{server}/v1/sessions/revoke-all"),
        Some(&bobs),
        Some(&body),
    );
    assert_eq!(end_others.status, 403, "{}", end_others.body);
    assert_fails(
        &env.run(&["session", "list", "--user", "nobody"]),
        3,
        "no user named 'nobody'",
    );
    let audit = env.json(&["audit"]);
    let actions: Vec<&str> = audit
        .as_array()
        .expect("audit")
        .iter()
        .filter_map(|entry| entry["action"].as_str())
        .filter(|action| action.starts_with("session."))
        .collect();
    assert_eq!(actions, ["session.revoke", "session.revoke"], "{audit}");
});

contract!(logout_ends_the_session_on_the_server_first, |env| {
    let Some(server) = env.server_url() else {
        let out = env.run(&["logout"]);
        assert_success(&out, &["logout"]);
        assert!(stderr(&out).contains("Not logged in"));
        assert_eq!(env.json(&["session", "list"]), serde_json::json!([]));
        return;
    };
    let listed = env.json(&["session", "list"]);
    let listed = listed.as_array().expect("a list");
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["current"], true);
    assert!(
        env.ok(&["session", "list"])
            .contains(&format!("{}*", listed[0]["id"])),
        "the current one is marked"
    );
    let status = env.json(&["status"]);
    let left = status["session_seconds_left"]
        .as_i64()
        .expect("seconds left");
    assert!((3500..=3600).contains(&left), "{status}");

    // A second login replaces the session: the first one's copy dies.
    let copied = env.session();
    env.login();
    let replacing = env.session();
    assert_ne!(copied, replacing);
    assert_eq!(status_of(&server, &copied), 401, "the replaced session");
    assert_eq!(status_of(&server, &replacing), 200);
    assert_eq!(
        env.json(&["session", "list"]).as_array().map(Vec::len),
        Some(1)
    );

    let out = env.run(&["logout"]);
    assert_success(&out, &["logout"]);
    assert_eq!(status_of(&server, &replacing), 401, "a copy after logout");

    // Ending all of your own sessions logs you out here too.
    env.login();
    let here = env.session();
    let ended = env.json(&["session", "revoke", "--all"]);
    assert_eq!(ended["ended"], 1);
    assert_eq!(ended["logged_out"], true);
    assert_eq!(status_of(&server, &here), 401);
    assert_fails(&env.run(&["whoami"]), 4, "not logged in");
});

/// Logging out of an ended session still forgets it and succeeds; a
/// server that cannot be reached leaves the command failing, with the copy
/// here gone and a word on how long the session still works.
fn logout_copes_with_an_ended_session_and_an_unreachable_server() {
    let mut env = TestEnv::with_backend(Backend::RemoteSqlite);
    let server = env.server_url().expect("server");
    let body = serde_json::json!({}).to_string();
    let ended = http_request(
        "POST",
        &format!("{server}/v1/sessions/revoke-all"),
        Some(&env.session()),
        Some(&body),
    );
    assert_eq!(ended.status, 200, "{}", ended.body);
    assert_eq!(ended.body["ended"], 1);
    let out = env.run(&["logout"]);
    assert_success(&out, &["logout"]);
    assert_eq!(stdout(&out), "");

    env.login();
    drop(env.server.take());
    assert_fails(&env.run(&["logout"]), 6, "the server did not end it");
    assert!(
        !env.root()
            .join("data/tokenctl/sessions/default.json")
            .exists()
    );
}

/// Hostile and odd requests to the session routes get clear 4xx answers.
fn the_session_routes_refuse_bad_input() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let server = env.server_url().expect("server");
    let session = env.session();
    for (method, path, body, expected) in [
        (
            "POST",
            "/v1/sessions/99999999999999999999999/revoke",
            None,
            400,
        ),
        ("POST", "/v1/sessions/-1/revoke", None, 404),
        ("POST", "/v1/sessions/abc/revoke", None, 400),
        ("POST", "/v1/sessions/revoke-all", Some("[]"), 400),
        (
            "POST",
            "/v1/sessions/revoke-all",
            Some(r#"{"user": 7}"#),
            400,
        ),
        (
            "POST",
            "/v1/sessions/revoke-all",
            Some(r#"{"extra": 1}"#),
            400,
        ),
        ("GET", "/v1/sessions?user=%1b%5b31m", None, 404),
        ("GET", "/v1/sessions?bogus=1", None, 400),
    ] {
        let answer = http_request(method, &format!("{server}{path}"), Some(&session), body);
        assert_eq!(answer.status, expected, "{method} {path}: {}", answer.body);
        assert!(
            answer.body["error"]["message"].is_string(),
            "{}",
            answer.body
        );
    }
    for path in ["/v1/logout", "/v1/sessions/revoke-all"] {
        let answer = http_request("POST", &format!("{server}{path}"), None, None);
        assert_eq!(answer.status, 401, "{path}: {}", answer.body);
    }
    // A token is not a session: logging out with one ends nothing.
    let secret = env.create(&["ci"]);
    let answer = http_request("POST", &format!("{server}/v1/logout"), Some(&secret), None);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["ended"], 0);
    assert_eq!(status_of(&server, &session), 200);
}

/// The finality guarantee for sessions: once `logout` or `session revoke`
/// returns on one replica, the other refuses the session, though it had
/// just accepted (and remembered) it.
fn an_ended_session_is_refused_by_every_replica_at_once() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let replica = env.start_replica();
    env.add_user_with_password("bob", "developer", BOB_PASSWORD);
    let server = env.server_url().expect("server");

    let logged_out = log_in_bob(replica.url());
    assert_eq!(status_of(replica.url(), &logged_out), 200);
    assert_eq!(status_of(replica.url(), &logged_out), 200, "remembered");
    let out = http_request(
        "POST",
        &format!("{server}/v1/logout"),
        Some(&logged_out),
        None,
    );
    assert_eq!(out.status, 200, "{}", out.body);
    assert_eq!(out.body["ended"], 1);
    assert_eq!(status_of(replica.url(), &logged_out), 401, "after logout");

    let revoked = log_in_bob(replica.url());
    assert_eq!(status_of(replica.url(), &revoked), 200);
    let id = session_ids(&env, "bob")[0];
    env.ok(&["session", "revoke", &id.to_string(), "--user", "bob"]);
    assert_eq!(status_of(replica.url(), &revoked), 401, "after revoke");
}

/// The local CLI and a server share one SQLite file: a session the local
/// admin ends is refused by the server before the command returns.
fn the_local_cli_ends_a_session_a_server_over_the_same_file_accepts() {
    let env = TestEnv::new();
    env.add_user_with_password("bob", "developer", BOB_PASSWORD);
    let (server, _shared) = bobs_server(&env);
    let session = log_in_bob(&server);
    assert_eq!(status_of(&server, &session), 200);
    assert_eq!(status_of(&server, &session), 200, "remembered");
    env.ok(&["session", "revoke", "--all", "--user", "bob"]);
    assert_eq!(status_of(&server, &session), 401);
}

/// Profiles, as gh's `auth status` / `auth switch`: listed with their
/// sessions, switched, removed (ending the session on the server), and no
/// silent switch — a login that takes over says so, and a command that
/// falls back to the local store says so.
fn profiles_are_listed_switched_and_removed_without_silent_switches() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let url = env.server_url().expect("url");
    let listed = env.json(&["profile", "list"]);
    assert_eq!(listed[0]["name"], "default");
    assert_eq!(listed[0]["current"], true);
    assert!(listed[0]["session_expires_at"].is_string(), "{listed}");

    let other = env.run_with_stdin(
        &[
            "login",
            "--server",
            &url,
            "--profile",
            "other",
            "--password-stdin",
            "--insecure-storage",
        ],
        format!("{}\n", common::ADMIN_PASSWORD),
    );
    assert_success(&other, &["login", "--profile", "other"]);
    assert!(
        stderr(&other).contains("Commands now go to profile other instead of default"),
        "{}",
        stderr(&other)
    );
    let table = env.ok(&["profile", "list"]);
    let current: Vec<&str> = table.lines().filter(|line| line.starts_with('*')).collect();
    assert_eq!(current.len(), 1, "{table}");
    assert!(
        current[0].contains("other") && current[0].contains("until in"),
        "{table}"
    );

    let used = env.run(&["profile", "use", "default"]);
    assert_success(&used, &["profile", "use", "default"]);
    assert_eq!(env.json(&["status"])["profile"], "default");
    let missing = env.run(&["profile", "use", "nosuch"]);
    assert_fails(&missing, 3, "there is no profile named 'nosuch'");
    assert!(stderr(&missing).contains("the profiles are default, other"));

    // Removing a profile ends its session on the server first.
    let path = env.root().join("data/tokenctl/sessions/other.json");
    let stored: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("session file")).expect("json");
    let session = stored["session"].as_str().expect("session").to_owned();
    assert_eq!(status_of(&url, &session), 200);
    assert_success(&env.run(&["profile", "rm", "other"]), &["profile", "rm"]);
    assert_eq!(
        status_of(&url, &session),
        401,
        "the removed profile's session ended"
    );
    assert!(!path.exists());
    let names = env.json(&["profile", "list"]);
    assert_eq!(names.as_array().map(Vec::len), Some(1), "{names}");

    // After logging out of the current profile, a command that falls back
    // to the local store says so.
    env.ok(&["logout"]);
    let local = env.run(&["list"]);
    assert_success(&local, &["list"]);
    assert!(
        stderr(&local).contains("no profile is current, so this uses the local store at"),
        "{}",
        stderr(&local)
    );
    // Removing the last profile says so then, since no later command can.
    let removed = env.run(&["profile", "remove", "default"]);
    assert_success(&removed, &["profile", "remove", "default"]);
    assert!(
        stderr(&removed).contains("No profile is current, so commands now use the local store at"),
        "{}",
        stderr(&removed)
    );
}

/// A second login on one profile, as another user, in a file (the only
/// storage under CI): the old session ends on the server, and the new one,
/// written where the old one was, stays.
fn a_login_as_another_user_on_the_same_profile_keeps_its_session() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    env.add_user_with_password("bob", "developer", "bob's own password");
    let root_session = env.session();
    let me = env.me();
    let output = env.login_as(Some("bob"), "bob's own password\n");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!(
            "Profile default is now bob on {}",
            env.server_url().expect("url")
        )),
        "no word that the profile changed hands: {}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains(&format!("instead of {me}")),
        "{}",
        stderr(&output)
    );
    assert_eq!(env.ok(&["whoami", "--field", "user"]), "bob\n");
    let profiles = env.json(&["profile", "list"]);
    assert_eq!(profiles[0]["user"], "bob", "{profiles}");
    // The session it replaced was ended on the server.
    let (status, _) = env.http("GET", "/v1/me", Some(&root_session), None);
    assert_eq!(status, 401);
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        vec![
            test!(profiles_are_listed_switched_and_removed_without_silent_switches),
            test!(a_login_as_another_user_on_the_same_profile_keeps_its_session),
            test!(logout_copes_with_an_ended_session_and_an_unreachable_server),
            test!(the_session_routes_refuse_bad_input),
            test!(an_ended_session_is_refused_by_every_replica_at_once),
            test!(the_local_cli_ends_a_session_a_server_over_the_same_file_accepts),
        ],
        an_admin_sees_and_ends_a_users_sessions::tests(),
        logout_ends_the_session_on_the_server_first::tests(),
    ]
    .concat()
}
