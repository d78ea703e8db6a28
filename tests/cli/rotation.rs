//! Rotation and offboarding as a user drives them: `revoke --reason`,
//! `revoke --owner NAME --all [--type]`, `regenerate --expires`, each on
//! the local store and against a real `tokenctl serve` over SQLite and
//! PostgreSQL (the contract suite).

use crate::common;

use common::{TestEnv, assert_fails, code, stderr};
use serde_json::Value;

/// The audit entries of one action, oldest first.
fn audited(env: &TestEnv, action: &str) -> Vec<Value> {
    let audit = env.json(&["audit", "--action", action]);
    audit.as_array().expect("audit list").clone()
}

fn days_between(from: &Value, to: &Value) -> i64 {
    let instant = |value: &Value| {
        chrono::DateTime::parse_from_rfc3339(value.as_str().expect("an instant")).expect("rfc3339")
    };
    (instant(to) - instant(from)).num_days()
}

/// The names in a `--json` list of tokens or revocations.
fn names_of(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|item| item["name"].as_str().expect("name"))
        .collect()
}

fn status_of(env: &TestEnv, id: &Value) -> Value {
    env.json(&["show", &id.to_string()])["status"].clone()
}

contract!(revoke_keeps_its_reason_in_the_audit_entry, |env| {
    env.create(&["deploy"]);
    env.ok(&[
        "revoke",
        "deploy",
        "--reason",
        "rotated after the incident",
        "--yes",
    ]);
    let entries = audited(env, "token.revoke");
    let detail = entries
        .last()
        .and_then(|e| e["detail"].as_str())
        .expect("detail");
    assert!(
        detail.ends_with("; reason: rotated after the incident"),
        "{detail}"
    );

    // A reason is one printable line; a refused one revokes nothing.
    env.create(&["other"]);
    assert_fails(
        &env.run(&["revoke", "other", "--reason", "two\nlines", "--yes"]),
        2,
        "reason",
    );
    assert_eq!(env.json(&["show", "other"])["status"], "active");

    // A secret pasted into a reason is kept only as its hint.
    let leaked = env.create(&["leaked"]);
    let reason = format!("found {leaked} in build.log");
    env.ok(&["revoke", "leaked", "--reason", &reason, "--yes"]);
    let detail = audited(env, "token.revoke")
        .last()
        .map(Value::to_string)
        .expect("an entry");
    assert!(!detail.contains(&leaked), "{detail}");
});

contract!(revoke_owner_all_offboards_a_user_in_one_step, |env| {
    env.add_user_with_password("alice", "developer", "alice's long password");
    env.create(&["laptop", "--for", "alice"]);
    env.create(&["ci", "--for", "alice", "--type", "service"]);
    env.create(&["old", "--for", "alice"]);
    env.ok(&["revoke", "old", "--yes"]);
    let mine = env.json(&["create", "mine"]);

    // No terminal and no --yes: nothing happens.
    assert_fails(
        &env.run(&["revoke", "--owner", "alice", "--all"]),
        2,
        "--yes",
    );
    assert_eq!(
        env.json(&["list", "--owner", "alice"])
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    // --type narrows it to service tokens.
    let services = env.json(&[
        "revoke", "--owner", "alice", "--all", "--type", "service", "--yes",
    ]);
    assert_eq!(names_of(&services), ["ci"]);

    let rest = env.json(&[
        "revoke",
        "--owner",
        "alice",
        "--all",
        "--reason",
        "left the company",
        "--yes",
    ]);
    assert_eq!(names_of(&rest), ["laptop"], "only the active ones, once");
    assert_eq!(
        env.json(&["list", "--owner", "alice"]),
        Value::Array(vec![])
    );
    assert_eq!(
        status_of(env, &mine["id"]),
        "active",
        "another owner's stay"
    );
    assert!(
        audited(env, "token.revoke")
            .last()
            .and_then(|entry| entry["detail"].as_str())
            .expect("detail")
            .ends_with("; reason: left the company")
    );

    // Nothing left: a note, exit 0.
    let again = env.run(&["revoke", "--owner", "alice", "--all", "--yes"]);
    assert_eq!(code(&again), 0, "{}", stderr(&again));
    assert!(
        stderr(&again).contains("No active token"),
        "{}",
        stderr(&again)
    );

    assert_fails(
        &env.run(&["revoke", "--owner", "nobody", "--all", "--yes"]),
        3,
        "no user named 'nobody'",
    );
    // --all goes with --owner, and --owner with --all, not with names.
    assert_fails(&env.run(&["revoke", "--owner", "alice"]), 2, "--all");
    assert_fails(&env.run(&["revoke", "--all", "--yes"]), 2, "--owner");
    assert_fails(
        &env.run(&["revoke", "deploy", "--all"]),
        2,
        "cannot be used with",
    );
});

/// On a server, where a token can be the caller (a local store's caller
/// is its OS user).
fn offboarding_another_user_needs_revoke_all() {
    for env in TestEnv::servers() {
        offboarding_as_a_developer(&env);
    }
}

fn offboarding_as_a_developer(env: &TestEnv) {
    env.add_user_with_password("alice", "developer", "alice's long password");
    env.add_user_with_password("bob", "developer", "bob's long password");
    let laptop = env.json(&["create", "laptop", "--for", "alice"]);
    let bobs = env.create(&["bobs", "--for", "bob"]);
    let as_bob = |args: &[&str]| {
        env.cmd(args)
            .env("TOKENCTL_TOKEN", &bobs)
            .output()
            .expect("run")
    };
    let refused = as_bob(&["revoke", "--owner", "alice", "--all", "--yes"]);
    assert_fails(&refused, 4, "may not revoke");
    assert_eq!(status_of(env, &laptop["id"]), "active");

    // Their own tokens: `tokens:manage` is enough (bob's token included).
    let own = as_bob(&["revoke", "--owner", "bob", "--all", "--yes"]);
    assert_eq!(code(&own), 0, "{}", stderr(&own));
    assert_fails(&env.run_with_stdin(&["verify"], bobs.clone()), 4, "revoked");
}

contract!(
    regenerate_expires_sets_a_new_expiry_within_the_policy,
    |env| {
        let created = env.json(&["create", "deploy", "--expires", "7d"]);
        let regenerated = env.json(&["regenerate", "deploy", "--expires", "90d", "--yes"]);
        assert_eq!(
            days_between(&created["created_at"], &regenerated["expires_at"]),
            90
        );
        let shown = env.json(&["show", "deploy"]);
        assert_eq!(shown["expires_at"], regenerated["expires_at"]);
        let entries = audited(env, "token.regenerate");
        let entry = entries.last().expect("an entry");
        assert!(
            entry["detail"]
                .as_str()
                .expect("detail")
                .contains(", expires "),
            "{entry}"
        );

        let never = env.json(&["regenerate", "deploy", "--expires", "never", "--yes"]);
        assert_eq!(never["expires_at"], Value::Null);

        // Without --expires the expiry stays.
        let kept = env.json(&["regenerate", "deploy", "--yes"]);
        assert_eq!(kept["expires_at"], Value::Null);

        // A past expiry is refused and changes nothing: the secret still works.
        let secret = kept["secret"].as_str().expect("secret").to_owned();
        assert_fails(
            &env.run(&["regenerate", "deploy", "--expires", "2020-01-01", "--yes"]),
            2,
            "is in the past",
        );
        assert_eq!(code(&env.run_with_stdin(&["verify"], secret)), 0);
        assert_fails(
            &env.run(&["regenerate", "deploy", "--expires", "soon", "--yes"]),
            2,
            "is not an expiry",
        );
    }
);

contract!(max_idle_is_shown_and_checked, |env| {
    assert_fails(
        &env.run(&["create", "short", "--max-idle", "30m"]),
        2,
        "the maximum idle time must be between 1h and",
    );
    let created = env.json(&["create", "sleepy", "--max-idle", "90d"]);
    assert_eq!(created["max_idle_seconds"], 90 * 86_400);
    assert_eq!(created["status"], "active");
    let shown = env.ok(&["show", "sleepy"]);
    assert!(shown.contains("90d unused: "), "{shown}");
    assert_eq!(
        env.json(&["list", "--status", "idle"]),
        Value::Array(vec![])
    );
});

/// Idle on a real local store whose times are moved back in the file: the
/// CLI's exit code and message, the listing, and the revival.
fn an_idle_token_is_refused_until_regenerated() {
    let env = TestEnv::new();
    let secret = env.create(&["sleepy", "--max-idle", "30d", "--expires", "never"]);
    let long_ago = (chrono::Utc::now() - chrono::Duration::days(31)).timestamp();
    env.sql(
        &format!("UPDATE tokens SET created_at = {long_ago} WHERE name = ?1"),
        "sleepy",
    );
    let refused = env.run_with_stdin(&["verify"], secret.clone());
    assert_fails(&refused, 4, "unused for longer than its limit of 30d");
    assert!(
        stderr(&refused).contains("tokenctl regenerate"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(env.json(&["show", "sleepy"])["status"], "idle");
    let idle = env.json(&["list", "--status", "idle"]);
    assert_eq!(idle.as_array().map(Vec::len), Some(1));
    let table = env.ok(&["list", "--status", "all"]);
    assert!(table.contains("idle"), "{table}");

    let revived = env.json(&["regenerate", "sleepy", "--yes"]);
    assert_eq!(revived["status"], "active");
    let fresh = revived["secret"].as_str().expect("secret").to_owned();
    assert_eq!(code(&env.run_with_stdin(&["verify"], fresh)), 0);
    assert_eq!(code(&env.run_with_stdin(&["verify"], secret)), 4);
}

fn as_token(env: &TestEnv, secret: &str, args: &[&str]) -> std::process::Output {
    env.cmd(args)
        .env("TOKENCTL_TOKEN", secret)
        .output()
        .expect("run")
}

/// `regenerate --self`: a token with tokens:rotate-self gives itself a new
/// secret — same ID, name and restrictions, the old secret dead at once or
/// after --grace, a new expiry only within the policy — and the entry names
/// it; a token without the permission, and a login session, may not.
fn a_token_regenerates_itself() {
    for env in TestEnv::servers() {
        // The admin role holds tokens:rotate-self, so its tokens do.
        let ci = env.json(&["create", "ci", "--allow-ip", "127.0.0.1"]);
        let id = ci["id"].clone();
        let old = ci["secret"].as_str().expect("secret").to_owned();
        let rotate = as_token(&env, &old, &["regenerate", "--self", "--yes", "--json"]);
        assert_eq!(code(&rotate), 0, "{}", stderr(&rotate));
        let rotated: Value = serde_json::from_slice(&rotate.stdout).expect("json");
        assert_eq!((&rotated["id"], &rotated["name"]), (&id, &ci["name"]));
        assert_eq!(rotated["allowed_ips"], ci["allowed_ips"]);
        assert_eq!(rotated["expires_at"], ci["expires_at"], "the expiry stays");
        let new = rotated["secret"].as_str().expect("secret").to_owned();
        assert_eq!(code(&env.run_with_stdin(&["verify"], old.clone())), 4);
        assert_eq!(code(&env.run_with_stdin(&["verify"], new.clone())), 0);
        assert_fails(
            &as_token(
                &env,
                &new,
                &["regenerate", "--self", "--expires", "never", "--yes"],
            ),
            2,
            "may not make itself never expire",
        );

        let graced = as_token(
            &env,
            &new,
            &[
                "regenerate",
                "--self",
                "--grace",
                "10m",
                "--expires",
                "7d",
                "--yes",
                "--json",
            ],
        );
        assert_eq!(code(&graced), 0, "{}", stderr(&graced));
        let graced: Value = serde_json::from_slice(&graced.stdout).expect("json");
        assert!(graced["previous_valid_until"].is_string());
        assert_ne!(graced["expires_at"], rotated["expires_at"]);
        assert_eq!(
            code(&env.run_with_stdin(&["verify"], new.clone())),
            0,
            "graced"
        );
        let newest = graced["secret"].as_str().expect("secret").to_owned();
        // While the old secret works, neither may rotate: whoever holds the
        // old one could otherwise take the token from the new one's holder.
        for secret in [&new, &newest] {
            assert_fails(
                &as_token(&env, secret, &["regenerate", "--self", "--yes"]),
                5,
                "while its previous secret still works",
            );
        }
        assert_eq!(code(&env.run_with_stdin(&["verify"], newest.clone())), 0);
        let entries = audited(&env, "token.regenerate");
        assert!(
            entries.len() >= 2
                && entries
                    .iter()
                    .all(|entry| entry["via_token"]["id"] == id && entry["token_id"] == id),
            "{entries:#?}"
        );

        let plain = env.create(&["plain", "--role", "developer"]);
        assert_fails(
            &as_token(&env, &plain, &["regenerate", "--self", "--yes"]),
            4,
            "tokens:rotate-self",
        );
        assert_fails(
            &env.run(&["regenerate", "--self", "--yes"]),
            4,
            "regenerate itself",
        );
        env.ok(&["revoke", "ci", "--yes"]);
        assert_eq!(
            code(&env.run_with_stdin(&["verify"], newest)),
            4,
            "revocation is final"
        );
    }
    let local = TestEnv::new();
    assert_fails(
        &local.run(&["regenerate", "--self", "--yes"]),
        2,
        "a local store takes no token",
    );
    assert_fails(
        &local.run(&["regenerate", "x", "--self"]),
        2,
        "cannot be used with",
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        revoke_keeps_its_reason_in_the_audit_entry::tests(),
        revoke_owner_all_offboards_a_user_in_one_step::tests(),
        vec![test!(offboarding_another_user_needs_revoke_all)],
        regenerate_expires_sets_a_new_expiry_within_the_policy::tests(),
        max_idle_is_shown_and_checked::tests(),
        vec![test!(an_idle_token_is_refused_until_regenerated)],
        vec![test!(a_token_regenerates_itself)],
    ]
    .concat()
}
