//! The client's address: the TCP peer, unless the peer is a configured trusted proxy, in which
//! case the nearest address in `X-Forwarded-For` that is not one of our proxies. A header from
//! anyone else is ignored: it would let a client pick its own rate-limit bucket.
//!
//! Addresses are canonical (an IPv4 address written as IPv6, `::ffff:203.0.113.7`, is that IPv4
//! address), and limits count an IPv6 client by its /64: one subscriber usually holds a whole
//! /64 and could otherwise take a fresh address for each attempt.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

use crate::http::error::AppError;
use crate::startup::AppState;

/// The client of a request, as limits and logs see it.
pub struct Client {
    pub ip: IpAddr,
    /// What limits count it under (see [`limit_key`]).
    pub limit_key: String,
}

impl FromRequestParts<AppState> for Client {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .ok_or_else(|| anyhow::anyhow!("the server was started without peer addresses"))?
            .0
            .ip();
        let ip = client_ip(peer, &parts.headers, &state.config.trusted_proxies);
        Ok(Client {
            ip,
            limit_key: limit_key(ip),
        })
    }
}

pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted_proxies: &[IpAddr]) -> IpAddr {
    let trusted = |address: &IpAddr| trusted_proxies.contains(address);
    let mut nearest = peer.to_canonical();
    if !trusted(&nearest) {
        return nearest;
    }
    // From the nearest hop outwards: each trusted proxy vouches for the entry before it.
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .collect();
    for entry in entries.into_iter().rev() {
        // An entry that is not an address: nothing further out can be believed.
        let Ok(address) = entry.trim().parse::<IpAddr>() else {
            return nearest;
        };
        nearest = address.to_canonical();
        if !trusted(&nearest) {
            return nearest;
        }
    }
    nearest
}

/// The key under which limits count a client: the address itself for IPv4, its /64 for IPv6.
pub fn limit_key(client: IpAddr) -> String {
    match client.to_canonical() {
        IpAddr::V4(address) => address.to_string(),
        IpAddr::V6(address) => {
            let [a, b, c, d, ..] = address.segments();
            format!("{}/64", Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(forwarded: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_str(forwarded).unwrap());
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_proxy() {
        let proxy = ip("10.0.0.1");
        let forged = headers("1.2.3.4, 203.0.113.7");
        assert_eq!(client_ip(proxy, &forged, &[proxy]), ip("203.0.113.7"));
        assert_eq!(
            client_ip(ip("198.51.100.9"), &forged, &[proxy]),
            ip("198.51.100.9")
        );
        assert_eq!(client_ip(proxy, &HeaderMap::new(), &[proxy]), proxy);
    }

    #[test]
    fn ipv4_written_as_ipv6_is_ipv4() {
        let proxy = ip("10.0.0.1");
        assert_eq!(
            client_ip(ip("::ffff:203.0.113.7"), &HeaderMap::new(), &[]),
            ip("203.0.113.7")
        );
        // A trusted proxy seen through an IPv6 socket is still trusted.
        let mapped_proxy = ip("::ffff:10.0.0.1");
        let forwarded = headers("::ffff:198.51.100.9");
        assert_eq!(
            client_ip(mapped_proxy, &forwarded, &[proxy]),
            ip("198.51.100.9")
        );
        assert_eq!(limit_key(ip("::ffff:203.0.113.7")), "203.0.113.7");
    }

    #[test]
    fn the_chain_stops_at_the_first_entry_that_is_not_an_address() {
        let (outer, inner) = (ip("10.0.0.2"), ip("10.0.0.1"));
        // The inner proxy vouches for the outer one, which wrote something unreadable: the
        // client is not known beyond the outer proxy, whatever stands further out.
        let chain = headers("6.6.6.6, unknown, 10.0.0.2");
        assert_eq!(client_ip(inner, &chain, &[inner, outer]), outer);
        let garbage_only = headers("not-an-address");
        assert_eq!(client_ip(inner, &garbage_only, &[inner]), inner);
        // Several headers are one list, in order.
        let mut two = HeaderMap::new();
        two.append("x-forwarded-for", HeaderValue::from_static("6.6.6.6"));
        two.append("x-forwarded-for", HeaderValue::from_static("203.0.113.7"));
        assert_eq!(client_ip(inner, &two, &[inner]), ip("203.0.113.7"));
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        assert_eq!(limit_key(ip("2001:db8:1:2:aaaa::1")), "2001:db8:1:2::/64");
        assert_eq!(
            limit_key(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")),
            limit_key(ip("2001:db8:1:2::7"))
        );
        assert_ne!(
            limit_key(ip("2001:db8:1:3::1")),
            limit_key(ip("2001:db8:1:2::1"))
        );
        assert_eq!(limit_key(ip("203.0.113.7")), "203.0.113.7");
    }
}
