//! Trust policies as every store keeps them, and the once-only record of
//! the ID tokens exchanged under them.

use super::*;
use tokenctl::model::{ClaimRule, TrustPolicy};
use tokenctl::store::{AuditRecord, ClaimingAudit, IdTokenUse};

fn record(action: &'static str, detail: &str) -> AuditRecord {
    AuditRecord {
        at: time::now(),
        actor: ADMIN.to_owned(),
        action,
        token_id: None,
        detail: detail.to_owned(),
        source: "test".to_owned(),
        via_token: None,
        event: None,
    }
}

pub(crate) fn policy(name: &str, issuer: &str) -> TrustPolicy {
    TrustPolicy {
        name: name.to_owned(),
        issuer: issuer.to_owned(),
        audience: "https://tokens.example.com".to_owned(),
        claims: vec![
            ClaimRule {
                key: "repository".to_owned(),
                pattern: "acme/*".to_owned(),
            },
            ClaimRule {
                key: "workflow_ref".to_owned(),
                pattern: "acme/api/.github/workflows/\"deploy\" ü.yml@*".to_owned(),
            },
        ],
        role: Some("developer".to_owned()),
        permissions: [Permission::ApiRead, Permission::TokensRead].into(),
        stripped_permissions: [Permission::UsersManage].into(),
        owner: "bob".to_owned(),
        max_ttl_seconds: 900,
        description: "deploys of acme".to_owned(),
        created_by: ADMIN.to_owned(),
        created_at: DateTime::from_timestamp(1_790_000_000, 0).expect("time"),
    }
}

pub(crate) async fn trust_policies_are_added_found_listed_and_removed(f: &Fixture) {
    f.add_user("bob", "developer").await;
    let github = "https://token.actions.githubusercontent.com";
    let gitlab = "https://gitlab.example.com";
    for (name, issuer) in [("deploy", github), ("api-ci", github), ("gl", gitlab)] {
        f.store
            .insert_trust_policy(&policy(name, issuer), record("trust.add", name))
            .await
            .expect("added");
    }
    let found = f
        .store
        .trust_policy("deploy")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(found, policy("deploy", github), "every field round-trips");
    let names = |policies: Vec<TrustPolicy>| {
        policies
            .into_iter()
            .map(|policy| policy.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(f.store.trust_policies(None).await.expect("all")),
        ["api-ci", "deploy", "gl"]
    );
    assert_eq!(
        names(f.store.trust_policies(Some(github)).await.expect("github")),
        ["api-ci", "deploy"]
    );
    assert!(
        f.store
            .trust_policies(Some("https://elsewhere"))
            .await
            .expect("none")
            .is_empty()
    );

    // A taken name, or an owner who is not a user, changes nothing.
    let mut other = policy("deploy", gitlab);
    let taken = f
        .store
        .insert_trust_policy(&other, record("trust.add", "again"))
        .await
        .expect_err("taken");
    assert!(matches!(taken, StoreError::Conflict(_)), "{taken:?}");
    other.name = "nobody's".to_owned();
    other.owner = "nobody".to_owned();
    let missing = f
        .store
        .insert_trust_policy(&other, record("trust.add", "nobody"))
        .await
        .expect_err("no such owner");
    assert!(matches!(missing, StoreError::NotFound(_)), "{missing:?}");
    assert_eq!(f.store.trust_policies(None).await.expect("all").len(), 3);

    f.store
        .delete_trust_policy("deploy", record("trust.remove", "deploy"))
        .await
        .expect("removed");
    assert_eq!(f.store.trust_policy("deploy").await.expect("read"), None);
    let gone = f
        .store
        .delete_trust_policy("deploy", record("trust.remove", "again"))
        .await
        .expect_err("already gone");
    assert!(matches!(gone, StoreError::NotFound(_)), "{gone:?}");

    // Each change that happened was audited with it, and only those.
    for (action, count) in [("trust.add", 3), ("trust.remove", 1)] {
        let entries = f
            .store
            .audit_entries(&AuditFilter {
                action: Some(action.to_owned()),
                ..AuditFilter::default()
            })
            .await
            .expect("audit");
        assert_eq!(entries.len(), count, "{action}");
    }
}

/// An exchange's audit entry that takes the ID token (`issuer`, `jti`).
pub(crate) fn exchange_of(
    issuer: &str,
    jti: &str,
    expires_at: chrono::DateTime<chrono::Utc>,
) -> ClaimingAudit {
    ClaimingAudit {
        audit: record("token.exchange", jti),
        claim: Some(IdTokenUse {
            issuer: issuer.to_owned(),
            jti: jti.to_owned(),
            expires_at,
        }),
    }
}

/// Whether the exchange of one ID token was written (its `jti` fresh) at `now`.
pub(crate) async fn exchanged_once(
    store: &dyn tokenctl::store::Store,
    entry: ClaimingAudit,
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    let fresh = store
        .append_audits_claiming(vec![entry], now)
        .await
        .expect("append");
    fresh[0]
}

pub(crate) async fn an_id_token_is_exchanged_once_until_it_expires(f: &Fixture) {
    let now = time::now();
    let issuer = "https://token.actions.githubusercontent.com";
    let expires = now + Duration::minutes(5);
    let claim =
        |issuer, jti, at| exchanged_once(f.store.as_ref(), exchange_of(issuer, jti, expires), at);
    assert!(claim(issuer, "job-1", now).await);
    assert!(!claim(issuer, "job-1", now).await, "a replay");
    assert!(claim(issuer, "job-2", now).await);
    assert!(
        claim("https://gitlab.com", "job-1", now).await,
        "another issuer's"
    );
    // In one batch: a replay within it, and an entry that takes nothing.
    let plain = ClaimingAudit {
        audit: record("token.exchange", "plain"),
        claim: None,
    };
    let batch = vec![
        exchange_of(issuer, "job-3", expires),
        exchange_of(issuer, "job-3", expires),
        plain,
        exchange_of(issuer, "job-1", expires),
    ];
    let fresh = f
        .store
        .append_audits_claiming(batch, now)
        .await
        .expect("batch");
    assert_eq!(fresh, [true, false, true, false]);
    // Only the fresh entries were written: job-1, job-2, job-1 (GitLab's),
    // job-3 and the plain one.
    let written = f
        .store
        .audit_entries(&AuditFilter {
            action: Some("token.exchange".to_owned()),
            ..AuditFilter::default()
        })
        .await
        .expect("audit");
    assert_eq!(written.len(), 5, "{written:?}");
    // Once expired, the record goes (an expired token is refused anyway),
    // and one that has not expired stays.
    let later = expires + Duration::seconds(1);
    let next = later + Duration::minutes(5);
    let again = exchange_of(issuer, "job-1", next);
    assert!(exchanged_once(f.store.as_ref(), again.clone(), later).await);
    assert!(!exchanged_once(f.store.as_ref(), again, later).await);
}
