//! `tokenctl whoami`: who the commands act as.

use serde::Serialize;

use super::Context;
use crate::error::Result;
use crate::model::Permissions;
use crate::output;
use crate::policy::Credential;

/// Show who tokenctl acts as, and what they may do
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
    permissions: &'a Permissions,
    credential: String,
}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let actor = ctx.backend().await?.whoami().await?;
    let credential = match actor.credential {
        Credential::Local => "local store (OS user)".to_owned(),
        Credential::Session => "login session".to_owned(),
        Credential::Token(id) => format!("token {id}"),
        Credential::AccessToken => "access token (from tokenctl exchange)".to_owned(),
    };
    if ctx.out.json {
        return ctx.out.json(&WhoAmI {
            user: &actor.user.name,
            role: &actor.user.role,
            permissions: &actor.permissions,
            credential,
        });
    }
    ctx.out.fields(&[
        ("User", actor.user.name.clone()),
        ("Role", actor.user.role.clone()),
        ("Permissions", output::permission_list(&actor.permissions)),
        ("Via", credential),
    ])
}
