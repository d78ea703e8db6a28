//! JOSE, reviewable on its own: the key set and its JWK form (`set`), JWS
//! signing and verification (`jws`), the memo of verified tokens (`memo`),
//! and the shared key file with its lock and reload (`file`).
//!
//! The signing key set: the Ed25519 keys that sign what tokenctl issues
//! (login sessions now, short-lived access tokens for CI next), and the JWK
//! Set (RFC 7517, RFC 8037) that lets anyone verify those tokens.
//!
//! Exactly one key signs. Rotating makes a new key the signer and keeps the
//! old one *published* — still accepted, still in the JWK Set — until the
//! last token it can have signed has expired, so a rotation never cuts off a
//! token in flight and a verifier with a cached JWK Set keeps working.
//!
//! The set lives in one private JSON file that every replica of a service
//! shares. A rotation rewrites it atomically (temporary file, then rename)
//! under an exclusive lock on a `.lock` file beside it, so two rotations at
//! once keep both new keys; readers notice the change through
//! [`LiveKeys::refresh`].
//!
//! One concern a file: `set.rs` (the keys and their JWK Set), `jws.rs` (the
//! one way tokenctl signs and checks a JWT), `memo.rs` (tokens already
//! verified) and `file.rs` (the shared file, its lock and its reload).

mod file;
mod jws;
mod memo;
mod seal;
mod set;

use chrono::{DateTime, Duration, Utc};

pub use file::{LiveKeys, file_for_store};
pub use jws::{Rules, validation, verify_with};
pub use memo::VerifiedTokens;
pub use seal::SealingKey;
pub use set::{Jwk, JwkSet, KeyInfo, KeySet, KeyStatus, Rotation};

/// The longest lifetime of anything tokenctl signs. Sessions last 60
/// minutes; the access tokens of `exchange` are capped here. A retired key
/// stays published this long (plus [`CLOCK_LEEWAY`]) after its last
/// signature, which is what makes rotation safe.
pub const MAX_TOKEN_LIFETIME: Duration = Duration::hours(24);

/// How far past `exp` a token is still accepted, for clocks that disagree
/// a little between replicas.
pub const CLOCK_LEEWAY: Duration = Duration::seconds(30);

/// Claims that say when they are valid. [`KeySet::verify`] checks them
/// against the caller's clock rather than the library's, so that every
/// check in one request uses the same `now`.
pub trait Expiring {
    /// `exp`, in Unix seconds.
    fn expires(&self) -> i64;
    /// `iat`, in Unix seconds.
    fn issued(&self) -> i64;
    /// `nbf`, in Unix seconds, when the claims have one.
    fn not_before(&self) -> Option<i64>;

    /// Whether tokenctl accepts these claims at `now`, give or take
    /// [`CLOCK_LEEWAY`]: not expired, not issued in the future, not valid
    /// only later, and not made to live longer than `max_lifetime` — the
    /// longest tokenctl ever issues this kind of token for. What tokenctl
    /// signs always passes; a token that doesn't (a forgery with a stolen
    /// key, a peer with a wrong clock) is refused rather than trusted for
    /// years.
    fn valid_at(&self, now: DateTime<Utc>, max_lifetime: Duration) -> bool {
        let now = now.timestamp();
        let leeway = CLOCK_LEEWAY.num_seconds();
        let lifetime = self.expires().saturating_sub(self.issued());
        self.expires().saturating_add(leeway) >= now
            && self.issued() <= now.saturating_add(leeway)
            && self
                .not_before()
                .is_none_or(|nbf| nbf <= now.saturating_add(leeway))
            && lifetime <= max_lifetime.num_seconds()
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;
    use std::sync::Arc;

    use aws_lc_rs::signature::{Ed25519KeyPair, KeyPair};
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use jsonwebtoken::Validation;
    use serde::{Deserialize, Serialize};

    use super::set::kid_of;
    use super::*;

    #[derive(Debug, Serialize, Deserialize)]
    struct Claims {
        sub: String,
        exp: i64,
        iat: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        nbf: Option<i64>,
    }

    impl Expiring for Claims {
        fn expires(&self) -> i64 {
            self.exp
        }

        fn issued(&self) -> i64 {
            self.iat
        }

        fn not_before(&self) -> Option<i64> {
            self.nbf
        }
    }

    /// Long enough for the hypothetical long-lived claim sets below, which
    /// test a key's window rather than the lifetime cap.
    const MAX_LIFETIME: Duration = Duration::days(3);

    fn rules(validation: &Validation) -> Rules<'_> {
        Rules {
            typ: "JWT",
            validation,
            max_lifetime: MAX_LIFETIME,
        }
    }

    /// Claims for alice issued at `iat`, expiring at `exp`.
    fn claims(iat: DateTime<Utc>, exp: DateTime<Utc>) -> Claims {
        Claims {
            sub: "alice".to_owned(),
            exp: exp.timestamp(),
            iat: iat.timestamp(),
            nbf: None,
        }
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).expect("time")
    }

    const T0: i64 = 1_900_000_000;

    /// A session-like token for alice, good for an hour.
    fn token(set: &KeySet, now: DateTime<Utc>) -> String {
        token_of_typ(set, "JWT", now)
    }

    fn token_of_typ(set: &KeySet, typ: &str, now: DateTime<Utc>) -> String {
        set.sign(typ, &claims(now, now + Duration::hours(1)))
            .expect("sign")
    }

    fn accepts(set: &KeySet, token: &str, now: DateTime<Utc>) -> bool {
        set.verify::<Claims>(token, &rules(&validation()), now)
            .is_some()
    }

    fn kids(infos: &[KeyInfo]) -> Vec<&str> {
        infos.iter().map(|info| info.kid.as_str()).collect()
    }

    #[test]
    fn rotation_keeps_the_old_key_published_for_the_longest_token_lifetime() {
        let now = at(T0);
        let first = KeySet::generate(now).expect("set");
        let old = token(&first, now);
        let later = now + Duration::minutes(10);
        let (second, rotation) = first.rotated(later).expect("rotate");

        let publish_until = later + MAX_TOKEN_LIFETIME + CLOCK_LEEWAY;
        assert_eq!(rotation.retired.len(), 1);
        assert_eq!(rotation.retired[0].retired_at, Some(later));
        assert_eq!(rotation.retired[0].publish_until, Some(publish_until));
        assert!(rotation.dropped.is_empty());
        let infos = second.infos(later);
        assert_eq!(
            kids(&infos),
            [rotation.active.kid.as_str(), &rotation.retired[0].kid]
        );
        assert_eq!(infos[0].status, KeyStatus::Active);
        assert_eq!(infos[1].status, KeyStatus::Retired);

        assert!(accepts(&second, &old, later), "a token in flight survives");
        let new = token(&second, later);
        let header = jsonwebtoken::decode_header(&new).expect("header");
        assert_eq!(header.kid.as_deref(), Some(rotation.active.kid.as_str()));
        assert!(accepts(&second, &new, later));
        assert!(
            !accepts(&first, &new, later),
            "the old set lacks the new key"
        );

        let after_window = publish_until + Duration::seconds(1);
        assert_eq!(
            kids(&second.infos(after_window)),
            [rotation.active.kid.as_str()]
        );
        assert_eq!(second.jwks(after_window).keys.len(), 1);
    }

    #[test]
    fn keys_past_their_window_are_dropped_at_the_next_rotation() {
        let now = at(T0);
        let (second, first_rotation) = KeySet::generate(now)
            .expect("set")
            .rotated(now)
            .expect("rotate");
        let within = now + Duration::hours(1);
        let (third, rotation) = second.rotated(within).expect("rotate");
        assert!(rotation.dropped.is_empty(), "still inside its window");
        assert_eq!(third.keys.len(), 3);

        let past = now + MAX_TOKEN_LIFETIME + Duration::minutes(1);
        let (fourth, rotation) = third.rotated(past).expect("rotate");
        assert_eq!(rotation.dropped, [first_rotation.retired[0].kid.clone()]);
        assert_eq!(fourth.keys.len(), 3);
        assert!(
            fourth
                .infos(past)
                .iter()
                .all(|info| info.kid != rotation.dropped[0]),
            "a dropped key is never published"
        );
    }

    #[test]
    fn the_jwk_set_is_rfc_8037_shaped() {
        let set = KeySet::generate(at(T0)).expect("set");
        let jwks = serde_json::to_value(set.jwks(at(T0))).expect("json");
        let key = &jwks["keys"][0];
        assert_eq!(key["kty"], "OKP");
        assert_eq!(key["crv"], "Ed25519");
        assert_eq!(key["alg"], "EdDSA");
        assert_eq!(key["use"], "sig");
        assert_eq!(key["kid"], set.keys[0].record.kid.as_str());
        let x = URL_SAFE_NO_PAD
            .decode(key["x"].as_str().expect("x"))
            .expect("base64url without padding");
        assert_eq!(x, set.keys[0].public);
        assert_eq!(key.as_object().map(serde_json::Map::len), Some(6));
    }

    #[test]
    fn tampered_unknown_kid_and_foreign_tokens_are_rejected() {
        let now = at(T0);
        let set = KeySet::generate(now).expect("set");
        let good = token(&set, now);
        assert!(accepts(&set, &good, now));
        let parts: Vec<&str> = good.split('.').collect();
        let header = |json: &str| URL_SAFE_NO_PAD.encode(json);
        let kid = &set.keys[0].record.kid;
        let reject = [
            (
                "tampered claims",
                format!(
                    "{}.{}.{}",
                    parts[0],
                    URL_SAFE_NO_PAD.encode(format!(
                        r#"{{"sub":"root","exp":{},"iat":{T0}}}"#,
                        (now + Duration::hours(1)).timestamp()
                    )),
                    parts[2]
                ),
            ),
            (
                "alg none",
                format!(
                    "{}.{}.",
                    header(&format!(r#"{{"typ":"JWT","alg":"none","kid":"{kid}"}}"#)),
                    parts[1]
                ),
            ),
            (
                "no kid",
                format!(
                    "{}.{}.{}",
                    header(r#"{"typ":"JWT","alg":"EdDSA"}"#),
                    parts[1],
                    parts[2]
                ),
            ),
            (
                "unknown kid",
                format!(
                    "{}.{}.{}",
                    header(r#"{"typ":"JWT","alg":"EdDSA","kid":"0000000000000000"}"#),
                    parts[1],
                    parts[2]
                ),
            ),
            (
                "HS256 keyed with the public key",
                format!(
                    "{}.{}.{}",
                    header(&format!(r#"{{"typ":"JWT","alg":"HS256","kid":"{kid}"}}"#)),
                    parts[1],
                    parts[2]
                ),
            ),
            (
                "foreign key",
                token(&KeySet::generate(now).expect("set"), now),
            ),
            (
                "another typ (an access token where a session is expected)",
                token_of_typ(&set, "at+jwt", now),
            ),
            ("garbage", "not.a.jwt".to_owned()),
        ];
        for (what, token) in reject {
            assert!(!accepts(&set, &token, now), "{what} was accepted");
        }
        let expired = now + Duration::hours(1) + CLOCK_LEEWAY + Duration::seconds(1);
        assert!(!accepts(&set, &good, expired), "expired");
        assert!(accepts(&set, &good, now + Duration::hours(1)), "leeway");
    }

    #[test]
    fn tokens_from_the_future_or_living_too_long_are_refused() {
        let now = at(T0);
        let set = KeySet::generate(now).expect("set");
        let leeway = CLOCK_LEEWAY;
        let signed = |claims: &Claims| set.sign("JWT", claims).expect("sign");
        let hour = Duration::hours(1);
        let later = |nbf: DateTime<Utc>| Claims {
            nbf: Some(nbf.timestamp()),
            ..claims(now, now + hour)
        };
        let cases = [
            ("issued now", claims(now, now + hour), true),
            (
                "iat within the leeway",
                claims(now + leeway, now + hour),
                true,
            ),
            (
                "iat beyond the leeway",
                claims(now + leeway + Duration::seconds(1), now + hour),
                false,
            ),
            (
                "iat a day ahead",
                claims(now + Duration::days(1), now + Duration::days(1) + hour),
                false,
            ),
            ("nbf within the leeway", later(now + leeway), true),
            ("nbf an hour ahead", later(now + hour), false),
            (
                "exactly the longest lifetime",
                claims(now, now + MAX_LIFETIME),
                true,
            ),
            (
                "a second longer",
                claims(now, now + MAX_LIFETIME + Duration::seconds(1)),
                false,
            ),
            ("ten years", claims(now, now + Duration::days(3650)), false),
            (
                "iat at i64::MIN",
                Claims {
                    iat: i64::MIN,
                    ..claims(now, now + hour)
                },
                false,
            ),
        ];
        for (what, claims, accepted) in cases {
            assert_eq!(accepts(&set, &signed(&claims), now), accepted, "{what}");
        }
        let far = Claims {
            exp: i64::MAX,
            iat: i64::MAX,
            ..claims(now, now)
        };
        assert!(
            !accepts(&set, &signed(&far), now),
            "exp and iat at i64::MAX"
        );
    }

    #[test]
    fn a_remembered_token_is_accepted_only_while_its_key_set_would_accept_it() {
        let now = at(T0);
        let first = Arc::new(KeySet::generate(now).expect("set"));
        let good = token(&first, now);
        let verified = VerifiedTokens::<Claims>::new("JWT", MAX_LIFETIME);
        let check = |set: &Arc<KeySet>, token: &str, now| {
            verified.verify(set, token, &validation(), now).is_some()
        };
        assert!(check(&first, &good, now));
        assert!(check(&first, &good, now), "remembered");

        let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
        parts[1] =
            URL_SAFE_NO_PAD.encode(format!(r#"{{"sub":"root","exp":9999999999,"iat":{T0}}}"#));
        assert!(!check(&first, &parts.join("."), now), "altered claims");

        let expired = now + Duration::hours(1) + CLOCK_LEEWAY + Duration::seconds(1);
        assert!(!check(&first, &good, expired), "expired");

        let foreign = Arc::new(KeySet::generate(now).expect("set"));
        assert!(!check(&foreign, &good, now), "another key set");

        // A claim set outliving its key's window (tokenctl never signs one)
        // stops with the window, as the key set itself would stop it.
        let (second, rotation) = first.rotated(now).expect("rotate");
        let second = Arc::new(second);
        let until = rotation.retired[0].publish_until.expect("window");
        let long = claims(now, until + Duration::days(1));
        let long = first.sign("JWT", &long).expect("sign");
        assert!(check(&second, &long, until - Duration::seconds(1)));
        assert!(!check(&second, &long, until), "the key's window ended");
    }

    #[test]
    fn a_retired_key_stops_verifying_when_its_window_ends() {
        let now = at(T0);
        let first = KeySet::generate(now).expect("set");
        let old = token(&first, now);
        let (second, rotation) = first.rotated(now).expect("rotate");
        let until = rotation.retired[0].publish_until.expect("window");
        // A hypothetical long-lived claim set, to test the window itself.
        let long = claims(now, until + Duration::days(1));
        let long = first.sign("JWT", &long).expect("sign");
        assert!(accepts(&second, &old, now));
        assert!(accepts(&second, &long, until - Duration::seconds(1)));
        assert!(!accepts(&second, &long, until));
    }

    #[test]
    fn debug_output_never_shows_private_keys() {
        let set = KeySet::generate(at(T0)).expect("set");
        let shown = format!("{set:?}");
        assert!(shown.contains(&set.keys[0].record.kid));
        assert!(!shown.contains(&set.keys[0].record.pkcs8[..16]));
        assert!(shown.contains("redacted"));
    }

    #[test]
    fn the_file_is_private_and_round_trips() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("new/keys.json");
        let live = LiveKeys::open(&path).expect("create");
        let again = LiveKeys::open(&path).expect("read");
        assert_eq!(
            kids(&live.current().infos(at(T0))),
            kids(&again.current().infos(at(T0)))
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().expect("dir")), 0o700);
            live.rotate(crate::time::now()).expect("rotate");
            assert_eq!(mode(&path), 0o600, "still private after a rotation");
        }
    }

    #[test]
    fn the_sealing_key_is_made_once_kept_through_rotations_and_shared() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("keys.json");
        let live = LiveKeys::open(&path).expect("create");
        let other = LiveKeys::open(&path).expect("a replica");
        let version = || -> serde_json::Value {
            serde_json::from_slice(&fs::read(&path).expect("read")).expect("json")
        };
        assert_eq!(
            version()["version"],
            1,
            "no sealing key until one is needed"
        );
        let sealed = live
            .sealing_key()
            .expect("made")
            .seal("test", b"kept")
            .expect("seal");
        assert_eq!(version()["version"], 2, "older builds refuse the file");
        let opens = |keys: &LiveKeys| keys.sealing_key().expect("key").unseal("test", &sealed);
        assert_eq!(
            opens(&other).expect("the replica reads the same key"),
            b"kept"
        );
        live.rotate(crate::time::now()).expect("rotate");
        let reopened = LiveKeys::open(&path).expect("read");
        assert_eq!(opens(&reopened).expect("kept through a rotation"), b"kept");
        assert!(
            !format!("{:?}", reopened.current()).contains(&version()["sealing_key"].to_string())
        );
    }

    #[test]
    fn a_legacy_pkcs8_file_is_a_one_key_set_until_the_first_rotation() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("signing-key.pk8");
        let document =
            Ed25519KeyPair::generate_pkcs8(&aws_lc_rs::rand::SystemRandom::new()).expect("key");
        crate::files::write_private(&path, document.as_ref()).expect("write");

        let live = LiveKeys::open(&path).expect("legacy file");
        let now = crate::time::now();
        let legacy = live.current();
        let infos = legacy.infos(now);
        assert_eq!(infos.len(), 1);
        let pair = Ed25519KeyPair::from_pkcs8(document.as_ref()).expect("pair");
        assert_eq!(infos[0].kid, kid_of(pair.public_key().as_ref()));
        let old = token(&legacy, now);
        assert_eq!(
            fs::read(&path).expect("read"),
            document.as_ref(),
            "untouched"
        );

        let rotation = live.rotate(now).expect("rotate");
        assert_eq!(rotation.retired[0].kid, infos[0].kid);
        let bytes = fs::read(&path).expect("read");
        let file: serde_json::Value = serde_json::from_slice(&bytes).expect("now JSON");
        assert_eq!(file["version"], 1);
        assert_eq!(file["keys"].as_array().map(Vec::len), Some(2));
        assert!(
            accepts(&live.current(), &old, now),
            "its sessions still verify"
        );
    }

    #[test]
    fn concurrent_rotations_keep_every_key() {
        const THREADS: usize = 6;
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("keys.json");
        let first = LiveKeys::open(&path).expect("create");
        let now = crate::time::now();
        let new_kids: Vec<String> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..THREADS)
                .map(|_| {
                    // Each thread as its own replica: its own view of the file.
                    let live = LiveKeys::open(&path).expect("open");
                    scope.spawn(move || live.rotate(now).expect("rotate").active.kid)
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().expect("thread"))
                .collect()
        });
        assert!(first.refresh().expect("refresh"), "the file changed");
        let infos = first.current().infos(now);
        assert_eq!(infos.len(), THREADS + 1, "no rotation lost a key");
        for kid in &new_kids {
            assert!(infos.iter().any(|info| &info.kid == kid), "{kid} lost");
        }
        let active: Vec<&KeyInfo> = infos
            .iter()
            .filter(|info| info.status == KeyStatus::Active)
            .collect();
        assert_eq!(active.len(), 1, "one signer");
    }

    #[test]
    fn refresh_picks_up_changes_and_keeps_the_old_set_on_a_bad_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("keys.json");
        let reader = LiveKeys::open(&path).expect("create");
        assert!(!reader.refresh().expect("unchanged"));
        let writer = LiveKeys::open(&path).expect("open");
        let rotation = writer.rotate(crate::time::now()).expect("rotate");
        assert!(reader.refresh().expect("changed"));
        let now = crate::time::now();
        assert_eq!(reader.current().infos(now)[0].kid, rotation.active.kid);

        fs::write(&path, b"{ not json").expect("break the file");
        let error = reader.refresh().expect_err("bad file");
        assert!(error.message.contains("not valid"), "{}", error.message);
        assert!(!reader.refresh().expect("reported once"));
        assert_eq!(reader.current().infos(now)[0].kid, rotation.active.kid);
    }

    #[test]
    fn a_newer_format_is_refused() {
        let bytes = br#"{"version": 3, "keys": []}"#;
        let error = KeySet::parse(bytes, at(T0)).expect_err("newer");
        assert!(
            error.message.contains("newer tokenctl"),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_store_gets_its_own_key_file() {
        assert_eq!(
            file_for_store(Path::new("/srv/tokens/store.db")),
            Path::new("/srv/tokens/store.db.keys.json")
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// No string makes JWT header decoding or verification panic;
            /// none of them verifies.
            #[test]
            fn any_text_is_refused(text in any::<String>()) {
                let set = KeySet::generate(at(T0)).expect("set");
                prop_assert!(!accepts(&set, &text, at(T0)));
            }

            /// Three base64url parts of arbitrary JSON-ish bytes: decoded
            /// or refused, never accepted without our signature.
            #[test]
            fn forged_looking_tokens_are_refused(
                header in proptest::collection::vec(any::<u8>(), 0..64),
                payload in proptest::collection::vec(any::<u8>(), 0..64),
                signature in proptest::collection::vec(any::<u8>(), 0..64),
                kid in "[a-zA-Z0-9_-]{0,12}",
            ) {
                let set = KeySet::generate(at(T0)).expect("set");
                let parts = [header, payload, signature].map(|part| URL_SAFE_NO_PAD.encode(part));
                prop_assert!(!accepts(&set, &parts.join("."), at(T0)));
                let header = URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"EdDSA","typ":"JWT","kid":"{kid}"}}"#));
                let forged = format!("{header}.{}.{}", parts[1], parts[2]);
                prop_assert!(!accepts(&set, &forged, at(T0)));
            }
        }
    }
}
