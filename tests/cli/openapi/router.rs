//! The document against the real router.

use super::*;

pub(crate) struct Api {
    pub(crate) app: Router,
    pub(crate) service: Arc<TokenService>,
    pub(crate) _dir: TempDir,
}

pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) content_type: Option<String>,
    pub(crate) bytes: Vec<u8>,
}

impl Answer {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes).unwrap_or_else(|error| {
            panic!(
                "{} answered a non-JSON body ({error}): {}",
                self.status,
                String::from_utf8_lossy(&self.bytes)
            )
        })
    }
}

pub(crate) async fn api() -> Api {
    let dir = tempfile::tempdir().expect("temporary directory");
    let database = format!("sqlite:{}", dir.path().join("server.db").display());
    let store = tokenctl::store::open(&database)
        .await
        .expect("open the store");
    let keys = tokenctl::jose::LiveKeys::open(&dir.path().join("signing-keys.json")).expect("keys");
    let issuer = tokenctl::service::Issuer::new(
        keys.clone(),
        tokenctl::exchange::ExchangePolicy::new(
            "http://tokenctl.test".to_owned(),
            Vec::new(),
            tokenctl::exchange::DEFAULT_MAX_TTL,
        ),
    );
    let service = Arc::new(TokenService::new(store).with_issuer(Arc::new(issuer)));
    let state = AppState::new(Shared {
        service: Arc::clone(&service),
        keys,
        login_limiter: Arc::new(LoginLimiter::new(100, Duration::from_secs(60))),
        sessions: Arc::new(tokenctl::jose::VerifiedTokens::new(
            tokenctl::auth::SESSION_TYP,
            tokenctl::auth::SESSION_LIFETIME,
        )),
        request_timeout: tokenctl::server::DEFAULT_REQUEST_TIMEOUT,
        access_log: false,
        metrics_on_api: true,
        leak_keys: Some(Arc::new(tokenctl::leak_report::ReportKeys::new(
            tokenctl::leak_report::KeySource::File(dir.path().join("leak-keys.json")),
            reqwest::Client::new(),
        ))),
        trusted_proxies: Default::default(),
    });
    Api {
        app: router(state),
        service,
        _dir: dir,
    }
}

/// [`api`], with the admin [`ADMIN`] bootstrapped.
pub(crate) async fn api_with_admin() -> Api {
    let api = api().await;
    api.service
        .bootstrap_admin(ADMIN, Some(ADMIN_PASSWORD.to_owned()))
        .await
        .expect("bootstrap the admin");
    api
}

impl Api {
    pub(crate) async fn send(&self, request: Request<Body>) -> Answer {
        let response = self
            .app
            .clone()
            .oneshot(request)
            .await
            .expect("the router never fails");
        let status = response.status();
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .map(|value| value.to_str().expect("ASCII content type").to_owned());
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("read the body")
            .to_vec();
        Answer {
            status,
            content_type,
            bytes,
        }
    }

    pub(crate) async fn call(
        &self,
        method: &str,
        uri: &str,
        bearer: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut request = Request::builder()
            .method(Method::from_bytes(method.to_uppercase().as_bytes()).expect("method"))
            .uri(uri);
        if let Some(credential) = bearer {
            request = request.header(AUTHORIZATION, format!("Bearer {credential}"));
        }
        let body = match body {
            Some(body) => {
                request = request.header(CONTENT_TYPE, "application/json");
                Body::from(body.to_string())
            }
            None => Body::empty(),
        };
        self.send(request.body(body).expect("request")).await
    }
}

/// Checks an answer against the documented response for its status.
pub(crate) fn assert_documented(doc: &Value, path: &str, method: &str, answer: &Answer) {
    let what = format!("{} {path}", method.to_uppercase());
    let op = operation(doc, path, method);
    let code = answer.status.as_u16().to_string();
    let response = op["responses"].get(&code).unwrap_or_else(|| {
        panic!(
            "{what} answered {code}, which is not documented: {}",
            String::from_utf8_lossy(&answer.bytes)
        )
    });
    let response = deref(doc, response);
    match response["content"].get("application/json") {
        Some(media) => {
            assert_eq!(
                answer.content_type.as_deref(),
                Some("application/json"),
                "{what} {code}: content type"
            );
            assert_matches(
                doc,
                &media["schema"],
                &answer.json(),
                &format!("{what} {code}"),
            );
        }
        None => match response["content"]
            .as_object()
            .and_then(|media| media.keys().next())
        {
            // Text (the metrics): its type, and a body.
            Some(media_type) => {
                assert_eq!(
                    answer.content_type.as_deref(),
                    Some(media_type.as_str()),
                    "{what} {code}: content type"
                );
                assert!(!answer.bytes.is_empty(), "{what} {code}: no body");
            }
            None => assert!(
                answer.bytes.is_empty(),
                "{what} {code}: documented without a body, but one came"
            ),
        },
    }
}

pub(crate) fn is_unknown_endpoint(answer: &Answer) -> bool {
    answer.status == StatusCode::NOT_FOUND
        && serde_json::from_slice::<Value>(&answer.bytes)
            .is_ok_and(|body| body["error"]["message"] == "no such endpoint")
}

/// A login session of [`ADMIN`]'s.
pub(crate) async fn admin_session(api: &Api) -> String {
    let login = json!({ "username": ADMIN, "password": ADMIN_PASSWORD });
    api.call("post", "/v1/login", None, Some(login))
        .await
        .json()["session"]
        .as_str()
        .expect("session")
        .to_owned()
}
