//! The calls of signing in, beside the [`Backend`](crate::backend::Backend)
//! seam: only a server has logins, sessions and a second factor to enrol.

use reqwest::Method;

use super::RemoteBackend;
use crate::api;
use crate::error::Result;

impl RemoteBackend {
    /// `POST /v1/login`: a session for `username`.
    pub async fn login(&self, request: &api::LoginRequest) -> Result<api::LoginResponse> {
        self.call(Method::POST, &["login"], Some(request)).await
    }

    /// `current_code`: a code from the account's current second factor,
    /// which replacing it needs.
    pub async fn begin_totp(&self, current_code: Option<&str>) -> Result<api::TotpEnrollment> {
        let body = api::TotpBeginRequest {
            current_code: current_code.map(str::to_owned),
        };
        self.call(Method::POST, &["me", "totp"], Some(&body)).await
    }

    pub async fn confirm_totp(&self, code: &str) -> Result<()> {
        let request = api::TotpConfirmRequest {
            code: code.to_owned(),
        };
        let _: serde_json::Value = self
            .call(Method::POST, &["me", "totp", "confirm"], Some(&request))
            .await?;
        Ok(())
    }

    pub async fn me(&self) -> Result<api::Me> {
        self.call(Method::GET, &["me"], None::<&()>).await
    }
}
