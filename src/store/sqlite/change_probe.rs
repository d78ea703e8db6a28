//! The SQLite store's [`ChangeProbe`]: what a server asks on every cache
//! hit, so that a change another process committed to the file is seen by
//! the first request after it.
//!
//! Reading the change counter is a real read transaction (a few file-lock
//! system calls), too dear for every hit. But in WAL mode every commit, by
//! any process, rewrites the header of the WAL index (`<file>-shm`, shared
//! memory backed by that file) before it returns. So a hit first reads that
//! header with one `pread`: while it is unchanged since the counter was
//! last read, nothing was committed and the count read then still holds.
//! Only a changed header (any commit: an audit entry, a recorded use) costs
//! a counter read.
//!
//! The header's layout is SQLite's documented WAL-index format
//! (<https://sqlite.org/walformat.html>, stable since 3.7.0); the probe
//! compares its change counter, frame count and salts byte for byte. When the
//! header cannot be read, every hit reads the counter.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rusqlite::Connection;

use super::connection::{Location, change_counter, connect};
use crate::store::{ChangeProbe, StoreError, StoreResult};

/// Bytes 8..12 (`iChange`), 16..20 (`mxFrame`) and 32..40 (`aSalt`) of the
/// first copy of the WAL-index header, as two numbers.
type Fingerprint = (u64, u64);

pub(super) struct CounterProbe {
    /// Connections of its own, so a counter read never waits for the pool.
    connections: Vec<Mutex<Connection>>,
    next: AtomicUsize,
    wal_index: Option<File>,
    /// The header fingerprint when `count` was read (0, 0: none yet).
    seen: [AtomicU64; 2],
    count: AtomicU64,
}

impl CounterProbe {
    pub(super) fn new(location: &Location) -> StoreResult<CounterProbe> {
        let count = std::thread::available_parallelism().map_or(2, std::num::NonZero::get) * 2;
        // Each connection reads once, and so holds the WAL index open for
        // as long as the process runs: SQLite removes that file only when
        // its last user closes, so the file read below stays the live one.
        let connections = (0..count)
            .map(|_| {
                let connection = connect(location)?;
                change_counter(&connection)?;
                Ok(Mutex::new(connection))
            })
            .collect::<StoreResult<_>>()?;
        let mut shm = location.path.as_os_str().to_owned();
        shm.push("-shm");
        Ok(CounterProbe {
            connections,
            next: AtomicUsize::new(0),
            wal_index: File::open(shm).ok(),
            seen: [AtomicU64::new(0), AtomicU64::new(0)],
            count: AtomicU64::new(0),
        })
    }

    fn fingerprint(&self) -> Option<Fingerprint> {
        let mut header = [0u8; 48];
        self.wal_index
            .as_ref()?
            .read_exact_at(&mut header, 0)
            .ok()?;
        let is_init = header[12] != 0;
        let word = |range: std::ops::Range<usize>| {
            header[range]
                .iter()
                .fold(0u64, |value, byte| value << 8 | u64::from(*byte))
        };
        let changes = word(8..12) << 32 | word(16..20);
        let fingerprint = (changes, word(32..40));
        (is_init && fingerprint != (0, 0)).then_some(fingerprint)
    }

    fn read_counter(&self) -> StoreResult<u64> {
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let pick = |i: usize| &self.connections[(start + i) % self.connections.len()];
        let free = (0..self.connections.len()).find_map(|i| pick(i).try_lock().ok());
        let connection = match free {
            Some(connection) => connection,
            None => pick(0)
                .lock()
                .map_err(|_| StoreError::Database("a change probe panicked".into()))?,
        };
        change_counter(&connection)
    }
}

impl ChangeProbe for CounterProbe {
    fn change_count(&self) -> StoreResult<u64> {
        // Read before the counter: a commit in between changes the header,
        // so the next hit reads the counter again.
        let before = self.fingerprint();
        if let Some(fingerprint) = before
            && fingerprint.0 == self.seen[0].load(Ordering::SeqCst)
            && fingerprint.1 == self.seen[1].load(Ordering::SeqCst)
        {
            return Ok(self.count.load(Ordering::SeqCst));
        }
        let count = self.read_counter()?;
        // The count first, the fingerprint after: a hit that matches the
        // fingerprint finds the count read under it (or a later one).
        self.count.fetch_max(count, Ordering::SeqCst);
        if let Some((changes, salts)) = before {
            self.seen[0].store(changes, Ordering::SeqCst);
            self.seen[1].store(salts, Ordering::SeqCst);
        }
        Ok(count)
    }
}
