//! Workload identity federation against a real OpenID Connect issuer on
//! loopback (tests/oidc_issuer/issuer.py: discovery, a JWK Set, ID tokens
//! signed by Python's jwcrypto): which tokens are accepted, why the others
//! are refused, and how often the issuer is contacted.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::Duration;

use chrono::Utc;
use serde_json::{Value, json};
use tokenctl::federation::trust::{ClaimRule, GithubPreset, GitlabPreset};
use tokenctl::federation::{Condition, Issuers, Refusal, Rejection, verify_federated};

pub(crate) const AUDIENCE: &str = "https://tokens.example.com";

/// The issuer process, stopped when dropped.
pub(crate) struct Issuer {
    child: Child,
    pub(crate) url: String,
    http: reqwest::Client,
}

impl Issuer {
    pub(crate) fn start() -> Issuer {
        crate::common::require_python_modules(&["jwcrypto"], "pip install jwcrypto; see .ci/run");
        let script =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc_issuer/issuer.py");
        let mut child = std::process::Command::new("python3")
            .arg(script)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the issuer");
        let line = BufReader::new(child.stdout.take().expect("stdout"))
            .lines()
            .next()
            .expect("the issuer exited before listening")
            .expect("read");
        let url = line
            .strip_prefix("listening on ")
            .expect("the issuer's address")
            .to_owned();
        Issuer {
            child,
            url,
            http: reqwest::Client::new(),
        }
    }

    pub(crate) async fn post(&self, path: &str, body: Value) -> String {
        let answer = self
            .http
            .post(format!("{}{path}", self.url))
            .json(&body)
            .send()
            .await
            .expect("the issuer answers");
        assert!(answer.status().is_success(), "{path}: {}", answer.status());
        answer.text().await.expect("body")
    }

    /// An ID token signed with `alg`, with `claims` over GitHub's usual set.
    pub(crate) async fn mint(&self, alg: &str, claims: Value) -> String {
        self.mint_with(json!({ "alg": alg, "claims": self.github_claims(&claims) }))
            .await
    }

    /// An ID token whose header names `kid`, which the issuer may not have.
    async fn mint_with_kid(&self, alg: &str, kid: &str) -> String {
        let claims = self.github_claims(&json!({}));
        self.mint_with(json!({"alg": alg, "kid": kid, "claims": claims}))
            .await
    }

    pub(crate) async fn mint_with(&self, request: Value) -> String {
        self.post("/mint", request).await
    }

    /// Claims of a GitHub Actions job of acme/api on main, issued now,
    /// with `overrides` on top.
    pub(crate) fn github_claims(&self, overrides: &Value) -> Value {
        let now = Utc::now().timestamp();
        let mut claims = json!({
            "iss": self.url,
            "aud": AUDIENCE,
            "sub": "repo:acme/api:ref:refs/heads/main",
            "repository": "acme/api",
            "repository_owner": "acme",
            "ref": "refs/heads/main",
            "environment": "production",
            "workflow_ref": "acme/api/.github/workflows/deploy.yml@refs/heads/main",
            "jti": format!("jti-{now}-{}", rand_suffix()),
            "iat": now,
            "nbf": now,
            "exp": now + 300,
        });
        for (key, value) in overrides.as_object().expect("an object") {
            claims[key] = value.clone();
        }
        claims
    }

    /// The verifier-facing requests the issuer has served.
    pub(crate) async fn fetches(&self) -> usize {
        let log: Vec<String> = self
            .http
            .get(format!("{}/log", self.url))
            .send()
            .await
            .expect("log")
            .json()
            .await
            .expect("a list");
        log.len()
    }

    /// The GitHub preset's policy for acme/api, deploy.yml, production.
    fn github_policy(&self) -> (String, Condition) {
        let preset = GithubPreset {
            repository: "acme/api".to_owned(),
            git_ref: Some("main".to_owned()),
            environment: Some("production".to_owned()),
            workflow: Some("deploy.yml".to_owned()),
        };
        let (_, rules) = preset.rules().expect("preset");
        let condition = Condition::new(&self.url, AUDIENCE, rules).expect("policy");
        ("acme-api-deploy".to_owned(), condition)
    }
}

impl Drop for Issuer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(std::time::Instant::now())
}

fn issuers() -> Issuers {
    Issuers::new(reqwest::Client::new())
}

/// The verified token and the name of the policy that admitted it.
async fn admitted<'p>(
    token: &str,
    policies: &'p [(String, Condition)],
    issuers: &Issuers,
) -> (tokenctl::federation::IdToken, &'p str) {
    verify_federated(token, policies, issuers, Utc::now())
        .await
        .unwrap_or_else(|rejection| panic!("refused: {rejection}"))
}

/// Issuer keys kept for `lifetime` and refreshed at most once per `refresh`.
fn issuers_timed(lifetime: Duration, refresh: Duration) -> Issuers {
    Issuers::with_timing(reqwest::Client::new(), lifetime, refresh)
}

/// [`refusal`] on a task of its own, beside the caller.
fn spawn_refusal(
    token: String,
    policies: &[(String, Condition)],
    issuers: &std::sync::Arc<Issuers>,
) -> tokio::task::JoinHandle<Rejection> {
    let (policies, issuers) = (policies.to_vec(), std::sync::Arc::clone(issuers));
    tokio::spawn(async move { refusal(&token, &policies, &issuers).await })
}

async fn refusal(token: &str, policies: &[(String, Condition)], issuers: &Issuers) -> Rejection {
    verify_federated(token, policies, issuers, Utc::now())
        .await
        .map(|(verified, name)| format!("{name} admitted {verified:?}"))
        .expect_err("refused")
}

async fn tokens_from_every_accepted_algorithm_pass_their_policy() {
    let issuer = Issuer::start();
    let policies = [issuer.github_policy()];
    let issuers = issuers();
    for alg in ["RS256", "ES256", "EdDSA"] {
        let token = issuer.mint(alg, json!({})).await;
        let (verified, name) = verify_federated(&token, &policies, &issuers, Utc::now())
            .await
            .unwrap_or_else(|error| panic!("{alg}: {error}"));
        assert_eq!(name, "acme-api-deploy");
        assert_eq!(verified.subject, "repo:acme/api:ref:refs/heads/main");
        assert_eq!(verified.issuer, issuer.url);
        assert!(verified.jti.is_some());
    }
    // One discovery and one key set served all three.
    assert_eq!(issuer.fetches().await, 2);

    // GitLab's claim set, under the GitLab preset on this instance.
    let (gitlab_issuer, rules) = GitlabPreset {
        project: "group/sub/project".to_owned(),
        git_ref: Some("main".to_owned()),
        url: Some(format!("{}/", issuer.url)),
    }
    .rules()
    .expect("preset");
    let gitlab = [(
        "gitlab-deploy".to_owned(),
        Condition::new(&gitlab_issuer, AUDIENCE, rules).expect("policy"),
    )];
    let now = Utc::now().timestamp();
    let token = issuer
        .mint_with(json!({"alg": "ES256", "claims": {
            "iss": issuer.url, "aud": AUDIENCE, "iat": now, "nbf": now, "exp": now + 300,
            "jti": "gitlab-1", "sub": "project_path:group/sub/project:ref_type:branch:ref:main",
            "project_path": "group/sub/project", "namespace_path": "group/sub",
            "ref": "main", "ref_type": "branch", "pipeline_source": "push",
        }}))
        .await;
    let (_, name) = admitted(&token, &gitlab, &issuers).await;
    assert_eq!(name, "gitlab-deploy");
}

async fn bad_tokens_are_refused_with_their_reason() {
    let issuer = Issuer::start();
    let policies = [issuer.github_policy()];
    let issuers = issuers();
    let now = Utc::now().timestamp();

    let no_match = |rejection: Rejection, claim: &str| match rejection {
        Rejection::NoMatch(verdicts) => {
            let (_, checks) = &verdicts[0];
            let failed: Vec<&str> = checks
                .iter()
                .filter(|check| !check.ok)
                .map(|check| check.claim.as_str())
                .collect();
            assert_eq!(failed, [claim]);
        }
        other => panic!("expected a mismatch on {claim}, got {other:?}"),
    };
    let token = issuer
        .mint("RS256", json!({"aud": "https://elsewhere"}))
        .await;
    no_match(refusal(&token, &policies, &issuers).await, "aud");
    let token = issuer
        .mint("ES256", json!({"repository": "acme/other"}))
        .await;
    no_match(refusal(&token, &policies, &issuers).await, "repository");
    let token = issuer
        .mint("RS256", json!({"ref": "refs/heads/feature"}))
        .await;
    no_match(refusal(&token, &policies, &issuers).await, "ref");

    let refused = |rejection: Rejection| match rejection {
        Rejection::Token(refusal) => refusal,
        other => panic!("expected the token refused, got {other:?}"),
    };
    let cases = [
        (
            json!({"exp": now - 120, "iat": now - 400}),
            Refusal::Expired,
        ),
        (json!({"nbf": now + 600}), Refusal::NotYetValid),
        (json!({"iat": now - 11 * 60}), Refusal::TooOld),
        (json!({"iat": now + 600}), Refusal::TooOld),
        (json!({"exp": "soon"}), Refusal::Claim("exp")),
    ];
    for (claims, expected) in cases {
        let token = issuer.mint("ES256", claims.clone()).await;
        assert_eq!(
            refused(refusal(&token, &policies, &issuers).await),
            expected,
            "{claims}"
        );
    }
    let claims = issuer.github_claims(&json!({}));
    let none = issuer
        .mint_with(json!({"alg": "none", "claims": claims}))
        .await;
    assert_eq!(
        refused(refusal(&none, &policies, &issuers).await),
        Refusal::Algorithm("none".to_owned())
    );
    let confused = issuer
        .mint_with(json!({"alg": "HS256-public", "claims": claims}))
        .await;
    assert_eq!(
        refused(refusal(&confused, &policies, &issuers).await),
        Refusal::Algorithm("HS256".to_owned())
    );
    // RS256 in the header, signed by the EC key: the key set says rsa-1 is
    // RS256, so the EC signature cannot pass as it.
    let good = issuer.mint("RS256", json!({})).await;
    let other = issuer.mint("EdDSA", json!({})).await;
    let (head, rest) = good.rsplit_once('.').expect("a JWS");
    let forged = format!("{head}.{}", other.rsplit_once('.').expect("a JWS").1);
    assert_eq!(
        refused(refusal(&forged, &policies, &issuers).await),
        Refusal::Signature
    );
    assert!(!rest.is_empty());
    for garbage in ["", "a.b", "a.b.c", &"x".repeat(20_000)] {
        assert!(matches!(
            refused(refusal(garbage, &policies, &issuers).await),
            Refusal::Malformed(_)
        ));
    }

    // An issuer no policy names is never contacted: the token names this
    // very issuer under another spelling, and nothing is fetched for it.
    let before = issuer.fetches().await;
    let elsewhere = issuer.url.replace("127.0.0.1", "localhost");
    let token = issuer.mint("RS256", json!({"iss": elsewhere})).await;
    assert!(matches!(
        refusal(&token, &policies, &issuers).await,
        Rejection::UnknownIssuer(named) if named == elsewhere
    ));
    assert_eq!(issuer.fetches().await, before);
}

async fn made_up_key_ids_cost_the_issuer_one_fetch_per_interval() {
    let issuer = Issuer::start();
    let policies = [issuer.github_policy()];
    let issuers = std::sync::Arc::new(issuers_timed(
        Duration::from_secs(3600),
        Duration::from_secs(2),
    ));
    let token = issuer.mint("RS256", json!({})).await;
    admitted(&token, &policies, &issuers).await;
    assert_eq!(issuer.fetches().await, 2);
    tokio::time::sleep(Duration::from_secs(2)).await;

    // 100 tokens with made-up kids, 10 at a time: one refresh for all.
    for round in 0..10 {
        let mut tokens = Vec::new();
        for n in 0..10 {
            let kid = format!("made-up-{round}-{n}");
            tokens.push(issuer.mint_with_kid("RS256", &kid).await);
        }
        let checks: Vec<_> = tokens
            .into_iter()
            .map(|token| spawn_refusal(token, &policies, &issuers))
            .collect();
        for check in checks {
            let rejection = check.await.expect("the check");
            assert!(
                matches!(rejection, Rejection::Token(Refusal::UnknownKey(Some(_)))),
                "{rejection:?}"
            );
        }
    }
    assert_eq!(issuer.fetches().await, 4, "one refresh (discovery + keys)");
    // The good key still works meanwhile, from the cache.
    let token = issuer.mint("ES256", json!({})).await;
    admitted(&token, &policies, &issuers).await;
    assert_eq!(issuer.fetches().await, 4);
}

async fn a_key_rotated_at_the_issuer_is_picked_up() {
    let issuer = Issuer::start();
    let policies = [issuer.github_policy()];
    let issuers = issuers_timed(Duration::from_secs(3600), Duration::from_secs(1));
    let old = issuer.mint("RS256", json!({})).await;
    admitted(&old, &policies, &issuers).await;
    issuer.post("/rotate", json!({})).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let new = issuer.mint("RS256", json!({})).await;
    admitted(&new, &policies, &issuers).await;
    assert_eq!(issuer.fetches().await, 4);
    // The retired key is gone from the refreshed set.
    assert!(matches!(
        refusal(&old, &policies, &issuers).await,
        Rejection::Token(Refusal::UnknownKey(Some(kid))) if kid == "rsa-1"
    ));
}

async fn a_slow_refresh_does_not_hold_up_tokens_whose_key_is_cached() {
    let issuer = Issuer::start();
    let policies = [issuer.github_policy()];
    let issuers = std::sync::Arc::new(issuers_timed(
        Duration::from_secs(3600),
        Duration::from_secs(0),
    ));
    let known = issuer.mint("ES256", json!({})).await;
    admitted(&known, &policies, &issuers).await;
    issuer.post("/delay", json!({"seconds": 3})).await;
    let unknown = issuer.mint_with_kid("RS256", "made-up").await;
    let refreshing = spawn_refusal(unknown, &policies, &issuers);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let again = issuer.mint("ES256", json!({})).await;
    admitted(&again, &policies, &issuers).await;
    assert!(
        !refreshing.is_finished(),
        "the cached key answered only after the slow refresh"
    );
    assert!(matches!(
        refreshing.await.expect("the refresh"),
        Rejection::Token(Refusal::UnknownKey(Some(_)))
    ));
}

async fn keys_are_fetched_again_once_their_lifetime_is_over() {
    let issuer = Issuer::start();
    let policies = [issuer.github_policy()];
    let issuers = issuers_timed(Duration::from_secs(1), Duration::from_millis(100));
    for _ in 0..3 {
        let token = issuer.mint("EdDSA", json!({})).await;
        admitted(&token, &policies, &issuers).await;
    }
    assert_eq!(issuer.fetches().await, 2);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let token = issuer.mint("EdDSA", json!({})).await;
    admitted(&token, &policies, &issuers).await;
    assert_eq!(issuer.fetches().await, 4);
}

async fn an_unreachable_issuer_is_a_clear_refusal_and_not_a_hammering() {
    let issuer = Issuer::start();
    let policies = [issuer.github_policy()];
    let issuers = issuers();
    let token = issuer.mint("RS256", json!({})).await;
    drop(issuer);
    for _ in 0..3 {
        match refusal(&token, &policies, &issuers).await {
            Rejection::Token(Refusal::Keys(why)) => {
                assert!(why.contains("could not connect"), "{why}")
            }
            other => panic!("expected the keys unavailable, got {other:?}"),
        }
    }
    // A rule's text survives the round trip into a policy.
    let rule = ClaimRule::parse("repository=acme/*").expect("rule");
    assert_eq!(
        (rule.key.as_str(), rule.pattern.as_str()),
        ("repository", "acme/*")
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(async tokens_from_every_accepted_algorithm_pass_their_policy),
        test!(async bad_tokens_are_refused_with_their_reason),
        test!(async multi_thread made_up_key_ids_cost_the_issuer_one_fetch_per_interval),
        test!(async a_key_rotated_at_the_issuer_is_picked_up),
        test!(async multi_thread a_slow_refresh_does_not_hold_up_tokens_whose_key_is_cached),
        test!(async keys_are_fetched_again_once_their_lifetime_is_over),
        test!(async an_unreachable_issuer_is_a_clear_refusal_and_not_a_hammering),
    ]
}
