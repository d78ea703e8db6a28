//! A bearer string taken for a JWT: header decoded, key looked up, checked —
//! never accepted without our signature.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tokenctl::auth::{SessionClaims, session_rules};
use tokenctl::keys::KeySet;

static KEYS: LazyLock<KeySet> =
    LazyLock::new(|| KeySet::generate(chrono::Utc::now()).expect("a key set"));

fuzz_target!(|text: &str| {
    let verified = KEYS.verify::<SessionClaims>(text, &session_rules(), chrono::Utc::now());
    assert!(verified.is_none(), "a fuzzed string verified");
});
