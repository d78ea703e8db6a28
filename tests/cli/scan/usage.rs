//! Usage.

use super::*;

fn usage_errors_exit_2() {
    let env = TestEnv::new();
    assert_fails(&scan(&env, &["--yes", "x"]), 2, "--revoke");
    assert_fails(&scan(&env, &["--staged", "x"]), 2, "cannot be used with");
    let (finds, output) = scan_json(&env, &["--store", &no_store(&env), "-"]);
    assert_eq!(finds, Vec::<Value>::new());
    assert_eq!(code(&output), 0);
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![test!(usage_errors_exit_2)]
}
