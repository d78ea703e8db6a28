//! Every test file is part of the one test binary: Cargo builds only
//! `tests/cli/main.rs` (`autotests = false`), so a file that no `mod`
//! declares, or a new file at the top of `tests/`, would never run.

use std::fs;
use std::path::{Path, PathBuf};

#[test]
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
