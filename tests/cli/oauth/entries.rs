//! Entries: templates, listing, the CI rule.

use super::*;

pub(crate) fn add_google(env: &TestEnv, name: &str) {
    let args = [
        "oauth",
        "add",
        name,
        "--template",
        "google",
        "--client-id",
        "id.apps.example",
        "--insecure-storage",
    ];
    assert_success(&env.run_with_stdin(&args, "google-secret\n"), &args);
}

fn the_template_is_fixed_once_saved_and_the_rest_can_change() {
    let env = TestEnv::new();
    add_google(&env, "mail");
    let entry = show(&env, "mail");
    assert_eq!(
        entry["endpoints"]["token_url"],
        "https://oauth2.googleapis.com/token"
    );
    assert_eq!(entry["scopes"][0], "https://mail.google.com/");

    let output = env.run(&["oauth", "edit", "mail", "--template", "microsoft-common"]);
    assert_fails(
        &output,
        2,
        "the template of 'mail' is google and cannot be changed once saved",
    );
    assert_eq!(
        show(&env, "mail"),
        entry,
        "a refused edit changed the entry"
    );

    env.ok(&[
        "oauth",
        "edit",
        "mail",
        "--template",
        "google",
        "--client-id",
        "other",
        "--scope",
        "a",
        "--scope",
        "b",
        "--validity",
        "7d",
        "--notify",
        "expired-refresh-token",
        "--token-url",
        "https://oauth2.example.com/token",
    ]);
    let edited = show(&env, "mail");
    assert_eq!(edited["client_id"], "other");
    assert_eq!(edited["scopes"], serde_json::json!(["a", "b"]));
    assert_eq!(edited["validity_seconds"], 7 * 86_400);
    assert_eq!(edited["notify"]["expired_token"], false);
    assert_eq!(
        edited["endpoints"]["token_url"],
        "https://oauth2.example.com/token"
    );
    assert_eq!(edited["template"], "google");

    let output = env.run_with_stdin(
        &["oauth", "edit", "mail", "--new-client-secret"],
        "new-secret\n",
    );
    assert_success(&output, &["edit"]);
    assert_eq!(secrets_file(&env, "mail")["client_secret"], "new-secret");

    assert_fails(&env.run(&["oauth", "edit", "mail"]), 2, "nothing to change");
    let plain_http = env.run(&[
        "oauth",
        "edit",
        "mail",
        "--token-url",
        "http://example.com/token",
    ]);
    assert_fails(&plain_http, 2, "must be an https:// URL");
    assert_fails(
        &env.run(&["oauth", "edit", "nope", "--scope", "x"]),
        3,
        "no OAuth token named 'nope'",
    );
    let duplicate = env.run_with_stdin(
        &[
            "oauth",
            "add",
            "mail",
            "--template",
            "google",
            "--client-id",
            "x",
            "--insecure-storage",
        ],
        "s\n",
    );
    assert_fails(&duplicate, 5, "already exists");
}

fn list_and_remove() {
    let env = TestEnv::new();
    add_google(&env, "mail");
    let table = env.ok(&["oauth", "list"]);
    let header = table.lines().next().expect("header");
    for column in [
        "NAME",
        "TEMPLATE",
        "CLIENT ID",
        "TOKEN EXPIRES",
        "REFRESH EXPIRES",
        "STATUS",
    ] {
        assert!(header.contains(column), "{header}");
    }
    assert!(
        table.contains("mail") && table.contains("no token"),
        "{table}"
    );
    // No token yet is a missing thing (3), not a usage mistake (2).
    let none = env.run(&["oauth", "token", "mail"]);
    assert_fails(&none, 3, "OAuth token 'mail' has no token yet");
    assert!(stderr(&none).contains("tokenctl oauth request mail"));
    assert_fails(&env.run(&["oauth", "remove", "mail"]), 2, "pass --yes");
    env.ok(&["oauth", "remove", "mail", "--yes"]);
    assert_eq!(env.json(&["oauth", "list"]), serde_json::json!([]));
    assert!(
        !env.root()
            .join("data/tokenctl/oauth/secrets/mail.json")
            .exists()
    );
}

fn in_ci_the_keyring_is_never_used_and_nothing_is_written() {
    let env = TestEnv::new();
    let output = env.run_with_stdin(
        &[
            "oauth",
            "add",
            "mail",
            "--template",
            "google",
            "--client-id",
            "x",
        ],
        "secret\n",
    );
    assert_fails(
        &output,
        1,
        "CI is set, and tokenctl never uses the OS keyring in CI",
    );
    assert_fails(&output, 1, "--insecure-storage");
    assert!(!env.root().join("data/tokenctl/oauth/entries.json").exists());
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(the_template_is_fixed_once_saved_and_the_rest_can_change),
        test!(list_and_remove),
        test!(in_ci_the_keyring_is_never_used_and_nothing_is_written),
    ]
}
