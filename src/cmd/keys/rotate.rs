//! `tokenctl keys rotate`.

use crate::cmd::Context;
use crate::error::Result;
use crate::jose::MAX_TOKEN_LIFETIME;
use crate::output;
use crate::time;

/// Make a new key the signer; the old one keeps verifying what it signed
///
/// Prints the new key's kid on stdout. Sessions and tokens signed by the old
/// key stay valid: it stays published (in /.well-known/jwks.json) for 24
/// hours, the longest lifetime of anything tokenctl signs. Keys past that
/// window are dropped. Replicas sharing the key set file pick the new key
/// up within a second or two.
///
/// On a terminal tokenctl asks first; otherwise it refuses unless --yes.
///
/// Examples:
///   tokenctl keys rotate
///   tokenctl keys rotate --yes --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Do not ask for confirmation
    #[arg(long, short)]
    pub yes: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let question = format!(
        "Rotate the signing key? The current key stops signing now and keeps verifying for {} hours",
        MAX_TOKEN_LIFETIME.num_hours()
    );
    ctx.confirm_or_cancel(&question, args.yes, "Nothing rotated.")?;
    let rotation = ctx.backend().await?.rotate_signing_key().await?;
    if ctx.out.json {
        return ctx.out.json(&rotation);
    }
    ctx.out.line(&rotation.active.kid)?;
    ctx.out.success(&format!(
        "Rotated the signing key: {} signs from now on",
        rotation.active.kid
    ));
    let now = time::now();
    for key in &rotation.retired {
        if let Some(until) = key.publish_until {
            ctx.out.note(&format!(
                "The old key {} keeps verifying until {}.",
                key.kid,
                output::instant_long(until, now)
            ));
        }
    }
    Ok(())
}
