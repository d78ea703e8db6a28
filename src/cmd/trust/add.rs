//! `tokenctl trust add`.

use crate::cmd::{Context, parse};
use crate::error::{Error, Result};
use crate::federation::trust::{ClaimRule, GithubPreset, GitlabPreset};
use crate::model::Permission;
use crate::output;
use crate::requests::NewTrustPolicy;

/// Add a trust policy: CI jobs that may exchange their ID token (needs trust:manage)
///
/// A job's ID token is admitted when its `iss` is the issuer, its `aud`
/// holds the audience, and every claim rule matches: `KEY=PATTERN`, where
/// `*` stands for any run of characters within the one claim value. A
/// policy must pin one repository, project or account (a rule on sub,
/// repository, repository_owner, project_path, namespace_path or their
/// ids, exact or with its first `*` after a `/`).
///
/// The policy's permissions are those of --role (or the --scope ones) that
/// both you and the owner hold; the rest is stripped and reported. The
/// access tokens it issues act for the owner, never with more than the
/// owner holds at that moment, and live at most --max-ttl (and no longer
/// than the ID token itself).
///
/// Presets fill the issuer and the claims:
///   --github-repo OWNER/REPO   issuer https://token.actions.githubusercontent.com,
///                              repository=OWNER/REPO
///     --ref REF                ref=refs/heads/REF (or REF as given when it starts with refs/)
///     --environment ENV        environment=ENV
///     --workflow FILE          workflow_ref=OWNER/REPO/.github/workflows/FILE@*
///   --gitlab-project G/P       issuer https://gitlab.com (or --gitlab-url),
///                              project_path=G/P
///     --ref REF                ref=REF
///
/// Examples:
///   tokenctl trust add deploy-api --github-repo acme/api --ref main \
///       --environment production --audience tokenctl --role developer --owner ci-bot
///   tokenctl trust add gl-build --gitlab-project acme/tools/build --ref main \
///       --audience https://tokens.example.com --scope api:read --max-ttl 10m
///   tokenctl trust add buildkite --issuer https://agent.buildkite.com \
///       --audience tokenctl --claim 'organization_slug=acme' \
///       --claim 'sub=organization:acme:pipeline:deploy:*' --scope api:write
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the new policy
    pub name: String,

    /// The OpenID Connect issuer (https://, or http:// on a loopback address)
    #[arg(long, value_name = "URL", required_unless_present_any = ["github_repo", "gitlab_project"])]
    pub issuer: Option<String>,

    /// The audience the ID token must be minted for (its `aud`)
    #[arg(long, value_name = "AUD")]
    pub audience: String,

    /// A claim the ID token must have, KEY=PATTERN (repeatable)
    #[arg(long = "claim", value_name = "KEY=PATTERN", value_parser = parse_rule)]
    pub claims: Vec<ClaimRule>,

    /// GitHub Actions preset: jobs of this repository
    #[arg(long, value_name = "OWNER/REPO", conflicts_with_all = ["issuer", "gitlab_project"])]
    pub github_repo: Option<String>,

    /// GitLab CI preset: jobs of this project
    #[arg(long, value_name = "GROUP/PROJECT", conflicts_with = "issuer")]
    pub gitlab_project: Option<String>,

    /// With a preset: only jobs running on this branch (or full ref)
    #[arg(long = "ref", value_name = "REF")]
    pub git_ref: Option<String>,

    /// With --github-repo: only jobs of this deployment environment
    #[arg(long, value_name = "ENV", requires = "github_repo")]
    pub environment: Option<String>,

    /// With --github-repo: only jobs of this workflow file
    #[arg(long, value_name = "FILE", requires = "github_repo")]
    pub workflow: Option<String>,

    /// With --gitlab-project: the GitLab instance [default: https://gitlab.com]
    #[arg(long, value_name = "URL", requires = "gitlab_project")]
    pub gitlab_url: Option<String>,

    /// The role whose permissions the policy grants
    #[arg(long, add = crate::cmd::complete::roles(), conflicts_with = "scopes", required_unless_present = "scopes")]
    pub role: Option<String>,

    /// A permission the policy grants (repeatable), instead of a role
    #[arg(long = "scope", value_name = "PERMISSION")]
    pub scopes: Vec<Permission>,

    /// Whose authority the access tokens carry [default: you]
    #[arg(long, value_name = "USER", add = crate::cmd::complete::users())]
    pub owner: Option<String>,

    /// The longest an access token issued under the policy lives [default: 15m]
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub max_ttl: Option<chrono::Duration>,

    /// What the policy is for
    #[arg(long, default_value = "")]
    pub description: String,
}

fn parse_rule(text: &str) -> std::result::Result<ClaimRule, String> {
    ClaimRule::parse(text).map_err(|error| error.message)
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let request = request(args)?;
    let policy = ctx.backend().await?.add_trust_policy(request).await?;
    if !policy.stripped_permissions.is_empty() {
        ctx.out.warning(&format!(
            "the policy asked for {}, which {} have; it does not grant them",
            output::permission_list(&policy.stripped_permissions),
            output::who_lacks(&policy.owner, &policy.created_by)
        ));
    }
    if ctx.out.json {
        return ctx.out.json(&policy);
    }
    ctx.out.success(&format!(
        "Added trust policy '{}': {} for {}",
        policy.name,
        super::grants(&policy),
        policy.owner
    ));
    Ok(())
}

/// The policy the flags describe, presets expanded.
fn request(args: Args) -> Result<NewTrustPolicy> {
    let (issuer, mut claims) = match (&args.github_repo, &args.gitlab_project, args.issuer) {
        (Some(repository), None, None) => {
            let (issuer, rules) = GithubPreset {
                repository: repository.clone(),
                git_ref: args.git_ref,
                environment: args.environment,
                workflow: args.workflow,
            }
            .rules()?;
            (issuer.to_owned(), rules)
        }
        (None, Some(project), None) => GitlabPreset {
            project: project.clone(),
            git_ref: args.git_ref,
            url: args.gitlab_url,
        }
        .rules()?,
        (None, None, Some(issuer)) => {
            if args.git_ref.is_some() {
                return Err(Error::invalid("--ref goes with a preset")
                    .with_hint("with --issuer, write the claim: --claim ref=REF"));
            }
            (issuer, Vec::new())
        }
        _ => {
            return Err(Error::invalid(
                "name the issuer once: --issuer, --github-repo or --gitlab-project",
            ));
        }
    };
    claims.extend(args.claims);
    Ok(NewTrustPolicy {
        name: args.name,
        issuer,
        audience: args.audience,
        claims,
        role: args.role,
        scopes: args.scopes,
        owner: args.owner,
        max_ttl_seconds: args.max_ttl.map(|ttl| ttl.num_seconds()),
        description: args.description,
    })
}
