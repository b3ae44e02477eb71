//! Share links: the model travels in the URL fragment, `#m=<data>`, where `<data>` is the
//! compact export JSON, compressed with raw DEFLATE (the browser's
//! `CompressionStream("deflate-raw")`) and base64url-encoded without padding. The fragment is
//! never sent to a server. Pure helpers here; the compression runs in the browser
//! (`src/ui/files/`). See docs/FORMAT.md, "Share links".

use super::envelope::{FileType, KpiStructureFile, Lineage, Source, CURRENT_VERSION};
use crate::model::Model;

/// Longest share link the app offers, in characters (the whole URL). Longer links are
/// refused with advice to use Export JSON: chat and mail tools cut long URLs, and some
/// browsers and servers refuse them.
pub const MAX_LINK_CHARS: usize = 32_000;

/// The fragment key: a share link ends in `#m=<data>`.
pub const FRAGMENT_PREFIX: &str = "#m=";

/// The text that is compressed into a share link: the export file as compact JSON.
pub fn share_payload(model: &Model) -> String {
    let file = KpiStructureFile {
        file_type: FileType::KpiStructure,
        version: CURRENT_VERSION,
        source: Source::default(),
        lineage: Some(Lineage::of(model)),
        model: model.clone(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// The `<data>` of a fragment `#m=<data>` (`location.hash`), if it is a share fragment.
pub fn fragment_data(hash: &str) -> Option<&str> {
    hash.strip_prefix(FRAGMENT_PREFIX).filter(|d| !d.is_empty())
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url (RFC 4648 §5) without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let idx = ((n >> (18 - 6 * i)) & 63) as usize;
            out.push(char::from(ALPHABET[idx]));
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        // base64url, and plain base64 leniently (a mail tool may have rewritten it).
        b'-' | b'+' => 62,
        b'_' | b'/' => 63,
        _ => return None,
    } as u32)
}

/// Decodes base64url; padding (`=`) and surrounding whitespace are accepted. `None` if the
/// text is not base64.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim().trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::import_json;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url_encode(&bytes);
            assert!(!text.contains(['=', '+', '/']));
            assert_eq!(base64url_decode(&text), Some(bytes));
        }
    }

    #[test]
    fn base64url_known_values() {
        assert_eq!(base64url_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url_encode(b"fo"), "Zm8");
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("Zm8="), Some(b"fo".to_vec()));
        assert_eq!(base64url_decode("+/8"), Some(vec![0xfb, 0xff]));
        assert_eq!(base64url_decode("Zm9v!"), None);
        assert_eq!(base64url_decode("Z"), None);
    }

    #[test]
    fn fragments() {
        assert_eq!(fragment_data("#m=abc"), Some("abc"));
        assert_eq!(fragment_data("#m="), None);
        assert_eq!(fragment_data("#x=abc"), None);
        assert_eq!(fragment_data(""), None);
    }

    #[test]
    fn payload_imports_back() {
        let model = Model {
            name: "Coffee".into(),
            ..Model::default()
        };
        let payload = share_payload(&model);
        assert!(!payload.contains('\n'));
        assert_eq!(import_json(&payload).unwrap().model.name, "Coffee");
    }
}
