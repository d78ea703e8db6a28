//! Operating a server: `GET /metrics` read by a real Prometheus parser
//! (Python's `prometheus_client`, another ecosystem's), `--metrics-listen`,
//! and `GET /readyz` saying which check fails.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::{self, *};

/// One sample as `prometheus_client`'s parser read it.
#[derive(Debug, serde::Deserialize)]
struct Sample {
    name: String,
    labels: std::collections::BTreeMap<String, String>,
    value: f64,
}

/// The only label names there are: none can carry a secret, a token id or
/// a user's name.
const LABEL_NAMES: [&str; 8] = [
    "method", "route", "status", "check", "outcome", "kind", "result", "le",
];

/// Parses `/metrics` at `url` with Python's `prometheus_client`.
fn scrape(url: &str) -> Vec<Sample> {
    const PARSER: &str = r#"
import json, sys
from prometheus_client.parser import text_string_to_metric_families
samples = [
    {"name": s.name, "labels": s.labels, "value": s.value}
    for family in text_string_to_metric_families(sys.stdin.read())
    for s in family.samples
]
print(json.dumps(samples))
"#;
    let answer = http_send("GET", url, &[], None);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(
        answer.headers["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let text = answer.body.as_str().expect("metrics are text").to_owned();
    let mut parser = std::process::Command::new("python3")
        .args(["-c", PARSER])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    std::io::Write::write_all(&mut parser.stdin.take().expect("stdin"), text.as_bytes())
        .expect("metrics to the parser");
    let output = parser.wait_with_output().expect("python3");
    assert!(
        output.status.success(),
        "prometheus_client could not parse the metrics: {}\n{text}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("samples")
}

/// The sum of the samples named `name` whose labels include `labels`.
fn value(samples: &[Sample], name: &str, labels: &[(&str, &str)]) -> f64 {
    samples
        .iter()
        .filter(|sample| sample.name == name)
        .filter(|sample| {
            labels
                .iter()
                .all(|(key, wanted)| sample.labels.get(*key).map(String::as_str) == Some(*wanted))
        })
        .map(|sample| sample.value)
        .sum()
}

fn verify(server: &str, secret: &str) -> u16 {
    let body = serde_json::json!({ "token": secret }).to_string();
    http_request(
        "POST",
        &format!("{server}/v1/tokens/verify"),
        None,
        Some(&body),
    )
    .status
}

fn metrics_count_what_the_server_did_and_name_nobody() {
    common::require_python_modules(
        &["prometheus_client"],
        "python3 -m pip install prometheus_client; see .ci/run",
    );
    let routes: BTreeSet<String> = crate::openapi::operations(&crate::openapi::document())
        .into_iter()
        .map(|(path, _)| path)
        .chain(["unknown".to_owned()])
        .collect();
    for env in TestEnv::servers() {
        let server = env.server_url().expect("url");
        let metrics = format!("{server}/metrics");
        let live = env.create(&["live", "--json"]);
        let live: Value = serde_json::from_str(&live).expect("json");
        let secret = live["secret"].as_str().expect("secret").to_owned();
        let ended = env.create(&["ended"]);
        env.ok(&["revoke", "ended", "--yes"]);
        let before = scrape(&metrics);

        for _ in 0..3 {
            assert_eq!(verify(&server, &secret), 200);
        }
        assert_eq!(verify(&server, &ended), 401);
        assert_eq!(verify(&server, "not a token"), 400);
        assert_eq!(http_exchange(&server, &secret, None, None).status, 200);
        let introspected = http_send(
            "POST",
            &format!("{server}/oauth2/introspect"),
            &[
                ("authorization", &format!("Bearer {secret}")),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            Some(&format!("token={secret}")),
        );
        assert_eq!(introspected.status, 200);
        let wrong = serde_json::json!({ "username": whoami::username(), "password": "wrong" });
        let (status, _) = env.http("POST", "/v1/login", None, Some(&wrong.to_string()));
        assert_eq!(status, 401);
        env.ok(&["revoke", "live", "--yes"]);
        let (status, _) = env.http("GET", "/no/such/path/123", None, None);
        assert_eq!(status, 404);
        let after = scrape(&metrics);

        let moved = |name: &str, labels: &[(&str, &str)]| {
            value(&after, name, labels) - value(&before, name, labels)
        };
        let verified = [
            ("method", "POST"),
            ("route", "/v1/tokens/verify"),
            ("status", "200"),
        ];
        assert_eq!(moved("tokenctl_http_requests_total", &verified), 3.0);
        assert_eq!(
            moved("tokenctl_http_request_duration_seconds_count", &verified),
            3.0
        );
        assert_eq!(
            moved(
                "tokenctl_http_request_duration_seconds_bucket",
                &[verified[0], verified[1], verified[2], ("le", "+Inf")]
            ),
            3.0
        );
        let check = |check: &'static str, outcome: &'static str| {
            moved(
                "tokenctl_credential_checks_total",
                &[("check", check), ("outcome", outcome)],
            )
        };
        assert_eq!(check("verify", "valid"), 3.0);
        assert_eq!(check("verify", "invalid"), 1.0);
        assert_eq!(check("verify", "malformed"), 1.0);
        assert_eq!(check("exchange", "issued"), 1.0);
        assert_eq!(check("introspection", "active"), 1.0);
        assert_eq!(moved("tokenctl_login_failures_total", &[]), 1.0);
        assert!(
            moved(
                "tokenctl_credential_cache_lookups_total",
                &[("kind", "secret"), ("result", "hit")]
            ) >= 2.0,
            "{:?}: the same secret verified three times was read from the store each time",
            env.backend
        );
        assert!(moved("tokenctl_credential_cache_invalidations_total", &[]) >= 1.0);
        assert!(moved("tokenctl_audit_batch_entries_count", &[]) >= 1.0);
        assert_eq!(
            moved(
                "tokenctl_http_requests_total",
                &[("route", "unknown"), ("status", "404")]
            ),
            1.0
        );
        for present in [
            "tokenctl_audit_queue_depth",
            "tokenctl_store_pool_waits_total",
            "tokenctl_store_pool_wait_seconds_total",
            "tokenctl_login_lockouts_total",
            "tokenctl_login_throttled_total",
        ] {
            assert!(
                after.iter().any(|sample| sample.name == present),
                "{present} missing"
            );
        }

        let me = whoami::username();
        for sample in &after {
            for (name, label) in &sample.labels {
                assert!(
                    LABEL_NAMES.contains(&name.as_str()),
                    "{}: label {name}",
                    sample.name
                );
                assert!(
                    !label.contains(&me) && !label.contains(&secret[..12]),
                    "{}: {name}={label}",
                    sample.name
                );
            }
            if let Some(route) = sample.labels.get("route") {
                assert!(routes.contains(route), "{}: route {route}", sample.name);
            }
        }
    }
}

fn metrics_listen_serves_metrics_on_their_own_address_only() {
    let env =
        TestEnv::with_server_flags(Backend::RemoteSqlite, &["--metrics-listen", "127.0.0.1:0"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let metrics = loop {
        let log = env.server_log();
        if let Some(line) = log
            .lines()
            .find_map(|line| line.strip_prefix("metrics on "))
        {
            break line.to_owned();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no metrics address: {log}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(metrics.starts_with("http://127.0.0.1:"), "{metrics}");
    let answer = http_send("GET", &metrics, &[], None);
    assert_eq!(answer.status, 200);
    let text = answer.body.as_str().expect("text");
    assert!(
        text.contains("# TYPE tokenctl_http_requests_total counter"),
        "{text}"
    );
    let (status, body) = env.http("GET", "/metrics", None, None);
    assert_eq!(status, 404, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|message| message.contains("--metrics-listen")),
        "{body}"
    );
    let elsewhere = metrics.replace("/metrics", "/v1/tokens");
    assert_eq!(http_send("GET", &elsewhere, &[], None).status, 404);
}

/// Sets the schema version the store of `env`'s server records.
fn set_schema_version(env: &TestEnv, version: i64) {
    let server = env.server();
    match server.schema() {
        Some(schema) => postgres_execute(&format!(
            "UPDATE {schema}.tokenctl_schema SET version = {version}"
        ))
        .expect("set the schema version"),
        None => {
            let path = server
                .database()
                .strip_prefix("sqlite:")
                .expect("a SQLite server");
            open_store(std::path::Path::new(path))
                .pragma_update(None, "user_version", version)
                .expect("set the schema version");
        }
    }
}

fn readyz_names_the_check_that_fails_and_recovers_with_it() {
    for env in TestEnv::servers() {
        let (status, ready) = env.http("GET", "/readyz", None, None);
        assert_eq!(status, 200, "{ready}");
        assert_eq!(ready["ready"], true);
        for check in ["store", "migrations", "change_listener"] {
            assert_eq!(ready[check]["ok"], true, "{check}: {ready}");
        }
        let detail = ready["migrations"]["detail"].as_str().expect("detail");
        let known: i64 = detail
            .strip_prefix("schema version ")
            .and_then(|version| version.parse().ok())
            .unwrap_or_else(|| panic!("{detail}"));

        // A newer replica migrated the store on.
        set_schema_version(&env, known + 1);
        let (status, ready) = env.http("GET", "/readyz", None, None);
        assert_eq!(status, 503, "{ready}");
        assert_eq!(ready["ready"], false);
        assert_eq!(ready["store"]["ok"], true);
        assert_eq!(ready["migrations"]["ok"], false);
        let detail = ready["migrations"]["detail"].as_str().expect("detail");
        assert!(
            detail.contains(&format!("schema version {}", known + 1))
                && detail.contains(&format!("knows {known}")),
            "{detail}"
        );
        let (status, _) = env.http("GET", "/healthz", None, None);
        assert_eq!(status, 200, "the process is alive, only not ready");

        set_schema_version(&env, known);
        let (status, ready) = env.http("GET", "/readyz", None, None);
        assert_eq!(status, 200, "{ready}");
    }
}

/// A replica whose change listener keeps being cut off is not ready (it
/// serves nothing from memory meanwhile), and is ready again once it hears
/// changes.
fn readyz_is_503_while_a_replica_cannot_hear_changes() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let name = format!("readyz_{}", random_suffix());
    let database = format!("{}&application_name={name}", env.server().database());
    let replica = env.start_server(&database, None, &[]);
    let readyz = format!("{}/readyz", replica.url());
    // Ready once it has heard its first ping.
    await_ready(&readyz, "a new replica never became ready");

    // Cut the listener off again and again: between cuts it has no time to
    // hear its own ping, which is what gives trust back.
    let cutting = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let cutter = {
        let cutting = std::sync::Arc::clone(&cutting);
        std::thread::spawn(move || {
            while cutting.load(std::sync::atomic::Ordering::SeqCst) {
                let _ = postgres_execute(&format!(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                     WHERE application_name = '{name}' AND query LIKE 'LISTEN%'"
                ));
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
        })
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let refused = loop {
        let answer = http_send("GET", &readyz, &[], None);
        if answer.status == 503 {
            break answer.body;
        }
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert!(
            std::time::Instant::now() < deadline,
            "ready all along while its listener was cut off"
        );
    };
    cutting.store(false, std::sync::atomic::Ordering::SeqCst);
    cutter.join().expect("cutter");
    assert_eq!(refused["change_listener"]["ok"], false, "{refused}");
    assert_eq!(refused["store"]["ok"], true, "{refused}");
    assert!(
        refused["change_listener"]["detail"]
            .as_str()
            .is_some_and(|detail| detail.contains("cannot hear")),
        "{refused}"
    );

    await_ready(&readyz, "not ready again after its listener came back");
    assert!(!replica.log().contains("panicked"), "{}", replica.log());
}

/// Waits (up to 10 s) for `readyz` to answer 200.
fn await_ready(readyz: &str, otherwise: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while http_send("GET", readyz, &[], None).status != 200 {
        assert!(std::time::Instant::now() < deadline, "{otherwise}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(metrics_count_what_the_server_did_and_name_nobody),
        test!(metrics_listen_serves_metrics_on_their_own_address_only),
        test!(readyz_names_the_check_that_fails_and_recovers_with_it),
        test!(readyz_is_503_while_a_replica_cannot_hear_changes),
    ]
}
