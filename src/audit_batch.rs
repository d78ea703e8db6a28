//! Group commit for audit entries that are written on their own — one per
//! token exchange, the server's busiest write. Each caller still waits until
//! its entry is durably committed (nothing is handed out unaudited), but
//! entries that arrive while a commit is in flight share the next one: under
//! load, one fsync (SQLite) or one WAL flush (PostgreSQL) serves many
//! requests instead of one.
//!
//! A federated exchange's entry also takes its ID token (the `jti`) in that
//! same transaction: the token is taken exactly when the exchange is
//! audited, and a replay costs no commit of its own.

use std::sync::Arc;

use prometheus_client::metrics::histogram::Histogram;
use tokio::sync::{mpsc, oneshot};

use crate::store::{AuditRecord, ClaimingAudit, IdTokenUse, Store, StoreError, StoreResult};

/// Most entries in one transaction; more wait for the next.
const MAX_BATCH: usize = 512;

/// Entries waiting for the writer; a caller beyond this waits to queue.
const QUEUE_CAPACITY: usize = 4096;

/// The sending side of the writer task; cheap to share.
pub struct AuditBatcher {
    queue: mpsc::Sender<Pending>,
}

struct Pending {
    entry: ClaimingAudit,
    /// False: the entry's ID token was taken before, and the entry not written.
    committed: oneshot::Sender<StoreResult<bool>>,
}

impl AuditBatcher {
    /// Starts the writer task on the current Tokio runtime; `sizes` learns
    /// how many entries each commit held.
    pub fn start(store: Arc<dyn Store>, sizes: Histogram) -> AuditBatcher {
        let (queue, pending) = mpsc::channel(QUEUE_CAPACITY);
        tokio::spawn(write_batches(store, pending, sizes));
        AuditBatcher { queue }
    }

    /// Entries waiting for the writer.
    pub fn queued(&self) -> usize {
        self.queue.max_capacity() - self.queue.capacity()
    }

    /// Appends `record`, returning once the transaction holding it has
    /// committed (or failed).
    pub async fn append(&self, record: AuditRecord) -> StoreResult<()> {
        self.append_claiming(record, None).await.map(|_| ())
    }

    /// Appends `record` and, in the same transaction, takes the ID token
    /// `claim` names; false (and nothing written) when it was taken before.
    pub async fn append_claiming(
        &self,
        record: AuditRecord,
        claim: Option<IdTokenUse>,
    ) -> StoreResult<bool> {
        let (committed, outcome) = oneshot::channel();
        let stopped = || StoreError::Database("the audit writer has stopped".to_owned());
        let entry = ClaimingAudit {
            audit: record,
            claim,
        };
        self.queue
            .send(Pending { entry, committed })
            .await
            .map_err(|_| stopped())?;
        outcome.await.map_err(|_| stopped())?
    }
}

/// Takes whatever has queued up (at least one entry), commits it as one
/// transaction, and tells every waiting caller how that went.
async fn write_batches(
    store: Arc<dyn Store>,
    mut pending: mpsc::Receiver<Pending>,
    sizes: Histogram,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while pending.recv_many(&mut batch, MAX_BATCH).await > 0 {
        #[allow(clippy::cast_precision_loss)] // at most MAX_BATCH
        sizes.observe(batch.len() as f64);
        let (entries, waiting): (Vec<_>, Vec<_>) = batch
            .drain(..)
            .map(|pending| (pending.entry, pending.committed))
            .unzip();
        let outcome = commit(store.as_ref(), entries).await;
        if let Err(error) = &outcome {
            tracing::warn!("could not write {} audit entries: {error}", waiting.len());
        }
        for (index, caller) in waiting.into_iter().enumerate() {
            let _ = caller.send(match &outcome {
                Ok(fresh) => Ok(fresh.get(index).copied().unwrap_or(false)),
                Err(error) => Err(StoreError::Database(error.to_string())),
            });
        }
    }
}

/// One transaction for `entries`: the plain append when none takes an ID
/// token (the common case), else the claiming one; which entries were
/// written, in order.
async fn commit(store: &dyn Store, entries: Vec<ClaimingAudit>) -> StoreResult<Vec<bool>> {
    if entries.iter().all(|entry| entry.claim.is_none()) {
        let count = entries.len();
        let records = entries.into_iter().map(|entry| entry.audit).collect();
        store.append_audits(records).await?;
        return Ok(vec![true; count]);
    }
    // Forgets the ID tokens expired before the newest entry's time: the
    // service's clock, as the entries carry it.
    let Some(now) = entries.iter().map(|entry| entry.audit.at).max() else {
        return Ok(Vec::new());
    };
    store.append_audits_claiming(entries, now).await
}
