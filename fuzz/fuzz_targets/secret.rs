//! Token secrets as a client or a scanned file gives them: parsed or
//! refused, and what is accepted reads back as itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tokenctl::secret::Secret;

fuzz_target!(|text: &str| {
    if let Ok(secret) = Secret::parse(text) {
        assert_eq!(secret.expose(), text.trim());
    }
});
