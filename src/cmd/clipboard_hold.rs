//! `tokenctl clipboard-hold` (hidden): the detached process that keeps a
//! copied secret on the clipboard. See `crate::clipboard`.

use crate::error::{Error, Result};

/// Hold a secret read from stdin on the clipboard (internal)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Clear after this many milliseconds; 0 holds until replaced
    #[arg(long, default_value_t = 45_000)]
    pub clear_after_ms: u64,
}

pub fn run(args: &Args) -> Result<()> {
    let clear_after =
        (args.clear_after_ms > 0).then(|| std::time::Duration::from_millis(args.clear_after_ms));
    crate::clipboard::hold(clear_after).map_err(Error::internal)
}
