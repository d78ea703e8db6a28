//! A `tokenctl serve` child process, stopped (and its schema dropped) when
//! the test ends.

use super::*;

/// A `tokenctl serve` child process, stopped when the test ends.
pub struct Server {
    pub(crate) child: std::process::Child,
    pub url: String,
    pub(crate) database: String,
    pub(crate) schema: Option<String>,
    /// Everything the server wrote on stderr so far.
    pub(crate) log: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Server {
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The server's process id, e.g. to read its memory use.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The server's resident memory now, in MiB (Linux).
    pub fn rss_mib(&self) -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|kib| {
                kib.trim()
                    .trim_end_matches(" kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map_or(0, |kib| kib / 1024)
    }

    /// The PostgreSQL schema it was given, if it made one.
    pub fn schema(&self) -> Option<&str> {
        self.schema.as_deref()
    }

    /// The `--database` it was started with.
    pub fn database(&self) -> &str {
        &self.database
    }

    /// Kills it with SIGKILL, as a crash would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The server's stderr so far.
    pub fn log(&self) -> String {
        self.log.lock().map(|log| log.clone()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(schema) = &self.schema {
            let _ = postgres_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
        }
    }
}
