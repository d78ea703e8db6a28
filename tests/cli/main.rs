//! The integration tests: one binary, so `cargo test` links the test code
//! once. Every test drives the real `tokenctl` binary, a real `tokenctl
//! serve` on loopback, or the library against a real store; a module per
//! concern, and `layout` fails when a test file is not part of this tree.
//!
//! Tests that need a component from outside Rust (PostgreSQL, a Secret
//! Service, an X server, Node, Python modules, wrk) are `#[ignore]`d with the
//! component named, except under CI, which installs all of them and runs
//! every test (see `build.rs`); `cargo test -- --include-ignored` runs them
//! on a machine set up like CI.

#[macro_use]
mod common;

mod authority;
mod authority_property;
mod bad_input;
mod clipboard;
mod exchange;
mod exposure;
mod finality;
mod generated;
mod keyring;
mod keys;
mod layout;
mod lifecycle;
mod oauth;
mod openapi;
mod openapi_rules;
mod revocation;
mod roles_and_users;
mod scan;
mod schemathesis;
mod security;
mod snapshots;
mod store;
mod store_contract;
mod tls;
