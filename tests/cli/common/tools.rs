//! Which tools and Python modules this machine has, and what a test does
//! without them; and a second JOSE implementation to check ours against.

use super::*;

/// Skips the test (fails it under CI) unless every one of `tools` is on
/// PATH; `install_hint` says where to get them.
pub fn require_tools(tools: &[&str], install_hint: &str) {
    let missing = tools
        .iter()
        .copied()
        .filter(|tool| !succeeds("sh", &["-c", &format!("command -v {tool}")]));
    require_all(missing, install_hint);
}

/// Skips the test like [`require_tools`] unless `python3` can import every
/// one of `modules`.
pub fn require_python_modules(modules: &[&str], install_hint: &str) {
    let missing = modules
        .iter()
        .copied()
        .filter(|module| !succeeds("python3", &["-c", &format!("import {module}")]));
    require_all(missing, install_hint);
}

pub(crate) fn succeeds(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|output| output.status.success())
}

fn require_all<'a>(missing: impl Iterator<Item = &'a str>, install_hint: &str) {
    let missing: Vec<&str> = missing.collect();
    if !missing.is_empty() {
        crate::harness::skip(&format!("{} ({install_hint})", missing.join(", ")));
    }
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
    let output = python_with_stdin(VERIFIER, &[jwks_url, issuer, audience], token.as_bytes());
    if output.status.success() {
        serde_json::from_slice(&output.stdout).map_err(|error| error.to_string())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// Runs a Python `script` with `args`, `stdin` on its standard input.
pub fn python_with_stdin(script: &str, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("stdin");
    child.wait_with_output().expect("python3")
}

/// What jq itself (another implementation than the jaq inside tokenctl)
/// prints of `document` with these arguments.
pub fn jq(args: &[&str], document: &str) -> String {
    use std::io::Write;
    let mut jq = std::process::Command::new("jq")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("jq (installed by .ci/run)");
    jq.stdin
        .take()
        .expect("stdin")
        .write_all(document.as_bytes())
        .expect("write to jq");
    let output = jq.wait_with_output().expect("jq runs");
    assert!(output.status.success(), "jq {args:?}");
    String::from_utf8(output.stdout).expect("utf-8")
}
