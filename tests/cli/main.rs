//! The integration tests: one binary, so `cargo test` links the test code
//! once. Every test drives the real `tokenctl` binary, a real `tokenctl
//! serve` on loopback, or the library against a real store; a module per
//! concern, and `layout` fails when a test file is not part of this tree.
//!
//! A test that needs a component from outside Rust (PostgreSQL, a Secret
//! Service, an X server, Node, Python modules, root) and does not find it is
//! reported as ignored, with the component named (`harness`); under CI,
//! which installs all of them, it fails instead.

#[macro_use]
mod harness;
#[macro_use]
mod common;

mod accounts;
mod allow_list;
mod attribution;
mod authority;
mod authority_property;
mod bad_input;
mod clipboard;
mod completion;
mod exchange;
mod exposure;
mod federated_exchange;
mod federation;
mod finality;
mod generated;
mod keyring;
mod keys;
mod last_use;
mod layout;
mod leaks;
mod lifecycle;
mod mail;
mod notices;
mod oauth;
mod openapi;
mod openapi_rules;
mod operating;
mod output_shapes;
mod paging;
mod passwords;
mod picker;
mod readme;
mod revocation;
mod roles_and_users;
mod rotation;
mod scan;
mod schemathesis;
mod security;
mod serving;
mod sessions;
mod snapshots;
mod store;
mod store_contract;
mod tls;
mod token_policy;
mod webhooks;

fn main() {
    harness::run(
        [
            accounts::tests(),
            attribution::tests(),
            authority::tests(),
            authority_property::tests(),
            bad_input::tests(),
            clipboard::tests(),
            completion::tests(),
            exchange::tests(),
            exposure::tests(),
            federated_exchange::tests(),
            federation::tests(),
            finality::tests(),
            generated::tests(),
            keyring::tests(),
            keys::tests(),
            allow_list::tests(),
            last_use::tests(),
            layout::tests(),
            leaks::tests(),
            webhooks::tests(),
            mail::tests(),
            notices::tests(),
            lifecycle::tests(),
            oauth::tests(),
            openapi::tests(),
            openapi_rules::tests(),
            operating::tests(),
            output_shapes::tests(),
            paging::tests(),
            passwords::tests(),
            picker::tests(),
            readme::tests(),
            revocation::tests(),
            rotation::tests(),
            roles_and_users::tests(),
            scan::tests(),
            schemathesis::tests(),
            security::tests(),
            serving::tests(),
            sessions::tests(),
            snapshots::tests(),
            store::tests(),
            store_contract::tests(),
            tls::tests(),
            token_policy::tests(),
        ]
        .concat(),
    )
}
