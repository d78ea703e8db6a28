//! Finality under load: once a revocation or regeneration has returned
//! success, no server sharing the store accepts the old secret — not on the
//! very next request, sent to the other replica while that replica is busy
//! verifying from other connections and holds the secret in its cache.
//!
//! A thousand trials a case, zero accepted. (Before replicas acknowledged
//! changes, 2–6 of 200 leaked through a busy replica, and 100 of 100 through
//! a server whose SQLite file another process had just written.)

use crate::common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::current_thread_runtime as runtime;
use common::{Backend, TestEnv, open_store, postgres_execute, postgres_text};
use serde_json::{Value, json};

const TRIALS: usize = 1000;

/// A replica's lease (`store/postgres/replicas.rs`).
const LEASE: Duration = Duration::from_secs(3);

/// Connections that keep the server under test busy during the trials.
const LOAD_CONNECTIONS: usize = 8;

async fn verify_status(client: &reqwest::Client, url: &str, secret: &str) -> u16 {
    client
        .post(format!("{url}/v1/tokens/verify"))
        .json(&json!({ "token": secret }))
        .send()
        .await
        .expect("verify")
        .status()
        .as_u16()
}

async fn call(client: &reqwest::Client, url: String, session: &str, body: Value) -> Value {
    let answer = client
        .post(url)
        .bearer_auth(session)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = answer.status().as_u16();
    let body: Value = answer.json().await.expect("json");
    assert_eq!(status, 200, "{body}");
    body
}

/// A new token made through the server at `url`: its id and secret.
async fn create(client: &reqwest::Client, url: &str, session: &str, name: &str) -> (i64, String) {
    let created = call(
        client,
        format!("{url}/v1/tokens"),
        session,
        json!({ "name": name }),
    )
    .await;
    let id = created["token"]["id"].as_i64().expect("id");
    let secret = created["secret"].as_str().expect("secret").to_owned();
    (id, secret)
}

/// Verifies `secret` at `url` from [`LOAD_CONNECTIONS`] connections until
/// stopped, on threads of its own; counts the verifications.
struct Load {
    stop: Arc<AtomicBool>,
    done: Arc<AtomicU64>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Load {
    fn start(url: &str, secret: &str) -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicU64::new(0));
        let threads = (0..2)
            .map(|_| {
                let (url, secret) = (url.to_owned(), secret.to_owned());
                let (stop, done) = (Arc::clone(&stop), Arc::clone(&done));
                std::thread::spawn(move || {
                    runtime().block_on(async {
                        let client = reqwest::Client::new();
                        let mut connections = tokio::task::JoinSet::new();
                        for _ in 0..LOAD_CONNECTIONS / 2 {
                            let (client, url, secret) =
                                (client.clone(), url.clone(), secret.clone());
                            let (stop, done) = (Arc::clone(&stop), Arc::clone(&done));
                            connections.spawn(async move {
                                while !stop.load(Ordering::Relaxed) {
                                    assert_eq!(verify_status(&client, &url, &secret).await, 200);
                                    done.fetch_add(1, Ordering::Relaxed);
                                }
                            });
                        }
                        while let Some(finished) = connections.join_next().await {
                            finished.expect("a load connection failed");
                        }
                    });
                })
            })
            .collect();
        Load {
            stop,
            done,
            threads,
        }
    }

    /// Stops the load; how many verifications it made.
    fn finish(self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        for thread in self.threads {
            thread.join().expect("load thread");
        }
        self.done.load(Ordering::Relaxed)
    }
}

/// How a trial ends the old secret.
#[derive(Clone, Copy, Debug)]
enum Change {
    Revoke,
    Regenerate,
}

fn change_for(trial: usize) -> Change {
    if trial % 10 == 9 {
        Change::Regenerate
    } else {
        Change::Revoke
    }
}

/// [`TRIALS`] times: a new token through `writer`, verified twice on
/// `other` (so it is remembered there), revoked or regenerated through
/// `writer`, then verified on `other` at once. The trials whose old secret
/// `other` still accepted.
fn trials_across(writer: &str, other: &str, session: &str) -> Vec<(usize, Change)> {
    runtime().block_on(async {
        let client = reqwest::Client::new();
        let mut accepted = Vec::new();
        for trial in 0..TRIALS {
            let (id, secret) = create(&client, writer, session, &format!("t{trial}")).await;
            for _ in 0..2 {
                assert_eq!(verify_status(&client, other, &secret).await, 200);
            }
            let change = change_for(trial);
            let path = match change {
                Change::Revoke => "revoke",
                Change::Regenerate => "regenerate",
            };
            call(
                &client,
                format!("{writer}/v1/tokens/{id}/{path}"),
                session,
                json!({}),
            )
            .await;
            if verify_status(&client, other, &secret).await == 200 {
                accepted.push((trial, change));
            }
        }
        accepted
    })
}

fn assert_none_accepted<T: std::fmt::Debug>(accepted: &[T], verified: u64) {
    assert!(
        accepted.is_empty(),
        "{} of {TRIALS} old secrets accepted right after the change returned; first: {:?}",
        accepted.len(),
        &accepted[..accepted.len().min(20)]
    );
    assert!(
        verified > TRIALS as u64,
        "the other server was not busy: {verified} verifications"
    );
}

fn a_change_returned_by_one_replica_is_final_on_the_other_while_it_is_busy() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let replica = env.start_replica();
    let busy = env.create(&["busy"]);
    let load = Load::start(replica.url(), &busy);
    let writer = env.server_url().expect("url");
    let accepted = trials_across(&writer, replica.url(), &env.session());
    assert_none_accepted(&accepted, load.finish());
    assert!(!replica.log().contains("panicked"), "{}", replica.log());
}

/// Role edits through one replica, each followed at once by a look on the
/// other: how many the other still answered with the old permissions.
const ROLE_TRIALS: usize = 200;

/// Whether `permission` is in the JSON array `permissions`.
fn lists(permissions: &Value, permission: &str) -> bool {
    permissions
        .as_array()
        .expect("permissions")
        .iter()
        .any(|p| p == permission)
}

/// A role lowered (or raised) through one replica is what its holders act
/// with on the other at once — their session and their token, both in that
/// replica's cache from the look before — while that replica is busy.
fn a_role_edited_on_one_replica_is_final_on_the_other_while_it_is_busy() {
    const PASSWORD: &str = "wally's long password";
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let replica = env.start_replica();
    env.ok(&[
        "role",
        "add",
        "writers",
        "-p",
        "api:read",
        "-p",
        "api:write",
    ]);
    env.add_user_with_password("wally", "writers", PASSWORD);
    let secret = env.create(&["w", "--for", "wally"]);
    let holder = common::http_login(replica.url(), "wally", PASSWORD);
    let busy = env.create(&["busy"]);
    let load = Load::start(replica.url(), &busy);
    let (writer, admin) = (env.server_url().expect("url"), env.session());
    let stale = runtime().block_on(async {
        let client = reqwest::Client::new();
        let look = async || {
            let me: Value = client
                .get(format!("{}/v1/me", replica.url()))
                .bearer_auth(&holder)
                .send()
                .await
                .expect("me")
                .json()
                .await
                .expect("json");
            let token: Value = client
                .post(format!("{}/v1/tokens/verify", replica.url()))
                .json(&json!({ "token": secret }))
                .send()
                .await
                .expect("verify")
                .json()
                .await
                .expect("json");
            (
                lists(&me["permissions"], "api:write"),
                lists(&token["effective_permissions"], "api:write"),
            )
        };
        let mut stale = Vec::new();
        for trial in 0..ROLE_TRIALS {
            let lower = trial % 2 == 0;
            assert_eq!(look().await, (lower, lower), "trial {trial} before");
            let change = if lower {
                json!({ "remove_permissions": ["api:write"] })
            } else {
                json!({ "add_permissions": ["api:write"] })
            };
            let edited = client
                .patch(format!("{writer}/v1/roles/writers"))
                .bearer_auth(&admin)
                .json(&change)
                .send()
                .await
                .expect("edit");
            assert_eq!(edited.status(), 200);
            if look().await != (!lower, !lower) {
                stale.push(trial);
            }
        }
        stale
    });
    let verified = load.finish();
    assert!(
        stale.is_empty(),
        "{} of {ROLE_TRIALS} role edits not yet seen by the other replica: {stale:?}",
        stale.len()
    );
    assert!(verified > ROLE_TRIALS as u64, "the replica was not busy");
    assert!(!replica.log().contains("panicked"), "{}", replica.log());
}

fn two_servers_on_one_sqlite_file_are_final_for_each_other() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let file = env.root().join("server.db");
    let second = env.start_server(&format!("sqlite:{}", file.display()), None, &[]);
    let busy = env.create(&["busy"]);
    let load = Load::start(second.url(), &busy);
    let writer = env.server_url().expect("url");
    let accepted = trials_across(&writer, second.url(), &env.session());
    assert_none_accepted(&accepted, load.finish());
}

fn a_revocation_another_process_wrote_to_the_servers_sqlite_file_is_final_at_once() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let url = env.server_url().expect("url");
    let session = env.session();
    let busy = env.create(&["busy"]);
    let load = Load::start(&url, &busy);
    let file = env.root().join("server.db");
    // Another process's write, at its barest: a connection of this test
    // process (not the server's) revokes in the file, as any tool could.
    let other_process = open_store(&file);

    let accepted = runtime().block_on(async {
        let client = reqwest::Client::new();
        let mut accepted = Vec::new();
        for trial in 0..TRIALS {
            let (id, secret) = create(&client, &url, &session, &format!("t{trial}")).await;
            for _ in 0..2 {
                assert_eq!(verify_status(&client, &url, &secret).await, 200);
            }
            other_process
                .execute(
                    "UPDATE tokens SET revoked_at = unixepoch() WHERE id = ?1",
                    [id],
                )
                .expect("revoke in the file");
            if verify_status(&client, &url, &secret).await == 200 {
                accepted.push(trial);
            }
        }
        accepted
    });
    assert_none_accepted(&accepted, load.finish());
}

fn a_revocation_by_the_cli_on_the_servers_sqlite_file_is_final_when_it_exits() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let url = env.server_url().expect("url");
    let store = format!("sqlite:{}", env.root().join("server.db").display());
    let busy = env.create(&["busy"]);
    let load = Load::start(&url, &busy);
    let rt = runtime();
    let client = reqwest::Client::new();
    let mut accepted = Vec::new();
    for trial in 0..25 {
        let name = format!("cli{trial}");
        let secret = env.create(&[&name]);
        for _ in 0..2 {
            assert_eq!(rt.block_on(verify_status(&client, &url, &secret)), 200);
        }
        env.ok(&["--store", &store, "revoke", &name, "--yes"]);
        if rt.block_on(verify_status(&client, &url, &secret)) == 200 {
            accepted.push(trial);
        }
    }
    load.finish();
    assert!(
        accepted.is_empty(),
        "accepted after `revoke` exited: {accepted:?}"
    );
}

// ---------------------------------------------------------------------------
// Faults: a replica that dies, a replica that loses its listener

fn a_replica_killed_with_sigkill_delays_a_change_by_at_most_its_lease() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let schema = env.server().schema().expect("schema").to_owned();
    let writer_id = postgres_text(&format!("SELECT id FROM {schema}.replicas"))
        .expect("query")
        .expect("the first server's row");
    let mut replica = env.start_replica();
    env.create(&["first"]);
    env.create(&["second"]);
    // Its lease is renewed twice a second; kill it right after a renewal.
    let remaining = || -> f64 {
        postgres_text(&format!(
            "SELECT EXTRACT(EPOCH FROM lease_until - clock_timestamp()) FROM {schema}.replicas
             WHERE id <> '{writer_id}'"
        ))
        .expect("query")
        .and_then(|text| text.parse().ok())
        .unwrap_or(0.0)
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while remaining() < 2.5 {
        assert!(Instant::now() < deadline, "no replica renews its lease");
        std::thread::sleep(Duration::from_millis(20));
    }
    replica.kill();
    let lease_left = Duration::from_secs_f64(remaining());

    let started = Instant::now();
    env.ok(&["revoke", "first", "--yes"]);
    let first = started.elapsed();
    // The writer waited for the dead replica's lease to end: proof that it
    // waits for replicas at all, and for no longer than the lease.
    assert!(
        first + Duration::from_millis(200) >= lease_left,
        "revoked in {first:?} with {lease_left:?} of a dead replica's lease left"
    );
    assert!(
        first < LEASE + Duration::from_secs(2),
        "revoked in {first:?}"
    );
    let started = Instant::now();
    env.ok(&["revoke", "second", "--yes"]);
    assert!(
        started.elapsed() < Duration::from_millis(1000),
        "a lease that ended still held a revocation for {:?}",
        started.elapsed()
    );
}

fn a_replica_that_loses_its_listener_serves_nothing_stale() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let name = format!("finality_{}", std::process::id());
    let database = format!("{}&application_name={name}", env.server().database());
    let replica = env.start_server(&database, None, &[]);
    let writer = env.server_url().expect("url");
    let session = env.session();
    let rt = runtime();
    let client = reqwest::Client::new();
    for round in 0..5 {
        let (id, secret) = rt.block_on(create(&client, &writer, &session, &format!("r{round}")));
        for _ in 0..2 {
            assert_eq!(
                rt.block_on(verify_status(&client, replica.url(), &secret)),
                200
            );
        }
        postgres_execute(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = '{name}' AND query LIKE 'LISTEN%'"
        ))
        .expect("terminate the replica's listener");
        let started = Instant::now();
        rt.block_on(call(
            &client,
            format!("{writer}/v1/tokens/{id}/revoke"),
            &session,
            json!({}),
        ));
        assert!(started.elapsed() < LEASE + Duration::from_secs(2));
        assert_eq!(
            rt.block_on(verify_status(&client, replica.url(), &secret)),
            401,
            "round {round}: the replica accepted a revoked token after losing its listener"
        );
    }
    assert!(!replica.log().contains("panicked"), "{}", replica.log());
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(a_change_returned_by_one_replica_is_final_on_the_other_while_it_is_busy),
        test!(two_servers_on_one_sqlite_file_are_final_for_each_other),
        test!(a_revocation_another_process_wrote_to_the_servers_sqlite_file_is_final_at_once),
        test!(a_revocation_by_the_cli_on_the_servers_sqlite_file_is_final_when_it_exits),
        test!(a_role_edited_on_one_replica_is_final_on_the_other_while_it_is_busy),
        test!(a_replica_killed_with_sigkill_delays_a_change_by_at_most_its_lease),
        test!(a_replica_that_loses_its_listener_serves_nothing_stale),
    ]
}
