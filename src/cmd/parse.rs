//! clap value parsers for the domain's own formats.

use chrono::Duration;

use crate::model::TokenKind;
use crate::time::{self, Expiry};

pub fn duration(text: &str) -> Result<Duration, String> {
    time::parse_duration(text)
}

pub fn expiry(text: &str) -> Result<Expiry, String> {
    Expiry::parse(text)
}

pub fn kind(text: &str) -> Result<TokenKind, String> {
    text.parse()
}
