//! Bounded exposure: whatever a client sends costs bounded work and gets a
//! clear 4xx — never a panic, a 5xx or a held connection.

use crate::common;

use std::time::{Duration, Instant};

use common::{Backend, TestEnv, http_send};
use proptest::prelude::*;
use serde_json::Value;

pub(crate) fn server() -> TestEnv {
    TestEnv::with_backend(Backend::RemoteSqlite)
}

/// One request with an integer where the API takes a number of seconds:
/// `(status, body)`.
pub(crate) fn send_integer(
    env: &TestEnv,
    pat: &str,
    session: &str,
    place: usize,
    value: i64,
) -> (u16, Value) {
    let url = env.server_url().expect("url");
    let bearer = format!("Bearer {session}");
    let json = [
        ("authorization", bearer.as_str()),
        ("content-type", "application/json"),
    ];
    let form = [("content-type", "application/x-www-form-urlencoded")];
    let answer = match place {
        0 => http_send(
            "GET",
            &format!("{url}/v1/audit?since_seconds={value}"),
            &json,
            None,
        ),
        1 => http_send(
            "GET",
            &format!("{url}/v1/tokens?expiring_within_seconds={value}"),
            &json,
            None,
        ),
        2 => http_send(
            "POST",
            &format!("{url}/v1/tokens/integers/regenerate"),
            &json,
            Some(&format!(r#"{{"grace_seconds": {value}}}"#)),
        ),
        _ => http_send(
            "POST",
            &format!("{url}/oauth2/token"),
            &form,
            Some(&format!(
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange\
                 &subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token\
                 &subject_token={pat}&expires_in={value}"
            )),
        ),
    };
    (answer.status, answer.body)
}

pub(crate) const PLACES: [&str; 4] = [
    "since_seconds",
    "expiring_within_seconds",
    "grace_seconds",
    "expires_in",
];

fn every_integer_a_client_sends_is_range_checked() {
    let env = server();
    let pat = env.create(&["integers"]);
    let session = env.session();
    for (place, name) in PLACES.iter().enumerate() {
        for value in [
            i64::MIN,
            i64::MIN + 1,
            -1,
            i64::MAX,
            i64::MAX / 1000,
            10_i64.pow(15),
        ] {
            let (status, body) = send_integer(&env, &pat, &session, place, value);
            assert_eq!(status, 400, "{name}={value}: {body}");
            let message = body["error"]["message"]
                .as_str()
                .or_else(|| body["error_description"].as_str())
                .unwrap_or_else(|| panic!("{name}={value}: no JSON error: {body}"));
            assert!(message.contains(name), "{name}={value}: {message}");
        }
        // In range, the same parameter works.
        let (status, body) = send_integer(&env, &pat, &session, place, 60);
        assert_eq!(status, 200, "{name}=60: {body}");
    }
    assert!(
        !env.server_log().contains("panicked"),
        "{}",
        env.server_log()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any integer anywhere: a 2xx or a 4xx with a JSON body, never a 5xx,
    /// a dropped connection or a panic.
    fn no_integer_makes_the_server_fail(place in 0..PLACES.len(), value in any::<i64>()) {
        thread_local! {
            static SERVER: (TestEnv, String, String) = {
                let env = server();
                let pat = env.create(&["integers"]);
                let session = env.session();
                (env, pat, session)
            };
        }
        SERVER.with(|(env, pat, session)| {
            let (status, body) = send_integer(env, pat, session, place, value);
            prop_assert!((200..500).contains(&status), "{}={value}: {status} {body}", PLACES[place]);
            prop_assert!(body.is_object(), "{}={value}: {body}", PLACES[place]);
            prop_assert!(!env.server_log().contains("panicked"));
            Ok(())
        })?;
    }
}

mod connections;
mod exchange_limit;
mod full_disk;
mod hostile_text;
mod lockout;
mod login_flood;

use connections::{one_at_a_time, runtime};
use login_flood::verify_latencies;

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        vec![
            test!(every_integer_a_client_sends_is_range_checked),
            test!(no_integer_makes_the_server_fail),
        ],
        connections::tests(),
        exchange_limit::tests(),
        full_disk::tests(),
        hostile_text::tests(),
        lockout::tests(),
        login_flood::tests(),
    ]
    .concat()
}
