//! The form reader of the OAuth endpoints, on any body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tokenctl::server::form::Parameters;

fuzz_target!(|body: &[u8]| {
    let form = Parameters::parse(body);
    for name in ["grant_type", "subject_token", "token", "scope"] {
        let _ = form.one(name);
    }
});
