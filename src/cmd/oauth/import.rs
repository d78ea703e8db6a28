//! `tokenctl oauth import`.

use std::io::Read;
use std::path::PathBuf;

use serde::Serialize;

use super::common::store;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::oauth::Entry;
use crate::oauth::config::OAuthStore;
use crate::oauth::yaml::{self, Imported, MAX_INPUT};
use crate::session::Storage;

/// Import OAuth2 token configurations from YAML (an `oauth export`)
///
/// Everything is checked before anything is written: a broken file changes
/// nothing. Without --overwrite an entry whose name is already saved stops
/// the import; with it, entries of the same name are replaced and no other
/// entry is touched (none is deleted). A replaced entry keeps its stored
/// secrets and tokens when the file has none. Secrets from the file go to
/// the OS keyring (or a 0600 file with --insecure-storage).
///
/// Examples:
///   tokenctl oauth import oauth.yaml
///   tokenctl oauth import backup.yaml --overwrite
///   cat oauth.yaml | tokenctl oauth import -
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The YAML file, or - for stdin
    pub file: PathBuf,

    /// Replace saved entries of the same names
    #[arg(long)]
    pub overwrite: bool,

    /// Keep imported secrets in a 0600 file instead of the OS keyring
    #[arg(long)]
    pub insecure_storage: bool,
}

#[derive(Serialize)]
struct Outcome {
    added: Vec<String>,
    replaced: Vec<String>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let store = store(ctx);
    let input = read_limited(&args.file)?;
    let storage = if args.insecure_storage {
        Storage::File
    } else {
        Storage::Keyring
    };
    let mut imported = yaml::parse(&input, storage)?;
    let saved = store.load()?;
    let plan = yaml::plan(&saved, &imported, args.overwrite)?;
    for item in &mut imported {
        if let (None, Some(existing)) = (
            &item.secrets,
            saved.iter().find(|entry| entry.name == item.entry.name),
        ) {
            item.entry.storage = existing.storage;
            item.entry.token.clone_from(&existing.token);
        }
    }
    let written = write_secrets(ctx, &store, &imported).await?;
    let saved_entries = store.modify(|entries| {
        yaml::plan(entries, &imported, args.overwrite)?;
        entries.retain(|entry| !imported.iter().any(|item| item.entry.name == entry.name));
        entries.extend(imported.iter().map(|item| item.entry.clone()));
        Ok(())
    });
    if let Err(error) = saved_entries {
        restore_secrets(ctx, &store, written).await;
        return Err(error);
    }
    drop_moved_secrets(&store, &saved, &imported).await;
    if ctx.out.json {
        return ctx.out.json(&Outcome {
            added: plan.added,
            replaced: plan.replaced,
        });
    }
    ctx.out.success(&format!(
        "Imported {} OAuth token(s): {} added, {} replaced",
        imported.len(),
        plan.added.len(),
        plan.replaced.len()
    ));
    if storage == Storage::File && imported.iter().any(|item| item.secrets.is_some()) {
        ctx.out
            .warning("the imported secrets are stored unencrypted in 0600 files");
    }
    Ok(())
}

/// Secrets as they were before an import wrote over them, to put back.
type Overwritten<'a> = Vec<(&'a Entry, Option<String>)>;

/// All secrets of the file, after checking once that their storage works.
/// When one can't be written (a keyring that fails half-way), those already
/// written are put back as they were: a failed import changes nothing.
async fn write_secrets<'a>(
    ctx: &Context,
    store: &OAuthStore<'_>,
    imported: &'a [Imported],
) -> Result<Overwritten<'a>> {
    let with_secrets: Vec<_> = imported
        .iter()
        .filter_map(|item| Some((&item.entry, item.secrets.as_ref()?)))
        .collect();
    for (entry, _) in &with_secrets {
        store.check_storage(entry).await?;
    }
    let mut written = Vec::new();
    for (entry, secrets) in with_secrets {
        let overwrite = async {
            let before = store.stored_secrets(entry).await?;
            store.put_secrets(entry, secrets).await?;
            Ok(before)
        };
        match overwrite.await {
            Ok(before) => written.push((entry, before)),
            Err(error) => {
                restore_secrets(ctx, store, written).await;
                return Err(error);
            }
        }
    }
    Ok(written)
}

/// Undoes [`write_secrets`]; a slot that can't be put back is reported.
async fn restore_secrets(ctx: &Context, store: &OAuthStore<'_>, written: Overwritten<'_>) {
    for (entry, before) in written.into_iter().rev() {
        if let Err(error) = store.restore_secrets(entry, before).await {
            ctx.out.warning(&format!(
                "could not put back the secrets of OAuth token '{}': {}",
                entry.name, error.message
            ));
        }
    }
}

/// A replaced entry whose secrets moved (keyring ↔ file) leaves none behind.
async fn drop_moved_secrets(
    store: &OAuthStore<'_>,
    saved: &[crate::oauth::Entry],
    imported: &[Imported],
) {
    for item in imported.iter().filter(|item| item.secrets.is_some()) {
        if let Some(old) = saved
            .iter()
            .find(|old| old.name == item.entry.name && old.storage != item.entry.storage)
        {
            let _ = store.delete_secrets(old).await;
        }
    }
}

/// At most [`MAX_INPUT`] + 1 bytes: enough for `yaml::parse` to refuse
/// larger input without reading all of it.
fn read_limited(path: &std::path::Path) -> Result<Vec<u8>> {
    let limit = u64::try_from(MAX_INPUT).unwrap_or(u64::MAX) + 1;
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|error| Error::invalid(format!("cannot read {}: {error}", path.display())))?;
    Ok(bytes)
}
