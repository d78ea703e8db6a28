//! Every environment variable tokenctl reads, in one place.

/// Path of the SQLite token store (same as `--store`).
pub const STORE: &str = "TOKENCTL_STORE";
/// Path of the config file (same as `--config`).
pub const CONFIG: &str = "TOKENCTL_CONFIG";
/// Any value turns colored output off (<https://no-color.org>).
pub const NO_COLOR: &str = "NO_COLOR";
/// Set by CI systems; tokenctl never prompts when it is set.
pub const CI: &str = "CI";

/// True when `name` is set to a non-empty value.
pub fn is_set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|value| !value.is_empty())
}
