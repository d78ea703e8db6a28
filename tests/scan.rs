//! `tokenctl scan` as support staff and commit hooks drive it: real files,
//! real git repositories, tokens created with the real CLI, and their
//! status asked of a real store or server (the contract suite runs those
//! tests on the local store and on `tokenctl serve` over SQLite and
//! PostgreSQL). No full secret may ever reach stdout or stderr.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use common::{TestEnv, assert_fails, code, stderr, stdout};
use serde_json::{Value, json};

const JSON_FIELDS: [&str; 12] = [
    "file",
    "line",
    "column",
    "kind",
    "encoding",
    "hint",
    "status",
    "live",
    "id",
    "name",
    "owner",
    "revoked_now",
];

fn write(path: &Path, content: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create directories");
    }
    std::fs::write(path, content).expect("write file");
}

fn text(path: &Path) -> String {
    path.to_str().expect("utf-8 path").to_owned()
}

/// `tokenctl scan ARGS`, whatever the exit code.
fn scan(env: &TestEnv, args: &[&str]) -> Output {
    let mut all = vec!["scan"];
    all.extend_from_slice(args);
    env.run(&all)
}

/// `tokenctl scan --json ARGS`: the finds, and the raw output.
fn scan_json(env: &TestEnv, args: &[&str]) -> (Vec<Value>, Output) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let output = scan(env, &all);
    (parse_finds(&output), output)
}

fn parse_finds(output: &Output) -> Vec<Value> {
    let finds: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "scan --json printed no JSON ({error}): {}\nstderr: {}",
            stdout(output),
            stderr(output)
        )
    });
    finds.as_array().expect("an array").clone()
}

/// No secret, nor the random part of one, in anything tokenctl printed.
fn assert_secret_free(output: &Output, secrets: &[&str]) {
    let printed = format!("{}{}", stdout(output), stderr(output));
    for secret in secrets {
        assert!(
            !printed.contains(&secret[6..]),
            "a secret was printed:\n{printed}"
        );
    }
}

/// The named fields of each find, one JSON array per find.
fn pick(finds: &[Value], keys: &[&str]) -> Value {
    finds
        .iter()
        .map(|find| keys.iter().map(|key| find[*key].clone()).collect::<Value>())
        .collect()
}

/// `(file name, line, column, encoding, status)` of each find, in order.
fn places(finds: &[Value]) -> Vec<Place> {
    finds
        .iter()
        .map(|find| {
            let file = Path::new(find["file"].as_str().expect("file"));
            (
                file.file_name()
                    .expect("a file name")
                    .to_string_lossy()
                    .into_owned(),
                find["line"].as_u64().expect("line"),
                find["column"].as_u64().expect("column"),
                find["encoding"].as_str().expect("encoding").to_owned(),
                find["status"].as_str().expect("status").to_owned(),
            )
        })
        .collect()
}

type Place = (String, u64, u64, String, String);

fn place(file: &str, line: u64, column: u64, encoding: &str, status: &str) -> Place {
    (
        file.to_owned(),
        line,
        column,
        encoding.to_owned(),
        status.to_owned(),
    )
}

/// 1-based byte column of `needle` in `line`.
fn column(line: &str, needle: &str) -> u64 {
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {line}"));
    u64::try_from(at + 1).expect("small")
}

/// Column where scan reports a secret that was base64-encoded after `lead`
/// bytes: the start of the base64 group holding its first byte.
fn base64_column(line: &str, encoded: &str, lead: usize) -> u64 {
    column(line, encoded) + u64::try_from(lead / 3 * 4).expect("small")
}

/// A secret with one character changed: same shape, wrong checksum.
fn typo(secret: &str) -> String {
    let mut bytes = secret.as_bytes().to_vec();
    bytes[20] = if bytes[20] == b'a' { b'b' } else { b'a' };
    String::from_utf8(bytes).expect("ascii")
}

/// Something that is not a store: scans run offline against it.
fn no_store(env: &TestEnv) -> String {
    text(&env.root().join("no-store.db"))
}

// --- what scan finds, and whose it is (every backend) -----------------------

contract!(finds_tokens_in_every_context_and_says_whose, |env| {
    let brief = env.create(&["brief", "--expires", "1s"]);
    let deploy = env.create(&["deploy"]);
    let old = env.create(&["old"]);
    env.ok(&["revoke", "old", "--yes"]);
    let uploader = env.create(&["uploader", "--type", "service", "--role", "connector"]);
    let foreign = TestEnv::new().create(&["elsewhere"]);
    std::thread::sleep(std::time::Duration::from_millis(2100));

    let tree = env.root().join("tree");
    let log_line = format!("2026-01-05T10:00:01Z DEBUG upload token={deploy} user=ci");
    write(&tree.join("app.log"), format!("started\n{log_line}\n"));
    let json_line = format!("    \"token\": \"{old}\"");
    write(
        &tree.join("config.json"),
        format!("{{\n  \"ci\": {{\n{json_line}\n  }}\n}}\n"),
    );
    let url_line = format!(
        "GET /login?next=https%3A%2F%2Fapp.example%2Fhome%3Faccess_token%3D{deploy}%26x%3D1 HTTP/1.1"
    );
    write(&tree.join("request.log"), format!("{url_line}\n"));
    let basic = STANDARD.encode(format!("ci:{brief}"));
    let basic_line = format!("Authorization: Basic {basic}");
    let config = STANDARD.encode(format!("{{\"token\":\"{uploader}\"}}"));
    let config_line = format!("  config.json: {config}");
    write(
        &tree.join("k8s/secret.yaml"),
        format!("kind: Secret\ndata:\n{config_line}\n# {basic_line}\n"),
    );
    write(&tree.join(".env"), format!("TOKEN={foreign}\n"));

    let (finds, output) = scan_json(env, &[&text(&tree)]);
    assert_eq!(code(&output), 1, "live tokens: exit 1; {}", stderr(&output));
    let expected = [
        place(".env", 1, 7, "plain", "not_found"),
        place("app.log", 2, column(&log_line, &deploy), "plain", "active"),
        place(
            "config.json",
            3,
            column(&json_line, &old),
            "plain",
            "revoked",
        ),
        place(
            "secret.yaml",
            3,
            base64_column(&config_line, &config, 10),
            "base64",
            "active",
        ),
        place(
            "secret.yaml",
            4,
            base64_column(&format!("# {basic_line}"), &basic, 3),
            "base64",
            "expired",
        ),
        place(
            "request.log",
            1,
            column(&url_line, &deploy),
            "plain",
            "active",
        ),
    ];
    assert_eq!(places(&finds), expected);

    let me = env.me();
    let by_name = |name: &str| -> &Value {
        finds
            .iter()
            .find(|find| find["name"] == name)
            .unwrap_or_else(|| panic!("no find of {name}"))
    };
    let service = by_name("uploader");
    assert_eq!(service["kind"], "service");
    assert_eq!(service["owner"], me.as_str());
    assert_eq!(service["live"], true);
    assert!(service["id"].is_i64());
    let hint = service["hint"].as_str().expect("hint");
    assert!(hint.starts_with("tcsvc_…") && hint.ends_with(&uploader[38..]));
    assert_eq!(by_name("old")["live"], false);
    assert_eq!(by_name("brief")["live"], false);
    let stranger = &finds[0];
    assert_eq!(
        stranger["live"], true,
        "an unknown token can't be shown dead"
    );
    assert!(stranger["id"].is_null() && stranger["name"].is_null());
    for find in &finds {
        let object = find.as_object().expect("an object per find");
        assert_eq!(object.len(), JSON_FIELDS.len(), "{find}");
        assert!(
            JSON_FIELDS.iter().all(|key| object.contains_key(*key)),
            "{find}"
        );
    }
    assert!(
        stderr(&output).contains("3 live tokens found"),
        "{}",
        stderr(&output)
    );
    let all = [
        brief.as_str(),
        deploy.as_str(),
        old.as_str(),
        uploader.as_str(),
        foreign.as_str(),
    ];
    assert_secret_free(&output, &all);

    let table = scan(env, &[&text(&tree)]);
    assert_eq!(code(&table), 1);
    let shown = stdout(&table);
    let header: Vec<&str> = shown
        .lines()
        .next()
        .expect("header")
        .split_whitespace()
        .collect();
    assert_eq!(
        header,
        [
            "FILE", "LINE", "COL", "KIND", "HINT", "ID", "NAME", "OWNER", "STATUS"
        ]
    );
    assert_eq!(shown.lines().count(), 7, "{shown}");
    assert!(
        shown.contains("service (base64)") && shown.contains("not_found"),
        "{shown}"
    );
    let summary = stderr(&table);
    assert!(
        summary.contains("Found 5 tokens (3 live) in 5 inputs"),
        "{summary}"
    );
    assert!(summary.contains("error: 3 live tokens found"), "{summary}");
    assert!(summary.contains("hint: revoke them"), "{summary}");
    assert_secret_free(&table, &all);
});

contract!(
    revoke_kills_live_finds_and_audits_where_they_leaked,
    |env| {
        let leaky = env.create(&["leaky"]);
        let gone = env.create(&["gone"]);
        env.ok(&["revoke", "gone", "--yes"]);
        env.create(&["safe"]);
        let tree = env.root().join("leak");
        write(&tree.join("a.log"), format!("token {leaky}\n"));
        write(&tree.join("b.log"), format!("again {leaky} and {gone}\n"));
        let path = text(&tree);

        let refused = scan(env, &["--revoke", &path]);
        assert_fails(&refused, 2, "refusing to revoke without confirmation");
        assert!(stderr(&refused).contains("hint: pass --yes"));
        assert_eq!(stdout(&refused), "", "refused before scanning");
        assert_eq!(env.json(&["show", "leaky"])["status"], "active");

        let (finds, output) = scan_json(env, &["--revoke", "--yes", &path]);
        assert_eq!(
            code(&output),
            0,
            "nothing live is left: {}",
            stderr(&output)
        );
        assert_eq!(
            pick(&finds, &["name", "revoked_now", "status"]),
            json!([
                ["leaky", true, "revoked"],
                ["leaky", true, "revoked"],
                ["gone", false, "revoked"]
            ])
        );
        assert!(stderr(&output).contains("Revoked token 1 'leaky'"));
        assert_secret_free(&output, &[&leaky, &gone]);
        assert_eq!(env.json(&["show", "leaky"])["status"], "revoked");
        assert_eq!(env.json(&["show", "safe"])["status"], "active");

        let audit = env.json(&["audit", "--token", "leaky"]);
        let revocations: Vec<&Value> = audit
            .as_array()
            .expect("entries")
            .iter()
            .filter(|entry| entry["action"] == "token.revoke")
            .collect();
        assert_eq!(revocations.len(), 1, "one entry per token: {audit}");
        let detail = revocations[0]["detail"].as_str().expect("detail");
        let first_file = text(&tree.join("a.log"));
        assert!(
            detail.ends_with(&format!("reason: leaked: found by scan in {first_file}")),
            "{detail}"
        );
        assert!(!detail.contains(&leaky[6..]));

        let pasted = env.create(&["pasted"]);
        let piped = env.run_with_stdin(
            &["scan", "--revoke", "--yes"],
            format!("from chat: {pasted}\n"),
        );
        assert_eq!(code(&piped), 0, "{}", stderr(&piped));
        let audit = env.json(&["audit", "--token", "pasted"]).to_string();
        assert!(
            audit.contains("leaked: found by scan in <stdin>"),
            "{audit}"
        );
    }
);

contract!(revoke_asks_on_a_terminal, |env| {
    let leaky = env.create(&["leaky"]);
    let file = env.root().join("leak.txt");
    write(&file, format!("{leaky}\n"));
    let args = format!("scan --revoke {}", file.display());
    let screen = env.in_terminal(&args, "n\n");
    assert!(
        screen.contains("Revoke token 1 'leaky'") && screen.contains("cannot be undone"),
        "{screen}"
    );
    assert!(screen.contains("Nothing revoked."), "{screen}");
    assert_eq!(env.json(&["show", "leaky"])["status"], "active");
    let screen = env.in_terminal(&args, "y\n");
    assert!(screen.contains("Revoked token 1 'leaky'"), "{screen}");
    assert_eq!(env.json(&["show", "leaky"])["status"], "revoked");
    assert!(!screen.contains(&leaky[6..]), "{screen}");
});

// --- offline ------------------------------------------------------------------

#[test]
fn without_a_store_or_server_finds_are_reported_offline() {
    let env = TestEnv::new();
    let token = TestEnv::new().create(&["elsewhere"]);
    let file = env.root().join("paste.txt");
    write(&file, format!("{token}\n"));
    let path = text(&file);

    let (finds, output) = scan_json(&env, &[&path]);
    assert_eq!(code(&output), 1, "an unknown token counts as live");
    assert_eq!(finds[0]["status"], "unknown");
    assert_eq!(finds[0]["live"], true);
    let err = stderr(&output);
    assert!(
        err.contains("warning: the tokens found were not checked (there is no token store at"),
        "{err}"
    );
    assert!(!env.store().exists(), "scan must not create a store");

    let unreachable = ["--server", "http://127.0.0.1:9"];
    let (finds, output) = scan_json(&env, &[unreachable[0], unreachable[1], &path]);
    assert_eq!(code(&output), 1);
    assert_eq!(finds[0]["status"], "unknown");
    assert!(
        stderr(&output).contains("cannot reach the server"),
        "{}",
        stderr(&output)
    );

    let revoke = scan(
        &env,
        &[unreachable[0], unreachable[1], "--revoke", "--yes", &path],
    );
    assert_fails(&revoke, 6, "cannot reach the server");
    assert!(stdout(&revoke).contains("unknown"), "finds are shown first");
    let revoke = scan(&env, &["--revoke", "--yes", &path]);
    assert_fails(&revoke, 3, "there is no token store at");
    assert_secret_free(&revoke, &[&token]);
}

// --- the finder, offline --------------------------------------------------------

#[test]
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

#[test]
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
fn peak_memory_kib(child: &std::process::Child) -> u64 {
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

#[test]
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

#[test]
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
#[test]
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
    mode(tree.join("closed"), 0o755);
}

/// Runs tokenctl with `args`, as `nobody` when the tests run as root.
fn as_unprivileged(env: &TestEnv, args: &[String]) -> Output {
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

// --- what is walked ----------------------------------------------------------------

fn git(env: &TestEnv, repo: &Path, args: &[&str]) -> String {
    let output = env
        .std_cmd("git", args)
        .current_dir(repo)
        .output()
        .expect("git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn git_repo(env: &TestEnv, name: &str) -> PathBuf {
    let repo = env.root().join(name);
    std::fs::create_dir_all(&repo).expect("repo dir");
    git(env, &repo, &["init", "-q", "-b", "main"]);
    git(env, &repo, &["config", "user.name", "Test"]);
    git(
        env,
        &repo,
        &["config", "user.email", "test@example.invalid"],
    );
    git(env, &repo, &["config", "commit.gpgsign", "false"]);
    repo
}

#[test]
fn gitignore_is_honoured_and_hidden_files_are_scanned() {
    let env = TestEnv::new();
    let token = TestEnv::new().create(&["walked"]);
    let repo = git_repo(&env, "walk");
    write(&repo.join(".gitignore"), "ignored.txt\nbuild/\n");
    for file in [
        "tracked.txt",
        ".env",
        "ignored.txt",
        "build/out.txt",
        ".git/notes.txt",
    ] {
        write(&repo.join(file), format!("{token}\n"));
    }
    let store = no_store(&env);
    let names = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["--store", store.as_str()];
        args.extend_from_slice(extra);
        let path = text(&repo);
        args.push(&path);
        let (finds, _) = scan_json(&env, &args);
        places(&finds).into_iter().map(|place| place.0).collect()
    };
    assert_eq!(names(&[]), [".env", "tracked.txt"]);
    assert_eq!(
        names(&["--no-ignore"]),
        [".env", "out.txt", "ignored.txt", "tracked.txt"]
    );
    let (finds, _) = scan_json(&env, &["--store", &store, &text(&repo.join("ignored.txt"))]);
    assert_eq!(
        finds.len(),
        1,
        "a file named on the command line is always read"
    );
}

#[test]
fn staged_scans_what_a_commit_would_record() {
    let env = TestEnv::new();
    let committed = TestEnv::new().create(&["committed"]);
    let staged = TestEnv::new().create(&["staged"]);
    let unstaged = TestEnv::new().create(&["unstaged"]);
    let repo = git_repo(&env, "staged");
    let store = no_store(&env);
    let staged_scan = |dir: &Path| -> (Vec<Value>, Output) {
        let output = env
            .cmd(&["scan", "--staged", "--json", "--store", &store])
            .current_dir(dir)
            .output()
            .expect("scan --staged");
        (parse_finds(&output), output)
    };

    write(&repo.join("old.txt"), format!("{committed}\n"));
    git(&env, &repo, &["add", "old.txt"]);
    git(&env, &repo, &["commit", "-q", "-m", "old"]);
    let (finds, output) = staged_scan(&repo);
    assert_eq!(finds, Vec::<Value>::new(), "nothing staged");
    assert_eq!(code(&output), 0, "{}", stderr(&output));

    write(
        &repo.join("src/app.conf"),
        format!("a=1\ntoken = {staged}\n"),
    );
    git(&env, &repo, &["add", "src/app.conf"]);
    // Gone from the working tree, still in the index: a commit would add it.
    write(&repo.join("src/app.conf"), "a=1\n");
    write(&repo.join("notes.txt"), format!("{unstaged}\n"));
    write(&repo.join("old.txt"), format!("{committed}\nmore\n"));
    git(&env, &repo, &["add", "old.txt"]);

    let (finds, output) = staged_scan(&repo.join("src"));
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let hint = |secret: &str| format!("tcpat_…{}", &secret[38..]);
    assert_eq!(
        pick(&finds, &["file", "line", "hint"]),
        json!([
            ["old.txt", 1, hint(&committed)],
            ["src/app.conf", 2, hint(&staged)]
        ]),
        "repository paths, from the index"
    );
    assert_secret_free(&output, &[&committed, &staged, &unstaged]);

    let outside = env.root().join("not-a-repo");
    std::fs::create_dir_all(&outside).expect("dir");
    let output = env
        .cmd(&["scan", "--staged", "--store", &store])
        .current_dir(&outside)
        .output()
        .expect("scan");
    assert_fails(&output, 2, "--staged: fatal: not a git repository");
}

/// The hook in README.md, installed as is, stops a commit with a token.
#[test]
fn the_readme_pre_commit_hook_blocks_a_commit_with_a_token() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let hook = readme
        .split("```")
        .find(|block| block.contains("#!/bin/sh") && block.contains("tokenctl scan --staged"))
        .expect("a pre-commit hook block in README.md")
        .trim_start_matches("sh\n");
    let env = TestEnv::new();
    let token = TestEnv::new().create(&["committed"]);
    let repo = git_repo(&env, "hooked");
    let hook_path = repo.join(".git/hooks/pre-commit");
    write(&hook_path, hook);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&hook_path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let bin_dir = common::binary().parent().expect("bin dir").to_owned();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let commit = |message: &str| {
        env.std_cmd("git", &["commit", "-q", "-m", message])
            .current_dir(&repo)
            .env("PATH", &path)
            .output()
            .expect("git commit")
    };

    write(&repo.join("README"), "hello\n");
    git(&env, &repo, &["add", "README"]);
    let clean = commit("clean");
    assert!(clean.status.success(), "{}", stderr(&clean));

    write(
        &repo.join("deploy.sh"),
        format!("curl -H 'Authorization: Bearer {token}'\n"),
    );
    git(&env, &repo, &["add", "deploy.sh"]);
    let blocked = commit("leak");
    assert!(!blocked.status.success(), "the commit went through");
    assert!(
        stderr(&blocked).contains("live token"),
        "{}",
        stderr(&blocked)
    );
    assert_secret_free(&blocked, &[&token]);
    let log = git(&env, &repo, &["log", "--format=%s"]);
    assert_eq!(log.trim(), "clean");
}

// --- usage ---------------------------------------------------------------------

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    assert_fails(&scan(&env, &["--yes", "x"]), 2, "--revoke");
    assert_fails(&scan(&env, &["--staged", "x"]), 2, "cannot be used with");
    let (finds, output) = scan_json(&env, &["--store", &no_store(&env), "-"]);
    assert_eq!(finds, Vec::<Value>::new());
    assert_eq!(code(&output), 0);
}
