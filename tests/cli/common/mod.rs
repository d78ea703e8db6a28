//! What the integration tests share, a file per concern: the pinned
//! environment for driving the real `tokenctl` binary (a private HOME, XDG
//! dirs and store per test, no color, no inherited TOKENCTL_*) and its
//! server, the test PostgreSQL, plain HTTP, the tools a test needs, and the
//! checks on what a command did.

#![allow(dead_code)]

mod checks;
mod env;
mod http;
mod postgres;
mod server;
mod tools;

#[allow(unused_imports)]
pub use checks::*;
#[allow(unused_imports)]
pub use env::*;
#[allow(unused_imports)]
pub use http::*;
#[allow(unused_imports)]
pub use postgres::*;
#[allow(unused_imports)]
pub use server::*;
#[allow(unused_imports)]
pub use tools::*;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// Defines one test per backend from one body: `contract!(name, |env| …)`
/// expands to `name::local`, `name::remote_sqlite`, `name::remote_postgres`.
#[macro_export]
macro_rules! contract {
    ($name:ident, |$env:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            fn body($env: &$crate::common::TestEnv) $body

            fn local() {
                body(&$crate::common::TestEnv::new());
            }

            fn remote_sqlite() {
                body(&$crate::common::TestEnv::with_backend($crate::common::Backend::RemoteSqlite));
            }

            fn remote_postgres() {
                body(&$crate::common::TestEnv::with_backend($crate::common::Backend::RemotePostgres));
            }

            pub(crate) fn tests() -> Vec<$crate::harness::Test> {
                vec![test!(local), test!(remote_sqlite), test!(remote_postgres)]
            }
        }
    };
}

/// The tokenctl binary under test.
pub fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("tokenctl")
}
