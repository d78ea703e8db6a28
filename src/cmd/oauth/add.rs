//! `tokenctl oauth add`.

use super::common::{SettingsArgs, read_client_secret, store};
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::oauth::config::Secrets;
use crate::oauth::{Entry, Template};
use crate::session::Storage;

/// Add an OAuth2 token configuration for a provider
///
/// The template fills the provider's endpoints and default scopes (Google:
/// Gmail; Microsoft: Outlook IMAP/SMTP) and is fixed once saved; custom
/// takes --issuer or the endpoint URLs. The client secret is asked for
/// (hidden) or read from the first line of stdin, and kept in the OS
/// keyring; with no keyring, tokenctl stops before writing anything unless
/// you pass --insecure-storage (a 0600 file). Then get a token with
/// `tokenctl oauth request NAME`.
///
/// Examples:
///   tokenctl oauth add mail --template google --client-id 1234.apps.googleusercontent.com
///   printf '%s\n' "$SECRET" |
///       tokenctl oauth add o365 --template microsoft-organizations --client-id "$ID" --validity 90d
///   tokenctl oauth add sso --template custom --issuer https://login.example.com \
///       --client-id cli --public --scope openid
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the token (letters, digits, '-', '_', '.')
    pub name: String,

    /// Provider template; fixed once saved
    #[arg(long, value_enum)]
    pub template: Template,

    /// The application's client ID at the provider
    #[arg(long, value_name = "ID")]
    pub client_id: String,

    /// A public client: no client secret (PKCE or device grant)
    #[arg(long)]
    pub public: bool,

    /// Keep the secrets in a 0600 file instead of the OS keyring
    #[arg(long)]
    pub insecure_storage: bool,

    #[command(flatten)]
    pub settings: SettingsArgs,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let store = store(ctx);
    crate::oauth::check_name(&args.name)?;
    if store.load()?.iter().any(|entry| entry.name == args.name) {
        return Err(exists(&args.name));
    }
    let storage = if args.insecure_storage {
        Storage::File
    } else {
        Storage::Keyring
    };
    let changes = args.settings.changes(ctx, Some(args.client_id)).await?;
    let entry = Entry::new(&args.name, args.template, args.public, storage, changes)?;
    store.check_storage(&entry).await?;
    let secrets = Secrets {
        client_secret: if args.public {
            None
        } else {
            Some(read_client_secret(ctx, &args.name)?)
        },
        ..Secrets::default()
    };
    store.put_secrets(&entry, &secrets).await?;
    store.modify(|entries| {
        if entries.iter().any(|saved| saved.name == entry.name) {
            return Err(exists(&entry.name));
        }
        entries.push(entry.clone());
        Ok(())
    })?;
    if storage == Storage::File {
        ctx.out.warning(&format!(
            "the client secret and tokens are stored unencrypted in {}",
            store.slot(&entry).describe()
        ));
    }
    if ctx.out.json {
        let view = super::common::EntryView::new(&store, &entry, crate::time::now());
        return ctx.out.json(&view);
    }
    ctx.out.success(&format!(
        "Added OAuth token '{}' ({}); get a token with: tokenctl oauth request {}",
        entry.name, entry.template, entry.name
    ));
    Ok(())
}

fn exists(name: &str) -> Error {
    Error::conflict(format!("an OAuth token named '{name}' already exists"))
        .with_hint(format!("change it with: tokenctl oauth edit {name} …"))
}
