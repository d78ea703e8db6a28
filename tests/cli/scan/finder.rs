//! The finder, offline.

use super::*;

fn look_alikes_with_a_wrong_checksum_are_not_reported() {
    let env = TestEnv::new();
    let real = TestEnv::new().create(&["real"]);
    let wrong = typo(&real);
    let mut wrong_checksum = real.clone();
    wrong_checksum.replace_range(41.., if real.ends_with('A') { "B" } else { "A" });
    let file = env.root().join("look-alikes.txt");
    write(
        &file,
        format!(
            "{wrong}\n{wrong_checksum}\n{}\ntcpat_\n{}\nTCPAT_{}\n",
            &real[..41],
            STANDARD.encode(&wrong),
            &real[6..]
        ),
    );
    let (finds, output) = scan_json(&env, &["--store", &no_store(&env), &text(&file)]);
    assert_eq!(finds, Vec::<Value>::new());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stderr(&output).contains("No tokens found in 1 input"));
}

fn huge_lines_are_streamed_in_fixed_memory() {
    let env = TestEnv::new();
    let token = TestEnv::new().create(&["big"]);
    let size = 48 * 1024 * 1024;
    let mut line = vec![b'x'; size];
    line[size / 2..size / 2 + 42].copy_from_slice(token.as_bytes());
    line.extend_from_slice(token.as_bytes());
    line.push(b'\n');
    let file = env.root().join("one-line.txt");
    write(&file, &line);
    let (middle, end, path) = (size / 2 + 1, size + 1, text(&file));

    let child = env
        .std_cmd(
            common::binary(),
            &["scan", "--json", "--store", &no_store(&env), &path],
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start tokenctl scan");
    let peak = peak_memory_kib(&child);
    let output = child.wait_with_output().expect("scan");
    assert_eq!(
        pick(&parse_finds(&output), &["line", "column", "file"]),
        json!([[1, middle, path], [1, end, path]])
    );
    assert!(
        peak > 0 && peak < 40 * 1024,
        "peak RSS {peak} KiB for a 48 MiB line"
    );

    let piped = env.run_with_stdin(&["scan", "--json", "--store", &no_store(&env)], line);
    assert_eq!(
        pick(&parse_finds(&piped), &["line", "column", "file"]),
        json!([[1, middle, "<stdin>"], [1, end, "<stdin>"]])
    );
}

/// The highest resident set size the running child reaches, in KiB
/// (`VmHWM` only grows, so sampling until it exits sees the peak).
pub(crate) fn peak_memory_kib(child: &std::process::Child) -> u64 {
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while let Ok(text) = std::fs::read_to_string(&status) {
        let Some(value) = text
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        else {
            break; // a zombie: its memory is gone
        };
        peak = peak.max(value);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    peak
}

fn non_utf8_text_is_scanned_and_binary_files_are_skipped() {
    let env = TestEnv::new();
    let token = TestEnv::new().create(&["bytes"]);
    let tree = env.root().join("mixed");
    write(
        &tree.join("latin1.txt"),
        [
            b"caf\xe9 \xff\xfe token=".as_slice(),
            token.as_bytes(),
            b"\n",
        ]
        .concat(),
    );
    write(
        &tree.join("image.bin"),
        [b"\x89PNG\0\0".as_slice(), token.as_bytes()].concat(),
    );
    let mut late_nul = vec![b'a'; 9000];
    late_nul.push(0);
    late_nul.extend_from_slice(token.as_bytes());
    write(&tree.join("late-nul.dat"), late_nul);

    let (finds, output) = scan_json(&env, &["--store", &no_store(&env), &text(&tree)]);
    assert_eq!(
        places(&finds),
        [
            place("late-nul.dat", 1, 9002, "plain", "unknown"),
            place("latin1.txt", 1, 15, "plain", "unknown"),
        ]
    );
    assert!(
        stderr(&output).contains("1 binary skipped"),
        "{}",
        stderr(&output)
    );
    assert_secret_free(&output, &[&token]);
}

fn symlink_loops_are_reported_and_the_scan_goes_on() {
    let env = TestEnv::new();
    let token = TestEnv::new().create(&["looped"]);
    let tree = env.root().join("loops");
    write(&tree.join("a/token.txt"), format!("{token}\n"));
    std::os::unix::fs::symlink("..", tree.join("a/up")).expect("symlink");
    std::os::unix::fs::symlink("../a", tree.join("a/self")).expect("symlink");
    let store = no_store(&env);

    let (finds, output) = scan_json(&env, &["--store", &store, &text(&tree)]);
    assert_eq!(finds.len(), 1, "links are not followed by default");
    assert!(!stderr(&output).contains("loop"));

    let (finds, output) = scan_json(&env, &["--store", &store, "--follow", &text(&tree)]);
    let err = stderr(&output);
    assert_eq!(finds.len(), 1, "{err}");
    assert!(err.contains("symbolic link loop"), "{err}");
    assert_eq!(
        code(&output),
        1,
        "a live token outranks the incomplete scan"
    );

    std::fs::remove_file(tree.join("a/token.txt")).expect("remove");
    let output = scan(&env, &["--store", &store, "-L", &text(&tree)]);
    assert_fails(&output, 2, "could not be read: the scan is incomplete");
}

/// Root reads everything, so as root the scan runs as `nobody` (setpriv).
fn unreadable_files_are_reported_one_line_each_and_the_scan_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let token = TestEnv::new().create(&["readable"]);
    let hidden = TestEnv::new().create(&["locked"]);
    let tree = env.root().join("perm");
    write(&tree.join("open.txt"), format!("{token}\n"));
    write(&tree.join("locked.txt"), format!("{hidden}\n"));
    write(&tree.join("closed/inner.txt"), format!("{hidden}\n"));
    let mode = |path: PathBuf, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    mode(env.root().to_owned(), 0o755);
    mode(tree.join("locked.txt"), 0o000);
    mode(tree.join("closed"), 0o000);
    let run = |extra: &[&str]| -> Output {
        let mut args = vec!["scan".to_owned(), "--store".to_owned(), no_store(&env)];
        args.extend(extra.iter().map(|arg| (*arg).to_owned()));
        args.push(text(&tree));
        as_unprivileged(&env, &args)
    };

    let output = run(&["--json"]);
    let finds = parse_finds(&output);
    assert_eq!(places(&finds)[0].0, "open.txt");
    assert_eq!(finds.len(), 1);
    let err = stderr(&output);
    let problems: Vec<&str> = err.lines().filter(|l| l.contains("cannot read")).collect();
    assert_eq!(problems.len(), 2, "{err}");
    assert!(
        problems
            .iter()
            .any(|l| l.contains("locked.txt: Permission denied")),
        "{err}"
    );
    assert!(problems.iter().any(|l| l.contains("closed")), "{err}");
    assert_eq!(code(&output), 1);
    assert_secret_free(&output, &[&token, &hidden]);

    std::fs::remove_file(tree.join("open.txt")).expect("remove");
    let output = run(&[]);
    assert_fails(
        &output,
        2,
        "2 inputs could not be read: the scan is incomplete",
    );
    assert!(stderr(&output).contains("hint: fix their permissions"));
    mode(tree.join("closed"), 0o755);

    // A path that does not exist is a typo, not a permission.
    let missing = env.root().join("nosuchfile");
    let output = env.run(&["scan", "--store", &no_store(&env), &text(&missing)]);
    assert_fails(&output, 2, "1 input could not be read");
    assert!(
        stderr(&output).contains("hint: check the paths given: they do not exist"),
        "{}",
        stderr(&output)
    );
}

/// Runs tokenctl with `args`, as `nobody` when the tests run as root.
pub(crate) fn as_unprivileged(env: &TestEnv, args: &[String]) -> Output {
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).trim() == "0");
    let binary = text(&common::binary());
    let mut command = if is_root {
        let mut all = vec![
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            &binary,
        ];
        all.extend(args.iter().map(String::as_str));
        env.std_cmd("setpriv", &all)
    } else {
        let all: Vec<&str> = args.iter().map(String::as_str).collect();
        env.std_cmd(&binary, &all)
    };
    command.output().expect("run tokenctl")
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(look_alikes_with_a_wrong_checksum_are_not_reported),
        test!(huge_lines_are_streamed_in_fixed_memory),
        test!(non_utf8_text_is_scanned_and_binary_files_are_skipped),
        test!(symlink_loops_are_reported_and_the_scan_goes_on),
        test!(unreadable_files_are_reported_one_line_each_and_the_scan_goes_on),
    ]
}
