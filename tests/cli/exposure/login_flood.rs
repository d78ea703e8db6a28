//! Password hashing: a flood of logins.

use super::*;

/// The attack report's login flood, bounded: 64 clients logging in as
/// random unknown users (which never lock) for 4 s, the per-address limit
/// lifted as if they came from thousands of addresses. The hashes run one at
/// a time with 8 waiting; the rest get 503 with `Retry-After` at once.
/// Meanwhile token verification keeps its p99 under 100 ms (it was 700 ms
/// when hashes ran on the request workers; the flood's own clients share
/// the machine's cores here) and the server stays under 200 MiB (it grew to
/// 1.7 GB).
fn a_login_flood_waits_on_a_bounded_pool_while_verification_goes_on() {
    let _turn = one_at_a_time();
    const VERIFY_P99_LIMIT: Duration = Duration::from_millis(100);
    const RSS_LIMIT_MIB: u64 = 200;
    let env = TestEnv::with_server_flags(
        Backend::RemoteSqlite,
        &[
            "--login-attempts-per-minute",
            "100000000",
            "--login-concurrency",
            "1",
            "--login-queue",
            "8",
        ],
    );
    let url = env.server_url().expect("url");
    let pat = env.create(&["probe"]);
    let rss_before = env.server().rss_mib();
    runtime().block_on(async {
        let client = reqwest::Client::new();
        let until = Instant::now() + Duration::from_secs(4);
        let flood: Vec<_> = (0..64)
            .map(|number| {
                let (client, url) = (client.clone(), url.clone());
                tokio::spawn(async move {
                    let mut statuses = Vec::new();
                    let mut attempt = 0;
                    while Instant::now() < until {
                        attempt += 1;
                        let body = serde_json::json!({
                            "username": format!("nobody-{number}-{attempt}"),
                            "password": "not the password",
                        });
                        let answer = client
                            .post(format!("{url}/v1/login"))
                            .json(&body)
                            .send()
                            .await
                            .expect("login answered");
                        let retry_after = answer.headers().contains_key("retry-after");
                        statuses.push((answer.status().as_u16(), retry_after));
                    }
                    statuses
                })
            })
            .collect();
        // Verification is measured from a thread and runtime of its own, so
        // the flood's tasks don't delay the stopwatch on this side.
        let verifier = {
            let (url, pat) = (url.clone(), pat.clone());
            std::thread::spawn(move || verify_latencies(&url, &pat, until))
        };
        let mut peak_rss = rss_before;
        while Instant::now() < until {
            peak_rss = peak_rss.max(env.server().rss_mib());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut latencies = verifier.join().expect("verifier");
        let mut statuses = Vec::new();
        for client in flood {
            statuses.extend(client.await.expect("flood"));
        }
        latencies.sort();
        let p99 = latencies[latencies.len() * 99 / 100];
        let refused = statuses.iter().filter(|(status, _)| *status == 503).count();
        println!(
            "login flood: {} logins ({} refused at once), {} verifications, verify p50 {:?} \
             p99 {p99:?}, server RSS {rss_before} → {peak_rss} MiB",
            statuses.len(),
            refused,
            latencies.len(),
            latencies[latencies.len() / 2],
        );
        for (status, retry_after) in &statuses {
            assert!(
                *status == 401 || (*status == 503 && *retry_after),
                "a login answered {status} (Retry-After: {retry_after})"
            );
        }
        assert!(refused > 0, "64 logins never filled a line of 9");
        assert!(p99 < VERIFY_P99_LIMIT, "verify p99 {p99:?}");
        assert!(peak_rss < RSS_LIMIT_MIB, "server RSS {peak_rss} MiB");
    });
}

/// `POST /v1/tokens/verify` of `pat` every 10 ms until `until`, on a
/// runtime of its own: how long each took.
pub(crate) fn verify_latencies(url: &str, pat: &str, until: Instant) -> Vec<Duration> {
    common::current_thread_runtime().block_on(async {
        let client = reqwest::Client::new();
        let body = serde_json::json!({ "token": pat });
        let mut latencies = Vec::new();
        while Instant::now() < until {
            let started = Instant::now();
            let answer = client
                .post(format!("{url}/v1/tokens/verify"))
                .json(&body)
                .send()
                .await
                .expect("verify");
            assert_eq!(answer.status().as_u16(), 200);
            latencies.push(started.elapsed());
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        latencies
    })
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![test!(a_login_flood_waits_on_a_bounded_pool_while_verification_goes_on).alone()]
}
