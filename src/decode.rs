//! From the bytes of a file to text: UTF-8 (with or without BOM) or UTF-16 (by its BOM).

use crate::offsets::{OffsetMap, TextBuilder};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

/// A decoded file: `source` is its text; `map` (UTF-16 only) maps offsets of `source` to
/// byte offsets of the file. For UTF-8, `source` is the file itself, BOM included, so the
/// offsets are the file's.
#[derive(Debug)]
pub struct Decoded {
    pub source: String,
    pub map: Option<OffsetMap>,
    pub encoding: Encoding,
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not text: a NUL byte and no UTF-16 BOM.
    Binary,
    /// The first byte (offset into the file) that is not valid in the encoding.
    Invalid { offset: usize, encoding: Encoding },
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    match bytes {
        [0xFF, 0xFE, ..] => decode_utf16(bytes, Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => decode_utf16(bytes, Encoding::Utf16Be),
        _ if bytes.contains(&0) => Err(DecodeError::Binary),
        _ => {
            let encoding = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            };
            match std::str::from_utf8(bytes) {
                Ok(text) => Ok(Decoded {
                    source: text.to_owned(),
                    map: None,
                    encoding,
                }),
                Err(err) => Err(DecodeError::Invalid {
                    offset: err.valid_up_to(),
                    encoding,
                }),
            }
        }
    }
}

fn decode_utf16(bytes: &[u8], encoding: Encoding) -> Result<Decoded, DecodeError> {
    let body = &bytes[2..];
    let unit = |i: usize| -> u16 {
        let pair = [body[2 * i], body[2 * i + 1]];
        if encoding == Encoding::Utf16Le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    };
    let units = body.len() / 2;
    let mut builder = TextBuilder::with_capacity(body.len());
    let mut i = 0;
    let mut buf = [0u8; 4];
    while i < units {
        let first = unit(i);
        let (ch, width) = match first {
            0xD800..=0xDBFF if i + 1 < units => {
                let second = unit(i + 1);
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(invalid(i, encoding));
                }
                let code =
                    0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00);
                (char::from_u32(code).ok_or(invalid(i, encoding))?, 2)
            }
            0xD800..=0xDFFF => return Err(invalid(i, encoding)),
            _ => (
                char::from_u32(u32::from(first)).ok_or(invalid(i, encoding))?,
                1,
            ),
        };
        let start = 2 + 2 * i;
        builder.push_replacement(ch.encode_utf8(&mut buf), start..start + 2 * width);
        i += width;
    }
    if body.len() % 2 == 1 {
        return Err(DecodeError::Invalid {
            offset: bytes.len() - 1,
            encoding,
        });
    }
    let (source, map) = builder.finish();
    Ok(Decoded {
        source,
        map: Some(map),
        encoding,
    })
}

fn invalid(unit: usize, encoding: Encoding) -> DecodeError {
    DecodeError::Invalid {
        offset: 2 + 2 * unit,
        encoding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            out.extend_from_slice(&unit.to_le_bytes());
        }
        out
    }

    #[test]
    fn utf8_and_bom() {
        let d = decode("Minsk".as_bytes()).expect("valid");
        assert_eq!(d.source, "Minsk");
        assert_eq!(d.encoding, Encoding::Utf8);
        let d = decode("\u{FEFF}Minsk".as_bytes()).expect("valid");
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.source, "\u{FEFF}Minsk");
    }

    #[test]
    fn latin1_is_an_encoding_error_at_the_first_bad_byte() {
        let bytes = b"Le B\xe9larus";
        assert_eq!(
            decode(bytes).err(),
            Some(DecodeError::Invalid {
                offset: 4,
                encoding: Encoding::Utf8
            })
        );
    }

    #[test]
    fn nul_means_binary() {
        assert_eq!(decode(b"ab\0cd").err(), Some(DecodeError::Binary));
    }

    #[test]
    fn utf16_maps_back_to_file_bytes() {
        let bytes = utf16le("é𝄞x");
        let d = decode(&bytes).expect("valid");
        assert_eq!(d.source, "é𝄞x");
        let map = d.map.expect("utf-16 has a map");
        // "𝄞" is bytes 2..6 of the source and a surrogate pair at 4..8 of the file.
        assert_eq!(map.map_range(2..6), 4..8);
        assert_eq!(map.map_range(6..7), 8..10);
    }

    #[test]
    fn lone_surrogate_is_invalid() {
        let bytes = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8];
        assert_eq!(
            decode(&bytes).err(),
            Some(DecodeError::Invalid {
                offset: 4,
                encoding: Encoding::Utf16Le
            })
        );
    }
}
