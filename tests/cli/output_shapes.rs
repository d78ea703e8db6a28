//! `--jq`, `--field` and `-q`: what of a command's JSON reaches stdout.
//! The jq filters are checked against jq itself (the C implementation), so
//! ours is not only agreeing with itself; the rest against what a script
//! would do with the output.

use crate::common;

use common::{TestEnv, assert_fails, assert_success, require_tools, stderr, stdout};

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(jq_answers_what_jq_answers),
        test!(field_prints_one_bare_value_per_record),
        test!(quiet_prints_what_the_next_command_takes),
        test!(a_new_secret_is_never_silently_filtered_away),
        test!(a_bad_filter_is_refused_before_anything_changes),
        test!(a_shape_a_command_cannot_give_is_refused_up_front),
        test!(bare_values_are_exact_in_a_pipe_and_escaped_on_a_terminal),
    ]
}

/// A store with three tokens, names and descriptions past ASCII, and a
/// second user.
fn seeded() -> TestEnv {
    let env = TestEnv::new();
    env.create(&["deploy", "--expires", "7d"]);
    env.create(&["ci-über", "--type", "service", "--role", "connector"]);
    env.create(&[
        "never-ending",
        "--expires",
        "never",
        "--description",
        "ünïcode \"quoted\"",
    ]);
    let added = env.run_with_stdin(
        &[
            "user",
            "add",
            "alice",
            "--role",
            "developer",
            "--password-stdin",
        ],
        "one-time pass\n",
    );
    assert_success(&added, &["user", "add"]);
    env
}

fn jq_itself(filter: &str, document: &str) -> String {
    common::jq(&["-r", "-c", filter], document)
}

fn jq_answers_what_jq_answers() {
    require_tools(&["jq"], "apt-get install jq");
    let env = seeded();
    let filters = [
        ".[].name",
        ".[0]",
        "map(.id)",
        "map(select(.type == \"service\")) | .[].name",
        "length",
        "[.[] | {id, name, expires_at}]",
        ".[] | \"\\(.id)\\t\\(.name)\"",
        "map(.permissions | length) | add",
        "map(.description) | join(\",\")",
        ".[] | select(.expires_at == null) | .id",
    ];
    let document = env.ok(&["list", "--json"]);
    for filter in filters {
        let ours = env.ok(&["list", "--jq", filter]);
        assert_eq!(ours, jq_itself(filter, &document), "--jq {filter}");
    }
    // Every command with --json takes it; user list too.
    let users = env.ok(&["user", "list", "--jq", ".[].name"]);
    assert!(users.lines().any(|name| name == "alice"), "{users}");
}

fn field_prints_one_bare_value_per_record() {
    let env = seeded();
    assert_eq!(env.ok(&["list", "--field", "id"]), "1\n2\n3\n");
    // Bare, byte for byte what --json holds: a script gets the exact value.
    let names = env.ok(&["list", "--field", "name"]);
    assert_eq!(names, "deploy\nci-über\nnever-ending\n");
    assert_eq!(
        env.ok(&["show", "deploy", "--field", "owner"]),
        format!("{}\n", env.me())
    );
    // A string bare, anything else as JSON.
    let expires = env.ok(&["show", "1", "--field", "expires_at"]);
    assert!(
        expires.starts_with("20") && expires.ends_with("Z\n"),
        "{expires}"
    );
    assert_eq!(env.ok(&["show", "3", "--field", "expires_at"]), "null\n");
    assert_eq!(
        env.ok(&["show", "2", "--field", "permissions"]),
        "[\"files:upload\"]\n"
    );
    let missing = env.run(&["list", "--field", "nmae"]);
    assert_fails(&missing, 2, "the output has no field 'nmae'");
    assert!(
        stderr(&missing).contains("its fields are: "),
        "{}",
        stderr(&missing)
    );
    assert!(stdout(&missing).is_empty());
}

fn quiet_prints_what_the_next_command_takes() {
    let env = seeded();
    assert_eq!(env.ok(&["list", "-q"]), "1\n2\n3\n");
    assert_eq!(env.ok(&["list", "--quiet", "--type", "service"]), "2\n");
    // Users go by name: `user list -q | xargs -n1 tokenctl user disable`.
    let users = env.ok(&["user", "list", "-q"]);
    assert_eq!(users, format!("{}\nalice\n", env.me()));
    let roles = env.ok(&["role", "list", "-q"]);
    assert_eq!(roles, "admin\nconnector\ndeveloper\nsupport\n");
    // The IDs feed revoke as they are.
    let ids: Vec<String> = env
        .ok(&["list", "-q", "--type", "personal"])
        .lines()
        .map(str::to_owned)
        .collect();
    let mut revoke = vec!["revoke", "--yes", "-q"];
    revoke.extend(ids.iter().map(String::as_str));
    assert_eq!(env.ok(&revoke), "1\n3\n");
    assert_eq!(env.ok(&["list", "-q"]), "2\n");
    let both = env.run(&["list", "-q", "--jq", "."]);
    assert_fails(&both, 2, "cannot be used with");
}

fn a_new_secret_is_never_silently_filtered_away() {
    let env = TestEnv::new();
    // -q on create: the secret alone, and it is the token's.
    let created = env.run(&["create", "quiet", "-q"]);
    assert_success(&created, &["create", "-q"]);
    let secret = stdout(&created);
    assert_eq!(secret.lines().count(), 1, "{secret}");
    let verified = env.run_with_stdin(&["verify", "--field", "name"], secret.clone());
    assert_eq!(stdout(&verified), "quiet\n", "{}", stderr(&verified));
    // A filter that keeps the secret says nothing more.
    let kept = env.run(&["create", "kept", "--field", "secret"]);
    assert_success(&kept, &["create", "--field", "secret"]);
    assert!(!stderr(&kept).contains("left out"), "{}", stderr(&kept));
    // One that drops it says so, and what to do.
    for dropped in [["--field", "id"], ["--jq", ".name"]] {
        let mut args = vec!["create", "dropped"];
        args.extend(dropped);
        let output = env.run(&args);
        assert_success(&output, &args);
        let err = stderr(&output);
        assert!(
            err.contains("left out the new secret, which is never shown again"),
            "{err}"
        );
        assert!(err.contains("tokenctl regenerate"), "{err}");
        env.ok(&["revoke", "dropped", "--yes"]);
    }
    let regenerated = env.run(&["regenerate", "quiet", "--yes", "-q"]);
    let new_secret = stdout(&regenerated);
    assert_eq!(new_secret.lines().count(), 1, "{}", stderr(&regenerated));
    assert_ne!(new_secret, secret);
    let verified = env.run_with_stdin(&["verify", "-q"], new_secret);
    assert_success(&verified, &["verify", "-q"]);
}

fn a_bad_filter_is_refused_before_anything_changes() {
    let env = TestEnv::new();
    env.create(&["first"]);
    for (filter, problem) in [
        (".[", "expected closing bracket"),
        ("map(.id", "expected"),
        ("nosuchfunction", "undefined filter 'nosuchfunction'"),
    ] {
        let output = env.run(&["create", "second", "--jq", filter]);
        assert_fails(&output, 2, problem);
        assert!(
            stderr(&output).contains("is not a jq filter"),
            "{}",
            stderr(&output)
        );
    }
    // Nothing was created by any of them.
    assert_eq!(env.ok(&["list", "-q"]), "1\n");
    // A filter that fails on the data (not its syntax) is an error too.
    let output = env.run(&["list", "--jq", ".[0].name | tonumber"]);
    assert_fails(&output, 2, "--jq");
}

/// Commands that print no JSON refuse the options that shape it, and `-q`
/// is refused where there is nothing to identify, before anything runs.
fn a_shape_a_command_cannot_give_is_refused_up_front() {
    let env = TestEnv::new();
    for args in [
        &["completions", "bash", "--jq", "."][..],
        &["logout", "--field", "user"],
        &["auth", "token", "-q"],
        &["completions", "zsh", "--json"],
    ] {
        let output = env.run(args);
        assert_fails(&output, 2, "prints no JSON document");
        assert!(stdout(&output).is_empty(), "{args:?}: {}", stdout(&output));
    }
    let quiet = env.run(&["status", "-q"]);
    assert_fails(&quiet, 2, "-q prints identifiers, and status prints none");
    assert!(stderr(&quiet).contains("--field"), "{}", stderr(&quiet));
    // What it can give works as before.
    assert_eq!(env.ok(&["status", "--field", "mode"]), "local\n");
    assert_eq!(env.ok(&["whoami", "-q"]), format!("{}\n", env.me()));
}

/// A bare value may be anything someone sent (a session's client); a jq
/// string literal stands in for one here.
fn bare_values_are_exact_in_a_pipe_and_escaped_on_a_terminal() {
    let env = TestEnv::new();
    env.create(&["deploy"]);
    let filter = r#""a\u001b[2Jb""#;
    assert_eq!(env.ok(&["list", "--jq", filter]), "a\u{1b}[2Jb\n");
    let screen = env.in_terminal(&format!("list --jq '{filter}'"), "");
    assert!(screen.contains("a\\u{1b}[2Jb"), "{screen:?}");
    assert!(!screen.contains('\u{1b}'), "{screen:?}");
}
