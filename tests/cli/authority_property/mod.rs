//! The authority invariant, tested on random histories: random sequences of
//! grants (roles, users, role changes, disables, logins, tokens for self and
//! others, regenerations, exchanges with random scopes and audiences,
//! revocations, key rotations) by random actors holding random kinds of
//! credential — on the token service in-process over a SQLite store, and
//! through a real `tokenctl serve`.
//!
//! A model that knows only the rules of DESIGN.md predicts every step.
//! After each step, every credential ever handed out must be able to do
//! exactly what the model says — which by construction is never more than
//! its grantor chain could — and the store must hold exactly the model's
//! users, roles, tokens and keys, so a refused step changed nothing.
//!
//! Cases: `TOKENCTL_AUTHORITY_CASES` in-process (default 1000 under CI, 200
//! otherwise), a tenth of that through the server. A failing history is
//! shrunk by proptest and its seed kept in `mod.regressions` next to this
//! file, which runs first on every later run; the unit tests in
//! `src/policy/tests.rs` keep each finding as a plain regression test too.

use crate::common;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::Arc;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};
use serde_json::{Value, json};
use tokenctl::api::AddUserRequest;
use tokenctl::auth;
use tokenctl::exchange::{ExchangePolicy, ExchangeRequest};
use tokenctl::jose::LiveKeys;
use tokenctl::model::{Permission, Permissions};
use tokenctl::policy::Actor;
use tokenctl::requests::{CreateRequest, TokenRef};
use tokenctl::secret::Secret;
use tokenctl::service::{ExchangeSubject, Issuer, Proof, TokenService};
use tokenctl::store::Store;
use tokenctl::store::sqlite::SqliteStore;

const PASSWORD: &str = "a long enough password";
/// What an admin sets when adding a user; their first login replaces it.
const ONE_TIME: &str = "a one-time password";
const ROOT: &str = "root";
const ISSUER: &str = "urn:tokenctl:property";
/// An audience the server also issues for: its tokens must not work on the API.
const FOREIGN: &str = "https://other-rs.example";

mod histories;
mod model;
mod running;
mod systems;

use histories::*;
use model::*;
use running::*;
use systems::*;

// ---------------------------------------------------------------------------
// The runs

/// Histories to run in-process: `TOKENCTL_AUTHORITY_CASES`, else 1000 under
/// CI and 200 on a developer's machine. Most of their time is argon2: every
/// user added and every login hashes a password at production cost.
fn cases() -> u32 {
    std::env::var("TOKENCTL_AUTHORITY_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(if std::env::var_os("CI").is_some() {
            1000
        } else {
            200
        })
}

/// Histories that once failed, shrunk, kept here as they were found: each
/// runs before the random ones, whatever the generator becomes.
fn regressions() -> Vec<Vec<Step>> {
    use Permission::UsersManage;
    vec![
        // Through serve: users:manage alone issued a token to another user
        // (issuing needs tokens:manage as well).
        vec![
            Step::AddRole {
                by: 0,
                permissions: [UsersManage].into(),
            },
            Step::AddUser { by: 0, role: 4 },
            Step::Login { user: 1 },
            Step::AddUser { by: 0, role: 4 },
            Step::Login { user: 2 },
            Step::Create {
                by: 55,
                owner: Some(7),
                role: None,
            },
        ],
    ]
}

fn run(system: &impl System, runtime: &tokio::runtime::Runtime, cases: u32) {
    for (number, steps) in regressions().iter().enumerate() {
        if let Err(error) = runtime.block_on(run_history(system, usize::MAX - number, steps)) {
            panic!("regression {number}: {error}");
        }
    }
    let mut runner = TestRunner::new(Config {
        cases,
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..Config::default()
    });
    let case = Cell::new(0usize);
    let result = runner.run(&history(), |steps| {
        case.set(case.get() + 1);
        runtime
            .block_on(run_history(system, case.get(), &steps))
            .map_err(TestCaseError::fail)
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

fn no_credential_ever_does_more_than_its_grantors_could_in_process() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let system = runtime.block_on(InProcess::start());
    run(&system, &runtime, cases());
}

fn no_credential_ever_does_more_than_its_grantors_could_through_serve() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let system = runtime.block_on(Served::start());
    run(&system, &runtime, cases() / 10);
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(no_credential_ever_does_more_than_its_grantors_could_in_process),
        test!(no_credential_ever_does_more_than_its_grantors_could_through_serve),
    ]
}
