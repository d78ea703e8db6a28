//! Lockout: per (account, address), atomic, alike for every name.

use super::*;

/// `POST /v1/login` from loopback address 127.0.0.`host`: status and body.
pub(crate) async fn login_from(
    host: u8,
    url: &str,
    username: &str,
    password: &str,
) -> (u16, Value) {
    let client = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, host]))
        .build()
        .expect("client");
    let answer = client
        .post(format!("{url}/v1/login"))
        .json(&serde_json::json!({ "username": username, "password": password }))
        .send()
        .await
        .expect("login answered");
    let status = answer.status().as_u16();
    (status, answer.json().await.unwrap_or(Value::Null))
}

fn guessing_locks_out_the_guesser_not_the_owner() {
    // Hashing a burst of passwords, or filling a disk, would skew the
    // latency limits of the load tests beside it.
    let _turn = one_at_a_time();
    const BURST: usize = 40;
    let env = TestEnv::with_server_flags(
        Backend::RemoteSqlite,
        &["--login-attempts-per-minute", "100000"],
    );
    let url = env.server_url().expect("url");
    env.add_user_with_password("bob", "developer", "bob's long password");
    runtime().block_on(async {
        // Many wrong passwords at once from one address: exactly five are
        // checked, the rest refused unchecked.
        let burst: Vec<_> = (0..BURST)
            .map(|_| {
                let url = url.clone();
                tokio::spawn(async move { login_from(1, &url, "bob", "wrong").await.0 })
            })
            .collect();
        let mut statuses = Vec::new();
        for attempt in burst {
            statuses.push(attempt.await.expect("task"));
        }
        // (503: the password-hashing queue was full; those never counted.)
        let checked = statuses.iter().filter(|status| **status == 401).count();
        assert_eq!(checked, 5, "{statuses:?}");
        assert!(
            statuses
                .iter()
                .all(|status| [401, 429, 503].contains(status)),
            "{statuses:?}"
        );

        let (status, body) = login_from(1, &url, "bob", "bob's long password").await;
        assert_eq!(status, 429, "{body}");
        let message = body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            message.contains("too many failed logins for 'bob' from this address"),
            "{body}"
        );
        let (status, body) = login_from(2, &url, "bob", "bob's long password").await;
        assert_eq!(status, 200, "the owner, from another address: {body}");

        // A name with no account locks exactly alike: nothing tells them apart.
        for _ in 0..5 {
            assert_eq!(login_from(1, &url, "ghost", "wrong").await.0, 401);
        }
        let (status, ghost) = login_from(1, &url, "ghost", "wrong").await;
        assert_eq!(status, 429, "{ghost}");
        let ghost = ghost["error"]["message"].as_str().unwrap_or_default();
        let reason = |message: &str| {
            message
                .split("; try again")
                .next()
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(reason(&ghost.replace("ghost", "bob")), reason(&message));
    });
    let unlocked = env.json(&["user", "unlock", "bob"]);
    assert_eq!(unlocked["cleared_addresses"], 1, "{unlocked}");
    let (status, body) = runtime().block_on(login_from(1, &url, "bob", "bob's long password"));
    assert_eq!(status, 200, "after unlock: {body}");
    let audit = env.ok(&["audit", "--since", "1h"]);
    assert!(
        audit.contains("cleared the failed logins of 'bob'"),
        "{audit}"
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![test!(guessing_locks_out_the_guesser_not_the_owner)]
}
