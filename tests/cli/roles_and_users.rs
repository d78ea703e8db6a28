//! Roles are data and users own tokens: `tokenctl role …` and `tokenctl user …`.

use crate::common;

use common::{TestEnv, assert_fails, code, stdout};
use serde_json::json;
use tokenctl::model::Permission;

/// `role add --help` names every permission there is: the list is written
/// from the code, so a new permission shows up without anyone editing it.
fn role_add_help_names_every_permission() {
    let env = TestEnv::new();
    let output = env.run(&["role", "add", "--help"]);
    assert_eq!(code(&output), 0);
    let help = stdout(&output);
    for permission in Permission::ALL {
        assert!(
            help.contains(permission.as_str()),
            "{permission:?} in:\n{help}"
        );
    }
}

fn the_built_in_roles_ship_with_every_store() {
    let env = TestEnv::new();
    let roles = env.json(&["role", "list"]);
    let names: Vec<&str> = roles
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["admin", "connector", "developer", "support"]);
    let connector = env.json(&["role", "show", "connector"]);
    assert_eq!(connector["permissions"], json!(["files:upload"]));
    assert_eq!(connector["builtin"], true);
    let support = env.ok(&["role", "show", "support"]);
    assert!(support.contains("tokens:revoke-all") && support.contains("revoke any user's token"));
    assert_fails(
        &env.run(&["role", "show", "owner"]),
        3,
        "no role named 'owner'",
    );
}

fn custom_roles_can_be_added_used_and_removed() {
    let env = TestEnv::new();
    env.ok(&[
        "role",
        "add",
        "reader",
        "--permission",
        "api:read",
        "-p",
        "tokens:read",
        "--description",
        "read-only API access",
    ]);
    let reader = env.json(&["role", "show", "reader"]);
    assert_eq!(reader["permissions"], json!(["api:read", "tokens:read"]));
    assert_eq!(reader["builtin"], false);

    let token = env.json(&["create", "ro", "--role", "reader"]);
    assert_eq!(token["permissions"], json!(["api:read", "tokens:read"]));
    assert_fails(
        &env.run(&["role", "remove", "reader"]),
        5,
        "still held by 0 user(s) and 1 token(s)",
    );
    env.ok(&["revoke", "ro", "--yes"]);
    assert_fails(&env.run(&["role", "remove", "reader"]), 5, "1 token(s)");

    env.ok(&["role", "add", "temp", "-p", "api:read"]);
    env.ok(&["role", "remove", "temp"]);
    assert_fails(
        &env.run(&["role", "show", "temp"]),
        3,
        "no role named 'temp'",
    );
}

fn role_mistakes_are_refused() {
    let env = TestEnv::new();
    assert_fails(
        &env.run(&["role", "add", "typo", "-p", "api:reed"]),
        2,
        "unknown permission 'api:reed'",
    );
    assert_fails(&env.run(&["role", "add", "none"]), 2, "--permission");
    assert_fails(
        &env.run(&["role", "add", "admin", "-p", "api:read"]),
        5,
        "already exists",
    );
    assert_fails(&env.run(&["role", "remove", "support"]), 5, "built-in role");
    assert_eq!(
        env.json(&["role", "list"]).as_array().map(Vec::len),
        Some(4)
    );
}

fn the_first_user_of_a_store_is_its_admin() {
    let env = TestEnv::new();
    let users = env.json(&["user", "list"]);
    assert_eq!(users.as_array().map(Vec::len), Some(1));
    assert_eq!(users[0]["role"], "admin");
    let created = env.json(&["create", "mine"]);
    assert_eq!(created["owner"], users[0]["name"]);
}

fn tokens_can_be_issued_to_other_users() {
    let env = TestEnv::new();
    env.ok(&["user", "add", "alice", "--role", "developer"]);
    let token = env.json(&["create", "vendor", "--for", "alice", "--role", "connector"]);
    assert_eq!(token["owner"], "alice");
    assert_ne!(token["created_by"], "alice");
    // The same name may be used by different owners.
    env.create(&["vendor"]);
    assert_fails(
        &env.run(&["create", "x", "--for", "nobody"]),
        3,
        "no user named 'nobody'",
    );
    assert_fails(&env.run(&["user", "add", "alice"]), 5, "already exists");
    assert_fails(
        &env.run(&["user", "add", "bob", "--role", "boss"]),
        2,
        "no role named 'boss'",
    );
}

fn a_disabled_users_tokens_stop_working_until_enabled() {
    let env = TestEnv::new();
    env.ok(&["user", "add", "bob"]);
    let secret = env.create(&["bobs", "--for", "bob"]);
    env.ok(&["user", "disable", "bob"]);
    let users = env.json(&["user", "list"]);
    assert!(users[1]["disabled_at"].is_string());
    assert_fails(
        &env.run_with_stdin(&["verify"], secret.clone()),
        4,
        "its owner bob is disabled",
    );
    assert_fails(
        &env.run(&["create", "more", "--for", "bob"]),
        5,
        "user 'bob' is disabled",
    );

    env.ok(&["user", "enable", "bob"]);
    assert_eq!(code(&env.run_with_stdin(&["verify"], secret)), 0);
    let me = env.json(&["user", "list"])[0]["name"]
        .as_str()
        .expect("name")
        .to_owned();
    assert_fails(
        &env.run(&["user", "disable", &me]),
        5,
        "cannot disable your own account",
    );
    assert_fails(
        &env.run(&["user", "disable", "ghost"]),
        3,
        "no user named 'ghost'",
    );
}

fn an_os_user_without_an_account_is_told_how_to_get_one() {
    let env = TestEnv::new();
    let me = env.me();
    // As if another OS user had created the store.
    env.sql("UPDATE users SET name = 'someone-else' WHERE name = ?", &me);
    let output = env.run(&["list"]);
    assert_fails(&output, 4, &format!("'{me}' has no account in this store"));
    assert_fails(
        &output,
        4,
        &format!("hint: ask an admin to run: tokenctl user add {me}"),
    );
}

fn a_token_never_gets_more_than_its_creator_and_the_rest_is_reported() {
    let env = TestEnv::new();
    let me = env.me();
    // An admin demoted this OS user to developer.
    env.sql("UPDATE users SET role = 'developer' WHERE name = ?", &me);
    let output = env.run(&["create", "wide", "--role", "admin", "--json"]);
    assert_eq!(code(&output), 0, "{}", common::stderr(&output));
    let created: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(
        created["permissions"],
        json!([
            "api:read",
            "api:write",
            "files:upload",
            "tokens:read",
            "tokens:manage"
        ])
    );
    assert_eq!(
        created["stripped_permissions"],
        json!([
            "tokens:read-all",
            "tokens:revoke-all",
            "audit:read",
            "users:manage",
            "keys:manage",
            "audit:prune",
            "trust:manage",
            "webhooks:manage",
            "tokens:rotate-self",
            "policy:manage"
        ])
    );
    let warning = common::stderr(&output);
    assert!(
        warning.contains("role admin includes tokens:read-all, tokens:revoke-all, audit:read, users:manage, keys:manage, audit:prune, trust:manage, webhooks:manage, tokens:rotate-self, policy:manage, which you don't have"),
        "{warning}"
    );
    // A developer may not issue tokens to others, nor see or revoke them.
    assert_fails(
        &env.run(&["create", "x", "--for", "someone"]),
        4,
        "needs the users:manage permission",
    );
    assert_fails(&env.run(&["user", "add", "eve"]), 4, "may not add users");
    assert_fails(
        &env.run(&["list", "--owner", "someone"]),
        4,
        "tokens:read-all",
    );
}

fn support_staff_may_read_and_revoke_any_token_but_not_create() {
    let env = TestEnv::new();
    let me = env.me();
    env.ok(&["user", "add", "alice"]);
    env.create(&["alices", "--for", "alice"]);
    env.sql("UPDATE users SET role = 'support' WHERE name = ?", &me);
    assert_eq!(env.json(&["list", "--owner", "alice"])[0]["name"], "alices");
    assert_fails(
        &env.run(&["create", "mine"]),
        4,
        "needs the tokens:manage permission",
    );
    assert_fails(
        &env.run(&["regenerate", "alices", "--yes"]),
        4,
        "may not regenerate",
    );
    env.ok(&["revoke", "alices", "--yes"]);
    assert_eq!(env.json(&["show", "alices"])["status"], "revoked");
    // support reads the whole audit log.
    assert_eq!(env.json(&["audit"]).as_array().map(Vec::len), Some(3));
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(role_add_help_names_every_permission),
        test!(the_built_in_roles_ship_with_every_store),
        test!(custom_roles_can_be_added_used_and_removed),
        test!(role_mistakes_are_refused),
        test!(the_first_user_of_a_store_is_its_admin),
        test!(tokens_can_be_issued_to_other_users),
        test!(a_disabled_users_tokens_stop_working_until_enabled),
        test!(an_os_user_without_an_account_is_told_how_to_get_one),
        test!(a_token_never_gets_more_than_its_creator_and_the_rest_is_reported),
        test!(support_staff_may_read_and_revoke_any_token_but_not_create),
    ]
}
