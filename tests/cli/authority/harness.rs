//! Servers and an API client.

use super::*;

pub(crate) const PASSWORD: &str = "a long enough password";

/// One server and its first admin's session, for raw HTTP.
pub(crate) struct Api<'a> {
    pub(crate) env: &'a TestEnv,
    pub(crate) url: String,
    pub(crate) admin: String,
}

impl<'a> Api<'a> {
    pub(crate) fn new(env: &'a TestEnv) -> Api<'a> {
        Api {
            env,
            url: env.server_url().expect("a server"),
            admin: env.session(),
        }
    }

    pub(crate) fn call(
        &self,
        method: &str,
        path: &str,
        bearer: &str,
        body: Option<Value>,
    ) -> HttpAnswer {
        let body = body.map(|body| body.to_string());
        http_request(
            method,
            &format!("{}{path}", self.url),
            Some(bearer),
            body.as_deref(),
        )
    }

    /// As the admin, expecting success: the answer's body.
    pub(crate) fn admin(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let answer = self.call(method, path, &self.admin, body);
        assert!(
            (200..300).contains(&answer.status),
            "{method} {path}: {} {}",
            answer.status,
            answer.body
        );
        answer.body
    }

    pub(crate) fn add_role(&self, name: &str, permissions: &[&str]) {
        let role = json!({ "name": name, "permissions": permissions });
        self.admin("POST", "/v1/roles", Some(role));
    }

    /// Adds a user with `role` and returns a login session for them: their
    /// first, which replaces the one-time password with [`PASSWORD`].
    pub(crate) fn user(&self, name: &str, role: &str) -> String {
        let one_time = format!("one-time {PASSWORD}");
        let user = json!({ "name": name, "role": role, "password": one_time });
        self.admin("POST", "/v1/users", Some(user));
        let answer = crate::common::http_first_login(&self.url, name, &one_time, PASSWORD);
        assert_eq!(answer.status, 200, "first login of {name}: {}", answer.body);
        answer.body["session"].as_str().expect("session").to_owned()
    }

    /// A new token of the caller's (role: the caller's own).
    pub(crate) fn token(&self, bearer: &str, name: &str) -> String {
        let answer = self.call("POST", "/v1/tokens", bearer, Some(json!({ "name": name })));
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer.body["secret"].as_str().expect("secret").to_owned()
    }

    /// An access token exchanged from `subject`, with the server's default
    /// audience unless one is named.
    pub(crate) fn access_token(&self, subject: &str, audience: Option<&str>) -> String {
        let answer = http_exchange(&self.url, subject, None, audience);
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer.body["access_token"]
            .as_str()
            .expect("access token")
            .to_owned()
    }

    pub(crate) fn status(
        &self,
        method: &str,
        path: &str,
        bearer: &str,
        body: Option<Value>,
    ) -> u16 {
        self.call(method, path, bearer, body).status
    }

    /// Everything whose change would be a grant: users (and their roles and
    /// states), roles, tokens (and their permissions) and the signing keys.
    pub(crate) fn state(&self) -> Value {
        let tokens = crate::common::without_uses(self.admin("GET", "/v1/tokens?status=all", None));
        json!({
            "users": self.admin("GET", "/v1/users", None),
            "roles": self.admin("GET", "/v1/roles", None),
            "tokens": tokens,
            "keys": std::fs::read_to_string(self.env.signing_key_path()).expect("keys"),
        })
    }
}
