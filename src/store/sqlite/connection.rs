//! The SQLite file itself: opening it with the right pragmas, a small pool
//! of connections, and the migrations.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use tokio::sync::OwnedSemaphorePermit;

use crate::store::{PoolWaitCounter, StoreError, StoreResult};

/// Versioned migrations, applied in order; `PRAGMA user_version` records how
/// many have run. Append only: a shipped migration never changes.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_login.sql"),
    include_str!("migrations/0003_keys.sql"),
    include_str!("migrations/0004_change_watch.sql"),
    include_str!("migrations/0005_role_changes.sql"),
    include_str!("migrations/0006_authority.sql"),
    include_str!("migrations/0007_change_acks.sql"),
    include_str!("migrations/0008_login_throttle.sql"),
    include_str!("migrations/0009_sessions.sql"),
    include_str!("migrations/0010_accounts.sql"),
    include_str!("migrations/0011_list_indexes.sql"),
    include_str!("migrations/0012_audit_prune.sql"),
    include_str!("migrations/0013_trust.sql"),
    include_str!("migrations/0014_webhooks.sql"),
    include_str!("migrations/0015_expiry_notices.sql"),
    include_str!("migrations/0016_mail.sql"),
    include_str!("migrations/0017_audit_via_token.sql"),
    include_str!("migrations/0018_last_use.sql"),
    include_str!("migrations/0019_max_idle.sql"),
    include_str!("migrations/0020_allowed_ips.sql"),
    include_str!("migrations/0021_rotate_self.sql"),
    include_str!("migrations/0022_token_policy.sql"),
];

/// How long a process waits for another one's write before giving up.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Connections open at once. Callers beyond this wait for one rather than
/// opening more: opening a connection (and its pragmas) per request under
/// load cost more than the queries themselves.
pub(super) const MAX_CONNECTIONS: usize = 8;

/// Where a store file is, and how it may be opened.
#[derive(Debug, Clone)]
pub(super) struct Location {
    pub(super) path: PathBuf,
    pub(super) access: Access,
}

/// How this process may use the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Access {
    ReadWrite,
    /// The file is not writable by this user (others may still change it).
    ReadOnly,
    /// On a read-only file system: nobody can change it, so SQLite may
    /// read it without the write-ahead log's shared memory.
    Immutable,
}

/// Open connections to one file, reused across calls.
pub(super) struct Pool {
    pub(super) location: Location,
    pub(super) idle: Mutex<Vec<Connection>>,
    /// One permit per connection that may be open.
    pub(super) permits: Arc<tokio::sync::Semaphore>,
    pub(super) waits: PoolWaitCounter,
}

impl Pool {
    /// A permit to use one connection, counting the wait when every one is
    /// in use.
    pub(super) async fn permit(&self) -> StoreResult<OwnedSemaphorePermit> {
        if let Ok(permit) = Arc::clone(&self.permits).try_acquire_owned() {
            return Ok(permit);
        }
        let since = Instant::now();
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| StoreError::Database("the store is closed".into()))?;
        self.waits.waited(since);
        Ok(permit)
    }

    pub(super) fn take(&self) -> StoreResult<Connection> {
        let reused = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match reused {
            Some(connection) => Ok(connection),
            None => connect(&self.location),
        }
    }

    pub(super) fn give_back(&self, connection: Connection) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < MAX_CONNECTIONS
        {
            idle.push(connection);
        }
    }
}

pub(super) fn connect(location: &Location) -> StoreResult<Connection> {
    let path = &location.path;
    let connection = match location.access {
        Access::ReadWrite => Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?,
        Access::ReadOnly => Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?,
        Access::Immutable => {
            // SQLite's URI form: only these three characters are special in the path.
            let escaped = path
                .to_string_lossy()
                .replace('%', "%25")
                .replace('?', "%3f")
                .replace('#', "%23");
            Connection::open_with_flags(
                format!("file:{escaped}?immutable=1"),
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?
        }
    };
    connection.busy_timeout(BUSY_TIMEOUT)?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    Ok(connection)
}

/// The counter the schema's triggers move on every credential change.
pub(super) fn change_counter(connection: &Connection) -> StoreResult<u64> {
    let value: i64 = connection
        .prepare_cached("SELECT value FROM change_counter WHERE id = 1")?
        .query_row((), |row| row.get(0))?;
    u64::try_from(value).map_err(|_| StoreError::Database("negative change counter".into()))
}

pub(super) fn schema_version(connection: &Connection) -> rusqlite::Result<i64> {
    connection.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Switching to WAL needs an exclusive lock that SQLite's busy handler does
/// not wait for, so concurrent first opens retry here. WAL is persistent:
/// once set, later opens only read it.
pub(super) fn enable_wal(connection: &Connection) -> StoreResult<()> {
    for attempt in 0..300u64 {
        let mode: String = connection.pragma_query_value(None, "journal_mode", |row| row.get(0))?;
        if mode.eq_ignore_ascii_case("wal") {
            return Ok(());
        }
        match connection
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
        {
            Ok(_) => {}
            Err(error) if is_busy(&error) => {
                std::thread::sleep(Duration::from_millis(10 + attempt % 40));
            }
            Err(error) => return Err(error.into()),
        }
    }
    Err(StoreError::Database(
        "the store stayed locked while switching it to WAL mode".into(),
    ))
}

pub(super) fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Brings the schema to this build's version. True when it created it.
pub(super) fn migrate(connection: &mut Connection, first_admin: Option<&str>) -> StoreResult<bool> {
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    let newer = |found| StoreError::NewerSchema { found, known };
    let version = schema_version(connection)?;
    if version == known {
        return Ok(false);
    }
    if version > known {
        return Err(newer(version));
    }
    let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while this one waited for the lock.
    let version = schema_version(&tx)?;
    if version > known {
        return Err(newer(version));
    }
    let start = usize::try_from(version).unwrap_or_default();
    for migration in &MIGRATIONS[start..] {
        tx.execute_batch(migration)?;
    }
    tx.pragma_update(None, "user_version", known)?;
    if let Some(name) = first_admin.filter(|_| version == 0) {
        tx.execute(
            "INSERT INTO users (name, role, created_at) VALUES (?1, 'admin', ?2)",
            (name, crate::time::now().timestamp()),
        )?;
    }
    tx.commit()?;
    Ok(version == 0)
}

/// Creates the file (and missing parent directories) private to the user
/// before SQLite opens it; SQLite gives its `-wal`/`-shm` files the same mode.
/// Creates the file (0600, parents 0700) if needed, and says how it may be
/// used: an existing store this user cannot write is still read — `list`,
/// `show`, `verify` work; changes are refused with a clear error.
pub(super) fn access_to(path: &Path) -> std::io::Result<Access> {
    let created = crate::files::create_private_parent(path)
        .and_then(|()| crate::files::private_options().append(true).open(path));
    match created {
        Ok(_) => Ok(Access::ReadWrite),
        Err(error) if path.is_file() => match error.kind() {
            std::io::ErrorKind::ReadOnlyFilesystem => Ok(Access::Immutable),
            std::io::ErrorKind::PermissionDenied => Ok(Access::ReadOnly),
            _ => Err(error),
        },
        Err(error) => Err(error),
    }
}

/// A store opened read-only cannot be migrated: it must be this build's
/// version already.
pub(super) fn check_current(connection: &Connection) -> StoreResult<bool> {
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    let version = schema_version(connection)?;
    if version > known {
        return Err(StoreError::NewerSchema {
            found: version,
            known,
        });
    }
    if version < known {
        return Err(StoreError::ReadOnly(format!(
            "it is read-only and needs upgrading (schema version {version}; this build writes {known})"
        )));
    }
    Ok(false)
}
