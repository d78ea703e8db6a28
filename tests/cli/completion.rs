//! Dynamic shell completion as a user has it: real bash sources what
//! `COMPLETE=bash tokenctl` prints, and its completion function is asked
//! what Tab offers after a partial command line — on the local store and
//! against a real server, whose names the candidates must come from.

use crate::common;

use common::{TestEnv, assert_success, binary, stderr, stdout};

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        tab_offers_the_names_that_are_there::tests(),
        vec![test!(tab_never_creates_a_store_nor_waits_for_a_dead_server)],
    ]
    .concat()
}

/// What bash's Tab offers for `words` (the last one is being typed),
/// options left out; and what the completion wrote on stderr.
fn offered(env: &TestEnv, words: &[&str], extra_env: &[(&str, &str)]) -> (Vec<String>, String) {
    let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    let index = words.len() - 1;
    let previous = quoted[index.saturating_sub(1)].clone();
    let script = format!(
        "source <(COMPLETE=bash tokenctl) || exit 3\n\
         COMP_WORDS=({words}); COMP_CWORD={index}; COMP_TYPE=9\n\
         _clap_complete_tokenctl tokenctl {current} {previous}\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        words = quoted.join(" "),
        current = quoted[index],
    );
    let bin_dir = binary().parent().expect("bin dir").to_owned();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut bash = env.std_cmd("bash", &["-c", &script]);
    bash.env("PATH", path);
    for (name, value) in extra_env {
        bash.env(name, value);
    }
    let output = bash.output().expect("bash");
    assert_success(&output, words);
    let mut values: Vec<String> = stdout(&output)
        .lines()
        .filter(|value| !value.is_empty() && !value.starts_with('-'))
        .map(str::to_owned)
        .collect();
    values.sort();
    (values, stderr(&output))
}

fn values(env: &TestEnv, words: &[&str]) -> Vec<String> {
    offered(env, words, &[]).0
}

contract!(tab_offers_the_names_that_are_there, |env| {
    env.create(&["deploy"]);
    env.create(&["debug-ci"]);
    let gone = env.create(&["gone"]);
    env.ok(&["revoke", "gone", "--yes"]);
    assert!(!gone.is_empty());
    let added = env.run_with_stdin(
        &[
            "user",
            "add",
            "alice",
            "--role",
            "support",
            "--password-stdin",
        ],
        "one-time pass\n",
    );
    assert_success(&added, &["user", "add"]);

    // Active tokens by name and by ID; a revoked one is not offered.
    assert_eq!(
        values(env, &["tokenctl", "show", ""]),
        ["1", "2", "debug-ci", "deploy"]
    );
    assert_eq!(
        values(env, &["tokenctl", "revoke", "de"]),
        ["debug-ci", "deploy"]
    );
    assert_eq!(values(env, &["tokenctl", "regenerate", "dep"]), ["deploy"]);
    assert_eq!(
        values(env, &["tokenctl", "audit", "--token", "debug"]),
        ["debug-ci"]
    );
    // Users, and roles where a role is asked for.
    let me = env.me();
    let mut users = vec!["alice".to_owned(), me.clone()];
    users.sort();
    assert_eq!(values(env, &["tokenctl", "user", "disable", ""]), users);
    assert_eq!(
        values(env, &["tokenctl", "create", "x", "--for", "al"]),
        ["alice"]
    );
    assert_eq!(
        values(env, &["tokenctl", "user", "set-role", "alice", "d"]),
        ["developer"]
    );
    assert_eq!(
        values(env, &["tokenctl", "role", "show", ""]),
        ["admin", "connector", "developer", "support"]
    );
});

fn tab_never_creates_a_store_nor_waits_for_a_dead_server() {
    let env = TestEnv::new();
    let (found, err) = offered(&env, &["tokenctl", "show", ""], &[]);
    assert!(found.is_empty(), "{found:?}");
    assert!(err.is_empty(), "completion wrote on the terminal: {err}");
    assert!(!env.store().exists(), "a Tab created a store");
    // The OAuth entries of this machine.
    env.add_oauth_entry_reports();
    assert_eq!(
        values(&env, &["tokenctl", "oauth", "token", "re"]),
        ["reports"]
    );
    // A server that does not answer: nothing offered, nothing said, soon.
    let started = std::time::Instant::now();
    let (found, err) = offered(
        &env,
        &["tokenctl", "show", ""],
        &[
            ("TOKENCTL_SERVER", "http://127.0.0.1:9"),
            ("TOKENCTL_TOKEN", "tcpat_x"),
        ],
    );
    assert!(found.is_empty() && err.is_empty(), "{found:?} {err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}
