//! The one error type every face of tokenctl reports.
//!
//! A service error is a *kind* (which decides the exit code and the HTTP
//! status), a one-line message, an optional [`Reason`] — what happened, as
//! data, from which each client renders its own next step (the CLI names a
//! `tokenctl` command) — and an optional hint in words any client can use.
//! It is plain data so that it can cross the HTTP boundary unchanged and a
//! remote failure reads exactly like a local one.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::secret::SecretError;
use crate::store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// A bad argument or input value (exit 2).
    InvalidInput,
    /// The named token, user or role does not exist (exit 3).
    NotFound,
    /// Not logged in, or the credential is not valid (exit 4).
    Unauthenticated,
    /// The password was right; the account also needs a TOTP code (exit 4).
    SecondFactorRequired,
    /// The password was right, but someone else set it: the login must
    /// choose a new one (exit 4).
    PasswordChangeRequired,
    /// Logged in, but not allowed to do this (exit 4).
    PermissionDenied,
    /// Too many attempts; try again later (exit 4).
    RateLimited,
    /// The request contradicts the current state, e.g. regenerate a revoked token (exit 5).
    Conflict,
    /// The server could not be reached (exit 6).
    Unreachable,
    /// The server is at a limit (connections, logins in flight); try again
    /// shortly (exit 6).
    Unavailable,
    /// Anything else: storage failure, bug (exit 1).
    Internal,
    /// Whoever read stdout stopped (`tokenctl list | head`): not a failure —
    /// everything that changes state was committed before output began —
    /// so the command stops, silently, with exit 0. Raised only by the
    /// CLI's own output; never on the wire.
    #[serde(skip)]
    OutputClosed,
    /// The user declined a confirmation prompt: nothing was done (exit 7),
    /// which a script must not mistake for success. The message says what
    /// was not done. The CLI's own; never on the wire.
    #[serde(skip)]
    Cancelled,
}

impl ErrorKind {
    /// The documented process exit code for this kind of failure.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::OutputClosed => 0,
            ErrorKind::Internal => 1,
            ErrorKind::InvalidInput => 2,
            ErrorKind::NotFound => 3,
            ErrorKind::Unauthenticated
            | ErrorKind::SecondFactorRequired
            | ErrorKind::PasswordChangeRequired
            | ErrorKind::PermissionDenied
            | ErrorKind::RateLimited => 4,
            ErrorKind::Conflict => 5,
            ErrorKind::Unreachable | ErrorKind::Unavailable => 6,
            ErrorKind::Cancelled => 7,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// Advice in plain words; never a command line (that is the client's to
    /// render, from the reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// What a refusal is about, for a program to act on. The service and the
/// server speak no CLI: the CLI turns a reason into the command to run next
/// (`cmd::hints`), another client into whatever it offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    /// `user` has no account here, so cannot act.
    NoAccount { user: String },
    /// A request names `user`, who has no account.
    NoSuchUser { user: String },
    /// A request names a role that does not exist.
    NoSuchRole,
    /// No token the caller may see matches the reference.
    NoSuchToken,
    /// The token `token` was revoked or has expired: only a new one helps.
    TokenEnded { token: String },
    /// Too many failed logins; it lifts by itself, or an admin unlocks it.
    AccountLocked,
    /// A second factor was to be confirmed, but none is being set up.
    NoSecondFactorPending,
    /// 2FA was to be turned off, but the account has none.
    NoSecondFactor,
    /// The account is the last one that can manage users.
    LastAdmin,
    /// The session may only enrol a second factor.
    SecondFactorEnrolmentRequired,
    /// The token policy needs a login session opened with a second factor
    /// to create or regenerate a token.
    SecondFactorRequired,
    /// The credential lacks a permission that the operation needs.
    PermissionMissing,
    /// The operation needs a person's login session, not a token.
    SessionRequired,
    /// The login session has expired or is no longer valid.
    SessionExpired,
    /// The request carried no credential at all.
    NotLoggedIn,
    /// The lifetime policy needs an expiry and none was given.
    ExpiryRequired,
    /// The asked lifetime is over the policy's longest, `max_seconds`.
    LifetimeTooLong { max_seconds: i64 },
    /// The store was written by a newer tokenctl.
    NewerStore,
    /// The store's file or database could not be opened.
    StoreUnopenable,
    /// The store may only be read here (its file, or its file system).
    StoreReadOnly,
    /// A reset was asked for the caller's own password, which is changed
    /// with the current one instead.
    OwnPasswordReset,
    /// A reason this build does not know (a newer server's).
    #[serde(other)]
    Other,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            reason: None,
            hint: None,
        }
    }

    pub fn invalid(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidInput, message)
    }

    /// A declined prompt; `message` says what was not done ("Nothing revoked.").
    pub fn cancelled(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Cancelled, message)
    }

    pub fn not_found(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::NotFound, message)
    }

    pub fn denied(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::PermissionDenied, message)
    }

    pub fn unauthenticated(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Unauthenticated, message)
    }

    pub fn conflict(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Conflict, message)
    }

    pub fn internal(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Internal, message)
    }

    #[must_use]
    pub fn because(mut self, reason: Reason) -> Error {
        self.reason = Some(reason);
        self
    }

    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<SecretError> for Error {
    fn from(error: SecretError) -> Error {
        match error {
            SecretError::Randomness => Error::internal(error.to_string()),
            _ => Error::invalid(error.to_string()),
        }
    }
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Error {
        match error {
            StoreError::Conflict(message) => Error::conflict(message),
            StoreError::NotFound(message) => Error::not_found(message),
            StoreError::NewerSchema { found, known } => Error::internal(format!(
                "this store was written by a newer tokenctl (schema version {found}; this build knows up to {known})"
            ))
            .because(Reason::NewerStore),
            StoreError::Open { path, reason } => {
                Error::internal(format!("cannot open the store at {path}: {reason}"))
                    .because(Reason::StoreUnopenable)
            }
            StoreError::Full(reason) => Error::new(
                ErrorKind::Unavailable,
                format!("the store cannot take changes now: {reason}"),
            )
            .with_hint("free space where the store lives; reading and verifying go on meanwhile"),
            StoreError::ReadOnly(reason) => Error::new(
                ErrorKind::PermissionDenied,
                format!("the store cannot be changed: {reason}"),
            )
            .because(Reason::StoreReadOnly),
            StoreError::Database(reason) => Error::internal(format!("store error: {reason}")),
            StoreError::LoginOvertaken => {
                Error::unauthenticated("another login used the same credential first")
            }
        }
    }
}
