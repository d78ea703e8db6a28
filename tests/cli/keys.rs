//! Signing keys end to end: a rotation keeps sessions working, the JWK Set
//! served over HTTP, replicas sharing one key set file, who may rotate, the
//! files' modes, a local store's own key set, and an independent JOSE
//! implementation (Python's jwcrypto) that verifies sessions from nothing but
//! the JWK Set it fetches.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use common::{ADMIN_PASSWORD, Backend, TestEnv, assert_fails, code, http_request, stderr};

fn jwks(server: &str) -> Value {
    let answer = http_request(
        "GET",
        &format!("{server}/.well-known/jwks.json"),
        None,
        None,
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body
}

/// An object's field names, sorted.
fn fields(object: &Value) -> Vec<&str> {
    object
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn kids(keys: &Value) -> Vec<String> {
    keys.as_array()
        .expect("an array of keys")
        .iter()
        .map(|key| key["kid"].as_str().expect("kid").to_owned())
        .collect()
}

/// The `kid` in a JWT's header.
fn kid_of(jwt: &str) -> String {
    let header = jwt.split('.').next().expect("header");
    let header: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).expect("base64url")).expect("json");
    header["kid"].as_str().expect("kid").to_owned()
}

fn login(server: &str) -> String {
    let body = json!({ "username": ::whoami::username(), "password": ADMIN_PASSWORD });
    let answer = http_request(
        "POST",
        &format!("{server}/v1/login"),
        None,
        Some(&body.to_string()),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body["session"].as_str().expect("session").to_owned()
}

fn me_status(server: &str, session: &str) -> u16 {
    http_request("GET", &format!("{server}/v1/me"), Some(session), None).status
}

fn a_session_from_before_a_rotation_still_works_after_it() {
    for env in TestEnv::servers() {
        let server = env.server_url().expect("server");
        let session = env.session();
        let before = env.json(&["keys", "list"]);
        assert_eq!(kids(&before), [kid_of(&session)]);

        let rotation = env.json(&["keys", "rotate", "--yes"]);
        let new_kid = rotation["active"]["kid"].as_str().expect("kid").to_owned();
        assert_eq!(rotation["retired"][0]["kid"], before[0]["kid"]);

        assert_eq!(me_status(&server, &session), 200, "{:?}", env.backend);
        env.ok(&["whoami"]);
        let fresh = login(&server);
        assert_eq!(kid_of(&fresh), new_kid, "the new key signs");
        assert_eq!(me_status(&server, &fresh), 200);

        let published = jwks(&server);
        assert_eq!(kids(&published["keys"]), [new_kid, kid_of(&session)]);
    }
}

fn the_jwk_set_is_public_cacheable_and_holds_public_keys_only() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let server = env.server_url().expect("server");
    let answer = http_request(
        "GET",
        &format!("{server}/.well-known/jwks.json"),
        None,
        None,
    );
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.headers.get("cache-control").map(|v| v.to_str().ok()),
        Some(Some("max-age=60"))
    );
    let key = &answer.body["keys"][0];
    assert_eq!(fields(key), ["alg", "crv", "kid", "kty", "use", "x"]);
    for (field, value) in [
        ("kty", "OKP"),
        ("crv", "Ed25519"),
        ("alg", "EdDSA"),
        ("use", "sig"),
    ] {
        assert_eq!(key[field], value, "{field}");
    }
    let x = URL_SAFE_NO_PAD
        .decode(key["x"].as_str().expect("x"))
        .expect("base64url without padding");
    assert_eq!(x.len(), 32);
}

fn replicas_sharing_the_key_file_pick_up_a_rotation_within_seconds() {
    let env = TestEnv::with_backend(Backend::RemotePostgres);
    let a = env.server_url().expect("server");
    let replica = env.start_replica();
    let b = replica.url().to_owned();
    let old_session = env.session();
    assert_eq!(kids(&jwks(&b)["keys"]), kids(&jwks(&a)["keys"]));

    let new_kid = env.ok(&["keys", "rotate", "--yes"]).trim().to_owned();
    // Signed by A's new key: B accepts it at once, reading the key file
    // again rather than refusing a kid it has not polled yet.
    let from_a = login(&a);
    assert_eq!(kid_of(&from_a), new_kid);
    assert_eq!(me_status(&b, &from_a), 200);

    let deadline = Instant::now() + Duration::from_secs(5);
    while kids(&jwks(&b)["keys"]).first() != Some(&new_kid) {
        assert!(
            Instant::now() < deadline,
            "replica B never published {new_kid}: {}",
            replica.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(kid_of(&login(&b)), new_kid, "B signs with the new key");
    assert_eq!(
        me_status(&b, &old_session),
        200,
        "the old key still verifies"
    );
}

fn a_bad_key_file_keeps_the_keys_in_use_and_is_logged() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let server = env.server_url().expect("server");
    let before = jwks(&server);
    let path = env.signing_key_path();
    let good = std::fs::read(&path).expect("key file");
    std::fs::write(&path, b"{ half a file").expect("break the key file");

    let deadline = Instant::now() + Duration::from_secs(5);
    let log = || env.server_log();
    while !log().contains("keeping the signing keys in use") {
        assert!(Instant::now() < deadline, "no warning logged: {}", log());
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(log().contains("WARN"), "{}", log());
    assert_eq!(jwks(&server), before);
    assert_eq!(me_status(&server, &env.session()), 200);
    std::fs::write(&path, good).expect("restore");
}

fn only_keys_manage_may_list_or_rotate_keys() {
    for env in TestEnv::servers() {
        env.ok(&["user", "add", "bob", "--role", "developer"]);
        let bobs = env.create(&["bobs", "--for", "bob", "--role", "developer"]);
        let key_file = std::fs::read(env.signing_key_path()).expect("key file");
        let as_bob = |args: &[&str]| {
            env.cmd(args)
                .env("TOKENCTL_TOKEN", &bobs)
                .output()
                .expect("run")
        };
        // A token never rotates keys, whatever its permissions; a developer's
        // own session lacks keys:manage (the local store below shows that).
        assert_fails(
            &as_bob(&["keys", "rotate", "--yes"]),
            4,
            "a token may not rotate the signing key: that needs a login session",
        );
        assert_fails(&as_bob(&["keys", "list"]), 4, "keys:manage");
        assert_eq!(
            std::fs::read(env.signing_key_path()).expect("key file"),
            key_file
        );
        assert_eq!(
            env.json(&["keys", "list"]).as_array().map(Vec::len),
            Some(1)
        );
        assert!(!actions(&env).contains(&"key.rotate".to_owned()));
    }

    let local = TestEnv::new();
    let me = local.me();
    local.sql("UPDATE users SET role = 'developer' WHERE name = ?1", &me);
    let output = local.run(&["keys", "rotate", "--yes"]);
    assert_fails(&output, 4, "needs the keys:manage permission");
    assert!(
        !keys_file(&local.store()).exists(),
        "no key set created for someone who may not manage it"
    );
}

fn actions(env: &TestEnv) -> Vec<String> {
    env.json(&["audit"])
        .as_array()
        .expect("entries")
        .iter()
        .map(|entry| entry["action"].as_str().expect("action").to_owned())
        .collect()
}

fn keys_file(store: &Path) -> std::path::PathBuf {
    tokenctl::jose::file_for_store(store)
}

#[cfg(unix)]
fn key_files_are_private() {
    use common::mode;
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    env.ok(&["keys", "rotate", "--yes"]);
    let local = TestEnv::new();
    local.ok(&["keys", "rotate", "--yes"]);
    for path in [env.signing_key_path(), keys_file(&local.store())] {
        assert_eq!(mode(&path), 0o600, "{}", path.display());
        let lock = format!("{}.lock", path.display());
        assert_eq!(mode(Path::new(&lock)), 0o600, "{lock}");
    }
}

fn a_local_store_has_its_own_key_set() {
    let env = TestEnv::new();
    let listed = env.json(&["keys", "list"]);
    let first = &listed[0];
    assert_eq!(
        fields(first),
        ["created_at", "kid", "publish_until", "retired_at", "status"]
    );
    assert_eq!(first["status"], "active");
    assert!(first["retired_at"].is_null() && first["publish_until"].is_null());
    assert!(keys_file(&env.store()).exists(), "beside the store");

    let rotated = env.run(&["keys", "rotate", "--yes"]);
    assert_eq!(code(&rotated), 0, "{}", stderr(&rotated));
    let new_kid = common::stdout(&rotated).trim().to_owned();
    assert!(stderr(&rotated).contains("keeps verifying until"));

    let table = env.ok(&["keys", "list"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].starts_with("KID") && lines[0].ends_with("PUBLISHED UNTIL"),
        "{table}"
    );
    assert!(
        lines[1].starts_with(&new_kid) && lines[1].contains("active"),
        "{table}"
    );
    assert!(
        lines[2].starts_with(first["kid"].as_str().expect("kid")),
        "{table}"
    );
    assert!(
        lines[2].contains("retired") && lines[2].contains("(in 1d)"),
        "{table}"
    );

    let rotation = env.json(&["keys", "rotate", "--yes"]);
    assert_eq!(fields(&rotation), ["active", "dropped", "retired"]);
    assert_eq!(rotation["retired"][0]["kid"], new_kid.as_str());
    assert_eq!(rotation["retired"][0]["status"], "retired");
    assert_eq!(
        env.json(&["keys", "list"]).as_array().map(Vec::len),
        Some(3)
    );

    let other_store = env.root().join("other.db");
    let other = env.json(&[
        "keys",
        "list",
        "--store",
        other_store.to_str().expect("utf-8"),
    ]);
    assert_ne!(
        other[0]["kid"], rotation["active"]["kid"],
        "stores never share keys"
    );
}

fn rotations_are_audited_without_key_material() {
    let env = TestEnv::new();
    let old = env.json(&["keys", "list"])[0]["kid"].clone();
    let new = env.ok(&["keys", "rotate", "--yes"]).trim().to_owned();
    let audit = env.json(&["audit"]);
    let entry = audit
        .as_array()
        .expect("entries")
        .iter()
        .find(|entry| entry["action"] == "key.rotate")
        .expect("a key.rotate entry");
    let detail = entry["detail"].as_str().expect("detail");
    assert!(detail.contains(&new), "{detail}");
    assert!(detail.contains(old.as_str().expect("kid")), "{detail}");
    let file: Value =
        serde_json::from_slice(&std::fs::read(keys_file(&env.store())).expect("key file"))
            .expect("json");
    for key in file["keys"].as_array().expect("keys") {
        let pkcs8 = key["pkcs8"].as_str().expect("pkcs8");
        assert!(
            !audit.to_string().contains(&pkcs8[20..40]),
            "key material audited"
        );
    }
}

fn rotating_needs_confirmation_without_a_terminal() {
    let env = TestEnv::new();
    let before = env.json(&["keys", "list"]);
    assert_fails(&env.run(&["keys", "rotate"]), 2, "pass --yes to confirm");
    assert_eq!(env.json(&["keys", "list"]), before);
}

// --- an independent verifier -----------------------------------------------

/// `Ok(subject)` or `Err(why)` from the independent verifier.
fn python_verify(jwks_url: &str, token: &str) -> Result<String, String> {
    common::jose_verify(jwks_url, token, "tokenctl", "tokenctl")
        .map(|claims| claims["sub"].as_str().unwrap_or_default().to_owned())
}

fn another_jose_implementation_verifies_sessions_from_the_jwk_set_alone() {
    common::require_python_modules(
        &["jwcrypto"],
        "python3 -m pip install jwcrypto; see .ci/run",
    );
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let server = env.server_url().expect("server");
    let url = format!("{server}/.well-known/jwks.json");
    let session = env.session();
    let me = ::whoami::username();
    assert_eq!(python_verify(&url, &session), Ok(me.clone()));

    env.ok(&["keys", "rotate", "--yes"]);
    assert_eq!(python_verify(&url, &session), Ok(me.clone()), "old key");
    assert_eq!(
        python_verify(&url, &login(&server)),
        Ok(me.clone()),
        "new key"
    );

    let parts: Vec<&str> = session.split('.').collect();
    let claims =
        String::from_utf8(URL_SAFE_NO_PAD.decode(parts[1]).expect("claims")).expect("utf-8");
    let promoted = claims.replace(&format!("\"sub\":\"{me}\""), "\"sub\":\"root-admin\"");
    let tampered = [parts[0], &URL_SAFE_NO_PAD.encode(promoted), parts[2]].join(".");

    let now = chrono::Utc::now();
    let unpublished = tokenctl::jose::KeySet::generate(now).expect("keys");
    let foreign = tokenctl::auth::issue_session(&unpublished, &me, 0, "s1", &["pwd"], now)
        .expect("sign")
        .0;
    // The same foreign signature under a published kid.
    let header = URL_SAFE_NO_PAD.encode(format!(
        r#"{{"typ":"JWT","alg":"EdDSA","kid":"{}"}}"#,
        kid_of(&session)
    ));
    let foreign_parts: Vec<&str> = foreign.split('.').collect();
    let borrowed_kid = [header.as_str(), foreign_parts[1], foreign_parts[2]].join(".");

    for (what, token) in [
        ("tampered", tampered),
        ("unpublished key", foreign),
        ("unpublished key, published kid", borrowed_kid),
    ] {
        let verdict = python_verify(&url, &token);
        assert!(verdict.is_err(), "jwcrypto accepted the {what} token");
        assert_eq!(
            me_status(&server, &token),
            401,
            "tokenctl accepted the {what} token"
        );
    }
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(a_session_from_before_a_rotation_still_works_after_it),
        test!(the_jwk_set_is_public_cacheable_and_holds_public_keys_only),
        test!(replicas_sharing_the_key_file_pick_up_a_rotation_within_seconds),
        test!(a_bad_key_file_keeps_the_keys_in_use_and_is_logged),
        test!(only_keys_manage_may_list_or_rotate_keys),
        test!(key_files_are_private),
        test!(a_local_store_has_its_own_key_set),
        test!(rotations_are_audited_without_key_material),
        test!(rotating_needs_confirmation_without_a_terminal),
        test!(another_jose_implementation_verifies_sessions_from_the_jwk_set_alone),
    ]
}
