//! One contract for every store: each behaviour below is written once,
//! against the token service, and runs on SQLite (a temporary file) and on
//! PostgreSQL (a fresh schema per test, dropped afterwards).
//!
//! PostgreSQL comes from `TOKENCTL_TEST_POSTGRES` (default
//! `postgres://root@127.0.0.1:5432/test`). When it is unreachable the
//! PostgreSQL tests are reported ignored — except under `CI`, where they fail.
//!
//! Each behaviour lives in the module of its concern (`tokens`, `audit`,
//! `accounts`, `changes`); `postgres_replicas` runs what only PostgreSQL
//! has: several replicas (pools) writing to one database at once.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use sqlx::{AssertSqlSafe, Connection, PgConnection};
use tempfile::TempDir;
use tokenctl::api::AddUserRequest;
use tokenctl::error::{ErrorKind, Result};
use tokenctl::exchange::ExchangePolicy;
use tokenctl::jose::LiveKeys;
use tokenctl::model::{AuditEntry, Permission, Permissions, Status, Token, TokenKind};
use tokenctl::policy::{Actor, Credential};
use tokenctl::requests::{
    AuditRequest, CreateRequest, CreatedToken, ListRequest, Origin, OwnedTokens, Regeneration,
    RoleChange, TokenRef, UsedFrom,
};
use tokenctl::secret::Secret;
use tokenctl::service::{Issuer, Proof, TokenService};
use tokenctl::store::postgres::PgStore;
use tokenctl::store::sqlite::SqliteStore;
use tokenctl::store::{
    AuditFilter, ChangeSignal, Credentials, ListQuery, NewToken, Store, StoreError, StoreResult,
    TokenFilter,
};
use tokenctl::time::{self, Clock, Expiry};

mod accounts;
mod audit;
mod changes;
mod lifecycle;
mod passwords;
mod policy;
mod postgres_replicas;
mod sessions;
mod tokens;
mod trust;
mod webhooks;

use accounts::*;
use audit::*;
use changes::*;
use lifecycle::*;
use passwords::*;
use policy::*;
use sessions::*;
use tokens::*;
use trust::*;
use webhooks::*;

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

    /// On a schema of its own; see [`Schema::create`].
    async fn postgres() -> Fixture {
        Fixture::new_store(Place::Postgres(Schema::create().await)).await
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
            .add_user(&admin, AddUserRequest::new(name, role))
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
            .expect("list tokens")
            .items;
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
            Place::Sqlite { .. } => {
                include_str!("../../../src/store/sqlite/migrations/0003_keys.sql")
            }
            Place::Postgres(_) => {
                include_str!("../../../src/store/postgres/migrations/0003_keys.sql")
            }
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
    TokenService::new(store).with_issuer(Arc::clone(issuer()))
}

/// Where the contract's uses of tokens come from.
const HERE: UsedFrom<'static> = UsedFrom {
    address: None,
    source: "test",
    agent: None,
};

/// A use at `at` from [`HERE`], as the store records it.
fn used_at(at: chrono::DateTime<chrono::Utc>) -> tokenctl::store::LastUse {
    tokenctl::store::LastUse {
        at,
        from: "test".to_owned(),
        agent: None,
    }
}

/// A service on `f`'s store reading a clock pinned at now, and its admin.
async fn on_a_pinned_clock(f: &Fixture) -> (Clock, TokenService, Actor) {
    let clock = Clock::pinned_at(time::now());
    let service = service(Arc::clone(&f.store)).with_clock(clock.clone());
    let admin = service
        .actor(ADMIN, Credential::Local, "test")
        .await
        .expect("admin");
    (clock, service, admin)
}

/// What signs every fixture's sessions: one key set for the whole run,
/// since which key signs a session is no store's concern.
fn issuer() -> &'static Arc<Issuer> {
    static ISSUER: std::sync::OnceLock<(TempDir, Arc<Issuer>)> = std::sync::OnceLock::new();
    let (_, issuer) = ISSUER.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let keys = LiveKeys::open(&dir.path().join("keys.json")).expect("keys");
        let policy = ExchangePolicy::new(
            "https://tokens.test".to_owned(),
            Vec::new(),
            Duration::hours(1),
        );
        (dir, Arc::new(Issuer::new(keys, policy)))
    });
    issuer
}

/// Logs `name` in with `password` and opens a session, as `POST
/// /v1/login` does: the session's claims, checked like the server checks
/// them.
async fn open_session(
    service: &TokenService,
    name: &str,
    password: &str,
) -> tokenctl::auth::SessionClaims {
    signed_in(service, name, &Proof::password(password)).await
}

/// Logs `name` in with `proof`, as [`open_session`] does.
async fn signed_in(
    service: &TokenService,
    name: &str,
    proof: &Proof,
) -> tokenctl::auth::SessionClaims {
    let signed = service
        .open_session(name, proof, "api@10.0.0.1", "test-client/1")
        .await
        .unwrap_or_else(|error| panic!("log {name} in: {error:?}"));
    let keys = issuer().current().expect("keys");
    tokenctl::auth::verify_session(
        &keys,
        &signed.session,
        signed.expires_at - Duration::hours(1),
    )
    .expect("a valid session")
}

/// The ids of `user`'s active sessions, as the store lists them.
async fn active_ids(f: &Fixture, user: &str) -> Vec<tokenctl::model::Id> {
    let sessions = f
        .store
        .sessions(Some(user), time::now())
        .await
        .expect("list");
    sessions.into_iter().map(|session| session.id).collect()
}

/// The first login of an account an admin made or reset with the one-time
/// password `one_time`: it chooses `new`, the password from then on.
async fn first_login(
    service: &TokenService,
    name: &str,
    one_time: &str,
    new: &str,
) -> tokenctl::auth::SessionClaims {
    let proof = Proof {
        password: one_time.to_owned(),
        new_password: Some(new.to_owned()),
        ..Proof::default()
    };
    signed_in(service, name, &proof).await
}

/// Adds `name` as `admin` would, then logs them in once, replacing the
/// one-time password with `password`, and out again: the account as its
/// owner has it, with no session open.
async fn add_user_with_password(
    service: &TokenService,
    admin: &Actor,
    name: &str,
    role: &str,
    password: &str,
) {
    let one_time = format!("one-time {password}");
    service
        .add_user(
            admin,
            AddUserRequest {
                password: Some(one_time.clone()),
                ..AddUserRequest::new(name, role)
            },
        )
        .await
        .unwrap_or_else(|error| panic!("add {name}: {error:?}"));
    let session = first_login(service, name, &one_time, password).await;
    let owner = service
        .actor_for_session(&session, "test")
        .await
        .expect("the first session");
    service
        .end_current_session(&owner)
        .await
        .expect("log out of it");
}

/// A PostgreSQL schema of its own for one test, dropped when the test ends.
struct Schema {
    server: String,
    name: String,
}

impl Schema {
    /// A new schema on the server; the test is skipped (failed under CI)
    /// when the server is unreachable.
    async fn create() -> Schema {
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
                return Schema { server, name };
            }
            Ok(Err(error)) => error.to_string(),
            Err(_) => "no answer within 5 s".to_owned(),
        };
        crate::harness::skip(&format!("PostgreSQL at {shown}, unreachable: {reason}"))
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
        max_idle: None,
        allowed_ips: Vec::new(),
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
                async fn $behaviour() {
                    super::$behaviour(&super::Fixture::sqlite().await).await;
                }
            )+

            pub(crate) fn tests() -> Vec<crate::harness::Test> {
                vec![$(test!(async $behaviour)),+]
            }
        }

        mod postgres {
            $(
                async fn $behaviour() {
                    super::$behaviour(&super::Fixture::postgres().await).await;
                }
            )+

            pub(crate) fn tests() -> Vec<crate::harness::Test> {
                vec![$(test!(async $behaviour)),+]
            }
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
    the_audit_log_filters_by_time_actor_and_action_from_indexes,
    an_audit_prune_removes_only_older_entries_and_says_so,
    a_batch_of_audit_entries_is_written_whole_and_in_order,
    roles_are_added_listed_and_removed_unless_in_use,
    users_are_added_disabled_and_enabled,
    logins_count_failures_lock_out_and_accept_each_code_once,
    a_store_from_a_newer_tokenctl_is_refused_untouched,
    another_handle_is_told_of_credential_changes_but_not_of_uses,
    migration_3_gives_the_admin_role_keys_manage,
    an_idle_token_stops_working_until_regenerated,
    an_allow_list_holds_for_every_use_of_a_token,
    concurrent_policy_changes_all_land,
    the_most_active_tokens_holds_against_concurrent_creates,
    listing_finds_tokens_by_their_last_use,
    time_rules_hold_to_the_second_on_a_pinned_clock,
    passwords_are_changed_with_the_current_one_and_reset_by_a_holder_of_all,
    a_reset_needs_every_permission_of_the_users_role,
    sessions_are_recorded_listed_and_ended_one_or_all,
    a_password_change_or_disable_records_the_sessions_as_ended,
    expired_sessions_are_refused_unlisted_and_forgotten_a_day_later,
    a_one_time_password_opens_one_login_which_replaces_it,
    recovery_codes_stand_in_for_the_authenticator_once_each,
    a_lost_authenticator_is_reset_and_the_next_login_only_enrols,
    a_removed_user_loses_tokens_and_sessions_and_the_last_admin_stays,
    an_email_is_set_checked_and_cleared,
    a_role_edit_or_removal_moves_its_holders_and_their_tokens_at_once,
    no_role_change_leaves_nobody_able_to_manage_users,
    trust_policies_are_added_found_listed_and_removed,
    an_id_token_is_exchanged_once_until_it_expires,
    a_change_writes_one_message_per_subscriber_in_its_transaction,
    a_due_message_is_leased_to_one_sender_until_it_is_done,
    expiry_notices_go_out_once_per_lead_time_then_on_expiry,
    a_new_expiry_on_rotation_gets_its_own_notices,
    notice_mails_go_to_the_owners_address_with_the_change,
);

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        sqlite::tests(),
        postgres::tests(),
        postgres_replicas::tests(),
    ]
    .concat()
}
