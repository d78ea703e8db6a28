//! One contract for every store: each behaviour below is written once,
//! against the token service, and runs on SQLite (a temporary file) and on
//! PostgreSQL (a fresh schema per test, dropped afterwards).
//!
//! PostgreSQL comes from `TOKENCTL_TEST_POSTGRES` (default
//! `postgres://root@127.0.0.1:5432/test`). When it is unreachable the
//! PostgreSQL tests say so and pass — except under `CI`, where they fail.
//!
//! The last module runs what only PostgreSQL has: several replicas (pools)
//! writing to one database at once.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Duration, Utc};
use sqlx::{AssertSqlSafe, Connection, PgConnection};
use tempfile::TempDir;
use tokenctl::error::{ErrorKind, Result};
use tokenctl::model::{AuditEntry, Permission, Permissions, Status, Token, TokenKind};
use tokenctl::policy::{Actor, Credential, LifetimePolicy};
use tokenctl::requests::{
    AuditRequest, CreateRequest, CreatedToken, ListRequest, Origin, TokenRef,
};
use tokenctl::secret::Secret;
use tokenctl::service::TokenService;
use tokenctl::store::postgres::PgStore;
use tokenctl::store::sqlite::SqliteStore;
use tokenctl::store::{
    AuditFilter, ChangeSignal, Credentials, NewToken, Store, StoreError, StoreResult,
};
use tokenctl::time::{self, Clock, Expiry};

/// The admin every store is created with.
const ADMIN: &str = "ada";

const DEFAULT_POSTGRES: &str = "postgres://root@127.0.0.1:5432/test";

// ---------------------------------------------------------------------------
// The stores under test

/// A store, the service over it, and where it lives.
struct Fixture {
    service: TokenService,
    store: Arc<dyn Store>,
    place: Place,
}

enum Place {
    Sqlite { _dir: TempDir, path: PathBuf },
    Postgres(Schema),
}

impl Fixture {
    async fn sqlite() -> Fixture {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("store.db");
        Fixture::new_store(Place::Sqlite { _dir: dir, path }).await
    }

    /// `None` when PostgreSQL is unreachable outside CI (the test is skipped).
    async fn postgres() -> Option<Fixture> {
        Some(Fixture::new_store(Place::Postgres(Schema::create().await?)).await)
    }

    async fn new_store(place: Place) -> Fixture {
        let (store, fresh) = place.open(Some(ADMIN)).await.expect("new store");
        assert!(fresh, "a new store must report that it created its schema");
        Fixture {
            service: service(Arc::clone(&store)),
            store,
            place,
        }
    }

    async fn admin(&self) -> Actor {
        self.actor(ADMIN).await
    }

    async fn actor(&self, name: &str) -> Actor {
        self.service
            .actor(name, Credential::Local, "test")
            .await
            .unwrap_or_else(|error| panic!("actor {name}: {error:?}"))
    }

    async fn create(&self, actor: &Actor, request: CreateRequest) -> CreatedToken {
        let name = request.name.clone();
        self.service
            .create_token(actor, request)
            .await
            .unwrap_or_else(|error| panic!("create {name}: {error:?}"))
    }

    async fn add_user(&self, name: &str, role: &str) {
        let admin = self.admin().await;
        self.service
            .add_user(&admin, name, role, None)
            .await
            .unwrap_or_else(|error| panic!("add user {name}: {error:?}"));
    }

    async fn credentials(&self, name: &str) -> Credentials {
        self.store
            .credentials(name)
            .await
            .expect("read credentials")
            .unwrap_or_else(|| panic!("no credentials for {name}"))
    }

    async fn list(&self, actor: &Actor, filter: ListRequest) -> Vec<String> {
        let tokens = self
            .service
            .list_tokens(actor, filter)
            .await
            .expect("list tokens");
        tokens.into_iter().map(|token| token.name).collect()
    }
}

impl Place {
    async fn open(&self, first_admin: Option<&str>) -> StoreResult<(Arc<dyn Store>, bool)> {
        match self {
            Place::Sqlite { path, .. } => {
                let opened = SqliteStore::open(path, first_admin).await?;
                Ok((Arc::new(opened.store), opened.fresh))
            }
            Place::Postgres(schema) => {
                let opened = PgStore::connect(&schema.url(), first_admin).await?;
                Ok((Arc::new(opened.store), opened.fresh))
            }
        }
    }

    /// Writes the schema version behind the store's back, as a newer
    /// tokenctl would have left it.
    async fn set_schema_version(&self, version: i64) {
        match self {
            Place::Sqlite { path, .. } => rusqlite::Connection::open(path)
                .and_then(|connection| connection.pragma_update(None, "user_version", version))
                .expect("set user_version"),
            Place::Postgres(schema) => {
                let mut connection = schema.connect().await;
                sqlx::query("UPDATE tokenctl_schema SET version = $1")
                    .bind(version)
                    .execute(&mut connection)
                    .await
                    .expect("set version");
            }
        }
    }

    /// Runs SQL behind the store's back.
    async fn execute(&self, sql: &str) {
        match self {
            Place::Sqlite { path, .. } => rusqlite::Connection::open(path)
                .and_then(|connection| connection.execute_batch(sql))
                .expect("execute"),
            Place::Postgres(schema) => {
                let mut connection = schema.connect().await;
                sqlx::raw_sql(AssertSqlSafe(sql.to_owned()))
                    .execute(&mut connection)
                    .await
                    .expect("execute");
            }
        }
    }

    /// This store's migration to schema version 3, as shipped.
    fn keys_migration(&self) -> &'static str {
        match self {
            Place::Sqlite { .. } => include_str!("../src/store/sqlite/migrations/0003_keys.sql"),
            Place::Postgres(_) => include_str!("../src/store/postgres/migrations/0003_keys.sql"),
        }
    }

    async fn schema_version(&self) -> i64 {
        match self {
            Place::Sqlite { path, .. } => rusqlite::Connection::open(path)
                .and_then(|connection| {
                    connection.pragma_query_value(None, "user_version", |row| row.get(0))
                })
                .expect("read user_version"),
            Place::Postgres(schema) => {
                let mut connection = schema.connect().await;
                sqlx::query_scalar("SELECT version FROM tokenctl_schema")
                    .fetch_one(&mut connection)
                    .await
                    .expect("read version")
            }
        }
    }
}

fn service(store: Arc<dyn Store>) -> TokenService {
    TokenService::new(store, LifetimePolicy::default())
}

/// A PostgreSQL schema of its own for one test, dropped when the test ends.
struct Schema {
    server: String,
    name: String,
}

impl Schema {
    /// `None` (with the reason printed) when the server is unreachable and
    /// this is not CI; under CI an unreachable server fails the test.
    async fn create() -> Option<Schema> {
        let (server, shown) = match std::env::var("TOKENCTL_TEST_POSTGRES") {
            Ok(url) => (url, "the server in TOKENCTL_TEST_POSTGRES".to_owned()),
            Err(_) => (DEFAULT_POSTGRES.to_owned(), DEFAULT_POSTGRES.to_owned()),
        };
        let attempt = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            PgConnection::connect(&server),
        )
        .await;
        let reason = match attempt {
            Ok(Ok(mut connection)) => {
                let mut random = [0u8; 8];
                getrandom::fill(&mut random).expect("randomness");
                let hex: String = random.iter().map(|byte| format!("{byte:02x}")).collect();
                let name = format!("tokenctl_test_{hex}");
                sqlx::query(AssertSqlSafe(format!("CREATE SCHEMA {name}")))
                    .execute(&mut connection)
                    .await
                    .expect("create a test schema");
                return Some(Schema { server, name });
            }
            Ok(Err(error)) => error.to_string(),
            Err(_) => "no answer within 5 s".to_owned(),
        };
        let message = format!("PostgreSQL at {shown} is unreachable: {reason}");
        if std::env::var_os("CI").is_some() {
            panic!("{message} (CI must run the PostgreSQL store tests)");
        }
        // Once per run, and past the test harness's capture so that it shows.
        static SAID: AtomicBool = AtomicBool::new(false);
        if !SAID.swap(true, Ordering::Relaxed) {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED the PostgreSQL store tests: {message}; start it or set \
                 TOKENCTL_TEST_POSTGRES"
            );
        }
        None
    }

    /// The server URL with this schema as the search path of every session.
    fn url(&self) -> String {
        let separator = if self.server.contains('?') { '&' } else { '?' };
        format!(
            "{}{separator}options=-c%20search_path%3D{}",
            self.server, self.name
        )
    }

    async fn connect(&self) -> PgConnection {
        PgConnection::connect(&self.url())
            .await
            .expect("connect to the test schema")
    }
}

impl Drop for Schema {
    /// Best effort, on a thread of its own: `Drop` cannot await, and the
    /// test's runtime may be shutting down.
    fn drop(&mut self) {
        let server = self.server.clone();
        let statement = format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name);
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let mut connection = PgConnection::connect(&server).await.ok()?;
                // A session this test left inside a transaction must not hang it.
                sqlx::query("SET lock_timeout = '10s'")
                    .execute(&mut connection)
                    .await
                    .ok()?;
                sqlx::query(AssertSqlSafe(statement))
                    .execute(&mut connection)
                    .await
                    .ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(_))) {
            eprintln!("note: could not drop the test schema {}", self.name);
        }
    }
}

// ---------------------------------------------------------------------------
// Helpers

fn request(name: &str) -> CreateRequest {
    CreateRequest {
        name: name.to_owned(),
        kind: TokenKind::Personal,
        role: None,
        expires: None,
        description: String::new(),
        owner: None,
    }
}

fn expect_error<T: std::fmt::Debug>(result: Result<T>, kind: ErrorKind, needle: &str) {
    match result {
        Ok(value) => panic!("expected a {kind:?} error mentioning {needle:?}, got {value:?}"),
        Err(error) => {
            assert_eq!(error.kind, kind, "{error:?}");
            assert!(
                error.message.contains(needle),
                "expected {needle:?} in {:?}",
                error.message
            );
        }
    }
}

/// A password good enough for `add_user`.
const PASSWORD: &str = "correct horse battery staple";

/// The code an authenticator app shows for `secret` at `at`.
fn totp_code(secret: &str, at: DateTime<Utc>) -> String {
    let secret = totp_rs::Secret::try_from_base32(secret).expect("base32 secret");
    totp_rs::Builder::new()
        .with_algorithm(totp_rs::Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_skew(1)
        .with_secret(secret)
        .build()
        .expect("TOTP")
        .generate(u64::try_from(at.timestamp()).expect("after 1970"))
        .to_string()
}

fn permissions(list: &[Permission]) -> Permissions {
    list.iter().copied().collect()
}

// ---------------------------------------------------------------------------
// The contract: each behaviour once, run on every store

macro_rules! contract {
    ($($behaviour:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $behaviour() {
                    super::$behaviour(&super::Fixture::sqlite().await).await;
                }
            )+
        }

        mod postgres {
            $(
                #[tokio::test]
                async fn $behaviour() {
                    if let Some(fixture) = super::Fixture::postgres().await {
                        super::$behaviour(&fixture).await;
                    }
                }
            )+
        }
    };
}

contract!(
    a_new_store_has_its_first_admin_and_the_builtin_roles,
    created_tokens_are_listed_found_and_verified,
    an_active_name_is_unique_per_owner_until_revoked,
    revoking_kills_the_secret_and_is_audited_once,
    regenerating_with_grace_keeps_the_old_secret_until_the_grace_ends,
    verifying_records_use_at_most_once_a_minute,
    listing_filters_by_status_owner_kind_and_expiry,
    the_audit_log_filters_by_token_actor_and_time,
    a_batch_of_audit_entries_is_written_whole_and_in_order,
    roles_are_added_listed_and_removed_unless_in_use,
    users_are_added_disabled_and_enabled,
    logins_count_failures_lock_out_and_accept_each_code_once,
    a_store_from_a_newer_tokenctl_is_refused_untouched,
    another_handle_is_told_of_credential_changes_but_not_of_uses,
    migration_3_gives_the_admin_role_keys_manage,
    time_rules_hold_to_the_second_on_a_pinned_clock,
);

async fn a_new_store_has_its_first_admin_and_the_builtin_roles(f: &Fixture) {
    let admin = f.admin().await;
    let users = f.service.users(&admin).await.expect("users");
    let names: Vec<(&str, &str)> = users
        .iter()
        .map(|user| (user.name.as_str(), user.role.as_str()))
        .collect();
    assert_eq!(names, [(ADMIN, "admin")]);
    assert!(users[0].disabled_at.is_none());

    let roles = f.service.roles(&admin).await.expect("roles");
    let names: Vec<&str> = roles.iter().map(|role| role.name.as_str()).collect();
    assert_eq!(names, ["admin", "connector", "developer", "support"]);
    assert!(roles.iter().all(|role| role.builtin));
    let admin_role = f
        .service
        .show_role(&admin, "admin")
        .await
        .expect("admin role");
    assert_eq!(
        admin_role.permissions,
        Permission::ALL.into_iter().collect()
    );
    let connector = f
        .service
        .show_role(&admin, "connector")
        .await
        .expect("connector role");
    assert_eq!(
        connector.permissions,
        permissions(&[Permission::FilesUpload])
    );

    // Opening it again changes nothing, whoever asks to be its first admin.
    let (store, fresh) = f.place.open(Some("mallory")).await.expect("reopen");
    assert!(!fresh);
    let users = store.users().await.expect("users");
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].name, ADMIN);
}

async fn created_tokens_are_listed_found_and_verified(f: &Fixture) {
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
        .expect("list");
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
        let verified = f.service.verify(&secret).await.expect("verify");
        assert_eq!(verified.id, created.token.id);
    }
    let stranger = Secret::generate(TokenKind::Personal).expect("secret");
    expect_error(
        f.service.verify(&stranger).await,
        ErrorKind::Unauthenticated,
        "no such token",
    );
}

async fn an_active_name_is_unique_per_owner_until_revoked(f: &Fixture) {
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
        .revoke(&admin, &TokenRef::Id(first.token.id))
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
        .expect("list");
    let ids: Vec<_> = all.iter().map(|token| token.id).collect();
    assert_eq!(ids, [first.token.id, second.token.id]);
}

async fn revoking_kills_the_secret_and_is_audited_once(f: &Fixture) {
    let admin = f.admin().await;
    let deploy = f.create(&admin, request("deploy")).await;
    let leaked = f.create(&admin, request("leaked")).await;
    f.service
        .verify(&deploy.secret)
        .await
        .expect("valid before");

    let revoked = f
        .service
        .revoke(&admin, &TokenRef::parse("deploy"))
        .await
        .expect("revoke");
    assert!(revoked.newly_revoked);
    assert_eq!(revoked.token.status_at(time::now()), Status::Revoked);
    assert!(revoked.token.revoked_at.is_some());
    expect_error(
        f.service.verify(&deploy.secret).await,
        ErrorKind::Unauthenticated,
        "is not valid: revoked",
    );

    let again = f
        .service
        .revoke(&admin, &TokenRef::Id(deploy.token.id))
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
        f.service.verify(&leaked.secret).await,
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
        let entries = f.service.audit(admin, filter).await.expect("audit");
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
    let entries = f.service.audit(admin, filter).await.expect("audit");
    let detail = &entries.last().expect("the revocation").detail;
    let hidden = format!("/tmp/{}.log", deploy.secret.hint());
    assert!(
        detail.ends_with(&format!("; reason: leaked: found by scan in {hidden}")),
        "{detail}"
    );
    assert!(!detail.contains(deploy.secret.expose()), "{detail}");
}

async fn regenerating_with_grace_keeps_the_old_secret_until_the_grace_ends(f: &Fixture) {
    let admin = f.admin().await;
    let original = f.create(&admin, request("deploy")).await;
    let reference = TokenRef::parse("deploy");

    let graced = f
        .service
        .regenerate(&admin, &reference, Some(Duration::hours(1)))
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
        let verified = f.service.verify(secret).await.expect("verify");
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
        .regenerate(&admin, &reference, None)
        .await
        .expect("regenerate");
    assert_eq!(immediate.previous_valid_until, None);
    for dead in [&original.secret, &graced.secret] {
        expect_error(
            f.service.verify(dead).await,
            ErrorKind::Unauthenticated,
            "no such token",
        );
    }
    f.service
        .verify(&immediate.secret)
        .await
        .expect("new secret");

    expect_error(
        f.service
            .regenerate(&admin, &reference, Some(Duration::days(8)))
            .await,
        ErrorKind::InvalidInput,
        "grace",
    );
    f.service.revoke(&admin, &reference).await.expect("revoke");
    expect_error(
        f.service.regenerate(&admin, &reference, None).await,
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

async fn verifying_records_use_at_most_once_a_minute(f: &Fixture) {
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
    f.service.verify(&created.secret).await.expect("verify");
    let first = last_used().await.expect("first use recorded");
    assert!(first >= start);

    // Pretend that use was 30 s ago: a verification now must not write.
    let thirty_ago = start - Duration::seconds(30);
    f.store
        .touch_last_used(id, thirty_ago, first + Duration::seconds(1))
        .await
        .expect("backdate");
    assert_eq!(last_used().await, Some(thirty_ago));
    f.service.verify(&created.secret).await.expect("verify");
    assert_eq!(last_used().await, Some(thirty_ago), "wrote within a minute");

    // The store itself refuses a write when the value is not stale.
    f.store
        .touch_last_used(id, time::now(), thirty_ago)
        .await
        .expect("touch");
    assert_eq!(last_used().await, Some(thirty_ago));

    // Two minutes ago is stale: the next verification records the use.
    let two_minutes_ago = start - Duration::minutes(2);
    f.store
        .touch_last_used(id, two_minutes_ago, start)
        .await
        .expect("backdate");
    f.service.verify(&created.secret).await.expect("verify");
    assert!(last_used().await.is_some_and(|used| used >= start));
}

async fn listing_filters_by_status_owner_kind_and_expiry(f: &Fixture) {
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
        .revoke(&admin, &TokenRef::Id(revoked.token.id))
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
    assert!(f.list(&admin, owned_by("nobody")).await.is_empty());
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

async fn the_audit_log_filters_by_token_actor_and_time(f: &Fixture) {
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
        summary(f.service.audit(&actor, request).await.expect("audit"))
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
        .expect("audit");
    let first = &entries[0];
    assert_eq!(first.source, "test");
    assert_eq!(first.detail, "added user 'bob' with role developer");
    assert!(first.at >= start);
    assert!(entries.windows(2).all(|pair| pair[0].id < pair[1].id));
}

/// The server group-commits entries written on their own (one per token
/// exchange): a batch, however large, lands whole and in order.
async fn a_batch_of_audit_entries_is_written_whole_and_in_order(f: &Fixture) {
    let now = time::now();
    let batch: Vec<tokenctl::store::AuditRecord> = (0..100)
        .map(|n| tokenctl::store::AuditRecord {
            at: now,
            actor: ADMIN.to_owned(),
            action: "token.exchange",
            token_id: None,
            detail: format!("entry {n}"),
            source: "test".to_owned(),
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

async fn roles_are_added_listed_and_removed_unless_in_use(f: &Fixture) {
    let admin = f.admin().await;
    let auditing = permissions(&[Permission::AuditRead, Permission::TokensRead]);
    let role = f
        .service
        .add_role(&admin, "auditor", "reads the log", auditing.clone())
        .await
        .expect("add role");
    assert!(!role.builtin);
    f.service
        .add_role(
            &admin,
            "Uploader",
            "uploads",
            permissions(&[Permission::FilesUpload]),
        )
        .await
        .expect("add role");
    let names: Vec<String> = f
        .service
        .roles(&admin)
        .await
        .expect("roles")
        .into_iter()
        .map(|role| role.name)
        .collect();
    // Built-in first, then by name in byte order (upper case before lower).
    assert_eq!(
        names,
        [
            "admin",
            "connector",
            "developer",
            "support",
            "Uploader",
            "auditor"
        ]
    );
    let stored = f.service.show_role(&admin, "auditor").await.expect("role");
    assert_eq!(stored.permissions, auditing);
    assert_eq!(stored.description, "reads the log");

    expect_error(
        f.service
            .add_role(&admin, "auditor", "again", auditing.clone())
            .await,
        ErrorKind::Conflict,
        "role 'auditor' already exists",
    );

    // Held by a user.
    f.add_user("carol", "auditor").await;
    expect_error(
        f.service.remove_role(&admin, "auditor").await,
        ErrorKind::Conflict,
        "role 'auditor' is still held by 1 user(s) and 0 token(s)",
    );
    // Held by a token: the token gets the role's permissions the creator has.
    let upload = f
        .create(
            &admin,
            CreateRequest {
                role: Some("Uploader".to_owned()),
                ..request("upload")
            },
        )
        .await;
    assert_eq!(upload.token.role, "Uploader");
    assert_eq!(
        upload.token.permissions,
        permissions(&[Permission::FilesUpload])
    );
    expect_error(
        f.service.remove_role(&admin, "Uploader").await,
        ErrorKind::Conflict,
        "role 'Uploader' is still held by 0 user(s) and 1 token(s)",
    );

    expect_error(
        f.service.remove_role(&admin, "developer").await,
        ErrorKind::Conflict,
        "'developer' is a built-in role and cannot be removed",
    );
    expect_error(
        f.service.remove_role(&admin, "ghost").await,
        ErrorKind::NotFound,
        "no role named 'ghost'",
    );

    f.service
        .add_role(&admin, "temporary", "short-lived", auditing)
        .await
        .expect("add role");
    f.service
        .remove_role(&admin, "temporary")
        .await
        .expect("remove an unused role");
    expect_error(
        f.service.show_role(&admin, "temporary").await,
        ErrorKind::NotFound,
        "no role named 'temporary'",
    );
    let actions: Vec<String> = f
        .service
        .audit(&admin, AuditRequest::default())
        .await
        .expect("audit")
        .into_iter()
        .filter(|entry| entry.action.starts_with("role."))
        .map(|entry| entry.detail)
        .collect();
    assert_eq!(
        actions,
        [
            "added role 'auditor'",
            "added role 'Uploader'",
            "added role 'temporary'",
            "removed role 'temporary'"
        ]
    );
}

async fn users_are_added_disabled_and_enabled(f: &Fixture) {
    let admin = f.admin().await;
    f.add_user("bob", "developer").await;
    expect_error(
        f.service.add_user(&admin, "bob", "support", None).await,
        ErrorKind::Conflict,
        "user 'bob' already exists",
    );
    expect_error(
        f.service
            .add_user(&admin, "eve", "no-such-role", None)
            .await,
        ErrorKind::InvalidInput,
        "no role named 'no-such-role'",
    );
    let users: Vec<(String, String)> = f
        .service
        .users(&admin)
        .await
        .expect("users")
        .into_iter()
        .map(|user| (user.name, user.role))
        .collect();
    assert_eq!(
        users,
        [
            (ADMIN.to_owned(), "admin".to_owned()),
            ("bob".to_owned(), "developer".to_owned())
        ]
    );

    let bob = f.actor("bob").await;
    let bobs = f.create(&bob, request("laptop")).await;
    let disabled = f
        .service
        .set_user_disabled(&admin, "bob", true)
        .await
        .expect("disable");
    assert!(disabled.disabled_at.is_some());
    expect_error(
        f.service.actor("bob", Credential::Local, "test").await,
        ErrorKind::Unauthenticated,
        "the account 'bob' is disabled",
    );
    expect_error(
        f.service.verify(&bobs.secret).await,
        ErrorKind::Unauthenticated,
        "its owner bob is disabled",
    );
    let for_bob = CreateRequest {
        owner: Some("bob".to_owned()),
        ..request("issued")
    };
    expect_error(
        f.service.create_token(&admin, for_bob).await,
        ErrorKind::Conflict,
        "user 'bob' is disabled",
    );

    let enabled = f
        .service
        .set_user_disabled(&admin, "bob", false)
        .await
        .expect("enable");
    assert!(enabled.disabled_at.is_none());
    f.service.verify(&bobs.secret).await.expect("valid again");
    f.actor("bob").await;

    expect_error(
        f.service.set_user_disabled(&admin, "nobody", true).await,
        ErrorKind::NotFound,
        "no user named 'nobody'",
    );
    let actions: Vec<String> = f
        .service
        .audit(&admin, AuditRequest::default())
        .await
        .expect("audit")
        .into_iter()
        .filter(|entry| entry.action.starts_with("user."))
        .map(|entry| entry.action)
        .collect();
    assert_eq!(actions, ["user.add", "user.disable", "user.enable"]);
}

async fn logins_count_failures_lock_out_and_accept_each_code_once(f: &Fixture) {
    let admin = f.admin().await;
    let (_, generated) = f
        .service
        .add_user(&admin, "bob", "developer", Some(PASSWORD.to_owned()))
        .await
        .expect("add bob");
    assert!(generated.is_none());
    let credentials = f.credentials("bob").await;
    let hash = credentials
        .password_hash
        .as_deref()
        .expect("a password hash");
    assert!(hash.starts_with("$argon2id$") && !hash.contains(PASSWORD));
    assert!(credentials.totp_secret.is_none());

    let login = f.service.login("bob", PASSWORD, None, "test").await;
    assert_eq!(login.expect("login").methods, ["pwd"]);
    let wrong = "not the password";
    expect_error(
        f.service.login("bob", wrong, None, "test").await,
        ErrorKind::Unauthenticated,
        "wrong username or password",
    );
    // A success clears the address's failures: four more are free again.
    f.service
        .login("bob", PASSWORD, None, "test")
        .await
        .expect("login");
    for _ in 0..4 {
        let _ = f.service.login("bob", wrong, None, "test").await;
    }
    f.service
        .login("bob", PASSWORD, None, "test")
        .await
        .expect("four failures do not lock");
    expect_error(
        f.service.login("nobody", wrong, None, "test").await,
        ErrorKind::Unauthenticated,
        "wrong username or password",
    );
    assert!(f.store.credentials("nobody").await.expect("read").is_none());

    // Five failures in a row lock that address out, even against the
    // right password — and only that address.
    for _ in 0..5 {
        let _ = f.service.login("bob", wrong, None, "test").await;
    }
    let locked_out = "too many failed logins for 'bob' from this address";
    expect_error(
        f.service.login("bob", PASSWORD, None, "test").await,
        ErrorKind::RateLimited,
        locked_out,
    );
    f.service
        .login("bob", PASSWORD, None, "elsewhere")
        .await
        .expect("the owner logs in from an address that has not failed");
    // A name with no account answers exactly alike.
    for _ in 0..5 {
        let _ = f.service.login("nobody", wrong, None, "test").await;
    }
    expect_error(
        f.service.login("nobody", PASSWORD, None, "test").await,
        ErrorKind::RateLimited,
        "too many failed logins for 'nobody' from this address",
    );
    // An admin lifts it at once, for every address; it is audited.
    let unlocked = f.service.unlock_user(&admin, "bob").await.expect("unlock");
    assert_eq!(unlocked.cleared_addresses, 1);
    f.service
        .login("bob", PASSWORD, None, "test")
        .await
        .expect("login after unlock");
    f.add_user("dave", "developer").await;
    let developer = f.actor("dave").await;
    expect_error(
        f.service.unlock_user(&developer, "bob").await,
        ErrorKind::PermissionDenied,
        "",
    );

    // Two-factor: pending until a code confirms it, then each code works once.
    let bob = f.actor("bob").await;
    let (secret, _url) = f.service.begin_totp(&bob, None).await.expect("begin 2FA");
    let pending = f.credentials("bob").await;
    assert_eq!(
        pending.totp_pending_secret.as_deref(),
        Some(secret.as_str())
    );
    assert!(pending.totp_secret.is_none());
    f.service
        .login("bob", PASSWORD, None, "test")
        .await
        .expect("no 2FA yet");
    expect_error(
        f.service.confirm_totp(&bob, "nonsense").await,
        ErrorKind::InvalidInput,
        "does not match",
    );
    let now = time::now();
    f.service
        .confirm_totp(&bob, &totp_code(&secret, now))
        .await
        .expect("confirm 2FA");
    let enrolled = f.credentials("bob").await;
    assert_eq!(enrolled.totp_secret.as_deref(), Some(secret.as_str()));
    assert!(enrolled.totp_pending_secret.is_none() && enrolled.totp_last_step.is_some());
    expect_error(
        f.service.confirm_totp(&bob, &totp_code(&secret, now)).await,
        ErrorKind::Conflict,
        "no 2FA enrolment is pending",
    );

    expect_error(
        f.service.login("bob", PASSWORD, None, "test").await,
        ErrorKind::SecondFactorRequired,
        "needs a 2FA code",
    );
    let confirming_code = totp_code(&secret, now);
    expect_error(
        f.service
            .login("bob", PASSWORD, Some(&confirming_code), "test")
            .await,
        ErrorKind::Unauthenticated,
        "wrong or already used 2FA code",
    );
    let next_code = totp_code(&secret, now + Duration::seconds(30));
    let login = f
        .service
        .login("bob", PASSWORD, Some(&next_code), "test")
        .await
        .expect("login with 2FA");
    assert_eq!(login.methods, ["mfa", "otp", "pwd"]);
    expect_error(
        f.service
            .login("bob", PASSWORD, Some(&next_code), "test")
            .await,
        ErrorKind::Unauthenticated,
        "wrong or already used 2FA code",
    );

    let bobs_entries = AuditFilter {
        actor: Some("bob".to_owned()),
        ..AuditFilter::default()
    };
    let actions: Vec<String> = f
        .store
        .audit_entries(&bobs_entries)
        .await
        .expect("audit")
        .into_iter()
        .map(|entry| entry.action)
        .collect();
    let count = |action: &str| actions.iter().filter(|a| *a == action).count();
    assert_eq!(count("login"), 7, "{actions:?}");
    assert_eq!(count("login.failed"), 12, "{actions:?}");
    assert_eq!(count("user.totp.begin"), 1, "{actions:?}");
    assert_eq!(count("user.totp.enable"), 1, "{actions:?}");
}

async fn a_store_from_a_newer_tokenctl_is_refused_untouched(f: &Fixture) {
    let admin = f.admin().await;
    f.create(&admin, request("deploy")).await;
    let current = f.place.schema_version().await;
    assert!(current >= 1);

    f.place.set_schema_version(99).await;
    match f.place.open(None).await {
        Err(StoreError::NewerSchema { found, known }) => {
            assert_eq!((found, known), (99, current));
        }
        Err(other) => panic!("expected NewerSchema, got {other:?}"),
        Ok(_) => panic!("a store from a newer tokenctl was opened"),
    }
    assert_eq!(f.place.schema_version().await, 99);
}

/// Migration 3 on the admin role as schema version 2 left it: admin gains
/// `keys:manage` (and so has every permission again), no other role does,
/// and running it a second time changes nothing.
async fn migration_3_gives_the_admin_role_keys_manage(f: &Fixture) {
    let version_2 = "api:read api:write audit:read files:upload tokens:manage tokens:read \
                     tokens:read-all tokens:revoke-all users:manage";
    f.place
        .execute(&format!(
            "UPDATE roles SET permissions = '{version_2}' WHERE name = 'admin'"
        ))
        .await;
    let reader = f.admin().await;
    let admin = f
        .service
        .show_role(&reader, "admin")
        .await
        .expect("admin role");
    assert!(!admin.permissions.contains(&Permission::KeysManage));

    for _ in 0..2 {
        f.place.execute(f.place.keys_migration()).await;
        let admin = f
            .service
            .show_role(&reader, "admin")
            .await
            .expect("admin role");
        assert_eq!(admin.permissions, Permission::ALL.into_iter().collect());
    }
    for role in f.service.roles(&reader).await.expect("roles") {
        if role.name != "admin" {
            assert!(
                !role.permissions.contains(&Permission::KeysManage),
                "{}",
                role.name
            );
        }
    }
}

// ---------------------------------------------------------------------------
// PostgreSQL only: replicas sharing one database

/// What a server's credential cache relies on: a watch on its own store
/// handle hears of revocations, regenerations, disabled users and changed
/// roles made through any other handle (another process, another replica,
/// a hand edit), and is not woken by the
/// `last_used_at` writes that every verification may make.
async fn another_handle_is_told_of_credential_changes_but_not_of_uses(f: &Fixture) {
    let (watched, _) = f.place.open(None).await.expect("second handle");
    let signal = Arc::new(ChangeSignal::default());
    watched
        .watch_changes(Arc::clone(&signal))
        .await
        .expect("watch");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !signal.is_trusted() {
        assert!(
            std::time::Instant::now() < deadline,
            "a replica's lease is not renewed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let admin = f.admin().await;
    let created = f.create(&admin, request("deploy")).await;
    f.add_user("bob", "developer").await;

    assert!(signal.is_current());
    let quiet = signal.generation();
    f.service.verify(&created.secret).await.expect("verify");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(signal.is_current());
    assert_eq!(signal.generation(), quiet, "a recorded use woke the watch");

    let deploy = TokenRef::Name("deploy".into());
    let before = signal.generation();
    f.service
        .regenerate(&admin, &deploy, None)
        .await
        .expect("regenerate");
    told_of_change(&signal, before, "regenerate").await;
    let before = signal.generation();
    f.service.revoke(&admin, &deploy).await.expect("revoke");
    told_of_change(&signal, before, "revoke").await;
    let before = signal.generation();
    f.service
        .set_user_disabled(&admin, "bob", true)
        .await
        .expect("disable");
    told_of_change(&signal, before, "disable").await;

    // tokenctl never changes a role in place, but a hand edit must still
    // reach the users and roles a server remembers.
    for (edit, what) in [
        (
            "UPDATE roles SET permissions = 'tokens:read' WHERE name = 'developer'",
            "a role's permissions edited by hand",
        ),
        (
            "UPDATE users SET role = 'support' WHERE name = 'bob'",
            "a user's role edited by hand",
        ),
    ] {
        let before = signal.generation();
        f.place.execute(edit).await;
        told_of_change(&signal, before, what).await;
    }
}

async fn told_of_change(signal: &ChangeSignal, before: u64, what: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    // What a cache asks before it serves an answer (on SQLite, the moment
    // the change is read).
    while signal.is_current() && signal.generation() == before {
        assert!(
            std::time::Instant::now() < deadline,
            "the watch missed: {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

mod postgres_replicas {
    use super::*;

    /// Two stores (two pools, as two server replicas would have) on one schema.
    async fn replicas() -> Option<(Schema, [Arc<TokenService>; 2])> {
        let schema = Schema::create().await?;
        let first = PgStore::connect(&schema.url(), Some(ADMIN))
            .await
            .expect("replica 1");
        let second = PgStore::connect(&schema.url(), Some(ADMIN))
            .await
            .expect("replica 2");
        assert!(first.fresh && !second.fresh);
        let services = [first.store, second.store].map(|store| Arc::new(service(Arc::new(store))));
        Some((schema, services))
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_creates_on_two_replicas_keep_active_names_unique() {
        const WORKERS: usize = 4;
        const EACH: usize = 50;
        const SHARED_NAMES: usize = 20;
        let Some((_schema, replicas)) = replicas().await else {
            return;
        };
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
            .list_tokens(&admin, ListRequest::default())
            .await
            .expect("list");
        assert_eq!(tokens.len(), WORKERS * EACH + SHARED_NAMES);
        let entries = replicas[0]
            .audit(&admin, AuditRequest::default())
            .await
            .expect("audit");
        assert_eq!(entries.len(), tokens.len(), "one audit entry per token");
    }

    /// Two admins issuing tokens to each other at once: each create locks its
    /// owner's row, and the foreign key checks touch the creator's row too.
    /// The locks must not conflict in a cycle (a deadlock aborts a create).
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn admins_issuing_tokens_to_each_other_at_once_do_not_deadlock() {
        const EACH: usize = 40;
        let Some((_schema, replicas)) = replicas().await else {
            return;
        };
        let ada = replicas[0]
            .actor(ADMIN, Credential::Local, "test")
            .await
            .expect("actor");
        replicas[0]
            .add_user(&ada, "zed", "admin", None)
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

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn replicas_starting_together_migrate_exactly_once() {
        let Some(schema) = Schema::create().await else {
            return;
        };
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
        let users = store.users().await.expect("users");
        assert_eq!(users.len(), 1, "one first admin: {users:?}");
        assert_eq!(store.roles().await.expect("roles").len(), 4);
    }

    /// A role removed while a token takes it: one of them wins, the other is
    /// refused with a conflict (or, if the role is gone before the create
    /// looks it up, as an unknown role) — never both, never a database error.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn removing_a_role_while_a_token_takes_it_leaves_one_of_them() {
        let Some((_schema, replicas)) = replicas().await else {
            return;
        };
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
                let (service, admin, role) =
                    (Arc::clone(&replicas[0]), admin.clone(), role.clone());
                tokio::spawn(async move { service.remove_role(&admin, &role).await })
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
                (Ok(()), Err(error)) => assert!(
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
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn replicas_accept_a_2fa_code_once_and_count_every_failure() {
        const ATTEMPTS: usize = 4;
        const BURST: usize = 40;
        let Some((_schema, replicas)) = replicas().await else {
            return;
        };
        let admin = replicas[0]
            .actor(ADMIN, Credential::Local, "test")
            .await
            .expect("actor");
        replicas[0]
            .add_user(&admin, "bob", "developer", Some(PASSWORD.to_owned()))
            .await
            .expect("add bob");
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
                tokio::spawn(
                    async move { service.login("bob", PASSWORD, Some(&code), "test").await },
                )
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
        replicas[1]
            .add_user(&admin, "carol", "developer", Some(PASSWORD.to_owned()))
            .await
            .expect("add carol");
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

    #[tokio::test]
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
}

/// Expiry, a regenerated secret's grace and a lockout, each at its exact
/// second, through the service on a pinned clock: no sleeping, and no
/// margin for a slow machine to blur.
async fn time_rules_hold_to_the_second_on_a_pinned_clock(f: &Fixture) {
    let clock = Clock::pinned_at(time::now());
    let service = service(Arc::clone(&f.store)).with_clock(clock.clone());
    let admin = service
        .actor(ADMIN, Credential::Local, "test")
        .await
        .expect("admin");
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
        .verify(&hourly.secret)
        .await
        .expect("valid in its last second");
    let active = ListRequest {
        status: Some(Status::Active),
        ..ListRequest::default()
    };
    let listed = service
        .list_tokens(&admin, active.clone())
        .await
        .expect("list");
    assert!(listed.iter().any(|token| token.id == hourly.token.id));
    clock.advance(second);
    assert!(service.verify(&hourly.secret).await.is_err(), "expired");
    let listed = service.list_tokens(&admin, active).await.expect("list");
    assert!(listed.iter().all(|token| token.id != hourly.token.id));

    // A replaced secret works through its grace period, not after it.
    let rotating = service
        .create_token(&admin, request("rotating"))
        .await
        .expect("create");
    let reference = TokenRef::Id(rotating.token.id);
    let grace = Duration::minutes(10);
    let regenerated = service
        .regenerate(&admin, &reference, Some(grace))
        .await
        .expect("regenerate");
    assert_eq!(regenerated.previous_valid_until, Some(clock.now() + grace));
    clock.advance(grace - second);
    service
        .verify(&rotating.secret)
        .await
        .expect("the old secret in its grace");
    clock.advance(second);
    assert!(
        service.verify(&rotating.secret).await.is_err(),
        "grace over"
    );
    service
        .verify(&regenerated.secret)
        .await
        .expect("the new secret");

    // Five failures lock the address out for 30 s; at the end of the 30th
    // second the right password works again.
    service
        .add_user(&admin, "bob", "developer", Some(PASSWORD.to_owned()))
        .await
        .expect("add bob");
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
