//! Trust policies: which CI jobs may exchange the OpenID Connect ID token
//! their CI provider minted for them (workload identity federation), for
//! whose authority, and the checks an ID token passes before an exchange.
//! The pure rules are `federation::trust`'s and `policy`'s; this applies
//! them over the store.

use chrono::Duration;

use crate::error::{Error, Result};
use crate::exchange::{LOCAL_ISSUER, MIN_TTL};
use crate::federation::{self, Condition, IdToken, Issuers, Rejection};
use crate::jose::MAX_TOKEN_LIFETIME;
use crate::model::{ClaimRule, Permission, Permissions, TrustPolicy};
use crate::policy::{self, Act, Actor, Credential, Operation};
use crate::requests::{NewTrustPolicy, TrustVerdict, TrustVerdicts};
use crate::store::{AuditRecord, IdTokenUse};

use super::TokenService;

/// The longest access token a policy issues when its author names none.
pub const DEFAULT_TRUST_TTL: Duration = Duration::minutes(15);

/// At most this many claim rules: a policy stays a line or two of the
/// audit log and of `trust list`.
const MAX_RULES: usize = 16;

/// How much of a refused token's own words (its issuer, say) the audit
/// entry keeps: whoever sent it chose them.
const MAX_QUOTED: usize = 120;

/// An exchange a trust policy admitted: the owner acting through the
/// policy, and what the audit entry says about the CI job.
pub(super) struct Federated {
    pub actor: Actor,
    pub policy: TrustPolicy,
    pub token: IdToken,
}

/// Why a federated exchange failed: the token's fault (audited, a generic
/// `invalid_grant` on the wire), or the server's.
pub(super) enum FederationFailure {
    Refused(String),
    Server(Error),
}

impl From<crate::store::StoreError> for FederationFailure {
    fn from(error: crate::store::StoreError) -> FederationFailure {
        FederationFailure::Server(error.into())
    }
}

impl Federated {
    /// The longest the access token may live: the policy's cap.
    pub(super) fn max_ttl(&self) -> Duration {
        Duration::seconds(self.policy.max_ttl_seconds)
    }

    /// The ID token's one use, taken with the exchange's audit entry.
    pub(super) fn id_token_use(&self) -> IdTokenUse {
        IdTokenUse {
            issuer: self.token.issuer.clone(),
            jti: self.token.jti.clone().unwrap_or_default(),
            expires_at: self.token.expires_at,
        }
    }

    /// Why the exchange was refused when its ID token had been taken.
    pub(super) fn replayed(&self) -> String {
        format!(
            "the ID token {} was exchanged before (a replay)",
            quoted(self.token.jti.as_deref().unwrap_or_default())
        )
    }

    /// The audit log's words for the CI job: policy, issuer, subject, the
    /// repository and ref claims, jti.
    pub(super) fn describe(&self) -> String {
        let claim = |key: &str| {
            self.token
                .claims
                .get(key)
                .and_then(|value| value.as_str())
                .map(|value| format!(", {key} {}", quoted(value)))
                .unwrap_or_default()
        };
        format!(
            "via trust policy '{}': issuer {}, subject {}{}{}{}{}, jti {}",
            self.policy.name,
            quoted(&self.token.issuer),
            quoted(&self.token.subject),
            claim("repository"),
            claim("project_path"),
            claim("ref"),
            claim("environment"),
            quoted(self.token.jti.as_deref().unwrap_or_default()),
        )
    }
}

impl TokenService {
    /// Adds a trust policy. Its permissions follow the rule for tokens:
    /// what both the author and the owner hold of the role's (or of the
    /// scopes named); the rest is stripped and reported.
    pub async fn add_trust_policy(
        &self,
        actor: &Actor,
        request: NewTrustPolicy,
    ) -> Result<TrustPolicy> {
        policy::check_name("trust policy", &request.name)?;
        policy::check_description(&request.description)?;
        let condition = self.condition(&request)?;
        let max_ttl = trust_ttl(request.max_ttl_seconds)?;
        let owner_name = request.owner.as_deref().unwrap_or(&actor.user.name);
        policy::check(
            actor,
            Operation::AddTrustPolicy {
                for_other: owner_name != actor.user.name,
            },
        )?;
        let owner = self.active_user(owner_name).await?;
        let owner_role = self.role(&owner.role).await?;
        let wanted: Permissions = match (&request.role, request.scopes.is_empty()) {
            (Some(role), true) => self.requested_role(role).await?.permissions.clone(),
            (None, false) => request.scopes.iter().copied().collect(),
            (Some(_), false) => {
                return Err(Error::invalid(
                    "a trust policy takes a role or scopes, not both",
                ));
            }
            (None, true) => {
                return Err(Error::invalid(
                    "a trust policy needs a role or scopes: what may the CI jobs it admits do?",
                )
                .with_hint("add --role ROLE or --scope PERMISSION"));
            }
        };
        let grant = policy::decide(
            actor,
            &Act::AddTrustPolicy {
                owner: &owner,
                owner_permissions: &owner_role.permissions,
                permissions: &wanted,
            },
        )?;
        let now = self.now();
        let trust = TrustPolicy {
            name: request.name,
            issuer: condition.issuer,
            audience: condition.audience,
            claims: condition.claims,
            role: request.role,
            permissions: grant.granted,
            stripped_permissions: grant.stripped,
            owner: owner.name.clone(),
            max_ttl_seconds: max_ttl.num_seconds(),
            description: request.description,
            created_by: actor.user.name.clone(),
            created_at: now,
        };
        let audit = self.audit_record(actor, "trust.add", added_detail(&trust));
        self.store.insert_trust_policy(&trust, audit).await?;
        Ok(trust)
    }

    /// Every trust policy (needs `trust:manage`: a policy says which CI
    /// jobs hold whose authority).
    pub async fn trust_policies(&self, actor: &Actor) -> Result<Vec<TrustPolicy>> {
        actor.require(Permission::TrustManage, "see trust policies")?;
        Ok(self.store.trust_policies(None).await?)
    }

    pub async fn trust_policy(&self, actor: &Actor, name: &str) -> Result<TrustPolicy> {
        actor.require(Permission::TrustManage, "see trust policies")?;
        self.stored_trust_policy(name).await
    }

    /// Removes a trust policy: the CI jobs it admitted can exchange no
    /// more, and the access tokens it issued stop working at once.
    pub async fn remove_trust_policy(&self, actor: &Actor, name: &str) -> Result<TrustPolicy> {
        policy::decide(actor, &Act::RemoveTrustPolicy)?;
        let trust = self.stored_trust_policy(name).await?;
        let detail = format!(
            "removed trust policy '{name}' (issuer {}, owner {})",
            trust.issuer, trust.owner
        );
        let audit = self.audit_record(actor, "trust.remove", detail);
        self.store.delete_trust_policy(name, audit).await?;
        self.credentials_changed().await;
        Ok(trust)
    }

    /// How the policy `name` (every policy trusting the token's issuer
    /// when `None`) judges `token`, claim by claim, after checking its
    /// signature against the issuer's keys. Nothing is exchanged: the
    /// token can still be used.
    pub async fn test_trust(
        &self,
        actor: &Actor,
        name: Option<&str>,
        token: &str,
    ) -> Result<TrustVerdicts> {
        actor.require(Permission::TrustManage, "test trust policies")?;
        let policies = match name {
            Some(name) => vec![self.stored_trust_policy(name).await?],
            None => self.store.trust_policies(None).await?,
        };
        let conditions = conditions(&policies);
        let token =
            federation::verify_from_trusted_issuer(token, &conditions, self.issuers()?, self.now())
                .await
                .map_err(|rejection| match rejection {
                    Rejection::UnknownIssuer(issuer) => Error::invalid(match name {
                        Some(name) => format!(
                            "the trust policy '{name}' is for another issuer; the token's is {}",
                            quoted(&issuer)
                        ),
                        None => format!("no trust policy names the issuer {}", quoted(&issuer)),
                    }),
                    other => Error::invalid(other.to_string()),
                })?;
        let verdicts = federation::verdicts_on(&token, &conditions)
            .into_iter()
            .map(|(policy, checks)| TrustVerdict {
                policy: policy.to_owned(),
                matched: checks.iter().all(|check| check.ok),
                checks,
            })
            .collect();
        Ok(TrustVerdicts {
            issuer: token.issuer,
            subject: token.subject,
            policies: verdicts,
        })
    }

    /// The subject of a federated exchange: the ID token verified, a
    /// policy that admits it, and the policy's owner with what both the
    /// policy and the owner's role grant now. Its `jti` is taken later, in
    /// the transaction that audits the exchange. A refusal says why, for
    /// the audit log only.
    pub(super) async fn federated(
        &self,
        token: &str,
        source: &str,
    ) -> std::result::Result<Federated, FederationFailure> {
        let refused = FederationFailure::Refused;
        let now = self.now();
        let issuer = federation::id_token::peek(token)
            .map_err(|refusal| refused(refusal.to_string()))?
            .issuer;
        let policies = self.store.trust_policies(Some(&issuer)).await?;
        let conditions = conditions(&policies);
        let issuers = self.issuers().map_err(FederationFailure::Server)?;
        let (verified, name) = federation::verify_federated(token, &conditions, issuers, now)
            .await
            .map_err(|rejection| {
                refused(match rejection {
                    Rejection::UnknownIssuer(issuer) => {
                        format!("no trust policy names the issuer {}", quoted(&issuer))
                    }
                    other => other.to_string(),
                })
            })?;
        // Taken once, in the transaction that audits the exchange (see
        // `Federated::id_token_use`).
        if verified.jti.is_none() {
            return Err(refused(
                "the ID token has no jti: it could not be used only once".to_owned(),
            ));
        }
        let Some(trust) = policies.into_iter().find(|policy| policy.name == name) else {
            return Err(FederationFailure::Server(Error::internal(format!(
                "the trust policy '{name}' vanished"
            ))));
        };
        let owner = self
            .active_user(&trust.owner)
            .await
            .map_err(|error| refused(format!("policy '{name}': {}", error.message)))?;
        let role = self
            .role(&owner.role)
            .await
            .map_err(FederationFailure::Server)?;
        let permissions = trust
            .permissions
            .intersection(&role.permissions)
            .copied()
            .collect();
        Ok(Federated {
            actor: Actor {
                user: owner,
                permissions,
                credential: Credential::IdToken,
                source: source.to_owned(),
                enrolment_only: false,
                second_factor: false,
                via_token: None,
            },
            policy: trust,
            token: verified,
        })
    }

    /// Whether the trust policy an access token was issued under still
    /// stands: the same one, not a namesake added after the token.
    pub(super) async fn trust_still_stands(&self, name: &str, issued_at: i64) -> bool {
        matches!(
            self.store.trust_policy(name).await,
            Ok(Some(trust)) if trust.created_at.timestamp() <= issued_at
        )
    }

    /// Writes why an ID token earned nothing, while the refusals of the
    /// last minute stay under the exchange limit (anyone may send ID
    /// tokens; the metrics count every refusal).
    pub(super) async fn audit_federation_refused(&self, why: &str, source: &str) -> Result<()> {
        self.audit_refusal(AuditRecord {
            at: self.now(),
            actor: "-".to_owned(),
            action: "token.exchange.refused",
            token_id: None,
            detail: format!("ID token refused: {why}"),
            source: source.to_owned(),
            via_token: None,
            event: None,
        })
        .await
    }

    async fn stored_trust_policy(&self, name: &str) -> Result<TrustPolicy> {
        self.store
            .trust_policy(name)
            .await?
            .ok_or_else(|| Error::not_found(format!("no trust policy named '{name}'")))
    }

    /// The condition a new policy sets, refused when it is malformed, too
    /// broad, or names this server's own issuer (its tokens are exchanged
    /// as sessions, never as someone else's ID tokens).
    fn condition(&self, request: &NewTrustPolicy) -> Result<Condition> {
        policy::check_field("issuer", &request.issuer, policy::MAX_FIELD_LEN)?;
        policy::check_field("audience", &request.audience, policy::MAX_FIELD_LEN)?;
        if request.claims.len() > MAX_RULES {
            return Err(Error::invalid(format!(
                "a trust policy takes at most {MAX_RULES} claim rules"
            )));
        }
        for ClaimRule { key, pattern } in &request.claims {
            policy::check_field("claim name", key, policy::MAX_CLAIM_NAME_LEN)?;
            policy::check_field("claim pattern", pattern, policy::MAX_FIELD_LEN)?;
        }
        let ours = self.issuer().map(|issuer| issuer.policy.issuer.clone());
        let issuer = request.issuer.trim_end_matches('/');
        if ours
            .as_deref()
            .is_ok_and(|ours| ours.trim_end_matches('/') == issuer)
            || request.issuer == LOCAL_ISSUER
        {
            return Err(Error::invalid(
                "a trust policy cannot name this server's own issuer",
            ));
        }
        Condition::new(&request.issuer, &request.audience, request.claims.clone())
    }

    /// The issuers' keys, fetched the first time a federated exchange
    /// needs them: a one-shot command that never federates builds no
    /// HTTP client.
    fn issuers(&self) -> Result<&Issuers> {
        if let Some(issuers) = self.issuers.get() {
            return Ok(issuers);
        }
        let issuers = Issuers::new(crate::http::http_client(None)?);
        Ok(self.issuers.get_or_init(|| issuers))
    }
}

/// Each stored policy's condition, by name.
fn conditions(policies: &[TrustPolicy]) -> Vec<(String, Condition)> {
    policies
        .iter()
        .map(|policy| (policy.name.clone(), Condition::of(policy)))
        .collect()
}

/// The lifetime cap a policy asks for, within what tokenctl issues at all.
fn trust_ttl(seconds: Option<i64>) -> Result<Duration> {
    let Some(seconds) = seconds else {
        return Ok(DEFAULT_TRUST_TTL);
    };
    let max = MAX_TOKEN_LIFETIME.num_seconds();
    if !(MIN_TTL.num_seconds()..=max).contains(&seconds) {
        return Err(Error::invalid(format!(
            "a trust policy's --max-ttl must be between {}s and {}h",
            MIN_TTL.num_seconds(),
            MAX_TOKEN_LIFETIME.num_hours()
        )));
    }
    Ok(Duration::seconds(seconds))
}

fn added_detail(trust: &TrustPolicy) -> String {
    let rules: Vec<String> = trust
        .claims
        .iter()
        .map(|rule| format!("{}={}", rule.key, rule.pattern))
        .collect();
    format!(
        "added trust policy '{}' for issuer {} audience {} claims [{}], owner {}, permissions [{}], max ttl {}s",
        trust.name,
        trust.issuer,
        trust.audience,
        rules.join(", "),
        trust.owner,
        policy::list(&trust.permissions),
        trust.max_ttl_seconds
    )
}

/// Text from a presented token, quoted and escaped, and cut short: it goes
/// into the audit log as its sender wrote it.
fn quoted(text: &str) -> String {
    let mut shown: String = text.chars().take(MAX_QUOTED).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    format!("{shown:?}")
}
