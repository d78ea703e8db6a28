//! `create --allow-ip`: a token that works only from the addresses it
//! names — checked on every use of it and of the access tokens it was
//! exchanged for, against the socket's peer, or the client behind a proxy
//! `serve --trusted-proxy` names (and no one else's header); on a local
//! store, against `verify --from`.

use crate::common;

use common::{Backend, TestEnv, assert_fails, code, http_send, stderr};
use serde_json::{Value, json};

contract!(an_allow_list_is_checked_kept_and_shown, |env| {
    assert_fails(
        &env.run(&["create", "typo", "--allow-ip", "10.0.0.5/8"]),
        2,
        "did you mean 10.0.0.0/8",
    );
    assert_fails(
        &env.run(&["create", "typo", "--allow-ip", "intranet"]),
        2,
        "is not an IP address or CIDR block",
    );
    let created = env.json(&[
        "create",
        "fenced",
        "--allow-ip",
        "2001:db8::/32,10.0.0.0/8",
        "--allow-ip",
        "10.0.0.0/8",
    ]);
    let ranges = json!(["10.0.0.0/8", "2001:db8::/32"]);
    assert_eq!(created["allowed_ips"], ranges);
    let secret = created["secret"].as_str().expect("secret").to_owned();
    let shown = env.ok(&["show", "fenced"]);
    assert!(
        shown.contains("Allowed from") && shown.contains("10.0.0.0/8 2001:db8::/32"),
        "{shown}"
    );
    let listed = env.ok(&["list"]);
    assert!(listed.contains("10.0.0.0/8 +1"), "{listed}");
    assert_eq!(env.json(&["show", "fenced"])["allowed_ips"], ranges);
    let open = env.json(&["create", "open"]);
    assert_eq!(open["allowed_ips"], json!([]));
    assert!(env.ok(&["show", "open"]).contains("anywhere"));

    if env.server_url().is_some() {
        // The CLI's own requests come from 127.0.0.1, outside the list.
        let refused = env.run_with_stdin(&["verify"], secret.clone());
        assert_fails(&refused, 4, "is not valid from 127.0.0.1");
        assert_fails(
            &env.run_with_stdin(&["verify", "--from", "10.0.0.1"], secret.clone()),
            2,
            "--from works only on a local store",
        );
    } else {
        let unknown = env.run_with_stdin(&["verify"], secret.clone());
        assert_fails(&unknown, 4, "is not valid from an unknown address");
        assert!(
            stderr(&unknown).contains("--from ADDR"),
            "{}",
            stderr(&unknown)
        );
        let from =
            |address: &str| env.run_with_stdin(&["verify", "--from", address], secret.clone());
        assert_eq!(code(&from("10.20.30.40")), 0);
        assert_eq!(code(&from("2001:db8::1")), 0);
        assert_fails(&from("192.0.2.1"), 4, "is not valid from 192.0.2.1");
        assert_fails(&from("2001:db9::1"), 4, "is not valid from 2001:db9::1");
    }
    let refusals = env.json(&[
        "audit",
        "--token",
        "fenced",
        "--action",
        "token.use.refused",
    ]);
    assert!(
        !refusals.as_array().expect("entries").is_empty(),
        "a refused use is audited: {refusals}"
    );

    let rotated = env.json(&["regenerate", "fenced", "--yes"]);
    assert_eq!(rotated["allowed_ips"], ranges, "a rotation keeps it");
});

fn verify_from(url: &str, secret: &str, forwarded_for: Option<&str>) -> u16 {
    let body = json!({ "token": secret }).to_string();
    let mut headers = vec![("content-type", "application/json")];
    if let Some(hops) = forwarded_for {
        headers.push(("x-forwarded-for", hops));
    }
    http_send(
        "POST",
        &format!("{url}/v1/tokens/verify"),
        &headers,
        Some(&body),
    )
    .status
}

fn exchange_from(url: &str, secret: &str, forwarded_for: &str) -> common::HttpAnswer {
    let form = format!(
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange\
         &subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token\
         &subject_token={secret}"
    );
    let headers = [
        ("content-type", "application/x-www-form-urlencoded"),
        ("x-forwarded-for", forwarded_for),
    ];
    http_send(
        "POST",
        &format!("{url}/oauth2/token"),
        &headers,
        Some(&form),
    )
}

fn bearer_from(url: &str, credential: &str, forwarded_for: &str) -> u16 {
    let authorization = format!("Bearer {credential}");
    let headers = [
        ("authorization", authorization.as_str()),
        ("x-forwarded-for", forwarded_for),
    ];
    http_send("GET", &format!("{url}/v1/tokens"), &headers, None).status
}

fn introspect(env: &TestEnv, token: &str, client_ip: Option<&str>) -> Value {
    let url = format!("{}/oauth2/introspect", env.server_url().expect("server"));
    let mut form = format!("token={token}");
    if let Some(client_ip) = client_ip {
        form.push_str(&format!("&client_ip={}", client_ip.replace(':', "%3A")));
    }
    let session = env.session();
    let authorization = format!("Bearer {session}");
    let headers = [
        ("authorization", authorization.as_str()),
        ("content-type", "application/x-www-form-urlencoded"),
    ];
    let answer = http_send("POST", &url, &headers, Some(&form));
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body
}

/// Behind a trusted proxy the client is the rightmost hop that is not a
/// proxy: IPv4 and IPv6, on every kind of use — verify, Bearer, the token
/// endpoint and the seed 002 endpoint, an access token as Bearer and in
/// introspection (with `client_ip`) — and the use is recorded from there.
fn behind_a_trusted_proxy_the_forwarded_client_is_checked() {
    for backend in [Backend::RemotePostgres, Backend::RemoteSqlite] {
        let env = TestEnv::with_server_flags(backend, &["--trusted-proxy", "127.0.0.1/32"]);
        let url = env.server_url().expect("server");
        let v6 = env.create(&["v6", "--allow-ip", "2001:db8::/32"]);
        assert_eq!(verify_from(&url, &v6, Some("2001:db8::9")), 200);
        assert_eq!(verify_from(&url, &v6, Some("6.6.6.6, 2001:db8::9")), 200);
        assert_eq!(
            verify_from(&url, &v6, Some("2001:db8::9, 198.51.100.1")),
            401,
            "the rightmost untrusted hop decides, not one the client wrote"
        );
        assert_eq!(
            verify_from(&url, &v6, None),
            401,
            "the proxy itself is not in it"
        );
        assert_eq!(env.json(&["show", "v6"])["last_used_from"], "2001:db8::9");

        let v4 = env.create(&["v4", "--allow-ip", "203.0.113.0/24"]);
        assert_eq!(bearer_from(&url, &v4, "203.0.113.7"), 200);
        assert_eq!(bearer_from(&url, &v4, "198.51.100.7"), 401);
        let exchanged = exchange_from(&url, &v4, "203.0.113.8");
        assert_eq!(exchanged.status, 200, "{}", exchanged.body);
        let refused = exchange_from(&url, &v4, "198.51.100.8");
        assert_eq!(refused.body["error"], "invalid_grant", "{}", refused.body);
        let access = exchanged.body["access_token"].as_str().expect("token");
        assert_eq!(bearer_from(&url, access, "203.0.113.9"), 200);
        assert_eq!(bearer_from(&url, access, "198.51.100.9"), 401);
        assert_eq!(
            introspect(&env, access, Some("203.0.113.10"))["active"],
            true
        );
        assert_eq!(
            introspect(&env, access, Some("198.51.100.10"))["active"],
            false
        );
        assert_eq!(introspect(&env, access, None)["active"], false);
        assert_eq!(introspect(&env, &v4, Some("203.0.113.11"))["active"], true);
        assert_eq!(
            introspect(&env, &v4, Some("::ffff:198.51.100.11"))["active"],
            false
        );

        let seed = |hops: &str| {
            let headers = [
                ("personalAccessToken", v4.as_str()),
                ("x-forwarded-for", hops),
            ];
            let path = "/api/personalaccesstoken/getAuthenticationToken";
            http_send("GET", &format!("{url}{path}"), &headers, None).body
        };
        assert_eq!(seed("203.0.113.12")["ResponseCode"], 1);
        assert_eq!(seed("198.51.100.12")["ResponseCode"], 0);

        let refusals = env.json(&["audit", "--token", "v4", "--action", "token.use.refused"]);
        let details: Vec<&str> = refusals
            .as_array()
            .expect("entries")
            .iter()
            .map(|entry| entry["detail"].as_str().expect("detail"))
            .collect();
        for address in [
            "198.51.100.7",
            "198.51.100.8",
            "198.51.100.9",
            "198.51.100.12",
        ] {
            assert!(
                details.iter().any(|detail| detail.contains(address)),
                "{address} audited: {details:#?}"
            );
        }
    }
}

/// Without `--trusted-proxy` a forwarding header is anyone's to write, so
/// it is not read: the peer is the client, for the allow-list and for the
/// login limit alike.
fn without_a_trusted_proxy_the_header_changes_nothing() {
    for env in TestEnv::servers() {
        let url = env.server_url().expect("server");
        let v4 = env.create(&["v4", "--allow-ip", "203.0.113.0/24"]);
        assert_eq!(verify_from(&url, &v4, Some("203.0.113.7")), 401);
        let local = env.create(&["local", "--allow-ip", "127.0.0.0/8"]);
        assert_eq!(verify_from(&url, &local, Some("203.0.113.7")), 200);
        assert_eq!(env.json(&["show", "local"])["last_used_from"], "127.0.0.1");
    }
}

fn failed_login(url: &str, forwarded_for: &str) -> u16 {
    let body = json!({ "username": "nobody", "password": "wrong" }).to_string();
    let headers = [
        ("content-type", "application/json"),
        ("x-forwarded-for", forwarded_for),
    ];
    http_send("POST", &format!("{url}/v1/login"), &headers, Some(&body)).status
}

/// The per-address login limit counts the same client the allow-list
/// sees: behind a trusted proxy each forwarded client has its own window
/// (the proxy is not throttled for all of them); without one, a header
/// the client varies does not give it more attempts.
fn the_login_limit_counts_the_same_client() {
    // The test's own login, from 127.0.0.1, is the first attempt of three.
    let limit = ["--login-attempts-per-minute", "3"];
    let proxied = TestEnv::with_server_flags(
        Backend::RemoteSqlite,
        &[&limit[..], &["--trusted-proxy", "127.0.0.1"]].concat(),
    );
    let url = proxied.server_url().expect("server");
    for _ in 0..3 {
        assert_eq!(failed_login(&url, "203.0.113.1"), 401);
    }
    assert_eq!(failed_login(&url, "203.0.113.1"), 429);
    assert_eq!(failed_login(&url, "2001:db8::1"), 401, "another client");

    let direct = TestEnv::with_server_flags(Backend::RemoteSqlite, &limit);
    let url = direct.server_url().expect("server");
    assert_eq!(failed_login(&url, "203.0.113.1"), 401);
    assert_eq!(failed_login(&url, "203.0.113.2"), 401);
    assert_eq!(failed_login(&url, "203.0.113.3"), 429);
}

/// A server listening on IPv6 loopback sees `::1` as the peer.
fn an_ipv6_peer_is_checked_as_itself() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let v6 = env.create(&["v6", "--allow-ip", "::1"]);
    let v4 = env.create(&["v4", "--allow-ip", "127.0.0.1"]);
    let replica = env.start_replica_on("[::1]:0");
    let url = replica.url().to_owned();
    assert!(url.contains("[::1]"), "{url}");
    assert_eq!(verify_from(&url, &v6, None), 200);
    assert_eq!(verify_from(&url, &v4, None), 401);
    let main = env.server_url().expect("server");
    assert_eq!(verify_from(&main, &v6, None), 401);
    assert_eq!(verify_from(&main, &v4, None), 200);
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        an_allow_list_is_checked_kept_and_shown::tests(),
        vec![
            test!(behind_a_trusted_proxy_the_forwarded_client_is_checked),
            test!(without_a_trusted_proxy_the_header_changes_nothing),
            test!(the_login_limit_counts_the_same_client),
            test!(an_ipv6_peer_is_checked_as_itself),
        ],
    ]
    .concat()
}
