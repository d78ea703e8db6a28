//! `completions/` and `man/` are generated from `src/cli.rs` and committed.
//! These tests fail when they drift from the CLI; the failure message names
//! the one command that refreshes them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;
use tokenctl::cli::Cli;

const REFRESH: &str = "UPDATE_GENERATED=1 cargo test --test cli generated";

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn completions() -> BTreeMap<String, Vec<u8>> {
    let shells = [
        (Shell::Bash, "tokenctl.bash"),
        (Shell::Zsh, "_tokenctl"),
        (Shell::Fish, "tokenctl.fish"),
        (Shell::PowerShell, "_tokenctl.ps1"),
        (Shell::Elvish, "tokenctl.elv"),
    ];
    shells
        .into_iter()
        .map(|(shell, file)| {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "tokenctl", &mut script);
            (file.to_owned(), script)
        })
        .collect()
}

fn man_pages() -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("temporary directory");
    clap_mangen::generate_to(Cli::command(), dir.path()).expect("generate man pages");
    read_dir(dir.path())
}

fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|entry| {
            let entry = entry.expect("directory entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            (
                name,
                std::fs::read(entry.path()).expect("read generated file"),
            )
        })
        .collect()
}

/// Compares `expected` with the committed directory, or rewrites it when
/// `UPDATE_GENERATED` is set.
fn check(dir: &str, expected: &BTreeMap<String, Vec<u8>>) {
    let path = repo_path(dir);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create directory");
        for (name, content) in expected {
            std::fs::write(path.join(name), content).expect("write generated file");
        }
        return;
    }
    let committed = read_dir(&path);
    let stale: Vec<&String> = expected
        .keys()
        .chain(committed.keys())
        .filter(|name| expected.get(*name) != committed.get(*name))
        .collect();
    assert!(
        stale.is_empty(),
        "{dir}/ is stale ({stale:?} differ from src/cli.rs); refresh it with: {REFRESH}"
    );
}

fn shell_completions_are_up_to_date() {
    check("completions", &completions());
}

fn man_pages_are_up_to_date_with_one_page_per_subcommand() {
    let pages = man_pages();
    for page in [
        "tokenctl.1",
        "tokenctl-create.1",
        "tokenctl-role-add.1",
        "tokenctl-user-disable.1",
    ] {
        assert!(
            pages.contains_key(page),
            "no {page} among {:?}",
            pages.keys()
        );
    }
    check("man", &pages);
}

fn the_completions_command_prints_the_committed_script() {
    let output = assert_cmd::Command::cargo_bin("tokenctl")
        .expect("binary")
        .args(["completions", "bash"])
        .output()
        .expect("run");
    assert!(output.status.success());
    assert_eq!(output.stdout, completions()["tokenctl.bash"]);
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(shell_completions_are_up_to_date),
        test!(man_pages_are_up_to_date_with_one_page_per_subcommand),
        test!(the_completions_command_prints_the_committed_script),
    ]
}
