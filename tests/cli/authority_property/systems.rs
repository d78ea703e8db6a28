//! The two systems under test: the service in-process, and `tokenctl
//! serve` over HTTP.

use super::*;

pub(crate) type Outcome<T> = Result<T, String>;

pub(crate) trait System {
    /// A login session of the shared first admin.
    async fn root(&self) -> Handle;
    /// What `credential` may do now, or `None` when it is refused.
    async fn effective(&self, credential: &Handle) -> Option<Permissions>;
    /// [`System::effective`] of each.
    async fn effective_all(&self, credentials: Vec<Handle>) -> Vec<Option<Permissions>> {
        let mut all = Vec::with_capacity(credentials.len());
        for credential in &credentials {
            all.push(self.effective(credential).await);
        }
        all
    }
    async fn add_role(&self, by: &Handle, name: &str, permissions: &Permissions) -> Outcome<()>;
    async fn add_user(&self, by: &Handle, name: &str, role: &str) -> Outcome<()>;
    async fn set_role(&self, by: &Handle, user: &str, role: &str) -> Outcome<()>;
    async fn set_disabled(&self, by: &Handle, user: &str, disabled: bool) -> Outcome<()>;
    async fn login(&self, user: &str) -> Outcome<Handle>;
    /// The new token's secret, id and granted permissions.
    async fn create(
        &self,
        by: &Handle,
        name: &str,
        owner: Option<&str>,
        role: Option<&str>,
    ) -> Outcome<(Handle, i64, Permissions)>;
    async fn regenerate(&self, by: &Handle, id: i64) -> Outcome<Handle>;
    /// The access token and its scope.
    async fn exchange(
        &self,
        subject: &Handle,
        scope: &Permissions,
        foreign: bool,
    ) -> Outcome<(Handle, Permissions)>;
    async fn revoke(&self, by: &Handle, id: i64) -> Outcome<()>;
    async fn rotate(&self, by: &Handle) -> Outcome<()>;
    /// The store's users, roles and tokens of these names (plus the first
    /// admin and the built-in roles), and the key count.
    async fn snapshot(&self, names: &Names) -> Snapshot;
}

pub(crate) fn is_builtin(role: &str) -> bool {
    ["admin", "developer", "connector", "support"].contains(&role)
}

// --- In-process: the service over a SQLite file, as `serve` runs it.

pub(crate) struct InProcess {
    pub(crate) service: TokenService,
    pub(crate) store: Arc<dyn Store>,
    pub(crate) keys: LiveKeys,
    pub(crate) _dir: tempfile::TempDir,
}

impl InProcess {
    pub(crate) async fn start() -> InProcess {
        // Memory-backed when the machine has it: this run is about rules,
        // and thousands of fsyncs would only make it slow.
        let dir = match std::path::Path::new("/dev/shm") {
            shm if shm.is_dir() => tempfile::tempdir_in(shm),
            _ => tempfile::tempdir(),
        }
        .expect("temporary directory");
        let opened = SqliteStore::open(&dir.path().join("store.db"), None)
            .await
            .expect("store");
        let store: Arc<dyn Store> = Arc::new(opened.store);
        let keys = LiveKeys::open(&dir.path().join("keys.json")).expect("keys");
        let issuer = Issuer::new(
            keys.clone(),
            ExchangePolicy::new(
                ISSUER.to_owned(),
                vec![FOREIGN.to_owned()],
                chrono::Duration::hours(1),
            ),
        );
        let service = TokenService::new(Arc::clone(&store))
            .with_issuer(Arc::new(issuer))
            .for_server()
            .await
            .expect("service");
        service
            .bootstrap_admin(ROOT, Some(PASSWORD.to_owned()))
            .await
            .expect("first admin");
        InProcess {
            service,
            store,
            keys,
            _dir: dir,
        }
    }

    /// Who a credential stands for, as the server's `Caller` works it out.
    pub(crate) async fn actor(&self, credential: &Handle) -> Outcome<Actor> {
        let keys = self.keys.current();
        let actor = match credential.kind {
            Kind::Session => {
                let claims = auth::verify_session(&keys, &credential.value, tokenctl::time::now())
                    .map_err(|error| error.message)?;
                self.service.actor_for_session(&claims, "test").await
            }
            Kind::Token => {
                let secret = Secret::parse(&credential.value).map_err(|e| e.to_string())?;
                self.service
                    .actor_for_token(&secret, &tokenctl::requests::UsedFrom::source("test"))
                    .await
            }
            Kind::AccessToken => {
                self.service
                    .actor_for_access_token(
                        &credential.value,
                        &tokenctl::requests::UsedFrom::source("test"),
                    )
                    .await
            }
        };
        actor.map_err(|error| error.message)
    }
}

pub(crate) fn message<T>(result: tokenctl::error::Result<T>) -> Outcome<T> {
    result.map_err(|error| format!("{:?}: {}", error.kind, error.message))
}

impl System for InProcess {
    async fn root(&self) -> Handle {
        self.login(ROOT).await.expect("root login")
    }

    async fn effective(&self, credential: &Handle) -> Option<Permissions> {
        self.actor(credential)
            .await
            .ok()
            .map(|actor| actor.permissions)
    }

    async fn add_role(&self, by: &Handle, name: &str, permissions: &Permissions) -> Outcome<()> {
        let actor = self.actor(by).await?;
        message(
            self.service
                .add_role(&actor, name, "", permissions.clone())
                .await,
        )
        .map(drop)
    }

    async fn add_user(&self, by: &Handle, name: &str, role: &str) -> Outcome<()> {
        let actor = self.actor(by).await?;
        message(
            self.service
                .add_user(
                    &actor,
                    AddUserRequest {
                        password: Some(ONE_TIME.to_owned()),
                        ..AddUserRequest::new(name, role)
                    },
                )
                .await,
        )?;
        // The owner's first login replaces the one-time password.
        let first = Proof {
            password: ONE_TIME.to_owned(),
            new_password: Some(PASSWORD.to_owned()),
            ..Proof::default()
        };
        message(
            self.service
                .open_session(name, &first, "test", "proptest")
                .await,
        )
        .map(drop)
    }

    async fn set_role(&self, by: &Handle, user: &str, role: &str) -> Outcome<()> {
        let actor = self.actor(by).await?;
        message(self.service.set_user_role(&actor, user, role).await).map(drop)
    }

    async fn set_disabled(&self, by: &Handle, user: &str, disabled: bool) -> Outcome<()> {
        let actor = self.actor(by).await?;
        message(self.service.set_user_disabled(&actor, user, disabled).await).map(drop)
    }

    async fn login(&self, user: &str) -> Outcome<Handle> {
        let signed_in = message(
            self.service
                .open_session(user, &Proof::password(PASSWORD), "test", "proptest")
                .await,
        )?;
        Ok(Handle {
            kind: Kind::Session,
            value: signed_in.session,
        })
    }

    async fn create(
        &self,
        by: &Handle,
        name: &str,
        owner: Option<&str>,
        role: Option<&str>,
    ) -> Outcome<(Handle, i64, Permissions)> {
        let actor = self.actor(by).await?;
        let request = CreateRequest {
            name: name.to_owned(),
            kind: tokenctl::model::TokenKind::Personal,
            role: role.map(str::to_owned),
            expires: None,
            description: String::new(),
            owner: owner.map(str::to_owned),
            max_idle: None,
            allowed_ips: Vec::new(),
        };
        let created = message(self.service.create_token(&actor, request).await)?;
        let handle = Handle {
            kind: Kind::Token,
            value: created.secret.expose().to_owned(),
        };
        Ok((handle, created.token.id, created.token.permissions))
    }

    async fn regenerate(&self, by: &Handle, id: i64) -> Outcome<Handle> {
        let actor = self.actor(by).await?;
        let regenerated = message(
            self.service
                .regenerate(&actor, &TokenRef::Id(id), Default::default())
                .await,
        )?;
        Ok(Handle {
            kind: Kind::Token,
            value: regenerated.secret.expose().to_owned(),
        })
    }

    async fn exchange(
        &self,
        subject: &Handle,
        scope: &Permissions,
        foreign: bool,
    ) -> Outcome<(Handle, Permissions)> {
        let keys = self.keys.current();
        let secret;
        let claims;
        let subject = match subject.kind {
            Kind::Token => {
                secret = Secret::parse(&subject.value).map_err(|e| e.to_string())?;
                ExchangeSubject::Token(&secret)
            }
            Kind::Session => {
                claims = auth::verify_session(&keys, &subject.value, tokenctl::time::now())
                    .map_err(|error| error.message)?;
                ExchangeSubject::Session(&claims)
            }
            Kind::AccessToken => return Err("an access token is no subject".to_owned()),
        };
        let request = ExchangeRequest {
            ttl: None,
            scopes: vec![tokenctl::model::permissions_to_string(scope)],
            audience: foreign.then(|| FOREIGN.to_owned()),
            strict_ttl: false,
        };
        let exchanged = self
            .service
            .exchange(
                subject,
                request,
                &tokenctl::requests::UsedFrom::source("test"),
            )
            .await
            .map_err(|error| error.to_string())?;
        let scope = tokenctl::model::permissions_from_str(&exchanged.scope)?;
        let handle = Handle {
            kind: Kind::AccessToken,
            value: exchanged.access_token,
        };
        Ok((handle, scope))
    }

    async fn revoke(&self, by: &Handle, id: i64) -> Outcome<()> {
        let actor = self.actor(by).await?;
        message(self.service.revoke(&actor, &TokenRef::Id(id), None).await).map(drop)
    }

    async fn rotate(&self, by: &Handle) -> Outcome<()> {
        let actor = self.actor(by).await?;
        message(self.service.rotate_signing_key(&actor).await).map(drop)
    }

    async fn snapshot(&self, names: &Names) -> Snapshot {
        let now = tokenctl::time::now();
        let mut snapshot = Snapshot {
            users: BTreeMap::new(),
            roles: BTreeMap::new(),
            tokens: BTreeMap::new(),
            keys: self.keys.current().infos(now).len(),
        };
        for name in std::iter::once(ROOT).chain(names.users.iter().map(String::as_str)) {
            if let Some(user) = self.store.user(name).await.expect("user") {
                let disabled = user.is_disabled();
                snapshot.users.insert(user.name, (user.role, disabled));
            }
        }
        let builtin = ["admin", "developer", "connector", "support"];
        for name in builtin
            .into_iter()
            .chain(names.roles.iter().map(String::as_str))
        {
            if let Some(role) = self.store.role(name).await.expect("role") {
                snapshot.roles.insert(role.name, role.permissions);
            }
        }
        for name in &names.tokens {
            for token in self.store.tokens_named(name).await.expect("tokens") {
                let revoked = token.revoked_at.is_some();
                snapshot
                    .tokens
                    .insert(token.id, (token.owner, token.permissions, revoked));
            }
        }
        snapshot
    }
}

// --- Through a real `tokenctl serve`, over HTTP.

pub(crate) struct Served {
    pub(crate) env: common::TestEnv,
    pub(crate) url: String,
    pub(crate) client: reqwest::Client,
    pub(crate) observer: Handle,
}

impl Served {
    pub(crate) async fn start() -> Served {
        let env = common::TestEnv::with_server_flags(
            common::Backend::RemoteSqlite,
            &[
                "--login-attempts-per-minute",
                "1000000",
                "--audience",
                FOREIGN,
            ],
        );
        let url = env.server_url().expect("url");
        let observer = Handle {
            kind: Kind::Session,
            value: env.session(),
        };
        Served {
            env,
            url,
            client: reqwest::Client::new(),
            observer,
        }
    }

    pub(crate) async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        bearer: Option<&Handle>,
        body: Option<Value>,
    ) -> Outcome<Value> {
        let mut request = self.client.request(method, format!("{}{path}", self.url));
        if let Some(bearer) = bearer {
            request = request.bearer_auth(&bearer.value);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.map_err(|e| e.to_string())?;
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        if status.is_success() {
            Ok(body)
        } else {
            Err(format!("{status}: {body}"))
        }
    }

    pub(crate) async fn post(
        &self,
        path: &str,
        by: &Handle,
        body: Option<Value>,
    ) -> Outcome<Value> {
        self.call(reqwest::Method::POST, path, Some(by), body).await
    }

    /// What the observer reads at `path`; a list whole, page after page.
    pub(crate) async fn get(&self, path: &str) -> Value {
        let mut url = format!("{}{path}", self.url);
        let mut items = Vec::new();
        loop {
            let response = self
                .client
                .get(&url)
                .bearer_auth(&self.observer.value)
                .send()
                .await
                .expect("the observer reads");
            assert!(
                response.status().is_success(),
                "{url}: {}",
                response.status()
            );
            let next = common::next_page_url(&url, response.headers());
            match response.json().await.expect("JSON") {
                Value::Array(page) => items.extend(page),
                whole => return whole,
            }
            match next {
                Some(next) => url = next,
                None => return Value::Array(items),
            }
        }
    }
}

pub(crate) fn permissions_of(value: &Value) -> Permissions {
    serde_json::from_value(value.clone()).expect("permissions")
}

impl System for Served {
    async fn root(&self) -> Handle {
        let body = json!({ "username": self.env.me(), "password": common::ADMIN_PASSWORD });
        let answer = self
            .call(reqwest::Method::POST, "/v1/login", None, Some(body))
            .await
            .expect("root login");
        Handle {
            kind: Kind::Session,
            value: answer["session"].as_str().expect("session").to_owned(),
        }
    }

    async fn effective(&self, credential: &Handle) -> Option<Permissions> {
        let me = self
            .call(reqwest::Method::GET, "/v1/me", Some(credential), None)
            .await
            .ok()?;
        Some(permissions_of(&me["permissions"]))
    }

    /// All at once, as concurrent clients would ask.
    async fn effective_all(&self, credentials: Vec<Handle>) -> Vec<Option<Permissions>> {
        let asks = credentials.into_iter().map(|credential| {
            let client = self.client.clone();
            let url = format!("{}/v1/me", self.url);
            tokio::spawn(async move {
                let response = client
                    .get(url)
                    .bearer_auth(&credential.value)
                    .send()
                    .await
                    .ok()?;
                if !response.status().is_success() {
                    return None;
                }
                let me: Value = response.json().await.ok()?;
                Some(permissions_of(&me["permissions"]))
            })
        });
        let mut all = Vec::new();
        for ask in asks.collect::<Vec<_>>() {
            all.push(ask.await.expect("the check ran"));
        }
        all
    }

    async fn add_role(&self, by: &Handle, name: &str, permissions: &Permissions) -> Outcome<()> {
        let body = json!({ "name": name, "permissions": permissions });
        self.post("/v1/roles", by, Some(body)).await.map(drop)
    }

    async fn add_user(&self, by: &Handle, name: &str, role: &str) -> Outcome<()> {
        let body = json!({ "name": name, "role": role, "password": ONE_TIME });
        self.post("/v1/users", by, Some(body)).await?;
        // The owner's first login replaces the one-time password.
        let first = json!({ "username": name, "password": ONE_TIME, "new_password": PASSWORD });
        self.call(reqwest::Method::POST, "/v1/login", None, Some(first))
            .await
            .map(drop)
    }

    async fn set_role(&self, by: &Handle, user: &str, role: &str) -> Outcome<()> {
        let path = format!("/v1/users/{user}/role");
        self.post(&path, by, Some(json!({ "role": role })))
            .await
            .map(drop)
    }

    async fn set_disabled(&self, by: &Handle, user: &str, disabled: bool) -> Outcome<()> {
        let verb = if disabled { "disable" } else { "enable" };
        self.post(&format!("/v1/users/{user}/{verb}"), by, None)
            .await
            .map(drop)
    }

    async fn login(&self, user: &str) -> Outcome<Handle> {
        let body = json!({ "username": user, "password": PASSWORD });
        let answer = self
            .call(reqwest::Method::POST, "/v1/login", None, Some(body))
            .await?;
        Ok(Handle {
            kind: Kind::Session,
            value: answer["session"].as_str().expect("session").to_owned(),
        })
    }

    async fn create(
        &self,
        by: &Handle,
        name: &str,
        owner: Option<&str>,
        role: Option<&str>,
    ) -> Outcome<(Handle, i64, Permissions)> {
        let mut body = json!({ "name": name });
        if let Some(owner) = owner {
            body["for"] = json!(owner);
        }
        if let Some(role) = role {
            body["role"] = json!(role);
        }
        let answer = self.post("/v1/tokens", by, Some(body)).await?;
        let handle = Handle {
            kind: Kind::Token,
            value: answer["secret"].as_str().expect("secret").to_owned(),
        };
        let id = answer["token"]["id"].as_i64().expect("id");
        Ok((handle, id, permissions_of(&answer["token"]["permissions"])))
    }

    async fn regenerate(&self, by: &Handle, id: i64) -> Outcome<Handle> {
        let answer = self
            .post(&format!("/v1/tokens/{id}/regenerate"), by, None)
            .await?;
        Ok(Handle {
            kind: Kind::Token,
            value: answer["secret"].as_str().expect("secret").to_owned(),
        })
    }

    async fn exchange(
        &self,
        subject: &Handle,
        scope: &Permissions,
        foreign: bool,
    ) -> Outcome<(Handle, Permissions)> {
        let subject_type = match subject.kind {
            Kind::Token => "urn:ietf:params:oauth:token-type:access_token",
            Kind::Session | Kind::AccessToken => "urn:ietf:params:oauth:token-type:jwt",
        };
        let mut form = vec![
            (
                "grant_type",
                "urn:ietf:params:oauth:grant-type:token-exchange".to_owned(),
            ),
            ("subject_token", subject.value.clone()),
            ("subject_token_type", subject_type.to_owned()),
        ];
        if !scope.is_empty() {
            form.push(("scope", tokenctl::model::permissions_to_string(scope)));
        }
        if foreign {
            form.push(("audience", FOREIGN.to_owned()));
        }
        let response = self
            .client
            .post(format!("{}/oauth2/token", self.url))
            .form(&form)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        if !status.is_success() {
            return Err(format!("{status}: {body}"));
        }
        let scope = tokenctl::model::permissions_from_str(body["scope"].as_str().expect("scope"))?;
        let handle = Handle {
            kind: Kind::AccessToken,
            value: body["access_token"].as_str().expect("token").to_owned(),
        };
        Ok((handle, scope))
    }

    async fn revoke(&self, by: &Handle, id: i64) -> Outcome<()> {
        self.post(&format!("/v1/tokens/{id}/revoke"), by, None)
            .await
            .map(drop)
    }

    async fn rotate(&self, by: &Handle) -> Outcome<()> {
        self.post("/v1/keys/rotate", by, None).await.map(drop)
    }

    async fn snapshot(&self, names: &Names) -> Snapshot {
        let root = self.env.me();
        let users = self.get("/v1/users").await;
        let roles = self.get("/v1/roles").await;
        let tokens = self.get("/v1/tokens?status=all").await;
        let keys = self.get("/v1/keys").await;
        let text = |value: &Value| value.as_str().expect("text").to_owned();
        // The first admin is the model's `root`, whatever the OS user's name.
        let user = |value: &Value| {
            let name = text(value);
            if name == root { ROOT.to_owned() } else { name }
        };
        let ours = |list: &[String], value: &Value| list.contains(&text(value));
        Snapshot {
            users: users
                .as_array()
                .expect("users")
                .iter()
                .filter(|u| u["name"] == root.as_str() || ours(&names.users, &u["name"]))
                .map(|u| {
                    (
                        user(&u["name"]),
                        (text(&u["role"]), !u["disabled_at"].is_null()),
                    )
                })
                .collect(),
            roles: roles
                .as_array()
                .expect("roles")
                .iter()
                .filter(|r| is_builtin(&text(&r["name"])) || ours(&names.roles, &r["name"]))
                .map(|r| (text(&r["name"]), permissions_of(&r["permissions"])))
                .collect(),
            tokens: tokens
                .as_array()
                .expect("tokens")
                .iter()
                .filter(|t| ours(&names.tokens, &t["name"]))
                .map(|t| {
                    let revoked = !t["revoked_at"].is_null();
                    let granted = permissions_of(&t["permissions"]);
                    let id = t["id"].as_i64().expect("id");
                    (id, (user(&t["owner"]), granted, revoked))
                })
                .collect(),
            keys: keys.as_array().expect("keys").len(),
        }
    }
}
