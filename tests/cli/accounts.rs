//! Accounts over years, through the CLI and raw HTTP: editing and removing
//! users, one-time passwords at login, recovery codes, a lost authenticator
//! reset end to end, and a server that requires 2FA.

use std::io::{BufRead, Write};
use std::process::{Output, Stdio};

use crate::common;

use common::{
    ADMIN_PASSWORD, Backend, TestEnv, assert_fails, assert_success, http_login, http_request,
    stderr, stdout, totp_code,
};
use serde_json::json;

const BOB_PASSWORD: &str = "bob's long password";

contract!(
    users_are_edited_listed_and_removed_with_their_tokens,
    |env| {
        env.add_user_with_password("bob", "developer", BOB_PASSWORD);
        let secret = env.create(&["deploy", "--for", "bob"]);
        let session = env
            .server_url()
            .map(|url| http_login(&url, "bob", BOB_PASSWORD));

        // Edit: an address, checked; nothing to change is a mistake.
        let edited = env.json(&["user", "edit", "bob", "--email", "bob@example.com"]);
        assert_eq!(edited["email"], "bob@example.com");
        assert_fails(
            &env.run(&["user", "edit", "bob", "--email", "not-an-address"]),
            2,
            "is not an email address",
        );
        assert_fails(&env.run(&["user", "edit", "bob"]), 2, "nothing to change");

        // List: email, 2FA, last login and status, in the table and in JSON.
        let table = env.ok(&["user", "list"]);
        let header = table.lines().next().expect("header");
        for column in ["EMAIL", "2FA", "LAST LOGIN", "STATUS"] {
            assert!(header.contains(column), "{table}");
        }
        let bobs_row = table
            .lines()
            .find(|line| line.contains(" bob "))
            .expect("bob's row");
        assert!(bobs_row.contains("bob@example.com") && bobs_row.contains(" off "));
        let listed = env.json(&["user", "list"]);
        let bob = listed
            .as_array()
            .expect("users")
            .iter()
            .find(|user| user["name"] == "bob")
            .expect("bob")
            .clone();
        assert_eq!(bob["two_factor"], false);
        // On a server bob has logged in and chosen his password; a local store
        // has no logins, so his stays one-time.
        assert_eq!(bob["password_change_required"], env.server_url().is_none());
        assert_eq!(bob["last_login_at"].is_string(), env.server_url().is_some());

        // Remove: asked first, then everything of bob's ends at once.
        assert_fails(
            &env.run(&["user", "remove", "bob"]),
            2,
            "refusing to go on without confirmation",
        );
        let removed = env.json(&["user", "remove", "bob", "--yes"]);
        assert_eq!(removed["tokens_revoked"], 1, "{removed}");
        assert_eq!(
            removed["sessions_ended"],
            u64::from(session.is_some()),
            "{removed}"
        );
        let verified = env.run_with_stdin(&["verify"], format!("{secret}\n"));
        assert!(!verified.status.success(), "{}", stdout(&verified));
        if let (Some(session), Some(url)) = (&session, env.server_url()) {
            let me = http_request("GET", &format!("{url}/v1/me"), Some(session), None);
            assert_eq!(me.status, 401, "a removed user's session ends at once");
        }
        let names = |users: serde_json::Value| -> Vec<String> {
            users
                .as_array()
                .expect("users")
                .iter()
                .map(|user| user["name"].as_str().expect("name").to_owned())
                .collect()
        };
        assert!(!names(env.json(&["user", "list"])).contains(&"bob".to_owned()));
        assert!(names(env.json(&["user", "list", "--removed"])).contains(&"bob".to_owned()));
        assert_fails(
            &env.run(&["user", "add", "bob"]),
            5,
            "belonged to a removed user",
        );
        let audit = env.json(&["audit"]);
        assert!(
            audit
                .as_array()
                .expect("audit")
                .iter()
                .any(|entry| entry["action"] == "user.remove"),
            "{audit}"
        );

        // The last account that can manage users stays.
        let me = env.me();
        let refused = env.run(&["user", "remove", &me, "--yes"]);
        assert_fails(&refused, 5, "the last account that can manage users");
        assert!(stderr(&refused).contains("tokenctl user set-role"));

        // A 2FA reset works on every backend; the list says the user re-enrols.
        env.ok(&["user", "add", "carol"]);
        env.ok(&["user", "reset-2fa", "carol"]);
        let carols_row = env
            .ok(&["user", "list"])
            .lines()
            .find(|line| line.contains(" carol "))
            .map(str::to_owned)
            .expect("carol's row");
        assert!(carols_row.contains(" reset "), "{carols_row}");
        assert_fails(
            &env.run(&["user", "reset-2fa", &me]),
            5,
            "you cannot reset your own 2FA",
        );
    }
);

contract!(
    roles_are_edited_and_removed_and_their_holders_follow_at_once,
    |env| {
        env.ok(&[
            "role",
            "add",
            "writers",
            "-p",
            "api:read",
            "-p",
            "api:write",
        ]);
        env.add_user_with_password("bob", "writers", BOB_PASSWORD);
        env.create(&["deploy", "--for", "bob"]);
        let session = env
            .server_url()
            .map(|url| (http_login(&url, "bob", BOB_PASSWORD), url));
        let holders = || {
            let token = env.json(&["show", "deploy"]);
            let session = session.as_ref().map(|(session, url)| {
                http_request("GET", &format!("{url}/v1/me"), Some(session), None).body
                    ["permissions"]
                    .clone()
            });
            (token["effective_permissions"].clone(), session)
        };

        // Lowering lowers bob's session and token at once.
        let edited = env.json(&[
            "role",
            "edit",
            "writers",
            "--remove-permission",
            "api:write",
            "--description",
            "reads the API",
        ]);
        assert_eq!(edited["permissions"], json!(["api:read"]));
        assert_eq!(edited["description"], "reads the API");
        let (token, session_permissions) = holders();
        assert_eq!(token, json!(["api:read"]));
        if let Some(permissions) = session_permissions {
            assert_eq!(permissions, json!(["api:read"]));
        }
        assert!(
            env.ok(&["list", "--owner", "bob"])
                .contains("writers (reduced)")
        );

        // Raising raises bob; his token gets back its grant, never more.
        let said = env.run(&[
            "role",
            "edit",
            "writers",
            "--add-permission",
            "api:write",
            "--add-permission",
            "tokens:read",
        ]);
        assert!(
            stderr(&said)
                .contains("Edited role 'writers': it grants api:read, api:write, tokens:read"),
            "{}",
            stderr(&said)
        );
        let (token, session_permissions) = holders();
        assert_eq!(token, json!(["api:read", "api:write"]));
        if let Some(permissions) = session_permissions {
            assert_eq!(permissions, json!(["api:read", "api:write", "tokens:read"]));
        }

        // Mistakes change nothing.
        for (args, code, needle) in [
            (&["role", "edit", "writers"][..], 2, "nothing to change"),
            (
                &[
                    "role",
                    "edit",
                    "writers",
                    "--add-permission",
                    "api:read",
                    "--remove-permission",
                    "api:read",
                ],
                2,
                "api:read is both added and removed",
            ),
            (
                &[
                    "role",
                    "edit",
                    "writers",
                    "--remove-permission",
                    "api:read",
                    "--remove-permission",
                    "api:write",
                    "--remove-permission",
                    "tokens:read",
                ],
                2,
                "a role needs at least one permission",
            ),
            (
                &["role", "edit", "developer", "--add-permission", "api:read"],
                5,
                "built-in role",
            ),
            (
                &["role", "edit", "ghost", "--description", "x"],
                3,
                "no role named 'ghost'",
            ),
            (&["role", "remove", "writers"], 5, "--reassign"),
            (
                &["role", "remove", "writers", "--reassign", "writers"],
                2,
                "the role being removed",
            ),
            (
                &["role", "remove", "writers", "--reassign", "ghost"],
                2,
                "no role named 'ghost'",
            ),
        ] {
            assert_fails(&env.run(args), code, needle);
        }
        assert_eq!(
            env.json(&["role", "show", "writers"])["permissions"],
            json!(["api:read", "api:write", "tokens:read"])
        );

        // Removing moves bob and the token's label; the token keeps its grant.
        let removed = env.json(&["role", "remove", "writers", "--reassign", "connector"]);
        assert_eq!(
            removed,
            json!({ "removed": "writers", "reassigned_to": "connector", "users_moved": 1, "tokens_moved": 1 })
        );
        let token = env.json(&["show", "deploy"]);
        assert_eq!(token["role"], "connector");
        assert_eq!(token["permissions"], json!(["api:read", "api:write"]));
        assert_eq!(token["effective_permissions"], json!([]));
        if let Some((session, url)) = &session {
            let me = http_request("GET", &format!("{url}/v1/me"), Some(session), None).body;
            assert_eq!(me["user"]["role"], "connector");
            assert_eq!(me["permissions"], json!(["files:upload"]));
        }
        assert_fails(
            &env.run(&["role", "show", "writers"]),
            3,
            "no role named 'writers'",
        );
        env.ok(&["role", "add", "spare", "-p", "api:read"]);
        let said = env.run(&["role", "remove", "spare"]);
        assert_success(&said, &["role", "remove", "spare"]);
        assert_eq!(stderr(&said).trim(), "✓ Removed role 'spare'");
        let audit = env.ok(&["audit"]);
        for detail in [
            "edited role 'writers': removed api:write; changed its description",
            "removed role 'writers', moving its users and tokens to connector",
        ] {
            assert!(audit.contains(detail), "{detail} in {audit}");
        }
    }
);

/// `tokenctl login` on its own profile for `name`, with `stdin` (the
/// password and whatever follows).
fn login_as(env: &TestEnv, name: &str, stdin: String) -> Output {
    let server = env.server_url().expect("server");
    env.run_with_stdin(
        &[
            "--profile",
            name,
            "login",
            "--server",
            &server,
            "--username",
            name,
            "--password-stdin",
            "--insecure-storage",
        ],
        stdin,
    )
}

/// Runs `tokenctl [profile…] 2fa enable --code-stdin`, answering with a code
/// from the secret it prints: the secret, and the finished run.
fn enable_2fa(env: &TestEnv, profile: &[&str]) -> (String, Output) {
    let mut args = profile.to_vec();
    args.extend(["2fa", "enable", "--code-stdin"]);
    let mut child = env
        .std_cmd(common::binary(), &args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tokenctl 2fa enable");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut url = String::new();
    stdout.read_line(&mut url).expect("otpauth url");
    let secret = url
        .split("secret=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .unwrap_or_else(|| panic!("no secret in {url:?}"))
        .to_owned();
    let mut stdin = child.stdin.take().expect("stdin");
    writeln!(stdin, "{}", totp_code(&secret, 0)).expect("code");
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).expect("the rest of stdout");
    let mut output = child.wait_with_output().expect("wait");
    output.stdout = rest.into_bytes();
    (secret, output)
}

/// The recovery codes `2fa enable` printed.
fn recovery_codes(output: &Output) -> Vec<String> {
    stdout(output)
        .lines()
        .map(str::trim)
        .filter(|line| line.len() == 19 && line.matches('-').count() == 3)
        .map(str::to_owned)
        .collect()
}

/// A 6-digit code none of the authenticator's current ones is.
fn wrong_code(secret: &str) -> String {
    let valid: Vec<String> = (-1..=1).map(|step| totp_code(secret, step)).collect();
    (0..)
        .map(|n| format!("{n:06}"))
        .find(|code| !valid.contains(code))
        .expect("a wrong code")
}

fn a_lost_authenticator_is_reset_and_the_user_enrols_again() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let bob = ["--profile", "bob"];
    // Bob's login became the current profile: the admin's is `default`.
    fn as_bob<'a>(args: &[&'a str]) -> Vec<&'a str> {
        [&["--profile", "bob"][..], args].concat()
    }
    fn as_admin<'a>(args: &[&'a str]) -> Vec<&'a str> {
        [&["--profile", "default"][..], args].concat()
    }
    env.add_user_with_password("bob", "developer", BOB_PASSWORD);
    assert_success(
        &login_as(&env, "bob", format!("{BOB_PASSWORD}\n")),
        &["login"],
    );

    // Enrolment shows ten recovery codes once.
    let (_, enabled) = enable_2fa(&env, &bob);
    assert_success(&enabled, &["2fa", "enable"]);
    let codes = recovery_codes(&enabled);
    assert_eq!(codes.len(), 10, "{}", stdout(&enabled));
    let status = env.json(&as_bob(&["2fa", "status"]));
    assert_eq!(status["enabled"], true);
    assert_eq!(status["recovery_codes_left"], 10);

    // A recovery code stands in for the authenticator, once.
    let with_code = |code: &str| format!("{BOB_PASSWORD}\n{code}\n");
    assert_success(&login_as(&env, "bob", with_code(&codes[0])), &["login"]);
    assert_eq!(
        env.json(&as_bob(&["2fa", "status"]))["recovery_codes_left"],
        9
    );
    assert_fails(
        &login_as(&env, "bob", with_code(&codes[0])),
        4,
        "already used",
    );

    // The authenticator is lost: an admin resets it; bob's session ends.
    let reset = env.json(&as_admin(&["user", "reset-2fa", "bob"]));
    assert_eq!(reset["two_factor_enrolment_required"], true);
    assert_fails(&env.run(&as_bob(&["list"])), 4, "");

    // The password alone now opens a session that may only enrol.
    assert_success(
        &login_as(&env, "bob", format!("{BOB_PASSWORD}\n")),
        &["login"],
    );
    let refused = env.run(&as_bob(&["list"]));
    assert_fails(&refused, 4, "may only set up 2FA");
    assert!(stderr(&refused).contains("tokenctl 2fa enable"));
    let (secret, enrolled) = enable_2fa(&env, &bob);
    assert_success(&enrolled, &["2fa", "enable"]);
    assert!(
        stderr(&enrolled).contains("has ended: log in again with a code"),
        "{}",
        stderr(&enrolled)
    );
    let new_codes = recovery_codes(&enrolled);
    assert_eq!(new_codes.len(), 10);
    assert!(!new_codes.contains(&codes[1]), "the old codes are gone");
    assert_fails(
        &login_as(&env, "bob", format!("{BOB_PASSWORD}\n")),
        4,
        "needs a 2FA code",
    );
    assert_success(
        &login_as(&env, "bob", with_code(&totp_code(&secret, 1))),
        &["login"],
    );
    env.ok(&as_bob(&["list"]));

    // Off again: never with a wrong code, with a recovery code.
    assert_fails(
        &env.run_with_stdin(
            &as_bob(&["2fa", "disable", "--code-stdin"]),
            format!("{}\n", wrong_code(&secret)),
        ),
        4,
        "wrong or already used 2FA code",
    );
    let off = env.run_with_stdin(
        &as_bob(&["2fa", "disable", "--code-stdin"]),
        format!("{}\n", new_codes[0]),
    );
    assert_success(&off, &["2fa", "disable"]);
    assert_eq!(env.json(&as_bob(&["2fa", "status"]))["enabled"], false);

    let audit = env.json(&as_admin(&["audit"]));
    let actions: Vec<&str> = audit
        .as_array()
        .expect("audit")
        .iter()
        .filter(|entry| entry["actor"] == "bob")
        .filter_map(|entry| entry["action"].as_str())
        .collect();
    for action in ["user.totp.enable", "user.totp.disable", "login.failed"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    assert!(
        audit
            .as_array()
            .expect("audit")
            .iter()
            .any(|entry| entry["action"] == "user.totp.reset"),
        "{audit}"
    );
}

fn a_first_login_with_a_one_time_password_chooses_the_users_own() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let one_time = env.ok(&["user", "add", "dora"]);
    let one_time = one_time.trim();
    assert_fails(
        &login_as(&env, "dora", format!("{one_time}\n")),
        4,
        "works once",
    );
    assert_fails(
        &login_as(&env, "dora", format!("{one_time}\n{one_time}\n")),
        2,
        "the new password is the one-time one",
    );
    let chosen = login_as(&env, "dora", format!("{one_time}\ndora's own password\n"));
    assert_success(&chosen, &["login"]);
    assert!(stderr(&chosen).contains("Your new password is set"));
    assert_fails(
        &login_as(&env, "dora", format!("{one_time}\n")),
        4,
        "wrong username or password",
    );
    assert_success(
        &login_as(&env, "dora", "dora's own password\n".to_owned()),
        &["login"],
    );
}

fn a_server_that_requires_2fa_lets_a_password_only_login_only_enrol() {
    let env = TestEnv::with_server_flags(Backend::RemoteSqlite, &["--require-2fa"]);
    // The admin's login had no code: it may only enrol.
    assert_fails(&env.run(&["create", "deploy"]), 4, "may only set up 2FA");
    let me = env.json(&["whoami"]);
    assert!(me.is_object(), "{me}");
    let (secret, enrolled) = enable_2fa(&env, &[]);
    assert_success(&enrolled, &["2fa", "enable"]);
    assert!(stderr(&enrolled).contains("log in again with a code"));
    let login = env.login_as(
        None,
        &format!("{ADMIN_PASSWORD}\n{}\n", totp_code(&secret, 1)),
    );
    assert_success(&login, &["login"]);
    env.ok(&["create", "deploy"]);
    assert_fails(
        &env.run_with_stdin(
            &["2fa", "disable", "--code-stdin"],
            format!("{}\n", totp_code(&secret, 0)),
        ),
        4,
        "requires 2FA on every account",
    );
}

/// On a terminal, `2fa enable` shows the secret as a QR code to scan; a
/// script (no terminal) gets the URL alone.
fn two_factor_enable_shows_a_qr_code_on_a_terminal() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    // Three wrong codes: it gives up after its three tries.
    let shown = env.in_terminal("2fa enable", "000000\n000000\n000000\n");
    assert!(shown.contains("otpauth://totp/"), "{shown}");
    assert!(
        shown.contains('▀') || shown.contains('▄'),
        "no QR code in {shown}"
    );
    let (_, scripted) = enable_2fa(&env, &[]);
    let printed = format!("{}{}", stdout(&scripted), stderr(&scripted));
    assert!(
        !printed.contains('▀') && !printed.contains('▄'),
        "{printed}"
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        vec![
            test!(a_lost_authenticator_is_reset_and_the_user_enrols_again),
            test!(a_first_login_with_a_one_time_password_chooses_the_users_own),
            test!(a_server_that_requires_2fa_lets_a_password_only_login_only_enrol),
            test!(two_factor_enable_shows_a_qr_code_on_a_terminal),
        ],
        users_are_edited_listed_and_removed_with_their_tokens::tests(),
        roles_are_edited_and_removed_and_their_holders_follow_at_once::tests(),
    ]
    .concat()
}
