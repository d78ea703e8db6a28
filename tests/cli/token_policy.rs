//! `tokenctl policy`: the token policy as data in the store — set, shown
//! and obeyed the same on the local store and through `serve` (SQLite and
//! PostgreSQL): refusals that name the rule and change nothing, the count
//! of active tokens, 2FA to create, `policy check`, and the config file's
//! `[policy]` section copied in once.

use crate::common;

use common::{ADMIN_PASSWORD, TestEnv, assert_fails, code, stderr, stdout, totp_code};
use serde_json::{Value, json};

fn days_between(from: &Value, to: &Value) -> i64 {
    let instant = |value: &Value| {
        chrono::DateTime::parse_from_rfc3339(value.as_str().expect("an instant")).expect("rfc3339")
    };
    (instant(to) - instant(from)).num_days()
}

fn token_count(env: &TestEnv) -> usize {
    env.json(&["list", "--status", "all"])
        .as_array()
        .expect("list")
        .len()
}

/// A refusal with exit code `exit` naming `rule`, after which the store
/// holds no more tokens than before.
fn assert_refused(env: &TestEnv, args: &[&str], exit: i32, rule: &str) {
    let before = token_count(env);
    assert_fails(&env.run(args), exit, rule);
    assert_eq!(token_count(env), before, "{args:?} changed nothing");
}

contract!(
    the_policy_is_set_shown_and_holds_for_create_and_regenerate,
    |env| {
        let defaults = env.json(&["policy", "show"]);
        assert_eq!(
            defaults,
            json!({
                "default_lifetime_seconds": 2_592_000,
                "allow_never": true,
                "create_requires_2fa": false,
                "max_active_tokens_per_user": null,
                "max_lifetimes": [],
            })
        );
        env.ok(&[
            "policy",
            "set",
            "--max-lifetime",
            "90d",
            "--type",
            "service",
            "--role",
            "developer",
        ]);
        env.ok(&["policy", "set", "--max-lifetime", "1y"]);
        let shown = env.ok(&["policy", "show"]);
        assert!(
            shown.contains("service tokens of role developer") && shown.contains("90d"),
            "{shown}"
        );
        // The rule that binds is named; nothing is made, nothing shortened.
        assert_refused(
            env,
            &[
                "create",
                "deploy",
                "--type",
                "service",
                "--role",
                "developer",
                "--expires",
                "400d",
            ],
            2,
            "service tokens of role developer may live at most 90d",
        );
        assert_refused(
            env,
            &["create", "laptop", "--expires", "400d"],
            2,
            "tokens may live at most 365d",
        );
        assert_refused(
            env,
            &["create", "laptop", "--expires", "never"],
            2,
            "tokens may live at most 365d",
        );
        let personal = env.json(&["create", "laptop", "--expires", "300d"]);
        assert_eq!(
            days_between(&personal["created_at"], &personal["expires_at"]),
            300
        );
        // Without --expires: the default, or the binding limit if shorter.
        env.ok(&["policy", "set", "--default-lifetime", "120d"]);
        let deploy = env.json(&[
            "create",
            "deploy",
            "--type",
            "service",
            "--role",
            "developer",
        ]);
        assert_eq!(
            days_between(&deploy["created_at"], &deploy["expires_at"]),
            90
        );
        // Regenerate is held to the same rules as create.
        let before = env.json(&["show", "deploy"]);
        assert_fails(
            &env.run(&["regenerate", "deploy", "--expires", "100d", "--yes"]),
            2,
            "service tokens of role developer may live at most 90d",
        );
        assert_eq!(
            env.json(&["show", "deploy"]),
            before,
            "a refusal changes nothing"
        );
        env.ok(&["regenerate", "deploy", "--expires", "60d", "--yes"]);

        // Lifting limits, forbidding never.
        env.ok(&["policy", "set", "--max-lifetime", "none"]);
        let never = env.json(&["create", "forever", "--expires", "never"]);
        assert_eq!(never["expires_at"], Value::Null);
        env.ok(&["policy", "set", "--allow-never", "no"]);
        assert_refused(
            env,
            &["create", "forever-2", "--expires", "never"],
            2,
            "tokens without expiry are not allowed here",
        );

        // What the tightened policy left behind, and exit 1 while it does.
        let check = env.run(&["policy", "check", "--json"]);
        assert_eq!(code(&check), 1, "{}", stderr(&check));
        let found: Value = serde_json::from_slice(&check.stdout).expect("json");
        let names: Vec<&str> = found["tokens"]
            .as_array()
            .expect("tokens")
            .iter()
            .map(|breach| breach["token"]["name"].as_str().expect("name"))
            .collect();
        assert_eq!(names, ["forever"], "{found}");
        assert_eq!(
            found["tokens"][0]["rule"],
            "tokens without expiry are not allowed here"
        );
        let table = env.run(&["policy", "check"]);
        assert_eq!(code(&table), 1);
        assert!(stdout(&table).contains("forever"), "{}", stdout(&table));
        env.ok(&["revoke", "forever", "--yes"]);
        assert_eq!(code(&env.run(&["policy", "check"])), 0);

        // The count of active tokens (laptop and deploy are active).
        let set = env.json(&["policy", "set", "--max-active-tokens", "2"]);
        assert_eq!(set["max_active_tokens_per_user"], 2);
        assert_refused(
            env,
            &["create", "third"],
            5,
            "the most the token policy allows",
        );
        env.ok(&["policy", "set", "--max-active-tokens", "1"]);
        let check: Value =
            serde_json::from_slice(&env.run(&["policy", "check", "--json"]).stdout).expect("json");
        assert_eq!(check["owners"][0]["active_tokens"], 2, "{check}");
        assert_eq!(check["owners"][0]["max"], 1, "{check}");

        // Bad changes are refused and change nothing.
        let now = env.json(&["policy", "show"]);
        assert_fails(&env.run(&["policy", "set"]), 2, "--max-lifetime");
        assert_fails(
            &env.run(&["policy", "set", "--max-lifetime", "9d", "--role", "nosuch"]),
            3,
            "no role named 'nosuch'",
        );
        assert_fails(
            &env.run(&["policy", "set", "--default-lifetime", "5m"]),
            2,
            "between 1h and 200 years",
        );
        assert_fails(
            &env.run(&["policy", "set", "--max-active-tokens", "0"]),
            2,
            "between 1 and 100000",
        );
        assert_fails(
            &env.run(&["policy", "set", "--type", "service"]),
            2,
            "--max-lifetime",
        );
        assert_eq!(env.json(&["policy", "show"]), now);

        // Every change is audited, saying what changed.
        let audited = env.json(&["audit", "--action", "policy.set"]);
        let details: Vec<&str> = audited
            .as_array()
            .expect("entries")
            .iter()
            .map(|entry| entry["detail"].as_str().expect("detail"))
            .collect();
        assert_eq!(details.len(), 7, "{details:?}");
        assert!(
            details.contains(&"max lifetime of service tokens of role developer 90d"),
            "{details:?}"
        );
    }
);

/// A change needs `policy:manage` and a person: a developer may read the
/// policy but not change or check it, and no token may change it, not even
/// an admin's.
fn changing_the_policy_needs_policy_manage_and_a_login() {
    for env in TestEnv::servers() {
        let server = env.server_url().expect("server");
        env.add_user_with_password("dev", "developer", "a developer's password");
        let dev = common::http_login(&server, "dev", "a developer's password");
        let change = json!({ "allow_never": false }).to_string();
        assert_eq!(env.http("GET", "/v1/policy", Some(&dev), None).0, 200);
        let (status, body) = env.http("PATCH", "/v1/policy", Some(&dev), Some(&change));
        assert_eq!(status, 403, "{body}");
        assert!(
            body["error"]["message"]
                .as_str()
                .expect("message")
                .contains("policy:manage"),
            "{body}"
        );
        assert_eq!(env.http("GET", "/v1/policy/check", Some(&dev), None).0, 403);
        let pat = env.create(&["admins-pat"]);
        let refused = env
            .cmd(&["policy", "set", "--allow-never", "no"])
            .env("TOKENCTL_TOKEN", &pat)
            .output()
            .expect("run");
        assert_fails(&refused, 4, "a token may not change the token policy");
        assert_eq!(env.json(&["policy", "show"])["allow_never"], true);
        let (status, body) = env.http("PATCH", "/v1/policy", None, Some(&change));
        assert_eq!(status, 401, "{body}");
        let (status, body) = env.http(
            "PATCH",
            "/v1/policy",
            Some(&env.session()),
            Some("{\"allow_never\": 1}"),
        );
        assert_eq!(status, 400, "{body}");
        let (status, body) = env.http(
            "PATCH",
            "/v1/policy",
            Some(&env.session()),
            Some(&json!({ "max_active_tokens_per_user": 99_999_999_999_u64 }).to_string()),
        );
        assert_eq!(status, 400, "{body}");
        assert_eq!(env.json(&["policy", "show"])["allow_never"], true);

        // A refusal over HTTP names the rule and the longest lifetime.
        env.ok(&["policy", "set", "--max-lifetime", "7d", "--type", "service"]);
        let create = json!({ "name": "svc", "type": "service", "expires": "8d" }).to_string();
        let (status, body) = env.http("POST", "/v1/tokens", Some(&env.session()), Some(&create));
        assert_eq!(status, 400, "{body}");
        assert_eq!(
            body["error"]["reason"],
            json!({ "code": "lifetime_too_long", "max_seconds": 7 * 86_400 })
        );
        assert!(
            body["error"]["message"]
                .as_str()
                .expect("message")
                .starts_with("service tokens may live at most 7d"),
            "{body}"
        );
    }
}

/// `--require-2fa yes`: a login without a second factor may no longer
/// create or regenerate a token; one with a code may. The local store's OS
/// user has no login to ask one of.
fn creating_a_token_can_need_a_login_with_2fa() {
    let local = TestEnv::new();
    local.ok(&["policy", "set", "--require-2fa", "yes"]);
    local.create(&["local-is-fine"]);
    for env in TestEnv::servers() {
        let made_before = env.json(&["create", "made-before"])["id"].clone();
        env.ok(&["policy", "set", "--require-2fa", "yes"]);
        assert_refused(
            &env,
            &["create", "no-code"],
            4,
            "needs a login with two-factor authentication",
        );
        let refused = env.run(&["create", "no-code"]);
        assert!(
            stderr(&refused).contains("tokenctl 2fa enable"),
            "the hint says what to do: {}",
            stderr(&refused)
        );
        assert_fails(
            &env.run(&["regenerate", "made-before", "--yes"]),
            4,
            "needs a login with two-factor authentication",
        );
        let without = json!({ "name": "without" }).to_string();
        let (status, body) = env.http("POST", "/v1/tokens", Some(&env.session()), Some(&without));
        assert_eq!(status, 403, "{body}");
        assert_eq!(body["error"]["reason"]["code"], "second_factor_required");
        // Enrol a second factor, then log in with a code.
        let session = env.session();
        let (status, enrollment) = env.http("POST", "/v1/me/totp", Some(&session), None);
        assert_eq!(status, 200, "{enrollment}");
        let secret = enrollment["secret"].as_str().expect("secret").to_owned();
        let confirm = json!({ "code": totp_code(&secret, -1) }).to_string();
        let (status, body) = env.http(
            "POST",
            "/v1/me/totp/confirm",
            Some(&session),
            Some(&confirm),
        );
        assert_eq!(status, 200, "{body}");
        let login = json!({
            "username": env.me(),
            "password": ADMIN_PASSWORD,
            "totp_code": totp_code(&secret, 0),
        })
        .to_string();
        let (status, body) = env.http("POST", "/v1/login", None, Some(&login));
        assert_eq!(status, 200, "{body}");
        let with_code = body["session"].as_str().expect("session").to_owned();
        let create = json!({ "name": "with-code" }).to_string();
        let (status, body) = env.http("POST", "/v1/tokens", Some(&with_code), Some(&create));
        assert_eq!(status, 200, "{body}");
        let regenerate = format!("/v1/tokens/{made_before}/regenerate");
        let (status, body) = env.http("POST", &regenerate, Some(&with_code), None);
        assert_eq!(status, 200, "{body}");
    }
}

/// The config file's `[policy]` is copied into a store that has none, once
/// and audited; after that the store's policy is the one that applies, and
/// the section is reported ignored until it is removed.
fn the_config_sections_policy_moves_into_the_store_once() {
    let env = TestEnv::new();
    let config = env.config_file();
    std::fs::create_dir_all(config.parent().expect("parent")).expect("mkdir");
    std::fs::write(
        &config,
        "[policy]\nmax_lifetime = \"90d\"\nallow_never = false\n",
    )
    .expect("write config");
    let first = env.run(&["policy", "show", "--json"]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    assert!(
        stderr(&first).contains("is now the store's token policy"),
        "{}",
        stderr(&first)
    );
    let policy: Value = serde_json::from_slice(&first.stdout).expect("json");
    assert_eq!(policy["allow_never"], false);
    assert_eq!(policy["max_lifetimes"][0]["max_seconds"], 90 * 86_400);
    let again = env.run(&["policy", "show"]);
    assert!(stderr(&again).contains("is the store's token policy already"));
    env.ok(&["policy", "set", "--max-lifetime", "30d"]);
    let ignored = env.run(&["create", "x", "--expires", "60d"]);
    assert_fails(&ignored, 2, "tokens may live at most 30d");
    assert!(
        stderr(&ignored).contains("is ignored"),
        "{}",
        stderr(&ignored)
    );
    std::fs::remove_file(&config).expect("remove the config");
    let quiet = env.run(&["policy", "show"]);
    assert!(!stderr(&quiet).contains("[policy]"), "{}", stderr(&quiet));
    let imports = env.json(&["audit", "--action", "policy.set", "--actor", "tokenctl"]);
    assert_eq!(imports.as_array().expect("entries").len(), 1, "{imports}");
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    let mut tests = the_policy_is_set_shown_and_holds_for_create_and_regenerate::tests();
    tests.extend([
        test!(changing_the_policy_needs_policy_manage_and_a_login),
        test!(creating_a_token_can_need_a_login_with_2fa),
        test!(the_config_sections_policy_moves_into_the_store_once),
    ]);
    tests
}
