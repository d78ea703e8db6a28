//! `tokenctl notices`: what needs the user's attention, as lines, JSON and
//! an exit code for cron, on the local store and through a server.

use serde_json::Value;

use crate::common::{Backend, TestEnv, code, stderr, stdout};

/// `(name, event, notice)` of each token `notices --json` lists.
fn listed(json: &Value) -> Vec<(String, String, String)> {
    json["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .map(|item| {
            let text = |value: &Value| value.as_str().expect("text").to_owned();
            (
                text(&item["token"]["name"]),
                text(&item["event"]),
                text(&item["notice"]),
            )
        })
        .collect()
}

fn notices(env: &TestEnv, json: bool) -> (i32, String, String) {
    let args: &[&str] = if json {
        &["notices", "--json"]
    } else {
        &["notices"]
    };
    let output = env.run(args);
    (code(&output), stdout(&output), stderr(&output))
}

fn your_tokens_near_or_just_past_expiry_are_listed_with_exit_1() {
    let env = TestEnv::new();
    let (status, out, err) = notices(&env, false);
    assert_eq!((status, out.as_str()), (0, ""), "{err}");
    assert!(err.contains("Nothing needs your attention"), "{err}");

    env.ok(&["user", "add", "bob"]);
    env.create(&["soon", "--expires", "20h"]);
    env.create(&["month", "--expires", "25d"]);
    env.create(&["later", "--expires", "90d"]);
    env.create(&["forever", "--expires", "never"]);
    env.create(&["lapsed", "--expires", "30d"]);
    env.create(&["ancient", "--expires", "30d"]);
    env.create(&["gone", "--expires", "20h"]);
    env.ok(&["revoke", "gone", "--yes"]);
    env.create(&["bobs", "--for", "bob", "--expires", "20h"]);
    let ago = "UPDATE tokens SET expires_at = CAST(strftime('%s', 'now') AS INTEGER) - ";
    env.sql(&format!("{ago}2 * 86400 WHERE name = ?1"), "lapsed");
    env.sql(&format!("{ago}10 * 86400 WHERE name = ?1"), "ancient");

    let (status, out, err) = notices(&env, false);
    assert_eq!(status, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("token 'lapsed' (tcpat_") && lines[0].contains("expired 2d ago"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("token 'soon'") && lines[1].contains("expires in"),
        "{out}"
    );
    assert!(
        lines[2].contains("'month'") && lines[2].contains("tokenctl create"),
        "{out}"
    );
    assert!(err.contains("3 things need your attention"), "{err}");

    let (status, out, _) = notices(&env, true);
    assert_eq!(status, 1);
    let json: Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(json["needs_action"], true);
    let want = |name: &str, event: &str, notice: &str| {
        (name.to_owned(), event.to_owned(), notice.to_owned())
    };
    assert_eq!(
        listed(&json),
        [
            want("lapsed", "token.expired", "expired"),
            want("soon", "token.expiring", "1d"),
            want("month", "token.expiring", "30d"),
        ]
    );
    assert!(json["tokens"][0]["token"]["hint"].is_string());
    assert_eq!(json["oauth"], serde_json::json!([]));
}

fn notices_come_from_the_server_you_are_logged_in_to() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let (status, _, err) = notices(&env, false);
    assert_eq!(status, 0, "{err}");
    let secret = env.create(&["soon", "--expires", "3d"]);
    let (status, out, _) = notices(&env, true);
    assert_eq!(status, 1);
    let json: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        listed(&json),
        [("soon".into(), "token.expiring".into(), "7d".into())]
    );
    assert!(!out.contains(&secret), "never a secret");
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(your_tokens_near_or_just_past_expiry_are_listed_with_exit_1),
        test!(notices_come_from_the_server_you_are_logged_in_to),
    ]
}
