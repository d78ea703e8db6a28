//! `tokenctl whoami`: who the commands act as.

use serde::Serialize;

use super::Context;
use crate::error::Result;
use crate::model::Permissions;
use crate::output;
use crate::policy::Credential;

/// Show who tokenctl acts as, and what they may do
///
/// Permissions are what the credential may do now. A token or an access
/// token may do less than its user's role allows; what it withholds is
/// listed, with the reason.
///
/// Examples:
///   tokenctl whoami
///   TOKENCTL_TOKEN=… tokenctl whoami --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Serialize)]
struct WhoAmI<'a> {
    user: &'a str,
    role: &'a str,
    /// Effective: what this credential may do now.
    permissions: &'a Permissions,
    role_permissions: &'a Permissions,
    /// The role's permissions this credential may not use.
    withheld_permissions: &'a Permissions,
    /// Why some are withheld; absent when none are.
    #[serde(skip_serializing_if = "Option::is_none")]
    withheld_because: Option<String>,
    credential: String,
}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let identity = ctx.backend().await?.whoami().await?;
    let actor = &identity.actor;
    let credential = match actor.credential {
        Credential::Local => "local store (OS user)".to_owned(),
        Credential::Session(_) | Credential::Password => "login session".to_owned(),
        Credential::Token(id) => format!("token {id}"),
        Credential::AccessToken => "access token (from tokenctl exchange)".to_owned(),
        Credential::IdToken => "a CI job's ID token (trust policy)".to_owned(),
    };
    let withheld = identity.withheld();
    let because = (!withheld.is_empty()).then(|| match actor.credential {
        Credential::Token(id) => {
            format!("token {id} was not granted them (its role, or its creator, lacked them)")
        }
        Credential::AccessToken => "they are not in the access token's scope".to_owned(),
        _ => "the credential does not carry them".to_owned(),
    });
    if ctx.out.json {
        return ctx.out.json(&WhoAmI {
            user: &actor.user.name,
            role: &actor.user.role,
            permissions: &actor.permissions,
            role_permissions: &identity.role_permissions,
            withheld_permissions: &withheld,
            withheld_because: because,
            credential,
        });
    }
    let mut fields = vec![
        ("User", actor.user.name.clone()),
        ("Role", actor.user.role.clone()),
        ("Permissions", output::permission_list(&actor.permissions)),
    ];
    if let Some(because) = because {
        fields.push((
            "Withheld",
            format!("{}: {because}", output::permission_list(&withheld)),
        ));
    }
    fields.push(("Via", credential));
    ctx.out.fields(&fields)
}
