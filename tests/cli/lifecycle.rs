//! The token lifecycle as a user drives it: create, list, show, verify,
//! regenerate, revoke, audit — each through the real binary, and each run
//! three times: on the local store, and against a real `tokenctl serve` over
//! SQLite and over PostgreSQL (the contract suite).

use crate::common;

use common::{Backend, TestEnv, assert_fails, code, stderr, stdout};
use serde_json::Value;

fn secret_pattern_ok(secret: &str, prefix: &str) {
    assert!(secret.starts_with(prefix), "{secret}");
    assert_eq!(secret.len(), 42, "{secret}");
    assert!(secret[6..].chars().all(|c| c.is_ascii_alphanumeric()));
}

contract!(create_prints_only_the_secret_on_stdout_when_piped, |env| {
    let output = env.run(&["create", "deploy", "--expires", "7d"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1, "stdout: {out}");
    secret_pattern_ok(out.trim_end(), "tcpat_");
    let err = stderr(&output);
    assert!(err.contains("Created personal token 1 'deploy'"), "{err}");
    assert!(err.contains("(in 6d)") || err.contains("(in 7d)"), "{err}");
    assert!(err.contains("shown only once"), "{err}");
});

contract!(create_json_has_every_documented_field, |env| {
    let created = env.json(&[
        "create",
        "uploader",
        "--type",
        "service",
        "--role",
        "connector",
        "--expires",
        "2099-01-31",
        "--description",
        "scanner upload",
    ]);
    for field in [
        "id",
        "name",
        "type",
        "role",
        "permissions",
        "stripped_permissions",
        "owner",
        "created_at",
        "expires_at",
        "secret",
    ] {
        assert!(created.get(field).is_some(), "missing {field}: {created}");
    }
    assert_eq!(created["type"], "service");
    assert_eq!(created["permissions"], serde_json::json!(["files:upload"]));
    assert_eq!(created["stripped_permissions"], serde_json::json!([]));
    assert_eq!(created["expires_at"], "2099-02-01T00:00:00Z");
    secret_pattern_ok(created["secret"].as_str().expect("secret"), "tcsvc_");
});

contract!(never_expiring_tokens_have_null_expiry, |env| {
    let created = env.json(&["create", "forever", "--expires", "never"]);
    assert_eq!(created["expires_at"], Value::Null);
    let listed = env.ok(&["list"]);
    assert!(listed.contains("never"), "{listed}");
});

contract!(list_shows_the_documented_columns_and_filters, |env| {
    env.ok(&["user", "add", "alice", "--role", "developer"]);
    env.create(&["mine", "--expires", "3d"]);
    env.create(&["hers", "--for", "alice", "--expires", "60d"]);
    env.create(&["svc", "--type", "service", "--role", "connector"]);

    let table = env.ok(&["list"]);
    let header = table.lines().next().expect("header");
    for column in [
        "ID",
        "NAME",
        "TYPE",
        "ROLE",
        "OWNER",
        "CREATED",
        "EXPIRES",
        "LAST USED",
        "STATUS",
    ] {
        assert!(header.contains(column), "{header}");
    }
    assert_eq!(table.lines().count(), 4, "{table}");

    let names = |value: Value| -> Vec<String> {
        value
            .as_array()
            .expect("array")
            .iter()
            .map(|t| t["name"].as_str().expect("name").to_owned())
            .collect()
    };
    assert_eq!(names(env.json(&["list", "--owner", "alice"])), ["hers"]);
    assert_eq!(names(env.json(&["list", "--type", "service"])), ["svc"]);
    assert_eq!(
        names(env.json(&["list", "--expiring-within", "7d"])),
        ["mine"]
    );
    let all = env.json(&["list"]);
    let first = &all[0];
    assert!(first["id"].is_i64() && first["name"].is_string());
    assert!(first.get("secret").is_none() && first.get("secret_hash").is_none());
});

contract!(show_by_id_and_by_name_and_unknown_is_exit_3, |env| {
    let secret = env.create(&["deploy", "--description", "prod deploys"]);
    let by_name = env.json(&["show", "deploy"]);
    let by_id = env.json(&["show", "1"]);
    assert_eq!(by_name, by_id);
    assert_eq!(by_name["description"], "prod deploys");
    let hint = by_name["hint"].as_str().expect("hint");
    assert!(hint.starts_with("tcpat_…") && hint.ends_with(&secret[secret.len() - 4..]));
    let text = env.ok(&["show", "deploy"]);
    assert!(
        text.contains("Hint") && text.contains("prod deploys"),
        "{text}"
    );
    assert!(!text.contains(&secret));

    assert_fails(&env.run(&["show", "nope"]), 3, "error: no token 'nope'");
    assert_fails(&env.run(&["show", "99"]), 3, "hint: list your tokens");
});

contract!(
    verify_reports_the_token_and_records_use_at_most_once_a_minute,
    |env| {
        let secret = env.create(&["deploy"]);
        let output = env.run_with_stdin(&["verify"], format!("{secret}\n"));
        assert!(output.status.success(), "{}", stderr(&output));
        let out = stdout(&output);
        assert!(
            out.contains("Owner") && out.contains("Permissions"),
            "{out}"
        );
        assert!(!out.contains(&secret) && !stderr(&output).contains(&secret));

        let first = env.json(&["show", "deploy"])["last_used_at"].clone();
        assert!(first.is_string(), "last used not recorded: {first}");
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let again = env.run_with_stdin(&["verify", "--json"], secret);
        assert_eq!(code(&again), 0);
        let verified: Value = serde_json::from_slice(&again.stdout).expect("json");
        assert_eq!(verified["valid"], true);
        // A second use within the minute leaves the stored time alone: no write.
        assert_eq!(env.json(&["show", "deploy"])["last_used_at"], first);
    }
);

contract!(verify_rejects_unknown_and_malformed_values, |env| {
    env.create(&["deploy"]);
    let other = TestEnv::new();
    let foreign = other.create(&["elsewhere"]);
    assert_fails(
        &env.run_with_stdin(&["verify"], foreign),
        4,
        "is not valid: no such token",
    );
    assert_fails(
        &env.run_with_stdin(&["verify"], "tcpat_not-a-token"),
        2,
        "not a tokenctl token",
    );
    assert_fails(&env.run_with_stdin(&["verify"], ""), 2, "no token on stdin");
});

contract!(
    revoke_needs_yes_without_a_terminal_then_kills_the_token,
    |env| {
        let secret = env.create(&["deploy"]);
        let refused = env.run(&["revoke", "deploy"]);
        assert_fails(&refused, 2, "refusing to go on without confirmation");
        assert!(stderr(&refused).contains("hint: pass --yes"));
        assert_eq!(env.json(&["show", "deploy"])["status"], "active");

        let output = env.run(&["revoke", "deploy", "--yes"]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stderr(&output).contains("Revoked token 1 'deploy'"));
        assert_fails(&env.run_with_stdin(&["verify"], secret), 4, "revoked");

        assert_eq!(env.json(&["list"]), serde_json::json!([]));
        let all = env.json(&["list", "--status", "all"]);
        assert_eq!(all[0]["status"], "revoked");
        let again = env.run(&["revoke", "1", "--yes"]);
        assert!(again.status.success());
        assert!(stderr(&again).contains("Already revoked"));
    }
);

contract!(
    revoke_several_by_id_and_name_and_one_typo_revokes_nothing,
    |env| {
        env.create(&["a"]);
        env.create(&["b"]);
        env.create(&["c"]);
        assert_fails(
            &env.run(&["revoke", "a", "typo", "--yes"]),
            3,
            "no token 'typo'",
        );
        assert_eq!(env.json(&["list"]).as_array().map(Vec::len), Some(3));

        let revoked = env.json(&["revoke", "a", "2", "--yes"]);
        assert_eq!(revoked.as_array().map(Vec::len), Some(2));
        let left = env.json(&["list"]);
        assert_eq!(left.as_array().map(Vec::len), Some(1));
        assert_eq!(left[0]["name"], "c");
    }
);

contract!(
    revoke_by_leaked_value_on_stdin_reports_which_token_it_was,
    |env| {
        let leaked = env.create(&["leaky"]);
        env.create(&["safe"]);
        let unknown = TestEnv::new().create(&["elsewhere"]);

        let refused = env.run_with_stdin(&["revoke", "--stdin"], leaked.clone());
        assert_fails(&refused, 2, "without confirmation");

        // A look-alike (its checksum fails) is not a token.
        let last = if leaked.ends_with('x') { 'y' } else { 'x' };
        let look_alike = format!("{}{last}", &leaked[..leaked.len() - 1]);
        let nothing = env.run_with_stdin(
            &["revoke", "--stdin", "--yes"],
            format!("tcpat_garbage and {look_alike}\n"),
        );
        assert_fails(&nothing, 2, "no tokenctl token value found on stdin");
        assert_eq!(env.json(&["show", "leaky"])["status"], "active");

        // Any text: a header, a log excerpt, the same value twice.
        let output = env.run_with_stdin(
            &["revoke", "--stdin", "--yes"],
            format!(
                "curl -H 'Authorization: Bearer {leaked}' https://api\n\n\
                 2026-12-02T10:00:00Z WARN token={unknown} rejected; retry with {leaked}\n"
            ),
        );
        assert_fails(&output, 3, "1 of 2 values matched no token");
        let err = stderr(&output);
        assert!(err.contains("Revoked token 1 'leaky'"), "{err}");
        assert!(!err.contains(&leaked) && !err.contains(&unknown), "{err}");
        assert_eq!(env.json(&["show", "leaky"])["status"], "revoked");
        assert_eq!(env.json(&["show", "safe"])["status"], "active");
        let audit = env.json(&["audit", "--token", "leaky"]);
        assert!(audit.to_string().contains("revoked by value"), "{audit}");
    }
);

contract!(regenerate_replaces_the_secret_and_keeps_the_token, |env| {
    let old = env.create(&["deploy", "--role", "developer", "--expires", "20d"]);
    let before = env.json(&["show", "deploy"]);
    let refused = env.run(&["regenerate", "deploy"]);
    assert_fails(&refused, 2, "pass --yes");

    let output = env.run(&["regenerate", "deploy", "--yes"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let new = stdout(&output).trim_end().to_owned();
    assert_ne!(new, old);
    assert!(stderr(&output).contains("the old secret no longer works"));
    assert_fails(&env.run_with_stdin(&["verify"], old), 4, "no such token");
    assert_eq!(code(&env.run_with_stdin(&["verify"], new)), 0);

    let after = env.json(&["show", "deploy"]);
    for field in [
        "id",
        "name",
        "role",
        "permissions",
        "expires_at",
        "created_at",
    ] {
        assert_eq!(before[field], after[field], "{field} changed");
    }
    assert!(after["regenerated_at"].is_string());
});

contract!(
    regenerate_with_grace_keeps_the_old_secret_for_a_while,
    |env| {
        let old = env.create(&["deploy"]);
        let regenerated = env.json(&["regenerate", "deploy", "--grace", "10m", "--yes"]);
        assert!(regenerated["previous_valid_until"].is_string());
        let new = regenerated["secret"].as_str().expect("secret").to_owned();
        assert_eq!(code(&env.run_with_stdin(&["verify"], old.clone())), 0);
        assert_eq!(code(&env.run_with_stdin(&["verify"], new)), 0);
        // Revoking ends the grace period too.
        env.ok(&["revoke", "deploy", "--yes"]);
        assert_eq!(code(&env.run_with_stdin(&["verify"], old)), 4);
    }
);

contract!(revoked_and_expired_tokens_cannot_be_regenerated, |env| {
    env.create(&["gone"]);
    env.ok(&["revoke", "gone", "--yes"]);
    let output = env.run(&["regenerate", "gone", "--yes"]);
    assert_fails(
        &output,
        5,
        "is revoked; a revoked token can't be regenerated",
    );
    assert!(stderr(&output).contains("hint: issue a new one: tokenctl create gone"));

    let secret = env.create(&["brief", "--expires", "1s"]);
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_fails(
        &env.run(&["regenerate", "brief", "--yes"]),
        5,
        "an expired token can't be renewed",
    );
    assert_fails(&env.run_with_stdin(&["verify"], secret), 4, "expired");
    assert_eq!(env.json(&["show", "brief"])["status"], "expired");
    assert_eq!(
        env.json(&["list", "--status", "expired"])[0]["name"],
        "brief"
    );
    // The name is free again: an expired token is replaced by a new one.
    env.create(&["brief"]);
});

contract!(audit_records_who_did_what_and_never_the_secret, |env| {
    let secret = env.create(&["deploy"]);
    let regenerated = env.json(&["regenerate", "deploy", "--yes"]);
    env.ok(&["revoke", "deploy", "--yes"]);
    env.ok(&["user", "add", "bob"]);

    // A server's log also holds its first admin and the test's login.
    let entries: Vec<Value> = env
        .json(&["audit"])
        .as_array()
        .expect("array")
        .iter()
        .filter(|e| e["action"] != "login" && e["actor"] != "tokenctl serve")
        .cloned()
        .collect();
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().expect("action"))
        .collect();
    assert_eq!(
        actions,
        [
            "token.create",
            "token.regenerate",
            "token.revoke",
            "user.add"
        ]
    );
    let first = &entries[0];
    assert!(first["actor"].is_string() && first["at"].is_string());
    let expected_source = match env.backend {
        common::Backend::Local => "cli@",
        _ => "api@127.0.0.1",
    };
    let source = first["source"].as_str().expect("source");
    assert!(source.starts_with(expected_source), "{source}");
    assert_eq!(first["token_id"], 1);

    let text = Value::from(entries.clone()).to_string() + &env.ok(&["audit"]);
    assert!(!text.contains(&secret));
    assert!(!text.contains(regenerated["secret"].as_str().expect("secret")));

    let for_token = env.json(&["audit", "--token", "deploy"]);
    assert_eq!(for_token.as_array().map(Vec::len), Some(3));
    let recent = env.json(&["audit", "--since", "1h"]);
    let all = env.json(&["audit"]);
    assert_eq!(recent, all, "everything happened within the hour");
});

contract!(a_closed_pipe_is_not_an_error, |env| {
    for i in 0..50 {
        env.create(&[&format!("t{i}")]);
    }
    let pipeline = format!(
        "{} list --status all --json | head -c 10 >/dev/null",
        common::binary().display()
    );
    let piped = env
        .std_cmd("bash", &["-o", "pipefail", "-c", &pipeline])
        .output()
        .expect("bash");
    assert_eq!(code(&piped), 0, "{}", stderr(&piped));
    assert_eq!(stderr(&piped), "");
});

contract!(the_conventions_users_bring_from_gh_and_glab, |env| {
    // Aliases: ls, rotate, rm.
    env.create(&["soon", "--expires", "3d"]);
    let listed = env.json(&["ls"]);
    assert_eq!(listed[0]["name"], "soon", "{listed}");
    env.ok(&["rotate", "soon", "--yes"]);
    assert!(env.json(&["show", "soon"])["regenerated_at"].is_string());
    // For cron: exit 1 when something matches, 0 when nothing does.
    let matching = env.run(&["list", "--expiring-within", "7d", "--fail-if-any"]);
    assert_eq!(code(&matching), 1, "{}", stderr(&matching));
    assert!(stdout(&matching).contains("soon"));
    let none = env.run(&["list", "--expiring-within", "1d", "--fail-if-any"]);
    assert_eq!(code(&none), 0, "{}", stderr(&none));
    env.ok(&["rm", "soon", "--yes"]);
    assert_eq!(env.json(&["show", "soon"])["status"], "revoked");
    // The credential commands send, for scripts; the local store has none.
    let printed = env.run(&["auth", "token"]);
    match env.server_url() {
        Some(_) => {
            assert_eq!(code(&printed), 0, "{}", stderr(&printed));
            assert_eq!(stdout(&printed).trim(), env.session());
        }
        None => assert_eq!(code(&printed), 2, "{}", stderr(&printed)),
    }
    // Global flags under their own heading.
    let help = env.ok(&["create", "--help"]);
    let global = help
        .split("Global options:")
        .nth(1)
        .expect("a Global options heading");
    assert!(
        global.contains("--server")
            && !help
                .split("Global options:")
                .next()
                .unwrap_or("")
                .contains("--server")
    );
});

contract!(revoke_asks_on_a_terminal_and_only_yes_revokes, |env| {
    env.create(&["deploy"]);
    let (screen, status) = env.in_terminal_status("revoke deploy", "n\n");
    assert!(screen.contains("Revoke token 1 'deploy'"), "{screen}");
    assert!(screen.contains("This cannot be undone"), "{screen}");
    assert!(screen.contains("Nothing revoked."), "{screen}");
    assert!(!screen.contains("error"), "no says no, not error: {screen}");
    assert_eq!(status, 7, "cancelled, so a script can tell");
    assert_eq!(env.json(&["show", "deploy"])["status"], "active");

    let screen = env.in_terminal("revoke deploy", "y\n");
    assert!(screen.contains("Revoked token 1 'deploy'"), "{screen}");
    assert_eq!(env.json(&["show", "deploy"])["status"], "revoked");
});

/// Every question before a change: "no" exits 7 (cancelled, as the revoke
/// above) and leaves everything as it was.
fn every_declined_question_exits_7_and_changes_nothing() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    env.create(&["deploy"]);
    env.ok(&["user", "add", "bob"]);
    env.add_oauth_entry_reports();
    let before = || {
        [
            env.json(&["show", "deploy"]),
            env.json(&["keys", "list"]),
            env.json(&["user", "list"]),
            env.json(&["oauth", "list"]),
        ]
    };
    let was = before();
    for (args, nothing) in [
        ("regenerate deploy --no-clipboard", "Nothing changed."),
        ("keys rotate", "Nothing rotated."),
        ("user remove bob", "Nothing removed."),
        ("oauth remove reports", "Nothing removed."),
    ] {
        let (screen, status) = env.in_terminal_status(args, "n\n");
        assert_eq!(status, 7, "{args}: {screen}");
        assert!(screen.contains(nothing), "{args}: {screen}");
        assert!(!screen.contains("error"), "{args}: {screen}");
    }
    assert_eq!(before(), was, "a declined question changed something");
}

/// What happened a moment ago reads as the past, never "in <1m".
fn a_token_created_a_moment_ago_was_created_just_now() {
    let env = TestEnv::new();
    env.create(&["deploy"]);
    let shown = env.ok(&["show", "deploy"]);
    let created = shown
        .lines()
        .find(|line| line.starts_with("Created ") && !line.starts_with("Created by"))
        .unwrap_or_else(|| panic!("no Created line: {shown}"));
    assert!(created.contains("(just now)"), "{created}");
}

fn a_login_is_found_however_the_server_url_is_spelled() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let url = env.server_url().expect("server");
    let bare = url.trim_end_matches('/').to_owned();
    for spelling in [bare.clone(), format!("{bare}/"), format!(" {bare} ")] {
        env.ok(&["--server", &spelling, "whoami"]);
    }
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        vec![
            test!(a_login_is_found_however_the_server_url_is_spelled),
            test!(every_declined_question_exits_7_and_changes_nothing),
            test!(a_token_created_a_moment_ago_was_created_just_now),
        ],
        create_prints_only_the_secret_on_stdout_when_piped::tests(),
        create_json_has_every_documented_field::tests(),
        never_expiring_tokens_have_null_expiry::tests(),
        list_shows_the_documented_columns_and_filters::tests(),
        show_by_id_and_by_name_and_unknown_is_exit_3::tests(),
        verify_reports_the_token_and_records_use_at_most_once_a_minute::tests(),
        verify_rejects_unknown_and_malformed_values::tests(),
        revoke_needs_yes_without_a_terminal_then_kills_the_token::tests(),
        revoke_several_by_id_and_name_and_one_typo_revokes_nothing::tests(),
        revoke_by_leaked_value_on_stdin_reports_which_token_it_was::tests(),
        regenerate_replaces_the_secret_and_keeps_the_token::tests(),
        regenerate_with_grace_keeps_the_old_secret_for_a_while::tests(),
        revoked_and_expired_tokens_cannot_be_regenerated::tests(),
        audit_records_who_did_what_and_never_the_secret::tests(),
        a_closed_pipe_is_not_an_error::tests(),
        revoke_asks_on_a_terminal_and_only_yes_revokes::tests(),
        the_conventions_users_bring_from_gh_and_glab::tests(),
    ]
    .concat()
}
