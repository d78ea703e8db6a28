//! Hostile text: what a person reads is escaped, JSON stays exact.

use super::*;

fn a_hostile_login_name_is_refused_before_it_reaches_the_audit_log() {
    let env = server();
    let url = env.server_url().expect("url");
    let forged = "\u{1b}]0;PWNED\u{7}\u{1b}[2J\r\n2026-12-01 08:00  alice  token.revoke  fake";
    let long = "x".repeat(60_000);
    for username in [forged, long.as_str(), "safe\u{202e}gnp"] {
        let body = serde_json::json!({ "username": username, "password": "whatever" });
        let answer = common::http_request(
            "POST",
            &format!("{url}/v1/login"),
            None,
            Some(&body.to_string()),
        );
        assert_eq!(answer.status, 400, "{}", answer.body);
        assert_eq!(answer.body["error"]["kind"], "invalid_input");
    }
    let audit = env.json(&["audit"]);
    assert!(
        audit
            .as_array()
            .expect("audit")
            .iter()
            .all(|entry| entry["action"] != "login.failed"),
        "{audit}"
    );
}

fn what_a_person_reads_is_escaped_and_json_stays_exact() {
    let env = TestEnv::new();
    env.create(&["plain"]);
    // As an older tokenctl (or a hand edit) may have left them.
    let name = "safe\u{202e}gnp.exe";
    let description = "line one\n5  fake  alice  active\u{1b}[2J";
    env.sql("UPDATE tokens SET name = ?1", name);
    env.sql("UPDATE tokens SET description = ?1", description);
    for args in [&["list"][..], &["show", "1"], &["audit"]] {
        let output = env.run(args);
        let shown = common::stdout(&output);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            common::stderr(&output)
        );
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{202e}'),
            "{args:?} printed raw control or bidi characters: {shown:?}"
        );
    }
    let shown = env.ok(&["show", "1"]);
    assert!(shown.contains("safe\\u{202e}gnp.exe"), "{shown}");
    assert!(
        shown.contains("line one\\u{a}5  fake  alice  active\\u{1b}[2J"),
        "a description stays on its line: {shown}"
    );
    let json = env.json(&["show", "1"]);
    assert_eq!(json["name"], name, "--json is exact");
    assert_eq!(json["description"], description, "--json is exact");
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(a_hostile_login_name_is_refused_before_it_reaches_the_audit_log),
        test!(what_a_person_reads_is_escaped_and_json_stays_exact),
    ]
}
