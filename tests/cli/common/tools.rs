//! Which tools and Python modules this machine has, and what a test does
//! without them; and a second JOSE implementation to check ours against.

use super::*;

/// Whether every one of `tools` is on PATH. A test that needs them skips
/// with a printed reason when they are missing — except under CI, where the
/// missing install step is the failure.
pub fn have_tools(tools: &[&str], install_hint: &str) -> bool {
    let missing = tools
        .iter()
        .copied()
        .filter(|tool| !succeeds("sh", &["-c", &format!("command -v {tool}")]));
    present_or_skip(missing, install_hint)
}

/// Whether `python3` can import every one of `modules`; skips like
/// [`have_tools`].
pub fn have_python_modules(modules: &[&str], install_hint: &str) -> bool {
    let missing = modules
        .iter()
        .copied()
        .filter(|module| !succeeds("python3", &["-c", &format!("import {module}")]));
    present_or_skip(missing, install_hint)
}

pub(crate) fn succeeds(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|output| output.status.success())
}

pub(crate) fn present_or_skip<'a>(
    missing: impl Iterator<Item = &'a str>,
    install_hint: &str,
) -> bool {
    let missing: Vec<&str> = missing.collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs {missing:?} ({install_hint})"
    );
    println!("skipped: {missing:?} not installed here");
    false
}

/// Verifies a JWT with Python's jwcrypto — a JOSE implementation
/// independent of tokenctl's — against the JWK Set it fetches from
/// `jwks_url`, as any resource server would: EdDSA only, `iss` and `aud`
/// as given, not expired. `Ok(claims)`, or `Err(why it refused)`.
pub fn jose_verify(
    jwks_url: &str,
    token: &str,
    issuer: &str,
    audience: &str,
) -> Result<Value, String> {
    const VERIFIER: &str = r#"
import json, sys, urllib.request
from jwcrypto import jwk, jwt
url, issuer, audience = sys.argv[1:4]
token = sys.stdin.read().strip()
with urllib.request.urlopen(url) as answer:
    keys = jwk.JWKSet.from_json(answer.read())
try:
    verified = jwt.JWT(jwt=token, key=keys, algs=["EdDSA"],
                       check_claims={"iss": issuer, "aud": audience, "exp": None})
except Exception as error:
    print(f"refused: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)
print(verified.claims)
"#;
    use std::io::Write;
    let mut child = std::process::Command::new("python3")
        .args(["-c", VERIFIER, jwks_url, issuer, audience])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(token.as_bytes())
        .expect("token");
    let output = child.wait_with_output().expect("python3");
    if output.status.success() {
        serde_json::from_slice(&output.stdout).map_err(|error| error.to_string())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}
