//! Connections: slow, idle and too many.

use super::*;

use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// The tests below measure time and load: they take turns, so that one's
/// 3,000 clients don't slow another's stopwatch.
pub(crate) static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

pub(crate) fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

pub(crate) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

pub(crate) fn socket_address(env: &TestEnv) -> SocketAddr {
    let url = env.server_url().expect("url");
    url.trim_start_matches("http://")
        .parse()
        .unwrap_or_else(|error| panic!("{url}: {error}"))
}

/// A connection to the server from the loopback address `127.0.0.<host>`,
/// so that tests can be several clients.
pub(crate) async fn connect_from(host: u8, server: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().expect("socket");
    socket
        .bind(SocketAddr::from((Ipv4Addr::new(127, 0, 0, host), 0)))
        .expect("bind a loopback address");
    socket.connect(server).await.expect("connect")
}

/// A kept-alive connection from `127.0.0.<host>` that the server has
/// admitted: it answered a request on it. (Connections are admitted each in
/// a task of its own, so a later one may be admitted before an earlier one
/// merely connected.)
pub(crate) async fn admitted_from(host: u8, server: SocketAddr) -> TcpStream {
    let mut stream = connect_from(host, server).await;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nhost: t\r\n\r\n")
        .await
        .expect("request");
    let mut answer = [0u8; 512];
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
        .await
        .expect("an answer")
        .expect("read");
    let answer = String::from_utf8_lossy(&answer[..read]);
    assert!(answer.starts_with("HTTP/1.1 200"), "not admitted: {answer}");
    stream
}

/// What the server sends on `stream` until it closes it, or what came
/// within `limit`.
pub(crate) async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (String, bool) {
    let mut answer = Vec::new();
    let closed = tokio::time::timeout(limit, stream.read_to_end(&mut answer))
        .await
        .is_ok();
    (String::from_utf8_lossy(&answer).into_owned(), closed)
}

/// `GET /healthz` on a fresh connection from `127.0.0.<host>`: the status
/// line, and how long the whole answer took.
pub(crate) async fn healthz_from(host: u8, server: SocketAddr) -> (String, Duration) {
    let started = Instant::now();
    let mut stream = connect_from(host, server).await;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nhost: t\r\nconnection: close\r\n\r\n")
        .await
        .expect("request");
    let (answer, _) = read_until_closed(&mut stream, Duration::from_secs(10)).await;
    let status = answer.lines().next().unwrap_or_default().to_owned();
    (status, started.elapsed())
}

fn a_client_that_sends_nothing_or_trickles_its_headers_is_cut_off() {
    let _turn = one_at_a_time();
    let env = TestEnv::with_server_flags(Backend::RemoteSqlite, &["--header-timeout", "1s"]);
    let server = socket_address(&env);
    runtime().block_on(async {
        let started = Instant::now();
        let mut idle = connect_from(1, server).await;
        let (_, closed) = read_until_closed(&mut idle, Duration::from_secs(5)).await;
        assert!(closed, "an idle connection is held");
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );

        let started = Instant::now();
        let mut slow = connect_from(1, server).await;
        slow.write_all(b"GET /healthz HTTP/1.1\r\nhost: t\r\n")
            .await
            .expect("request line");
        let mut cut_off = false;
        for line in 0..20 {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let header = format!("x-slow-{line}: still coming\r\n");
            if slow.write_all(header.as_bytes()).await.is_err() {
                cut_off = true;
                break;
            }
            let mut probe = [0u8; 64];
            if let Ok(Ok(0)) =
                tokio::time::timeout(Duration::from_millis(1), slow.read(&mut probe)).await
            {
                cut_off = true;
                break;
            }
        }
        assert!(cut_off, "a client trickling headers for 6 s was still held");
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "{:?}",
            started.elapsed()
        );

        // A kept-alive connection that goes quiet is closed too.
        let mut kept = connect_from(1, server).await;
        kept.write_all(b"GET /healthz HTTP/1.1\r\nhost: t\r\n\r\n")
            .await
            .expect("request");
        let (answer, closed) = read_until_closed(&mut kept, Duration::from_secs(5)).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(closed, "a quiet kept-alive connection is held");

        let (status, _) = healthz_from(1, server).await;
        assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    });
}

fn connections_over_the_limits_get_a_503_at_once() {
    let _turn = one_at_a_time();
    let env = TestEnv::with_server_flags(
        Backend::RemoteSqlite,
        &[
            "--max-connections",
            "12",
            "--max-connections-per-address",
            "5",
            "--header-timeout",
            "30s",
        ],
    );
    let server = socket_address(&env);
    runtime().block_on(async {
        let mut held = Vec::new();
        for _ in 0..5 {
            held.push(admitted_from(1, server).await);
        }
        let refused = |host| async move {
            let mut stream = connect_from(host, server).await;
            let started = Instant::now();
            let (answer, closed) = read_until_closed(&mut stream, Duration::from_secs(5)).await;
            assert!(closed, "a refused connection is held");
            assert!(
                started.elapsed() < Duration::from_secs(3),
                "{:?}",
                started.elapsed()
            );
            answer
        };
        let answer = refused(1).await;
        assert!(answer.starts_with("HTTP/1.1 503"), "per address: {answer}");
        assert!(answer.contains("retry-after: 1"), "{answer}");
        assert!(answer.contains(r#""kind":"unavailable""#), "{answer}");
        let (status, _) = healthz_from(2, server).await;
        assert!(
            status.starts_with("HTTP/1.1 200"),
            "another address: {status}"
        );

        for host in [2, 2, 2, 2, 2, 3, 3] {
            held.push(admitted_from(host, server).await);
        }
        let answer = refused(4).await;
        assert!(answer.starts_with("HTTP/1.1 503"), "overall: {answer}");

        drop(held);
        tokio::time::sleep(Duration::from_millis(200)).await;
        let (status, _) = healthz_from(1, server).await;
        assert!(
            status.starts_with("HTTP/1.1 200"),
            "places given back: {status}"
        );
    });
}

/// Behind a load balancer every client connects from its address: a
/// trusted proxy is held to the overall limit only, everyone else still to
/// the per-address one.
fn a_trusted_proxy_is_not_held_to_the_per_address_limit() {
    let _turn = one_at_a_time();
    let env = TestEnv::with_server_flags(
        Backend::RemoteSqlite,
        &[
            "--max-connections-per-address",
            "2",
            "--trusted-proxy",
            "127.0.0.9",
            "--header-timeout",
            "30s",
        ],
    );
    let server = socket_address(&env);
    runtime().block_on(async {
        let mut held = Vec::new();
        for _ in 0..6 {
            held.push(admitted_from(9, server).await);
        }
        for _ in 0..2 {
            held.push(admitted_from(1, server).await);
        }
        let mut stream = connect_from(1, server).await;
        let (answer, closed) = read_until_closed(&mut stream, Duration::from_secs(5)).await;
        assert!(closed && answer.starts_with("HTTP/1.1 503"), "{answer}");
    });
}

/// The attack report's slowloris, bounded: 3,000 clients each sending a
/// header line every half second for 12 s, from 8 addresses, against a
/// server allowed 1,000 connections and 100 per address — so the slow
/// clients can hold at most 800, and the rest are refused at once.
/// Meanwhile another client's `/healthz` must answer within a second and the
/// server stay under 150 MiB; every slow client is cut off once the header
/// timeout (2 s) has passed — within 8 s of its connect, the rest being the
/// time a burst of 3,000 connects on two shared cores takes to be accepted
/// (without the timeout, 800 would be held to the end).
fn three_thousand_slow_clients_neither_stop_the_server_nor_stay() {
    let _turn = one_at_a_time();
    const CLIENTS: usize = 3_000;
    const HEALTHZ_LIMIT: Duration = Duration::from_secs(1);
    const RSS_LIMIT_MIB: u64 = 150;
    const TRICKLED_HEADERS: usize = 24;
    const CUT_OFF_WITHIN: Duration = Duration::from_secs(8);
    let env = TestEnv::with_server_flags(
        Backend::RemoteSqlite,
        &[
            "--max-connections",
            "1000",
            "--max-connections-per-address",
            "100",
            "--header-timeout",
            "2s",
        ],
    );
    let server = socket_address(&env);
    let rss_before = env.server().rss_mib();
    runtime().block_on(async {
        let clients: Vec<_> = (0..CLIENTS)
            .map(|number| {
                let host = 2 + u8::try_from(number % 8).expect("small");
                tokio::spawn(async move {
                    let mut stream = connect_from(host, server).await;
                    let started = Instant::now();
                    let _ = stream
                        .write_all(b"GET /healthz HTTP/1.1\r\nhost: t\r\n")
                        .await;
                    for line in 0..TRICKLED_HEADERS {
                        tokio::time::sleep(Duration::from_millis(500)).await;
                        let header = format!("x-slow-{line}: more\r\n");
                        if stream.write_all(header.as_bytes()).await.is_err() {
                            return Some(started.elapsed());
                        }
                        let mut probe = [0u8; 512];
                        let read = Duration::from_millis(1);
                        if let Ok(Ok(0) | Err(_)) =
                            tokio::time::timeout(read, stream.read(&mut probe)).await
                        {
                            return Some(started.elapsed());
                        }
                    }
                    None
                })
            })
            .collect();
        let mut slowest_healthz = Duration::ZERO;
        let mut peak_rss = rss_before;
        for _ in 0..15 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            let (status, took) = healthz_from(1, server).await;
            assert!(status.starts_with("HTTP/1.1 200"), "{status}");
            slowest_healthz = slowest_healthz.max(took);
            peak_rss = peak_rss.max(env.server().rss_mib());
        }
        let mut held = 0;
        let mut latest_cut = Duration::ZERO;
        for client in clients {
            match client.await.expect("client") {
                Some(cut) => latest_cut = latest_cut.max(cut),
                None => held += 1,
            }
        }
        println!(
            "3000 slow clients: slowest healthz {slowest_healthz:?}, server RSS {rss_before} → \
             {peak_rss} MiB, last slow client cut off after {latest_cut:?}, {held} held to the end"
        );
        assert!(
            slowest_healthz < HEALTHZ_LIMIT,
            "healthz took {slowest_healthz:?}"
        );
        assert!(peak_rss < RSS_LIMIT_MIB, "server RSS {peak_rss} MiB");
        assert_eq!(held, 0, "slow clients held for 12 s");
        assert!(latest_cut < CUT_OFF_WITHIN, "{latest_cut:?}");
    });
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(a_client_that_sends_nothing_or_trickles_its_headers_is_cut_off).alone(),
        test!(connections_over_the_limits_get_a_503_at_once).alone(),
        test!(a_trusted_proxy_is_not_held_to_the_per_address_limit).alone(),
        test!(three_thousand_slow_clients_neither_stop_the_server_nor_stay).alone(),
    ]
}
