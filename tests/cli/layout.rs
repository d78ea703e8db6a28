//! Every test runs, or says why not. Cargo builds only `tests/cli/main.rs`
//! (`autotests = false`), so a file that no `mod` declares, or a new file at
//! the top of `tests/`, would never run; nor would a `#[test]` under this
//! harness; and a missing component must show as ignored, not as a pass.

use std::fs;
use std::path::{Path, PathBuf};

fn every_test_file_is_a_module_of_the_test_binary() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let cli = tests.join("cli");
    let mut forgotten = Vec::new();
    for file in rust_files(&tests) {
        if !file.starts_with(&cli) {
            forgotten.push(format!("{} is outside tests/cli/", file.display()));
            continue;
        }
        if file == cli.join("main.rs") {
            continue;
        }
        let (parent, module) = declaring_file(&file);
        let declared = fs::read_to_string(&parent)
            .expect("parent module")
            .lines()
            .any(|line| declares(line, &module));
        if !declared {
            forgotten.push(format!(
                "{} is not declared (`mod {module};`) in {}",
                file.display(),
                parent.display()
            ));
        }
    }
    assert!(
        forgotten.is_empty(),
        "test files that never run:\n{}",
        forgotten.join("\n")
    );
}

/// Under this harness a `#[test]` function would not be compiled at all.
fn no_test_is_marked_for_the_builtin_harness() {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli");
    let marked: Vec<String> = rust_files(&cli)
        .into_iter()
        .filter(|file| file.file_name().is_none_or(|name| name != "layout.rs"))
        .filter(|file| {
            fs::read_to_string(file)
                .expect("readable")
                .lines()
                .any(|line| matches!(line.trim(), l if l.starts_with("#[test") || l.starts_with("#[tokio::test")))
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(
        marked.is_empty(),
        "#[test] does nothing in tests/cli (harness = false): list the test in its module's tests() instead: {marked:?}"
    );
}

/// The harness itself: this binary, asked to run one PostgreSQL test with
/// PostgreSQL out of reach, reports it ignored with the reason — and under
/// CI, failed.
fn a_missing_component_is_reported_ignored_and_fails_under_ci() {
    let run = |ci: bool| {
        let mut command = std::process::Command::new(std::env::current_exe().expect("this binary"));
        command
            .args([
                "--exact",
                "lifecycle::never_expiring_tokens_have_null_expiry::remote_postgres",
            ])
            .env("TOKENCTL_TEST_POSTGRES", "postgres://127.0.0.1:1/test")
            .env_remove("CI");
        if ci {
            command.env("CI", "true");
        }
        command.output().expect("run the test binary")
    };
    let here = run(false);
    let report = String::from_utf8_lossy(&here.stdout);
    assert!(here.status.success(), "{report}");
    assert!(
        report.contains("ignored (needs PostgreSQL at postgres://127.0.0.1:1/test"),
        "{report}"
    );
    assert!(report.contains("0 passed; 0 failed; 1 ignored"), "{report}");
    let ci = run(true);
    let report = String::from_utf8_lossy(&ci.stdout);
    assert!(!ci.status.success(), "{report}");
    assert!(
        report.contains("CI needs PostgreSQL at postgres://127.0.0.1:1/test"),
        "{report}"
    );
    assert!(report.contains("0 passed; 1 failed; 0 ignored"), "{report}");
}

/// The file that must declare `file` as a module, and the module's name.
fn declaring_file(file: &Path) -> (PathBuf, String) {
    let directory = file.parent().expect("in a directory");
    if file.file_name().is_some_and(|name| name == "mod.rs") {
        let module = directory
            .file_name()
            .expect("named")
            .to_string_lossy()
            .into_owned();
        let above = directory.parent().expect("in tests/cli");
        (parent_module_file(above), module)
    } else {
        let module = file
            .file_stem()
            .expect("named")
            .to_string_lossy()
            .into_owned();
        (parent_module_file(directory), module)
    }
}

/// `main.rs` for the top of the binary, `mod.rs` for a folder module.
fn parent_module_file(directory: &Path) -> PathBuf {
    let main = directory.join("main.rs");
    if main.is_file() {
        main
    } else {
        directory.join("mod.rs")
    }
}

fn declares(line: &str, module: &str) -> bool {
    let line = line.trim();
    let line = line
        .strip_prefix("pub(crate) ")
        .or_else(|| line.strip_prefix("pub "))
        .unwrap_or(line);
    line == format!("mod {module};")
}

fn rust_files(directory: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(directory).expect("readable") {
        let path = entry.expect("entry").path();
        if path.file_name().is_some_and(|name| name == "node_modules") {
            continue;
        }
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(every_test_file_is_a_module_of_the_test_binary),
        test!(no_test_is_marked_for_the_builtin_harness),
        test!(a_missing_component_is_reported_ignored_and_fails_under_ci),
    ]
}
