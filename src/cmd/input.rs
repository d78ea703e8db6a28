//! What a command reads from stdin: a secret never comes in as an argument.

use std::io::Read;

use crate::error::{Error, Result};
use crate::output::Output;

/// All of stdin as text; a secret never comes in as an argument.
pub fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|error| Error::invalid(format!("cannot read stdin: {error}")))?;
    String::from_utf8(bytes).map_err(|_| Error::invalid("stdin is not valid UTF-8 text"))
}

/// The one non-blank line of stdin, trimmed; `None` when there is none.
/// More than one is refused rather than all but the first ignored: a
/// command that reads one `what` must not seem to have checked the others.
pub fn only_stdin_line(what: &str) -> Result<Option<String>> {
    let input = read_stdin()?;
    let mut lines = input.lines().map(str::trim).filter(|line| !line.is_empty());
    let first = lines.next().map(str::to_owned);
    let more = lines.count();
    if more > 0 {
        return Err(Error::invalid(format!(
            "stdin has {} lines: this reads one {what}",
            more + 1
        ))
        .with_hint("pipe in one line at a time"));
    }
    Ok(first)
}

/// One line of stdin for each of `names` (a password each, kept as typed:
/// its ends may be spaces); an error naming the first one that is missing
/// or empty.
pub fn stdin_lines(names: &[&str]) -> Result<Vec<String>> {
    let input = read_stdin()?;
    let mut lines = input.lines();
    names
        .iter()
        .map(|name| {
            lines
                .next()
                .filter(|line| !line.is_empty())
                .map(str::to_owned)
                .ok_or_else(|| Error::invalid(format!("no {name} on stdin")))
        })
        .collect()
}

/// The line of stdin that holds `name`; see [`stdin_lines`].
pub fn stdin_line(name: &str) -> Result<String> {
    Ok(stdin_lines(&[name])?.remove(0))
}

/// Asks for a secret without echoing it; `confirm` asks twice. Without a
/// terminal there is no asking: the error says to pipe it in.
pub fn ask_hidden(out: &Output, prompt: &str, confirm: bool) -> Result<String> {
    if !out.can_prompt() {
        return Err(Error::invalid("no terminal to ask for the password on")
            .with_hint("pass --password-stdin and pipe the password in"));
    }
    let mut question = dialoguer::Password::new().with_prompt(prompt);
    if confirm {
        question = question.with_confirmation("Again, to confirm", "the two did not match");
    }
    question
        .interact()
        .map_err(|error| Error::internal(format!("cannot read the password: {error}")))
}
