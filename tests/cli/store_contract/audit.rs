//! The contract for the audit log: its filters, and batches written whole.

use super::*;

pub(crate) async fn the_audit_log_filters_by_token_actor_and_time(f: &Fixture) {
    let admin = f.admin().await;
    let start = time::now();
    f.add_user("bob", "developer").await;
    let bob = f.actor("bob").await;
    let bobs = f.create(&bob, request("bobs")).await;
    let adas = f.create(&admin, request("adas")).await;

    let summary = |entries: Vec<AuditEntry>| {
        entries
            .into_iter()
            .map(|entry| (entry.action, entry.actor, entry.token_id))
            .collect::<Vec<_>>()
    };
    let audit = |actor: Actor, request: AuditRequest| async move {
        summary(f.service.audit(&actor, request).await.expect("audit").items)
    };
    let stored = |filter: AuditFilter| async move {
        summary(f.store.audit_entries(&filter).await.expect("audit"))
    };
    let entry = |action: &str, actor: &str, token: Option<i64>| {
        (action.to_owned(), actor.to_owned(), token)
    };
    let everything = audit(admin.clone(), AuditRequest::default()).await;
    assert_eq!(
        everything,
        [
            entry("user.add", ADMIN, None),
            entry("token.create", "bob", Some(bobs.token.id)),
            entry("token.create", ADMIN, Some(adas.token.id)),
        ]
    );
    let by_token = |reference| AuditRequest {
        token: Some(reference),
        ..AuditRequest::default()
    };
    assert_eq!(
        audit(admin.clone(), by_token(TokenRef::Id(adas.token.id))).await,
        [entry("token.create", ADMIN, Some(adas.token.id))]
    );
    assert_eq!(
        audit(admin.clone(), by_token(TokenRef::parse("bobs"))).await,
        [entry("token.create", "bob", Some(bobs.token.id))]
    );
    let within = |ago| AuditRequest {
        since: Some(ago),
        ..AuditRequest::default()
    };
    assert_eq!(
        audit(admin.clone(), within(Duration::hours(1))).await.len(),
        3
    );
    assert_eq!(
        audit(admin.clone(), within(Duration::MAX)).await.len(),
        3,
        "a span beyond the calendar reaches back to the first entry"
    );

    // The store's own filters: by actor, and since an instant.
    let by_actor = AuditFilter {
        actor: Some("bob".to_owned()),
        ..AuditFilter::default()
    };
    assert_eq!(
        stored(by_actor).await,
        [entry("token.create", "bob", Some(bobs.token.id))]
    );
    let since = |at| AuditFilter {
        since: Some(at),
        ..AuditFilter::default()
    };
    assert_eq!(stored(since(start)).await.len(), 3);
    assert!(
        stored(since(time::now() + Duration::hours(1)))
            .await
            .is_empty()
    );

    // Without audit:read a user sees only their own entries, and a token
    // of someone else's is not there to filter by.
    assert_eq!(
        audit(bob.clone(), AuditRequest::default()).await,
        [entry("token.create", "bob", Some(bobs.token.id))]
    );
    expect_error(
        f.service
            .audit(&bob, by_token(TokenRef::Id(adas.token.id)))
            .await,
        ErrorKind::NotFound,
        &format!("no token {}", adas.token.id),
    );

    let entries = f
        .service
        .audit(&admin, AuditRequest::default())
        .await
        .expect("audit")
        .items;
    let first = &entries[0];
    assert_eq!(first.source, "test");
    assert_eq!(first.detail, "added user 'bob' with role developer");
    assert!(first.at >= start);
    assert!(entries.windows(2).all(|pair| pair[0].id < pair[1].id));
}

/// `since`, `until`, `actor` and `action`, alone and together, each
/// answered from an index (the plan names it) — and `since` finds an entry
/// written after one of a later time, as a batch can write them.
pub(crate) async fn the_audit_log_filters_by_time_actor_and_action_from_indexes(f: &Fixture) {
    let now = time::now();
    let record = |ago: Duration, actor: &str, action: &'static str| tokenctl::store::AuditRecord {
        at: now - ago,
        actor: actor.to_owned(),
        action,
        token_id: None,
        detail: format!("{}m ago", ago.num_minutes()),
        source: "test".to_owned(),
        via_token: None,
        event: None,
    };
    f.store
        .append_audits(vec![
            record(Duration::days(3), "alice", "token.create"),
            record(Duration::hours(1), "bob", "token.revoke"),
            // Written after the entry above, though it happened before it.
            record(Duration::hours(30), "alice", "token.revoke"),
            record(Duration::minutes(10), "alice", "token.create"),
        ])
        .await
        .expect("append");
    let details = |filter: AuditFilter| async move {
        f.store
            .audit_entries(&filter)
            .await
            .expect("audit")
            .into_iter()
            .map(|entry| entry.detail)
            .collect::<Vec<_>>()
    };
    let ago = |span: Duration| Some(now - span);
    let filters = [
        (
            "since a day",
            AuditFilter {
                since: ago(Duration::days(1)),
                ..AuditFilter::default()
            },
            &["60m ago", "10m ago"][..],
        ),
        (
            "since two days",
            AuditFilter {
                since: ago(Duration::days(2)),
                ..AuditFilter::default()
            },
            &["60m ago", "1800m ago", "10m ago"],
        ),
        (
            "until a day",
            AuditFilter {
                until: ago(Duration::days(1)),
                ..AuditFilter::default()
            },
            &["4320m ago", "1800m ago"],
        ),
        (
            "actor",
            AuditFilter {
                actor: Some("bob".to_owned()),
                ..AuditFilter::default()
            },
            &["60m ago"],
        ),
        (
            "actor and action",
            AuditFilter {
                actor: Some("alice".to_owned()),
                action: Some("token.revoke".to_owned()),
                ..AuditFilter::default()
            },
            &["1800m ago"],
        ),
        (
            "since and actor",
            AuditFilter {
                since: ago(Duration::days(1)),
                actor: Some("alice".to_owned()),
                ..AuditFilter::default()
            },
            &["10m ago"],
        ),
    ];
    for (what, filter, expected) in filters {
        assert_eq!(details(filter).await, expected, "{what}");
    }

    let plan = |filter: AuditFilter| async move {
        f.store
            .query_plan(ListQuery::Audit(&filter), now)
            .await
            .expect("plan")
    };
    for (filter, index) in [
        (
            AuditFilter {
                since: ago(Duration::days(1)),
                ..AuditFilter::default()
            },
            "audit_by_time",
        ),
        (
            AuditFilter {
                actor: Some("bob".to_owned()),
                ..AuditFilter::default()
            },
            "audit_by_actor",
        ),
        (
            AuditFilter {
                action: Some("token.revoke".to_owned()),
                ..AuditFilter::default()
            },
            "audit_by_action",
        ),
        (
            AuditFilter {
                token_id: Some(1),
                ..AuditFilter::default()
            },
            "audit_by_token",
        ),
    ] {
        let explained = plan(filter.clone()).await;
        assert!(
            explained.contains(index),
            "{filter:?} is not answered from {index}:\n{explained}"
        );
    }
    // What a token did, beside what was done to it.
    let by_token = AuditFilter {
        token_id: Some(1),
        ..AuditFilter::default()
    };
    let explained = plan(by_token).await;
    assert!(
        explained.contains("audit_by_via_token"),
        "audit --token reads the entries a token made from audit_by_via_token:\n{explained}"
    );

    // With a history in the log, a planner may find the first entry of a
    // time by walking the primary key from the oldest entry until one
    // matches (PostgreSQL's min/max shortcut: `Index Cond: (id IS NOT
    // NULL)`): nearly the whole log, when it was written in time order.
    let history = (0..5000)
        .map(|day: i64| record(Duration::days(800 - day / 8), "carol", "token.create"))
        .collect();
    f.store.append_audits(history).await.expect("append");
    let since = AuditFilter {
        since: ago(Duration::days(1)),
        ..AuditFilter::default()
    };
    let explained = plan(since.clone()).await;
    assert!(
        explained.contains("audit_by_time") && !explained.contains("IS NOT NULL"),
        "{since:?} walks the log from its oldest entry:\n{explained}"
    );
    assert_eq!(details(since).await, ["60m ago", "10m ago"]);
    let by_owner = TokenFilter {
        owner: Some(ADMIN.to_owned()),
        ..TokenFilter::default()
    };
    let explained = f
        .store
        .query_plan(ListQuery::Tokens(&by_owner), now)
        .await
        .expect("plan");
    assert!(
        explained.contains("tokens_by_owner"),
        "list --owner:\n{explained}"
    );
}

/// A prune removes exactly the entries from before its date, writes one of
/// its own saying how many, and needs `audit:prune`.
pub(crate) async fn an_audit_prune_removes_only_older_entries_and_says_so(f: &Fixture) {
    let now = time::now();
    let record = |ago: Duration, detail: &str| tokenctl::store::AuditRecord {
        at: now - ago,
        actor: ADMIN.to_owned(),
        action: "token.create",
        token_id: None,
        detail: detail.to_owned(),
        source: "test".to_owned(),
        via_token: None,
        event: None,
    };
    f.store
        .append_audits(vec![
            record(Duration::days(400), "old"),
            record(Duration::days(10), "recent"),
        ])
        .await
        .expect("append");
    f.add_user("bob", "developer").await;
    let bob = f.actor("bob").await;
    expect_error(
        f.service.prune_audit(&bob, now).await,
        ErrorKind::PermissionDenied,
        "audit:prune",
    );
    let admin = f.admin().await;
    let pruned = f
        .service
        .prune_audit(&admin, now - Duration::days(30))
        .await
        .expect("prune");
    assert_eq!(pruned.pruned, 1);
    let entries = f
        .store
        .audit_entries(&AuditFilter::default())
        .await
        .expect("entries");
    let details: Vec<&str> = entries.iter().map(|entry| entry.detail.as_str()).collect();
    assert_eq!(details[0], "recent", "{details:?}");
    assert!(!details.contains(&"old"), "{details:?}");
    let last = entries.last().expect("the prune's own entry");
    assert_eq!(last.action, "audit.prune");
    assert_eq!(last.actor, ADMIN);
    assert!(
        last.detail.starts_with("pruned 1 entries from before "),
        "{}",
        last.detail
    );
}

/// The server group-commits entries written on their own (one per token
/// exchange): a batch, however large, lands whole and in order.
pub(crate) async fn a_batch_of_audit_entries_is_written_whole_and_in_order(f: &Fixture) {
    let now = time::now();
    let batch: Vec<tokenctl::store::AuditRecord> = (0..100)
        .map(|n| tokenctl::store::AuditRecord {
            at: now,
            actor: ADMIN.to_owned(),
            action: "token.exchange",
            token_id: None,
            detail: format!("entry {n}"),
            source: "test".to_owned(),
            via_token: None,
            event: None,
        })
        .collect();
    f.store.append_audits(batch).await.expect("append");
    let entries = f
        .store
        .audit_entries(&AuditFilter::default())
        .await
        .expect("entries");
    let details: Vec<&str> = entries
        .iter()
        .filter(|entry| entry.action == "token.exchange")
        .map(|entry| entry.detail.as_str())
        .collect();
    let expected: Vec<String> = (0..100).map(|n| format!("entry {n}")).collect();
    assert_eq!(details, expected);
}
