//! Finality and second factors.

use super::*;

fn a_disabled_users_sessions_and_access_tokens_end_for_good() {
    for env in TestEnv::servers() {
        let api = Api::new(&env);
        let session = api.user("bob", "developer");
        let pat = api.token(&session, "bobs");
        let from_session = api.access_token(&session, None);
        let from_pat = api.access_token(&pat, None);
        let all = [
            ("session", &session),
            ("PAT", &pat),
            ("access token from the session", &from_session),
            ("access token from the PAT", &from_pat),
        ];
        for (what, credential) in all {
            assert_eq!(api.status("GET", "/v1/me", credential, None), 200, "{what}");
        }
        api.admin("POST", "/v1/users/bob/disable", None);
        for (what, credential) in all {
            assert_eq!(
                api.status("GET", "/v1/me", credential, None),
                401,
                "{what} while disabled"
            );
        }
        api.admin("POST", "/v1/users/bob/enable", None);
        assert_eq!(
            api.status("GET", "/v1/me", &pat, None),
            200,
            "a PAT was only suspended"
        );
        for (what, credential) in all.iter().filter(|(what, _)| *what != "PAT") {
            assert_eq!(
                api.status("GET", "/v1/me", credential, None),
                401,
                "{what} after enable: ended for good"
            );
        }
        let again = http_login(&api.url, "bob", PASSWORD);
        assert_eq!(api.status("GET", "/v1/me", &again, None), 200);
    }
}

fn replacing_a_second_factor_needs_a_code_from_the_current_one() {
    for env in TestEnv::servers() {
        let api = Api::new(&env);
        let session = api.user("bob", "developer");
        let first = enroll(&api, &session, None);
        let login = |code: &str| {
            let body = json!({ "username": "bob", "password": PASSWORD, "totp_code": code });
            http_request(
                "POST",
                &format!("{}/v1/login", api.url),
                None,
                Some(&body.to_string()),
            )
            .status
        };

        let answer = api.call("POST", "/v1/me/totp", &session, None);
        assert_eq!(answer.status, 401, "{}", answer.body);
        assert_eq!(answer.body["error"]["kind"], "second_factor_required");
        let wrong = json!({ "current_code": "000000" });
        let answer = api.call("POST", "/v1/me/totp", &session, Some(wrong));
        assert_eq!(answer.status, 401, "{}", answer.body);
        let confirm = json!({ "code": "123456" });
        let answer = api.call("POST", "/v1/me/totp/confirm", &session, Some(confirm));
        assert_eq!(
            (answer.status, answer.body["error"]["message"].clone()),
            (409, json!("no 2FA enrolment is pending")),
            "the refused attempts left no pending secret behind"
        );

        // A code from the first authenticator proves the account's owner.
        let second = enroll(&api, &session, Some(&totp_code(&first, 1)));
        assert_eq!(
            login(&totp_code(&first, 1)),
            401,
            "the old authenticator is out"
        );
        assert_eq!(login(&totp_code(&second, 1)), 200);

        let audit = api.admin("GET", "/v1/audit", None);
        let actions: Vec<&str> = audit
            .as_array()
            .expect("audit")
            .iter()
            .filter(|entry| entry["actor"] == "bob")
            .map(|entry| entry["action"].as_str().expect("action"))
            .collect();
        for action in [
            "user.totp.enable",
            "user.totp.verify",
            "user.totp.replace.begin",
            "user.totp.replace",
        ] {
            assert!(actions.contains(&action), "{action} in {actions:?}");
        }
        assert!(
            audit
                .as_array()
                .expect("audit")
                .iter()
                .any(|entry| entry["action"] == "login.failed"
                    && entry["detail"] == "wrong 2FA code to replace 2FA"),
            "a wrong current code counts as a failed login"
        );
    }
}

/// Enrols a new TOTP secret for the session's user (proving the current
/// one with `current`) and returns it.
pub(crate) fn enroll(api: &Api<'_>, session: &str, current: Option<&str>) -> String {
    let body = current.map(|code| json!({ "current_code": code }));
    let answer = api.call("POST", "/v1/me/totp", session, body);
    assert_eq!(answer.status, 200, "{}", answer.body);
    let secret = answer.body["secret"].as_str().expect("secret").to_owned();
    let confirm = json!({ "code": totp_code(&secret, 0) });
    let answer = api.call("POST", "/v1/me/totp/confirm", session, Some(confirm));
    assert_eq!(answer.status, 200, "{}", answer.body);
    secret
}

fn two_factor_enable_on_the_cli_asks_for_the_current_code_first() {
    use std::io::{BufRead, Write};
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let api = Api::new(&env);
    let first = enroll(&api, &api.admin, None);
    let mut child = env
        .std_cmd(common::binary(), &["2fa", "enable", "--code-stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("tokenctl 2fa enable");
    let mut stdin = child.stdin.take().expect("stdin");
    writeln!(stdin, "{}", totp_code(&first, 1)).expect("current code");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut url = String::new();
    stdout.read_line(&mut url).expect("otpauth url");
    let secret = url
        .split("secret=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .unwrap_or_else(|| panic!("no secret in {url:?}"))
        .to_owned();
    // A mistyped code first: the same secret takes the next one.
    let valid: Vec<String> = (-1..=1).map(|step| totp_code(&secret, step)).collect();
    let mistyped = (0..)
        .map(|n| format!("{n:06}"))
        .find(|code| !valid.contains(code))
        .expect("a wrong code");
    writeln!(stdin, "{mistyped}").expect("mistyped code");
    writeln!(stdin, "{}", totp_code(&secret, 0)).expect("new code");
    drop(stdin);
    let output = child.wait_with_output().expect("wait");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("does not match the new 2FA secret; try the next code"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("2FA is on"));

    // Without a current code, nothing is replaced.
    let output = env.run_with_stdin(&["2fa", "enable", "--code-stdin"], "");
    assert_fails(
        &output,
        2,
        "no code on stdin (Code from your current authenticator (or a recovery code))",
    );
}

contract!(
    a_token_for_another_user_gets_their_role_and_follows_it,
    |env| {
        env.ok(&["user", "add", "vend", "--role", "connector"]);
        let created = env.json(&["create", "vend-tok", "--for", "vend", "--expires", "1d"]);
        assert_eq!(created["role"], "connector", "the owner's role by default");
        assert_eq!(created["permissions"], json!(["files:upload"]));
        assert_eq!(created["stripped_permissions"], json!([]));

        let output = env.run(&[
            "create", "wide", "--for", "vend", "--role", "admin", "--json",
        ]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let wide: Value = serde_json::from_slice(&output.stdout).expect("json");
        assert_eq!(wide["permissions"], json!(["files:upload"]));
        assert_eq!(
            wide["stripped_permissions"].as_array().map(Vec::len),
            Some(Permission::ALL.len() - 1)
        );
        assert!(
            stderr(&output).contains("which you or vend don't have"),
            "{}",
            stderr(&output)
        );
        let shown = env.ok(&["show", "wide"]);
        assert!(shown.contains("admin (reduced)"), "{shown}");
        assert!(
            shown.contains("at creation: its creator or owner lacked them"),
            "{shown}"
        );

        // README's example: a developer's token, for a developer.
        env.ok(&["user", "add", "alice", "--role", "developer"]);
        let vendor = env.json(&["create", "vendor-x", "--for", "alice"]);
        assert_eq!(vendor["role"], "developer");
        assert!(
            !vendor["permissions"]
                .as_array()
                .expect("permissions")
                .contains(&json!("users:manage"))
        );

        // Lowering alice's role lowers her token at once.
        env.ok(&["user", "set-role", "alice", "connector"]);
        let lowered = env.json(&["show", "vendor-x"]);
        assert_eq!(lowered["effective_permissions"], json!(["files:upload"]));
        assert_eq!(
            lowered["permissions"], vendor["permissions"],
            "the grant is kept"
        );
        let shown = env.ok(&["show", "vendor-x"]);
        assert!(
            shown.contains("its owner's role no longer has them"),
            "{shown}"
        );
        let listed = env.ok(&["list", "--owner", "alice"]);
        assert!(listed.contains("developer (reduced)"), "{listed}");
        env.ok(&["user", "set-role", "alice", "developer"]);
        assert_eq!(
            env.json(&["show", "vendor-x"])["effective_permissions"],
            vendor["permissions"],
            "raising the role back restores the token's grant, never more"
        );
    }
);

fn whoami_and_the_api_use_the_owners_current_role() {
    for env in TestEnv::servers() {
        env.ok(&["user", "add", "vend", "--role", "developer"]);
        let secret = env.create(&["vend-tok", "--for", "vend"]);
        let whoami = |args: &[&str]| {
            let output = env
                .cmd(args)
                .env("TOKENCTL_TOKEN", &secret)
                .output()
                .expect("run");
            assert_eq!(code(&output), 0, "{}", stderr(&output));
            stdout(&output)
        };
        env.ok(&["user", "set-role", "vend", "connector"]);
        let me: Value =
            serde_json::from_str(&whoami(&["whoami", "--json"])).expect("whoami --json");
        assert_eq!(me["role"], "connector");
        assert_eq!(me["permissions"], json!(["files:upload"]));
        assert_eq!(me["withheld_permissions"], json!([]));
        let api = Api::new(&env);
        assert_eq!(
            api.status("GET", "/v1/tokens", &secret, None),
            403,
            "tokens:read went with the developer role"
        );

        let reader = env.create(&["reader", "--role", "support"]);
        let text = common::stdout(
            &env.cmd(&["whoami"])
                .env("TOKENCTL_TOKEN", &reader)
                .output()
                .expect("run"),
        );
        assert!(text.contains("Withheld"), "{text}");
        assert!(text.contains("was not granted them"), "{text}");
    }
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        vec![
            test!(a_disabled_users_sessions_and_access_tokens_end_for_good),
            test!(replacing_a_second_factor_needs_a_code_from_the_current_one),
            test!(two_factor_enable_on_the_cli_asks_for_the_current_code_first),
            test!(whoami_and_the_api_use_the_owners_current_role),
        ],
        a_token_for_another_user_gets_their_role_and_follows_it::tests(),
    ]
    .concat()
}
