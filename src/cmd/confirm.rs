//! Asking before an irreversible step, and never without a terminal.

use super::Context;
use crate::error::{Error, Result};

impl Context {
    /// Asks before an irreversible step. Without a terminal (scripts, CI) it
    /// never prompts: the caller must have said `--yes`.
    /// [`Context::confirm`], where "no" ends the command: exit 7 (cancelled),
    /// with `nothing_done` ("Nothing revoked.") as its last word.
    pub fn confirm_or_cancel(&self, question: &str, yes: bool, nothing_done: &str) -> Result<()> {
        if self.confirm(question, yes)? {
            Ok(())
        } else {
            Err(Error::cancelled(nothing_done))
        }
    }

    fn confirm(&self, question: &str, yes: bool) -> Result<bool> {
        if yes {
            return Ok(true);
        }
        if !self.out.can_prompt() {
            return Err(Error::invalid(
                "refusing to go on without confirmation: no terminal to ask on",
            )
            .with_hint("pass --yes to confirm"));
        }
        dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()
            .map_err(|error| Error::internal(format!("cannot read the answer: {error}")))
    }
}
