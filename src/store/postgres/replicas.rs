//! Replicas on one PostgreSQL database: how a credential change is known to
//! have reached every replica's memory before its writer reports success.
//!
//! Every credential change is numbered by the schema's trigger and notified
//! with its number at commit. Each replica:
//!
//! * listens, and for every change it hears first ends its cached answers,
//!   then acknowledges the number in its row of `replicas`;
//! * pings itself through the same channel twice a second; hearing its own
//!   ping proves it has heard everything committed before the ping, and
//!   only then renews its lease (for [`LEASE`]) — and only a lease still
//!   live, so that no renewal bridges a gap a writer saw as expired. It
//!   trusts its memory until a little before the lease ends, counted from
//!   before the ping was sent.
//!
//! A writer, after its commit, waits until every replica with a live lease
//! has acknowledged the latest change number ([`await_changes_heard`]). A
//! replica that stops hearing (lost connection, stalled listener) stops
//! renewing: writers wait at most until its lease ends, by which time it
//! has stopped serving from memory.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::postgres::{PgListener, PgPool};

use crate::store::{ChangeSignal, StoreResult, local_trust};

/// The channel the schema's triggers notify on every credential change.
pub(super) const CHANGE_CHANNEL: &str = "tokenctl_changes";

/// How long a replica's promise lasts without renewal: the longest a
/// writer waits for a replica that died or lost its listener.
pub(super) const LEASE: Duration = Duration::from_secs(3);

/// How often a replica pings itself to renew its lease.
const PING_EVERY: Duration = Duration::from_millis(500);

/// Pings remembered while unanswered: a lease's worth.
const MAX_PENDING_PINGS: usize = 6;

fn lease_millis() -> f64 {
    LEASE.as_secs_f64() * 1000.0
}

/// Who this replica is, and which store's changes it hears.
struct Replica {
    id: String,
    /// The schema of its store (the database's channel carries every
    /// store's changes).
    schema: String,
}

/// What the listener and the pinger share.
#[derive(Default)]
struct Pings {
    /// The pings in flight, oldest first: number, and when it was sent. A
    /// late answer still earns trust, counted from when it was sent.
    pending: std::collections::VecDeque<(u64, Instant)>,
    /// When the current lease was made (taken after the store confirmed
    /// it): a ping sent before then earns no trust under it.
    lease_since: Option<Instant>,
}

type Shared = Arc<Mutex<Pings>>;

/// One replica's listener, acknowledgements and lease, started for as long
/// as the process runs.
pub(super) async fn watch(pool: PgPool, signal: Arc<ChangeSignal>) -> StoreResult<()> {
    let id = replica_id()?;
    let listener = listen(&pool).await?;
    let pings: Shared = Arc::default();
    register(&pool, &id, &pings).await?;
    let schema = sqlx::query_scalar("SELECT current_schema()")
        .fetch_one(&pool)
        .await?;
    let replica = Replica {
        id: id.clone(),
        schema,
    };
    tokio::spawn(hear(
        pool.clone(),
        listener,
        Arc::clone(&signal),
        replica,
        Arc::clone(&pings),
    ));
    tokio::spawn(ping(pool, id, pings));
    Ok(())
}

/// Returns once every replica with a live lease has acknowledged every
/// change committed so far. Should the store stop answering, waits out the
/// longest lease instead: by then no replica trusts what it remembers.
pub(super) async fn await_changes_heard(pool: &PgPool) {
    let started = Instant::now();
    let outcome = async {
        let latest: i64 = sqlx::query_scalar("SELECT value FROM change_counter WHERE id = 1")
            .fetch_one(pool)
            .await?;
        let mut pause = Duration::from_millis(1);
        loop {
            let behind: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM replicas
                 WHERE acked < $1 AND lease_until > clock_timestamp()",
            )
            .bind(latest)
            .fetch_one(pool)
            .await?;
            if behind == 0 {
                return Ok::<bool, sqlx::Error>(true);
            }
            // A lease ends within LEASE of the commit; past twice that,
            // the database's clock is not what the leases assume.
            if started.elapsed() > 2 * LEASE {
                return Ok(false);
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_millis(20));
        }
    }
    .await;
    match outcome {
        Ok(true) => {}
        Ok(false) => {
            tracing::error!(
                "replicas have not acknowledged a credential change within their lease"
            );
        }
        Err(error) => {
            tracing::warn!(%error, "cannot tell whether every replica has heard a credential change; waiting out the lease");
            tokio::time::sleep((started + LEASE).saturating_duration_since(Instant::now())).await;
        }
    }
}

fn replica_id() -> StoreResult<String> {
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes).map_err(|error| {
        crate::store::StoreError::Database(format!("cannot name this replica: {error}"))
    })?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

async fn listen(pool: &PgPool) -> StoreResult<PgListener> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANGE_CHANNEL).await?;
    Ok(listener)
}

/// Makes (or remakes) this replica's row with a fresh lease and what it
/// has heard: everything committed so far, since this runs after its
/// listener is in place and after its memory was emptied. Gives no trust:
/// that takes a ping heard under this lease.
/// Rows of replicas gone for a day are removed on the way.
async fn register(pool: &PgPool, id: &str, pings: &Shared) -> StoreResult<()> {
    sqlx::query("DELETE FROM replicas WHERE lease_until < clock_timestamp() - interval '1 day'")
        .execute(pool)
        .await?;
    sqlx::query(
        "INSERT INTO replicas (id, acked, lease_until)
         SELECT $1, value, clock_timestamp() + $2 * interval '1 millisecond' FROM change_counter
         ON CONFLICT (id) DO UPDATE SET acked = excluded.acked, lease_until = excluded.lease_until",
    )
    .bind(id)
    .bind(lease_millis())
    .execute(pool)
    .await?;
    if let Ok(mut pings) = pings.lock() {
        pings.lease_since = Some(Instant::now());
    }
    Ok(())
}

impl Pings {
    /// When ping `number` was sent, if it is the one in flight and was sent
    /// under the current lease.
    fn answered(&mut self, number: u64) -> Option<Instant> {
        let since = self.lease_since?;
        let position = self.pending.iter().position(|(n, _)| *n == number)?;
        let (_, sent) = self.pending.drain(..=position).next_back()?;
        (sent > since).then_some(sent)
    }

    fn sent(&mut self, number: u64) {
        if self.pending.len() >= MAX_PENDING_PINGS {
            self.pending.pop_front();
        }
        self.pending.push_back((number, Instant::now()));
    }
}

/// What a notification says.
#[derive(Debug, PartialEq, Eq)]
enum Heard<'a> {
    /// A change in this store (numbered, or 0 when a NOTIFY sent by hand
    /// did not say).
    Change(i64),
    /// A change in another store of the same database.
    Elsewhere,
    Ping {
        replica: &'a str,
        number: u64,
    },
}

/// Reads a payload: `<schema>:<number>` from the trigger, `ping:<id>:<n>`
/// from a replica. Anything else counts as a change here, acknowledged as
/// nothing new.
fn parse<'a>(payload: &'a str, schema: &str) -> Heard<'a> {
    if let Some(rest) = payload.strip_prefix("ping:")
        && let Some((replica, number)) = rest.split_once(':')
        && let Ok(number) = number.parse()
    {
        return Heard::Ping { replica, number };
    }
    match payload.rsplit_once(':') {
        Some((changed, number)) if changed == schema => Heard::Change(number.parse().unwrap_or(0)),
        Some((_, number)) if number.parse::<i64>().is_ok() => Heard::Elsewhere,
        _ => Heard::Change(0),
    }
}

/// The listener: ends cached answers on every change, acknowledges, and
/// renews the lease on hearing its own ping. Runs for as long as the process.
async fn hear(
    pool: PgPool,
    mut listener: PgListener,
    signal: Arc<ChangeSignal>,
    replica: Replica,
    pings: Shared,
) {
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => {
                let mut heard = vec![notification];
                while let Some(more) = listener.next_buffered() {
                    heard.push(more);
                }
                act_on(&pool, &signal, &replica, &pings, &heard).await;
            }
            Ok(None) | Err(_) => {
                // Notifications sent while the connection was down are lost
                // with it: nothing may be trusted until a new listener is in
                // place, memory is emptied again, and a ping comes back.
                signal.distrust();
                if let Ok(mut pings) = pings.lock() {
                    *pings = Pings::default();
                }
                listener = relisten(&pool).await;
                signal.changed();
                if let Err(error) = register(&pool, &replica.id, &pings).await {
                    tracing::warn!(%error, "cannot register this replica again");
                }
            }
        }
    }
}

async fn act_on(
    pool: &PgPool,
    signal: &ChangeSignal,
    replica: &Replica,
    pings: &Shared,
    heard: &[sqlx::postgres::PgNotification],
) {
    let mut latest_change = None;
    let mut own_ping = None;
    for notification in heard {
        match parse(notification.payload(), &replica.schema) {
            Heard::Change(number) => latest_change = latest_change.max(Some(number)),
            Heard::Ping {
                replica: pinger,
                number,
            } if pinger == replica.id => {
                own_ping = Some(number);
            }
            Heard::Ping { .. } | Heard::Elsewhere => {}
        }
    }
    if let Some(number) = latest_change {
        // Memory first, acknowledgement after: an acknowledged change can
        // no longer be served from here.
        signal.changed();
        if let Err(error) = acknowledge(pool, &replica.id, number).await {
            tracing::warn!(%error, "cannot acknowledge a credential change");
        }
    }
    if let Some(number) = own_ping
        && let Some(sent) = pings.lock().ok().and_then(|mut p| p.answered(number))
    {
        renew(pool, signal, &replica.id, pings, sent).await;
    }
}

async fn acknowledge(pool: &PgPool, id: &str, number: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE replicas SET acked = GREATEST(acked, $2) WHERE id = $1")
        .bind(id)
        .bind(number)
        .execute(pool)
        .await?;
    Ok(())
}

/// Extends a lease that is still live; one that ran out is made again
/// (without trust: the next ping earns it).
async fn renew(pool: &PgPool, signal: &ChangeSignal, id: &str, pings: &Shared, sent: Instant) {
    let renewed = sqlx::query(
        "UPDATE replicas SET lease_until = clock_timestamp() + $2 * interval '1 millisecond'
         WHERE id = $1 AND lease_until > clock_timestamp()",
    )
    .bind(id)
    .bind(lease_millis())
    .execute(pool)
    .await;
    match renewed {
        Ok(done) if done.rows_affected() == 1 => signal.trust_until(sent + local_trust(LEASE)),
        Ok(_) => {
            if let Err(error) = register(pool, id, pings).await {
                tracing::warn!(%error, "cannot register this replica again");
            }
        }
        Err(error) => tracing::warn!(%error, "cannot renew this replica's lease"),
    }
}

async fn relisten(pool: &PgPool) -> PgListener {
    loop {
        match listen(pool).await {
            Ok(listener) => return listener,
            Err(error) => {
                tracing::warn!(%error, "cannot listen for store changes; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

/// Sends this replica's pings, one every [`PING_EVERY`].
async fn ping(pool: PgPool, id: String, pings: Shared) {
    let mut every = tokio::time::interval(PING_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    for number in 1u64.. {
        every.tick().await;
        if let Ok(mut pings) = pings.lock() {
            pings.sent(number);
        }
        let sent = sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANGE_CHANNEL)
            .bind(format!("ping:{id}:{number}"))
            .execute(&pool)
            .await;
        if let Err(error) = sent {
            tracing::debug!(%error, "cannot ping this replica");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notifications_are_told_apart() {
        assert_eq!(parse("public:41", "public"), Heard::Change(41));
        assert_eq!(parse("a:b:41", "a:b"), Heard::Change(41));
        assert_eq!(parse("other:41", "public"), Heard::Elsewhere);
        assert_eq!(parse("", "public"), Heard::Change(0));
        assert_eq!(parse("by hand", "public"), Heard::Change(0));
        assert_eq!(
            parse("ping:ab12:7", "public"),
            Heard::Ping {
                replica: "ab12",
                number: 7
            }
        );
        assert_eq!(parse("ping:ab12:x", "public"), Heard::Change(0));
    }
}
