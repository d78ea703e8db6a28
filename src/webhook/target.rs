//! Which receivers a webhook may name, and which addresses a message may
//! be sent to: a webhook URL is chosen by whoever adds it, and the server
//! sends from inside the network, so a private address (loopback, RFC 1918,
//! link-local with the cloud metadata service, unique local) is refused
//! unless `serve --allow-private-webhooks` says the receivers are there.
//! The check is made on every address a name resolves to, at every send,
//! so a name that resolves elsewhere later (DNS rebinding) gains nothing.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::error::{Error, Result};

/// The longest webhook URL accepted.
pub(super) const MAX_URL_LEN: usize = 2000;

/// Where receivers may be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Reach {
    /// Public addresses only, over https.
    #[default]
    Public,
    /// Private addresses too, and http (`--allow-private-webhooks`).
    Private,
}

/// The URL a webhook is added with, checked: http(s), no credentials in
/// it, https unless private receivers are allowed, and no private address
/// written as an IP literal unless allowed.
pub fn check_url(text: &str, reach: Reach) -> Result<Url> {
    let invalid = |why: &str| Error::invalid(format!("webhook URL {why}"));
    if text.len() > MAX_URL_LEN {
        return Err(invalid(&format!("is longer than {MAX_URL_LEN} characters")));
    }
    let url = Url::parse(text).map_err(|error| invalid(&format!("is not a URL: {error}")))?;
    match url.scheme() {
        "https" => {}
        "http" if reach == Reach::Private => {}
        "http" => {
            return Err(invalid("must be https").with_hint(
                "plain http is allowed only for private receivers, with serve --allow-private-webhooks",
            ));
        }
        _ => return Err(invalid("must be https")),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(
            "must not carry credentials: the signature authenticates us",
        ));
    }
    if url.fragment().is_some() {
        return Err(invalid("must not have a #fragment"));
    }
    if !has_documented_form(text) {
        return Err(invalid(
            "may hold only letters, digits and URL punctuation: percent-encode anything else",
        ));
    }
    let Some(host) = url.host_str() else {
        return Err(invalid("has no host"));
    };
    if let Some(address) = literal_address(host)
        && reach == Reach::Public
        && is_private(address)
    {
        return Err(private_refused(address));
    }
    Ok(url)
}

/// The form the API document gives a webhook URL (`NewWebhook.url`): the
/// scheme, a host of letters, digits and `.-[]:`, then a path and query
/// of URL characters, written as sent (nothing a parser would encode or
/// drop first, like a space, a non-ASCII letter or a `*` in the host).
fn has_documented_form(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
    let in_host = |c: char| c.is_ascii_alphanumeric() || ".-[]:".contains(c);
    let in_path = |c: char| c.is_ascii_alphanumeric() || "._~!$&'()*+,;=:@%/-".contains(c);
    !host.is_empty()
        && host.chars().all(in_host)
        && path.chars().all(in_path)
        && query.chars().all(|c| in_path(c) || c == '?')
}

/// Whether a message may go to `url` now: its host, when an IP literal, is
/// checked here (the resolver never sees it); a name is checked by
/// [`PublicResolver`] on every address it resolves to.
pub(super) fn check_literal(url: &Url, reach: Reach) -> Result<()> {
    match url.host_str().and_then(literal_address) {
        Some(address) if reach == Reach::Public && is_private(address) => {
            Err(private_refused(address))
        }
        _ => Ok(()),
    }
}

fn private_refused(address: IpAddr) -> Error {
    Error::invalid(format!("webhook receiver {address} is a private address"))
        .with_hint("receivers inside the network need serve --allow-private-webhooks")
}

fn literal_address(host: &str) -> Option<IpAddr> {
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

/// Not reachable from the internet, or not meant to be sent to: loopback,
/// private, link-local (the metadata service), shared (CGNAT), unspecified,
/// broadcast, multicast, documentation; IPv4-mapped IPv6 by its IPv4.
pub(super) fn is_private(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => is_private_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_private_v4(v4),
            None => is_private_v6(v6),
        },
    }
}

fn is_private_v4(v4: Ipv4Addr) -> bool {
    let [a, b, ..] = v4.octets();
    v4.is_loopback()
        || v4.is_private()
        || v4.is_link_local()
        || v4.is_unspecified()
        || v4.is_broadcast()
        || v4.is_multicast()
        || v4.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 198 && (b == 18 || b == 19))
        || a >= 240
}

fn is_private_v6(v6: Ipv6Addr) -> bool {
    let first = v6.segments()[0];
    v6.is_loopback()
        || v6.is_unspecified()
        || v6.is_multicast()
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80
        || first == 0x2001 && v6.segments()[1] == 0x0db8
        || first == 0x0064 && v6.segments()[1] == 0xff9b
}

/// Resolves names as the system does, then keeps only the addresses a
/// message may go to: a name that resolves only to private ones is refused.
#[derive(Debug, Clone, Copy)]
pub(super) struct PublicResolver {
    pub(super) reach: Reach,
}

impl Resolve for PublicResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let reach = self.reach;
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|address| reach == Reach::Private || !is_private(address.ip()))
                .collect();
            if found.is_empty() {
                let why = format!("{host} resolves to no public address");
                return Err(why.into());
            }
            let addresses: Addrs = Box::new(found.into_iter());
            Ok(addresses)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_must_be_written_as_the_document_says() {
        for good in [
            "https://hooks.example.com/tokenctl",
            "https://hooks.example.com",
            "https://[2606:4700::1111]:8443/in?x=1&y=%20",
            "https://hooks.example.com?only=query",
        ] {
            assert!(check_url(good, Reach::Public).is_ok(), "{good}");
        }
        for bad in [
            "http://00*",
            "https://hooks.example.com/a b",
            "https://hööks.example.com/",
            "https://hooks.example.com/é",
            "https://hooks.example.com/\\x",
        ] {
            assert!(check_url(bad, Reach::Private).is_err(), "{bad}");
        }
    }

    #[test]
    fn private_addresses_are_told_apart() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "2001:db8::1",
        ] {
            assert!(is_private(private.parse().expect("address")), "{private}");
        }
        for public in [
            "1.1.1.1",
            "140.82.112.3",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(!is_private(public.parse().expect("address")), "{public}");
        }
    }

    #[test]
    fn urls_are_checked_for_scheme_credentials_and_literal_addresses() {
        assert!(check_url("https://hooks.example.com/x", Reach::Public).is_ok());
        for bad in [
            "http://hooks.example.com/x",
            "ftp://hooks.example.com/x",
            "https://user:pw@hooks.example.com/x",
            "https://127.0.0.1/x",
            "https://[::1]:8080/x",
            "https://169.254.169.254/latest",
            "https://hooks.example.com/x#frag",
            "not a url",
        ] {
            assert!(check_url(bad, Reach::Public).is_err(), "{bad}");
        }
        assert!(check_url("http://127.0.0.1:9/x", Reach::Private).is_ok());
        assert!(
            check_url(
                &format!("https://a.example/{}", "x".repeat(2000)),
                Reach::Private
            )
            .is_err()
        );
    }
}
