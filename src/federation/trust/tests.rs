use chrono::DateTime;
use proptest::prelude::*;
use serde_json::json;

use super::*;

fn rule(text: &str) -> ClaimRule {
    ClaimRule::parse(text).expect("a rule")
}

fn condition(claims: &[&str]) -> Result<Condition> {
    Condition::new(
        GITHUB_ISSUER,
        "https://tokens.example.com",
        claims.iter().map(|text| rule(text)).collect(),
    )
}

/// A GitHub Actions ID token's claims for a push to main of acme/api.
fn github_token() -> IdToken {
    let claims = json!({
        "iss": GITHUB_ISSUER,
        "aud": "https://tokens.example.com",
        "sub": "repo:acme/api:ref:refs/heads/main",
        "repository": "acme/api",
        "repository_id": "690912",
        "repository_owner": "acme",
        "ref": "refs/heads/main",
        "workflow_ref": "acme/api/.github/workflows/deploy.yml@refs/heads/main",
        "run_attempt": 1,
        "runner_environment": "github-hosted",
        "labels": ["a", "b"],
    });
    IdToken {
        issuer: GITHUB_ISSUER.to_owned(),
        subject: "repo:acme/api:ref:refs/heads/main".to_owned(),
        audience: vec!["https://tokens.example.com".to_owned()],
        jti: None,
        issued_at: DateTime::UNIX_EPOCH,
        expires_at: DateTime::UNIX_EPOCH,
        claims: claims.as_object().expect("object").clone(),
    }
}

fn failed(checks: &[ClaimCheck]) -> Vec<&str> {
    checks
        .iter()
        .filter(|check| !check.ok)
        .map(|check| check.claim.as_str())
        .collect()
}

#[test]
fn a_policy_must_pin_a_repository_project_or_account() {
    for broad in [
        &["environment=production"][..],
        &["repository=*"],
        &["sub=repo:*"],
        &["sub=repo:acme*"],
        &["repository=acme*", "ref=refs/heads/main"],
    ] {
        let error = condition(broad).expect_err(&format!("{broad:?} is too broad"));
        assert!(error.message.contains("every job"), "{}", error.message);
    }
    for pinned in [
        &["sub=repo:acme/api:ref:refs/heads/main"][..],
        &["sub=repo:acme/*"],
        &["repository=acme/*", "environment=production"],
        &["repository_id=690912"],
        &["repository_owner=acme"],
        &["project_path=group/sub/project"],
    ] {
        condition(pinned).unwrap_or_else(|error| panic!("{pinned:?}: {error:?}"));
    }
}

#[test]
fn issuers_are_https_or_loopback_and_audiences_are_named() {
    let claims = || vec![rule("repository=acme/api")];
    for bad in [
        "http://issuer.example.com",
        "ftp://127.0.0.1",
        "https://user:pass@issuer.example.com",
        "https://issuer.example.com/?x=1",
        "not a url",
    ] {
        assert!(Condition::new(bad, "aud", claims()).is_err(), "{bad}");
    }
    for good in [
        "https://token.actions.githubusercontent.com",
        "http://127.0.0.1:8080",
        "http://[::1]:9000/issuer",
        "http://localhost:1234",
    ] {
        Condition::new(good, "aud", claims()).unwrap_or_else(|error| panic!("{good}: {error:?}"));
    }
    assert!(Condition::new(GITHUB_ISSUER, " ", claims()).is_err());
}

#[test]
fn claim_rules_are_key_equals_pattern() {
    assert_eq!(
        rule(" environment = production "),
        ClaimRule::new("environment", "production")
    );
    assert_eq!(rule("sub=a=b").pattern, "a=b");
    for bad in ["environment", "=production", "environment=", ""] {
        assert!(ClaimRule::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn a_check_names_every_claim_and_what_the_token_had() {
    let policy = condition(&["repository=acme/*", "ref=refs/heads/main", "run_attempt=1"])
        .expect("a policy");
    let checks = policy.check(&github_token());
    assert_eq!(
        checks
            .iter()
            .map(|check| check.claim.as_str())
            .collect::<Vec<_>>(),
        ["iss", "aud", "repository", "ref", "run_attempt"]
    );
    assert!(failed(&checks).is_empty(), "{checks:?}");

    let mut other = github_token();
    other.audience = vec!["https://elsewhere".to_owned()];
    other
        .claims
        .insert("ref".to_owned(), json!("refs/heads/feature"));
    let checks = policy.check(&other);
    assert_eq!(failed(&checks), ["aud", "ref"]);
    let why = checks
        .iter()
        .find(|check| check.claim == "ref")
        .expect("ref");
    assert_eq!(
        why.to_string(),
        r#"ref is "refs/heads/feature", expected "refs/heads/main""#
    );
}

#[test]
fn missing_and_many_valued_claims_match_nothing() {
    let policy =
        condition(&["repository=acme/api", "environment=*", "labels=*"]).expect("a policy");
    let checks = policy.check(&github_token());
    assert_eq!(failed(&checks), ["environment", "labels"]);
    assert_eq!(checks[3].found, None);
}

#[test]
fn the_github_preset_checks_repository_ref_environment_and_workflow() {
    let preset = GithubPreset {
        repository: "acme/api".to_owned(),
        git_ref: Some("main".to_owned()),
        environment: Some("production".to_owned()),
        workflow: Some("deploy.yml".to_owned()),
    };
    let (issuer, rules) = preset.rules().expect("rules");
    assert_eq!(issuer, GITHUB_ISSUER);
    assert_eq!(
        rules,
        [
            ClaimRule::new("repository", "acme/api"),
            ClaimRule::new("ref", "refs/heads/main"),
            ClaimRule::new("environment", "production"),
            ClaimRule::new("workflow_ref", "acme/api/.github/workflows/deploy.yml@*"),
        ]
    );
    let tag = GithubPreset {
        git_ref: Some("refs/tags/v1".to_owned()),
        ..preset.clone()
    };
    assert_eq!(tag.rules().expect("rules").1[1].pattern, "refs/tags/v1");
    for bad in ["acme", "acme/*", "acme/api/x", "acme/a pi", "/api"] {
        let preset = GithubPreset {
            repository: bad.to_owned(),
            ..GithubPreset::default()
        };
        assert!(preset.rules().is_err(), "{bad}");
    }
    // The preset's own rules pass the broadness check, and admit the job.
    let (issuer, rules) = preset.rules().expect("rules");
    let policy = Condition::new(issuer, "https://tokens.example.com", rules).expect("policy");
    let mut token = github_token();
    token
        .claims
        .insert("environment".to_owned(), json!("production"));
    assert_eq!(failed(&policy.check(&token)), Vec::<&str>::new());
}

#[test]
fn the_gitlab_preset_checks_project_and_ref_on_its_instance() {
    let preset = GitlabPreset {
        project: "group/sub/project".to_owned(),
        git_ref: Some("main".to_owned()),
        url: Some("https://gitlab.example.com/".to_owned()),
    };
    let (issuer, rules) = preset.rules().expect("rules");
    assert_eq!(issuer, "https://gitlab.example.com");
    assert_eq!(
        rules,
        [
            ClaimRule::new("project_path", "group/sub/project"),
            ClaimRule::new("ref", "main"),
        ]
    );
    let default = GitlabPreset {
        project: "group/project".to_owned(),
        ..GitlabPreset::default()
    };
    assert_eq!(default.rules().expect("rules").0, GITLAB_ISSUER);
    let bad = GitlabPreset {
        project: "group".to_owned(),
        ..GitlabPreset::default()
    };
    assert!(bad.rules().is_err());
}

/// What a `*`-only glob means, written the slow and obvious way.
fn reference_glob(pattern: &[char], value: &[char]) -> bool {
    match pattern.split_first() {
        None => value.is_empty(),
        Some(('*', rest)) => (0..=value.len()).any(|skip| reference_glob(rest, &value[skip..])),
        Some((c, rest)) => value.first() == Some(c) && reference_glob(rest, &value[1..]),
    }
}

proptest! {
    #[test]
    fn glob_agrees_with_the_obvious_matcher(pattern in "[ab/*]{0,8}", value in "[ab/]{0,10}") {
        let chars = |text: &str| text.chars().collect::<Vec<_>>();
        prop_assert_eq!(
            glob(&pattern, &value),
            reference_glob(&chars(&pattern), &chars(&value))
        );
    }

    #[test]
    fn a_pattern_without_a_star_matches_only_itself(pattern in "[a-z/:]{1,12}", value in "[a-z/:]{0,12}") {
        prop_assert!(glob(&pattern, &pattern));
        prop_assert_eq!(glob(&pattern, &value), pattern == value);
    }

    /// A pinned repository pattern never admits another owner's repository.
    #[test]
    fn an_owner_pinned_pattern_admits_only_that_owner(owner in "[a-z]{1,6}", other in "[a-z]{1,6}", repo in "[a-z]{1,6}") {
        let pattern = format!("{owner}/*");
        prop_assert!(ClaimRule::new("repository", &pattern).pins());
        let value = format!("{other}/{repo}");
        prop_assert_eq!(glob(&pattern, &value), owner == other);
    }
}
