//! The token policy as the store keeps it: read for every new secret (no
//! cache: a tightened policy holds from the next request on, on every
//! replica), changed by those with `policy:manage`, checked against the
//! tokens that exist.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::model::{Permission, Status};
use crate::policy::token_policy::{OwnerBreach, PolicyChange, PolicyCheck, TokenBreach};
use crate::policy::{self, Actor, Operation, TokenPolicy};
use crate::store::{AuditRecord, Rows, StoreError, StoredPolicy, TokenFilter};

use super::TokenService;

/// Times a change is made again over a policy another change overtook: of
/// N changes at once one lands each round, so N of them all land.
const CHANGE_ATTEMPTS: usize = 16;
/// Tokens read at a time by `policy check`.
const CHECK_PAGE: usize = 500;

/// What became of a config file's `[policy]` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyImport {
    /// The store had no policy: the section's is now the store's.
    Moved,
    /// The store's policy is the section's already.
    Same,
    /// The store has a policy of its own, which is the one that applies.
    Ignored,
}

impl TokenService {
    /// The policy in force: the store's, or the defaults when none was set.
    pub async fn token_policy(&self) -> Result<TokenPolicy> {
        Ok(self.stored_policy().await?.0)
    }

    async fn stored_policy(&self) -> Result<(TokenPolicy, i64)> {
        match self.store.token_policy().await? {
            None => Ok((TokenPolicy::default(), 0)),
            Some(StoredPolicy { document, revision }) => {
                let policy = serde_json::from_str(&document).map_err(|error| {
                    Error::internal(format!("the stored token policy is unreadable: {error}"))
                })?;
                Ok((policy, revision))
            }
        }
    }

    /// Makes `change` (needs `policy:manage` and a person), audited as
    /// `policy.set`; returns the policy now in force.
    pub async fn set_token_policy(
        &self,
        actor: &Actor,
        change: PolicyChange,
    ) -> Result<TokenPolicy> {
        policy::check(actor, Operation::SetPolicy)?;
        // Its shape first: a malformed change is a 400 whatever the roles.
        TokenPolicy::default().changed(&change)?;
        for role in change
            .max_lifetimes
            .iter()
            .filter_map(|limit| limit.role.as_deref())
        {
            self.role(role).await?;
        }
        let detail = TokenPolicy::describe(&change);
        for _ in 0..CHANGE_ATTEMPTS {
            let (current, revision) = self.stored_policy().await?;
            let changed = current.changed(&change)?;
            let audit = self.audit_record(actor, "policy.set", detail.clone());
            if self.write_policy(&changed, revision, audit).await? {
                return Ok(changed);
            }
        }
        Err(Error::conflict(
            "the token policy kept changing meanwhile; try again",
        ))
    }

    /// Writes `policy` over `revision`; false when another change came
    /// first, so the caller reads the policy again.
    async fn write_policy(
        &self,
        policy: &TokenPolicy,
        revision: i64,
        audit: AuditRecord,
    ) -> Result<bool> {
        let document = serde_json::to_string(policy)
            .map_err(|error| Error::internal(format!("cannot write the token policy: {error}")))?;
        match self
            .store
            .replace_token_policy(revision, document, self.now(), audit)
            .await
        {
            Ok(_) => Ok(true),
            Err(StoreError::Conflict(_)) => Ok(false),
            Err(error) => Err(error.into()),
        }
    }

    /// The existing tokens the policy would not allow now, and the owners
    /// over its count (needs `tokens:read-all`): what tightening it left
    /// behind. Read a page at a time, so the check holds only what it finds.
    pub async fn check_token_policy(&self, actor: &Actor) -> Result<PolicyCheck> {
        actor.require(
            Permission::TokensReadAll,
            "check every token against the policy",
        )?;
        let policy = self.token_policy().await?;
        let now = self.now();
        let mut check = PolicyCheck::default();
        let mut counts: BTreeMap<String, u64> = BTreeMap::new();
        for status in [Status::Active, Status::Idle] {
            let mut after = None;
            loop {
                let filter = TokenFilter {
                    status: Some(status),
                    rows: Rows {
                        after,
                        limit: Some(CHECK_PAGE),
                    },
                    ..TokenFilter::default()
                };
                let tokens = self.store.tokens(&filter, now).await?;
                after = tokens.last().map(|token| token.id);
                let full = tokens.len() == CHECK_PAGE;
                for token in tokens {
                    *counts.entry(token.owner.clone()).or_default() += 1;
                    if let Some(rule) = policy.breach(&token, now) {
                        check.tokens.push(TokenBreach { token, rule });
                    }
                }
                if !full {
                    break;
                }
            }
        }
        check.tokens.sort_by_key(|breach| breach.token.id);
        if let Some(max) = policy.max_active_tokens_per_user {
            check.owners = counts
                .into_iter()
                .filter(|(_, active)| *active > u64::from(max))
                .map(|(owner, active_tokens)| OwnerBreach {
                    owner,
                    active_tokens,
                    max,
                })
                .collect();
        }
        Ok(check)
    }

    /// Copies a config file's `[policy]` section (read from `from`) into a
    /// store that has no policy yet, audited as `policy.set`; the section
    /// is a migration source and nothing more, so a store with a policy of
    /// its own keeps it.
    pub async fn import_token_policy(
        &self,
        section: &TokenPolicy,
        from: &str,
    ) -> Result<PolicyImport> {
        let (current, revision) = self.stored_policy().await?;
        if revision != 0 {
            return Ok(if current == *section {
                PolicyImport::Same
            } else {
                PolicyImport::Ignored
            });
        }
        let audit = AuditRecord {
            at: self.now(),
            actor: "tokenctl".to_owned(),
            action: "policy.set",
            token_id: None,
            detail: format!(
                "imported the [policy] section of {from}: {}",
                TokenPolicy::describe(&section.as_change())
            ),
            source: from.to_owned(),
            via_token: None,
            event: None,
        };
        if self.write_policy(section, 0, audit).await? {
            return Ok(PolicyImport::Moved);
        }
        // Another process imported it (or set one) first.
        let current = self.token_policy().await?;
        Ok(if current == *section {
            PolicyImport::Same
        } else {
            PolicyImport::Ignored
        })
    }
}
