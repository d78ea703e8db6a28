//! Lists in pages: a walk through `Link: rel="next"` sees every item that
//! was there all along exactly once while others change the list, a cursor
//! or limit the server did not give out is a 400 (never a 500), and the
//! CLI pages through more than one page on its own, within its limit.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{Value, json};

use crate::common;
use common::{HttpAnswer, TestEnv, assert_success, http_request, stderr, stdout};

fn create(url: &str, session: &str, name: &str) -> i64 {
    let created = http_request(
        "POST",
        &format!("{url}/v1/tokens"),
        Some(session),
        Some(&json!({ "name": name }).to_string()),
    );
    assert_eq!(created.status, 200, "{}", created.body);
    created.body["token"]["id"].as_i64().expect("id")
}

fn revoke(url: &str, session: &str, id: i64) {
    let revoked = http_request(
        "POST",
        &format!("{url}/v1/tokens/{id}/revoke"),
        Some(session),
        None,
    );
    assert_eq!(revoked.status, 200, "{}", revoked.body);
}

fn next_page(page_url: &str, answer: &HttpAnswer) -> Option<String> {
    common::next_page_url(page_url, &answer.headers)
}

/// Every ID of every page from `first`, following the links.
fn walk(first: String, session: &str, mut between_pages: impl FnMut()) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut next = Some(first);
    while let Some(url) = next {
        let page = http_request("GET", &url, Some(session), None);
        assert_eq!(page.status, 200, "{url}: {}", page.body);
        let items = page.body.as_array().expect("a JSON array");
        ids.extend(items.iter().map(|item| item["id"].as_i64().expect("id")));
        next = next_page(&url, &page);
        between_pages();
    }
    ids
}

/// While another client creates tokens and revokes some, a walk of seven
/// at a time sees each token that existed throughout exactly once, in ID
/// order — with `status=all` and with `status=active` for the ones that
/// stayed active — on SQLite and on PostgreSQL.
fn a_walk_sees_every_item_once_while_others_change_the_list() {
    for env in TestEnv::servers() {
        let url = env.server_url().expect("server");
        let session = env.session();
        let seeded: Vec<i64> = (0..40)
            .map(|n| create(&url, &session, &format!("seed-{n}")))
            .collect();
        let (revoked, stayed): (Vec<i64>, Vec<i64>) = seeded.iter().partition(|id| *id % 3 == 0);
        let stop = Arc::new(AtomicBool::new(false));
        let writer = {
            let (url, session, stop) = (url.clone(), session.clone(), Arc::clone(&stop));
            let mut victims = revoked.clone().into_iter();
            std::thread::spawn(move || {
                let mut made = 0;
                while !stop.load(Ordering::Relaxed) {
                    create(&url, &session, &format!("new-{made}"));
                    made += 1;
                    if let Some(victim) = victims.next() {
                        revoke(&url, &session, victim);
                    }
                }
                made
            })
        };
        // Pages are read slowly enough that the writer gets in between.
        let pause = || std::thread::sleep(std::time::Duration::from_millis(20));
        let all = walk(
            format!("{url}/v1/tokens?status=all&limit=7"),
            &session,
            pause,
        );
        let active = walk(
            format!("{url}/v1/tokens?status=active&limit=7"),
            &session,
            pause,
        );
        stop.store(true, Ordering::Relaxed);
        let made = writer.join().expect("writer");
        assert!(made > 0, "the list never changed during the walk");
        for (walked, must, what) in [
            (&all, &seeded, "status=all"),
            (&active, &stayed, "status=active"),
        ] {
            let unique: HashSet<i64> = walked.iter().copied().collect();
            assert_eq!(
                unique.len(),
                walked.len(),
                "{what}: an item twice: {walked:?}"
            );
            assert!(walked.is_sorted(), "{what}: out of order: {walked:?}");
            let missing: Vec<&i64> = must.iter().filter(|id| !unique.contains(id)).collect();
            assert!(missing.is_empty(), "{what}: missed {missing:?}");
        }
    }
}

/// Cursors and limits are checked: whatever a client makes up is a 400
/// with a JSON error, on every list route.
fn a_bad_cursor_or_limit_is_a_400_never_a_500() {
    let env = TestEnv::with_backend(common::Backend::RemoteSqlite);
    let url = env.server_url().expect("server");
    let session = env.session();
    for route in ["tokens", "audit", "users"] {
        for query in [
            "cursor=",
            "cursor=garbage",
            "cursor=v1.",
            "cursor=v1.LTU",    // "-5"
            "cursor=v1.MTIzYQ", // "123a"
            "cursor=v2.MQ",     // another version's "1"
            "cursor=v1.%00%FF",
            "limit=0",
            "limit=1001",
            "limit=-1",
            "limit=99999999999999999999999999",
            "limit=ten",
        ] {
            let answer = http_request(
                "GET",
                &format!("{url}/v1/{route}?{query}"),
                Some(&session),
                None,
            );
            assert_eq!(answer.status, 400, "{route}?{query}: {}", answer.body);
            assert!(
                answer.body["error"]["message"].is_string(),
                "{route}?{query}: {}",
                answer.body
            );
        }
        // The cursor the server gives out is taken back, and any of the
        // form the document gives.
        let forged = http_request(
            "GET",
            &format!("{url}/v1/{route}?cursor=v1.AAAAAAAAAAE"),
            Some(&session),
            None,
        );
        assert_eq!(forged.status, 200, "{}", forged.body);
        let first = http_request(
            "GET",
            &format!("{url}/v1/{route}?limit=1"),
            Some(&session),
            None,
        );
        assert_eq!(first.status, 200, "{}", first.body);
        if let Some(next) = next_page(&format!("{url}/v1/{route}?limit=1"), &first) {
            let second = http_request("GET", &next, Some(&session), None);
            assert_eq!(second.status, 200, "{next}: {}", second.body);
        }
    }
}

/// More tokens than a page (and than the CLI shows unasked): the default
/// shows the first 1000 and says there are more, `--all` and `--jsonl`
/// page through every one, `--limit` stops where it says.
fn the_cli_pages_through_more_than_a_page_within_its_limit() {
    let env = TestEnv::new();
    env.create(&["first"]);
    seed_local_tokens(&env, 1049);
    let everything = env.run(&["list", "--all", "--jsonl"]);
    assert_success(&everything, &["list", "--all", "--jsonl"]);
    let lines: Vec<Value> = stdout(&everything)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 1050);
    let ids: Vec<i64> = lines
        .iter()
        .map(|token| token["id"].as_i64().expect("id"))
        .collect();
    assert!(ids.is_sorted() && ids.windows(2).all(|pair| pair[0] != pair[1]));

    let shown = env.run(&["list", "--json"]);
    assert_success(&shown, &["list", "--json"]);
    let listed: Value = serde_json::from_str(&stdout(&shown)).expect("one JSON array");
    assert_eq!(listed.as_array().map(Vec::len), Some(1000));
    assert_eq!(
        stdout(&shown),
        common::jq(&["."], &stdout(&shown)),
        "streamed item by item, byte for byte what a whole document prints"
    );
    assert!(
        stderr(&shown).contains("Showing the first 1000 tokens; more match: --all"),
        "{}",
        stderr(&shown)
    );
    let table = env.ok(&["list", "--limit", "1003"]);
    assert_eq!(table.lines().count(), 1 + 1003, "a header and 1003 rows");
    let all = env.run(&["list", "--all", "-q"]);
    assert_eq!(stdout(&all).lines().count(), 1050);
    assert!(!stderr(&all).contains("Showing"), "{}", stderr(&all));
    let audit = env.run(&["audit", "--all", "--jsonl"]);
    assert!(stdout(&audit).lines().count() >= 1050, "{}", stderr(&audit));
}

/// `count` more tokens in the local store, made by the service in this
/// process: a thousand `tokenctl create` runs would take a minute.
fn seed_local_tokens(env: &TestEnv, count: usize) {
    use tokenctl::model::TokenKind;
    use tokenctl::policy::Credential;
    use tokenctl::requests::CreateRequest;
    use tokenctl::service::TokenService;
    use tokenctl::store::sqlite::SqliteStore;

    common::current_thread_runtime().block_on(async {
        let opened = SqliteStore::open(&env.store(), None).await.expect("store");
        let service = TokenService::new(Arc::new(opened.store));
        let me = service
            .actor(&::whoami::username(), Credential::Local, "test")
            .await
            .expect("actor");
        for n in 0..count {
            let request = CreateRequest {
                name: format!("bulk-{n}"),
                kind: TokenKind::Personal,
                role: None,
                expires: None,
                description: String::new(),
                owner: None,
                max_idle: None,
                allowed_ips: Vec::new(),
            };
            service.create_token(&me, request).await.expect("create");
        }
    });
}

contract!(audit_filters_and_export_agree_on_every_backend, |env| {
    env.create(&["kept"]);
    env.create(&["gone"]);
    env.ok(&["revoke", "gone", "--yes"]);
    let revocations = env.json(&["audit", "--action", "token.revoke"]);
    let revocations = revocations.as_array().expect("array");
    assert_eq!(revocations.len(), 1, "{revocations:?}");
    assert_eq!(revocations[0]["action"], "token.revoke");
    let me = env.me();
    let everything = env.json(&["audit", "--all"]);
    let mine: Vec<&Value> = everything
        .as_array()
        .expect("array")
        .iter()
        .filter(|entry| entry["actor"] == me.as_str())
        .collect();
    assert!(mine.len() >= 3, "{everything}");
    assert_eq!(
        env.json(&["audit", "--actor", &me, "--since", "1h"]),
        json!(mine)
    );
    assert_eq!(env.json(&["audit", "--until", "1h"]), json!([]));
    // The export is the listing, a line per entry, however many pages.
    let exported = env.run(&["audit", "export", "--since", "1h"]);
    assert_success(&exported, &["audit", "export"]);
    let lines: Vec<Value> = stdout(&exported)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON object per line"))
        .collect();
    assert_eq!(
        Value::from(lines),
        env.json(&["audit", "--since", "1h", "--all"])
    );
    let count = everything.as_array().map_or(0, Vec::len);
    assert!(
        stderr(&exported).contains(&format!("Exported {count} audit entries")),
        "{}",
        stderr(&exported)
    );
    let shaped = env.run(&["audit", "export", "--jq", "."]);
    common::assert_fails(&shaped, 2, "prints no JSON document");
});

contract!(audit_prune_asks_first_and_audits_itself, |env| {
    env.create(&["kept"]);
    let unasked = env.run(&["audit", "prune", "--before", "1d"]);
    common::assert_fails(&unasked, 2, "--yes");
    let pruned = env.json(&["audit", "prune", "--before", "2001-01-01", "--yes"]);
    assert_eq!(pruned["pruned"], 0, "{pruned}");
    assert_eq!(pruned["before"], "2001-01-01T00:00:00Z");
    let everything = env.json(&["audit", "prune", "--before", "2100-01-01", "--yes"]);
    assert!(everything["pruned"].as_u64() >= Some(2), "{everything}");
    let left = env.json(&["audit", "--all"]);
    let actions: Vec<&str> = left
        .as_array()
        .expect("array")
        .iter()
        .map(|entry| entry["action"].as_str().expect("action"))
        .collect();
    assert_eq!(
        actions,
        ["audit.prune"],
        "only the last prune's own entry is left"
    );
    let bad = env.run(&["audit", "prune", "--before", "yesterday", "--yes"]);
    common::assert_fails(&bad, 2, "is not a point in time");
});

/// The document's pattern of a cursor is the one the server parses.
fn the_document_describes_the_cursor_the_server_takes() {
    let document: Value =
        serde_json::from_str(include_str!("../../src/server/openapi.json")).expect("document");
    assert_eq!(
        document["components"]["parameters"]["Cursor"]["schema"]["pattern"],
        tokenctl::paging::CURSOR_PATTERN
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        audit_filters_and_export_agree_on_every_backend::tests(),
        audit_prune_asks_first_and_audits_itself::tests(),
        vec![
            test!(a_walk_sees_every_item_once_while_others_change_the_list),
            test!(a_bad_cursor_or_limit_is_a_400_never_a_500),
            test!(the_cli_pages_through_more_than_a_page_within_its_limit),
            test!(the_document_describes_the_cursor_the_server_takes),
        ],
    ]
    .concat()
}
