//! GitHub's secret scanning partner endpoint against reports signed the
//! way GitHub signs them: ECDSA P-256 / SHA-256 by Python's `cryptography`
//! (a maintained library of another ecosystem), posted raw over HTTP to a
//! real `tokenctl serve`.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tokenctl::model::TokenKind;
use tokenctl::secret::Secret;

use crate::common::{self, Backend, TestEnv};

const KEYS: &str = r#"
import json, sys
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
directory = sys.argv[1]
published = []
for name in ("github", "impostor"):
    key = ec.generate_private_key(ec.SECP256R1())
    with open(f"{directory}/{name}.pem", "wb") as out:
        out.write(key.private_bytes(serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
        serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    if name == "github":
        published.append({"key_identifier": "github-key-1", "key": public, "is_current": True})
with open(f"{directory}/keys.json", "w") as out:
    json.dump({"public_keys": published}, out)
"#;

const SIGN: &str = r#"
import base64, sys
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
with open(sys.argv[1], "rb") as pem:
    key = serialization.load_pem_private_key(pem.read(), password=None)
body = sys.stdin.buffer.read()
print(base64.b64encode(key.sign(body, ec.ECDSA(hashes.SHA256()))).decode())
"#;

/// A private key (`github.pem`, published in `keys.json` as
/// github-key-1) and one nobody published (`impostor.pem`).
fn make_keys(directory: &Path) {
    let output = std::process::Command::new("python3")
        .args(["-c", KEYS])
        .arg(directory)
        .output()
        .expect("python3");
    assert!(output.status.success(), "{}", common::stderr(&output));
}

fn sign(key: &Path, body: &str) -> String {
    let key = key.to_str().expect("utf-8");
    let output = common::python_with_stdin(SIGN, &[key], body.as_bytes());
    assert!(output.status.success(), "{}", common::stderr(&output));
    common::stdout(&output).trim().to_owned()
}

fn post(env: &TestEnv, body: &str, key_id: Option<&str>, signature: Option<&str>) -> (u16, Value) {
    let mut headers = vec![("content-type", "application/json")];
    headers.extend(key_id.map(|id| ("github-public-key-identifier", id)));
    headers.extend(signature.map(|signature| ("github-public-key-signature", signature)));
    let url = format!("{}/v1/leaks/github", env.server_url().expect("server"));
    let answer = common::http_send("POST", &url, &headers, Some(body));
    (answer.status, answer.body)
}

fn status_of(env: &TestEnv, name: &str) -> String {
    env.json(&["show", name])["status"]
        .as_str()
        .expect("status")
        .to_owned()
}

fn a_signed_report_revokes_our_tokens_and_nothing_else_is_believed() {
    common::require_python_modules(&["cryptography"], "pip install cryptography; see .ci/run");
    let keys = tempfile::tempdir().expect("directory");
    make_keys(keys.path());
    let file = keys.path().join("keys.json");
    let env = TestEnv::with_server_flags(
        Backend::RemoteSqlite,
        &["--leak-keys", file.to_str().expect("utf-8")],
    );
    let github: PathBuf = keys.path().join("github.pem");
    let leaked = env.create(&["leaked"]);
    let bystander = env.create(&["bystander"]);
    let lookalike = Secret::generate(TokenKind::Personal).expect("secret");
    let report = json!([
        {"token": leaked, "type": "tokenctl_pat", "url": "https://github.com/acme/api/blob/abc/deploy.sh", "source": "content"},
        {"token": lookalike.expose(), "type": "tokenctl_pat", "url": "https://gist.github.com/x", "source": "gist"},
        {"token": "tcpat_notevenachecksum", "type": "tokenctl_pat", "url": "", "source": "content"},
    ])
    .to_string();

    // Not believed: nothing revoked, each audited as rejected.
    let tampered = report.replace(&leaked, &bystander);
    let good_signature = sign(&github, &report);
    let impostor = sign(&keys.path().join("impostor.pem"), &tampered);
    for (body, key_id, signature) in [
        (
            tampered.as_str(),
            Some("github-key-1"),
            Some(good_signature.as_str()),
        ),
        (
            tampered.as_str(),
            Some("github-key-1"),
            Some(impostor.as_str()),
        ),
        (
            tampered.as_str(),
            Some("made-up-key"),
            Some(impostor.as_str()),
        ),
        (tampered.as_str(), None, None),
        (tampered.as_str(), Some("github-key-1"), Some("not base64!")),
    ] {
        let (status, answer) = post(&env, body, key_id, signature);
        assert_eq!(status, 401, "{key_id:?}: {answer}");
    }
    // Over the body limit, even signed: a JSON 400, not a bare 413.
    let huge = json!([{"token": leaked, "type": "tokenctl_pat", "url": "x".repeat(70_000), "source": "content"}]).to_string();
    let (status, answer) = post(
        &env,
        &huge,
        Some("github-key-1"),
        Some(&sign(&github, &huge)),
    );
    assert_eq!(status, 400, "{answer}");
    assert!(
        answer["error"]["message"]
            .as_str()
            .expect("message")
            .contains("body limit"),
        "{answer}"
    );
    assert_eq!(status_of(&env, "bystander"), "active");
    assert_eq!(status_of(&env, "leaked"), "active");
    let rejected = env.json(&["audit", "--action", "leak.report.rejected"]);
    // The unsigned one was refused before any key was looked at.
    assert_eq!(rejected.as_array().expect("entries").len(), 5, "{rejected}");

    // Believed: ours revoked with where it was found, the rest labelled.
    let (status, feedback) = post(&env, &report, Some("github-key-1"), Some(&good_signature));
    assert_eq!(status, 200, "{feedback}");
    let labels: Vec<&str> = feedback
        .as_array()
        .expect("feedback")
        .iter()
        .map(|item| item["label"].as_str().expect("label"))
        .collect();
    assert_eq!(
        labels,
        ["true_positive", "false_positive", "false_positive"]
    );
    assert_eq!(feedback[0]["token_raw"], json!(leaked));
    assert_eq!(feedback[0]["token_type"], "tokenctl_pat");
    assert_eq!(status_of(&env, "leaked"), "revoked");
    assert_eq!(status_of(&env, "bystander"), "active");
    let revocations = env.json(&["audit", "--token", "leaked", "--action", "token.revoke"]);
    let detail = revocations[0]["detail"].as_str().expect("detail");
    assert!(
        detail.contains(
            "leaked: reported by github at https://github.com/acme/api/blob/abc/deploy.sh"
        ),
        "{detail}"
    );

    // The same report again: the same answer, nothing newly revoked.
    let (status, again) = post(&env, &report, Some("github-key-1"), Some(&good_signature));
    assert_eq!((status, &again), (200, &feedback));
    let reports = env.json(&["audit", "--action", "leak.report"]);
    let details: Vec<&str> = reports
        .as_array()
        .expect("entries")
        .iter()
        .map(|entry| entry["detail"].as_str().expect("detail"))
        .collect();
    assert!(
        details.iter().any(|d| d.contains("1 newly revoked")),
        "{details:?}"
    );
    assert!(
        details.iter().any(|d| d.contains("0 newly revoked")),
        "{details:?}"
    );
    // Malformed JSON with a good signature: 400, nothing done.
    let garbage = "{\"not\": \"an array\"}";
    let signature = sign(&github, garbage);
    let (status, _) = post(&env, garbage, Some("github-key-1"), Some(&signature));
    assert_eq!(status, 400);
    // The server's log never holds a reported token.
    assert!(!env.server_log().contains(&leaked));
}

fn a_server_without_leak_keys_takes_no_reports() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let (status, answer) = post(&env, "[]", Some("k"), Some("c2ln"));
    assert_eq!(status, 404, "{answer}");
    assert!(
        answer["error"]["message"]
            .as_str()
            .is_some_and(|message| message.contains("--leak-keys")),
        "{answer}"
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(a_signed_report_revokes_our_tokens_and_nothing_else_is_believed),
        test!(a_server_without_leak_keys_takes_no_reports),
    ]
}
