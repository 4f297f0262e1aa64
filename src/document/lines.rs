//! Byte offsets to 1-based line and column positions in the file as it is on disk.

/// A position in a file: 1-based line, 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A byte range in a file.
pub type Span = std::ops::Range<usize>;

/// Maps byte offsets of a file's text to line/column positions.
///
/// Lines end at `\n`; a `\r` before it belongs to the line ending, so CRLF files report the same
/// positions as LF files. A UTF-8 byte-order mark at the start of the file takes no column.
///
/// A column is a count of characters from the line's start. On a line longer than
/// [`COLUMN_STEP`] bytes the index keeps the count at every step (taken once, when it is
/// built), so a position on a long line counts at most one step's characters: a file of one
/// 290 KB line with 8,000 findings once cost 18 G instructions in column counts alone, each
/// finding counting from the start of the line (round 48, docs/PERFORMANCE.md).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    bom: usize,
    /// On lines longer than [`COLUMN_STEP`]: (byte offset, characters from the line's start
    /// to it), every [`COLUMN_STEP`] bytes or a little less (at a character boundary), in
    /// order of offset.
    checkpoints: Vec<(usize, usize)>,
}

/// How many bytes of a long line a column count reads at most (see [`LineIndex`]).
const COLUMN_STEP: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr_newlines(text.as_bytes()));
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut index = LineIndex {
            starts,
            bom,
            checkpoints: Vec::new(),
        };
        index.checkpoints = index.long_line_checkpoints(text);
        index
    }

    /// The column counts [`LineIndex::checkpoints`] keeps, for the lines of `text` longer than
    /// [`COLUMN_STEP`]: one pass over those lines, none over the others.
    fn long_line_checkpoints(&self, text: &str) -> Vec<(usize, usize)> {
        let mut checkpoints = Vec::new();
        for (i, &line_start) in self.starts.iter().enumerate() {
            let end = self.starts.get(i + 1).copied().unwrap_or(text.len());
            let start = self.column_origin(i, line_start, end);
            if end - start <= COLUMN_STEP {
                continue;
            }
            let (mut at, mut column) = (start, 0);
            loop {
                let mut next = at + COLUMN_STEP;
                if next >= end {
                    break;
                }
                while !text.is_char_boundary(next) {
                    next -= 1;
                }
                column += text.get(at..next).map_or(0, |s| s.chars().count());
                checkpoints.push((next, column));
                at = next;
            }
        }
        checkpoints
    }

    /// Where columns are counted from on the line with 0-based index `line_idx` that starts
    /// at byte `line_start`: its start, or after the BOM on the first line (never past
    /// `limit`).
    fn column_origin(&self, line_idx: usize, line_start: usize, limit: usize) -> usize {
        if line_idx == 0 {
            line_start.max(self.bom.min(limit))
        } else {
            line_start
        }
    }

    /// Number of lines (a final line without a newline counts).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 1-based `line` starts, if the file has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.starts.get(i).copied())
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.column_origin(line_idx, self.starts[line_idx], offset);
        // The last checkpoint at or before `offset` on this line, if the line has any.
        let (from, counted) = match self.checkpoints.partition_point(|&(at, _)| at <= offset) {
            0 => (start, 0),
            k => match self.checkpoints[k - 1] {
                (at, column) if at >= start => (at, column),
                _ => (start, 0),
            },
        };
        // `text` is the index's own, so `from` and `offset` are character boundaries; were it
        // another, the byte-wise count still gives a column.
        let column = match text.get(from..offset) {
            Some(s) => counted + s.chars().count() + 1,
            None => column_at(&text.as_bytes()[start.min(offset)..offset]),
        };
        Position {
            line: line_idx + 1,
            column,
        }
    }

    /// The byte offset of `position`, the inverse of [`LineIndex::position`]: a column past
    /// the end of its line means the line's end (before its line ending), a line past the end
    /// of the file means the end of the file. For editors, which address text by other units.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(mut start) = self.line_start(position.line) else {
            return text.len();
        };
        if position.line == 1 {
            start = start.max(self.bom.min(text.len()));
        }
        let line = self.line_text(text, position.line);
        let line_start = self.line_start(position.line).unwrap_or(0);
        let line = &line[(start - line_start).min(line.len())..];
        let skip = position.column.saturating_sub(1);
        start
            + line
                .char_indices()
                .nth(skip)
                .map_or(line.len(), |(at, _)| at)
    }

    /// The text of 1-based `line` without its line ending.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(start) = self.line_start(line) else {
            return "";
        };
        let end = self.line_start(line + 1).unwrap_or(text.len());
        text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// The position of byte `offset` in `bytes` (which may be invalid UTF-8 after the line's
/// start, as in a file refused for it), for a single look-up where building a [`LineIndex`]
/// would not pay. Same rules: CRLF is a line ending, a BOM takes no column.
pub fn position_of(bytes: &[u8], offset: usize) -> Position {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
    let mut line = &before[line_start..];
    if line_start == 0 {
        line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
    }
    Position {
        line: memchr::memchr_iter(b'\n', before).count() + 1,
        column: column_at(line),
    }
}

/// The 1-based column after `line_prefix` (the bytes from the line's start): characters,
/// not bytes.
fn column_at(line_prefix: &[u8]) -> usize {
    String::from_utf8_lossy(line_prefix).chars().count() + 1
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_ignore_bom_and_cr() {
        let text = "\u{feff}ab\r\nçd\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 4), Position { line: 1, column: 2 });
        let c = text.find('ç').unwrap();
        assert_eq!(index.position(text, c), Position { line: 2, column: 1 });
        assert_eq!(index.position(text, c + 2), Position { line: 2, column: 2 });
        assert_eq!(
            index.position(text, text.len()),
            Position { line: 3, column: 2 }
        );
        assert_eq!(index.line_text(text, 1), "\u{feff}ab");
        for offset in [3, 4, 5, c, c + 2, text.len()] {
            assert_eq!(index.offset(text, index.position(text, offset)), offset);
        }
        assert_eq!(index.offset(text, Position { line: 1, column: 9 }), 5);
        assert_eq!(
            index.offset(text, Position { line: 9, column: 1 }),
            text.len()
        );
        assert_eq!(index.line_text(text, 2), "çd");
    }

    /// Columns on lines longer than [`COLUMN_STEP`], counted from the kept counts, are the
    /// characters from the line's start: multi-byte characters across a step's end, a BOM
    /// before a long first line, CRLF, and a long line after short ones.
    #[test]
    fn columns_on_long_lines_count_every_character() {
        let long_a: String = "ab çé 😀 x".repeat(1_500);
        let long_b: String = "é".repeat(5_000) + "z";
        let text = format!("\u{feff}{long_a}\r\nshort\n{long_b}\n\n{long_a}");
        let index = LineIndex::new(&text);
        assert!(!index.checkpoints.is_empty());
        let mut line_start = 0;
        let mut line = 1;
        for (offset, ch) in text.char_indices().chain([(text.len(), '\n')]) {
            let origin = if line == 1 { 3.min(offset) } else { line_start };
            let expected = Position {
                line,
                column: text[origin..offset].chars().count() + 1,
            };
            assert_eq!(index.position(&text, offset), expected, "at byte {offset}");
            if ch == '\n' {
                line += 1;
                line_start = offset + 1;
            }
        }
        // Inside a character: the character's start.
        let e = text.find('é').unwrap();
        assert_eq!(index.position(&text, e + 1), index.position(&text, e));
    }

    #[test]
    fn position_of_follows_the_same_rules_on_bytes() {
        let at = |line, column| Position { line, column };
        // (bytes, offset, expected position)
        let cases: &[(&[u8], usize, Position)] = &[
            (b"", 0, at(1, 1)),
            (b"abc", 0, at(1, 1)),
            (b"abc", 2, at(1, 3)),
            // A BOM takes no column, on the first line only.
            (b"\xef\xbb\xbfab", 3, at(1, 1)),
            (b"\xef\xbb\xbfab", 4, at(1, 2)),
            (b"x\n\xef\xbb\xbfab", 5, at(2, 2)),
            // CRLF: the `\r` ends the line; the next line starts after the `\n`.
            (b"ab\r\ncd", 2, at(1, 3)),
            (b"ab\r\ncd", 4, at(2, 1)),
            (b"ab\r\ncd", 5, at(2, 2)),
            // Characters, not bytes: `é` is two bytes, one column; `😀` four bytes, one column.
            ("é😀x".as_bytes(), 6, at(1, 3)),
            ("a\nçé|".as_bytes(), 6, at(2, 3)),
            // Invalid UTF-8 mid-line (as in a file refused for it): each bad byte is one column.
            (b"ab\xff\xfecd", 4, at(1, 5)),
            (b"l1\nab\xffcd", 6, at(2, 4)),
            // Past the end: the end of the text.
            (b"ab\ncd", 99, at(2, 3)),
            (b"ab\n", 99, at(2, 1)),
        ];
        for (bytes, offset, expected) in cases {
            assert_eq!(
                position_of(bytes, *offset),
                *expected,
                "{:?} at {offset}",
                String::from_utf8_lossy(bytes)
            );
            // Where the text is UTF-8, the index gives the same answer.
            if let Ok(text) = std::str::from_utf8(bytes) {
                let index = LineIndex::new(text);
                assert_eq!(
                    index.position(text, *offset),
                    *expected,
                    "{text:?} at {offset}"
                );
            }
        }
    }
}
