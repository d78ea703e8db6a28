//! Notices by mail against a real SMTP server: Python's aiosmtpd
//! (`tests/mail/receiver.py`) on loopback, mailed by a real `tokenctl
//! serve --smtp` from its mail outbox.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{Backend, TestEnv, require_python_modules, stderr};

/// An SMTP server on loopback, logging each mail it accepts.
struct Relay {
    child: std::process::Child,
    port: u16,
    log: PathBuf,
}

impl Relay {
    /// A relay speaking plain SMTP.
    fn start(env: &TestEnv) -> Relay {
        Relay::start_with(env, &[])
    }

    /// A relay speaking TLS from the first byte with `cert` and `key`.
    fn start_tls(env: &TestEnv, cert: &str, key: &str) -> Relay {
        Relay::start_with(env, &[cert, key])
    }

    fn start_with(env: &TestEnv, tls: &[&str]) -> Relay {
        use std::io::BufRead;
        require_python_modules(
            &["aiosmtpd"],
            "python3 -m pip install aiosmtpd; see .ci/run",
        );
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/mail/receiver.py");
        let log = env.root().join("mail.jsonl");
        let mut child = std::process::Command::new("python3")
            .arg(script)
            .arg(&log)
            .args(tls)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("start the SMTP server");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the SMTP server's port");
        let port = line.trim().parse().expect("a port");
        Relay { child, port, log }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    fn tls_url(&self) -> String {
        format!("smtps://127.0.0.1:{}", self.port)
    }

    fn mails(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
    }

    /// The mails once there are `count`, within 30 s.
    fn wait_for(&self, env: &TestEnv, count: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let mails = self.mails();
            if mails.len() >= count {
                return mails;
            }
            assert!(
                Instant::now() < deadline,
                "the SMTP server got only {mails:#?}\nserver log:\n{}",
                env.server_log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const FROM: &str = "tokenctl <tokens@example.com>";

fn restart(env: &mut TestEnv, flags: &[&str]) {
    let server = env.server.as_mut().expect("server");
    let database = server.database().to_owned();
    server.kill();
    env.server = Some(env.start_server(&database, None, flags));
    env.login();
}

fn expiry_and_leak_notices_reach_the_owner_by_mail_without_a_secret() {
    let dir = tempfile::tempdir().expect("directory");
    let mut env = TestEnv::with_backend(Backend::RemoteSqlite);
    let relay = Relay::start(&env);
    let url = relay.url();
    let flags = ["--smtp", url.as_str(), "--smtp-from", FROM];
    restart(&mut env, &flags);
    let added = env.json(&["user", "add", "bob", "--email", "bob@example.com"]);
    assert_eq!(added["email"], "bob@example.com", "{added}");
    env.ok(&["user", "add", "carol"]);
    let soon = env.create(&["soon", "--for", "bob", "--expires", "20h"]);
    let leaked = env.create(&["leaked", "--for", "bob", "--expires", "90d"]);
    let quiet = env.create(&["quiet", "--for", "carol", "--expires", "20h"]);
    let hints: std::collections::HashMap<&str, String> = ["soon", "leaked"]
        .into_iter()
        .map(|name| {
            let hint = env.json(&["show", name])["hint"]
                .as_str()
                .expect("hint")
                .to_owned();
            (name, hint)
        })
        .collect();
    // The expiry check runs at start: a restart sends the 1-day notice.
    restart(&mut env, &flags);
    let file = dir.path().join("leak.txt");
    std::fs::write(&file, format!("TOKEN={leaked}\n")).expect("leak file");
    let scan = env.run(&["scan", "--revoke", "--yes", file.to_str().expect("utf-8")]);
    assert!(scan.status.code().is_some(), "{}", stderr(&scan));

    let mails = relay.wait_for(&env, 2);
    std::thread::sleep(Duration::from_secs(2));
    let mails = if relay.mails().len() > mails.len() {
        relay.mails()
    } else {
        mails
    };
    assert_eq!(mails.len(), 2, "two notices, for bob only: {mails:#?}");
    let find = |subject: &str| {
        mails
            .iter()
            .find(|mail| {
                mail["subject"]
                    .as_str()
                    .is_some_and(|s| s.contains(subject))
            })
            .unwrap_or_else(|| panic!("no mail about {subject}: {mails:#?}"))
    };
    let expiring = find("'soon' expires today");
    let leak = find("'leaked' leaked and was revoked");
    for (mail, name) in [(expiring, "soon"), (leak, "leaked")] {
        assert_eq!(mail["rcpt_tos"], serde_json::json!(["bob@example.com"]));
        assert_eq!(mail["mail_from"], "tokens@example.com");
        assert_eq!(mail["content_type"], "text/plain");
        let text = mail["text"].as_str().expect("text");
        assert!(text.contains(&format!("token '{name}'")), "{text}");
        assert!(text.contains(&hints[name]), "the hint: {text}");
        assert!(text.contains("tokenctl create"), "what to do: {text}");
        let raw = mail["raw"].as_str().expect("raw");
        for secret in [&soon, &leaked, &quiet] {
            assert!(!raw.contains(secret.as_str()), "a secret in a mail: {raw}");
        }
    }
    assert!(
        leak["text"]
            .as_str()
            .is_some_and(|text| text.contains("leaked: found by scan in")),
        "{leak}"
    );
    assert_ne!(expiring["message_id"], leak["message_id"]);
}

/// `smtps://` checks the relay's certificate against the roots the server
/// trusts (`SSL_CERT_FILE` here): an unknown issuer gets nothing, and the
/// same mail goes through once the CA is trusted.
fn over_tls_a_notice_reaches_only_a_relay_whose_certificate_is_trusted() {
    let mut env = TestEnv::with_backend(Backend::RemoteSqlite);
    let (ca, cert, key) = crate::tls::certificates(&env);
    let relay = Relay::start_tls(&env, &cert, &key);
    let url = relay.tls_url();
    let flags = ["--smtp", url.as_str(), "--smtp-from", FROM];
    env.ok(&["user", "add", "bob", "--email", "bob@example.com"]);
    let secret = env.create(&["soon", "--for", "bob", "--expires", "20h"]);

    restart(&mut env, &flags);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !env.server_log().contains("mail not delivered") {
        assert!(
            Instant::now() < deadline,
            "no failed attempt logged:\n{}",
            env.server_log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        env.server_log().contains("certificate"),
        "the failure names the certificate:\n{}",
        env.server_log()
    );
    assert!(relay.mails().is_empty(), "mailed to an untrusted relay");

    env.server_env.push(("SSL_CERT_FILE".into(), ca));
    restart(&mut env, &flags);
    let mails = relay.wait_for(&env, 1);
    assert_eq!(mails.len(), 1, "{mails:#?}");
    assert_eq!(mails[0]["rcpt_tos"], serde_json::json!(["bob@example.com"]));
    assert!(
        mails[0]["subject"]
            .as_str()
            .is_some_and(|subject| subject.contains("'soon' expires today")),
        "{mails:#?}"
    );
    assert!(!mails[0]["raw"].as_str().expect("raw").contains(&secret));
}

fn the_relay_is_checked_before_the_server_starts() {
    let env = TestEnv::new();
    for (flags, expected) in [
        (
            vec![
                "--smtp",
                "smtp://bot:hunter2@mail.example.com",
                "--smtp-from",
                FROM,
            ],
            "TOKENCTL_SMTP_PASSWORD",
        ),
        (
            vec!["--smtp", "http://mail.example.com", "--smtp-from", FROM],
            "smtps://",
        ),
        (
            vec![
                "--smtp",
                "smtps://mail.example.com",
                "--smtp-from",
                "nobody",
            ],
            "--smtp-from",
        ),
        (vec!["--smtp", "smtps://mail.example.com"], "--smtp-from"),
    ] {
        let mut args = vec!["serve", "--listen", "127.0.0.1:0"];
        args.extend(flags.iter().copied());
        let output = env.run(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        let error = stderr(&output);
        assert!(error.contains(expected), "{args:?}: {error}");
        assert!(!error.contains("hunter2"), "the password echoed: {error}");
    }
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(expiry_and_leak_notices_reach_the_owner_by_mail_without_a_secret),
        test!(over_tls_a_notice_reaches_only_a_relay_whose_certificate_is_trusted),
        test!(the_relay_is_checked_before_the_server_starts),
    ]
}
