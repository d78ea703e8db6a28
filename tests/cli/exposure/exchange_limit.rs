//! One credential hammering the token endpoint.

use super::*;

fn one_token_hammering_the_exchange_gets_its_limit_and_no_more() {
    let _turn = one_at_a_time();
    const LIMIT: usize = 50;
    const VERIFY_P99_LIMIT: Duration = Duration::from_millis(100);
    const RSS_LIMIT_MIB: u64 = 200;
    let env = TestEnv::with_server_flags(
        Backend::RemoteSqlite,
        &["--exchanges-per-minute", &LIMIT.to_string()],
    );
    let url = env.server_url().expect("url");
    let connector = env.create(&["hammer", "--role", "connector"]);
    let probe = env.create(&["probe"]);
    let rss_before = env.server().rss_mib();
    let until = Instant::now() + Duration::from_secs(3);
    let verify = {
        let (url, probe) = (url.clone(), probe.clone());
        std::thread::spawn(move || verify_latencies(&url, &probe, until))
    };
    let statuses = runtime().block_on(async {
        let client = reqwest::Client::new();
        let form = format!(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange\
             &subject_token={connector}\
             &subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token"
        );
        let hammers: Vec<_> = (0..8)
            .map(|_| {
                let (client, url, form) = (client.clone(), url.clone(), form.clone());
                tokio::spawn(async move {
                    let mut statuses = Vec::new();
                    while Instant::now() < until {
                        let answer = client
                            .post(format!("{url}/oauth2/token"))
                            .header("content-type", "application/x-www-form-urlencoded")
                            .body(form.clone())
                            .send()
                            .await
                            .expect("token endpoint answered");
                        let retry_after = answer.headers().contains_key("retry-after");
                        let status = answer.status().as_u16();
                        let body: Value = answer.json().await.unwrap_or(Value::Null);
                        statuses.push((status, retry_after, body["error"].clone()));
                    }
                    statuses
                })
            })
            .collect();
        let mut statuses = Vec::new();
        for hammer in hammers {
            statuses.extend(hammer.await.expect("hammer"));
        }
        statuses
    });
    let latencies = verify.join().expect("verify thread");
    let peak_rss = env.server().rss_mib();

    let granted = statuses
        .iter()
        .filter(|(status, ..)| *status == 200)
        .count();
    assert_eq!(granted, LIMIT, "exchanges granted in one minute");
    for (status, retry_after, error) in &statuses {
        if *status != 200 {
            assert_eq!(*status, 429, "{error}");
            assert!(retry_after, "429 without Retry-After");
            assert_eq!(error, "slow_down");
        }
    }
    assert!(statuses.len() > LIMIT * 2, "the hammer was not hammering");
    // The authentication-token endpoint counts against the same credential.
    let seed = http_send(
        "GET",
        &format!("{url}/api/personalaccesstoken/getAuthenticationToken"),
        &[("personalAccessToken", &connector)],
        None,
    );
    assert_eq!(seed.status, 429, "{}", seed.body);
    assert!(seed.headers.contains_key("retry-after"));
    // What the store had to write: one audit entry per granted exchange.
    let audit = env.json(&["audit", "--since", "1h"]);
    let exchanges = audit
        .as_array()
        .expect("entries")
        .iter()
        .filter(|entry| entry["action"] == "token.exchange")
        .count();
    assert_eq!(exchanges, LIMIT);

    let mut latencies = latencies;
    latencies.sort();
    let p99 = latencies[latencies.len() * 99 / 100];
    println!(
        "hammer: {} requests, {granted} granted; verify p99 {p99:?} over {} checks; RSS {rss_before} → {peak_rss} MiB",
        statuses.len(),
        latencies.len()
    );
    assert!(p99 < VERIFY_P99_LIMIT, "verify p99 {p99:?}");
    assert!(peak_rss < RSS_LIMIT_MIB, "server RSS {peak_rss} MiB");
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![test!(one_token_hammering_the_exchange_gets_its_limit_and_no_more).alone()]
}
