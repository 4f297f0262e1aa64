//! The document model: a post-mortem file read into typed front matter and a Markdown body.
//!
//! Nothing here knows about git or the terminal. Every position is a byte span in the file as it
//! is on disk (BOM and CRLF included); [`LineIndex`] turns spans into 1-based lines and columns.

pub mod body;
pub mod edit;
pub mod fastfront;
pub mod fields;
pub mod frontmatter;
pub mod id;
pub mod lines;
pub mod sections;

pub use body::Body;
pub use frontmatter::{Action, FrontMatter, Spanned, Timestamp};
pub use lines::{LineIndex, Position, Span};

/// Largest file pm reads. Post-mortems are a few KB; anything this large is not one.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A post-mortem read from a file.
#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    /// Built on first use: listings read thousands of front matters and need no positions.
    lines: std::sync::OnceLock<LineIndex>,
    pub split: frontmatter::Split,
    pub front: FrontMatter,
    /// `None` when only the front matter was read (see [`Document::parse_front_matter`]).
    pub body: Option<Body>,
}

/// Why a file could not be read as a post-mortem. Each carries the byte span it concerns.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParseError {
    #[error("the file is {size} bytes; pm reads post-mortems up to {max} bytes", max = MAX_FILE_BYTES)]
    TooLarge { size: u64 },
    #[error("the file is not UTF-8 text (invalid byte at line {line}, column {column}); save it as UTF-8")]
    NotUtf8 { line: usize, column: usize },
    #[error("the file looks binary (NUL byte at line {line}, column {column}); a post-mortem is Markdown text")]
    Binary { line: usize, column: usize },
    #[error("no front matter: the file must begin with a line that is exactly `+++`, then TOML, then `+++`")]
    MissingFrontMatter,
    #[error("the front matter opened with `+++` on line {line} is never closed: add a line that is exactly `+++` after the TOML")]
    Unterminated { line: usize },
    #[error("invalid TOML in the front matter at line {line}, column {column}: {message}")]
    Toml {
        message: String,
        line: usize,
        column: usize,
        span: Span,
    },
}

impl ParseError {
    /// 1-based (line, column) the error points at, where there is one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ParseError::NotUtf8 { line, column }
            | ParseError::Binary { line, column }
            | ParseError::Toml { line, column, .. } => Some((*line, *column)),
            ParseError::Unterminated { line } => Some((*line, 1)),
            ParseError::MissingFrontMatter => Some((1, 1)),
            ParseError::TooLarge { .. } => None,
        }
    }
}

/// Options the body parser needs from the configuration.
#[derive(Debug, Clone)]
pub struct ParseOptions<'a> {
    /// Title of the section that holds the timeline.
    pub timeline_section: &'a str,
}

impl Default for ParseOptions<'_> {
    fn default() -> Self {
        ParseOptions {
            timeline_section: "Timeline",
        }
    }
}

impl Document {
    /// Reads the whole document: front matter and body.
    pub fn parse(bytes: &[u8], options: &ParseOptions<'_>) -> Result<Document, ParseError> {
        let mut doc = Self::parse_front_matter(bytes)?;
        doc.body = Some(doc.read_body(options, &mut |_| {}));
        Ok(doc)
    }

    /// Reads the body of a document read for its front matter, lending each level-2 section's
    /// blocks to `visit` while the parse is alive (see [`body::parse_visiting`]); the caller
    /// stores the result in [`Document::body`].
    pub fn read_body(
        &self,
        options: &ParseOptions<'_>,
        visit: &mut dyn FnMut(body::SectionBlocks<'_, '_>),
    ) -> Body {
        body::parse_visiting(
            &self.text,
            self.split.body_start,
            self.lines(),
            options.timeline_section,
            visit,
        )
    }

    /// Reads the front matter only: what listings need, at a fraction of the cost.
    pub fn parse_front_matter(bytes: &[u8]) -> Result<Document, ParseError> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(ParseError::TooLarge {
                size: bytes.len() as u64,
            });
        }
        Self::parse_front_matter_owned(bytes.to_vec())
    }

    /// [`Document::parse_front_matter`] for bytes the caller no longer needs: no copy is made.
    pub fn parse_front_matter_owned(bytes: Vec<u8>) -> Result<Document, ParseError> {
        check_size_and_nul(&bytes)?;
        let text = String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error()))?;
        let (split, front) = read_front(&text)?;
        Ok(Document {
            text,
            lines: std::sync::OnceLock::new(),
            split,
            front,
            body: None,
        })
    }

    /// The line index of the file.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// Position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines().position(&self.text, offset)
    }

    /// The `id` field, if present.
    pub fn id(&self) -> Option<&str> {
        self.front.id.as_ref().map(|s| s.value.as_str())
    }

    /// The `title` field, if present.
    pub fn title(&self) -> Option<&str> {
        self.front.title.as_ref().map(|s| s.value.as_str())
    }

    /// The parsed `status`, if present and valid.
    pub fn status(&self) -> Option<Status> {
        self.front
            .status
            .as_ref()
            .and_then(|s| Status::parse(&s.value))
    }
}

/// Reads the front matter of a file's bytes, with the checks and errors of
/// [`Document::parse_front_matter`], without keeping the file's text: for callers that read many
/// files and need only the fields (listings, history), into a buffer they reuse.
pub fn read_front_matter(bytes: &[u8]) -> Result<FrontMatter, ParseError> {
    check_size_and_nul(bytes)?;
    let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, e))?;
    read_front(text).map(|(_, front)| front)
}

/// The checks every file passes before it is decoded.
fn check_size_and_nul(bytes: &[u8]) -> Result<(), ParseError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ParseError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    // A NUL byte says "binary" more helpfully than the invalid UTF-8 that usually follows.
    if let Some(nul) = memchr::memchr(0, bytes) {
        let at = lines::position_of(bytes, nul);
        return Err(ParseError::Binary {
            line: at.line,
            column: at.column,
        });
    }
    Ok(())
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> ParseError {
    let at = lines::position_of(bytes, e.valid_up_to());
    ParseError::NotUtf8 {
        line: at.line,
        column: at.column,
    }
}

/// Splits the front matter from the body and reads it. Positions are worked out only on the
/// error paths; see [`Document::lines`].
fn read_front(text: &str) -> Result<(frontmatter::Split, FrontMatter), ParseError> {
    let split = frontmatter::split(text).map_err(|e| match e {
        frontmatter::SplitError::Missing => ParseError::MissingFrontMatter,
        frontmatter::SplitError::Unterminated(span) => ParseError::Unterminated {
            line: LineIndex::new(text).position(text, span.start).line,
        },
    })?;
    let front = frontmatter::parse(&text[split.toml.clone()], split.toml.start).map_err(|e| {
        let at = LineIndex::new(text).position(text, e.span.start);
        ParseError::Toml {
            message: e.message,
            line: at.line,
            column: at.column,
            span: e.span,
        }
    })?;
    Ok((split, front))
}

/// A post-mortem's lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Draft,
    InReview,
    Reviewed,
    Closed,
}

impl Status {
    pub const ALL: [&'static str; 4] = ["draft", "in-review", "reviewed", "closed"];

    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "draft" => Some(Status::Draft),
            "in-review" => Some(Status::InReview),
            "reviewed" => Some(Status::Reviewed),
            "closed" => Some(Status::Closed),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in-review",
            Status::Reviewed => "reviewed",
            Status::Closed => "closed",
        }
    }
}

/// An action item's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    Open,
    InProgress,
    Done,
    WontDo,
}

impl ActionStatus {
    pub const ALL: [&'static str; 4] = ["open", "in-progress", "done", "wont-do"];

    pub fn parse(s: &str) -> Option<ActionStatus> {
        match s {
            "open" => Some(ActionStatus::Open),
            "in-progress" => Some(ActionStatus::InProgress),
            "done" => Some(ActionStatus::Done),
            "wont-do" => Some(ActionStatus::WontDo),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::WontDo => "wont-do",
        }
    }

    /// Open or in progress: still owed.
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// Valid action kinds and priorities.
pub const ACTION_KINDS: [&str; 4] = ["prevent", "mitigate", "detect", "process"];
pub const ACTION_PRIORITIES: [&str; 4] = ["P0", "P1", "P2", "P3"];

impl Action {
    pub fn status(&self) -> Option<ActionStatus> {
        self.status
            .as_ref()
            .and_then(|s| ActionStatus::parse(&s.value))
    }

    /// True when the action is still owed and its due date is before `today`.
    pub fn is_overdue(&self, today: chrono::NaiveDate) -> bool {
        self.status().is_some_and(ActionStatus::is_pending)
            && self.due.as_ref().is_some_and(|d| d.value < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "+++\r\nid = \"2026-01-02-x\"\r\ntitle = \"X\"\r\n+++\r\n\r\n# X\r\n\r\n## Summary\r\n\r\nThe cache failed.\r\n\r\n## Timeline\r\n\r\n- 09:12 paged\r\n- 09:30 fixed\r\n";

    #[test]
    fn a_crlf_document_reads_with_positions_from_the_file() {
        let doc = Document::parse(DOC.as_bytes(), &ParseOptions::default()).expect("parses");
        let body = doc.body.as_ref().expect("body");
        assert_eq!(body.title.as_ref().map(|h| h.text.as_str()), Some("X"));
        let titles: Vec<_> = body
            .sections
            .iter()
            .map(|s| s.heading.text.as_str())
            .collect();
        assert_eq!(titles, ["Summary", "Timeline"]);
        let summary = &body.sections[0];
        assert_eq!(
            doc.position(summary.heading.span.start),
            Position { line: 8, column: 1 }
        );
        assert_eq!(summary.text, "The cache failed.");
        let prose = body
            .prose
            .iter()
            .find(|p| p.text.contains("cache"))
            .expect("prose");
        assert_eq!(
            doc.position(prose.span.start),
            Position {
                line: 10,
                column: 1
            }
        );
        assert_eq!(&doc.text[prose.span.clone()], "The cache failed.");
        assert_eq!(body.timeline.len(), 2);
        assert_eq!(doc.position(body.timeline[1].span.start).line, 15);
        assert_eq!(body.timeline[1].time.map(|t| t.minutes), Some(570));
    }

    #[test]
    fn unreadable_files_are_errors_with_positions() {
        let bad = b"+++\nid = \"x\"\n+++\nok \xff\n";
        assert_eq!(
            Document::parse_front_matter(bad).err(),
            Some(ParseError::NotUtf8 { line: 4, column: 4 })
        );
        let nul = b"+++\n\0";
        assert_eq!(
            Document::parse_front_matter(nul).err(),
            Some(ParseError::Binary { line: 2, column: 1 })
        );
        let toml = "+++\nid = \n+++\n";
        match Document::parse_front_matter(toml.as_bytes()) {
            Err(ParseError::Toml { line, .. }) => assert_eq!(line, 2),
            other => panic!("expected a TOML error, got {other:?}"),
        }
    }
}
