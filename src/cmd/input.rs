//! What a command reads from stdin: a secret never comes in as an argument.

use std::io::Read;

use crate::error::{Error, Result};

/// All of stdin as text; a secret never comes in as an argument.
pub fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|error| Error::invalid(format!("cannot read stdin: {error}")))?;
    String::from_utf8(bytes).map_err(|_| Error::invalid("stdin is not valid UTF-8 text"))
}

/// The first non-blank line of stdin, trimmed; `None` when there is none.
pub fn first_stdin_line() -> Result<Option<String>> {
    Ok(read_stdin()?
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map(str::to_owned))
}
