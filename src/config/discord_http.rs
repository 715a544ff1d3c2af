//! Discord's HTTP interactions mode: with `DISCORD_PUBLIC_KEY` set, Discord POSTs interactions to
//! `DISCORD_HTTP_ADDR` instead of sending them over a gateway connection, so any number of
//! replicas can stand behind a load balancer. The key is the application's public key (64
//! hexadecimal digits, from the Developer Portal's General Information); it is not a secret, but
//! a wrong one is refused at start rather than at the first request.

use super::{invalid, ConfigError};
use std::net::SocketAddr;

/// Where HTTP mode listens when `DISCORD_HTTP_ADDR` is unset.
const DEFAULT_HTTP_ADDR: &str = "0.0.0.0:3001";

/// The interactions endpoint of HTTP mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractionsEndpoint {
    /// The Ed25519 public key every request's signature is checked against.
    pub public_key: [u8; 32],
    pub listen: SocketAddr,
}

pub(super) fn interactions_endpoint(
    get: &impl Fn(&str) -> Option<String>,
) -> Result<Option<InteractionsEndpoint>, ConfigError> {
    let Some(key) = get("DISCORD_PUBLIC_KEY") else {
        if get("DISCORD_HTTP_ADDR").is_some() {
            return Err(invalid("DISCORD_HTTP_ADDR", "HTTP mode also needs DISCORD_PUBLIC_KEY"));
        }
        return Ok(None);
    };
    let public_key =
        hex::decode(&key).ok().and_then(|bytes| <[u8; 32]>::try_from(bytes).ok()).filter(is_a_public_key).ok_or_else(
            || invalid("DISCORD_PUBLIC_KEY", "expected the application's public key: 64 hexadecimal digits"),
        )?;
    let address = get("DISCORD_HTTP_ADDR").unwrap_or_else(|| DEFAULT_HTTP_ADDR.to_string());
    let listen = address
        .parse()
        .map_err(|_| invalid("DISCORD_HTTP_ADDR", "expected an address and port such as 0.0.0.0:3001"))?;
    Ok(Some(InteractionsEndpoint { public_key, listen }))
}

/// Whether the bytes are a point on the curve (not every 32 bytes are a public key).
fn is_a_public_key(bytes: &[u8; 32]) -> bool {
    poise::serenity_prelude::interactions_endpoint::Verifier::try_new(*bytes).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The public key of the Ed25519 test vector 1 of RFC 8032.
    const KEY: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    fn read(vars: &[(&str, &str)]) -> Result<Option<InteractionsEndpoint>, ConfigError> {
        let map: HashMap<&str, &str> = vars.iter().copied().collect();
        interactions_endpoint(&|name| map.get(name).map(|v| v.to_string()))
    }

    #[test]
    fn a_public_key_turns_http_mode_on_at_the_default_address() {
        assert_eq!(read(&[]).unwrap(), None);
        let endpoint = read(&[("DISCORD_PUBLIC_KEY", KEY)]).unwrap().unwrap();
        assert_eq!(endpoint.listen, DEFAULT_HTTP_ADDR.parse().unwrap());
        assert_eq!(hex::encode(endpoint.public_key), KEY);
        let moved = read(&[("DISCORD_PUBLIC_KEY", KEY), ("DISCORD_HTTP_ADDR", "127.0.0.1:8080")]).unwrap().unwrap();
        assert_eq!(moved.listen, "127.0.0.1:8080".parse().unwrap());
    }

    #[test]
    fn a_bad_key_or_address_is_named_and_an_address_alone_is_refused() {
        for key in ["abc", &KEY[..62], &format!("{}zz", &KEY[..62])] {
            assert_eq!(read(&[("DISCORD_PUBLIC_KEY", key)]).unwrap_err().name, "DISCORD_PUBLIC_KEY", "{key}");
        }
        let address = read(&[("DISCORD_PUBLIC_KEY", KEY), ("DISCORD_HTTP_ADDR", "port 80")]);
        assert_eq!(address.unwrap_err().name, "DISCORD_HTTP_ADDR");
        assert_eq!(read(&[("DISCORD_HTTP_ADDR", "0.0.0.0:3001")]).unwrap_err().name, "DISCORD_HTTP_ADDR");
    }
}
