//! Every bad input gets a clear one-line error, a documented exit code, and
//! leaves the store exactly as it was.

use crate::common;

use common::{TestEnv, assert_fails, code};

/// Runs `args` expecting failure with `exit_code` and `message`, and checks
/// that nothing a user can see of the store changed.
fn assert_rejected_without_change(env: &TestEnv, args: &[&str], exit_code: i32, message: &str) {
    let before = env.snapshot();
    assert_fails(&env.run(args), exit_code, message);
    assert_eq!(env.snapshot(), before, "{args:?} changed the store");
}

fn env_with_a_token() -> TestEnv {
    let env = TestEnv::new();
    env.create(&["existing"]);
    env
}

fn unknown_role_is_refused() {
    let env = env_with_a_token();
    assert_rejected_without_change(
        &env,
        &["create", "x", "--role", "owner"],
        2,
        "error: no role named 'owner'",
    );
}

fn bad_durations_and_dates_are_refused() {
    let env = env_with_a_token();
    for (expires, message) in [
        ("3x", "unknown unit 'x'"),
        ("30", "has no unit"),
        ("2027-02-30", "is not an expiry"),
        ("soon", "is not an expiry"),
    ] {
        assert_rejected_without_change(&env, &["create", "x", "--expires", expires], 2, message);
    }
    assert_rejected_without_change(
        &env,
        &["create", "x", "--expires", "2001-01-01"],
        2,
        "is in the past",
    );
    assert_rejected_without_change(
        &env,
        &["list", "--expiring-within", "soon"],
        2,
        "invalid value 'soon'",
    );
}

fn bad_names_and_descriptions_are_refused() {
    let env = env_with_a_token();
    let long_name = "n".repeat(65);
    let long_description = "d".repeat(513);
    for (args, message) in [
        (vec!["create", ""], "the token name is empty"),
        (vec!["create", "   "], "the token name is empty"),
        (vec!["create", "123"], "may not be only digits"),
        (vec!["create", &long_name], "longer than 64 characters"),
        (
            vec!["create", "ok", "--description", &long_description],
            "longer than 512 characters",
        ),
        (vec!["create", "tab\tname"], "control characters"),
    ] {
        assert_rejected_without_change(&env, &args, 2, message);
    }
}

fn a_duplicate_active_name_is_a_conflict() {
    let env = env_with_a_token();
    assert_rejected_without_change(
        &env,
        &["create", "existing"],
        5,
        "an active token named 'existing' already exists",
    );
}

fn unknown_type_and_status_are_usage_errors() {
    let env = env_with_a_token();
    assert_rejected_without_change(
        &env,
        &["create", "x", "--type", "robot"],
        2,
        "unknown token type",
    );
    assert_rejected_without_change(
        &env,
        &["list", "--status", "dead"],
        2,
        "invalid value 'dead'",
    );
}

fn non_utf8_stdin_is_refused() {
    let env = env_with_a_token();
    let before = env.snapshot();
    let garbage = vec![0xff, 0xfe, b't', b'c', 0x80, b'\n'];
    assert_fails(
        &env.run_with_stdin(&["revoke", "--stdin", "--yes"], garbage.clone()),
        2,
        "stdin is not valid UTF-8",
    );
    assert_fails(
        &env.run_with_stdin(&["verify"], garbage),
        2,
        "stdin is not valid UTF-8",
    );
    assert_eq!(env.snapshot(), before);
}

fn a_broken_config_file_is_reported_with_its_path() {
    let env = env_with_a_token();
    let config = env.config_file();
    std::fs::create_dir_all(config.parent().expect("parent")).expect("mkdir");
    std::fs::write(&config, "store = [broken").expect("write config");
    let output = env.run(&["list"]);
    assert_fails(&output, 2, "the config file");
    assert_fails(&output, 2, "is invalid");
    std::fs::write(&config, "stor = \"typo.db\"\n").expect("write config");
    assert_fails(&env.run(&["list"]), 2, "unknown field `stor`");
}

fn config_policy_caps_lifetimes_and_can_forbid_never() {
    let env = env_with_a_token();
    let config = env.config_file();
    std::fs::create_dir_all(config.parent().expect("parent")).expect("mkdir");
    std::fs::write(
        &config,
        "[policy]\nmax_lifetime = \"90d\"\nallow_never = false\ndefault_lifetime = \"14d\"\n",
    )
    .expect("write config");
    assert_rejected_without_change(
        &env,
        &["create", "x", "--expires", "never"],
        2,
        "not allowed",
    );
    assert_rejected_without_change(
        &env,
        &["create", "x", "--expires", "91d"],
        2,
        "tokens may live at most 90d",
    );
    // Rotation is held to the same rules: refused, never shortened.
    assert_rejected_without_change(
        &env,
        &["regenerate", "existing", "--expires", "91d", "--yes"],
        2,
        "tokens may live at most 90d",
    );
    let created = env.json(&["create", "x"]);
    let created_at =
        chrono::DateTime::parse_from_rfc3339(created["created_at"].as_str().expect("t"));
    let expires_at =
        chrono::DateTime::parse_from_rfc3339(created["expires_at"].as_str().expect("t"));
    let lifetime = expires_at.expect("expiry") - created_at.expect("creation");
    assert_eq!(lifetime.num_days(), 14);
}

fn flag_beats_env_beats_config_for_the_store_path() {
    let env = TestEnv::new();
    let config = env.config_file();
    std::fs::create_dir_all(config.parent().expect("parent")).expect("mkdir");
    let from_config = env.root().join("from-config.db");
    let from_env = env.root().join("from-env.db");
    let from_flag = env.root().join("from-flag.db");
    std::fs::write(
        &config,
        format!("store = {:?}\n", from_config.display().to_string()),
    )
    .expect("write config");

    env.ok(&["create", "a"]);
    assert!(from_config.exists());
    env.cmd(&["create", "b"])
        .env("TOKENCTL_STORE", &from_env)
        .assert()
        .success();
    assert!(from_env.exists());
    env.cmd(&["create", "c", "--store", from_flag.to_str().expect("utf-8")])
        .env("TOKENCTL_STORE", &from_env)
        .assert()
        .success();
    assert!(from_flag.exists());
    assert!(!env.store().exists(), "the default store should be unused");
}

/// A name two visible tokens share (neither the caller's) is a conflict
/// to resolve by ID: exit 5, the IDs named, nothing revoked.
fn an_ambiguous_token_name_is_a_conflict_that_names_the_ids() {
    let env = TestEnv::new();
    for user in ["alice", "bob"] {
        env.ok(&["user", "add", user, "--role", "developer"]);
        env.create(&["shared", "--for", user]);
    }
    let output = env.run(&["show", "shared"]);
    assert_fails(&output, 5, "'shared' matches 2 tokens (ids 1, 2)");
    assert_rejected_without_change(
        &env,
        &["revoke", "shared", "--yes"],
        5,
        "name the token by its ID instead",
    );
}

/// A command that reads one token checks exactly one: a second line is
/// refused, not silently ignored.
fn one_token_on_stdin_means_one_line() {
    let env = TestEnv::new();
    let secret = env.create(&["existing"]);
    for args in [&["verify"][..], &["exchange", "--token-stdin"]] {
        assert_fails(
            &env.run_with_stdin(args, format!("{secret}\nnot a token\n")),
            2,
            "stdin has 2 lines: this reads one token",
        );
    }
    // Blank lines around the one are fine.
    assert_eq!(
        code(&env.run_with_stdin(&["verify"], format!("\n{secret}\n\n"))),
        0
    );
}

/// Small mistakes are named as what they are, before anything is done.
fn mistakes_say_what_they_are() {
    let env = env_with_a_token();
    let before = env.snapshot();
    assert_fails(
        &env.run(&["list", "--owner", "typo"]),
        3,
        "no user named 'typo'",
    );
    assert_fails(
        &env.run(&["exchange", "--json", "--output", "env"]),
        2,
        "--json and --output env ask for two formats",
    );
    let no_scheme = env
        .cmd(&["list"])
        .env("TOKENCTL_SERVER", "localhost:8787")
        .output()
        .expect("run");
    assert_fails(
        &no_scheme,
        2,
        "'localhost:8787' is not an http(s) server URL",
    );
    assert_eq!(env.snapshot(), before);
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(mistakes_say_what_they_are),
        test!(one_token_on_stdin_means_one_line),
        test!(unknown_role_is_refused),
        test!(bad_durations_and_dates_are_refused),
        test!(bad_names_and_descriptions_are_refused),
        test!(a_duplicate_active_name_is_a_conflict),
        test!(unknown_type_and_status_are_usage_errors),
        test!(non_utf8_stdin_is_refused),
        test!(a_broken_config_file_is_reported_with_its_path),
        test!(config_policy_caps_lifetimes_and_can_forbid_never),
        test!(flag_beats_env_beats_config_for_the_store_path),
        test!(an_ambiguous_token_name_is_a_conflict_that_names_the_ids),
    ]
}
