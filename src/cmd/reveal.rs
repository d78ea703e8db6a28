//! Showing a new secret, the one time it is shown, and copying it to the
//! clipboard for a while.

use super::{Context, parse};
use crate::env;
use crate::error::Result;

/// How a newly shown secret may go to the clipboard (`create`, `regenerate`).
#[derive(Debug, clap::Args)]
pub struct ClipboardArgs {
    /// Don't copy the new secret to the clipboard
    #[arg(long)]
    pub no_clipboard: bool,

    /// Clear the clipboard after this long; 0 keeps it [default: 45s]
    #[arg(long, value_name = "DURATION", value_parser = parse::delay_or_zero)]
    pub clipboard_clear_after: Option<chrono::Duration>,
}

/// How long a copied secret stays on the clipboard by default.
const CLIPBOARD_CLEAR_AFTER: std::time::Duration = std::time::Duration::from_secs(45);

/// Prints a new secret — the one time it is shown — and, on a terminal with
/// a display, copies it to the clipboard for a while. Anything that stops
/// the copy is one note on stderr; the command still succeeds.
pub fn reveal_secret(
    ctx: &Context,
    secret: &crate::secret::Secret,
    clipboard: &ClipboardArgs,
) -> Result<()> {
    ctx.out.line(secret.expose())?;
    if !clipboard.no_clipboard && ctx.settings.clipboard {
        let clear_after = clipboard
            .clipboard_clear_after
            .and_then(|after| after.to_std().ok())
            .unwrap_or(CLIPBOARD_CLEAR_AFTER);
        let clear_after = (!clear_after.is_zero()).then_some(clear_after);
        let skipped = if !ctx.out.stdout_is_terminal {
            Some("stdout is not a terminal".to_owned())
        } else if env::is_set(env::CI) {
            Some("CI is set".to_owned())
        } else if !env::is_set("DISPLAY") && !env::is_set("WAYLAND_DISPLAY") {
            Some("no display".to_owned())
        } else {
            crate::clipboard::copy(secret, clear_after).err()
        };
        match (skipped, clear_after) {
            (Some(why), _) => ctx
                .out
                .note(&format!("Not copied to the clipboard: {why}.")),
            (None, Some(after)) => ctx.out.success(&format!(
                "Copied to the clipboard — cleared in {} s",
                after.as_secs()
            )),
            (None, None) => ctx
                .out
                .success("Copied to the clipboard, until you copy something else"),
        }
    }
    ctx.out
        .note("Copy the token now: it is shown only once and cannot be recovered.");
    Ok(())
}
