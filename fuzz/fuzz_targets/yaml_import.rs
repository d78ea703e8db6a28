//! `tokenctl oauth import`: any file is checked or refused.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tokenctl::session::Storage;

fuzz_target!(|input: &[u8]| {
    let _ = tokenctl::oauth::yaml::parse(input, Storage::File);
});
