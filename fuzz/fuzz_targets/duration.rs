//! Durations and expiries (`--expires`, `--grace`, config values).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tokenctl::time::{Expiry, parse_duration};

fuzz_target!(|text: &str| {
    if let Ok(duration) = parse_duration(text) {
        assert!(duration >= chrono::Duration::zero());
    }
    let _ = Expiry::parse(text);
});
