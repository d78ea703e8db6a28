//! Webhooks against a real receiver: every message is verified by the
//! Standard Webhooks reference library (Python `standardwebhooks`,
//! `tests/webhooks/receiver.py`), sent from the outbox of a real `tokenctl
//! serve` — through retries, a kill -9, and two PostgreSQL replicas.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{
    Backend, TestEnv, assert_success, code as exit_code, require_python_modules, stderr,
};

/// A receiver on loopback, verifying with the secret in its secret file.
struct Receiver {
    child: std::process::Child,
    port: u16,
    secret_file: PathBuf,
    log: PathBuf,
}

impl Receiver {
    /// Listens on `port` (0: any free one); answers 500 to the first
    /// `fail_first` requests.
    fn start(env: &TestEnv, port: u16, fail_first: usize) -> Receiver {
        use std::io::BufRead;
        require_python_modules(
            &["standardwebhooks"],
            "python3 -m pip install standardwebhooks; see .ci/run",
        );
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/webhooks/receiver.py");
        let (secret_file, log) = (secret_file(env), env.root().join("received.jsonl"));
        let mut child = std::process::Command::new("python3")
            .arg(script)
            .arg(&secret_file)
            .arg(&log)
            .args([fail_first.to_string(), port.to_string()])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("start the receiver");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the receiver's port");
        let port = line.trim().parse().expect("a port");
        Receiver {
            child,
            port,
            secret_file,
            log,
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/hook", self.port)
    }

    fn messages(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
    }

    /// The messages once `done` holds of them, within 30 s; `env`'s
    /// deliveries and server log tell why not.
    fn wait_until(&self, env: &TestEnv, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let messages = self.messages();
            if done(&messages) {
                return messages;
            }
            assert!(
                Instant::now() < deadline,
                "the receiver got only {messages:#?}\ndeliveries: {:#}\nserver log:\n{}",
                env.json(&["webhook", "deliveries"]),
                env.server_log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where a receiver reads the secret it verifies with.
fn secret_file(env: &TestEnv) -> PathBuf {
    env.root().join("whsec")
}

/// `webhook add URL --events EVENTS`, its secret put where a receiver
/// reads it (see [`secret_file`]); the webhook's id.
fn add_webhook(env: &TestEnv, url: &str, events: &str) -> i64 {
    let output = env.run(&["webhook", "add", url, "--events", events]);
    assert_success(&output, &["webhook", "add"]);
    let secret = String::from_utf8(output.stdout).expect("utf-8");
    let secret = secret.trim();
    assert!(
        secret.starts_with("whsec_") && !secret.contains('\n'),
        "stdout is the secret alone: {secret:?}"
    );
    std::fs::write(secret_file(env), secret).expect("secret file");
    let listed = env.json(&["webhook", "list"]);
    let webhook = listed
        .as_array()
        .and_then(|hooks| hooks.iter().find(|hook| hook["url"] == url))
        .unwrap_or_else(|| panic!("webhook list: {listed}"));
    webhook["id"].as_i64().expect("id")
}

fn types(messages: &[Value]) -> Vec<String> {
    messages
        .iter()
        .map(|message| message["body"]["type"].as_str().unwrap_or("?").to_owned())
        .collect()
}

fn events_are_signed_verifiable_and_carry_no_secret() {
    let env = TestEnv::with_server_flags(Backend::RemoteSqlite, &["--allow-private-webhooks"]);
    // The first message is refused (500): it comes again.
    let receiver = Receiver::start(&env, 0, 1);
    let events =
        "token.created,token.revoked,token.regenerated,token.leaked,user.disabled,login.failed";
    let webhook = add_webhook(&env, &receiver.url(), events);

    let created = env.create(&["deploy", "--type", "service"]);
    let regenerated = env.ok(&["regenerate", "deploy", "--yes"]);
    let regenerated = regenerated.trim();
    env.ok(&["revoke", "deploy", "--yes"]);
    let leaked = env.create(&["leaked"]);
    let file = env.root().join("config.env");
    std::fs::write(&file, format!("TOKEN={leaked}\n")).expect("write");
    env.ok(&["scan", "--revoke", "--yes", file.to_str().expect("utf-8")]);
    env.add_user_with_password("bob", "developer", "bob's long password");
    env.ok(&["user", "disable", "bob"]);
    // Rolled back: the name is taken, so no token.created is sent for it.
    assert_eq!(exit_code(&env.run(&["create", "leaked-twin"])), 0);
    assert_ne!(exit_code(&env.run(&["create", "leaked-twin"])), 0);
    // A burst of wrong passwords: one login.failed, at the lockout, however
    // many more are refused after it.
    for expected_status in [401, 401, 401, 401, 401, 429, 429] {
        let body = serde_json::json!({"username": "mallory", "password": "not the password"});
        let (status, _) = env.http("POST", "/v1/login", None, Some(&body.to_string()));
        assert_eq!(status, expected_status);
    }

    let expected = [
        "token.created",
        "token.regenerated",
        "token.revoked",
        "token.created",
        "token.leaked",
        "user.disabled",
        "token.created",
        "login.failed",
    ];
    let messages = receiver.wait_until(&env, |messages| messages.len() > expected.len());
    assert!(
        messages.iter().all(|m| m["verified"] == true),
        "every message verifies: {messages:#?}"
    );
    // Sent as they came due, several at once; the one refused (500) came
    // again with the same webhook-id, and nothing else came twice.
    let mut ids: Vec<&str> = messages
        .iter()
        .map(|m| m["id"].as_str().expect("id"))
        .collect();
    ids.sort_unstable();
    let repeated: Vec<&&str> = ids
        .windows(2)
        .filter(|pair| pair[0] == pair[1])
        .map(|pair| &pair[0])
        .collect();
    assert_eq!(repeated.len(), 1, "{ids:?}");
    ids.dedup();
    assert_eq!(ids.len(), expected.len(), "{messages:#?}");
    let mut sent = types(&messages);
    sent.sort();
    sent.dedup();
    let mut wanted: Vec<String> = expected.iter().map(|e| (*e).to_owned()).collect();
    wanted.sort();
    wanted.dedup();
    assert_eq!(sent, wanted);
    let of_token = |kind: &str, name: &str| -> Value {
        messages
            .iter()
            .find(|m| m["body"]["type"] == kind && m["body"]["data"]["token"]["name"] == name)
            .unwrap_or_else(|| panic!("no {kind} of {name}: {messages:#?}"))
            .clone()
    };
    assert!(
        messages
            .iter()
            .all(|m| m["body"]["data"]["token"]["name"] != "leaked-twin"
                || m["body"]["type"] == "token.created"),
    );
    let twins = messages
        .iter()
        .filter(|m| m["body"]["data"]["token"]["name"] == "leaked-twin")
        .filter_map(|m| m["id"].as_str())
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(twins.len(), 1, "the refused create sent nothing");
    let everything = serde_json::to_string(&messages).expect("json");
    for secret in [created.as_str(), regenerated, leaked.as_str()] {
        assert!(!everything.contains(secret), "a secret reached a webhook");
    }
    let whsec = std::fs::read_to_string(&receiver.secret_file).expect("secret");
    assert!(!everything.contains(whsec.trim()));

    let leak = of_token("token.leaked", "leaked");
    assert!(
        leak["body"]["data"]["reason"]
            .as_str()
            .is_some_and(|reason| reason.starts_with("leaked: found by scan in")),
        "{leak}"
    );
    let made = of_token("token.created", "deploy");
    assert_eq!(
        made["body"]["data"]["token"]["id"].as_i64(),
        Some(env.json(&["show", "deploy"])["id"].as_i64().expect("id")),
        "a new token's event names its id: {made}"
    );
    assert_eq!(made["body"]["data"]["token"]["type"], "service");
    assert!(
        made["body"]["timestamp"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
    let renewed = of_token("token.regenerated", "deploy");
    assert_ne!(
        renewed["body"]["data"]["token"]["hint"], made["body"]["data"]["token"]["hint"],
        "the new secret's hint"
    );
    assert_eq!(
        of_token("token.revoked", "deploy")["body"]["data"]["actor"],
        env.me()
    );
    let disabled = messages
        .iter()
        .find(|m| m["body"]["type"] == "user.disabled")
        .expect("user.disabled");
    assert_eq!(disabled["body"]["data"]["user"]["name"], "bob");
    let burst = messages
        .iter()
        .find(|m| m["body"]["type"] == "login.failed")
        .expect("login.failed");
    let burst = &burst["body"]["data"];
    assert_eq!(burst["user"]["name"], "mallory", "{burst}");
    assert_eq!(burst["failures"], 5, "{burst}");
    assert!(burst["locked_until"].is_string(), "{burst}");
    assert!(
        made["user_agent"]
            .as_str()
            .is_some_and(|ua| ua.starts_with("tokenctl/"))
    );

    // The deliveries say how it went; the test message waits for its answer.
    let deliveries = env.json(&["webhook", "deliveries", "--webhook", &webhook.to_string()]);
    let deliveries = deliveries.as_array().expect("a list");
    assert_eq!(deliveries.len(), expected.len(), "{deliveries:#?}");
    assert!(
        deliveries.iter().all(|d| d["state"] == "delivered"),
        "{deliveries:#?}"
    );
    let attempts: Vec<i64> = deliveries
        .iter()
        .map(|d| d["attempts"].as_i64().expect("n"))
        .collect();
    assert_eq!(
        attempts.iter().sum::<i64>(),
        1 + expected.len() as i64,
        "{attempts:?}"
    );
    assert!(
        env.json(&["webhook", "deliveries", "--failed"])
            .as_array()
            .expect("list")
            .is_empty()
    );
    let tested = env.json(&["webhook", "test", &webhook.to_string()]);
    assert_eq!(tested["state"], "delivered", "{tested}");
    assert_eq!(tested["event"], "webhook.test");

    // The secret is sealed in the store: the database never holds it.
    let database = std::fs::read(env.root().join("server.db")).expect("database");
    assert!(!database.windows(6).any(|window| window == b"whsec_"));
    env.ok(&["webhook", "remove", &webhook.to_string()]);
    assert!(
        env.json(&["webhook", "list"])
            .as_array()
            .expect("list")
            .is_empty()
    );
}

/// A port nothing listens on, for a while: bound, then let go.
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

fn a_message_survives_kill_9_and_a_receiver_that_was_down() {
    let mut env = TestEnv::with_server_flags(Backend::RemoteSqlite, &["--allow-private-webhooks"]);
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/hook");
    add_webhook(&env, &url, "token.created");
    env.create(&["while-down"]);
    // Tried and refused (nothing listens), so it waits for its retry.
    let deadline = Instant::now() + Duration::from_secs(20);
    let pending = loop {
        let failed = env.json(&["webhook", "deliveries", "--failed"]);
        if let Some(first) = failed.as_array().and_then(|list| list.first()) {
            break first.clone();
        }
        assert!(Instant::now() < deadline, "no failed attempt recorded");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(pending["state"], "pending");
    assert!(
        pending["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("connect")),
        "{pending}"
    );
    let server = env.server.as_mut().expect("server");
    let database = server.database().to_owned();
    server.kill();

    let receiver = Receiver::start(&env, port, 0);
    env.server = Some(env.start_server(&database, None, &["--allow-private-webhooks"]));
    let messages = receiver.wait_until(&env, |messages| !messages.is_empty());
    assert_eq!(messages[0]["id"], pending["message_id"], "{messages:#?}");
    assert_eq!(messages[0]["body"]["data"]["token"]["name"], "while-down");
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(receiver.messages().len(), 1, "sent once after the restart");
    assert_eq!(messages[0]["verified"], true);
}

fn an_expiring_token_is_noticed_at_start_and_once_across_restarts() {
    let mut env = TestEnv::with_server_flags(Backend::RemoteSqlite, &["--allow-private-webhooks"]);
    let receiver = Receiver::start(&env, 0, 0);
    add_webhook(&env, &receiver.url(), "token.expiring,token.expired");
    env.create(&["soon", "--expires", "20h"]);
    env.create(&["later", "--expires", "90d"]);
    // The server looks at start (then every minute): a restart sends it.
    for _ in 0..2 {
        let server = env.server.as_mut().expect("server");
        let database = server.database().to_owned();
        server.kill();
        env.server = Some(env.start_server(&database, None, &["--allow-private-webhooks"]));
        receiver.wait_until(&env, |messages| !messages.is_empty());
    }
    std::thread::sleep(Duration::from_secs(2));
    let messages = receiver.messages();
    assert_eq!(messages.len(), 1, "one notice, once: {messages:#?}");
    let data = &messages[0]["body"]["data"];
    assert_eq!(messages[0]["body"]["type"], "token.expiring");
    assert_eq!(data["token"]["name"], "soon");
    assert_eq!(data["notice"], "1d", "only the shortest lead it is within");
    assert_eq!(data["days_left"], 0);
    assert_eq!(messages[0]["verified"], true);
    // The server moved to another port: asked over HTTP, with the session.
    let (status, audit) = env.http(
        "GET",
        "/v1/audit?action=token.expiring",
        Some(&env.session()),
        None,
    );
    assert_eq!(status, 200, "{audit}");
    assert_eq!(audit.as_array().map(Vec::len), Some(1), "{audit}");
}

fn two_postgres_replicas_send_each_message_once() {
    let env = TestEnv::with_server_flags(Backend::RemotePostgres, &["--allow-private-webhooks"]);
    let primary = env.server();
    let _replica = env.start_server(primary.database(), None, &["--allow-private-webhooks"]);
    let receiver = Receiver::start(&env, 0, 0);
    add_webhook(&env, &receiver.url(), "token.created");
    const TOKENS: usize = 24;
    for n in 0..TOKENS {
        env.create(&[&format!("replicated-{n}")]);
    }
    receiver.wait_until(&env, |messages| messages.len() >= TOKENS);
    std::thread::sleep(Duration::from_secs(3));
    let messages = receiver.messages();
    let ids: std::collections::BTreeSet<String> = messages
        .iter()
        .map(|m| m["id"].as_str().expect("id").to_owned())
        .collect();
    assert_eq!(ids.len(), TOKENS, "each message once: {messages:#?}");
    assert_eq!(messages.len(), TOKENS, "no duplicates: {messages:#?}");
    assert!(messages.iter().all(|m| m["verified"] == true));
}

fn receivers_are_checked_before_anything_is_sent() {
    // Without --allow-private-webhooks: https only, no private address.
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    for (url, says) in [
        ("http://127.0.0.1:9/x", "must be https"),
        ("https://127.0.0.1:9/x", "is a private address"),
        ("https://169.254.169.254/latest", "is a private address"),
        (
            "https://user:pw@hooks.example.com/x",
            "must not carry credentials",
        ),
    ] {
        let output = env.run(&["webhook", "add", url, "--events", "token.created"]);
        assert_eq!(exit_code(&output), 2, "{url}");
        assert!(stderr(&output).contains(says), "{url}: {}", stderr(&output));
        assert!(output.stdout.is_empty(), "no secret for a refused webhook");
    }
    let output = env.run(&[
        "webhook",
        "add",
        "https://hooks.example.com/x",
        "--events",
        "webhook.test",
    ]);
    assert_eq!(exit_code(&output), 2, "{}", stderr(&output));
    assert!(
        env.json(&["webhook", "list"])
            .as_array()
            .expect("list")
            .is_empty()
    );
    // A token can't add one: it needs a person.
    let token = env.create(&["ci"]);
    let output = env
        .cmd(&[
            "webhook",
            "add",
            "https://hooks.example.com/x",
            "--events",
            "token.created",
        ])
        .env("TOKENCTL_TOKEN", &token)
        .output()
        .expect("run");
    assert_eq!(exit_code(&output), 4, "{}", stderr(&output));

    // A local store has nobody to send them.
    let local = TestEnv::new();
    let output = local.run(&["webhook", "list"]);
    assert_eq!(exit_code(&output), 2);
    assert!(
        stderr(&output).contains("sent by a token server"),
        "{}",
        stderr(&output)
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(events_are_signed_verifiable_and_carry_no_secret),
        test!(a_message_survives_kill_9_and_a_receiver_that_was_down),
        test!(an_expiring_token_is_noticed_at_start_and_once_across_restarts),
        test!(two_postgres_replicas_send_each_message_once),
        test!(receivers_are_checked_before_anything_is_sent),
    ]
}
