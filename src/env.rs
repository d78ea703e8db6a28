//! Every environment variable tokenctl reads, in one place.

/// Path of the SQLite token store (same as `--store`).
pub const STORE: &str = "TOKENCTL_STORE";
/// URL of a token server (same as `--server`).
pub const SERVER: &str = "TOKENCTL_SERVER";
/// A saved server + user to use (same as `--profile`).
pub const PROFILE: &str = "TOKENCTL_PROFILE";
/// A token secret or session to authenticate with; wins over a stored
/// session. The CI path: no login, no keyring.
pub const TOKEN: &str = "TOKENCTL_TOKEN";
/// A PEM file of extra CA certificates to trust for the server's TLS (a
/// private CA, or a self-signed server).
pub const CA_CERT: &str = "TOKENCTL_CA_CERT";
/// `serve --init-admin`: the first admin's password (else one is generated).
pub const INIT_ADMIN_PASSWORD: &str = "TOKENCTL_INIT_ADMIN_PASSWORD";
/// The password of the user `serve --smtp` names, for its relay.
pub const SMTP_PASSWORD: &str = "TOKENCTL_SMTP_PASSWORD";
/// Path of the config file (same as `--config`).
pub const CONFIG: &str = "TOKENCTL_CONFIG";
/// Any value turns colored output off (<https://no-color.org>).
pub const NO_COLOR: &str = "NO_COLOR";
/// Set by CI systems; tokenctl never prompts when it is set.
pub const CI: &str = "CI";
/// `exchange --oidc gitlab`: the job's ID token, declared under GitLab's
/// `id_tokens:`.
pub const ID_TOKEN: &str = "TOKENCTL_ID_TOKEN";
/// GitHub Actions: where a job with `id-token: write` asks for its ID
/// token, and the bearer token that asks.
pub const ACTIONS_ID_TOKEN_REQUEST_URL: &str = "ACTIONS_ID_TOKEN_REQUEST_URL";
pub const ACTIONS_ID_TOKEN_REQUEST_TOKEN: &str = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

/// The credential in `TOKENCTL_TOKEN`, trimmed; `None` when it is unset or
/// blank. The one reading of it: which credential a command sends, whether
/// `status` counts the caller as authenticated, and what `exchange` trades.
pub fn token() -> Option<String> {
    let value = std::env::var(TOKEN).ok()?;
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// True when `name` is set to a non-empty value.
pub fn is_set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|value| !value.is_empty())
}
