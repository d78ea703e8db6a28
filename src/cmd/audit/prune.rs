//! `tokenctl audit prune`.

use crate::cmd::{Context, parse};
use crate::error::Result;
use crate::time::{self, Cutoff};

/// Delete the audit entries from before a date (retention)
///
/// For a retention policy: export what you keep first (tokenctl audit
/// export --until …), then prune. Needs the audit:prune permission and a
/// login (never a token: a leaked one can't erase its own tracks). The
/// prune itself is audited, with how many entries went. Asks first;
/// --yes confirms without asking.
///
/// Examples:
///   tokenctl audit prune --before 400d
///   tokenctl audit prune --before 2026-01-01 --yes
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Delete the entries older than this: a duration ago (400d), a date (2026-01-01) or an RFC 3339 time
    #[arg(long, value_name = "WHEN", value_parser = parse::cutoff)]
    pub before: Cutoff,

    /// Do not ask for confirmation
    #[arg(long, short)]
    pub yes: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let before = args.before.resolve(time::now());
    let when = before.format("%Y-%m-%d %H:%M UTC");
    ctx.confirm_or_cancel(
        &format!("Delete every audit entry from before {when}? This cannot be undone"),
        args.yes,
        "Nothing pruned.",
    )?;
    let pruned = ctx.backend().await?.prune_audit(before).await?;
    if ctx.out.json {
        return ctx.out.json(&pruned);
    }
    ctx.out.success(&format!(
        "Pruned {} audit {} from before {when}",
        pruned.pruned,
        if pruned.pruned == 1 {
            "entry"
        } else {
            "entries"
        }
    ));
    Ok(())
}
