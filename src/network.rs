//! Address ranges, in one place: a token's allow-list (`create --allow-ip`)
//! and a server's trusted proxies (`serve --trusted-proxy`) are both lists
//! of CIDR blocks, written and matched the same way.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use ipnet::IpNet;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most ranges one allow-list takes: enough for any real network plan,
/// few enough that checking one is a handful of comparisons.
pub const MAX_RANGES: usize = 32;

/// One CIDR block (`10.0.0.0/8`, `2001:db8::/32`), or one address (`/32`,
/// `/128`). Always held in its canonical form: the network address and its
/// prefix, so two ways of writing a block compare and print alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AddressRange(IpNet);

impl AddressRange {
    /// Whether `address` lies in the block. An IPv4 address seen as IPv6
    /// (`::ffff:10.0.0.5`, what a dual-stack socket reports) is matched as
    /// the IPv4 address it is.
    pub fn contains(&self, address: IpAddr) -> bool {
        self.0.contains(&canonical(address))
    }
}

/// The address itself, with an IPv4-mapped IPv6 address unwrapped: how
/// addresses are compared and recorded.
pub fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// Whether `address` lies in any of `ranges`.
pub fn any_contains(ranges: &[AddressRange], address: IpAddr) -> bool {
    ranges.iter().any(|range| range.contains(address))
}

impl FromStr for AddressRange {
    type Err = String;

    /// `10.0.0.0/8`, `2001:db8::/32`, or a bare address. A block written
    /// with host bits set (`10.0.0.5/8`) is refused rather than widened or
    /// narrowed behind the writer's back: it is almost always a typo.
    fn from_str(text: &str) -> Result<AddressRange, String> {
        let text = text.trim();
        if let Ok(address) = text.parse::<IpAddr>() {
            let address = canonical(address);
            let prefix = if address.is_ipv4() { 32 } else { 128 };
            let net = IpNet::new(address, prefix).map_err(|error| error.to_string())?;
            return Ok(AddressRange(net));
        }
        let net: IpNet = text.parse().map_err(|_| {
            format!(
                "'{}' is not an IP address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32)",
                crate::output::printable(text)
            )
        })?;
        if net.trunc() != net {
            return Err(format!(
                "'{text}' has bits set past its /{} prefix: did you mean {}?",
                net.prefix_len(),
                net.trunc()
            ));
        }
        Ok(AddressRange(net))
    }
}

impl fmt::Display for AddressRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for AddressRange {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for AddressRange {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<AddressRange, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// An allow-list as its writer gave it, checked: each entry a block, then
/// as [`normalize`] leaves it.
pub fn parse_list<S: AsRef<str>>(entries: &[S]) -> Result<Vec<AddressRange>, String> {
    let ranges = entries
        .iter()
        .map(|entry| entry.as_ref().parse::<AddressRange>())
        .collect::<Result<Vec<_>, _>>()?;
    normalize(ranges)
}

/// An allow-list in a stable order without duplicates, and no longer than
/// [`MAX_RANGES`].
pub fn normalize(mut ranges: Vec<AddressRange>) -> Result<Vec<AddressRange>, String> {
    ranges.sort();
    ranges.dedup();
    if ranges.len() > MAX_RANGES {
        return Err(format!(
            "an allow-list takes at most {MAX_RANGES} address ranges, not {}",
            ranges.len()
        ));
    }
    Ok(ranges)
}

/// A list as one line: `10.0.0.0/8 2001:db8::/32` (how a store keeps it).
pub fn join(ranges: &[AddressRange]) -> String {
    ranges
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`join`]'s inverse.
pub fn split(text: &str) -> Result<Vec<AddressRange>, String> {
    text.split_whitespace().map(str::parse).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn range(text: &str) -> AddressRange {
        text.parse().expect("range")
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn blocks_contain_their_addresses_and_no_others() {
        let private = range("10.0.0.0/8");
        assert!(private.contains(ip("10.255.0.1")));
        assert!(!private.contains(ip("11.0.0.0")));
        assert!(private.contains(ip("::ffff:10.1.2.3")), "IPv4-mapped");
        let doc = range("2001:db8::/32");
        assert!(doc.contains(ip("2001:db8:ffff::1")));
        assert!(!doc.contains(ip("2001:db9::1")));
        assert!(!doc.contains(ip("10.0.0.1")));
        let one = range("203.0.113.9");
        assert_eq!(one.to_string(), "203.0.113.9/32");
        assert!(one.contains(ip("203.0.113.9")) && !one.contains(ip("203.0.113.8")));
        assert_eq!(range("::ffff:192.0.2.1").to_string(), "192.0.2.1/32");
    }

    #[test]
    fn a_block_with_host_bits_or_nonsense_is_refused() {
        let error = "10.0.0.5/8".parse::<AddressRange>().expect_err("host bits");
        assert!(error.contains("did you mean 10.0.0.0/8"), "{error}");
        for bad in [
            "",
            "10.0.0.0/33",
            "::/129",
            "example.com",
            "10.0.0.0/8/8",
            "1.2.3",
        ] {
            assert!(bad.parse::<AddressRange>().is_err(), "{bad}");
        }
        let many: Vec<String> = (0..=MAX_RANGES).map(|i| format!("10.0.{i}.0/24")).collect();
        assert!(
            parse_list(&many)
                .expect_err("too many")
                .contains("at most 32")
        );
        let twice = parse_list(&["10.0.0.0/8", "10.0.0.0/8", "::1"]).expect("list");
        assert_eq!(join(&twice), "10.0.0.0/8 ::1/128");
    }

    proptest! {
        /// Written out and read back, a list is the same list; and a
        /// block holds exactly the addresses that share its prefix.
        #[test]
        fn a_list_survives_its_text_form(octets in proptest::collection::vec(any::<[u8; 4]>(), 0..8), prefix in 0u8..=32) {
            let ranges: Vec<AddressRange> = octets
                .iter()
                .map(|o| AddressRange(IpNet::new(IpAddr::from(*o), prefix).expect("prefix").trunc()))
                .collect();
            let text = join(&ranges);
            prop_assert_eq!(split(&text).expect("split"), ranges.clone());
            for (o, range) in octets.iter().zip(&ranges) {
                prop_assert!(range.contains(IpAddr::from(*o)));
                let bits = u32::from_be_bytes(*o);
                if prefix > 0 {
                    let outside = bits ^ (1u32 << (32 - u32::from(prefix)));
                    prop_assert!(!range.contains(IpAddr::from(outside.to_be_bytes())));
                }
            }
        }
    }
}
