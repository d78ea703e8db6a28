//! The token policy's rules, example by example and as properties.

use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::model::{Permissions, User};

fn limit(kind: Option<TokenKind>, role: Option<&str>, days: i64) -> LimitChange {
    LimitChange {
        kind,
        role: role.map(str::to_owned),
        max_seconds: Some(Duration::days(days).num_seconds()),
    }
}

fn with_limits(limits: Vec<LimitChange>) -> TokenPolicy {
    TokenPolicy::default()
        .changed(&PolicyChange {
            max_lifetimes: limits,
            ..PolicyChange::default()
        })
        .expect("a valid change")
}

fn actor(credential: Credential, second_factor: bool) -> Actor {
    Actor {
        user: Arc::new(User::default()),
        permissions: Permissions::new(),
        credential,
        source: "test".into(),
        enrolment_only: false,
        via_token: None,
        second_factor,
    }
}

fn token(kind: TokenKind, role: &str, expires_at: Option<DateTime<Utc>>) -> Token {
    Token {
        kind,
        role: role.into(),
        expires_at,
        ..crate::policy::tests::token("ada", &[])
    }
}

fn days(n: i64) -> Option<Expiry> {
    Some(Expiry::After(Duration::days(n)))
}

#[test]
fn a_refusal_names_the_rule_that_binds() {
    let now = time::now();
    let policy = with_limits(vec![
        limit(None, None, 365),
        limit(Some(TokenKind::Service), None, 180),
        limit(Some(TokenKind::Service), Some("developer"), 90),
    ]);
    let refused = policy
        .expiry(days(400), TokenKind::Service, "developer", now)
        .expect_err("too long");
    assert!(
        refused
            .message
            .contains("service tokens of role developer may live at most 90d"),
        "{}",
        refused.message
    );
    assert_eq!(
        refused.reason,
        Some(Reason::LifetimeTooLong {
            max_seconds: Duration::days(90).num_seconds()
        })
    );
    let refused = policy
        .expiry(days(200), TokenKind::Service, "ci", now)
        .expect_err("too long");
    assert!(
        refused
            .message
            .contains("service tokens may live at most 180d")
    );
    let refused = policy
        .expiry(days(366), TokenKind::Personal, "developer", now)
        .expect_err("too long");
    assert!(refused.message.contains("tokens may live at most 365d"));
    assert_eq!(
        policy.expiry(days(300), TokenKind::Personal, "developer", now),
        Ok(Some(now + Duration::days(300)))
    );
}

#[test]
fn the_default_is_shortened_to_the_binding_limit_but_a_request_never_is() {
    let now = time::now();
    let policy = with_limits(vec![limit(Some(TokenKind::Service), None, 7)]);
    assert_eq!(
        policy.expiry(None, TokenKind::Service, "r", now),
        Ok(Some(now + Duration::days(7)))
    );
    assert_eq!(
        policy.expiry(None, TokenKind::Personal, "r", now),
        Ok(Some(now + Duration::days(30)))
    );
    assert!(
        policy
            .expiry(days(8), TokenKind::Service, "r", now)
            .is_err()
    );
}

#[test]
fn never_is_refused_when_forbidden_or_when_a_limit_applies() {
    let now = time::now();
    let open = TokenPolicy::default();
    assert_eq!(
        open.expiry(Some(Expiry::Never), TokenKind::Personal, "r", now),
        Ok(None)
    );
    let forbidden = TokenPolicy {
        allow_never: false,
        ..TokenPolicy::default()
    };
    let refused = forbidden
        .expiry(Some(Expiry::Never), TokenKind::Personal, "r", now)
        .expect_err("never");
    assert_eq!(refused.reason, Some(Reason::ExpiryRequired));
    let limited = with_limits(vec![limit(None, Some("r"), 30)]);
    assert!(
        limited
            .expiry(Some(Expiry::Never), TokenKind::Personal, "r", now)
            .is_err()
    );
    assert_eq!(
        limited.expiry(Some(Expiry::Never), TokenKind::Personal, "other", now),
        Ok(None)
    );
    let past = Some(Expiry::At(now - Duration::seconds(1)));
    assert!(open.expiry(past, TokenKind::Personal, "r", now).is_err());
}

#[test]
fn two_factor_is_asked_of_sessions_only_when_the_policy_says_so() {
    let open = TokenPolicy::default();
    let strict = TokenPolicy {
        create_requires_2fa: true,
        ..TokenPolicy::default()
    };
    let password_only = actor(Credential::Session(1), false);
    assert!(open.check_creator(&password_only).is_ok());
    let refused = strict.check_creator(&password_only).expect_err("no 2FA");
    assert_eq!(refused.reason, Some(Reason::SecondFactorRequired));
    assert!(
        strict
            .check_creator(&actor(Credential::Session(1), true))
            .is_ok()
    );
    assert!(
        strict
            .check_creator(&actor(Credential::Local, false))
            .is_ok()
    );
    // A token never opened a session with a second factor, whatever it says.
    assert!(
        strict
            .check_creator(&actor(Credential::Token(3), true))
            .is_err()
    );
}

#[test]
fn a_limit_is_set_replaced_and_lifted_by_its_subject() {
    let policy = with_limits(vec![limit(Some(TokenKind::Service), None, 90)]);
    let replaced = policy
        .changed(&PolicyChange {
            max_lifetimes: vec![limit(Some(TokenKind::Service), None, 30)],
            ..PolicyChange::default()
        })
        .expect("replace");
    assert_eq!(replaced.max_lifetimes.len(), 1);
    assert_eq!(
        replaced.max_lifetimes[0].max(),
        Duration::days(30),
        "the new limit replaces the old one"
    );
    let lifted = replaced
        .changed(&PolicyChange {
            max_lifetimes: vec![LimitChange {
                kind: Some(TokenKind::Service),
                role: None,
                max_seconds: None,
            }],
            ..PolicyChange::default()
        })
        .expect("lift");
    assert_eq!(lifted, TokenPolicy::default());
}

#[test]
fn bad_changes_are_refused() {
    let policy = TokenPolicy::default();
    for change in [
        PolicyChange {
            default_lifetime_seconds: Some(59),
            ..PolicyChange::default()
        },
        PolicyChange {
            default_lifetime_seconds: Some(i64::MAX),
            ..PolicyChange::default()
        },
        PolicyChange {
            max_active_tokens_per_user: Some(Some(0)),
            ..PolicyChange::default()
        },
        PolicyChange {
            max_lifetimes: vec![LimitChange {
                kind: None,
                role: Some("bad\u{202e}name".into()),
                max_seconds: Some(86_400),
            }],
            ..PolicyChange::default()
        },
        PolicyChange {
            max_lifetimes: vec![LimitChange {
                kind: None,
                role: None,
                max_seconds: Some(-5),
            }],
            ..PolicyChange::default()
        },
    ] {
        assert!(policy.changed(&change).is_err(), "{change:?}");
    }
    let many: Vec<LimitChange> = (0..=MAX_LIMITS)
        .map(|n| limit(None, Some(&format!("role{n}")), 10))
        .collect();
    assert!(
        policy
            .changed(&PolicyChange {
                max_lifetimes: many,
                ..PolicyChange::default()
            })
            .is_err()
    );
}

#[test]
fn a_null_lifts_the_count_limit_and_an_absent_field_keeps_it() {
    let absent: PolicyChange = serde_json::from_str("{}").expect("json");
    assert_eq!(absent.max_active_tokens_per_user, None);
    let null: PolicyChange =
        serde_json::from_str(r#"{"max_active_tokens_per_user": null}"#).expect("json");
    assert_eq!(null.max_active_tokens_per_user, Some(None));
    let set: PolicyChange =
        serde_json::from_str(r#"{"max_active_tokens_per_user": 5}"#).expect("json");
    assert_eq!(set.max_active_tokens_per_user, Some(Some(5)));
    assert!(serde_json::from_str::<PolicyChange>(r#"{"nope": 1}"#).is_err());
    assert!(serde_json::from_str::<PolicyChange>(r#"{"allow_never": null}"#).is_err());
    // A limit is an object, never the array serde would read as one.
    assert!(serde_json::from_str::<PolicyChange>(r#"{"max_lifetimes": [[null, null]]}"#).is_err());
    let limited = TokenPolicy::default().changed(&set).expect("set");
    assert_eq!(
        limited.changed(&absent).expect("keep"),
        limited,
        "an empty change changes nothing"
    );
    assert_eq!(
        limited.changed(&null).expect("lift"),
        TokenPolicy::default()
    );
}

#[test]
fn check_names_tokens_a_new_policy_would_not_allow() {
    let now = time::now();
    let policy = TokenPolicy {
        allow_never: false,
        ..with_limits(vec![limit(Some(TokenKind::Service), None, 90)])
    };
    let long = token(TokenKind::Service, "r", Some(now + Duration::days(91)));
    assert_eq!(
        policy.breach(&long, now).as_deref(),
        Some("service tokens may live at most 90d")
    );
    let short = token(TokenKind::Service, "r", Some(now + Duration::days(89)));
    assert_eq!(policy.breach(&short, now), None);
    let personal = token(TokenKind::Personal, "r", Some(now + Duration::days(400)));
    assert_eq!(policy.breach(&personal, now), None);
    let never = token(TokenKind::Personal, "r", None);
    assert!(policy.breach(&never, now).is_some());
}

fn kinds() -> impl Strategy<Value = Option<TokenKind>> {
    prop_oneof![
        Just(None),
        Just(Some(TokenKind::Personal)),
        Just(Some(TokenKind::Service))
    ]
}

fn roles() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("a".to_owned())),
        Just(Some("b".to_owned()))
    ]
}

fn limits() -> impl Strategy<Value = Vec<LimitChange>> {
    proptest::collection::vec(
        (kinds(), roles(), 1i64..800).prop_map(|(kind, role, days)| LimitChange {
            kind,
            role,
            max_seconds: Some(Duration::days(days).num_seconds()),
        }),
        0..6,
    )
}

proptest! {
    /// What the policy gives is what was asked, or a refusal: never a
    /// shorter lifetime in its place; and what it gives is within every
    /// limit that applies to the token.
    #[test]
    fn an_expiry_is_the_one_asked_for_and_within_every_limit(
        limits in limits(),
        asked in proptest::option::of(1i64..1000),
        personal in any::<bool>(),
        role in prop_oneof![Just("a"), Just("b"), Just("c")],
    ) {
        let now = time::now();
        let policy = with_limits(limits);
        let kind = if personal { TokenKind::Personal } else { TokenKind::Service };
        let requested = asked.map(|days| Expiry::After(Duration::days(days)));
        if let Ok(expires_at) = policy.expiry(requested, kind, role, now) {
            let expires_at = expires_at.expect("a duration is an expiry");
            if let Some(days) = asked {
                prop_assert_eq!(expires_at, now + Duration::days(days));
            }
            for limit in policy.max_lifetimes.iter().filter(|limit| limit.applies(kind, role)) {
                prop_assert!(expires_at - now <= limit.max());
            }
        } else {
            prop_assert!(asked.is_some(), "the default is always given");
        }
    }

    /// The policy survives its trip through the store as JSON, and is
    /// what its own change makes of the defaults (how a config file's
    /// section is imported and audited).
    #[test]
    fn a_policy_reads_back_as_written(limits in limits(), never in any::<bool>()) {
        let policy = TokenPolicy { allow_never: never, ..with_limits(limits) };
        let text = serde_json::to_string(&policy).expect("json");
        prop_assert_eq!(&serde_json::from_str::<TokenPolicy>(&text).expect("parse"), &policy);
        prop_assert_eq!(TokenPolicy::default().changed(&policy.as_change()).expect("change"), policy);
    }
}
