//! What only PostgreSQL has: several replicas (pools) writing to one
//! database at once.

use super::*;
use tokenctl::api::AddUserRequest;
use tokenctl::paging::{MAX_LIMIT, PageRequest};

/// Two stores (two pools, as two server replicas would have) on one schema.
async fn replicas() -> (Schema, [Arc<TokenService>; 2]) {
    let schema = Schema::create().await;
    let first = PgStore::connect(&schema.url(), Some(ADMIN))
        .await
        .expect("replica 1");
    let second = PgStore::connect(&schema.url(), Some(ADMIN))
        .await
        .expect("replica 2");
    assert!(first.fresh && !second.fresh);
    let services = [first.store, second.store].map(|store| Arc::new(service(Arc::new(store))));
    (schema, services)
}

async fn concurrent_creates_on_two_replicas_keep_active_names_unique() {
    const WORKERS: usize = 4;
    const EACH: usize = 50;
    const SHARED_NAMES: usize = 20;
    let (_schema, replicas) = replicas().await;
    let start = Arc::new(tokio::sync::Barrier::new(2 * WORKERS));
    let mut distinct = Vec::new();
    let mut racing = Vec::new();
    for worker in 0..WORKERS {
        let service = Arc::clone(&replicas[worker % 2]);
        let barrier = Arc::clone(&start);
        distinct.push(tokio::spawn(async move {
            let actor = service
                .actor(ADMIN, Credential::Local, "test")
                .await
                .expect("actor");
            barrier.wait().await;
            let mut failures = Vec::new();
            for n in 0..EACH {
                let name = format!("w{worker}-{n}");
                if let Err(error) = service.create_token(&actor, request(&name)).await {
                    failures.push(format!("{name}: {error:?}"));
                }
            }
            failures
        }));
        let service = Arc::clone(&replicas[(worker + 1) % 2]);
        let barrier = Arc::clone(&start);
        racing.push(tokio::spawn(async move {
            let actor = service
                .actor(ADMIN, Credential::Local, "test")
                .await
                .expect("actor");
            barrier.wait().await;
            let mut outcomes = Vec::new();
            for n in 0..SHARED_NAMES {
                let name = format!("shared-{n}");
                let outcome = service.create_token(&actor, request(&name)).await;
                outcomes.push((name, outcome.map(|created| created.token.id)));
            }
            outcomes
        }));
    }

    let mut failures = Vec::new();
    for worker in distinct {
        failures.extend(worker.await.expect("worker"));
    }
    assert!(failures.is_empty(), "distinct names failed: {failures:?}");

    let mut winners: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for worker in racing {
        for (name, outcome) in worker.await.expect("worker") {
            match outcome {
                Ok(id) => winners.entry(name).or_default().push(id),
                Err(error) => {
                    assert_eq!(error.kind, ErrorKind::Conflict, "{name}: {error:?}");
                    let expected =
                        format!("an active token named '{name}' already exists for this owner");
                    assert!(error.message.contains(&expected), "{name}: {error:?}");
                }
            }
        }
    }
    assert_eq!(winners.len(), SHARED_NAMES, "{winners:?}");
    for (name, ids) in &winners {
        assert_eq!(ids.len(), 1, "{name} was created {} times", ids.len());
    }

    let admin = replicas[0]
        .actor(ADMIN, Credential::Local, "test")
        .await
        .expect("actor");
    let tokens: Vec<Token> = replicas[1]
        .list_tokens(
            &admin,
            ListRequest {
                page: PageRequest::first(MAX_LIMIT),
                ..ListRequest::default()
            },
        )
        .await
        .expect("list")
        .items;
    assert_eq!(tokens.len(), WORKERS * EACH + SHARED_NAMES);
    let entries = replicas[0]
        .audit(
            &admin,
            AuditRequest {
                page: PageRequest::first(MAX_LIMIT),
                ..AuditRequest::default()
            },
        )
        .await
        .expect("audit")
        .items;
    assert_eq!(entries.len(), tokens.len(), "one audit entry per token");
}

/// Two admins issuing tokens to each other at once: each create locks its
/// owner's row, and the foreign key checks touch the creator's row too.
/// The locks must not conflict in a cycle (a deadlock aborts a create).
async fn admins_issuing_tokens_to_each_other_at_once_do_not_deadlock() {
    const EACH: usize = 40;
    let (_schema, replicas) = replicas().await;
    let ada = replicas[0]
        .actor(ADMIN, Credential::Local, "test")
        .await
        .expect("actor");
    replicas[0]
        .add_user(&ada, AddUserRequest::new("zed", "admin"))
        .await
        .expect("second admin");
    let pairs = [(ADMIN, "zed"), ("zed", ADMIN)];
    let start = Arc::new(tokio::sync::Barrier::new(2 * pairs.len()));
    let mut workers = Vec::new();
    for (index, (issuer, owner)) in pairs.into_iter().cycle().take(4).enumerate() {
        let service = Arc::clone(&replicas[index % 2]);
        let barrier = Arc::clone(&start);
        workers.push(tokio::spawn(async move {
            let actor = service
                .actor(issuer, Credential::Local, "test")
                .await
                .expect("actor");
            barrier.wait().await;
            let mut failures = Vec::new();
            for n in 0..EACH {
                let request = CreateRequest {
                    owner: Some(owner.to_owned()),
                    ..request(&format!("from-{issuer}-{index}-{n}"))
                };
                if let Err(error) = service.create_token(&actor, request).await {
                    failures.push(error);
                }
            }
            failures
        }));
    }
    let mut failures = Vec::new();
    for worker in workers {
        failures.extend(worker.await.expect("worker"));
    }
    assert!(failures.is_empty(), "{failures:?}");
}

async fn replicas_starting_together_migrate_exactly_once() {
    let schema = Schema::create().await;
    let url = schema.url();
    let starts: Vec<_> = (0..4)
        .map(|replica| {
            let url = url.clone();
            tokio::spawn(async move {
                let admin = format!("admin-{replica}");
                PgStore::connect(&url, Some(&admin)).await
            })
        })
        .collect();
    let mut fresh = 0;
    let mut store = None;
    for start in starts {
        let opened = start.await.expect("task").expect("connect");
        fresh += usize::from(opened.fresh);
        store = Some(opened.store);
    }
    assert_eq!(fresh, 1, "exactly one replica creates the schema");
    let store = store.expect("a store");
    let migrations = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/store/postgres/migrations"
    ))
    .expect("migrations directory")
    .count();
    let version = store.schema_version().await.expect("version");
    assert_eq!(usize::try_from(version).ok(), Some(migrations));
    let users = store
        .users(&tokenctl::store::UserFilter::all())
        .await
        .expect("users");
    assert_eq!(users.len(), 1, "one first admin: {users:?}");
    assert_eq!(store.roles().await.expect("roles").len(), 4);
}

/// A role removed while a token takes it: one of them wins, the other is
/// refused with a conflict (or, if the role is gone before the create
/// looks it up, as an unknown role) — never both, never a database error.
async fn removing_a_role_while_a_token_takes_it_leaves_one_of_them() {
    let (_schema, replicas) = replicas().await;
    let admin = replicas[0]
        .actor(ADMIN, Credential::Local, "test")
        .await
        .expect("actor");
    for round in 0..20 {
        let role = format!("role-{round}");
        replicas[0]
            .add_role(
                &admin,
                &role,
                "contested",
                permissions(&[Permission::ApiRead]),
            )
            .await
            .expect("add role");
        let remover = {
            let (service, admin, role) = (Arc::clone(&replicas[0]), admin.clone(), role.clone());
            tokio::spawn(async move { service.remove_role(&admin, &role, None).await })
        };
        let creator = {
            let (service, admin) = (Arc::clone(&replicas[1]), admin.clone());
            let request = CreateRequest {
                role: Some(role.clone()),
                ..request(&format!("token-{round}"))
            };
            tokio::spawn(async move { service.create_token(&admin, request).await })
        };
        let removed = remover.await.expect("task");
        let created = creator.await.expect("task");
        match (&removed, &created) {
            (Ok(_), Err(error)) => assert!(
                matches!(error.kind, ErrorKind::Conflict | ErrorKind::InvalidInput),
                "{error:?}"
            ),
            (Err(error), Ok(_)) => {
                assert_eq!(error.kind, ErrorKind::Conflict, "{error:?}");
                assert!(error.message.contains(&role), "{error:?}");
            }
            _ => panic!("round {round}: removed {removed:?}, created {created:?}"),
        }
        let exists = replicas[1].show_role(&admin, &role).await.is_ok();
        assert_eq!(exists, created.is_ok(), "round {round}");
    }
}

/// A code works once, even when two replicas check it at the same moment;
/// failed logins on several replicas at once all count.
async fn replicas_accept_a_2fa_code_once_and_count_every_failure() {
    const ATTEMPTS: usize = 4;
    const BURST: usize = 40;
    let (_schema, replicas) = replicas().await;
    let admin = replicas[0]
        .actor(ADMIN, Credential::Local, "test")
        .await
        .expect("actor");
    add_user_with_password(&replicas[0], &admin, "bob", "developer", PASSWORD).await;
    let bob = replicas[0]
        .actor("bob", Credential::Local, "test")
        .await
        .expect("actor");
    let (secret, _) = replicas[0].begin_totp(&bob, None).await.expect("begin 2FA");
    let now = time::now();
    replicas[1]
        .confirm_totp(&bob, &totp_code(&secret, now))
        .await
        .expect("confirm 2FA");

    let code = totp_code(&secret, now + Duration::seconds(30));
    let logins: Vec<_> = (0..ATTEMPTS)
        .map(|attempt| {
            let (service, code) = (Arc::clone(&replicas[attempt % 2]), code.clone());
            tokio::spawn(async move { service.login("bob", PASSWORD, Some(&code), "test").await })
        })
        .collect();
    let mut accepted = 0;
    for login in logins {
        match login.await.expect("task") {
            Ok(_) => accepted += 1,
            Err(error) => {
                assert_eq!(error.kind, ErrorKind::Unauthenticated, "{error:?}");
                assert!(error.message.contains("already used"), "{error:?}");
            }
        }
    }
    assert_eq!(accepted, 1, "one code, one login");

    // Carol has no 2FA: many wrong passwords at once from one address,
    // spread over both replicas. Exactly five are checked; the rest are
    // refused unchecked, whichever replica they reach.
    add_user_with_password(&replicas[1], &admin, "carol", "developer", PASSWORD).await;
    let failures: Vec<_> = (0..BURST)
        .map(|attempt| {
            let service = Arc::clone(&replicas[attempt % 2]);
            tokio::spawn(async move { service.login("carol", "wrong", None, "test").await })
        })
        .collect();
    let mut checked = 0;
    for failure in failures {
        let error = failure.await.expect("task").expect_err("a wrong password");
        match error.kind {
            ErrorKind::Unauthenticated => checked += 1,
            ErrorKind::RateLimited => {}
            other => panic!("{other:?}: {error:?}"),
        }
    }
    assert_eq!(checked, 5, "of {BURST} concurrent wrong passwords");
    replicas[0]
        .login("carol", PASSWORD, None, "another address")
        .await
        .expect("carol, from an address that has not failed");
}

async fn connection_errors_never_show_the_password() {
    // Nothing listens on port 1: this needs no server.
    let url = "postgres://tokenctl:hunter2@127.0.0.1:1/tokens?password=hunter2";
    match PgStore::connect(url, None).await {
        Err(StoreError::Open { path, reason }) => {
            assert_eq!(path, "postgres://tokenctl@127.0.0.1:1/tokens");
            assert!(!reason.is_empty());
            assert!(!reason.contains("hunter2"), "{reason}");
        }
        Err(other) => panic!("expected an Open error, got {other:?}"),
        Ok(_) => panic!("connected to port 1"),
    }
    let unparsable = "postgres://tokenctl:hunter2@127.0.0.1:port/tokens";
    match PgStore::connect(unparsable, None).await {
        Err(error @ StoreError::Open { .. }) => {
            assert!(!error.to_string().contains("hunter2"), "{error}");
        }
        Err(other) => panic!("expected an Open error, got {other:?}"),
        Ok(_) => panic!("connected with a bad URL"),
    }
}

/// Eight workers on two replicas exchange the same 50 ID tokens, and four
/// add a trust policy of one name: each token is exchanged once, and one
/// policy is added, however the race falls.
async fn replicas_exchange_an_id_token_once_and_add_a_policy_name_once() {
    const ISSUER: &str = "https://token.actions.githubusercontent.com";
    const JOBS: usize = 50;
    let schema = Schema::create().await;
    let mut stores: Vec<Arc<dyn Store>> = Vec::new();
    for _ in 0..2 {
        let opened = PgStore::connect(&schema.url(), Some(ADMIN))
            .await
            .expect("replica");
        stores.push(Arc::new(opened.store));
    }
    let now = time::now();
    let expires = now + Duration::minutes(5);
    let start = Arc::new(tokio::sync::Barrier::new(8));
    let mut racing = Vec::new();
    for worker in 0..8 {
        let (store, start) = (Arc::clone(&stores[worker % 2]), Arc::clone(&start));
        racing.push(tokio::spawn(async move {
            start.wait().await;
            let mut won = Vec::new();
            for job in 0..JOBS {
                let jti = format!("job-{job}");
                let entry = super::trust::exchange_of(ISSUER, &jti, expires);
                if super::trust::exchanged_once(store.as_ref(), entry, now).await {
                    won.push(job);
                }
            }
            won
        }));
    }
    let mut wins = [0; JOBS];
    for worker in racing {
        for job in worker.await.expect("worker") {
            wins[job] += 1;
        }
    }
    assert!(wins.iter().all(|&count| count == 1), "{wins:?}");

    let mut adding = Vec::new();
    for worker in 0..4 {
        let store = Arc::clone(&stores[worker % 2]);
        adding.push(tokio::spawn(async move {
            let mut policy = policy("deploy", ISSUER);
            policy.owner = ADMIN.to_owned();
            let audit = tokenctl::store::AuditRecord {
                at: time::now(),
                actor: ADMIN.to_owned(),
                action: "trust.add",
                token_id: None,
                detail: format!("worker {worker}"),
                source: "test".to_owned(),
                via_token: None,
                event: None,
            };
            store.insert_trust_policy(&policy, audit).await
        }));
    }
    let mut added = 0;
    for worker in adding {
        match worker.await.expect("worker") {
            Ok(()) => added += 1,
            Err(StoreError::Conflict(_)) => {}
            Err(other) => panic!("{other:?}"),
        }
    }
    assert_eq!(added, 1);
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(async multi_thread replicas_exchange_an_id_token_once_and_add_a_policy_name_once),
        test!(async multi_thread concurrent_creates_on_two_replicas_keep_active_names_unique),
        test!(async multi_thread admins_issuing_tokens_to_each_other_at_once_do_not_deadlock),
        test!(async multi_thread replicas_starting_together_migrate_exactly_once),
        test!(async multi_thread removing_a_role_while_a_token_takes_it_leaves_one_of_them),
        test!(async multi_thread replicas_accept_a_2fa_code_once_and_count_every_failure),
        test!(async connection_errors_never_show_the_password),
    ]
}
