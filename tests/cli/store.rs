//! The store file itself: private permissions, schema versions, secrets that
//! never reach disk or logs, and many processes writing at once.

use crate::common;

use std::path::Path;

use common::{TestEnv, assert_fails, code, open_store, stderr, stdout};

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// The store and its WAL side files, as raw bytes.
fn store_bytes(store: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", store.display());
        if let Ok(content) = std::fs::read(&path) {
            bytes.extend(content);
        }
    }
    bytes
}

#[cfg(unix)]
fn the_store_is_private_to_its_user() {
    use common::mode;

    let env = TestEnv::new();
    env.create(&["deploy"]);
    let store = env.store();
    assert_eq!(mode(&store), 0o600);
    assert_eq!(mode(store.parent().expect("dir")), 0o700);
    for suffix in ["-wal", "-shm"] {
        let side = std::path::PathBuf::from(format!("{}{suffix}", store.display()));
        if side.exists() {
            assert_eq!(mode(&side), 0o600, "{}", side.display());
        }
    }
}

fn a_store_from_a_newer_tokenctl_is_refused_untouched() {
    let env = TestEnv::new();
    env.create(&["deploy"]);
    set_schema_version(&env.store(), 99);
    let output = env.run(&["list"]);
    assert_fails(&output, 1, "written by a newer tokenctl (schema version 99");
    assert!(stderr(&output).contains("hint: upgrade tokenctl"));
    assert_eq!(schema_version(&env.store()), 99);
}

fn set_schema_version(path: &Path, version: i64) {
    open_store(path)
        .pragma_update(None, "user_version", version)
        .expect("set version");
}

fn schema_version(path: &Path) -> i64 {
    open_store(path)
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("version")
}

fn secrets_never_reach_the_store_the_audit_log_or_debug_logs() {
    let env = TestEnv::new();
    let mut logs = String::new();
    let mut secrets = Vec::new();

    let created = env.run(&["create", "deploy", "--debug"]);
    assert_eq!(code(&created), 0, "{}", stderr(&created));
    secrets.push(stdout(&created).trim_end().to_owned());
    logs += &stderr(&created);
    assert!(
        logs.contains("opening local store"),
        "--debug logged nothing: {logs}"
    );

    let regenerated = env.run(&["regenerate", "deploy", "--grace", "1h", "--yes", "--debug"]);
    assert_eq!(code(&regenerated), 0);
    secrets.push(stdout(&regenerated).trim_end().to_owned());
    logs += &stderr(&regenerated);

    for secret in &secrets {
        let verified = env.run_with_stdin(&["verify", "--debug"], secret.clone());
        logs += &(stderr(&verified) + &stdout(&verified));
    }
    let revoked = env.run_with_stdin(
        &["revoke", "--stdin", "--yes", "--debug"],
        secrets[1].clone(),
    );
    assert_eq!(code(&revoked), 0, "{}", stderr(&revoked));
    logs += &(stderr(&revoked) + &stdout(&revoked));
    logs += &env.ok(&["audit", "--json"]);
    logs += &env.ok(&["list", "--status", "all", "--json"]);

    let on_disk = store_bytes(&env.store());
    for secret in &secrets {
        let random_part = &secret[6..];
        assert!(!logs.contains(random_part), "secret in output: {logs}");
        assert!(!contains(&on_disk, random_part), "secret in the store file");
    }
}

fn concurrent_creates_from_many_processes_all_succeed() {
    const PROCESSES: usize = 8;
    const EACH: usize = 200;
    let env = TestEnv::new();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..PROCESSES)
            .map(|worker| {
                let env = &env;
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    for i in 0..EACH {
                        let name = format!("w{worker}-{i}");
                        let output = env.run(&["create", &name, "--expires", "1d"]);
                        if !output.status.success() {
                            failures.push(format!("{name}: {}", stderr(&output)));
                        }
                    }
                    failures
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("worker"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} failures: {failures:?}",
        failures.len()
    );
    let tokens = env.json(&["list", "--all"]);
    assert_eq!(tokens.as_array().map(Vec::len), Some(PROCESSES * EACH));
    let audit = env.json(&["audit", "--all"]);
    assert_eq!(audit.as_array().map(Vec::len), Some(PROCESSES * EACH));
}

/// kill -9 at random moments during `create`: every secret that reached
/// stdout must be valid afterwards, because it is printed only after commit.
fn a_printed_secret_survives_kill_9_of_its_process() {
    let env = TestEnv::new();
    env.create(&["warm-up"]);
    let mut printed = Vec::new();
    for attempt in 0..40u64 {
        let mut child = env
            .std_cmd(common::binary(), &["create", &format!("k{attempt}")])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(attempt % 20));
        let _ = child.kill();
        let output = child.wait_with_output().expect("wait");
        let secret = stdout(&output).trim().to_owned();
        if !secret.is_empty() {
            printed.push(secret);
        }
    }
    for secret in &printed {
        let verified = env.run_with_stdin(&["verify"], secret.clone());
        assert_eq!(
            code(&verified),
            0,
            "printed secret not valid: {}",
            stderr(&verified)
        );
    }
    let integrity: String = open_store(&env.store())
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity check");
    assert_eq!(integrity, "ok");
    println!(
        "{} of 40 killed processes had printed their secret",
        printed.len()
    );
}

/// A read-only bind mount of a directory, removed when dropped.
struct ReadOnlyView(std::path::PathBuf);

impl ReadOnlyView {
    /// Skips the test (fails it under CI) where this process may not mount.
    fn of(source: &Path, at: std::path::PathBuf) -> ReadOnlyView {
        std::fs::create_dir_all(&at).expect("mount point");
        let run = |args: &[&std::ffi::OsStr]| {
            std::process::Command::new("mount")
                .args(args)
                .output()
                .is_ok_and(|output| output.status.success())
        };
        if run(&["--bind".as_ref(), source.as_os_str(), at.as_os_str()]) {
            // Unmounted on drop whether or not the remount works.
            let view = ReadOnlyView(at);
            if run(&[
                "-o".as_ref(),
                "remount,bind,ro".as_ref(),
                view.0.as_os_str(),
            ]) {
                return view;
            }
        }
        crate::harness::skip("to bind-mount a directory read-only (root)")
    }
}

impl Drop for ReadOnlyView {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

fn a_store_on_a_read_only_file_system_is_read_and_never_changed() {
    let env = TestEnv::new();
    let source = env.root().join("stores");
    std::fs::create_dir_all(&source).expect("dir");
    let writable = source.join("store.db");
    let writable = writable.to_str().expect("utf-8");
    let created = env.run(&["--store", writable, "create", "deploy"]);
    let secret = stdout(&created).trim().to_owned();
    let view = ReadOnlyView::of(&source, env.root().join("read-only"));
    let store = view.0.join("store.db");
    let store = store.to_str().expect("utf-8");
    let before = store_bytes(Path::new(store));

    let listed = env.json(&["--store", store, "list"]);
    assert_eq!(listed[0]["name"], "deploy", "{listed}");
    let verified = env
        .cmd(&["--store", store, "verify"])
        .write_stdin(format!("{secret}\n"))
        .output()
        .expect("verify");
    assert_eq!(code(&verified), 0, "{}", stderr(&verified));
    for change in [
        &["create", "another"][..],
        &["revoke", "deploy", "--yes"],
        &["user", "add", "bob"],
    ] {
        let args: Vec<&str> = ["--store", store].iter().chain(change).copied().collect();
        assert_fails(&env.run(&args), 4, "the store cannot be changed");
    }
    assert_eq!(store_bytes(Path::new(store)), before, "the file changed");
    drop(view);
    let active = env.json(&["--store", writable, "list"]);
    assert_eq!(active[0]["status"], "active");
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(the_store_is_private_to_its_user),
        test!(a_store_from_a_newer_tokenctl_is_refused_untouched),
        test!(secrets_never_reach_the_store_the_audit_log_or_debug_logs),
        test!(concurrent_creates_from_many_processes_all_succeed),
        test!(a_printed_secret_survives_kill_9_of_its_process),
        test!(a_store_on_a_read_only_file_system_is_read_and_never_changed),
    ]
}
