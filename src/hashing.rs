//! Password hashing off the async workers, a few at a time.
//!
//! argon2id is deliberately slow and takes 19 MiB per hash. Run inline on
//! the server's async workers, a flood of logins (unknown users never lock)
//! stalled every other request and grew the server by a gigabyte. Here the
//! hashes run on a few threads of their own — `concurrency` of them, so at
//! most that many 19 MiB buffers ever exist, each thread reusing its own —
//! with at most `queue` more waiting. Beyond that a login is refused at once
//! with [`ErrorKind::Unavailable`] (503, `Retry-After`), before it costs even
//! a store lookup, instead of waiting in an unbounded line. Token
//! verification never hashes, so it goes on unaffected.

use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use tokio::sync::{mpsc, oneshot};

use crate::error::{Error, ErrorKind, Result};

/// Hashes waiting for a thread, beyond those running, by default.
pub const DEFAULT_QUEUE: usize = 32;

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads and the line in front of them; cheap to clone.
#[derive(Debug, Clone)]
pub struct PasswordWork {
    concurrency: usize,
    queue: usize,
    /// Started on the first hash: a one-shot command that hashes nothing
    /// starts no thread.
    line: Arc<OnceLock<mpsc::Sender<Job>>>,
}

impl Default for PasswordWork {
    fn default() -> Self {
        PasswordWork::new(default_concurrency(), DEFAULT_QUEUE)
    }
}

/// Hashes running at once by default: half the cores (at least one), so the
/// other half always serves everything else.
pub fn default_concurrency() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    (cores / 2).max(1)
}

impl PasswordWork {
    pub fn new(concurrency: usize, queue: usize) -> PasswordWork {
        PasswordWork {
            concurrency: concurrency.max(1),
            queue: queue.max(1),
            line: Arc::new(OnceLock::new()),
        }
    }

    /// A place in the line, or [`ErrorKind::Unavailable`] at once when it is
    /// full. Taken before the work that leads to a hash, so that a refused
    /// login costs nothing else.
    pub fn reserve(&self) -> Result<Reservation> {
        let place = self
            .line
            .get_or_init(|| self.start())
            .clone()
            .try_reserve_owned()
            .map_err(|_| busy())?;
        Ok(Reservation { place })
    }

    /// [`PasswordWork::reserve`], then [`Reservation::run`].
    pub async fn run<T: Send + 'static>(
        &self,
        hash: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T> {
        self.reserve()?.run(hash).await
    }

    fn start(&self) -> mpsc::Sender<Job> {
        let (line, jobs) = mpsc::channel::<Job>(self.queue);
        let jobs = Arc::new(Mutex::new(jobs));
        for number in 0..self.concurrency {
            let jobs = Arc::clone(&jobs);
            let started = std::thread::Builder::new()
                .name(format!("tokenctl-hash-{number}"))
                .spawn(move || work(&jobs));
            if let Err(error) = started {
                tracing::error!("cannot start a password hashing thread: {error}");
            }
        }
        line
    }
}

/// One hashing thread: runs jobs until every sender is gone.
fn work(jobs: &Mutex<mpsc::Receiver<Job>>) {
    loop {
        let job = jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .blocking_recv();
        match job {
            Some(job) => job(),
            None => return,
        }
    }
}

/// A place in the line for one hash.
pub struct Reservation {
    place: mpsc::OwnedPermit<Job>,
}

impl Reservation {
    /// Runs `hash` (an argon2 hash or check) on a hashing thread.
    pub async fn run<T: Send + 'static>(
        self,
        hash: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T> {
        let (done, result) = oneshot::channel();
        self.place.send(Box::new(move || {
            let _ = done.send(hash());
        }));
        result
            .await
            .map_err(|_| Error::internal("password hashing stopped"))
    }
}

fn busy() -> Error {
    Error::new(
        ErrorKind::Unavailable,
        "too many logins are being checked right now; try again in a moment",
    )
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc as std_mpsc;

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn beyond_the_running_and_the_waiting_a_hash_is_refused_at_once() {
        let work = PasswordWork::new(1, 2);
        let (release, wait) = std_mpsc::channel::<()>();
        let wait = Arc::new(Mutex::new(wait));
        let (started, running) = oneshot::channel::<()>();
        let (mut started, mut running) = (Some(started), Some(running));
        let mut held = Vec::new();
        for _ in 0..3 {
            let reservation = work.reserve().expect("a place in the line");
            let wait = Arc::clone(&wait);
            let started = started.take();
            held.push(tokio::spawn(reservation.run(move || {
                if let Some(started) = started {
                    let _ = started.send(());
                }
                let _ = wait.lock().map(|wait| wait.recv());
                std::thread::current().name().map(str::to_owned)
            })));
            // The first runs (and so leaves the line) before the others
            // queue behind it.
            if let Some(running) = running.take() {
                running.await.expect("the first hash started");
            }
        }
        let refused = work
            .reserve()
            .err()
            .expect("one running and two waiting fill it");
        assert_eq!(refused.kind, ErrorKind::Unavailable);
        for _ in 0..3 {
            release.send(()).expect("release");
        }
        for job in held {
            let thread = job.await.expect("joined").expect("ran");
            assert_eq!(
                thread.as_deref(),
                Some("tokenctl-hash-0"),
                "one thread hashes"
            );
        }
        work.run(|| ()).await.expect("room again");
    }
}
