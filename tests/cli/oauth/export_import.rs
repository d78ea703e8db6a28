//! Export and import.

use super::*;

pub(crate) const FULL_EXPORT: &str = "version: 1
tokens:
- name: mail
  template: microsoft-organizations
  client_id: app-id
  token_url: https://login.microsoftonline.com/organizations/oauth2/v2.0/token
  scopes: [offline_access]
  validity: 90d
  notify: [expired-refresh-token]
  secrets:
    client_secret: the-client-secret
    access_token: an-access-token
    refresh_token: a-refresh-token
    grant: authorization-code
    obtained_at: 2020-01-01T00:00:00Z
    expires_at: 2020-01-01T01:00:00Z
    refresh_expires_at: 2020-03-31T00:00:00Z
";

pub(crate) fn write(env: &TestEnv, name: &str, text: &str) -> String {
    let path = env.root().join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

fn export_import_round_trip_with_and_without_secrets() {
    let source = TestEnv::new();
    add_google(&source, "mail");
    let file = write(
        &source,
        "in.yaml",
        &FULL_EXPORT.replace("name: mail", "name: o365"),
    );
    source.ok(&["oauth", "import", &file, "--insecure-storage"]);

    let plain = source.ok(&["oauth", "export"]);
    assert!(plain.starts_with("version: 1\n"), "{plain}");
    assert!(
        !plain.contains("secret") && !plain.contains("token:"),
        "{plain}"
    );

    let target = TestEnv::new();
    let file = write(&target, "plain.yaml", &plain);
    target.ok(&["oauth", "import", &file, "--insecure-storage"]);
    let strip = |list: Value| -> Vec<Value> {
        list.as_array()
            .expect("list")
            .iter()
            .map(|entry| {
                let mut entry = entry.clone();
                for key in ["token", "state", "secrets_kept_in"] {
                    entry.as_object_mut().expect("object").remove(key);
                }
                entry
            })
            .collect()
    };
    assert_eq!(
        strip(target.json(&["oauth", "list"])),
        strip(source.json(&["oauth", "list"]))
    );

    // With secrets: written 0600 (by -o and through a shell redirect), warned about.
    let output = source.run(&[
        "oauth",
        "export",
        "o365",
        "--include-secrets",
        "-o",
        &source.root().join("secret.yaml").display().to_string(),
    ]);
    assert_success(&output, &["export"]);
    assert!(stderr(&output).contains("warning: the export holds client secrets"));
    let redirected = source.root().join("redirected.yaml");
    let shell = format!(
        "umask 022; {} oauth export --include-secrets > {}",
        common::binary().display(),
        redirected.display()
    );
    let output = source.std_cmd("sh", &["-c", &shell]).output().expect("sh");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("warning: the export holds client secrets"));
    use std::os::unix::fs::PermissionsExt;
    for path in [redirected.clone(), source.root().join("secret.yaml")] {
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
    let full = std::fs::read_to_string(&redirected).expect("export");
    assert!(full.contains("refresh_token: a-refresh-token"), "{full}");

    let again = TestEnv::new();
    let file = write(&again, "full.yaml", &full);
    again.ok(&["oauth", "import", &file, "--insecure-storage"]);
    assert_eq!(
        secrets_file(&again, "o365")["refresh_token"],
        "a-refresh-token"
    );
    assert_eq!(
        secrets_file(&again, "mail")["client_secret"],
        "google-secret"
    );
    let without_place = |mut entry: Value| {
        entry
            .as_object_mut()
            .expect("object")
            .remove("secrets_kept_in");
        entry
    };
    assert_eq!(
        without_place(again.json(&["oauth", "show", "o365"])),
        without_place(source.json(&["oauth", "show", "o365"]))
    );
}

fn import_refuses_existing_names_and_overwrite_replaces_only_those() {
    let env = TestEnv::new();
    add_google(&env, "a");
    add_google(&env, "b");
    let before_a = show(&env, "a");
    let entries = env.root().join("data/tokenctl/oauth/entries.json");
    let saved = std::fs::read(&entries).expect("entries");
    let file = write(
        &env,
        "update.yaml",
        "version: 1
tokens:
- name: b
  template: google
  client_id: changed
  token_url: https://oauth2.googleapis.com/token
- name: c
  template: custom
  client_id: new
  token_url: https://login.example.com/token
",
    );
    let refused = env.run(&["oauth", "import", &file, "--insecure-storage"]);
    assert_fails(&refused, 5, "already saved: b; nothing was imported");
    assert_eq!(
        std::fs::read(&entries).expect("entries"),
        saved,
        "a refused import wrote"
    );

    let report = env.json(&[
        "oauth",
        "import",
        &file,
        "--overwrite",
        "--insecure-storage",
    ]);
    assert_eq!(report["added"], serde_json::json!(["c"]));
    assert_eq!(report["replaced"], serde_json::json!(["b"]));
    assert_eq!(show(&env, "a"), before_a, "overwrite touched another entry");
    assert_eq!(show(&env, "b")["client_id"], "changed");
    assert_eq!(show(&env, "c")["client_id"], "new");
    // b's stored client secret is kept: the file had none.
    assert_eq!(secrets_file(&env, "b")["client_secret"], "google-secret");

    let other_template = write(
        &env,
        "template.yaml",
        "version: 1\ntokens:\n- name: b\n  template: custom\n  client_id: x\n  token_url: https://e.example/t\n",
    );
    let output = env.run(&[
        "oauth",
        "import",
        &other_template,
        "--overwrite",
        "--insecure-storage",
    ]);
    assert_fails(&output, 5, "a template is fixed once saved");
}

/// `oauth import FILE --overwrite --insecure-storage`.
pub(crate) fn import_overwriting(env: &TestEnv, file: &str) -> Output {
    env.run(&["oauth", "import", file, "--overwrite", "--insecure-storage"])
}

/// A secret that can't be stored half-way through an import (a keyring
/// failing, a disk full) leaves everything as it was, including the
/// secrets it had already written over.
fn an_import_that_cannot_store_a_secret_changes_nothing() {
    let env = TestEnv::new();
    add_google(&env, "a");
    let oauth = env.root().join("data/tokenctl/oauth");
    let entries = std::fs::read(oauth.join("entries.json")).expect("entries");
    let secrets_a = std::fs::read(oauth.join("secrets/a.json")).expect("a's secrets");
    // Where b's secrets would go is taken: writing them fails.
    std::fs::create_dir_all(oauth.join("secrets/b.json")).expect("block b");
    let file = write(
        &env,
        "both.yaml",
        "version: 1
tokens:
- name: a
  template: google
  client_id: changed
  token_url: https://oauth2.googleapis.com/token
  secrets:
    client_secret: imported-secret-a
- name: b
  template: custom
  client_id: new
  token_url: https://login.example.com/token
  secrets:
    client_secret: imported-secret-b
",
    );
    let output = import_overwriting(&env, &file);
    assert_fails(&output, 1, "Is a directory");
    assert_eq!(
        std::fs::read(oauth.join("secrets/a.json")).expect("a's secrets"),
        secrets_a,
        "a's secrets were left overwritten"
    );
    assert_eq!(
        std::fs::read(oauth.join("entries.json")).expect("entries"),
        entries
    );
}

fn broken_or_hostile_yaml_changes_nothing() {
    let env = TestEnv::new();
    add_google(&env, "keep");
    let entries = env.root().join("data/tokenctl/oauth/entries.json");
    let saved = std::fs::read(&entries).expect("entries");
    let entry = |body: &str| format!("version: 1\ntokens:\n- name: new\n{body}");
    let good = "  template: custom\n  client_id: x\n  token_url: https://e.example/t\n";
    let mut bomb =
        String::from("version: 1\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for level in 0..9 {
        let prev = if level == 0 {
            "a".to_owned()
        } else {
            format!("l{}", level - 1)
        };
        bomb.push_str(&format!("l{level}: &l{level} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    bomb.push_str("tokens: *l8\n");
    let cases = [
        (
            "wrong type",
            entry("  template: custom\n  client_id: [1, 2]\n  token_url: https://e.example/t\n"),
            "is not a tokenctl OAuth export",
        ),
        (
            "unknown template",
            entry("  template: yahoo\n  client_id: x\n  token_url: https://e.example/t\n"),
            "unknown variant",
        ),
        (
            "unknown field",
            entry(&format!("{good}  password: hunter2\n")),
            "unknown field",
        ),
        (
            "duplicate names",
            format!("{}- name: new\n{good}", entry(good)),
            "appears more than once",
        ),
        (
            "second entry broken",
            format!(
                "{}- name: other\n  template: custom\n  client_id: x\n  token_url: ftp://e.example/t\n",
                entry(good)
            ),
            "must be an https:// URL",
        ),
        (
            "bad name",
            entry(good).replace("name: new", "name: ../../etc"),
            "not a valid OAuth token name",
        ),
        (
            "version",
            entry(good).replace("version: 1", "version: 2"),
            "this tokenctl reads version 1",
        ),
        (
            "huge",
            format!("{}# {}\n", entry(good), "x".repeat(1024 * 1024)),
            "larger than 1024 KiB",
        ),
        ("alias bomb", bomb, "is not a tokenctl OAuth export"),
        (
            "not yaml",
            "\u{1}\u{2}: [".to_owned(),
            "is not a tokenctl OAuth export",
        ),
        (
            "bad notify",
            entry(&format!("{good}  notify: [sometimes]\n")),
            "unknown notification",
        ),
        (
            "token without grant",
            entry(&format!("{good}  secrets:\n    access_token: t\n")),
            "needs its grant",
        ),
    ];
    for (what, text, message) in cases {
        let file = write(&env, "hostile.yaml", &text);
        let output = import_overwriting(&env, &file);
        assert_eq!(code(&output), 2, "{what}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(message),
            "{what}: {}",
            stderr(&output)
        );
        assert_eq!(
            std::fs::read(&entries).expect("entries"),
            saved,
            "{what} changed the entries"
        );
        assert!(
            !env.root()
                .join("data/tokenctl/oauth/secrets/new.json")
                .exists(),
            "{what}"
        );
    }
}

/// An imported entry of a template gets the template's URLs where the file
/// leaves them out, as `oauth add` would; a custom one must name its token
/// URL. Until a token is requested, `oauth status` says it needs one.
fn an_imported_template_entry_gets_the_templates_urls_and_needs_a_token() {
    let env = TestEnv::new();
    let file = write(
        &env,
        "short.yaml",
        "version: 1
tokens:
- name: mail
  template: google
  client_id: id.apps.example
",
    );
    env.ok(&["oauth", "import", &file, "--insecure-storage"]);
    let shown = show(&env, "mail");
    assert_eq!(
        shown["endpoints"]["token_url"], "https://oauth2.googleapis.com/token",
        "{shown}"
    );
    assert_eq!(
        shown["endpoints"]["auth_url"], "https://accounts.google.com/o/oauth2/v2/auth",
        "{shown}"
    );
    assert_eq!(
        shown["endpoints"]["device_url"], "https://oauth2.googleapis.com/device/code",
        "{shown}"
    );

    let custom = write(
        &env,
        "custom.yaml",
        "version: 1
tokens:
- name: own
  template: custom
  client_id: x
",
    );
    assert_fails(
        &env.run(&["oauth", "import", &custom, "--insecure-storage"]),
        2,
        "'own' has no token_url, and the custom template has none to fill in",
    );

    let status = env.run(&["oauth", "status"]);
    assert_eq!(code(&status), 1, "{}", stderr(&status));
    assert!(
        stdout(&status).contains(
            "OAuth token 'mail' has no token yet: get one with tokenctl oauth request mail"
        ),
        "{}",
        stdout(&status)
    );
    let json = env
        .cmd(&["oauth", "status", "--json"])
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(json["needs_action"], true);
    assert_eq!(json["no_token"], serde_json::json!(["mail"]));
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(an_imported_template_entry_gets_the_templates_urls_and_needs_a_token),
        test!(export_import_round_trip_with_and_without_secrets),
        test!(import_refuses_existing_names_and_overwrite_replaces_only_those),
        test!(an_import_that_cannot_store_a_secret_changes_nothing),
        test!(broken_or_hostile_yaml_changes_nothing),
    ]
}
