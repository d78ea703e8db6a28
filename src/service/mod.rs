//! The token service: every business rule applied over a store.
//!
//! The CLI's local mode calls this in-process; the server calls it behind
//! HTTP. Nothing above this layer decides who may do what, which permissions
//! a token gets, or what goes into the audit log.

mod accounts;
mod exchange;
mod health;
mod identity;
mod issuer;
mod leaks;
mod login;
mod notices;
mod passwords;
mod policy;
mod sessions;
mod tokens;
mod trust;
mod two_factor;
mod webhooks;

use std::borrow::Borrow;
use std::future::Future;
use std::hash::Hash;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::audit_batch::AuditBatcher;
use crate::credential_cache::{self, CredentialCache, Remembered};
use crate::error::{Error, Reason, Result};
use crate::hashing::PasswordWork;
use crate::metrics::Metrics;
use crate::model::{Id, Token, User};
use crate::policy::Actor;
use crate::rate_limit::Windows;
use crate::store::{AuditRecord, ChangeSignal, ClaimingAudit, IdTokenUse, Store, StoreResult};
use crate::time::Clock;

pub use exchange::ExchangeSubject;
use exchange::Exchanger;
pub use issuer::Issuer;
pub use login::{Login, Proof, SecondFactor, SignedIn};
pub use notices::{
    EXPIRED_SHOWN_FOR, ExpiryNotices, Notice, TokenNotice, needing_attention, start_expiry_notices,
};
pub use policy::PolicyImport;
pub use sessions::Ending;
pub use trust::DEFAULT_TRUST_TTL;

pub struct TokenService {
    store: Arc<dyn Store>,
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
    /// The keys and policy it signs with; shared with the server, which
    /// publishes the keys and checks sessions against them.
    issuer: Option<Arc<Issuer>>,
    /// Where the keys of the CI providers that trust policies name come
    /// from; made on first use.
    issuers: std::sync::OnceLock<crate::federation::Issuers>,
    /// Where every rule reads the time.
    clock: Clock,
    /// `serve --require-2fa`: a session opened without a second factor may
    /// only enrol one.
    require_second_factor: bool,
    /// What `GET /metrics` reports; counted whether or not anyone asks.
    metrics: Arc<Metrics>,
    /// Where webhooks may point (`serve --allow-private-webhooks`).
    webhook_reach: crate::webhook::Reach,
    /// When owners hear that a token expires (`serve --expiry-notices`).
    expiry_notices: ExpiryNotices,
}

impl TokenService {
    pub fn new(store: Arc<dyn Store>) -> TokenService {
        TokenService {
            store,
            cache: None,
            audit_batcher: None,
            passwords: PasswordWork::default(),
            exchanges: None,
            issuer: None,
            issuers: std::sync::OnceLock::new(),
            clock: Clock::system(),
            require_second_factor: false,
            metrics: Arc::default(),
            webhook_reach: crate::webhook::Reach::Public,
            expiry_notices: ExpiryNotices::default(),
        }
    }

    /// Webhooks may point at private addresses, over http too
    /// (`serve --allow-private-webhooks`).
    pub fn with_webhook_reach(mut self, reach: crate::webhook::Reach) -> TokenService {
        self.webhook_reach = reach;
        self
    }

    /// Every account needs a second factor: a session opened with the
    /// password alone may only enrol one (`serve --require-2fa`).
    pub fn with_required_second_factor(mut self, required: bool) -> TokenService {
        self.require_second_factor = required;
        self
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

    /// Reads the time from `clock` (a pinned one, in tests of the rules
    /// about time).
    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> TokenService {
        self.clock = clock;
        self
    }

    /// The time, as this service's rules see it.
    pub(super) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Signs (sessions, access tokens) and verifies as `issuer`.
    #[must_use]
    pub fn with_issuer(mut self, issuer: Arc<Issuer>) -> TokenService {
        self.issuer = Some(issuer);
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
        self.cache = Some(CredentialCache::new(signal, &self.metrics));
        self.audit_batcher = Some(AuditBatcher::start(
            Arc::clone(&self.store),
            self.metrics.audit_batch_entries(),
        ));
        Ok(self)
    }

    /// The counters this service keeps.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// Writes an audit entry that goes with no other change, durably, before
    /// returning.
    async fn append_audit(&self, audit: AuditRecord) -> StoreResult<()> {
        match &self.audit_batcher {
            Some(batcher) => batcher.append(audit).await,
            None => self.store.append_audit(audit).await,
        }
    }

    /// Audits the refusal of something anyone may send (an ID token, a
    /// leak report) while such refusals of the last minute stay under the
    /// exchange limit: past it, only the metrics count them.
    async fn audit_refusal(&self, audit: AuditRecord) -> Result<()> {
        if let Some(windows) = &self.exchanges
            && windows.count(Exchanger::Refused).is_err()
        {
            return Ok(());
        }
        Ok(self.append_audit(audit).await?)
    }

    /// [`TokenService::append_audit`], taking the ID token `claim` names in
    /// the same transaction; false (nothing written) when it was taken
    /// before.
    async fn append_audit_claiming(
        &self,
        audit: AuditRecord,
        claim: IdTokenUse,
    ) -> StoreResult<bool> {
        if let Some(batcher) = &self.audit_batcher {
            return batcher.append_claiming(audit, Some(claim)).await;
        }
        let now = audit.at;
        let entry = ClaimingAudit {
            audit,
            claim: Some(claim),
        };
        let fresh = self.store.append_audits_claiming(vec![entry], now).await?;
        Ok(fresh.first().copied().unwrap_or(false))
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
            Some(cache) => kind(cache).get_or_load(key, self.now(), load, keep).await?,
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

    async fn active_user(&self, name: &str) -> Result<Arc<User>> {
        let user = self.user_named(name).await?;
        if user.is_disabled() {
            return Err(Error::conflict(format!("user '{name}' is disabled")));
        }
        Ok(user)
    }

    /// The account `name`; a removed one is gone for every purpose but the
    /// records that name it.
    async fn user_named(&self, name: &str) -> Result<Arc<User>> {
        let user = self.user_record(name).await?;
        user.filter(|user| !user.is_removed())
            .ok_or_else(|| no_such_user(name))
    }

    async fn reload(&self, id: Id) -> Result<Token> {
        self.store
            .token(id)
            .await?
            .ok_or_else(|| Error::internal(format!("token {id} vanished from the store")))
    }

    fn audit_record(&self, actor: &Actor, action: &'static str, detail: String) -> AuditRecord {
        AuditRecord {
            at: self.now(),
            actor: actor.user.name.clone(),
            action,
            token_id: None,
            detail,
            source: actor.source.clone(),
            via_token: actor.via_token.clone(),
            event: None,
        }
    }
}

/// That `name` is nobody's: a typo, not "nothing to do".
fn no_such_user(name: &str) -> Error {
    Error::not_found(format!("no user named '{name}'")).because(Reason::NoSuchUser {
        user: name.to_owned(),
    })
}
