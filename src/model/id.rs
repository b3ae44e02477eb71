//! Stable, unique, short string ids. The model never invents randomness: the shell passes a
//! seed (time, counter, random) and [`Id::from_seed`] encodes it compactly.

use serde::{Deserialize, Serialize};
use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn new(s: impl Into<String>) -> Self {
        Id(s.into())
    }

    /// Encodes `seed` in base 36 behind a one-letter prefix (`g` goal, `k` KPI, `c` chain,
    /// `l` link, `d` department, `m` model): short in JSON and in wasm.
    pub fn from_seed(prefix: char, mut seed: u64) -> Self {
        const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut buf = Vec::with_capacity(14);
        loop {
            buf.push(DIGITS[(seed % 36) as usize]);
            seed /= 36;
            if seed == 0 {
                break;
            }
        }
        buf.push(prefix as u8);
        buf.reverse();
        Id(String::from_utf8(buf).unwrap_or_default())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_encode_short_and_distinct() {
        assert_eq!(Id::from_seed('k', 0).as_str(), "k0");
        assert_eq!(Id::from_seed('c', 35).as_str(), "cz");
        assert_eq!(Id::from_seed('c', 36).as_str(), "c10");
        assert_ne!(Id::from_seed('k', 1), Id::from_seed('k', 2));
    }
}
