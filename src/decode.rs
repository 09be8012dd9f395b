//! From the bytes of a file to text: UTF-16 by its BOM, else UTF-8 (with or without BOM),
//! or a legacy encoding the caller names (`--encoding windows-1252`) or asks to detect.

use crate::offsets::{OffsetMap, TextBuilder};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// A WHATWG encoding other than UTF-8 and UTF-16 (windows-1252, ISO-8859-2, …).
    Legacy(&'static encoding_rs::Encoding),
}

impl Encoding {
    /// The name as the WHATWG Encoding Standard writes it.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Legacy(e) => e.name(),
        }
    }
}

/// How to read a file without a UTF-16 or UTF-8 byte-order mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EncodingChoice {
    /// UTF-8, strictly: the first invalid byte is an error.
    #[default]
    Utf8,
    /// The named encoding (`--encoding LABEL`).
    Label(&'static encoding_rs::Encoding),
    /// UTF-8 when the file is valid UTF-8, else the encoding detected.
    Auto,
}

impl EncodingChoice {
    /// `auto`, or a WHATWG label (`latin1`, `windows-1252`, `utf-8`, …).
    pub fn parse(label: &str) -> Option<EncodingChoice> {
        if label.eq_ignore_ascii_case("auto") {
            return Some(EncodingChoice::Auto);
        }
        let encoding = encoding_rs::Encoding::for_label(label.trim().as_bytes())?;
        Some(if encoding == encoding_rs::UTF_8 {
            EncodingChoice::Utf8
        } else {
            EncodingChoice::Label(encoding)
        })
    }
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

/// Decodes strict UTF-8 (or UTF-16 by its BOM).
#[cfg(test)]
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_as(bytes, EncodingChoice::Utf8)
}

/// Decodes a file: a UTF-16 BOM means UTF-16, a NUL byte binary, a UTF-8 BOM UTF-8;
/// otherwise as `choice` says.
pub fn decode_as(bytes: &[u8], choice: EncodingChoice) -> Result<Decoded, DecodeError> {
    match bytes {
        [0xFF, 0xFE, ..] => decode_utf16(bytes, Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => decode_utf16(bytes, Encoding::Utf16Be),
        _ if bytes.contains(&0) => Err(DecodeError::Binary),
        [0xEF, 0xBB, 0xBF, ..] => decode_utf8(bytes),
        _ => match choice {
            EncodingChoice::Utf8 => decode_utf8(bytes),
            EncodingChoice::Label(encoding) => Ok(decode_legacy(bytes, encoding)),
            EncodingChoice::Auto => decode_utf8(bytes).or_else(|_| {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                Ok(decode_legacy(
                    bytes,
                    detector.guess(None, chardetng::Utf8Detection::Deny),
                ))
            }),
        },
    }
}

/// [`decode_as`] of bytes the caller gives up: UTF-8 is taken as it is, without a copy
/// (the file's bytes become the source); on failure the bytes come back.
pub fn decode_owned(
    bytes: Vec<u8>,
    choice: EncodingChoice,
) -> Result<Decoded, (DecodeError, Vec<u8>)> {
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    let utf8 = !matches!(bytes.as_slice(), [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..])
        && !bytes.contains(&0)
        && (bom
            || match choice {
                EncodingChoice::Utf8 => true,
                EncodingChoice::Label(_) => false,
                EncodingChoice::Auto => std::str::from_utf8(&bytes).is_ok(),
            });
    if !utf8 {
        return decode_as(&bytes, choice).map_err(|err| (err, bytes));
    }
    let encoding = if bom {
        Encoding::Utf8Bom
    } else {
        Encoding::Utf8
    };
    String::from_utf8(bytes)
        .map(|source| Decoded {
            source,
            map: None,
            encoding,
        })
        .map_err(|err| {
            let offset = err.utf8_error().valid_up_to();
            (DecodeError::Invalid { offset, encoding }, err.into_bytes())
        })
}

/// A legacy encoding never fails (unmapped bytes become U+FFFD); each decoded character
/// maps back to the bytes it came from.
/// Feeds the decoder one byte at a time, so every piece of output is tied to the bytes
/// that produced it.
fn decode_legacy(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Decoded {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut builder = TextBuilder::with_capacity(bytes.len() * 2);
    let mut piece = String::with_capacity(16);
    let mut start = 0;
    for i in 0..bytes.len() {
        piece.clear();
        let last = i + 1 == bytes.len();
        if let Some(room) = decoder.max_utf8_buffer_length(1) {
            piece.reserve(room);
        }
        let _ = decoder.decode_to_string(&bytes[i..=i], &mut piece, last);
        if !piece.is_empty() {
            builder.push_replacement(&piece, start..i + 1);
            start = i + 1;
        }
    }
    let (source, map) = builder.finish();
    Decoded {
        source,
        map: Some(map),
        encoding: Encoding::Legacy(encoding),
    }
}

fn decode_utf8(bytes: &[u8]) -> Result<Decoded, DecodeError> {
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
    fn a_named_legacy_encoding_maps_every_character_to_its_bytes() {
        let bytes = b"Le B\xe9larus \x93cit\xe9\x94";
        let choice = EncodingChoice::parse("windows-1252").expect("a label");
        let d = decode_as(bytes, choice).expect("legacy never fails");
        assert_eq!(d.source, "Le Bélarus “cité”");
        assert_eq!(d.encoding.name(), "windows-1252");
        let map = d.map.expect("a map");
        let at = d.source.find("Bélarus").expect("present");
        assert_eq!(map.map_range(at..at + "Bélarus".len()), 3..10);
        let quote = d.source.find('“').expect("present");
        assert_eq!(map.map_range(quote..quote + 3), 11..12);
    }

    #[test]
    fn auto_keeps_utf8_and_detects_latin1() {
        let d = decode_as("Bélarus".as_bytes(), EncodingChoice::Auto).expect("utf-8");
        assert_eq!(d.encoding, Encoding::Utf8);
        let text =
            b"Le gouvernement du B\xe9larus a lib\xe9r\xe9 des prisonniers politiques \xe0 Minsk.";
        let d = decode_as(text, EncodingChoice::Auto).expect("detected");
        assert!(d.source.contains("Bélarus a libéré"), "{}", d.source);
        assert!(matches!(d.encoding, Encoding::Legacy(_)));
    }

    #[test]
    fn labels() {
        assert_eq!(EncodingChoice::parse("utf8"), Some(EncodingChoice::Utf8));
        assert_eq!(EncodingChoice::parse("AUTO"), Some(EncodingChoice::Auto));
        assert!(matches!(
            EncodingChoice::parse("latin1"),
            Some(EncodingChoice::Label(_))
        ));
        assert_eq!(EncodingChoice::parse("klingon"), None);
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
