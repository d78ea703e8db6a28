//! Tells the integration tests whether they run under CI: `cfg(ci)` when the
//! `CI` variable is set, as CI services set it. A test that needs a component
//! from outside Rust (PostgreSQL, a Secret Service, an X server, Node, Python
//! modules, wrk) is `#[cfg_attr(not(ci), ignore = "needs …")]`: on a
//! developer's machine `cargo test` reports it as ignored, with the
//! component named, instead of as a pass; under CI, which installs every
//! component, it runs and a missing component fails it. Nothing outside
//! `tests/` reads this cfg.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rustc-check-cfg=cfg(ci)");
    if std::env::var_os("CI").is_some_and(|value| !value.is_empty()) {
        println!("cargo::rustc-cfg=ci");
    }
}
