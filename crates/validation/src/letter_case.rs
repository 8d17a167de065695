//! Lower case for the rules, for the letters of French and its neighbours: ASCII, Latin-1 and
//! Latin Extended-A. The standard library's `to_lowercase` carries the whole Unicode case table,
//! which the browser bundle pays for in every visit; the rules only compare what people type
//! here. Other letters are kept as they are, and the browser and the server run this same code.

/// The lower-case form of `c` (itself if it has none, or is beyond the scripts named above).
pub fn lower(c: char) -> char {
    let code = c as u32;
    let shifted = |by: u32| char::from_u32(code + by).unwrap_or(c);
    let even_is_upper = code % 2 == 0;
    match code {
        0x41..=0x5A => shifted(32),
        // À to Þ, but × (a sign) between them.
        0xC0..=0xDE if code != 0xD7 => shifted(32),
        // Ā ā … Į į, Ĳ ĳ … Ķ ķ, Ŋ ŋ … Ŷ ŷ: upper case on even code points.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if even_is_upper => shifted(1),
        // Ĺ ĺ … Ň ň and Ź ź … Ž ž: upper case on odd code points.
        0x139..=0x148 | 0x179..=0x17E if !even_is_upper => shifted(1),
        0x130 => 'i',
        0x178 => 'ÿ',
        _ => c,
    }
}

/// `text` in lower case, letter by letter (see [`lower`]).
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_unicode_on_the_latin_letters() {
        for code in 0..0x180u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            // İ lowers to two characters in Unicode (i and a combining dot): `i` here.
            if c == 'İ' {
                assert_eq!(lower(c), 'i');
                continue;
            }
            let unicode: Vec<char> = c.to_lowercase().collect();
            assert_eq!(vec![lower(c)], unicode, "{c} (U+{code:04X})");
        }
        assert_eq!(lower('Ÿ'), 'ÿ');
        assert_eq!(lowercase("ÉLOÏSE Œuvre"), "éloïse œuvre");
        // Beyond: kept as typed.
        assert_eq!(lower('Ω'), 'Ω');
    }
}
