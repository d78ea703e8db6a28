//! Which external identities a trust policy admits: an issuer, an audience
//! and claim patterns, and the presets that fill them in for GitHub Actions
//! and GitLab CI. Pure rules: no I/O, no clock.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::IdToken;
use crate::error::{Error, Result};
pub use crate::model::ClaimRule;
use crate::model::TrustPolicy;

/// The issuer of every GitHub Actions ID token.
pub const GITHUB_ISSUER: &str = "https://token.actions.githubusercontent.com";

/// The issuer of GitLab.com's ID tokens; a self-managed instance is its own.
pub const GITLAB_ISSUER: &str = "https://gitlab.com";

/// The claims that pin a policy to one repository, project or account: a
/// policy must pin at least one of them (see [`Condition::new`]).
pub const PINNING_CLAIMS: &[&str] = &[
    "sub",
    "repository",
    "repository_id",
    "repository_owner",
    "repository_owner_id",
    "project_path",
    "project_id",
    "namespace_path",
    "namespace_id",
];

/// What an ID token must show for a policy to admit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// `iss`, compared exactly.
    pub issuer: String,
    /// One of the token's `aud` values, compared exactly.
    pub audience: String,
    /// Every rule must hold.
    pub claims: Vec<ClaimRule>,
}

/// One line of a policy's verdict on a token: what was expected of which
/// claim, what the token had, and whether that passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimCheck {
    pub claim: String,
    pub expected: String,
    pub found: Option<String>,
    pub ok: bool,
}

impl std::fmt::Display for ClaimCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.found {
            Some(found) => write!(
                f,
                "{} is {found:?}, expected {:?}",
                self.claim, self.expected
            ),
            None => write!(f, "{} is missing, expected {:?}", self.claim, self.expected),
        }
    }
}

impl Condition {
    /// A condition from its parts, refused when it would admit far more
    /// than its author can mean: an issuer that is neither HTTPS nor a
    /// loopback address, an empty audience, a malformed rule, or no rule
    /// that pins one repository, project or account (then every job of
    /// every user of that CI provider would pass).
    pub fn new(issuer: &str, audience: &str, claims: Vec<ClaimRule>) -> Result<Condition> {
        super::issuers::check_issuer_url(issuer)?;
        if audience.trim().is_empty() {
            return Err(Error::invalid("the audience must not be empty"));
        }
        if let Some(rule) = claims.iter().find(|rule| rule.key.is_empty()) {
            return Err(Error::invalid(format!(
                "the claim rule {:?} names no claim; use KEY=PATTERN",
                rule.pattern
            )));
        }
        if !claims.iter().any(ClaimRule::pins) {
            return Err(Error::invalid(format!(
                "this policy would admit every job its issuer signs for; add a claim that \
                 pins one repository or project ({}) with an exact value, or with a `*` only \
                 after a `/` (e.g. repository=acme/*)",
                PINNING_CLAIMS.join(", ")
            )));
        }
        Ok(Condition {
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            claims,
        })
    }

    /// The condition a stored policy sets.
    pub fn of(policy: &TrustPolicy) -> Condition {
        Condition {
            issuer: policy.issuer.clone(),
            audience: policy.audience.clone(),
            claims: policy.claims.clone(),
        }
    }

    /// Holds `token` against the issuer, the audience and every claim rule,
    /// in that order, each with what the token had.
    pub fn check(&self, token: &IdToken) -> Vec<ClaimCheck> {
        let mut checks = vec![
            ClaimCheck {
                claim: "iss".to_owned(),
                expected: self.issuer.clone(),
                found: Some(token.issuer.clone()),
                ok: token.issuer == self.issuer,
            },
            ClaimCheck {
                claim: "aud".to_owned(),
                expected: self.audience.clone(),
                found: Some(token.audience.join(" ")),
                ok: token.audience.contains(&self.audience),
            },
        ];
        checks.extend(self.claims.iter().map(|rule| {
            let found = token.claims.get(&rule.key).and_then(single_value);
            ClaimCheck {
                claim: rule.key.clone(),
                expected: rule.pattern.clone(),
                ok: found
                    .as_deref()
                    .is_some_and(|value| glob(&rule.pattern, value)),
                found,
            }
        }));
        checks
    }
}

impl ClaimRule {
    /// Parses `KEY=PATTERN`, as `--claim` takes it.
    pub fn parse(text: &str) -> Result<ClaimRule> {
        let (key, pattern) = text.split_once('=').ok_or_else(|| {
            Error::invalid(format!(
                "the claim rule {text:?} has no `=`; use KEY=PATTERN, e.g. repository=acme/api"
            ))
        })?;
        let (key, pattern) = (key.trim(), pattern.trim());
        if key.is_empty() || pattern.is_empty() {
            return Err(Error::invalid(format!(
                "the claim rule {text:?} needs both a claim name and a pattern"
            )));
        }
        Ok(ClaimRule::new(key, pattern))
    }

    pub(crate) fn new(key: &str, pattern: &str) -> ClaimRule {
        ClaimRule {
            key: key.to_owned(),
            pattern: pattern.to_owned(),
        }
    }

    /// Whether this rule alone confines a policy to one repository, project
    /// or account: a pinning claim, compared exactly, or with its first `*`
    /// after a `/` (so `repo:acme/*` pins the owner acme, while `repo:acme*`
    /// would also admit acme-evil).
    fn pins(&self) -> bool {
        PINNING_CLAIMS.contains(&self.key.as_str())
            && match self.pattern.find('*') {
                None => true,
                Some(star) => self.pattern[..star].contains('/'),
            }
    }
}

/// A claim's value as text when it is one value; `None` for arrays,
/// objects and null, which no pattern matches.
fn single_value(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

/// Whether `pattern` matches all of `value`: `*` stands for any run of
/// characters (none included), every other character for itself.
pub fn glob(pattern: &str, value: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = value.strip_prefix(first) else {
        return false;
    };
    let middle: Vec<&str> = parts.collect();
    let Some((last, middle)) = middle.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// `--github-repo OWNER/REPO [--ref REF] [--environment ENV] [--workflow PATH]`.
#[derive(Debug, Clone, Default)]
pub struct GithubPreset {
    pub repository: String,
    pub git_ref: Option<String>,
    pub environment: Option<String>,
    pub workflow: Option<String>,
}

/// `--gitlab-project GROUP/PROJECT [--ref REF] [--gitlab-url URL]`.
#[derive(Debug, Clone, Default)]
pub struct GitlabPreset {
    pub project: String,
    pub git_ref: Option<String>,
    pub url: Option<String>,
}

impl GithubPreset {
    /// The issuer and claim rules this preset stands for:
    /// * `repository` = OWNER/REPO;
    /// * `ref` = REF (a bare branch name means `refs/heads/REF`);
    /// * `environment` = ENV;
    /// * `workflow_ref` = `OWNER/REPO/PATH@*` (a bare file name means
    ///   `.github/workflows/NAME`), so only that workflow file passes.
    pub fn rules(&self) -> Result<(&'static str, Vec<ClaimRule>)> {
        check_path(&self.repository, "--github-repo", "OWNER/REPO", Some(2))?;
        let repository = &self.repository;
        let mut rules = vec![ClaimRule::new("repository", repository)];
        if let Some(git_ref) = &self.git_ref {
            let full = if git_ref.starts_with("refs/") {
                git_ref.clone()
            } else {
                format!("refs/heads/{git_ref}")
            };
            rules.push(ClaimRule::new("ref", &full));
        }
        if let Some(environment) = &self.environment {
            rules.push(ClaimRule::new("environment", environment));
        }
        if let Some(workflow) = &self.workflow {
            let path = if workflow.contains('/') {
                workflow.clone()
            } else {
                format!(".github/workflows/{workflow}")
            };
            rules.push(ClaimRule::new(
                "workflow_ref",
                &format!("{repository}/{path}@*"),
            ));
        }
        Ok((GITHUB_ISSUER, rules))
    }
}

impl GitlabPreset {
    /// The issuer (the instance's URL, GitLab.com by default) and claim
    /// rules this preset stands for: `project_path` = GROUP/PROJECT
    /// (subgroups included), and `ref` = REF (GitLab's `ref` is the bare
    /// branch or tag name).
    pub fn rules(&self) -> Result<(String, Vec<ClaimRule>)> {
        check_path(&self.project, "--gitlab-project", "GROUP/PROJECT", None)?;
        let issuer = self
            .url
            .as_deref()
            .unwrap_or(GITLAB_ISSUER)
            .trim_end_matches('/')
            .to_owned();
        let mut rules = vec![ClaimRule::new("project_path", &self.project)];
        if let Some(git_ref) = &self.git_ref {
            rules.push(ClaimRule::new("ref", git_ref));
        }
        Ok((issuer, rules))
    }
}

/// Refuses a repository or project path that is not `A/B` (exactly
/// `segments` parts when given, at least two otherwise) of name characters:
/// a glob or a stray character there would silently widen the policy.
fn check_path(path: &str, flag: &str, shape: &str, segments: Option<usize>) -> Result<()> {
    let parts: Vec<&str> = path.split('/').collect();
    let name_like = |part: &&str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    };
    let count_ok = segments.map_or(parts.len() >= 2, |count| parts.len() == count);
    if count_ok && parts.iter().all(name_like) {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "{flag} takes {shape} (letters, digits, '.', '_', '-'), not {path:?}"
        )))
    }
}

#[cfg(test)]
mod tests;
