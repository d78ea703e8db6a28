//! `tokenctl oauth edit`.

use super::common::{EntryView, SettingsArgs, read_client_secret, store};
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::oauth::Template;

/// Change an OAuth2 token configuration
///
/// Anything can change but the template, which is fixed once saved (giving
/// another --template is an error). Providers change their endpoints now
/// and then: --auth-url, --token-url, --device-url or --issuer update them.
/// --new-client-secret asks for the secret again (or reads stdin's first
/// line). Stored tokens are kept.
///
/// Examples:
///   tokenctl oauth edit mail --scope https://mail.google.com/ --validity 7d
///   tokenctl oauth edit mail --notify expired-refresh-token
///   printf '%s\n' "$NEW_SECRET" | tokenctl oauth edit mail --new-client-secret
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the token
    #[arg(add = crate::cmd::complete::oauth_entries())]
    pub name: String,

    /// Must be the saved template: a template can't be changed
    #[arg(long, value_enum)]
    pub template: Option<Template>,

    /// New client ID
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,

    /// Replace the client secret (hidden prompt, or stdin's first line)
    #[arg(long)]
    pub new_client_secret: bool,

    #[command(flatten)]
    pub settings: SettingsArgs,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let store = store(ctx);
    let mut entry = store.get(&args.name)?;
    if let Some(template) = args.template {
        entry.check_template(template)?;
    }
    let changes = args.settings.changes(ctx, args.client_id).await?;
    if changes.is_empty() && !args.new_client_secret {
        return Err(Error::invalid("nothing to change")
            .with_hint("see the options: tokenctl oauth edit --help"));
    }
    entry.apply(changes)?;
    if args.new_client_secret {
        if entry.public_client {
            return Err(Error::invalid(format!(
                "'{}' is a public client and has no client secret",
                entry.name
            )));
        }
        store.check_storage(&entry).await?;
        let mut secrets = store.secrets(&entry).await?;
        secrets.client_secret = Some(read_client_secret(ctx, &entry.name)?);
        store.put_secrets(&entry, &secrets).await?;
    }
    store.update(entry.clone())?;
    if ctx.out.json {
        return ctx
            .out
            .json(&EntryView::new(&store, &entry, crate::time::now()));
    }
    ctx.out
        .success(&format!("Changed OAuth token '{}'", entry.name));
    Ok(())
}
