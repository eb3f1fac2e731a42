//! Lower case for comparing what officers type with the codes' words, and for a label used
//! inside a sentence ("Enter the name of the giver").
//!
//! The codes are written in English (and may be in Welsh); officers type in the same languages.
//! So case is folded for the letters those use: ASCII, Latin-1 (Welsh's â ê î ô û among them)
//! and Latin Extended-A (ŵ ŷ, and the letters of most European names). Any other character is
//! compared as it was typed. Why not `str::to_lowercase`: it carries Unicode's whole case table,
//! which was 10 KB of the gzip wasm that every officer downloads (tests/browser/size.test.mjs),
//! for letters no code of conduct or search of one uses.

/// The lower-case form of `c` for the letters described above; any other character unchanged.
pub fn lower_char(c: char) -> char {
    let u = u32::from(c);
    let lower = match u {
        // A–Z, À–Þ (not ×): the lower-case letter is 0x20 on.
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u | 0x20,
        // Latin Extended-A pairs an upper-case letter with the next code point: from an even
        // one in these runs…
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u | 1,
        // …and from an odd one in these.
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u.wrapping_add(1),
        // Ÿ's lower case is in Latin-1.
        0x178 => 0xFF,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `s` in lower case (see [`lower_char`]).
pub fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// `s` with its first letter in lower case, for a label used inside a sentence.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|first| std::iter::once(lower_char(first)).chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_it_folds_folds_as_unicode_says() {
        // İ is left alone: its Unicode lower case is two characters (i and a combining dot).
        for c in ('\0'..='\u{17F}').filter(|&c| c != 'İ') {
            let unicode: Vec<char> = c.to_lowercase().collect();
            assert_eq!(vec![lower_char(c)], unicode, "{c:?} (U+{:04X})", u32::from(c));
        }
    }

    #[test]
    fn other_characters_are_compared_as_typed() {
        for c in ['İ', 'Ω', 'Я', '€', '£', '’', '😀'] {
            assert_eq!(lower_char(c), c);
        }
    }

    #[test]
    fn words_and_labels() {
        assert_eq!(lower("GIFTS and Hospitality"), "gifts and hospitality");
        assert_eq!(lower("YMDDYGIAD ŴYR ÂR"), "ymddygiad ŵyr âr");
        assert_eq!(lower_first("Name of the giver"), "name of the giver");
        assert_eq!(lower_first(""), "");
        assert_eq!(lower_first("Ŷ"), "ŷ");
    }
}
