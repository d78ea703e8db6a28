//! `tokenctl oauth show`.

use super::common::{EntryView, store};
use crate::cmd::Context;
use crate::error::Result;
use crate::output::expiry_long;

/// Show one OAuth2 token configuration (never its secrets)
///
/// Examples:
///   tokenctl oauth show mail
///   tokenctl oauth show mail --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the token
    #[arg(add = crate::cmd::complete::oauth_entries())]
    pub name: String,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let store = store(ctx);
    let entry = store.get(&args.name)?;
    let now = crate::time::now();
    let view = EntryView::new(&store, &entry, now);
    if ctx.out.json {
        return ctx.out.json(&view);
    }
    let none = || "-".to_owned();
    let token = entry.token.as_ref();
    let mut fields = vec![
        ("Name", entry.name.clone()),
        ("Template", entry.template.to_string()),
        ("Client ID", entry.client_id.clone()),
        (
            "Client",
            if entry.public_client {
                "public (no secret)"
            } else {
                "confidential"
            }
            .to_owned(),
        ),
        (
            "Auth URL",
            entry.endpoints.auth_url.clone().unwrap_or_else(none),
        ),
        ("Token URL", entry.endpoints.token_url.clone()),
        (
            "Device URL",
            entry.endpoints.device_url.clone().unwrap_or_else(none),
        ),
        ("Scopes", entry.scopes.join(" ")),
        (
            "Validity",
            entry.validity().map_or_else(none, crate::time::compact),
        ),
        ("Notify", entry.notify.names().join(", ")),
        ("Status", view.state.as_str().to_owned()),
    ];
    if let Some(token) = token {
        fields.push((
            "Obtained",
            crate::output::instant_long(token.obtained_at, now),
        ));
        fields.push(("Token expires", expiry_long(token.expires_at, now)));
        let refresh = if token.has_refresh_token {
            expiry_long(token.refresh_expires_at, now)
        } else {
            "no refresh token".to_owned()
        };
        fields.push(("Refresh expires", refresh));
    }
    fields.push(("Secrets in", view.secrets_kept_in.clone()));
    ctx.out.fields(&fields)
}
