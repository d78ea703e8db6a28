//! The test binary's own harness (libtest-mimic): the same command line and
//! report as the built-in one, plus what the built-in one lacks — a test can
//! find out at run time that a component it needs is missing and be reported
//! as *ignored*, with the component named, instead of passing without having
//! run. Under CI, which installs every component, a missing one fails the
//! test instead.
//!
//! Each module lists its tests in a `tests()` function (`test!(name)`), and
//! `main.rs` gathers the modules' lists. A test function that is in no list
//! is dead code, which the build refuses (clippy's `-D warnings`); a
//! `#[test]` attribute would compile to nothing here, which `layout` refuses.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{PoisonError, RwLock};

use libtest_mimic::{Arguments, Completion, Failed, Trial};

/// One test: its full name, what runs it, and whether it must run alone.
#[derive(Clone, Copy)]
pub(crate) struct Test {
    name: &'static str,
    body: fn(),
    alone: bool,
}

impl Test {
    pub(crate) fn new(name: &'static str, body: fn()) -> Test {
        Test {
            name,
            body,
            alone: false,
        }
    }

    /// For a test that measures latency or time under a load of its own
    /// making: no other test runs beside it, so its bounds measure the
    /// server, not the neighbour.
    pub(crate) fn alone(self) -> Test {
        Test {
            alone: true,
            ..self
        }
    }
}

/// Held shared by every running test and exclusively by one that runs
/// alone (the lock prefers writers, so a waiting one gets its turn).
static RUNNING: RwLock<()> = RwLock::new(());

/// `test!(name)` for a `fn name()` (`.alone()` to run it with no other
/// test beside it); `test!(async name)` for an `async fn`
/// run on a current-thread runtime, `test!(async multi_thread name)` on a
/// multi-threaded one.
macro_rules! test {
    ($name:ident) => {
        $crate::harness::Test::new(concat!(module_path!(), "::", stringify!($name)), $name)
    };
    (async $name:ident) => {
        $crate::harness::Test::new(concat!(module_path!(), "::", stringify!($name)), || {
            $crate::harness::current_thread().block_on($name())
        })
    };
    (async multi_thread $name:ident) => {
        $crate::harness::Test::new(concat!(module_path!(), "::", stringify!($name)), || {
            $crate::harness::multi_thread().block_on($name())
        })
    };
}

pub(crate) fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

pub(crate) fn multi_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// Why a test did not run: carried by the unwind that [`skip`] starts.
struct Skipped(String);

/// Ends the running test as ignored, because `missing` is not here — or,
/// under CI, where every component must be present, as failed.
pub(crate) fn skip(missing: &str) -> ! {
    if under_ci() {
        panic!("CI needs {missing}; .ci/run installs it");
    }
    panic::resume_unwind(Box::new(Skipped(format!("needs {missing}"))))
}

pub(crate) fn under_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| !value.is_empty())
}

/// Runs `tests` as the command line asks, and exits with the result.
pub(crate) fn run(tests: Vec<Test>) -> ! {
    let arguments = Arguments::from_args();
    let trials = tests.into_iter().map(trial).collect();
    libtest_mimic::run(&arguments, trials).exit()
}

fn trial(test: Test) -> Trial {
    let name = test.name.strip_prefix("cli::").unwrap_or(test.name);
    Trial::ignorable_test(name, move || {
        match panic::catch_unwind(AssertUnwindSafe(|| run_one(test))) {
            Ok(()) => Ok(Completion::Completed),
            Err(payload) => match payload.downcast::<Skipped>() {
                Ok(skipped) => Ok(Completion::ignored_with(skipped.0)),
                Err(payload) => Err(Failed::from(panic_message(&*payload))),
            },
        }
    })
}

/// Runs the test beside the others, or alone. A test that failed holding
/// the lock leaves it poisoned; that says nothing about the next one.
fn run_one(test: Test) {
    if test.alone {
        let _alone = RUNNING.write().unwrap_or_else(PoisonError::into_inner);
        (test.body)();
    } else {
        let _beside_others = RUNNING.read().unwrap_or_else(PoisonError::into_inner);
        (test.body)();
    }
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    let text = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("(a panic without a message)");
    format!("test panicked: {text}")
}
