//! The contract for tokens: create, find, list, revoke, regenerate and
//! verify, and the rules about time, held to the second on a pinned clock.

use super::*;

pub(crate) async fn created_tokens_are_listed_found_and_verified(f: &Fixture) {
    let admin = f.admin().await;
    let before = time::now();
    let deploy = f.create(&admin, request("deploy")).await;
    let ci = f
        .create(
            &admin,
            CreateRequest {
                kind: TokenKind::Service,
                expires: Some(Expiry::Never),
                description: "the CI runner".to_owned(),
                ..request("ci")
            },
        )
        .await;

    let token = &deploy.token;
    assert_eq!(token.name, "deploy");
    assert_eq!(token.kind, TokenKind::Personal);
    assert_eq!(
        (token.owner.as_str(), token.created_by.as_str()),
        (ADMIN, ADMIN)
    );
    assert_eq!(token.role, "admin");
    assert_eq!(token.permissions, admin.permissions);
    assert_eq!(token.hint, deploy.secret.hint());
    assert!(token.created_at >= before && token.created_at <= time::now());
    assert_eq!(
        token.expires_at,
        Some(token.created_at + Duration::days(30))
    );
    assert_eq!(token.status_at(time::now()), Status::Active);
    assert!(token.last_used_at.is_none() && token.revoked_at.is_none());
    assert!(deploy.stripped.is_empty());
    assert_eq!(ci.token.kind, TokenKind::Service);
    assert_eq!(ci.token.expires_at, None);
    assert_eq!(ci.token.description, "the CI runner");

    let listed = f
        .service
        .list_tokens(&admin, ListRequest::default())
        .await
        .expect("list")
        .items;
    assert_eq!(listed, [deploy.token.clone(), ci.token.clone()]);

    let by_name = f
        .service
        .find_token(&admin, &TokenRef::parse("deploy"))
        .await
        .expect("find by name");
    assert_eq!(by_name, deploy.token);
    let by_id = f
        .service
        .find_token(&admin, &TokenRef::parse(&ci.token.id.to_string()))
        .await
        .expect("find by id");
    assert_eq!(by_id, ci.token);
    expect_error(
        f.service
            .find_token(&admin, &TokenRef::parse("nothing-here"))
            .await,
        ErrorKind::NotFound,
        "no token 'nothing-here'",
    );

    for created in [&deploy, &ci] {
        let secret = Secret::parse(created.secret.expose()).expect("secret parses");
        let verified = f.service.verify(&secret, &HERE).await.expect("verify");
        assert_eq!(verified.id, created.token.id);
    }
    let stranger = Secret::generate(TokenKind::Personal).expect("secret");
    expect_error(
        f.service.verify(&stranger, &HERE).await,
        ErrorKind::Unauthenticated,
        "no such token",
    );
}

pub(crate) async fn an_active_name_is_unique_per_owner_until_revoked(f: &Fixture) {
    let admin = f.admin().await;
    f.add_user("bob", "developer").await;
    let first = f.create(&admin, request("deploy")).await;

    expect_error(
        f.service.create_token(&admin, request("deploy")).await,
        ErrorKind::Conflict,
        &format!(
            "an active token named 'deploy' already exists for this owner (id {})",
            first.token.id
        ),
    );

    // Another owner may use the name: issued to bob by the admin, and by bob himself.
    let for_bob = CreateRequest {
        owner: Some("bob".to_owned()),
        ..request("deploy")
    };
    let bobs = f.create(&admin, for_bob).await;
    assert_eq!(bobs.token.owner, "bob");
    assert_eq!(bobs.token.created_by, ADMIN);
    let bob = f.actor("bob").await;
    expect_error(
        f.service.create_token(&bob, request("deploy")).await,
        ErrorKind::Conflict,
        "already exists for this owner",
    );
    f.create(&bob, request("nightly")).await;

    // Once revoked, the name is free again; the name then means the active one.
    f.service
        .revoke(&admin, &TokenRef::Id(first.token.id), None)
        .await
        .expect("revoke");
    let second = f.create(&admin, request("deploy")).await;
    assert_ne!(second.token.id, first.token.id);
    let found = f
        .service
        .find_token(&admin, &TokenRef::parse("deploy"))
        .await
        .expect("find");
    assert_eq!(found.id, second.token.id);
    let all = f
        .service
        .list_tokens(
            &admin,
            ListRequest {
                owner: Some(ADMIN.to_owned()),
                ..ListRequest::default()
            },
        )
        .await
        .expect("list")
        .items;
    let ids: Vec<_> = all.iter().map(|token| token.id).collect();
    assert_eq!(ids, [first.token.id, second.token.id]);
}

pub(crate) async fn revoking_kills_the_secret_and_is_audited_once(f: &Fixture) {
    let admin = f.admin().await;
    let deploy = f.create(&admin, request("deploy")).await;
    let leaked = f.create(&admin, request("leaked")).await;
    f.service
        .verify(&deploy.secret, &HERE)
        .await
        .expect("valid before");

    let revoked = f
        .service
        .revoke(&admin, &TokenRef::parse("deploy"), None)
        .await
        .expect("revoke");
    assert!(revoked.newly_revoked);
    assert_eq!(revoked.token.status_at(time::now()), Status::Revoked);
    assert!(revoked.token.revoked_at.is_some());
    expect_error(
        f.service.verify(&deploy.secret, &HERE).await,
        ErrorKind::Unauthenticated,
        "is not valid: revoked",
    );

    let again = f
        .service
        .revoke(&admin, &TokenRef::Id(deploy.token.id), None)
        .await
        .expect("revoke again");
    assert!(!again.newly_revoked);
    assert_eq!(again.token.revoked_at, revoked.token.revoked_at);

    let origin = Origin {
        who: "leak-scanner".to_owned(),
        source: "test".to_owned(),
    };
    let inspected = f.service.inspect_secret(&leaked.secret).await;
    assert_eq!(inspected.expect("inspect"), Some(leaked.token.clone()));
    // The reason reaches the audit log, but never a secret it mentions.
    let reason = format!(
        "leaked: found by scan in /tmp/{}.log",
        deploy.secret.expose()
    );
    let by_value = f
        .service
        .revoke_by_secret(&origin, &leaked.secret, Some(&reason))
        .await
        .expect("revoke by value");
    assert!(by_value.newly_revoked);
    assert_eq!(by_value.token.id, leaked.token.id);
    expect_error(
        f.service.verify(&leaked.secret, &HERE).await,
        ErrorKind::Unauthenticated,
        "revoked",
    );
    let inspected = f.service.inspect_secret(&leaked.secret).await;
    let inspected = inspected.expect("inspect").expect("still known");
    assert_eq!(inspected.status_at(time::now()), Status::Revoked);
    let unknown = Secret::generate(TokenKind::Personal).expect("randomness");
    assert_eq!(
        f.service.inspect_secret(&unknown).await.expect("inspect"),
        None
    );
    expect_error(
        f.service
            .revoke_by_secret(&origin, &leaked.secret, Some("two\nlines"))
            .await,
        ErrorKind::InvalidInput,
        "control characters",
    );

    let admin = &admin;
    let actions = |token_id| async move {
        let filter = AuditRequest {
            token: Some(TokenRef::Id(token_id)),
            ..AuditRequest::default()
        };
        let entries = f.service.audit(admin, filter).await.expect("audit").items;
        entries
            .into_iter()
            .map(|entry| (entry.action, entry.actor))
            .collect::<Vec<_>>()
    };
    let entry = |action: &str, actor: &str| (action.to_owned(), actor.to_owned());
    assert_eq!(
        actions(deploy.token.id).await,
        [entry("token.create", ADMIN), entry("token.revoke", ADMIN)]
    );
    assert_eq!(
        actions(leaked.token.id).await,
        [
            entry("token.create", ADMIN),
            entry("token.revoke", "leak-scanner")
        ]
    );
    let filter = AuditRequest {
        token: Some(TokenRef::Id(leaked.token.id)),
        ..AuditRequest::default()
    };
    let entries = f.service.audit(admin, filter).await.expect("audit").items;
    let detail = &entries.last().expect("the revocation").detail;
    let hidden = format!("/tmp/{}.log", deploy.secret.hint());
    assert!(
        detail.ends_with(&format!("; reason: leaked: found by scan in {hidden}")),
        "{detail}"
    );
    assert!(!detail.contains(deploy.secret.expose()), "{detail}");
}

pub(crate) async fn regenerating_with_grace_keeps_the_old_secret_until_the_grace_ends(f: &Fixture) {
    let admin = f.admin().await;
    let original = f.create(&admin, request("deploy")).await;
    let reference = TokenRef::parse("deploy");

    let graced = f
        .service
        .regenerate(
            &admin,
            &reference,
            Regeneration::with_grace(Some(Duration::hours(1))),
        )
        .await
        .expect("regenerate with grace");
    let now = time::now();
    let until = graced.previous_valid_until.expect("a grace period");
    assert!(until > now && until <= now + Duration::hours(1));
    assert_eq!(graced.token.id, original.token.id);
    assert_eq!(graced.token.expires_at, original.token.expires_at);
    assert_eq!(graced.token.hint, graced.secret.hint());
    assert_ne!(graced.token.hint, original.token.hint);
    assert!(graced.token.regenerated_at.is_some());

    // Both secrets work during the grace period, and only the new one after it.
    for secret in [&original.secret, &graced.secret] {
        let verified = f.service.verify(secret, &HERE).await.expect("verify");
        assert_eq!(verified.id, original.token.id);
    }
    let after_grace = until + Duration::seconds(1);
    let old = f
        .store
        .token_by_secret(&original.secret.hash(), after_grace)
        .await
        .expect("lookup");
    assert!(old.is_none(), "the old secret outlived its grace period");
    let new = f
        .store
        .token_by_secret(&graced.secret.hash(), after_grace)
        .await
        .expect("lookup");
    assert_eq!(new.map(|found| found.token.id), Some(original.token.id));

    // Without grace the replaced secret dies at once, and so does the older one.
    let immediate = f
        .service
        .regenerate(&admin, &reference, Regeneration::with_grace(None))
        .await
        .expect("regenerate");
    assert_eq!(immediate.previous_valid_until, None);
    for dead in [&original.secret, &graced.secret] {
        expect_error(
            f.service.verify(dead, &HERE).await,
            ErrorKind::Unauthenticated,
            "no such token",
        );
    }
    f.service
        .verify(&immediate.secret, &HERE)
        .await
        .expect("new secret");

    expect_error(
        f.service
            .regenerate(
                &admin,
                &reference,
                Regeneration::with_grace(Some(Duration::days(8))),
            )
            .await,
        ErrorKind::InvalidInput,
        "grace",
    );
    f.service
        .revoke(&admin, &reference, None)
        .await
        .expect("revoke");
    expect_error(
        f.service
            .regenerate(&admin, &reference, Regeneration::with_grace(None))
            .await,
        ErrorKind::Conflict,
        "is revoked; a revoked token can't be regenerated",
    );

    let filter = AuditRequest {
        token: Some(TokenRef::Id(original.token.id)),
        ..AuditRequest::default()
    };
    let actions: Vec<String> = f
        .service
        .audit(&admin, filter)
        .await
        .expect("audit")
        .items
        .into_iter()
        .map(|entry| entry.action)
        .collect();
    assert_eq!(
        actions,
        [
            "token.create",
            "token.regenerate",
            "token.regenerate",
            "token.revoke"
        ]
    );
}

pub(crate) async fn verifying_records_use_at_most_once_a_minute(f: &Fixture) {
    let admin = f.admin().await;
    let created = f.create(&admin, request("deploy")).await;
    let id = created.token.id;
    let last_used = || async {
        f.store
            .token(id)
            .await
            .expect("token")
            .expect("exists")
            .last_used_at
    };

    let start = time::now();
    f.service
        .verify(&created.secret, &HERE)
        .await
        .expect("verify");
    let first = last_used().await.expect("first use recorded");
    assert!(first >= start);

    // Pretend that use was 30 s ago: a verification now must not write.
    let thirty_ago = start - Duration::seconds(30);
    f.store
        .touch_last_used(id, used_at(thirty_ago), first + Duration::seconds(1))
        .await
        .expect("backdate");
    assert_eq!(last_used().await, Some(thirty_ago));
    f.service
        .verify(&created.secret, &HERE)
        .await
        .expect("verify");
    assert_eq!(last_used().await, Some(thirty_ago), "wrote within a minute");

    // The store itself refuses a write when the value is not stale.
    f.store
        .touch_last_used(id, used_at(time::now()), thirty_ago)
        .await
        .expect("touch");
    assert_eq!(last_used().await, Some(thirty_ago));

    // Two minutes ago is stale: the next verification records the use.
    let two_minutes_ago = start - Duration::minutes(2);
    f.store
        .touch_last_used(id, used_at(two_minutes_ago), start)
        .await
        .expect("backdate");
    f.service
        .verify(&created.secret, &HERE)
        .await
        .expect("verify");
    assert!(last_used().await.is_some_and(|used| used >= start));
}

pub(crate) async fn listing_filters_by_status_owner_kind_and_expiry(f: &Fixture) {
    let admin = f.admin().await;
    f.add_user("bob", "developer").await;
    let now = time::now();
    let days = |n| Some(Expiry::After(Duration::days(n)));
    f.create(&admin, request("a-month")).await;
    f.create(
        &admin,
        CreateRequest {
            kind: TokenKind::Service,
            expires: days(2),
            ..request("a-service")
        },
    )
    .await;
    f.create(
        &admin,
        CreateRequest {
            owner: Some("bob".to_owned()),
            expires: days(10),
            ..request("b-ten-days")
        },
    )
    .await;
    let revoked = f.create(&admin, request("a-revoked")).await;
    f.service
        .revoke(&admin, &TokenRef::Id(revoked.token.id), None)
        .await
        .expect("revoke");
    f.create(
        &admin,
        CreateRequest {
            expires: Some(Expiry::Never),
            ..request("a-never")
        },
    )
    .await;
    // The service refuses past expiries, so this one goes straight to the store.
    let ada = f.store.user(ADMIN).await.expect("user").expect("ada");
    let secret = Secret::generate(TokenKind::Personal).expect("secret");
    let audit = tokenctl::store::AuditRecord {
        at: now,
        actor: ADMIN.to_owned(),
        action: "token.create",
        token_id: None,
        detail: "an expired token".to_owned(),
        source: "test".to_owned(),
        via_token: None,
        event: None,
    };
    let expired = NewToken {
        name: "a-expired".to_owned(),
        kind: TokenKind::Personal,
        role: "admin".to_owned(),
        permissions: admin.permissions.clone(),
        stripped_permissions: Permissions::new(),
        description: String::new(),
        owner_id: ada.id,
        created_by_id: ada.id,
        secret_hash: secret.hash(),
        hint: secret.hint(),
        created_at: now - Duration::hours(2),
        expires_at: Some(now - Duration::hours(1)),
        max_idle_seconds: None,
        allowed_ips: Vec::new(),
        max_active: None,
    };
    f.store.insert_token(expired, audit).await.expect("insert");

    let by_status = |status| ListRequest {
        status,
        ..ListRequest::default()
    };
    assert_eq!(
        f.list(&admin, by_status(None)).await,
        [
            "a-month",
            "a-service",
            "b-ten-days",
            "a-revoked",
            "a-never",
            "a-expired"
        ]
    );
    assert_eq!(
        f.list(&admin, by_status(Some(Status::Active))).await,
        ["a-month", "a-service", "b-ten-days", "a-never"]
    );
    assert_eq!(
        f.list(&admin, by_status(Some(Status::Expired))).await,
        ["a-expired"]
    );
    assert_eq!(
        f.list(&admin, by_status(Some(Status::Revoked))).await,
        ["a-revoked"]
    );
    let owned_by = |owner: &str| ListRequest {
        owner: Some(owner.to_owned()),
        ..ListRequest::default()
    };
    assert_eq!(f.list(&admin, owned_by("bob")).await, ["b-ten-days"]);
    // An owner nobody is called is a mistake, not an empty list.
    expect_error(
        f.service.list_tokens(&admin, owned_by("nobody")).await,
        ErrorKind::NotFound,
        "no user named 'nobody'",
    );
    let service_tokens = ListRequest {
        kind: Some(TokenKind::Service),
        ..ListRequest::default()
    };
    assert_eq!(f.list(&admin, service_tokens).await, ["a-service"]);
    let expiring = |days| ListRequest {
        expiring_within: Some(Duration::days(days)),
        ..ListRequest::default()
    };
    assert_eq!(f.list(&admin, expiring(7)).await, ["a-service"]);
    assert_eq!(
        f.list(&admin, expiring(15)).await,
        ["a-service", "b-ten-days"]
    );
    assert_eq!(
        f.list(&admin, expiring(60)).await,
        ["a-month", "a-service", "b-ten-days"]
    );
    assert_eq!(
        f.list(
            &admin,
            ListRequest {
                expiring_within: Some(Duration::MAX),
                ..ListRequest::default()
            }
        )
        .await,
        ["a-month", "a-service", "b-ten-days"],
        "a span beyond the calendar: every token that expires at all"
    );
    let bobs_expiring = ListRequest {
        owner: Some("bob".to_owned()),
        ..expiring(60)
    };
    assert_eq!(f.list(&admin, bobs_expiring).await, ["b-ten-days"]);

    // Without tokens:read-all a user lists only their own tokens.
    let bob = f.actor("bob").await;
    assert_eq!(f.list(&bob, ListRequest::default()).await, ["b-ten-days"]);
    expect_error(
        f.service.list_tokens(&bob, owned_by(ADMIN)).await,
        ErrorKind::PermissionDenied,
        "may not list the tokens of ada",
    );
}

/// Expiry, a regenerated secret's grace and a lockout, each at its exact
/// second, through the service on a pinned clock: no sleeping, and no
/// margin for a slow machine to blur.
pub(crate) async fn time_rules_hold_to_the_second_on_a_pinned_clock(f: &Fixture) {
    let (clock, service, admin) = on_a_pinned_clock(f).await;
    let second = Duration::seconds(1);

    // A token is valid through the second before its expiry, not at it.
    let hourly = CreateRequest {
        expires: Some(Expiry::After(Duration::hours(1))),
        ..request("hourly")
    };
    let hourly = service.create_token(&admin, hourly).await.expect("create");
    assert_eq!(
        hourly.token.expires_at,
        Some(clock.now() + Duration::hours(1))
    );
    clock.advance(Duration::hours(1) - second);
    service
        .verify(&hourly.secret, &HERE)
        .await
        .expect("valid in its last second");
    let active = ListRequest {
        status: Some(Status::Active),
        ..ListRequest::default()
    };
    let listed = service
        .list_tokens(&admin, active.clone())
        .await
        .expect("list")
        .items;
    assert!(listed.iter().any(|token| token.id == hourly.token.id));
    clock.advance(second);
    assert!(
        service.verify(&hourly.secret, &HERE).await.is_err(),
        "expired"
    );
    let listed = service
        .list_tokens(&admin, active)
        .await
        .expect("list")
        .items;
    assert!(listed.iter().all(|token| token.id != hourly.token.id));

    // A replaced secret works through its grace period, not after it.
    let rotating = service
        .create_token(&admin, request("rotating"))
        .await
        .expect("create");
    let reference = TokenRef::Id(rotating.token.id);
    let grace = Duration::minutes(10);
    let regenerated = service
        .regenerate(&admin, &reference, Regeneration::with_grace(Some(grace)))
        .await
        .expect("regenerate");
    assert_eq!(regenerated.previous_valid_until, Some(clock.now() + grace));
    clock.advance(grace - second);
    service
        .verify(&rotating.secret, &HERE)
        .await
        .expect("the old secret in its grace");
    clock.advance(second);
    assert!(
        service.verify(&rotating.secret, &HERE).await.is_err(),
        "grace over"
    );
    service
        .verify(&regenerated.secret, &HERE)
        .await
        .expect("the new secret");

    // Five failures lock the address out for 30 s; at the end of the 30th
    // second the right password works again.
    add_user_with_password(&service, &admin, "bob", "developer", PASSWORD).await;
    for _ in 0..5 {
        let _ = service
            .login("bob", "not the password", None, "api@10.0.0.9")
            .await;
    }
    let locked = service.login("bob", PASSWORD, None, "api@10.0.0.9").await;
    expect_error(locked, ErrorKind::RateLimited, "too many failed logins");
    clock.advance(Duration::seconds(29));
    let locked = service.login("bob", PASSWORD, None, "api@10.0.0.9").await;
    expect_error(locked, ErrorKind::RateLimited, "too many failed logins");
    clock.advance(second);
    service
        .login("bob", PASSWORD, None, "api@10.0.0.9")
        .await
        .expect("the lock has lifted");
}

/// `list --used-since` and `--unused-for`: by the last use, and for a
/// token never used by when it was made, on a pinned clock. Each use also
/// records where from and with what.
pub(crate) async fn listing_finds_tokens_by_their_last_use(f: &Fixture) {
    let (clock, service, admin) = on_a_pinned_clock(f).await;
    let request = |name: &str| CreateRequest {
        expires: Some(Expiry::Never),
        ..request(name)
    };
    let old = service
        .create_token(&admin, request("old-use"))
        .await
        .expect("create");
    let recent = service
        .create_token(&admin, request("recent-use"))
        .await
        .expect("create");
    service
        .create_token(&admin, request("never-used-old"))
        .await
        .expect("create");
    let bot = UsedFrom {
        address: Some("10.1.2.3".parse().expect("address")),
        source: "api@10.1.2.3",
        agent: Some("bot/1.0\u{202e}"),
    };
    clock.advance(Duration::days(100));
    service.verify(&old.secret, &bot).await.expect("verify");
    clock.advance(Duration::days(98));
    service.verify(&recent.secret, &HERE).await.expect("verify");
    service
        .create_token(&admin, request("new"))
        .await
        .expect("create");
    clock.advance(Duration::days(2));

    let by = |used_within: Option<i64>, unused_for: Option<i64>| ListRequest {
        used_within: used_within.map(Duration::days),
        unused_for: unused_for.map(Duration::days),
        ..ListRequest::default()
    };
    let list = |request: ListRequest| {
        let (service, admin) = (&service, &admin);
        async move {
            let tokens = service.list_tokens(admin, request).await.expect("list");
            tokens.items.into_iter().map(|t| t.name).collect::<Vec<_>>()
        }
    };
    assert_eq!(
        list(by(None, Some(90))).await,
        ["old-use", "never-used-old"]
    );
    assert_eq!(list(by(Some(7), None)).await, ["recent-use"]);
    assert_eq!(list(by(Some(150), Some(50))).await, ["old-use"]);
    let shown = service
        .find_token(&admin, &TokenRef::Id(old.token.id))
        .await
        .expect("show");
    assert_eq!(shown.last_used_from.as_deref(), Some("10.1.2.3"));
    assert_eq!(
        shown.last_used_agent.as_deref(),
        Some("bot/1.0"),
        "made printable"
    );
    let shown = service
        .find_token(&admin, &TokenRef::Id(recent.token.id))
        .await
        .expect("show");
    assert_eq!(shown.last_used_from.as_deref(), Some("test"));
    assert_eq!(shown.last_used_agent, None);
}

/// `create --max-idle`: a token unused for that long is `idle` — refused,
/// listed as idle, not as active — until `regenerate` revives it; each use
/// starts its idle time again. On a pinned clock, to the second.
pub(crate) async fn an_idle_token_stops_working_until_regenerated(f: &Fixture) {
    let (clock, service, admin) = on_a_pinned_clock(f).await;
    let day = Duration::days(1);
    let second = Duration::seconds(1);
    let idle_after = |name: &str, max_idle: Duration| CreateRequest {
        expires: Some(Expiry::Never),
        max_idle: Some(max_idle),
        ..request(name)
    };
    for (max_idle, why) in [
        (Duration::minutes(59), "too short"),
        (Duration::days(3651), "too long"),
    ] {
        let refused = service
            .create_token(&admin, idle_after("bad", max_idle))
            .await;
        assert!(
            refused.is_err_and(|error| error.message.contains("maximum idle time")),
            "{why}"
        );
    }
    let token = service
        .create_token(&admin, idle_after("sleepy", day))
        .await
        .expect("create");
    let status = |name: &'static str| {
        let (service, admin, clock) = (&service, &admin, &clock);
        async move {
            let found = service
                .find_token(admin, &TokenRef::parse(name))
                .await
                .expect("find");
            found.status_at(clock.now())
        }
    };
    clock.advance(day - second);
    service
        .verify(&token.secret, &HERE)
        .await
        .expect("still active");
    clock.advance(day - second);
    assert_eq!(status("sleepy").await, Status::Active, "a use restarts it");
    clock.advance(second);
    assert_eq!(status("sleepy").await, Status::Idle);
    let refused = service
        .verify(&token.secret, &HERE)
        .await
        .expect_err("idle");
    assert!(refused.message.contains("idle"), "{}", refused.message);
    assert!(
        refused
            .hint
            .as_deref()
            .is_some_and(|hint| hint.contains("regenerate")),
        "{refused:?}"
    );
    let listed = |status: Status| ListRequest {
        status: Some(status),
        ..ListRequest::default()
    };
    let names = |request: ListRequest| {
        let (service, admin) = (&service, &admin);
        async move {
            let page = service.list_tokens(admin, request).await.expect("list");
            page.items.into_iter().map(|t| t.name).collect::<Vec<_>>()
        }
    };
    assert_eq!(names(listed(Status::Idle)).await, ["sleepy"]);
    assert!(
        !names(listed(Status::Active))
            .await
            .contains(&"sleepy".to_owned())
    );

    let revived = service
        .regenerate(
            &admin,
            &TokenRef::Id(token.token.id),
            Regeneration::default(),
        )
        .await
        .expect("regenerate revives it");
    service
        .verify(&revived.secret, &HERE)
        .await
        .expect("active again");
    assert!(
        service.verify(&token.secret, &HERE).await.is_err(),
        "the old secret is gone"
    );
    clock.advance(day);
    assert_eq!(status("sleepy").await, Status::Idle, "idle again, a day on");

    // Offboarding revokes idle tokens too: a regeneration would revive them.
    let revoked = service
        .revoke_owned(
            &admin,
            OwnedTokens {
                owner: ADMIN.to_owned(),
                ..OwnedTokens::default()
            },
        )
        .await
        .expect("revoke owned");
    assert!(revoked.iter().any(|r| r.token.name == "sleepy"));
    assert_eq!(status("sleepy").await, Status::Revoked);
}

/// `create --allow-ip`: the list is kept canonical, survives a rotation,
/// and holds for every use — the token itself and an access token it was
/// exchanged for, as Bearer and in introspection; a use from elsewhere, or
/// from an unknown address, is refused and audited with the address.
pub(crate) async fn an_allow_list_holds_for_every_use_of_a_token(f: &Fixture) {
    let admin = f.admin().await;
    let from = |address: &str| UsedFrom {
        address: Some(address.parse().expect("address")),
        ..HERE
    };
    let too_many: Vec<String> = (0..33).map(|i| format!("10.0.{i}.0/24")).collect();
    let refused = f
        .service
        .create_token(
            &admin,
            CreateRequest {
                allowed_ips: too_many.iter().map(|r| r.parse().expect("range")).collect(),
                ..request("wide")
            },
        )
        .await
        .expect_err("33 ranges");
    assert!(
        refused.message.contains("at most 32"),
        "{}",
        refused.message
    );
    let ranges = ["2001:db8::/32", "10.0.0.0/8", "10.0.0.0/8"];
    let created = f
        .create(
            &admin,
            CreateRequest {
                allowed_ips: ranges.iter().map(|r| r.parse().expect("range")).collect(),
                ..request("fenced")
            },
        )
        .await;
    let shown = f
        .service
        .find_token(&admin, &TokenRef::Id(created.token.id))
        .await
        .expect("show");
    assert_eq!(
        tokenctl::network::join(&shown.allowed_ips),
        "10.0.0.0/8 2001:db8::/32",
        "sorted, without the duplicate, as stored"
    );
    for allowed in ["10.1.2.3", "::ffff:10.9.9.9", "2001:db8:1::7"] {
        f.service
            .verify(&created.secret, &from(allowed))
            .await
            .unwrap_or_else(|error| panic!("{allowed}: {error}"));
    }
    let elsewhere = f
        .service
        .verify(&created.secret, &from("192.0.2.1"))
        .await
        .expect_err("outside");
    assert_eq!(elsewhere.kind, ErrorKind::Unauthenticated);
    assert!(
        elsewhere.message.contains("not valid from 192.0.2.1"),
        "{}",
        elsewhere.message
    );
    assert!(
        !elsewhere.message.contains("10.0.0.0"),
        "the list is not told"
    );
    let unknown = f
        .service
        .verify(&created.secret, &HERE)
        .await
        .expect_err("no address");
    assert!(
        unknown.message.contains("an unknown address"),
        "{unknown:?}"
    );
    assert!(unknown.hint.unwrap_or_default().contains("--from"));

    let exchanged = f
        .service
        .exchange(
            tokenctl::service::ExchangeSubject::Token(&created.secret),
            tokenctl::exchange::ExchangeRequest::default(),
            &from("10.0.0.1"),
        )
        .await
        .unwrap_or_else(|_| panic!("exchange from an allowed address"));
    let refused_exchange = f
        .service
        .exchange(
            tokenctl::service::ExchangeSubject::Token(&created.secret),
            tokenctl::exchange::ExchangeRequest::default(),
            &from("192.0.2.2"),
        )
        .await;
    assert!(refused_exchange.is_err(), "the token endpoint is a use too");
    let access = exchanged.access_token.as_str();
    assert!(
        f.service
            .actor_for_access_token(access, &from("10.4.4.4"))
            .await
            .is_ok()
    );
    assert!(
        f.service
            .actor_for_access_token(access, &from("192.0.2.3"))
            .await
            .is_err(),
        "an access token carries its token's allow-list"
    );
    assert!(f.service.introspect(access, &from("10.4.4.4")).await.active);
    assert!(
        !f.service
            .introspect(access, &from("192.0.2.4"))
            .await
            .active
    );
    assert!(!f.service.introspect(access, &HERE).await.active);
    let secret = created.secret.expose();
    assert!(f.service.introspect(secret, &from("10.4.4.4")).await.active);
    assert!(
        !f.service
            .introspect(secret, &from("192.0.2.5"))
            .await
            .active
    );

    let rotated = f
        .service
        .regenerate(
            &admin,
            &TokenRef::Id(created.token.id),
            Regeneration::default(),
        )
        .await
        .expect("regenerate");
    assert_eq!(rotated.token.allowed_ips, shown.allowed_ips, "kept");
    assert!(
        f.service
            .verify(&rotated.secret, &from("192.0.2.1"))
            .await
            .is_err()
    );

    let audit = f
        .service
        .audit(
            &admin,
            AuditRequest {
                token: Some(TokenRef::Id(created.token.id)),
                action: Some("token.use.refused".to_owned()),
                ..AuditRequest::default()
            },
        )
        .await
        .expect("audit")
        .items;
    let details: Vec<&str> = audit.iter().map(|entry| entry.detail.as_str()).collect();
    for address in [
        "192.0.2.1",
        "an unknown address",
        "192.0.2.2",
        "192.0.2.3",
        "192.0.2.4",
    ] {
        assert!(
            details
                .iter()
                .any(|detail| detail.contains(&format!("use from {address} refused"))),
            "{address} in {details:#?}"
        );
    }
    assert!(
        audit
            .iter()
            .all(|entry| entry.actor.starts_with("holder of tcpat_"))
    );
}
