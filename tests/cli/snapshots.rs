//! What a person reads, pinned as snapshots (insta): every `--help`, and
//! the error and hint lines of the common mistakes. A change to any of them
//! shows up in review as a diff of `tests/cli/snapshots/*.snap`; accept it with
//! `INSTA_UPDATE=always cargo test --test cli snapshots` (or `cargo insta
//! review`). Under CI a snapshot that differs, or is missing, fails.

use crate::common;

use clap::CommandFactory;
use common::{TestEnv, code, stderr, stdout};
use tokenctl::cli::Cli;

/// Every command path there is (`["role", "add"]`), the root first, in the
/// order clap lists them: taken from the definitions, so a new subcommand
/// gets its snapshot without anyone listing it here.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        out.push(path.to_vec());
        for sub in command.get_subcommands() {
            if sub.is_hide_set() || sub.get_name() == "help" {
                continue;
            }
            let mut deeper = path.to_vec();
            deeper.push(sub.get_name().to_owned());
            walk(sub, &deeper, out);
        }
    }
    let mut paths = Vec::new();
    walk(&Cli::command(), &[], &mut paths);
    paths
}

fn every_help_text() {
    let env = TestEnv::new();
    let mut all = String::new();
    for path in command_paths() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let output = env.run(&args);
        assert_eq!(code(&output), 0, "{args:?}: {}", stderr(&output));
        all.push_str(&format!("=== tokenctl {}\n", args.join(" ")));
        all.push_str(&stdout(&output));
        all.push('\n');
    }
    assert!(all.matches("=== ").count() > 30, "{all}");
    insta::assert_snapshot!(all);
}

/// Every example in the help pastes into a shell as it reads: an example
/// fits in the help's width (beyond it clap wraps the line, and its second
/// half would run as a command of its own), and a line that goes on ends in
/// `\` or `|`, the next one indented. Read from the doc comments themselves,
/// before clap renders (and wraps) them.
fn examples_paste_as_they_read() {
    fn check(command: &clap::Command) {
        if let Some(about) = command.get_long_about() {
            let about = about.to_string();
            if let Some(examples) = about.split("Examples:\n").nth(1) {
                let mut previous = String::new();
                for line in examples.lines().take_while(|line| line.starts_with("  ")) {
                    assert!(
                        line.chars().count() <= 100,
                        "{}: an example longer than the help is wide, which clap wraps: {line}",
                        command.get_name()
                    );
                    let continued = previous.ends_with('\\') || previous.ends_with('|');
                    assert_eq!(
                        line.starts_with("      "),
                        continued,
                        "{}: {line:?} after {previous:?}",
                        command.get_name()
                    );
                    previous = line.trim_end().to_owned();
                }
            }
        }
        command.get_subcommands().for_each(check);
    }
    check(&Cli::command());
}

/// The common mistakes, on a fresh local store: each command, what it
/// printed on stderr and its exit code. The hints are the CLI's own, made
/// from the typed reason the service gave.
fn errors_and_hints_of_common_mistakes() {
    let env = TestEnv::new();
    env.create(&["gone"]);
    env.ok(&["revoke", "gone", "--yes"]);
    let cases: &[&[&str]] = &[
        &["show", "nothing"],
        &["regenerate", "gone"],
        &["create", "old", "--expires", "2000-01-01"],
        &["create", "x", "--expires", "soon"],
        &["role", "show", "nothing"],
        &["role", "add", "typo", "-p", "api:reed"],
        &["user", "disable", "ghost"],
        &["user", "add", "bob", "--role", "nothing"],
        &["revoke", "nothing", "--yes"],
        &["list", "--expiring-within", "forever"],
        &["audit", "--token", "nothing"],
        &["--server", "http://127.0.0.1:9", "status"],
    ];
    let mut transcript = String::new();
    for args in cases {
        let output = env.run(args);
        transcript.push_str(&format!(
            "$ tokenctl {}\n{}exit {}\n\n",
            args.join(" "),
            stderr(&output),
            code(&output)
        ));
    }
    let me = regex::escape(&env.me());
    insta::with_settings!({
        filters => vec![(me.as_str(), "[os-user]")],
    }, {
        insta::assert_snapshot!(transcript);
    });
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(examples_paste_as_they_read),
        test!(every_help_text),
        test!(errors_and_hints_of_common_mistakes),
    ]
}
