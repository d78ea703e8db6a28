//! `tokenctl keys list`.

use chrono::{DateTime, Utc};

use crate::cmd::Context;
use crate::error::Result;
use crate::jose::KeyInfo;
use crate::output;
use crate::time;

/// List the signing keys: the active one and the retired ones still published
///
/// A retired key no longer signs but still verifies what it signed, until
/// PUBLISHED UNTIL.
///
/// Examples:
///   tokenctl keys list
///   tokenctl keys list --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let keys = ctx.backend().await?.signing_keys().await?;
    if ctx.out.json {
        return ctx.out.json(&keys);
    }
    let now = time::now();
    let rows = keys.iter().map(|key| row(key, now)).collect();
    ctx.out.table(
        &["KID", "STATUS", "CREATED", "RETIRED", "PUBLISHED UNTIL"],
        rows,
    )
}

fn row(key: &KeyInfo, now: DateTime<Utc>) -> Vec<String> {
    let minute = |at: DateTime<Utc>| at.format("%Y-%m-%d %H:%M UTC").to_string();
    vec![
        key.kid.clone(),
        key.status.as_str().to_owned(),
        minute(key.created_at),
        key.retired_at.map_or_else(|| "-".to_owned(), minute),
        key.publish_until
            .map_or_else(|| "-".to_owned(), |at| output::instant_long(at, now)),
    ]
}
