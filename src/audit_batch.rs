//! Group commit for audit entries that are written on their own — one per
//! token exchange, the server's busiest write. Each caller still waits until
//! its entry is durably committed (nothing is handed out unaudited), but
//! entries that arrive while a commit is in flight share the next one: under
//! load, one fsync (SQLite) or one WAL flush (PostgreSQL) serves many
//! requests instead of one.

use std::sync::Arc;

use prometheus_client::metrics::histogram::Histogram;
use tokio::sync::{mpsc, oneshot};

use crate::store::{AuditRecord, Store, StoreError, StoreResult};

/// Most entries in one transaction; more wait for the next.
const MAX_BATCH: usize = 512;

/// Entries waiting for the writer; a caller beyond this waits to queue.
const QUEUE_CAPACITY: usize = 4096;

/// The sending side of the writer task; cheap to share.
pub struct AuditBatcher {
    queue: mpsc::Sender<Pending>,
}

struct Pending {
    record: AuditRecord,
    committed: oneshot::Sender<StoreResult<()>>,
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
        let (committed, outcome) = oneshot::channel();
        let stopped = || StoreError::Database("the audit writer has stopped".to_owned());
        self.queue
            .send(Pending { record, committed })
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
        let (records, waiting): (Vec<_>, Vec<_>) = batch
            .drain(..)
            .map(|entry| (entry.record, entry.committed))
            .unzip();
        let outcome = store.append_audits(records).await;
        if let Err(error) = &outcome {
            tracing::warn!("could not write {} audit entries: {error}", waiting.len());
        }
        for caller in waiting {
            let _ = caller.send(match &outcome {
                Ok(()) => Ok(()),
                Err(error) => Err(StoreError::Database(error.to_string())),
            });
        }
    }
}
