//! Positions as the Language Server Protocol counts them: 0-based lines and UTF-16 code units.
//!
//! The protocol ends a line at `\n`, `\r\n` or a lone `\r`, and counts characters in UTF-16
//! code units unless both sides agree otherwise (pm offers nothing else). A byte-order mark, if
//! a client sends one, is one unit like any other character: positions are computed on exactly
//! the text received. pm's own positions (1-based, characters, BOM not counted; see
//! [`crate::document::lines`]) are turned into byte offsets first, then into these.

use gen_lsp_types::{Position, Range};

/// Where each line of a text starts, by the protocol's line endings.
#[derive(Debug, Clone)]
pub struct LineMap {
    starts: Vec<usize>,
}

impl LineMap {
    pub fn new(text: &str) -> LineMap {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        let mut i = 0;
        while let Some(found) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + found;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(next);
            i = next;
        }
        LineMap { starts }
    }

    /// The byte range of 0-based `line`, without its line ending.
    fn line(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts.get(line).copied().unwrap_or(text.len());
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let content = text.get(start..end).unwrap_or("");
        start..start + content.trim_end_matches(['\n', '\r']).len()
    }

    /// The protocol position of byte `offset` (clamped to the text and a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let range = self.line(text, line);
        // An offset inside a CRLF pair is the end of the line.
        let end = offset.min(range.end);
        let character = text[range.start..end].encode_utf16().count();
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of a protocol position. A character past the end of its line means the
    /// line's end (the protocol says so), a line past the last means the end of the text, and a
    /// position inside a surrogate pair moves to the start of its character.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let range = self.line(text, line);
        let mut units = 0usize;
        let wanted = position.character as usize;
        for (at, c) in text[range.clone()].char_indices() {
            let next = units + c.len_utf16();
            if next > wanted {
                return range.start + at;
            }
            units = next;
        }
        range.end
    }

    /// The protocol range of a byte range.
    pub fn range(&self, text: &str, span: std::ops::Range<usize>) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end.max(span.start)),
        )
    }

    /// The byte range of a protocol range (ends swapped if a client sends them reversed).
    pub fn span(&self, text: &str, range: &Range) -> std::ops::Range<usize> {
        let a = self.offset(text, range.start);
        let b = self.offset(text, range.end);
        a.min(b)..a.max(b)
    }
}

/// Lines and columns beyond `u32` cannot occur in a file pm reads (4 MiB at most).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "a\r\nb\rc\nd";
        let map = LineMap::new(text);
        assert_eq!(map.position(text, 3), pos(1, 0));
        assert_eq!(map.position(text, 5), pos(2, 0));
        assert_eq!(map.position(text, 7), pos(3, 0));
        // Inside the CRLF pair: the end of line 0.
        assert_eq!(map.position(text, 2), pos(0, 1));
        assert_eq!(map.offset(text, pos(0, 9)), 1);
        assert_eq!(map.offset(text, pos(9, 0)), text.len());
    }

    #[test]
    fn characters_are_utf16_units() {
        let text = "\u{feff}é😀x\n中";
        let map = LineMap::new(text);
        let x = text.find('x').unwrap_or(0);
        // BOM 1 unit, é 1 unit, 😀 2 units.
        assert_eq!(map.position(text, x), pos(0, 4));
        assert_eq!(map.offset(text, pos(0, 4)), x);
        // Inside the surrogate pair: the start of the emoji.
        let emoji = text.find('😀').unwrap_or(0);
        assert_eq!(map.offset(text, pos(0, 3)), emoji);
        assert_eq!(map.position(text, text.len()), pos(1, 1));
    }

    proptest! {
        #[test]
        fn offsets_and_positions_round_trip(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("a"), Just("é"), Just("😀"), Just("中"), Just("\n"), Just("\r\n"),
                    Just("\r"), Just("\u{feff}"), Just(" ")
                ],
                0..40,
            )
        ) {
            let text: String = parts.concat();
            let map = LineMap::new(&text);
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                // Offsets inside a CRLF pair are not character positions of the protocol.
                if offset > 0 && text.as_bytes()[offset - 1] == b'\r'
                    && text.as_bytes().get(offset) == Some(&b'\n') {
                    continue;
                }
                let p = map.position(&text, offset);
                prop_assert_eq!(map.offset(&text, p), offset);
                let line_start = map.starts[p.line as usize];
                prop_assert_eq!(
                    text[line_start..offset].encode_utf16().count(),
                    p.character as usize
                );
            }
        }
    }
}
