//! clap value parsers for the domain's own formats.

use chrono::Duration;

use crate::model::TokenKind;
use crate::time::{self, Cutoff, Expiry};

pub fn duration(text: &str) -> Result<Duration, String> {
    time::parse_duration(text)
}

/// A delay where `0` (no unit needed: zero is zero in every unit) means
/// "never".
pub fn delay_or_zero(text: &str) -> Result<Duration, String> {
    if text.trim() == "0" {
        return Ok(Duration::zero());
    }
    time::parse_duration(text)
}

pub fn address_range(text: &str) -> Result<crate::network::AddressRange, String> {
    text.parse()
}

pub fn expiry(text: &str) -> Result<Expiry, String> {
    Expiry::parse(text)
}

pub fn cutoff(text: &str) -> Result<Cutoff, String> {
    Cutoff::parse(text)
}

pub fn kind(text: &str) -> Result<TokenKind, String> {
    text.parse()
}
