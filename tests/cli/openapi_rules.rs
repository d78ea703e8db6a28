//! The constraints `src/server/openapi.json` states — patterns, lengths —
//! are the rules the code applies, not a guess at them: for random text,
//! the document's pattern accepts exactly what `policy::check_name`,
//! `check_description` and `check_reason` accept, a secret's documented
//! shape is what `Secret::parse` reads (its checksum aside), and every
//! documented duration is an expiry the server takes.
//!
//! schemathesis (tests/schemathesis.rs) generates requests from these
//! patterns; a pattern looser than the code shows there as a refused valid
//! request, a stricter one as a part of the API nobody tests.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use proptest::prelude::*;
use regex::Regex;
use serde_json::Value;

use tokenctl::model::TokenKind;
use tokenctl::policy;
use tokenctl::secret::{Secret, SecretError};
use tokenctl::time::{Expiry, MAX_SPAN_SECONDS};

const DOCUMENT: &str = include_str!("../../src/server/openapi.json");

static SCHEMAS: LazyLock<Value> = LazyLock::new(|| {
    let doc: Value = serde_json::from_str(DOCUMENT).expect("openapi.json is valid JSON");
    doc["components"]["schemas"].clone()
});

static PATTERNS: LazyLock<Mutex<HashMap<String, Regex>>> = LazyLock::new(Mutex::default);

fn schema(name: &str) -> &'static Value {
    &SCHEMAS[name]
}

/// The document's pattern as a regex, compiled once. The document's
/// patterns use only syntax that ECMA-262, Python and the `regex` crate
/// read alike.
fn pattern(schema: &Value) -> Regex {
    let text = schema["pattern"].as_str().expect("a pattern");
    let mut compiled = PATTERNS.lock().expect("not poisoned");
    compiled
        .entry(text.to_owned())
        .or_insert_with(|| {
            Regex::new(text).unwrap_or_else(|error| panic!("pattern {text}: {error}"))
        })
        .clone()
}

fn max_length(schema: &Value) -> usize {
    let length = schema["maxLength"].as_u64().expect("a maxLength");
    usize::try_from(length).expect("small")
}

/// What the document allows for a string of `schema`: its pattern, its
/// length bounds, and a `not` pattern if it has one.
fn documented(schema: &Value, text: &str) -> bool {
    let length = text.chars().count();
    let min = schema["minLength"].as_u64().unwrap_or(0);
    let excluded = schema["not"]["pattern"]
        .as_str()
        .map(|not| pattern(&serde_json::json!({ "pattern": not })).is_match(text))
        .unwrap_or(false);
    pattern(schema).is_match(text)
        && u64::try_from(length).expect("small") >= min
        && length <= max_length(schema)
        && !excluded
}

/// Plain text (letters of several scripts, digits, spaces) with up to three
/// characters the rules are about put anywhere in it: controls, newlines,
/// invisible and direction-changing characters, Unicode spaces, or any
/// character at all. One such character in otherwise good text is where a
/// pattern and a rule can disagree.
fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    let plain = prop_oneof![
        6 => proptest::char::range('a', 'z'),
        2 => proptest::char::range('0', '9'),
        2 => Just(' '),
        1 => Just('é'),
        1 => Just('ж'),
        1 => Just('名'),
        1 => Just('😀'),
        1 => Just('-'),
    ];
    let tricky = prop_oneof![
        4 => proptest::sample::select(vec![
            ' ', '\t', '\n', '\r', '\u{0}', '\u{1b}', '\u{7f}', '\u{85}', '\u{a0}', '\u{ad}',
            '\u{61c}', '\u{180e}', '\u{200b}', '\u{200f}', '\u{2028}', '\u{202e}', '\u{2060}',
            '\u{2066}', '\u{206f}', '\u{3000}', '\u{feff}', '\u{fffa}',
        ]),
        // Every C0 and C1 control, and the characters around them.
        2 => proptest::char::range('\u{0}', '\u{a0}'),
        2 => proptest::char::range('\u{2000}', '\u{2070}'),
        1 => any::<char>(),
    ];
    (
        proptest::collection::vec(plain, 0..max),
        proptest::collection::vec((any::<proptest::sample::Index>(), tricky), 0..4),
    )
        .prop_map(|(mut chars, insertions)| {
            for (at, character) in insertions {
                let index = at.index(chars.len() + 1);
                chars.insert(index, character);
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    fn names_follow_the_documented_pattern(text in tricky_text(70)) {
        let name = schema("Name");
        prop_assert_eq!(
            documented(name, &text),
            policy::check_name("token", &text).is_ok(),
            "{:?}", text
        );
    }

    fn descriptions_follow_the_documented_pattern(text in tricky_text(520)) {
        let description = schema("Description");
        prop_assert_eq!(
            documented(description, &text),
            policy::check_description(&text).is_ok(),
            "{:?}", text
        );
    }

    fn trust_policy_fields_follow_the_documented_pattern(text in tricky_text(270)) {
        let rule = &schema("ClaimRule")["properties"];
        for (documented_as, max) in [
            (&rule["key"], policy::MAX_CLAIM_NAME_LEN),
            (&rule["pattern"], policy::MAX_FIELD_LEN),
            (&schema("NewTrustPolicy")["properties"]["audience"], policy::MAX_FIELD_LEN),
            (schema("IssuerUrl"), policy::MAX_FIELD_LEN),
        ] {
            prop_assert_eq!(
                documented(documented_as, &text),
                policy::check_field("field", &text, max).is_ok(),
                "{:?}", text
            );
        }
    }

    fn revocation_reasons_follow_the_documented_pattern(text in tricky_text(310)) {
        let reason = schema("RevocationReason");
        prop_assert_eq!(
            documented(reason, &text),
            policy::check_reason(&text).is_ok(),
            "{:?}", text
        );
    }

    /// A value of the documented shape is refused, if at all, only for its
    /// checksum; a value of any other shape is never a secret.
    fn secrets_have_the_documented_shape(
        prefix in prop_oneof![Just("tcpat_"), Just("tcsvc_"), Just("tcxyz_"), Just("")],
        body in "[0-9A-Za-z_.-]{30,40}",
    ) {
        let text = format!("{prefix}{body}");
        let shaped = pattern(schema("TokenSecret")).is_match(&text);
        match Secret::parse(&text) {
            Ok(_) => prop_assert!(shaped, "{} parsed but is not of the documented shape", text),
            Err(SecretError::ChecksumMismatch) => prop_assert!(shaped, "{}", text),
            Err(_) => prop_assert!(!shaped, "{} is of the documented shape", text),
        }
    }

    /// Every duration the document offers is one the server takes, and
    /// lies within the longest span it takes at all.
    fn documented_durations_are_expiries(amount in 0u32..100_000, unit in "[smhdwyx]") {
        let text = format!("{amount}{unit}");
        let documented = schema("Expiry")["anyOf"]
            .as_array()
            .expect("anyOf")
            .iter()
            .filter(|choice| choice.get("pattern").is_some())
            .any(|choice| pattern(choice).is_match(&text));
        if documented {
            match Expiry::parse(&text) {
                Ok(Expiry::After(span)) => prop_assert!(
                    span.num_seconds() > 0 && span.num_seconds() <= MAX_SPAN_SECONDS,
                    "{}", text
                ),
                other => prop_assert!(false, "{} is documented but reads as {:?}", text, other),
            }
        }
    }
}

fn generated_secrets_have_the_documented_shape() {
    let shape = pattern(schema("TokenSecret"));
    for kind in TokenKind::ALL {
        for _ in 0..100 {
            let secret = Secret::generate(kind).expect("a secret");
            assert!(shape.is_match(secret.expose()), "{kind}");
        }
    }
}

fn documented_lengths_are_the_codes() {
    assert_eq!(max_length(schema("Name")), policy::MAX_NAME_LEN);
    assert_eq!(
        max_length(schema("Description")),
        policy::MAX_DESCRIPTION_LEN
    );
    assert_eq!(
        max_length(schema("RevocationReason")),
        policy::MAX_REASON_LEN
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(names_follow_the_documented_pattern),
        test!(descriptions_follow_the_documented_pattern),
        test!(trust_policy_fields_follow_the_documented_pattern),
        test!(revocation_reasons_follow_the_documented_pattern),
        test!(secrets_have_the_documented_shape),
        test!(documented_durations_are_expiries),
        test!(generated_secrets_have_the_documented_shape),
        test!(documented_lengths_are_the_codes),
    ]
}
