//! What is walked.

use super::*;

pub(crate) fn git(env: &TestEnv, repo: &Path, args: &[&str]) -> String {
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

pub(crate) fn git_repo(env: &TestEnv, name: &str) -> PathBuf {
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
fn the_readme_pre_commit_hook_blocks_a_commit_with_a_token() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let hook = readme
        .split("```")
        .find(|block| block.contains("#!/bin/sh") && block.contains("tokenctl scan --staged"))
        .expect("a pre-commit hook block in README.md")
        .trim_start_matches("sh\n");
    let env = TestEnv::new();
    let token = env.create(&["committed"]);
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
        stderr(&blocked).contains("1 live token found"),
        "{}",
        stderr(&blocked)
    );
    // The hint, followed in its order, works: revoke while staged, then out
    // of the commit (revoking alone would still commit it).
    assert!(
        stderr(&blocked).contains("hint: revoke them while they are staged (tokenctl scan --staged --revoke), then take them out of the commit")
            && stderr(&blocked).contains("git restore --staged FILE"),
        "{}",
        stderr(&blocked)
    );
    assert_secret_free(&blocked, &[&token]);
    let revoked = env
        .cmd(&["scan", "--staged", "--revoke", "--yes"])
        .current_dir(&repo)
        .output()
        .expect("scan --staged --revoke");
    assert!(stderr(&revoked).contains("Revoked"), "{}", stderr(&revoked));
    let shown = env.json(&["show", "committed"]);
    assert_eq!(shown["status"], "revoked", "{shown}");
    git(&env, &repo, &["restore", "--staged", "deploy.sh"]);
    let log = git(&env, &repo, &["log", "--format=%s"]);
    assert_eq!(log.trim(), "clean");
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(gitignore_is_honoured_and_hidden_files_are_scanned),
        test!(staged_scans_what_a_commit_would_record),
        test!(the_readme_pre_commit_hook_blocks_a_commit_with_a_token),
    ]
}
