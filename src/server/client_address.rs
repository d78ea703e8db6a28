//! Which address a request comes from: the socket's peer, unless that peer
//! is a proxy `serve --trusted-proxy` names. Then the forwarding header the
//! proxies write is read from the right, past every trusted proxy, to the
//! first hop that is not one: the client as the outermost trusted proxy saw
//! it. A header from anyone else is ignored, and so are the hops a client
//! wrote itself (they are left of the ones the proxies append), so nobody
//! chooses their own address — for a token's allow-list, the login limit or
//! the audit log.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;

use crate::network::{self, AddressRange};

/// Which header the trusted proxies write the client's address in. Only
/// that one is read: with both believed, a client could send the one its
/// proxy does not touch and name any address in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ProxyHeader {
    /// `X-Forwarded-For: client, proxy1, proxy2` (nginx, HAProxy, most
    /// load balancers).
    #[default]
    #[value(name = "x-forwarded-for")]
    XForwardedFor,
    /// `Forwarded: for=client, for=proxy1` (RFC 7239).
    Forwarded,
}

/// The proxies whose forwarding header is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies {
    pub ranges: Vec<AddressRange>,
    pub header: ProxyHeader,
}

/// The address a request is from, when [`resolve`] worked it out.
#[derive(Debug, Clone, Copy)]
pub(super) struct ClientAddress(pub IpAddr);

/// The middleware, in front of every route when there are trusted proxies.
pub(super) async fn resolve(
    State(proxies): State<Arc<TrustedProxies>>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    if let Some(peer) = peer {
        let client = client_behind(peer, request.headers(), &proxies);
        request.extensions_mut().insert(ClientAddress(client));
    }
    next.run(request).await
}

/// The client behind `peer`. A hop that is not an address (`unknown`, an
/// obfuscated name) where the client should be stops the walk at the last
/// trusted hop: the proxy that wrote it is all that is known.
pub(super) fn client_behind(peer: IpAddr, headers: &HeaderMap, proxies: &TrustedProxies) -> IpAddr {
    let trusted = |address: IpAddr| network::any_contains(&proxies.ranges, address);
    let mut client = network::canonical(peer);
    if !trusted(client) {
        return client;
    }
    let hops = forwarded_hops(headers, proxies.header);
    for hop in hops.iter().rev() {
        match hop {
            Some(address) if trusted(*address) => client = *address,
            Some(address) => return *address,
            None => return client,
        }
    }
    client
}

/// Every hop the header lists, leftmost first (all its lines, in order);
/// `None` for a hop that is not an address.
fn forwarded_hops(headers: &HeaderMap, header: ProxyHeader) -> Vec<Option<IpAddr>> {
    let name = match header {
        ProxyHeader::XForwardedFor => "x-forwarded-for",
        ProxyHeader::Forwarded => "forwarded",
    };
    let mut hops = Vec::new();
    for value in headers.get_all(name) {
        let Ok(value) = value.to_str() else {
            hops.push(None);
            continue;
        };
        for element in value.split(',') {
            let address = match header {
                ProxyHeader::XForwardedFor => parse_address(element),
                ProxyHeader::Forwarded => forwarded_for(element).and_then(parse_address),
            };
            hops.push(address.map(network::canonical));
        }
    }
    hops
}

/// The `for=` of one RFC 7239 element (`for=192.0.2.60;proto=https`).
fn forwarded_for(element: &str) -> Option<&str> {
    element.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        key.trim().eq_ignore_ascii_case("for").then_some(value)
    })
}

/// `192.0.2.60`, `"[2001:db8::1]:4711"`, `192.0.2.60:4711`, `2001:db8::1`.
fn parse_address(text: &str) -> Option<IpAddr> {
    let text = text.trim().trim_matches('"');
    if let Ok(address) = text.parse::<IpAddr>() {
        return Some(address);
    }
    if let Ok(socket) = text.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    text.strip_prefix('[')?.strip_suffix(']')?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn proxies(ranges: &[&str], header: ProxyHeader) -> TrustedProxies {
        TrustedProxies {
            ranges: network::parse_list(ranges).expect("ranges"),
            header,
        }
    }

    fn headers(name: &str, values: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for value in values {
            map.append(
                axum::http::HeaderName::from_bytes(name.as_bytes()).expect("name"),
                value.parse().expect("value"),
            );
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn the_rightmost_untrusted_hop_is_the_client() {
        let lb = proxies(&["10.0.0.0/8"], ProxyHeader::XForwardedFor);
        let peer = ip("10.0.0.2");
        let chain = headers("x-forwarded-for", &["6.6.6.6, 203.0.113.9, 10.0.0.7"]);
        assert_eq!(client_behind(peer, &chain, &lb), ip("203.0.113.9"));
        let lines = headers("x-forwarded-for", &["6.6.6.6", "2001:db8::5"]);
        assert_eq!(client_behind(peer, &lines, &lb), ip("2001:db8::5"));
        assert_eq!(client_behind(peer, &HeaderMap::new(), &lb), peer);
        let all_ours = headers("x-forwarded-for", &["10.1.1.1, 10.0.0.7"]);
        assert_eq!(client_behind(peer, &all_ours, &lb), ip("10.1.1.1"));
    }

    #[test]
    fn a_header_is_believed_only_from_a_trusted_peer_and_only_the_chosen_one() {
        let lb = proxies(&["10.0.0.0/8"], ProxyHeader::XForwardedFor);
        let spoofed = headers("x-forwarded-for", &["10.0.0.1"]);
        assert_eq!(
            client_behind(ip("198.51.100.4"), &spoofed, &lb),
            ip("198.51.100.4")
        );
        let other = headers("forwarded", &["for=192.0.2.1"]);
        assert_eq!(client_behind(ip("10.0.0.2"), &other, &lb), ip("10.0.0.2"));
        let garbage = headers("x-forwarded-for", &["203.0.113.9, unknown"]);
        assert_eq!(client_behind(ip("10.0.0.2"), &garbage, &lb), ip("10.0.0.2"));
        let mapped = headers("x-forwarded-for", &["198.51.100.4"]);
        assert_eq!(
            client_behind(ip("::ffff:10.0.0.2"), &mapped, &lb),
            ip("198.51.100.4")
        );
    }

    #[test]
    fn rfc_7239_elements_give_their_for() {
        let lb = proxies(&["10.0.0.0/8", "fd00::/8"], ProxyHeader::Forwarded);
        let chain = headers(
            "forwarded",
            &[
                "for=192.0.2.43;proto=https, For=\"[2001:db8:cafe::17]:4711\"",
                "for=10.0.0.9;by=10.0.0.2",
            ],
        );
        assert_eq!(
            client_behind(ip("fd00::1"), &chain, &lb),
            ip("2001:db8:cafe::17")
        );
        let obfuscated = headers("forwarded", &["for=_hidden, for=10.0.0.9"]);
        assert_eq!(
            client_behind(ip("10.0.0.2"), &obfuscated, &lb),
            ip("10.0.0.9")
        );
    }

    proptest! {
        /// Whatever a client writes in the header, the address believed is
        /// never one it chose unless a trusted proxy put it there: behind
        /// one trusted proxy that appends the real peer, it is that peer.
        #[test]
        fn a_client_cannot_choose_its_address(
            forged in proptest::collection::vec("[0-9a-f:., ]{0,40}", 0..4),
            real in any::<[u8; 4]>(),
        ) {
            let lb = proxies(&["10.0.0.0/8"], ProxyHeader::XForwardedFor);
            let real = IpAddr::from(real);
            prop_assume!(!lb.ranges[0].contains(real));
            let mut value = forged.join(", ");
            value.push_str(&format!(", {real}"));
            let Ok(header) = value.parse() else { return Ok(()) };
            let mut map = HeaderMap::new();
            map.insert("x-forwarded-for", header);
            prop_assert_eq!(client_behind(ip("10.0.0.2"), &map, &lb), real);
        }
    }
}
