//! Attribution: every audit entry a token-authenticated request makes
//! names that token (`via_token`: id and hint), whether the request came
//! with the token's secret or with an access token exchanged from it, and
//! `audit --token` shows what a token did as well as what was done to it.
//! On a server, where a token can be the caller (a local store's caller is
//! its OS user), over SQLite and PostgreSQL.

use crate::common;

use common::{TestEnv, stderr, stdout};
use serde_json::Value;

fn run_as(env: &TestEnv, credential: &str, args: &[&str]) -> String {
    let output = env
        .cmd(args)
        .env("TOKENCTL_TOKEN", credential)
        .output()
        .expect("run");
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

fn every_entry_a_token_makes_names_it() {
    for env in TestEnv::servers() {
        entries_name_the_token_behind_them(&env);
    }
}

fn entries_name_the_token_behind_them(env: &TestEnv) {
    let ci = env.json(&["create", "ci"]);
    let secret = ci["secret"].as_str().expect("secret").to_owned();
    let (id, hint) = (ci["id"].as_i64().expect("id"), ci["hint"].clone());
    for name in ["by-secret", "by-access-token", "by-session"] {
        env.create(&[name]);
    }

    run_as(env, &secret, &["revoke", "by-secret", "--yes"]);
    let access = run_as(env, &secret, &["exchange", "--ttl", "5m"]);
    run_as(env, access.trim(), &["revoke", "by-access-token", "--yes"]);
    env.ok(&["revoke", "by-session", "--yes"]);

    let audit = env.json(&["audit", "--token", &id.to_string()]);
    let entries = audit.as_array().expect("entries");
    let summary: Vec<(&str, Option<i64>, Option<i64>)> = entries
        .iter()
        .map(|entry| {
            (
                entry["action"].as_str().expect("action"),
                entry["token_id"].as_i64(),
                entry["via_token"]["id"].as_i64(),
            )
        })
        .collect();
    let revoked = |name: &str| env.json(&["show", name])["id"].as_i64().expect("an id");
    assert_eq!(
        summary,
        [
            ("token.create", Some(id), None),
            ("token.revoke", Some(revoked("by-secret")), Some(id)),
            ("token.exchange", Some(id), Some(id)),
            ("token.revoke", Some(revoked("by-access-token")), Some(id)),
        ],
        "what ci did, and what was done to it; not the session's revoke"
    );
    for entry in entries.iter().filter(|entry| !entry["via_token"].is_null()) {
        assert_eq!(entry["via_token"]["hint"], hint, "{entry}");
    }

    // The hint is the one the token had when it acted.
    let fresh = env.json(&["regenerate", "ci", "--yes"]);
    let new_secret = fresh["secret"].as_str().expect("secret").to_owned();
    env.create(&["later"]);
    run_as(env, &new_secret, &["revoke", "later", "--yes"]);
    let audit = env.json(&[
        "audit",
        "--token",
        &id.to_string(),
        "--action",
        "token.revoke",
    ]);
    let hints: Vec<&Value> = audit
        .as_array()
        .expect("entries")
        .iter()
        .map(|entry| &entry["via_token"]["hint"])
        .collect();
    assert_eq!(hints, [&hint, &hint, &fresh["hint"]]);

    // A person reads who acted through which token.
    let table = env.ok(&["audit", "--token", "ci", "--action", "token.revoke"]);
    assert!(table.contains(&format!("via token {id}")), "{table}");
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![test!(every_entry_a_token_makes_names_it)]
}
