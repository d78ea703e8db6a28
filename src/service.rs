//! The token service: every business rule applied over a store.
//!
//! The CLI's local mode calls this in-process; the server calls it behind
//! HTTP. Nothing above this layer decides who may do what, which permissions
//! a token gets, or what goes into the audit log.

use std::borrow::Borrow;
use std::future::Future;
use std::hash::Hash;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use crate::audit_batch::AuditBatcher;
use crate::auth;
use crate::auth::SessionClaims;
use crate::credential_cache::{self, CredentialCache, Remembered};
use crate::error::{Error, ErrorKind, Result};
use crate::exchange::{
    self, AccessClaims, ExchangeError, ExchangePolicy, ExchangeRequest, Exchanged, Introspection,
};
use crate::hashing::PasswordWork;
use crate::keys::{KeyInfo, KeySet, LiveKeys, Rotation};
use crate::lockout::Admission;
use crate::model::{
    AuditEntry, Id, Permission, Permissions, Role, Status, Token, TokenKind, User,
    permissions_from_str, permissions_to_string,
};
use crate::policy::{self, Act, Actor, Credential, LifetimePolicy, Operation};
use crate::rate_limit::Windows;
use crate::scan;
use crate::secret::{Secret, SecretHash};
use crate::store::{
    AuditFilter, AuditRecord, ChangeSignal, NewToken, SecretChange, SecretMatch, Store,
    StoreResult, TokenFilter,
};
use crate::time::{self, Expiry};

/// How often at most `last_used_at` is written for one token.
const LAST_USED_RESOLUTION: Duration = Duration::seconds(60);

/// The longest grace period a regenerated token's old secret may keep.
const MAX_GRACE: Duration = Duration::days(7);

/// How a command names a token: all digits is an ID, anything else a name
/// (token names may not be all digits, so this is never ambiguous).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenRef {
    Id(Id),
    Name(String),
}

impl TokenRef {
    pub fn parse(text: &str) -> TokenRef {
        match text.parse::<Id>() {
            Ok(id) if text.chars().all(|c| c.is_ascii_digit()) => TokenRef::Id(id),
            _ => TokenRef::Name(text.to_owned()),
        }
    }
}

impl std::fmt::Display for TokenRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenRef::Id(id) => write!(f, "{id}"),
            TokenRef::Name(name) => write!(f, "'{name}'"),
        }
    }
}

/// Whose rights an exchange hands on.
#[derive(Debug)]
pub enum ExchangeSubject<'a> {
    /// A personal or service token, by its secret.
    Token(&'a Secret),
    /// A login session whose signature the caller has checked.
    Session(&'a SessionClaims),
    /// The OS user of a local store.
    Local(&'a str),
}

/// An exchange's subject once checked: who it acts as, and when the
/// credential it came from ends.
struct Subject {
    actor: Actor,
    token_id: Option<Id>,
    expires_at: Option<DateTime<Utc>>,
}

/// The permissions a caller names in `scope` parameters (space-separated,
/// possibly several parameters); empty when none are named.
fn requested_scope(requested: &[String]) -> std::result::Result<Permissions, ExchangeError> {
    requested
        .iter()
        .flat_map(|text| text.split_whitespace())
        .map(|name| name.parse().map_err(ExchangeError::InvalidScope))
        .collect()
}

/// The audit log's words for an exchange: which access token (its `jti`),
/// what it may do, for whom and until when. Written into one buffer sized
/// for it, without strftime: this runs for every exchange.
fn exchange_detail(claims: &AccessClaims) -> String {
    use std::fmt::Write;
    let mut detail = String::with_capacity(160);
    let _ = write!(
        detail,
        "access token {} for '{}' (audience {}) until ",
        claims.jti, claims.scope, claims.aud
    );
    match DateTime::from_timestamp(claims.exp, 0) {
        // A whole second: shown as "2026-11-25 20:38:21".
        Some(until) => {
            let _ = write!(detail, "{} UTC", until.naive_utc());
        }
        None => {
            let _ = write!(detail, "{}", claims.exp);
        }
    }
    detail
}

/// Who did something that needs no account: verifying or revoking by value.
#[derive(Debug, Clone)]
pub struct Origin {
    pub who: String,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct CreateRequest {
    pub name: String,
    pub kind: TokenKind,
    /// `None`: the creator's own role.
    pub role: Option<String>,
    pub expires: Option<Expiry>,
    pub description: String,
    /// `None`: the creator.
    pub owner: Option<String>,
}

/// A new token and its secret, which exists nowhere else.
#[derive(Debug)]
pub struct CreatedToken {
    pub token: Token,
    pub secret: Secret,
    /// Permissions of the role that the creator lacks and the token didn't get.
    pub stripped: Permissions,
}

#[derive(Debug)]
pub struct RegeneratedToken {
    pub token: Token,
    pub secret: Secret,
    /// Until when the replaced secret still works (`--grace`).
    pub previous_valid_until: Option<DateTime<Utc>>,
}

/// A successful login: who, and how they proved it (RFC 8176 `amr` values).
#[derive(Debug, Clone)]
pub struct Login {
    pub user: User,
    pub methods: Vec<&'static str>,
}

/// Who a credential stands for, and what its user's role would allow: the
/// difference is what the credential itself withholds (a token's grant, an
/// access token's scope).
#[derive(Debug, Clone)]
pub struct Identity {
    pub actor: Actor,
    pub role_permissions: Permissions,
}

impl Identity {
    /// The role's permissions this credential may not use.
    pub fn withheld(&self) -> Permissions {
        self.role_permissions
            .difference(&self.actor.permissions)
            .copied()
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct Revocation {
    pub token: Token,
    /// False when the token had been revoked before this call.
    pub newly_revoked: bool,
}

pub struct TokenService {
    store: Arc<dyn Store>,
    lifetime: LifetimePolicy,
    /// Only long-running processes (the server) keep one.
    cache: Option<CredentialCache>,
    /// Only the server batches: a one-shot command writes one entry.
    audit_batcher: Option<AuditBatcher>,
    /// Where passwords are hashed and checked: off the async workers, a
    /// few at a time.
    passwords: PasswordWork,
    /// Exchanges per minute one credential may make (each writes an audit
    /// entry); only the server sets one.
    exchanges: Option<Windows<Exchanger>>,
}

/// Whose exchanges are counted together: a token's, or a person's over all
/// of their sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Exchanger {
    Token(Id),
    User(Id),
}

impl TokenService {
    pub fn new(store: Arc<dyn Store>, lifetime: LifetimePolicy) -> TokenService {
        TokenService {
            store,
            lifetime,
            cache: None,
            audit_batcher: None,
            passwords: PasswordWork::default(),
            exchanges: None,
        }
    }

    /// At most `per_minute` exchanges a minute with one credential (a token,
    /// or one person's sessions); beyond that `slow_down` with how long to
    /// wait. Bounds the audit entries one credential can make the store
    /// write. 0: no limit.
    pub fn with_exchange_limit(mut self, per_minute: u32) -> TokenService {
        self.exchanges =
            (per_minute > 0).then(|| Windows::new(per_minute, std::time::Duration::from_secs(60)));
        self
    }

    /// How many password hashes may run at once, and wait beyond those
    /// (see [`PasswordWork`]).
    #[must_use]
    pub fn with_password_work(mut self, passwords: PasswordWork) -> TokenService {
        self.passwords = passwords;
        self
    }

    /// Readies the service for a long-running server: repeated lookups of
    /// one credential (a secret, a token, a user, a role) are served from
    /// memory, kept right by the store's change watch (see
    /// [`CredentialCache`]), and audit entries written on their own share
    /// commits (see [`AuditBatcher`]). A one-shot command would only pay
    /// for starting them.
    pub async fn for_server(mut self) -> Result<TokenService> {
        let signal = Arc::new(ChangeSignal::default());
        self.store.watch_changes(Arc::clone(&signal)).await?;
        self.cache = Some(CredentialCache::new(signal));
        self.audit_batcher = Some(AuditBatcher::start(Arc::clone(&self.store)));
        Ok(self)
    }

    /// Writes an audit entry that goes with no other change, durably, before
    /// returning.
    async fn append_audit(&self, audit: AuditRecord) -> StoreResult<()> {
        match &self.audit_batcher {
            Some(batcher) => batcher.append(audit).await,
            None => self.store.append_audit(audit).await,
        }
    }

    /// `load`'s answer, or the cache's current copy of it when this service
    /// keeps a cache; `kind` picks which of the cache's maps holds it.
    async fn cached<K, Q, V, F>(
        &self,
        kind: impl FnOnce(&CredentialCache) -> &Remembered<K, V>,
        key: &Q,
        load: impl FnOnce() -> F,
        keep: impl FnOnce(&V, DateTime<Utc>) -> Option<DateTime<Utc>>,
    ) -> Result<Option<Arc<V>>>
    where
        K: Eq + Hash + Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
        F: Future<Output = StoreResult<Option<V>>>,
    {
        Ok(match &self.cache {
            Some(cache) => {
                kind(cache)
                    .get_or_load(key, time::now(), load, keep)
                    .await?
            }
            None => load().await?.map(Arc::new),
        })
    }

    async fn user_record(&self, name: &str) -> Result<Option<Arc<User>>> {
        let load = || self.store.user(name);
        self.cached(
            |cache| &cache.users,
            name,
            load,
            credential_cache::keep_user,
        )
        .await
    }

    /// Builds the actor for an account; a missing or disabled account cannot act.
    pub async fn actor(
        &self,
        user_name: &str,
        credential: Credential,
        source: &str,
    ) -> Result<Actor> {
        let user = self.user_record(user_name).await?.ok_or_else(|| {
            Error::unauthenticated(format!("'{user_name}' has no account in this store")).with_hint(
                format!("ask an admin to run: tokenctl user add {user_name}"),
            )
        })?;
        if user.is_disabled() {
            return Err(Error::unauthenticated(format!(
                "the account '{user_name}' is disabled"
            )));
        }
        let permissions = self.role(&user.role).await?.permissions.clone();
        Ok(Actor {
            user,
            permissions,
            credential,
            source: source.to_owned(),
        })
    }

    /// What `actor` stands for, with their role's permissions beside.
    pub async fn identity(&self, actor: Actor) -> Result<Identity> {
        let role_permissions = self.role(&actor.user.role).await?.permissions.clone();
        Ok(Identity {
            actor,
            role_permissions,
        })
    }

    /// The actor a login session stands for, whose signature and lifetime
    /// the caller has checked: refused once the account was disabled after
    /// the session began (its epoch moved on), even when enabled again.
    pub async fn actor_for_session(&self, claims: &SessionClaims, source: &str) -> Result<Actor> {
        let actor = self.actor(&claims.sub, Credential::Session, source).await?;
        if claims.epoch != actor.user.session_epoch {
            return Err(auth::invalid_session());
        }
        Ok(actor)
    }

    /// The actor a token's secret stands for: its owner, limited to the
    /// token's permissions. Fails like [`TokenService::verify`].
    pub async fn actor_for_token(&self, secret: &Secret, source: &str) -> Result<Actor> {
        Ok(self.token_actor(secret, source).await?.1)
    }

    /// The token a secret names and the actor it stands for, from one
    /// (cached) verification and one user lookup.
    async fn token_actor(&self, secret: &Secret, source: &str) -> Result<(Token, Actor)> {
        let token = self.verify(secret).await?;
        let user = self
            .active_user(&token.owner)
            .await
            .map_err(|_| Error::unauthenticated(format!("token {} is not valid", secret.hint())))?;
        let actor = Actor {
            user,
            permissions: token.effective_permissions.clone(),
            credential: Credential::Token(token.id),
            source: source.to_owned(),
        };
        Ok((token, actor))
    }

    pub async fn create_token(
        &self,
        actor: &Actor,
        request: CreateRequest,
    ) -> Result<CreatedToken> {
        policy::check_name("token", &request.name)?;
        policy::check_description(&request.description)?;
        let owner_name = request.owner.as_deref().unwrap_or(&actor.user.name);
        let for_other = owner_name != actor.user.name;
        policy::check(actor, Operation::CreateToken { for_other })?;
        let owner = self.active_user(owner_name).await?;
        let owner_role = self.role(&owner.role).await?;
        let role = match request.role.as_deref() {
            None => Arc::clone(&owner_role),
            Some(name) => self.role(name).await.map_err(|error| match error.kind {
                ErrorKind::NotFound => Error::invalid(error.message)
                    .with_hint("see the roles with: tokenctl role list"),
                _ => error,
            })?,
        };
        let grant = policy::decide(
            actor,
            &Act::CreateToken {
                owner: &owner,
                owner_permissions: &owner_role.permissions,
                role: &role,
            },
        )?;
        let now = time::now();
        let expires_at = self.lifetime.expiry(request.expires, now)?;
        let secret = Secret::generate(request.kind)?;
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
                expires_at.map_or("never".to_owned(), |at| at.to_rfc3339())
            ),
            source: actor.source.clone(),
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
        };
        let token = self.store.insert_token(new, audit).await?;
        Ok(CreatedToken {
            token,
            secret,
            stripped: grant.stripped,
        })
    }

    /// Tokens the actor may see that match `filter`. Without `tokens:read-all`
    /// that is the actor's own tokens only.
    pub async fn list_tokens(&self, actor: &Actor, mut filter: TokenFilter) -> Result<Vec<Token>> {
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
        Ok(self.store.tokens(&filter, time::now()).await?)
    }

    /// The one token a reference names, among those the actor may see.
    pub async fn find_token(&self, actor: &Actor, reference: &TokenRef) -> Result<Token> {
        let not_found = || {
            Error::not_found(format!("no token {reference}"))
                .with_hint("list your tokens with: tokenctl list --status all")
        };
        let candidates = match reference {
            TokenRef::Id(id) => self.store.token(*id).await?.into_iter().collect(),
            TokenRef::Name(name) => self.store.tokens_named(name).await?,
        };
        let visible: Vec<Token> = candidates
            .into_iter()
            .filter(|token| actor.may_read(token) || actor.may_revoke(token))
            .collect();
        pick_one(visible, &actor.user.name, reference).ok_or_else(not_found)?
    }

    pub async fn revoke(&self, actor: &Actor, reference: &TokenRef) -> Result<Revocation> {
        let token = self.find_token(actor, reference).await?;
        if !actor.may_revoke(&token) {
            return Err(Error::denied(format!(
                "{} may not revoke token {} of {}",
                actor.user.name, token.id, token.owner
            )));
        }
        self.revoke_found(token, &actor.user.name, &actor.source, "revoked", None)
            .await
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
        if let Some(reason) = reason {
            policy::check_reason(reason)?;
        }
        let reason = reason.map(|reason| scan::finder().redact(reason));
        let found = self
            .store
            .token_by_secret(&secret.hash(), time::now())
            .await?
            .ok_or_else(|| Error::not_found(format!("no token matches {}", secret.hint())))?;
        self.revoke_found(
            found.token,
            &origin.who,
            &origin.source,
            "revoked by value",
            reason.as_deref(),
        )
        .await
    }

    /// The token a secret belongs to, whatever its status: anyone holding
    /// a secret may see its record (a leak scan reports revoked and expired
    /// finds too). Unlike [`TokenService::verify`] it records no use.
    pub async fn inspect_secret(&self, secret: &Secret) -> Result<Option<Token>> {
        let found = self
            .store
            .token_by_secret(&secret.hash(), time::now())
            .await?;
        Ok(found.map(|found| found.token))
    }

    async fn revoke_found(
        &self,
        token: Token,
        actor: &str,
        source: &str,
        how: &str,
        reason: Option<&str>,
    ) -> Result<Revocation> {
        let because = reason.map_or_else(String::new, |reason| format!("; reason: {reason}"));
        let audit = AuditRecord {
            at: time::now(),
            actor: actor.to_owned(),
            action: "token.revoke",
            token_id: Some(token.id),
            detail: format!(
                "{how} token '{}' ({}) of {}{because}",
                token.name, token.hint, token.owner
            ),
            source: source.to_owned(),
        };
        let newly_revoked = self.store.revoke_token(token.id, audit).await?;
        self.credentials_changed().await;
        let token = self.reload(token.id).await?;
        Ok(Revocation {
            token,
            newly_revoked,
        })
    }

    /// New secret for an active token; id, name, role and expiry stay.
    pub async fn regenerate(
        &self,
        actor: &Actor,
        reference: &TokenRef,
        grace: Option<Duration>,
    ) -> Result<RegeneratedToken> {
        policy::check_credential(actor, Operation::RegenerateToken { own: true })?;
        let token = self.find_token(actor, reference).await?;
        policy::decide(actor, &Act::RegenerateToken { token: &token })?;
        if let Some(grace) = grace
            && (grace > MAX_GRACE || grace < Duration::zero())
        {
            return Err(Error::invalid(
                "the grace period must be between 0 and 7 days",
            ));
        }
        let now = time::now();
        check_regenerable(&token, now)?;
        let secret = Secret::generate(token.kind)?;
        let previous_valid_until = grace.filter(|g| !g.is_zero()).map(|g| now + g);
        let change = SecretChange {
            secret_hash: secret.hash(),
            hint: secret.hint(),
            previous_valid_until,
        };
        let audit = AuditRecord {
            at: now,
            actor: actor.user.name.clone(),
            action: "token.regenerate",
            token_id: Some(token.id),
            detail: format!(
                "regenerated token '{}' ({} → {}), old secret valid until {}",
                token.name,
                token.hint,
                secret.hint(),
                previous_valid_until.map_or("now".to_owned(), |at| at.to_rfc3339())
            ),
            source: actor.source.clone(),
        };
        let replaced = self.store.replace_secret(token.id, change, audit).await?;
        self.credentials_changed().await;
        if !replaced {
            // Revoked or expired between the read and the write.
            let token = self.reload(token.id).await?;
            check_regenerable(&token, time::now())?;
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

    /// The token a secret authenticates as, or why it doesn't. Records use at
    /// most once per minute per token, so a hot loop does not write.
    pub async fn verify(&self, secret: &Secret) -> Result<Token> {
        let now = time::now();
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
        }
        if found.owner_disabled {
            return Err(invalid(format!("its owner {} is disabled", token.owner)));
        }
        let stale_before = now - LAST_USED_RESOLUTION;
        if token.last_used_at.is_none_or(|used| used < stale_before) {
            // Verifying only reads: a store that cannot be written (a full
            // disk) must not stop valid tokens from working. The use goes
            // unrecorded, the log says so, and the cache still notes it so
            // that the write is not retried on every request.
            if let Err(error) = self
                .store
                .touch_last_used(token.id, now, stale_before)
                .await
            {
                tracing::warn!(%error, token = token.id, "cannot record a token's use; verifying read-only");
            }
            if let Some(cache) = &self.cache {
                cache
                    .secrets
                    .update(&hash, |found| found.token.last_used_at = Some(now));
            }
        }
        Ok(token)
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

    /// A credential changed through this process: its cached answers end
    /// now, and this returns once every other process sharing the store
    /// has ended its own (see [`Store::await_changes_heard`]) — so the
    /// change is final when the caller reports success.
    async fn credentials_changed(&self) {
        if let Some(cache) = &self.cache {
            cache.invalidate();
        }
        self.store.await_changes_heard().await;
    }

    /// The audit log; without `audit:read` only the actor's own entries.
    pub async fn audit(&self, actor: &Actor, mut filter: AuditFilter) -> Result<Vec<AuditEntry>> {
        if !actor.has(Permission::AuditRead) {
            filter.actor = Some(actor.user.name.clone());
        }
        Ok(self.store.audit_entries(&filter).await?)
    }

    pub async fn roles(&self) -> Result<Vec<Role>> {
        Ok(self.store.roles().await?)
    }

    pub async fn role(&self, name: &str) -> Result<Arc<Role>> {
        let load = || self.store.role(name);
        let role = self
            .cached(
                |cache| &cache.roles,
                name,
                load,
                credential_cache::keep_role,
            )
            .await?;
        role.ok_or_else(|| {
            Error::not_found(format!("no role named '{name}'"))
                .with_hint("see the roles with: tokenctl role list")
        })
    }

    pub async fn add_role(
        &self,
        actor: &Actor,
        name: &str,
        description: &str,
        permissions: Permissions,
    ) -> Result<Role> {
        policy::check(actor, Operation::AddRole)?;
        policy::check_name("role", name)?;
        policy::check_description(description)?;
        if permissions.is_empty() {
            return Err(Error::invalid("a role needs at least one --permission"));
        }
        policy::decide(
            actor,
            &Act::AddRole {
                permissions: &permissions,
            },
        )?;
        let role = Role {
            name: name.to_owned(),
            description: description.to_owned(),
            permissions,
            builtin: false,
        };
        let audit = self.audit_record(actor, "role.add", format!("added role '{name}'"));
        self.store.insert_role(&role, audit).await?;
        Ok(role)
    }

    pub async fn remove_role(&self, actor: &Actor, name: &str) -> Result<()> {
        policy::check(actor, Operation::RemoveRole)?;
        let role = self.role(name).await?;
        if role.builtin {
            return Err(Error::conflict(format!(
                "'{name}' is a built-in role and cannot be removed"
            )));
        }
        policy::decide(actor, &Act::RemoveRole { role: &role })?;
        let audit = self.audit_record(actor, "role.remove", format!("removed role '{name}'"));
        self.store.delete_role(name, audit).await?;
        self.credentials_changed().await;
        Ok(())
    }

    pub async fn users(&self, actor: &Actor) -> Result<Vec<User>> {
        if !actor.has(Permission::TokensReadAll) {
            actor.require(Permission::UsersManage, "list users")?;
        }
        Ok(self.store.users().await?)
    }

    /// Adds an account. Without a password one is generated and returned,
    /// to be handed over once; only its hash is stored.
    pub async fn add_user(
        &self,
        actor: &Actor,
        name: &str,
        role: &str,
        password: Option<String>,
    ) -> Result<(User, Option<String>)> {
        policy::check(actor, Operation::AddUser)?;
        policy::check_name("user", name)?;
        let role = self
            .role(role)
            .await
            .map_err(|error| Error::invalid(error.message))?;
        policy::decide(actor, &Act::AddUser { role: &role })?;
        let (hash, generated) = self.password_hash(password).await?;
        let audit = self.audit_record(
            actor,
            "user.add",
            format!("added user '{name}' with role {}", role.name),
        );
        let user = self
            .store
            .insert_user(name, &role.name, Some(&hash), audit)
            .await?;
        Ok((user, generated))
    }

    /// Creates the first admin of an empty store (`serve --init-admin`).
    /// `None` when the store already has users; otherwise the generated
    /// password, if none was given. Replicas racing here create one admin.
    pub async fn bootstrap_admin(
        &self,
        name: &str,
        password: Option<String>,
    ) -> Result<Option<Option<String>>> {
        if !self.store.users().await?.is_empty() {
            return Ok(None);
        }
        policy::check_name("user", name)?;
        let (hash, generated) = self.password_hash(password).await?;
        let audit = AuditRecord {
            at: time::now(),
            actor: "tokenctl serve".to_owned(),
            action: "user.add",
            token_id: None,
            detail: format!("created the first admin '{name}'"),
            source: "serve --init-admin".to_owned(),
        };
        match self
            .store
            .insert_user(name, "admin", Some(&hash), audit)
            .await
        {
            Ok(_) => Ok(Some(generated)),
            Err(crate::store::StoreError::Conflict(_)) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Checks a password (and TOTP code when the account has 2FA). Attempts
    /// are throttled per (account, address) with an account-wide ceiling
    /// (see [`crate::lockout`]) and failures audited; every wrong-credential
    /// answer reads the same, for accounts that exist and names that don't.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        totp_code: Option<&str>,
        source: &str,
    ) -> Result<Login> {
        let now = time::now();
        policy::check_login_name(username)?;
        // Refused at once when too many logins are being checked, before
        // this one costs a lookup.
        let hashing = self.passwords.reserve()?;
        self.claim_login_attempt(username, source, now).await?;
        let credentials = self.store.credentials(username).await?;
        let stored_hash = credentials.as_ref().and_then(|c| c.password_hash.clone());
        let password = password.to_owned();
        let password_ok = hashing
            .run(move || auth::verify_password(&password, stored_hash.as_deref()))
            .await?;
        let Some(credentials) = credentials.filter(|c| password_ok && !c.user.is_disabled()) else {
            self.login_failed(username, source, "wrong password or disabled account")
                .await?;
            return Err(Error::unauthenticated("wrong username or password"));
        };
        let mut step = None;
        if let Some(secret) = &credentials.totp_secret {
            let Some(code) = totp_code else {
                return Err(Error::new(
                    ErrorKind::SecondFactorRequired,
                    "this account needs a 2FA code",
                )
                .with_hint("enter the 6-digit code from your authenticator app"));
            };
            match auth::check_totp(secret, code, now) {
                Some(accepted)
                    if credentials
                        .totp_last_step
                        .is_none_or(|last| accepted > last) =>
                {
                    step = Some(accepted);
                }
                _ => {
                    self.login_failed(username, source, "wrong or reused 2FA code")
                        .await?;
                    return Err(Error::unauthenticated("wrong or already used 2FA code"));
                }
            }
        }
        let audit = AuditRecord {
            at: now,
            actor: username.to_owned(),
            action: "login",
            token_id: None,
            detail: format!("logged in{}", if step.is_some() { " with 2FA" } else { "" }),
            source: source.to_owned(),
        };
        let checked = Actor {
            permissions: self.role(&credentials.user.role).await?.permissions.clone(),
            user: Arc::new(credentials.user),
            credential: Credential::Password,
            source: source.to_owned(),
        };
        policy::decide(&checked, &Act::OpenSession)?;
        if !self
            .store
            .login_succeeded(username, source, step, audit)
            .await?
        {
            // Another login accepted the same code a moment ago.
            self.login_failed(username, source, "reused 2FA code")
                .await?;
            return Err(Error::unauthenticated("wrong or already used 2FA code"));
        }
        Ok(Login {
            user: Arc::unwrap_or_clone(checked.user),
            methods: auth::methods(step.is_some()).into_iter().collect(),
        })
    }

    /// Takes one attempt at `username` from `source` out of what the
    /// throttle allows, or says until when that address must wait.
    async fn claim_login_attempt(
        &self,
        username: &str,
        source: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        match self
            .store
            .claim_login_attempt(username, source, now)
            .await?
        {
            Admission::Allowed(_) => Ok(()),
            Admission::Locked { until } => Err(Error::new(
                ErrorKind::RateLimited,
                format!(
                    "too many failed logins for '{username}' from this address; try again after {}",
                    until.format("%H:%M:%S UTC")
                ),
            )
            .with_hint("an admin can lift it at once with `tokenctl user unlock`")),
        }
    }

    /// Audits a failed attempt (the throttle counted it when it was claimed).
    async fn login_failed(&self, username: &str, source: &str, why: &str) -> Result<()> {
        let audit = AuditRecord {
            at: time::now(),
            actor: username.to_owned(),
            action: "login.failed",
            token_id: None,
            detail: why.to_owned(),
            source: source.to_owned(),
        };
        Ok(self.store.append_audit(audit).await?)
    }

    /// Lets `name` log in again from every address at once: their failed
    /// attempts are forgotten. Needs what enabling them needs.
    pub async fn unlock_user(&self, actor: &Actor, name: &str) -> Result<crate::api::UnlockedUser> {
        let (user, _) = self.may_set_user_disabled(actor, name, false).await?;
        let audit = self.audit_record(
            actor,
            "user.unlock",
            format!("cleared the failed logins of '{name}'"),
        );
        let cleared_addresses = self.store.clear_login_failures(name, audit).await?;
        Ok(crate::api::UnlockedUser {
            user: Arc::unwrap_or_clone(user),
            cleared_addresses,
        })
    }

    /// Starts 2FA enrolment: a new secret, pending until a code confirms it.
    /// An account that has 2FA already replaces it only with `current_code`,
    /// a code from the authenticator it uses now (used up like a login's):
    /// holding a session is not enough to take over the second factor.
    pub async fn begin_totp(
        &self,
        actor: &Actor,
        current_code: Option<&str>,
    ) -> Result<(String, String)> {
        policy::check(actor, Operation::EnrollSecondFactor)?;
        let name = &actor.user.name;
        let credentials = self.own_credentials(actor).await?;
        let proved_current = match (&credentials.totp_secret, current_code) {
            (Some(current), Some(code)) => {
                self.prove_current_totp(actor, &credentials, current, code)
                    .await?;
                true
            }
            _ => false,
        };
        let replacing = credentials.totp_secret.is_some();
        policy::decide(
            actor,
            &Act::EnrollSecondFactor {
                replacing,
                proved_current,
            },
        )?;
        let (secret, url) = auth::new_totp_secret(name)?;
        let (action, detail) = if replacing {
            ("user.totp.replace.begin", "started replacing 2FA")
        } else {
            ("user.totp.begin", "started 2FA enrolment")
        };
        let audit = self.audit_record(actor, action, detail.to_owned());
        self.store.set_pending_totp(name, &secret, audit).await?;
        Ok((secret, url))
    }

    /// Checks a code from the account's current second factor and uses it
    /// up; a wrong one counts as a failed login.
    async fn prove_current_totp(
        &self,
        actor: &Actor,
        credentials: &crate::store::Credentials,
        current: &str,
        code: &str,
    ) -> Result<()> {
        let name = &actor.user.name;
        let refused = || Error::unauthenticated("wrong or already used 2FA code");
        self.claim_login_attempt(name, &actor.source, time::now())
            .await?;
        let fresh = auth::check_totp(current, code, time::now())
            .filter(|step| credentials.totp_last_step.is_none_or(|last| *step > last));
        let Some(step) = fresh else {
            self.login_failed(name, &actor.source, "wrong 2FA code to replace 2FA")
                .await?;
            return Err(refused());
        };
        let audit = self.audit_record(
            actor,
            "user.totp.verify",
            "gave a code from the current 2FA to replace it".to_owned(),
        );
        if !self
            .store
            .login_succeeded(name, &actor.source, Some(step), audit)
            .await?
        {
            return Err(refused());
        }
        Ok(())
    }

    async fn own_credentials(&self, actor: &Actor) -> Result<crate::store::Credentials> {
        self.store
            .credentials(&actor.user.name)
            .await?
            .ok_or_else(|| Error::not_found("the account vanished"))
    }

    /// Finishes 2FA enrolment with a code from the new secret.
    pub async fn confirm_totp(&self, actor: &Actor, code: &str) -> Result<()> {
        policy::check(actor, Operation::EnrollSecondFactor)?;
        let credentials = self.own_credentials(actor).await?;
        let pending = credentials.totp_pending_secret.ok_or_else(|| {
            Error::conflict("no 2FA enrolment is pending")
                .with_hint("start one with: tokenctl 2fa enable")
        })?;
        let step = auth::check_totp(&pending, code, time::now())
            .ok_or_else(|| Error::invalid("that code does not match the new 2FA secret"))?;
        let (action, detail) = if credentials.totp_secret.is_some() {
            ("user.totp.replace", "replaced 2FA with a new authenticator")
        } else {
            ("user.totp.enable", "enabled 2FA")
        };
        let audit = self.audit_record(actor, action, detail.to_owned());
        if !self
            .store
            .confirm_totp(&actor.user.name, step, audit)
            .await?
        {
            return Err(Error::conflict("no 2FA enrolment is pending"));
        }
        Ok(())
    }

    /// The user `name` and their role, once `actor` may disable (or, with
    /// `disabled` false, enable or unlock) them.
    async fn may_set_user_disabled(
        &self,
        actor: &Actor,
        name: &str,
        disabled: bool,
    ) -> Result<(Arc<User>, Arc<Role>)> {
        policy::check(actor, Operation::SetUserDisabled)?;
        let user = self.user_named(name).await?;
        let role = self.role(&user.role).await?;
        policy::decide(
            actor,
            &Act::SetUserDisabled {
                user: &user,
                role: &role,
                disabled,
            },
        )?;
        Ok((user, role))
    }

    pub async fn set_user_disabled(
        &self,
        actor: &Actor,
        name: &str,
        disabled: bool,
    ) -> Result<User> {
        let (_, role) = self.may_set_user_disabled(actor, name, disabled).await?;
        let (action, verb) = if disabled {
            ("user.disable", "disabled")
        } else {
            ("user.enable", "enabled")
        };
        let audit = self.audit_record(actor, action, format!("{verb} user '{name}'"));
        let at = disabled.then(time::now);
        let user = self
            .store
            .set_user_disabled(name, &role.name, at, audit)
            .await?;
        self.credentials_changed().await;
        Ok(user)
    }

    /// Gives a user another role. Their sessions and tokens follow at once:
    /// a session acts with the current role, a token with what it was
    /// granted that the current role still has.
    pub async fn set_user_role(&self, actor: &Actor, name: &str, role: &str) -> Result<User> {
        policy::check(actor, Operation::SetUserRole)?;
        let user = self.user_named(name).await?;
        let from = self.role(&user.role).await?;
        let to = self
            .role(role)
            .await
            .map_err(|error| Error::invalid(error.message))?;
        policy::decide(
            actor,
            &Act::SetUserRole {
                user: &user,
                from: &from,
                to: &to,
            },
        )?;
        let audit = self.audit_record(
            actor,
            "user.role",
            format!(
                "changed the role of '{name}' from {} to {}",
                from.name, to.name
            ),
        );
        let user = self
            .store
            .set_user_role(name, &from.name, &to.name, audit)
            .await?;
        self.credentials_changed().await;
        Ok(user)
    }

    /// Trades a token or a login session for a short-lived access token
    /// (RFC 8693 semantics): scopes must be a subset of the subject's
    /// permissions, the lifetime is capped by policy and by the subject's own
    /// expiry, and the exchange is audited before the token is returned.
    pub async fn exchange(
        &self,
        subject: ExchangeSubject<'_>,
        request: ExchangeRequest,
        policy: &ExchangePolicy,
        keys: &KeySet,
        source: &str,
    ) -> std::result::Result<Exchanged, ExchangeError> {
        let now = time::now();
        let subject = self.exchange_subject(subject, source).await?;
        self.count_exchange(&subject)?;
        let audience = policy.audience(request.audience.as_deref())?;
        let requested = requested_scope(&request.scopes)?;
        let scope = policy::decide(&subject.actor, &Act::Exchange { scope: &requested })
            .map_err(|error| match error.kind {
                ErrorKind::PermissionDenied => ExchangeError::InvalidScope(error.message),
                _ => ExchangeError::InvalidGrant(error.message),
            })?
            .granted;
        let ttl = exchange::lifetime(request.ttl, policy.max_ttl, now, subject.expires_at)?;
        let claims = AccessClaims {
            iss: policy.issuer.clone(),
            sub: subject.actor.user.name.clone(),
            aud: audience,
            exp: (now + ttl).timestamp(),
            iat: now.timestamp(),
            jti: crate::secret::random_base62(22).map_err(Error::from)?,
            client_id: subject
                .token_id
                .map_or_else(|| "session".to_owned(), |id| format!("token:{id}")),
            scope: permissions_to_string(&scope),
            token_id: subject.token_id,
            epoch: subject.actor.user.session_epoch,
            nbf: None,
        };
        let access_token = keys.sign(exchange::ACCESS_TOKEN_TYP, &claims)?;
        let audit = AuditRecord {
            at: now,
            actor: subject.actor.user.name.clone(),
            action: "token.exchange",
            token_id: subject.token_id,
            detail: exchange_detail(&claims),
            source: source.to_owned(),
        };
        self.append_audit(audit).await.map_err(Error::from)?;
        Ok(Exchanged {
            access_token,
            expires_in: ttl.num_seconds(),
            scope: claims.scope,
        })
    }

    /// RFC 7662 introspection of a personal/service token or of an access
    /// token this issuer signed. An access token is active only while the
    /// token it was exchanged from (or its user, for a login) still is.
    pub async fn introspect(
        &self,
        token: &str,
        keys: &Arc<KeySet>,
        policy: &ExchangePolicy,
    ) -> Introspection {
        let active = if crate::secret::has_token_prefix(token) {
            self.introspect_secret(token, policy).await
        } else {
            self.introspect_access_token(token, keys, policy).await
        };
        active.unwrap_or_else(Introspection::inactive)
    }

    async fn introspect_secret(
        &self,
        token: &str,
        policy: &ExchangePolicy,
    ) -> Option<Introspection> {
        let secret = Secret::parse(token).ok()?;
        let token = self.verify(&secret).await.ok()?;
        Some(Introspection {
            active: true,
            scope: Some(permissions_to_string(&token.effective_permissions)),
            client_id: Some(format!("token:{}", token.id)),
            username: Some(token.owner.clone()),
            token_type: Some("Bearer".to_owned()),
            exp: token.expires_at.map(|at| at.timestamp()),
            iat: Some(token.created_at.timestamp()),
            sub: Some(token.owner),
            aud: None,
            iss: Some(policy.issuer.clone()),
            jti: None,
        })
    }

    async fn introspect_access_token(
        &self,
        token: &str,
        keys: &Arc<KeySet>,
        policy: &ExchangePolicy,
    ) -> Option<Introspection> {
        self.active_access_token(token, keys, policy)
            .await
            .map(|claims| Introspection::of_access_token(&claims))
    }

    /// The actor an access token sent as `Authorization: Bearer` stands
    /// for: its user, with the permissions both its scope and the user's
    /// role still grant. Refused like any bad credential when it is not
    /// active (see [`TokenService::introspect`]), and when it was issued
    /// for another audience: a token meant for another resource server
    /// must not work here (RFC 9068 §4), or any such server could act as
    /// its user against this API.
    pub async fn actor_for_access_token(
        &self,
        token: &str,
        keys: &Arc<KeySet>,
        policy: &ExchangePolicy,
        source: &str,
    ) -> Result<Actor> {
        let claims = self
            .active_access_token(token, keys, policy)
            .await
            .filter(|claims| claims.aud == policy.issuer)
            .ok_or_else(|| {
                Error::unauthenticated("the access token is not valid here or has expired")
            })?;
        let scope = permissions_from_str(&claims.scope).map_err(Error::internal)?;
        let mut actor = self
            .actor(&claims.sub, Credential::AccessToken, source)
            .await?;
        actor
            .permissions
            .retain(|permission| scope.contains(permission));
        Ok(actor)
    }

    /// The claims of an access token this issuer signed whose parent token
    /// and user are still valid.
    async fn active_access_token(
        &self,
        token: &str,
        keys: &Arc<KeySet>,
        policy: &ExchangePolicy,
    ) -> Option<Arc<AccessClaims>> {
        let now = time::now();
        let claims = policy.verify_access_token(keys, token, now)?;
        if let Some(id) = claims.token_id {
            let load = || self.store.token(id);
            let parent = self
                .cached(
                    |cache| &cache.tokens,
                    &id,
                    load,
                    credential_cache::keep_token,
                )
                .await
                .ok()??;
            if parent.status_at(now) != Status::Active {
                return None;
            }
        }
        let user = self.active_user(&claims.sub).await.ok()?;
        (claims.epoch == user.session_epoch).then_some(claims)
    }

    /// Who an exchange acts for. A subject that is not (or no longer)
    /// valid is `invalid_grant`, whatever the reason.
    fn count_exchange(&self, subject: &Subject) -> std::result::Result<(), ExchangeError> {
        let Some(windows) = &self.exchanges else {
            return Ok(());
        };
        let (exchanger, whose) = match subject.token_id {
            Some(id) => (Exchanger::Token(id), format!("token {id}")),
            None => (
                Exchanger::User(subject.actor.user.id),
                format!("the sessions of {}", subject.actor.user.name),
            ),
        };
        windows.count(exchanger).map_err(|wait| {
            let seconds = crate::rate_limit::retry_after_seconds(wait);
            ExchangeError::SlowDown(
                format!(
                    "{whose} made more than {} exchanges this minute; retry in {seconds} s",
                    windows.limit()
                ),
                seconds,
            )
        })
    }

    async fn exchange_subject(
        &self,
        subject: ExchangeSubject<'_>,
        source: &str,
    ) -> std::result::Result<Subject, ExchangeError> {
        let invalid_grant = |error: Error| match error.kind {
            ErrorKind::Internal => ExchangeError::Server(error),
            _ => ExchangeError::InvalidGrant(error.message),
        };
        match subject {
            ExchangeSubject::Token(secret) => {
                let (token, actor) = self
                    .token_actor(secret, source)
                    .await
                    .map_err(invalid_grant)?;
                Ok(Subject {
                    actor,
                    token_id: Some(token.id),
                    expires_at: token.expires_at,
                })
            }
            ExchangeSubject::Session(claims) => Ok(Subject {
                actor: self
                    .actor_for_session(claims, source)
                    .await
                    .map_err(invalid_grant)?,
                token_id: None,
                expires_at: DateTime::from_timestamp(claims.exp, 0),
            }),
            ExchangeSubject::Local(user) => Ok(Subject {
                actor: self
                    .actor(user, Credential::Local, source)
                    .await
                    .map_err(invalid_grant)?,
                token_id: None,
                expires_at: None,
            }),
        }
    }

    /// The keys that verify sessions and access tokens, newest first.
    pub fn signing_keys(&self, actor: &Actor, keys: &LiveKeys) -> Result<Vec<KeyInfo>> {
        actor.require(Permission::KeysManage, "see the signing keys")?;
        Ok(keys.current().infos(time::now()))
    }

    /// Makes a new key the signer; the old one keeps verifying what it
    /// signed. The file and the audit log can't share a transaction: the
    /// rotation comes first, and a failed audit write says it happened.
    pub async fn rotate_signing_key(&self, actor: &Actor, keys: &LiveKeys) -> Result<Rotation> {
        policy::decide(actor, &Act::RotateKeys)?;
        let keys = keys.clone();
        let rotation = tokio::task::spawn_blocking(move || keys.rotate(time::now()))
            .await
            .map_err(|error| Error::internal(format!("the key rotation stopped: {error}")))??;
        let audit = self.audit_record(actor, "key.rotate", rotation.summary());
        self.append_audit(audit).await.map_err(|error| {
            Error::internal(format!(
                "rotated the signing key (new kid {}) but could not write the audit entry: {}",
                rotation.active.kid,
                Error::from(error).message
            ))
        })?;
        Ok(rotation)
    }

    async fn active_user(&self, name: &str) -> Result<Arc<User>> {
        let user = self.user_named(name).await?;
        if user.is_disabled() {
            return Err(Error::conflict(format!("user '{name}' is disabled")));
        }
        Ok(user)
    }

    async fn user_named(&self, name: &str) -> Result<Arc<User>> {
        self.user_record(name).await?.ok_or_else(|| {
            Error::not_found(format!("no user named '{name}'"))
                .with_hint(format!("add the user first: tokenctl user add {name}"))
        })
    }

    async fn reload(&self, id: Id) -> Result<Token> {
        self.store
            .token(id)
            .await?
            .ok_or_else(|| Error::internal(format!("token {id} vanished from the store")))
    }

    /// The hash to store for a new account, and the generated password when
    /// none was given (to be shown once).
    async fn password_hash(&self, password: Option<String>) -> Result<(String, Option<String>)> {
        let (password, generated) = match password {
            Some(password) => {
                auth::check_password_strength(&password)?;
                (password, None)
            }
            None => {
                let generated = auth::generate_password()?;
                (generated.clone(), Some(generated))
            }
        };
        let hash = self
            .passwords
            .run(move || auth::hash_password(&password))
            .await??;
        Ok((hash, generated))
    }

    fn audit_record(&self, actor: &Actor, action: &'static str, detail: String) -> AuditRecord {
        AuditRecord {
            at: time::now(),
            actor: actor.user.name.clone(),
            action,
            token_id: None,
            detail,
            source: actor.source.clone(),
        }
    }
}

/// Chooses among tokens sharing a name: the actor's own first, then the
/// active one. `None` when nothing matches; an error when still ambiguous.
fn pick_one(mut tokens: Vec<Token>, actor: &str, reference: &TokenRef) -> Option<Result<Token>> {
    if tokens.iter().any(|token| token.owner == actor) {
        tokens.retain(|token| token.owner == actor);
    }
    if tokens.len() > 1 {
        let now = time::now();
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

fn check_regenerable(token: &Token, now: DateTime<Utc>) -> Result<()> {
    match token.status_at(now) {
        Status::Active => Ok(()),
        Status::Revoked => Err(Error::conflict(format!(
            "token {} ('{}') is revoked; a revoked token can't be regenerated",
            token.id, token.name
        ))
        .with_hint(format!("issue a new one: tokenctl create {}", token.name))),
        Status::Expired => Err(Error::conflict(format!(
            "token {} ('{}') expired {}; an expired token can't be renewed",
            token.id,
            token.name,
            date(token.expires_at)
        ))
        .with_hint(format!("issue a new one: tokenctl create {}", token.name))),
    }
}

fn date(instant: Option<DateTime<Utc>>) -> String {
    instant.map_or_else(String::new, |at| {
        format!("on {}", at.format("%Y-%m-%d %H:%M UTC"))
    })
}
