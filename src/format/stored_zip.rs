//! A zip archive of stored (uncompressed) entries: what a `.pptx` package needs, in a few
//! hundred bytes of wasm. The `zip` crate with no compression features cost about 80 KB raw
//! (45 KB gzip) of wasm after `wasm-opt -Oz` when measured for "Export slides"; the tests
//! read these archives back with it.
//!
//! Format (APPNOTE.TXT 6.3): per entry a local file header and the bytes, then the central
//! directory and its end record. No data descriptors, no extra fields, no zip64: an archive
//! over 65,535 entries or 4 GiB is an error value.

use crate::model::Date;

/// Why an archive could not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// More entries than a zip without zip64 holds (65,535).
    TooManyEntries,
    /// An entry, its name or the archive is larger than a zip without zip64 holds.
    TooLarge,
}

/// The CRC-32 (IEEE 802.3, reflected, as zip uses it) table, built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// The CRC-32 of `data` as zip stores it.
pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// `date` at noon in MS-DOS form (time, date); 1980-01-01 for a date a zip cannot hold.
fn dos_time(date: Option<Date>) -> (u16, u16) {
    match date {
        Some(d) if (1980..=2107).contains(&d.y) => {
            let day = ((d.y - 1980) as u16) << 9 | (d.m as u16) << 5 | d.d as u16;
            (12 << 11, day)
        }
        _ => (0, 1 << 5 | 1),
    }
}

fn u16_of(n: usize) -> Result<u16, ZipError> {
    u16::try_from(n).map_err(|_| ZipError::TooLarge)
}

fn u32_of(n: usize) -> Result<u32, ZipError> {
    u32::try_from(n).map_err(|_| ZipError::TooLarge)
}

/// The fields a local header and its central directory entry share, from "version needed"
/// through "extra field length".
fn common(out: &mut Vec<u8>, name: &[u8], data: &[u8], time: (u16, u16)) -> Result<(), ZipError> {
    let fields16 = [10u16, 0, 0, time.0, time.1]; // version 1.0, no flags, stored
    for f in fields16 {
        out.extend_from_slice(&f.to_le_bytes());
    }
    let size = u32_of(data.len())?;
    for f in [crc32(data), size, size] {
        out.extend_from_slice(&f.to_le_bytes());
    }
    out.extend_from_slice(&u16_of(name.len())?.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(())
}

/// The archive of `files` (path in the archive, bytes), in that order, each stored with
/// `date` as its time. Names are written as given (the package's are ASCII).
pub fn stored_zip(files: &[(String, Vec<u8>)], date: Option<Date>) -> Result<Vec<u8>, ZipError> {
    let count = u16::try_from(files.len()).map_err(|_| ZipError::TooManyEntries)?;
    let time = dos_time(date);
    let mut out = Vec::with_capacity(files.iter().map(|(n, d)| 76 + 2 * n.len() + d.len()).sum());
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = u32_of(out.len())?;
        out.extend_from_slice(&0x0403_4B50u32.to_le_bytes());
        common(&mut out, name.as_bytes(), data, time)?;
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        central.extend_from_slice(&0x0201_4B50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by: MS-DOS, version 2.0
        common(&mut central, name.as_bytes(), data, time)?;
        // Comment length, disk number, internal and external attributes.
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let start = u32_of(out.len())?;
    let size = u32_of(central.len())?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4B50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the directory's disk
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // no comment
    u32_of(out.len())?;
    Ok(out)
}
