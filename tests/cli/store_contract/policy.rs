//! The token policy as store data: concurrent changes all land, and the
//! count of active tokens holds however many creates race.

use super::*;

use tokenctl::policy::token_policy::{LimitChange, PolicyChange};

fn limit(kind: Option<TokenKind>, role: &str, days: i64) -> PolicyChange {
    PolicyChange {
        max_lifetimes: vec![LimitChange {
            kind,
            role: Some(role.to_owned()),
            max_seconds: Some(Duration::days(days).num_seconds()),
        }],
        ..PolicyChange::default()
    }
}

/// Eight admins change the policy at once, each a different limit: every
/// change is in the policy afterwards (none overwrote another's), and each
/// is audited once.
pub(crate) async fn concurrent_policy_changes_all_land(f: &Fixture) {
    let admin = f.admin().await;
    let kinds = [None, Some(TokenKind::Personal), Some(TokenKind::Service)];
    let roles = ["admin", "developer", "support"];
    let changes: Vec<PolicyChange> = roles
        .iter()
        .flat_map(|role| kinds.iter().map(move |kind| limit(*kind, role, 10)))
        .take(8)
        .collect();
    let results = futures_util::future::join_all(
        changes
            .iter()
            .map(|change| f.service.set_token_policy(&admin, change.clone())),
    )
    .await;
    for result in &results {
        assert!(result.is_ok(), "{result:?}");
    }
    let policy = f.service.token_policy().await.expect("policy");
    assert_eq!(policy.max_lifetimes.len(), 8, "{policy:?}");
    let audited = f
        .store
        .audit_entries(&AuditFilter {
            action: Some("policy.set".to_owned()),
            ..AuditFilter::default()
        })
        .await
        .expect("audit");
    assert_eq!(audited.len(), 8, "{audited:?}");
}

/// With at most 3 active tokens per user, 12 creates at once make exactly 3
/// (the rest are told why), and a revoke makes room for one more.
pub(crate) async fn the_most_active_tokens_holds_against_concurrent_creates(f: &Fixture) {
    let admin = f.admin().await;
    let most = PolicyChange {
        max_active_tokens_per_user: Some(Some(3)),
        ..PolicyChange::default()
    };
    f.service
        .set_token_policy(&admin, most)
        .await
        .expect("set the count");
    let results = futures_util::future::join_all((0..12).map(|n| {
        f.service
            .create_token(&admin, request(&format!("racer-{n}")))
    }))
    .await;
    let made: Vec<&CreatedToken> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(made.len(), 3, "{results:?}");
    for refused in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(refused.kind, ErrorKind::Conflict, "{refused:?}");
        assert!(
            refused.message.contains("the most the token policy allows"),
            "{}",
            refused.message
        );
    }
    f.service
        .revoke(&admin, &TokenRef::Id(made[0].token.id), None)
        .await
        .expect("revoke");
    f.create(&admin, request("after-a-revoke")).await;
    assert!(
        f.service
            .create_token(&admin, request("one-too-many"))
            .await
            .is_err()
    );
}
