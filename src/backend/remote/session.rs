//! The calls of signing in, beside the [`Backend`](crate::backend::Backend)
//! seam: only a server has logins, sessions and a second factor to enrol.

use reqwest::Method;

use super::RemoteBackend;
use crate::api;
use crate::error::Result;
use crate::model::User;
use crate::service::SecondFactor;

/// The wire's two fields for a second factor: a code, or a recovery code.
pub(crate) fn second_factor_fields(
    factor: Option<&SecondFactor>,
) -> (Option<String>, Option<String>) {
    match factor {
        Some(SecondFactor::Code(code)) => (Some(code.clone()), None),
        Some(SecondFactor::RecoveryCode(code)) => (None, Some(code.clone())),
        None => (None, None),
    }
}

impl RemoteBackend {
    /// `POST /v1/login`: a session for `username`.
    pub async fn login(&self, request: &api::LoginRequest) -> Result<api::LoginResponse> {
        self.call(Method::POST, &["login"], Some(request)).await
    }

    /// `current`: a code from the account's current second factor (or a
    /// recovery code), which replacing it needs.
    pub async fn begin_totp(&self, current: Option<&SecondFactor>) -> Result<api::TotpEnrollment> {
        let (current_code, recovery_code) = second_factor_fields(current);
        let body = api::TotpBeginRequest {
            current_code,
            recovery_code,
        };
        self.call(Method::POST, &["me", "totp"], Some(&body)).await
    }

    /// The new recovery codes come back, to be shown once.
    pub async fn confirm_totp(&self, code: &str) -> Result<api::TotpConfirmed> {
        let request = api::TotpConfirmRequest {
            code: code.to_owned(),
        };
        self.call(Method::POST, &["me", "totp", "confirm"], Some(&request))
            .await
    }

    pub async fn two_factor_status(&self) -> Result<api::TwoFactorStatus> {
        self.call(Method::GET, &["me", "totp"], None::<&()>).await
    }

    pub async fn disable_totp(&self, proof: &SecondFactor) -> Result<User> {
        let (code, recovery_code) = second_factor_fields(Some(proof));
        let body = api::TotpDisableRequest {
            code,
            recovery_code,
        };
        self.call(Method::POST, &["me", "totp", "disable"], Some(&body))
            .await
    }

    pub async fn me(&self) -> Result<api::Me> {
        self.call(Method::GET, &["me"], None::<&()>).await
    }
}
