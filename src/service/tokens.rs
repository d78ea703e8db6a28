//! The token lifecycle: create, find, list, revoke (by reference or by
//! value), regenerate and verify, and the audit log.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use crate::api::PrunedAudit;
use crate::credential_cache;
use crate::error::{Error, Reason, Result};
use crate::model::{AuditEntry, EventKind, Permission, Status, Token, ViaToken};
use crate::network;
use crate::paging::Page;
use crate::policy::{self, Act, Actor, Credential, Operation};
use crate::requests::{
    AuditRequest, CreateRequest, CreatedToken, ListRequest, Origin, OwnedTokens, RegeneratedToken,
    Regeneration, Revocation, TokenRef, UsedFrom,
};
use crate::scan;
use crate::secret::{Secret, SecretHash};
use crate::store::{
    AuditFilter, AuditRecord, LastUse, NewToken, Rows, SecretChange, SecretMatch, TokenFilter,
};
use crate::time::{self, Expiry};
use crate::webhook::TokenFacts;

use super::TokenService;
use super::webhooks::token_event;

/// How often at most `last_used_at` is written for one token.
const LAST_USED_RESOLUTION: Duration = Duration::seconds(60);

/// The longest grace period a regenerated token's old secret may keep.
const MAX_GRACE: Duration = Duration::days(7);

impl TokenService {
    pub async fn create_token(
        &self,
        actor: &Actor,
        request: CreateRequest,
    ) -> Result<CreatedToken> {
        policy::check_name("token", &request.name)?;
        policy::check_description(&request.description)?;
        if let Some(max_idle) = request.max_idle {
            policy::check_max_idle(max_idle)?;
        }
        let allowed_ips = network::normalize(request.allowed_ips).map_err(Error::invalid)?;
        let owner_name = request.owner.as_deref().unwrap_or(&actor.user.name);
        let for_other = owner_name != actor.user.name;
        policy::check(actor, Operation::CreateToken { for_other })?;
        let owner = self.active_user(owner_name).await?;
        let owner_role = self.role(&owner.role).await?;
        let role = match request.role.as_deref() {
            None => Arc::clone(&owner_role),
            Some(name) => self.requested_role(name).await?,
        };
        let grant = policy::decide(
            actor,
            &Act::CreateToken {
                owner: &owner,
                owner_permissions: &owner_role.permissions,
                role: &role,
            },
        )?;
        let token_policy = self.token_policy().await?;
        token_policy.check_creator(actor)?;
        let now = self.now();
        let expires_at = token_policy.expiry(request.expires, request.kind, &role.name, now)?;
        let secret = Secret::generate(request.kind)?;
        let facts = TokenFacts {
            id: 0,
            name: &request.name,
            kind: request.kind,
            hint: &secret.hint(),
            owner: &owner.name,
            role: &role.name,
            expires_at,
        };
        let event = token_event(EventKind::TokenCreated, facts, &actor.user.name, None, now)?;
        let audit = AuditRecord {
            at: now,
            actor: actor.user.name.clone(),
            action: "token.create",
            token_id: None,
            detail: format!(
                "created {} token '{}' ({}) for {}, role {}, expires {}",
                request.kind,
                request.name,
                secret.hint(),
                owner.name,
                role.name,
                expiry_text(expires_at)
            ),
            source: actor.source.clone(),
            via_token: actor.via_token.clone(),
            event: Some(event),
        };
        let new = NewToken {
            name: request.name,
            kind: request.kind,
            role: role.name.clone(),
            permissions: grant.granted,
            stripped_permissions: grant.stripped.clone(),
            description: request.description,
            owner_id: owner.id,
            created_by_id: actor.user.id,
            secret_hash: secret.hash(),
            hint: secret.hint(),
            created_at: now,
            expires_at,
            max_idle_seconds: request.max_idle.map(|idle| idle.num_seconds()),
            allowed_ips,
            max_active: token_policy.max_active_tokens_per_user,
        };
        let token = self.store.insert_token(new, audit).await?;
        Ok(CreatedToken {
            token,
            secret,
            stripped: grant.stripped,
        })
    }

    /// A page of the tokens `request` asks for, among those the actor may
    /// see: without `tokens:read-all`, only their own.
    pub async fn list_tokens(&self, actor: &Actor, request: ListRequest) -> Result<Page<Token>> {
        let now = self.now();
        let (rows, limit) = Rows::for_page(&request.page)?;
        let mut filter = TokenFilter {
            rows,
            owner: request.owner,
            kind: request.kind,
            status: request.status,
            expiring_before: request
                .expiring_within
                .map(|within| now + time::bounded(within)),
            used_since: request
                .used_within
                .map(|within| now - time::bounded(within)),
            unused_since: request.unused_for.map(|unused| now - time::bounded(unused)),
        };
        if !actor.has(Permission::TokensReadAll) {
            actor.require(Permission::TokensRead, "list tokens")?;
            match &filter.owner {
                Some(owner) if *owner != actor.user.name => {
                    return Err(Error::denied(format!(
                        "{} may not list the tokens of {owner}: that needs the tokens:read-all permission",
                        actor.user.name
                    )));
                }
                _ => filter.owner = Some(actor.user.name.clone()),
            }
        }
        // An owner nobody is called is a typo, not "no tokens". Removed
        // users count: their tokens stay listable for the audit trail.
        if let Some(owner) = &filter.owner
            && self.user_record(owner).await?.is_none()
        {
            return Err(super::no_such_user(owner));
        }
        let tokens = self.store.tokens(&filter, now).await?;
        Ok(Page::of(tokens, limit, |token| token.id))
    }

    /// The one token a reference names, among those the actor may see.
    pub async fn find_token(&self, actor: &Actor, reference: &TokenRef) -> Result<Token> {
        let not_found =
            || Error::not_found(format!("no token {reference}")).because(Reason::NoSuchToken);
        let candidates = match reference {
            TokenRef::Id(id) => self.store.token(*id).await?.into_iter().collect(),
            TokenRef::Name(name) => self.store.tokens_named(name).await?,
        };
        let visible: Vec<Token> = candidates
            .into_iter()
            .filter(|token| actor.may_read(token) || actor.may_revoke(token))
            .collect();
        pick_one(visible, &actor.user.name, reference, self.now()).ok_or_else(not_found)?
    }

    /// Revokes the token a reference names. `reason` (one short line, e.g.
    /// "left the company") goes into the audit entry and the webhook
    /// payload, with any secret in it reduced to its hint.
    pub async fn revoke(
        &self,
        actor: &Actor,
        reference: &TokenRef,
        reason: Option<&str>,
    ) -> Result<Revocation> {
        let reason = checked_reason(reason)?;
        let token = self.find_token(actor, reference).await?;
        check_may_revoke(actor, &token)?;
        self.revoke_found(token, actor.into(), "revoked", reason.as_deref())
            .await
    }

    /// Offboarding in one step: revokes every live token of one user (of
    /// one type, with `kind`): active ones, and idle ones, which a
    /// regeneration would revive. Every token is checked before any is
    /// revoked, so a refusal revokes nothing.
    pub async fn revoke_owned(
        &self,
        actor: &Actor,
        request: OwnedTokens,
    ) -> Result<Vec<Revocation>> {
        let reason = checked_reason(request.reason.as_deref())?;
        if self.user_record(&request.owner).await?.is_none() {
            return Err(super::no_such_user(&request.owner));
        }
        let mut tokens = Vec::new();
        for status in [Status::Active, Status::Idle] {
            let filter = TokenFilter {
                owner: Some(request.owner.clone()),
                kind: request.kind,
                status: Some(status),
                ..TokenFilter::default()
            };
            tokens.extend(self.store.tokens(&filter, self.now()).await?);
        }
        tokens.sort_by_key(|token| token.id);
        for token in &tokens {
            check_may_revoke(actor, token)?;
        }
        let mut revocations = Vec::with_capacity(tokens.len());
        for token in tokens {
            revocations.push(
                self.revoke_found(
                    token,
                    actor.into(),
                    "revoked (all of the owner's)",
                    reason.as_deref(),
                )
                .await?,
            );
        }
        Ok(revocations)
    }

    /// Revokes the token a secret belongs to. Whoever holds a secret may kill
    /// it, which is how a leaked value is neutralised fastest. `reason` (one
    /// short line, e.g. where the leak was found) goes into the audit entry,
    /// with any secret in it reduced to its hint.
    pub async fn revoke_by_secret(
        &self,
        origin: &Origin,
        secret: &Secret,
        reason: Option<&str>,
    ) -> Result<Revocation> {
        let reason = checked_reason(reason)?;
        let found = self
            .store
            .token_by_secret(&secret.hash(), self.now())
            .await?
            .ok_or_else(|| Error::not_found(format!("no token matches {}", secret.hint())))?;
        let by = RevokedBy {
            who: &origin.who,
            source: &origin.source,
            via_token: None,
        };
        self.revoke_found(found.token, by, "revoked by value", reason.as_deref())
            .await
    }

    /// The token a secret belongs to, whatever its status: anyone holding
    /// a secret may see its record (a leak scan reports revoked and expired
    /// finds too). Unlike [`TokenService::verify`] it records no use.
    pub async fn inspect_secret(&self, secret: &Secret) -> Result<Option<Token>> {
        let found = self
            .store
            .token_by_secret(&secret.hash(), self.now())
            .await?;
        Ok(found.map(|found| found.token))
    }

    async fn revoke_found(
        &self,
        token: Token,
        by: RevokedBy<'_>,
        how: &str,
        reason: Option<&str>,
    ) -> Result<Revocation> {
        let because = reason.map_or_else(String::new, |reason| format!("; reason: {reason}"));
        let now = self.now();
        let event = token_event(
            EventKind::TokenRevoked,
            (&token).into(),
            by.who,
            reason,
            now,
        )?;
        let audit = AuditRecord {
            at: now,
            actor: by.who.to_owned(),
            action: "token.revoke",
            token_id: Some(token.id),
            detail: format!(
                "{how} token '{}' ({}) of {}{because}",
                token.name, token.hint, token.owner
            ),
            source: by.source.to_owned(),
            via_token: by.via_token.cloned(),
            event: Some(event),
        };
        let newly_revoked = self.store.revoke_token(token.id, audit).await?;
        self.credentials_changed().await;
        let token = self.reload(token.id).await?;
        Ok(Revocation {
            token,
            newly_revoked,
        })
    }

    /// New secret for an active token; id, name and role stay, and the
    /// expiry too unless `options.expires` sets another (within the
    /// lifetime policy, as at creation).
    pub async fn regenerate(
        &self,
        actor: &Actor,
        reference: &TokenRef,
        options: Regeneration,
    ) -> Result<RegeneratedToken> {
        policy::check_credential(actor, Operation::RegenerateToken { own: true })?;
        let token = self.find_token(actor, reference).await?;
        policy::decide(actor, &Act::RegenerateToken { token: &token })?;
        self.replace_secret(actor, token, options).await
    }

    /// `regenerate --self`: the token the actor authenticated with (its
    /// `secret`) gives itself a new secret, where its permissions include
    /// `tokens:rotate-self` — as [`TokenService::regenerate`] otherwise.
    ///
    /// Not while an earlier secret's grace period runs: that old secret
    /// authenticates as the token too, and its holder — whoever it leaked
    /// to — could otherwise rotate the new one away and keep the token.
    pub async fn rotate_self(
        &self,
        actor: &Actor,
        secret: Option<&Secret>,
        options: Regeneration,
    ) -> Result<RegeneratedToken> {
        policy::check(actor, Operation::RotateSelf)?;
        let (Credential::Token(id), Some(secret)) = (actor.credential, secret) else {
            return Err(Error::denied("only a token can regenerate itself"));
        };
        let now = self.now();
        let found = self
            .secret_match(&secret.hash(), now)
            .await?
            .filter(|found| found.token.id == id)
            .ok_or_else(|| Error::unauthenticated("the token is no longer valid"))?;
        if let Some(until) = found.previous_valid_until.filter(|until| *until > now) {
            return Err(Error::conflict(format!(
                "token {id} can't regenerate itself while its previous secret still works (until {}): either secret could",
                until.format("%Y-%m-%d %H:%M:%S UTC")
            ))
            .with_hint("try again after the grace period, or have its owner run tokenctl regenerate"));
        }
        let token = self.reload(id).await?;
        policy::decide(actor, &Act::RotateSelf { token: &token })?;
        if options.expires == Some(Expiry::Never) {
            return Err(Error::invalid(
                "a token may not make itself never expire; its owner can, with tokenctl regenerate",
            ));
        }
        self.replace_secret(actor, token, options).await
    }

    /// The shared part of a regeneration, its authority already decided.
    async fn replace_secret(
        &self,
        actor: &Actor,
        token: Token,
        options: Regeneration,
    ) -> Result<RegeneratedToken> {
        let grace = options.grace;
        if let Some(grace) = grace
            && (grace > MAX_GRACE || grace < Duration::zero())
        {
            return Err(Error::invalid(
                "the grace period must be between 0 and 7 days",
            ));
        }
        let token_policy = self.token_policy().await?;
        if actor.credential != Credential::Token(token.id) {
            token_policy.check_creator(actor)?;
        }
        let now = self.now();
        check_regenerable(&token, now)?;
        let expires_at = match options.expires {
            None => token.expires_at,
            Some(expires) => token_policy.expiry(Some(expires), token.kind, &token.role, now)?,
        };
        let secret = Secret::generate(token.kind)?;
        let previous_valid_until = grace.filter(|g| !g.is_zero()).map(|g| now + g);
        let change = SecretChange {
            secret_hash: secret.hash(),
            hint: secret.hint(),
            previous_valid_until,
            expires_at,
        };
        let regenerated = TokenFacts {
            hint: &secret.hint(),
            expires_at,
            ..(&token).into()
        };
        let event = token_event(
            EventKind::TokenRegenerated,
            regenerated,
            &actor.user.name,
            None,
            now,
        )?;
        let audit = AuditRecord {
            at: now,
            actor: actor.user.name.clone(),
            action: "token.regenerate",
            token_id: Some(token.id),
            detail: format!(
                "regenerated token '{}' ({} → {}), old secret valid until {}{}",
                token.name,
                token.hint,
                secret.hint(),
                previous_valid_until.map_or("now".to_owned(), |at| at.to_rfc3339()),
                if expires_at == token.expires_at {
                    String::new()
                } else {
                    format!(", expires {}", expiry_text(expires_at))
                }
            ),
            source: actor.source.clone(),
            via_token: actor.via_token.clone(),
            event: Some(event),
        };
        let replaced = self.store.replace_secret(token.id, change, audit).await?;
        self.credentials_changed().await;
        if !replaced {
            // Revoked or expired between the read and the write.
            let token = self.reload(token.id).await?;
            check_regenerable(&token, self.now())?;
            return Err(Error::conflict(format!(
                "token {} changed meanwhile; try again",
                token.id
            )));
        }
        Ok(RegeneratedToken {
            token: self.reload(token.id).await?,
            secret,
            previous_valid_until,
        })
    }

    /// The token a secret authenticates as, or why it doesn't. Records use
    /// (when, from where, with which client) at most once per minute per
    /// token, so a hot loop does not write.
    pub async fn verify(&self, secret: &Secret, used: &UsedFrom<'_>) -> Result<Token> {
        let now = self.now();
        let invalid = |why: String| {
            Error::unauthenticated(format!("token {} is not valid: {why}", secret.hint()))
        };
        let hash = secret.hash();
        let found = self
            .secret_match(&hash, now)
            .await?
            .ok_or_else(|| invalid("no such token".to_owned()))?;
        let token = found.token.clone();
        match token.status_at(now) {
            Status::Active => {}
            Status::Revoked => return Err(invalid(format!("revoked {}", date(token.revoked_at)))),
            Status::Expired => return Err(invalid(format!("expired {}", date(token.expires_at)))),
            Status::Idle => {
                return Err(invalid(format!(
                    "idle {}, unused for longer than its limit of {}",
                    date(token.idle_from()),
                    time::compact(Duration::seconds(
                        token.max_idle_seconds.unwrap_or_default()
                    ))
                ))
                .with_hint(format!(
                    "its owner can revive it with a new secret: tokenctl regenerate {}",
                    token.id
                )));
            }
        }
        if found.owner_disabled {
            return Err(invalid(format!("its owner {} is disabled", token.owner)));
        }
        if !token.allows_address(used.address) {
            return Err(self.refuse_address(&token, used).await);
        }
        let stale_before = now - LAST_USED_RESOLUTION;
        if token.last_used_at.is_none_or(|used| used < stale_before) {
            // Verifying only reads: a store that cannot be written (a full
            // disk) must not stop valid tokens from working. The use goes
            // unrecorded, the log says so, and the cache still notes it so
            // that the write is not retried on every request.
            let last_use = last_use(used, now);
            if let Err(error) = self
                .store
                .touch_last_used(token.id, last_use.clone(), stale_before)
                .await
            {
                tracing::warn!(%error, token = token.id, "cannot record a token's use; verifying read-only");
            }
            if let Some(cache) = &self.cache {
                cache.secrets.update(&hash, |found| {
                    found.token.last_used_at = Some(now);
                    found.token.last_used_from = Some(last_use.from.clone());
                    found.token.last_used_agent = last_use.agent.clone();
                });
            }
        }
        Ok(token)
    }

    /// Why a use of `token` (or of an access token exchanged from it) from
    /// outside its allow-list fails, after auditing it with the address —
    /// as a refusal anyone could provoke, so within the exchange limit.
    pub(super) async fn refuse_address(&self, token: &Token, used: &UsedFrom<'_>) -> Error {
        let from = used.address.map_or_else(
            || "an unknown address".to_owned(),
            |address| network::canonical(address).to_string(),
        );
        let audit = AuditRecord {
            at: self.now(),
            actor: format!("holder of {}", token.hint),
            action: "token.use.refused",
            token_id: Some(token.id),
            detail: format!("use from {from} refused: not in the token's allow-list"),
            source: used.source.to_owned(),
            via_token: None,
            event: None,
        };
        if let Err(error) = self.audit_refusal(audit).await {
            tracing::warn!(%error, token = token.id, "cannot audit a refused use");
        }
        let error = Error::unauthenticated(format!(
            "token {} is not valid from {from}: its allow-list does not include it",
            token.hint
        ));
        match used.address {
            Some(_) => error.with_hint(
                "use it from an address it allows; `tokenctl show` lists them to its owner",
            ),
            None => error.with_hint(
                "it works only from the addresses it allows; on a local store say where from with --from ADDR",
            ),
        }
    }

    /// The token a secret names (through the cache: a valid answer is
    /// remembered).
    async fn secret_match(
        &self,
        hash: &SecretHash,
        now: DateTime<Utc>,
    ) -> Result<Option<Arc<SecretMatch>>> {
        let load = || self.store.token_by_secret(hash, now);
        self.cached(
            |cache| &cache.secrets,
            hash,
            load,
            credential_cache::keep_secret,
        )
        .await
    }

    /// The audit entries `request` asks for; without `audit:read` only the
    /// actor's own. A token is found as [`TokenService::find_token`] finds
    /// it, so only among those the actor may see.
    pub async fn audit(&self, actor: &Actor, request: AuditRequest) -> Result<Page<AuditEntry>> {
        let (rows, limit) = Rows::for_page(&request.page)?;
        let now = self.now();
        let mut filter = AuditFilter {
            since: request.since.map(|since| now - time::bounded(since)),
            until: request.until.map(|until| now - time::bounded(until)),
            actor: request.actor,
            action: request.action,
            rows,
            ..AuditFilter::default()
        };
        if let Some(reference) = &request.token {
            filter.token_id = Some(self.find_token(actor, reference).await?.id);
        }
        if !actor.has(Permission::AuditRead) {
            if filter
                .actor
                .as_ref()
                .is_some_and(|named| *named != actor.user.name)
            {
                actor.require(Permission::AuditRead, "read other users' audit entries")?;
            }
            filter.actor = Some(actor.user.name.clone());
        }
        let entries = self.store.audit_entries(&filter).await?;
        Ok(Page::of(entries, limit, |entry| entry.id))
    }
}

impl TokenService {
    /// Deletes the audit entries from before `before`, for retention: it
    /// needs `audit:prune` and a person (a leaked token can't erase its
    /// tracks), and the prune is itself audited, in the same transaction.
    pub async fn prune_audit(&self, actor: &Actor, before: DateTime<Utc>) -> Result<PrunedAudit> {
        policy::decide(actor, &Act::PruneAudit)?;
        let record = self.audit_record(actor, "audit.prune", String::new());
        let audit = Box::new(move |pruned: u64| AuditRecord {
            detail: format!(
                "pruned {pruned} entries from before {}",
                before.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ),
            ..record
        });
        let pruned = self.store.prune_audit(before, audit).await?;
        Ok(PrunedAudit { pruned, before })
    }
}

/// Chooses among tokens sharing a name: the actor's own first, then the
/// one active at `now`. `None` when nothing matches; an error when still
/// ambiguous.
fn pick_one(
    mut tokens: Vec<Token>,
    actor: &str,
    reference: &TokenRef,
    now: DateTime<Utc>,
) -> Option<Result<Token>> {
    if tokens.iter().any(|token| token.owner == actor) {
        tokens.retain(|token| token.owner == actor);
    }
    if tokens.len() > 1 {
        let active: Vec<Token> = tokens
            .iter()
            .filter(|token| token.status_at(now) == Status::Active)
            .cloned()
            .collect();
        if active.len() == 1 {
            tokens = active;
        }
    }
    match tokens.len() {
        0 => None,
        1 => tokens.pop().map(Ok),
        n => {
            let ids: Vec<String> = tokens.iter().map(|t| t.id.to_string()).collect();
            Some(Err(Error::conflict(format!(
                "{reference} matches {n} tokens (ids {})",
                ids.join(", ")
            ))
            .with_hint("name the token by its ID instead")))
        }
    }
}

/// Who revokes, as the audit entry and the webhook name them.
#[derive(Clone, Copy)]
struct RevokedBy<'a> {
    who: &'a str,
    source: &'a str,
    via_token: Option<&'a ViaToken>,
}

impl<'a> From<&'a Actor> for RevokedBy<'a> {
    fn from(actor: &'a Actor) -> Self {
        RevokedBy {
            who: &actor.user.name,
            source: &actor.source,
            via_token: actor.via_token.as_ref(),
        }
    }
}

/// The longest `User-Agent` kept of a token's last use.
const MAX_AGENT_CHARS: usize = 200;

/// A use as the store records it: the address when known, else the source;
/// the client's `User-Agent` printable and cut short (anyone may send one).
fn last_use(used: &UsedFrom<'_>, now: DateTime<Utc>) -> LastUse {
    let from = used
        .address
        .map_or_else(|| used.source.to_owned(), |address| address.to_string());
    let agent = used
        .agent
        .map(|agent| {
            agent
                .chars()
                .filter(|c| !c.is_control() && !policy::is_deceptive(*c))
                .take(MAX_AGENT_CHARS)
                .collect::<String>()
        })
        .filter(|agent| !agent.trim().is_empty());
    LastUse {
        at: now,
        from,
        agent,
    }
}

fn expiry_text(expires_at: Option<DateTime<Utc>>) -> String {
    expires_at.map_or("never".to_owned(), |at| at.to_rfc3339())
}

/// A revocation's reason, checked, with any secret in it reduced to its
/// hint (a reason is often pasted from where the leak was found).
fn checked_reason(reason: Option<&str>) -> Result<Option<String>> {
    if let Some(reason) = reason {
        policy::check_reason(reason)?;
    }
    Ok(reason.map(|reason| scan::finder().redact(reason)))
}

fn check_may_revoke(actor: &Actor, token: &Token) -> Result<()> {
    if actor.may_revoke(token) {
        return Ok(());
    }
    Err(Error::denied(format!(
        "{} may not revoke token {} of {}",
        actor.user.name, token.id, token.owner
    )))
}

/// Active and idle tokens can be regenerated: for an idle one that is
/// how it is revived (a new secret, a new start of its idle time).
fn check_regenerable(token: &Token, now: DateTime<Utc>) -> Result<()> {
    match token.status_at(now) {
        Status::Active | Status::Idle => Ok(()),
        Status::Revoked => Err(Error::conflict(format!(
            "token {} ('{}') is revoked; a revoked token can't be regenerated",
            token.id, token.name
        ))
        .because(Reason::TokenEnded {
            token: token.name.clone(),
        })),
        Status::Expired => Err(Error::conflict(format!(
            "token {} ('{}') expired {}; an expired token can't be renewed",
            token.id,
            token.name,
            date(token.expires_at)
        ))
        .because(Reason::TokenEnded {
            token: token.name.clone(),
        })),
    }
}

fn date(instant: Option<DateTime<Utc>>) -> String {
    instant.map_or_else(String::new, |at| {
        format!("on {}", at.format("%Y-%m-%d %H:%M UTC"))
    })
}
