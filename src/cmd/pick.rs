//! Choosing a token on a terminal when a command was given none (`show`,
//! `revoke`, `regenerate`), as gh and glab do: a fuzzy picker over the
//! active tokens you may see. Without a terminal the argument stays
//! required, so that a script gets an error, never a question.

use dialoguer::FuzzySelect;

use super::Context;
use crate::error::{Error, Result};
use crate::model::{Status, Token};
use crate::output::{expiry_text, printable};
use crate::paging::{MAX_LIMIT, PageRequest};
use crate::requests::ListRequest;
use crate::time;

/// The token the command line names, or the one the user picks; `verb`
/// is the command ("revoke").
pub(super) async fn token_argument(
    ctx: &Context,
    given: Option<String>,
    verb: &str,
) -> Result<String> {
    if let Some(given) = given {
        return Ok(given);
    }
    if !ctx.out.can_prompt() {
        return Err(
            Error::invalid(format!("name the token to {verb}: tokenctl {verb} ID|NAME"))
                .with_hint(format!(
                    "tokenctl list shows them; on a terminal, tokenctl {verb} alone lets you pick one"
                )),
        );
    }
    // The first page a server allows: a picker of more is past any use.
    let request = ListRequest {
        status: Some(Status::Active),
        page: PageRequest::first(MAX_LIMIT),
        ..ListRequest::default()
    };
    let tokens = ctx.backend().await?.list_tokens(request).await?.items;
    if tokens.is_empty() {
        return Err(
            Error::not_found(format!("there is no active token to {verb}"))
                .with_hint("tokenctl list --status all shows revoked and expired ones"),
        );
    }
    let items: Vec<String> = tokens.iter().map(item).collect();
    let chosen = FuzzySelect::new()
        .with_prompt(format!("Token to {verb} (type to filter, Esc to cancel)"))
        .items(&items)
        .default(0)
        .interact_opt()
        .map_err(|error| Error::internal(format!("cannot read the choice: {error}")))?;
    match chosen {
        Some(index) => Ok(tokens[index].id.to_string()),
        None => Err(Error::cancelled("No token chosen; nothing done.")),
    }
}

/// One line of the picker: what tells tokens apart at a glance, escaped.
fn item(token: &Token) -> String {
    let line = format!(
        "{}  {}  ({} of {}, role {}, expires {})",
        token.id,
        token.name,
        token.kind,
        token.owner,
        token.role,
        expiry_text(token, time::now())
    );
    printable(&line).into_owned()
}
