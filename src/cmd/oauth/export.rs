//! `tokenctl oauth export`.

use std::io::Write;
use std::path::PathBuf;

use super::common::store;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::files::write_private;
use crate::oauth::config::not_found;
use crate::oauth::yaml;

/// Export OAuth2 token configurations as YAML (version 1)
///
/// Secrets (client secret, tokens) are left out unless --include-secrets;
/// then the output file is made 0600 and a warning is printed. The shape is
/// documented in the README; `tokenctl oauth import` reads it back.
///
/// Examples:
///   tokenctl oauth export > oauth.yaml
///   tokenctl oauth export mail o365 > some.yaml
///   tokenctl oauth export --include-secrets -o backup.yaml
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Names to export [default: all]
    #[arg(add = crate::cmd::complete::oauth_entries())]
    pub names: Vec<String>,

    /// Include client secrets and tokens (the file then needs protecting)
    #[arg(long)]
    pub include_secrets: bool,

    /// Write to this file (created 0600) instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let store = store(ctx);
    let mut entries = store.load()?;
    if !args.names.is_empty() {
        if let Some(missing) = args
            .names
            .iter()
            .find(|name| !entries.iter().any(|entry| &entry.name == *name))
        {
            return Err(not_found(missing));
        }
        entries.retain(|entry| args.names.contains(&entry.name));
    }
    let mut exported = Vec::with_capacity(entries.len());
    for entry in entries {
        let secrets = if args.include_secrets {
            store.check_storage(&entry).await?;
            Some(store.secrets(&entry).await?)
        } else {
            None
        };
        exported.push((entry, secrets));
    }
    let text = yaml::export(&exported)?;
    match &args.output {
        Some(path) => write_private(path, text.as_bytes())?,
        None => {
            if args.include_secrets {
                protect_stdout()?;
            }
            ctx.out.text(&text)?;
        }
    }
    if args.include_secrets {
        ctx.out.warning(
            "the export holds client secrets and tokens in plain text: keep it private and delete it when done",
        );
    }
    Ok(())
}

/// `export --include-secrets > file`: the shell created the file with the
/// umask's mode; make it 0600 before a secret is written to it.
fn protect_stdout() -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::PermissionsExt;
        let stdout = std::io::stdout();
        let _ = stdout.lock().flush();
        let file = stdout
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from)
            .map_err(|error| Error::internal(format!("cannot inspect stdout: {error}")))?;
        let is_file = file.metadata().is_ok_and(|meta| meta.is_file());
        if is_file {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(|error| {
                    Error::internal(format!("cannot make the output file private: {error}"))
                        .with_hint("write it with --output FILE instead")
                })?;
        }
    }
    Ok(())
}
