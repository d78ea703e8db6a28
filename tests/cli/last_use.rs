//! When, from where and with what a token was last used: recorded by every
//! use (verify, Bearer, exchange) at most once a minute, shown by `show`
//! and `--json`, and found again by `list --used-since` / `--unused-for`.

use crate::common;

use common::{TestEnv, http_send, stdout};
use serde_json::{Value, json};

fn verify_with_agent(env: &TestEnv, secret: &str, agent: &str) -> u16 {
    let url = format!("{}/v1/tokens/verify", env.server_url().expect("server"));
    let body = json!({ "token": secret }).to_string();
    let headers = [("content-type", "application/json"), ("user-agent", agent)];
    http_send("POST", &url, &headers, Some(&body)).status
}

/// On a server: the peer's address and the client's `User-Agent`, a long
/// one cut short; the CLI's own requests name tokenctl.
fn a_server_records_the_address_and_agent_of_a_use() {
    for env in TestEnv::servers() {
        let secret = env.create(&["deploy"]);
        assert_eq!(verify_with_agent(&env, &secret, "deploy-bot/1.0"), 200);
        let shown = env.json(&["show", "deploy"]);
        assert_eq!(shown["last_used_from"], "127.0.0.1");
        assert_eq!(shown["last_used_agent"], "deploy-bot/1.0");
        let text = env.ok(&["show", "deploy"]);
        assert!(
            text.contains("from 127.0.0.1 with deploy-bot/1.0"),
            "{text}"
        );

        let other = env.create(&["other"]);
        let long = format!("bot/{}", "x".repeat(400));
        assert_eq!(verify_with_agent(&env, &other, &long), 200);
        let agent = env.json(&["show", "other"])["last_used_agent"].clone();
        assert_eq!(agent.as_str().map(str::len), Some(200), "{agent}");

        let cli = env.create(&["cli"]);
        let verified = env.run_with_stdin(&["verify"], cli);
        assert!(verified.status.success());
        let agent = env.json(&["show", "cli"])["last_used_agent"].clone();
        assert!(
            agent
                .as_str()
                .is_some_and(|agent| agent.starts_with("tokenctl/")),
            "{agent}"
        );
    }
}

/// On a local store the use comes from the CLI itself: `cli@host`.
fn a_local_store_records_the_cli_as_the_source() {
    let env = TestEnv::new();
    let secret = env.create(&["deploy"]);
    assert_eq!(env.json(&["show", "deploy"])["last_used_at"], Value::Null);
    assert!(env.run_with_stdin(&["verify"], secret).status.success());
    let shown = env.json(&["show", "deploy"]);
    assert!(shown["last_used_at"].is_string());
    assert!(
        shown["last_used_from"]
            .as_str()
            .is_some_and(|from| from.starts_with("cli@")),
        "{shown}"
    );
    assert_eq!(shown["last_used_agent"], Value::Null);
}

/// `--used-since` and `--unused-for` on real rows whose times are moved
/// back in the file, on the local store (the service's own rules are in
/// the store contract).
fn list_finds_tokens_by_their_last_use() {
    let env = TestEnv::new();
    for name in ["old-use", "recent-use", "never-used-old", "new"] {
        env.create(&[name]);
    }
    let days_ago = |days: i64| (chrono::Utc::now() - chrono::Duration::days(days)).timestamp();
    let set = |column: &str, name: &str, days: i64| {
        env.sql(
            &format!(
                "UPDATE tokens SET {column} = {} WHERE name = ?1",
                days_ago(days)
            ),
            name,
        );
    };
    for name in ["old-use", "recent-use", "never-used-old"] {
        set("created_at", name, 200);
    }
    set("last_used_at", "old-use", 100);
    set("last_used_at", "recent-use", 2);
    let names = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list"];
        all.extend_from_slice(args);
        env.json(&all)
            .as_array()
            .expect("a list")
            .iter()
            .map(|token| token["name"].as_str().expect("name").to_owned())
            .collect()
    };
    assert_eq!(
        names(&["--unused-for", "90d"]),
        ["old-use", "never-used-old"]
    );
    assert_eq!(names(&["--used-since", "7d"]), ["recent-use"]);
    assert_eq!(names(&["--used-since", "365d"]), ["old-use", "recent-use"]);
    let table = stdout(
        &env.cmd(&["list", "--unused-for", "90d"])
            .output()
            .expect("run"),
    );
    assert!(
        table.contains("old-use") && !table.contains("recent-use"),
        "{table}"
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(a_server_records_the_address_and_agent_of_a_use),
        test!(a_local_store_records_the_cli_as_the_source),
        test!(list_finds_tokens_by_their_last_use),
    ]
}
