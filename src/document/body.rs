//! The Markdown body: sections (level-2 headings), the timeline, prose blocks and `pm-*`
//! suppression comments, read with comrak in one pass.
//!
//! Every span is a byte range in the whole file, so positions include the front matter.

use super::lines::{LineIndex, Span};
use chrono::NaiveDate;
use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Arena, Options};
use std::sync::LazyLock;

/// A heading's plain text and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub text: String,
    pub level: u8,
    pub span: Span,
}

/// A level-2 section and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: Heading,
    /// The heading's matching key (`sections::key`: lower case, no punctuation, numbers or
    /// parentheses), worked out once: the structure checks and the timeline reader compare it
    /// with every section name pm.toml gives.
    pub key: String,
    /// From the end of the heading line to the next level-2 heading (or the end of the file).
    pub content: Span,
    /// The source text of the content without HTML comments, trimmed. Empty when the section
    /// holds nothing a reader would see.
    pub text: String,
}

/// A block of prose for wording checks.
#[derive(Debug, Clone, PartialEq)]
pub struct ProseBlock {
    /// The block's bytes in the file.
    pub span: Span,
    /// The block's source text with everything that is not prose (inline code, link targets,
    /// HTML, URLs, emphasis markers) replaced by spaces: same length as `span`, so an offset in
    /// `text` plus `span.start` is a file offset.
    pub text: String,
    /// Index into [`Body::sections`] of the section holding the block, if any.
    pub section: Option<usize>,
}

/// A time at the start of a timeline entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryTime {
    pub date: Option<NaiveDate>,
    /// Minutes since midnight.
    pub minutes: u32,
    pub seconds: u32,
}

/// One entry of the Timeline section: a list item or a table row.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    pub span: Span,
    /// The entry's first line of text, trimmed.
    pub text: String,
    pub time: Option<EntryTime>,
}

/// What a `pm-*` comment asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `<!-- pm-ignore RULE… -->`: ignore the rules in the block that follows.
    Ignore,
    /// `<!-- pm-disable RULE… -->`: ignore the rules until `pm-enable`.
    Disable,
    /// `<!-- pm-enable RULE… -->`.
    Enable,
}

/// A suppression comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Rule IDs named, with their spans; empty means every rule.
    pub rules: Vec<(String, Span)>,
    pub span: Span,
    /// For `pm-ignore`: the block the comment applies to.
    pub target: Option<Span>,
}

/// The parsed body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    /// The first level-1 heading.
    pub title: Option<Heading>,
    pub sections: Vec<Section>,
    pub prose: Vec<ProseBlock>,
    /// Index into `sections` of the timeline section, if there is one.
    pub timeline_section: Option<usize>,
    pub timeline: Vec<TimelineEntry>,
    pub directives: Vec<Directive>,
}

impl Body {
    /// The section with this title (case-insensitive), if any.
    pub fn section(&self, title: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.heading.text.eq_ignore_ascii_case(title))
    }
}

/// The comrak options pm reads Markdown with: GitHub's extensions that change what a block
/// is (tables, strikethrough, task lists, autolinks). The site renders with the same set
/// (`crate::site::markdown`, which adds its URL filters), so a page shows the blocks the checks
/// read, and the benchmark's comrak baseline parses with it too.
pub fn comrak_options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.tasklist = true;
    options.extension.autolink = true;
    options
}

/// One level-2 section's top-level blocks as comrak parsed them, lent to the visitor of
/// [`parse_visiting`] while the parse's tree is alive, so a reader of the section's blocks (the
/// timeline's, `crate::timeline`) needs no second parse.
pub struct SectionBlocks<'s, 'a> {
    /// The section as [`Body::sections`] holds it (its heading, key and content span).
    pub section: &'s Section,
    /// The section's top-level blocks, in order, after its heading.
    pub nodes: &'s [&'a AstNode<'a>],
    /// Maps the nodes' source positions to offsets in the whole file.
    pub positions: &'s Positions<'s>,
}

/// Maps comrak's 1-based (line, byte column) positions in the body to file offsets.
pub struct Positions<'t> {
    text: &'t str,
    lines: &'t LineIndex,
    first_line: usize,
}

impl Positions<'_> {
    /// The file offset of a 1-based (line, byte column) position of the body, moved back to a
    /// character boundary. A column past the line's end reads as the start of the next line
    /// (`past_the_break`) or as the line's own end, before its line break.
    fn clamped(&self, line: usize, column: usize, past_the_break: bool) -> usize {
        let file_line = self.first_line + line.max(1) - 1;
        let Some(start) = self.lines.line_start(file_line) else {
            return self.text.len();
        };
        let end = match self.lines.line_start(file_line + 1) {
            Some(next) if !past_the_break => next - 1,
            Some(next) => next,
            None => self.text.len(),
        };
        let mut at = (start + column.max(1) - 1).min(end.max(start));
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn offset(&self, line: usize, column: usize) -> usize {
        self.clamped(line, column, true)
    }

    /// comrak gives HTML blocks an end before their start; their literal says how many lines
    /// they cover.
    fn html_block_span(&self, node: &AstNode<'_>, literal: &str) -> Span {
        let pos = node.data.borrow().sourcepos;
        let start = self.offset(pos.start.line, pos.start.column);
        let last_line = pos.start.line + literal.trim_end_matches('\n').matches('\n').count();
        let end = self.offset(last_line, usize::MAX / 2);
        let end = self.text[start..end.max(start)]
            .trim_end_matches(['\n', '\r'])
            .len()
            + start;
        start..end
    }

    /// A node's bytes in the file, read by [`Positions::clamped`].
    fn clamped_span(&self, node: &AstNode<'_>, past_the_break: bool) -> Span {
        let pos = node.data.borrow().sourcepos;
        let start = self.clamped(pos.start.line, pos.start.column, past_the_break);
        let end = self
            .clamped(pos.end.line, pos.end.column + 1, past_the_break)
            .max(start);
        start..end
    }

    fn span(&self, node: &AstNode<'_>) -> Span {
        self.clamped_span(node, true)
    }

    /// A node's bytes in the file, a column past a line's end read as that line's end (before
    /// its line break): how the timeline reader places its entries.
    pub fn node_span(&self, node: &AstNode<'_>) -> Span {
        self.clamped_span(node, false)
    }
}

/// Parses the body that starts at byte `body_start` of `text`.
pub fn parse(text: &str, body_start: usize, lines: &LineIndex, timeline_title: &str) -> Body {
    parse_visiting(text, body_start, lines, timeline_title, &mut |_| {})
}

/// [`parse`], lending each level-2 section's blocks to `visit`, in order, once the body has been
/// walked.
pub fn parse_visiting(
    text: &str,
    body_start: usize,
    lines: &LineIndex,
    timeline_title: &str,
    visit: &mut dyn FnMut(SectionBlocks<'_, '_>),
) -> Body {
    let body_text = &text[body_start.min(text.len())..];
    let first_line = if body_start >= text.len() {
        lines.line_count() + 1
    } else {
        lines.position(text, body_start).line
    };
    let mapper = Positions {
        text,
        lines,
        first_line,
    };
    let arena = Arena::new();
    let root = parse_document(&arena, body_text, &comrak_options());
    let mut body = Body::default();
    let timeline_key = super::sections::key(timeline_title);

    // Top-level children decide the sections; everything inside is walked once.
    let children: Vec<&AstNode<'_>> = root.children().collect();
    let mut current: Option<usize> = None;
    let mut section_parts: Vec<Vec<&AstNode<'_>>> = Vec::new();
    for (i, child) in children.iter().enumerate() {
        let value = child.data.borrow().value.clone_shallow();
        if let Shallow::Heading(level) = value {
            let heading = Heading {
                text: plain_text(child),
                level,
                span: mapper.span(child),
            };
            if level == 1 && body.title.is_none() && body.sections.is_empty() {
                body.title = Some(heading.clone());
            }
            if level == 2 {
                let content_start = heading.span.end;
                let content_end = children[i + 1..]
                    .iter()
                    .find(|c| c.data.borrow().value.clone_shallow() == Shallow::Heading(2))
                    .map(|c| mapper.span(c).start)
                    .unwrap_or(text.len());
                let key = super::sections::key(&heading.text);
                if body.timeline_section.is_none()
                    && super::sections::Aliases::built_in_keys_name(&key, &timeline_key)
                {
                    body.timeline_section = Some(body.sections.len());
                }
                body.sections.push(Section {
                    heading,
                    key,
                    content: content_start..content_end.max(content_start),
                    text: String::new(),
                });
                section_parts.push(Vec::new());
                current = Some(body.sections.len() - 1);
                walk(child, &mapper, current, &mut body);
                continue;
            }
        }
        if let Some(index) = current {
            section_parts[index].push(child);
        }
        walk(child, &mapper, current, &mut body);
        if let Some(target) = directive_target(&children, i, &mapper) {
            if let Some(last) = body.directives.last_mut() {
                if last.kind == DirectiveKind::Ignore && last.target.is_none() {
                    last.target = Some(target);
                }
            }
        }
    }

    for (index, parts) in section_parts.iter().enumerate() {
        let mut content = String::new();
        for node in parts {
            if matches!(node.data.borrow().value, NodeValue::HtmlBlock(_)) {
                let stripped = strip_comments(&text[mapper.span(node)]);
                content.push_str(stripped.trim());
            } else {
                content.push_str(text[mapper.span(node)].trim());
            }
            content.push('\n');
        }
        body.sections[index].text = content.trim().to_string();
        if Some(index) == body.timeline_section {
            body.timeline = timeline_entries(parts, &mapper, text);
        }
    }
    for (section, nodes) in body.sections.iter().zip(&section_parts) {
        visit(SectionBlocks {
            section,
            nodes,
            positions: &mapper,
        });
    }
    body
}

/// A copy of the parts of `NodeValue` this module branches on.
#[derive(Debug, PartialEq, Eq)]
enum Shallow {
    Heading(u8),
    Other,
}

trait ShallowExt {
    fn clone_shallow(&self) -> Shallow;
}

impl ShallowExt for NodeValue {
    fn clone_shallow(&self) -> Shallow {
        match self {
            NodeValue::Heading(h) => Shallow::Heading(h.level),
            _ => Shallow::Other,
        }
    }
}

/// The block a top-level `pm-ignore` comment at `children[i]` applies to: the next block.
fn directive_target(children: &[&AstNode<'_>], i: usize, mapper: &Positions<'_>) -> Option<Span> {
    let node = children[i];
    if !matches!(node.data.borrow().value, NodeValue::HtmlBlock(_)) {
        return None;
    }
    children.get(i + 1).map(|next| mapper.span(next))
}

/// Walks a subtree (iteratively: documents may nest thousands of levels deep) collecting prose
/// blocks and directives.
fn walk<'a>(
    node: &'a AstNode<'a>,
    mapper: &Positions<'_>,
    section: Option<usize>,
    body: &mut Body,
) {
    for descendant in node.descendants() {
        let data = descendant.data.borrow();
        match &data.value {
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell => {
                let span = mapper.span(descendant);
                if span.is_empty() {
                    continue;
                }
                let source = &mapper.text[span.clone()];
                body.prose.push(ProseBlock {
                    text: mask_prose(source),
                    span,
                    section,
                });
            }
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => {
                let span = match &data.value {
                    NodeValue::HtmlBlock(html) => mapper.html_block_span(descendant, &html.literal),
                    _ => mapper.span(descendant),
                };
                let inline = matches!(data.value, NodeValue::HtmlInline(_));
                let target = if inline {
                    descendant.parent().map(|p| mapper.span(p))
                } else {
                    None
                };
                read_directives(mapper.text, span, target, &mut body.directives);
            }
            _ => {}
        }
    }
}

static DIRECTIVE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"<!--\s*pm-(ignore|disable|enable)\b([^>]*?)-->")
        .expect("directive pattern is valid")
});

fn read_directives(text: &str, span: Span, target: Option<Span>, out: &mut Vec<Directive>) {
    let source = &text[span.clone()];
    for caps in DIRECTIVE.captures_iter(source) {
        let (Some(whole), Some(kind), Some(rules)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let kind = match kind.as_str() {
            "ignore" => DirectiveKind::Ignore,
            "disable" => DirectiveKind::Disable,
            _ => DirectiveKind::Enable,
        };
        let mut names = Vec::new();
        let mut at = rules.start();
        for word in rules.as_str().split([' ', ',', '\t', '\n', '\r']) {
            if !word.is_empty() {
                let start = span.start + at;
                names.push((word.to_string(), start..start + word.len()));
            }
            at += word.len() + 1;
        }
        out.push(Directive {
            kind,
            rules: names,
            span: span.start + whole.start()..span.start + whole.end(),
            target: target.clone(),
        });
    }
}

/// The plain text of a node: its text and inline code, without markup.
pub fn plain_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    for descendant in node.descendants() {
        match &descendant.data.borrow().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

fn strip_comments(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn timeline_entries<'a>(
    parts: &[&'a AstNode<'a>],
    mapper: &Positions<'_>,
    text: &str,
) -> Vec<TimelineEntry> {
    let mut entries = Vec::new();
    for part in parts {
        let value = &part.data.borrow().value;
        match value {
            NodeValue::List(_) => {
                for item in part.children() {
                    let span = mapper.span(item);
                    let first = item
                        .first_child()
                        .map(|c| mapper.span(c))
                        .unwrap_or(span.clone());
                    let line = text[first.clone()].lines().next().unwrap_or("").trim();
                    entries.push(TimelineEntry {
                        span: first.start..first.start + line.len().min(first.len()),
                        text: line.to_string(),
                        time: parse_entry_time(line),
                    });
                }
            }
            NodeValue::Table(_) => {
                for row in part.children() {
                    if matches!(row.data.borrow().value, NodeValue::TableRow(true)) {
                        continue;
                    }
                    let span = mapper.span(row);
                    let first_cell = row.first_child().map(|c| plain_text(c)).unwrap_or_default();
                    let line = text[span.clone()].lines().next().unwrap_or("").trim();
                    entries.push(TimelineEntry {
                        span: span.start..span.start + line.len().min(span.len()),
                        text: line.to_string(),
                        time: parse_entry_time(&first_cell),
                    });
                }
            }
            _ => {}
        }
    }
    entries
}

/// Reads the time an entry begins with: `09:12`, `09:12 UTC`, `2026-11-26 09:12Z`, `**09:12**`.
///
/// What it accepts is exactly what the pattern
/// `^[\s*_`\[]*(?:(\d{4})-(\d{2})-(\d{2})[ T]+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(?:Z|UTC|GMT|[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?\b`
/// matches (with ASCII digits), written out by hand: compiling that regex was a tenth of the
/// pre-commit hook's time. `hand_parser_agrees_with_the_pattern` compares the two.
pub fn parse_entry_time(line: &str) -> Option<EntryTime> {
    let b = line.as_bytes();
    let digits = |at: usize, n: usize| -> Option<u32> {
        let part = b.get(at..at + n)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |v, d| v * 10 + u32::from(d - b'0')))
    };
    // Leading whitespace and markup: `**`, `_`, `` ` ``, `[`.
    let mut at = line
        .char_indices()
        .find(|&(_, c)| !(c.is_whitespace() || matches!(c, '*' | '_' | '`' | '[')))
        .map_or(line.len(), |(i, _)| i);
    let mut date = None;
    if let (Some(y), Some(m), Some(d)) = (digits(at, 4), digits(at + 5, 2), digits(at + 8, 2)) {
        if b[at + 4] == b'-' && b[at + 7] == b'-' && matches!(b.get(at + 10), Some(b' ' | b'T')) {
            date = Some((y, m, d));
            at += 10;
            while matches!(b.get(at), Some(b' ' | b'T')) {
                at += 1;
            }
        }
    }
    let hour_digits = if digits(at, 2).is_some() && b.get(at + 2) == Some(&b':') {
        2
    } else if digits(at, 1).is_some() && b.get(at + 1) == Some(&b':') {
        1
    } else {
        return None;
    };
    let hours = digits(at, hour_digits)?;
    at += hour_digits + 1;
    let minutes = digits(at, 2)?;
    at += 2;
    // Seconds count only if the time can end after them; otherwise the pattern ends the time
    // after the minutes (at the `:`).
    let mut seconds = 0;
    if b.get(at) == Some(&b':') {
        if let Some(s) = digits(at + 1, 2) {
            if time_ends(line, at + 3) {
                seconds = s;
                at += 3;
            }
        }
    }
    if !time_ends(line, at) {
        return None;
    }
    if hours > 23 || minutes > 59 || seconds > 60 {
        return None;
    }
    let date = match date {
        Some((y, m, d)) => Some(NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?),
        None => None,
    };
    Some(EntryTime {
        date,
        minutes: hours * 60 + minutes,
        seconds,
    })
}

/// Whether a time may end at byte `at` of `line`: at a word boundary, or after a zone written
/// against it (`09:12Z`, `09:12UTC`: `Z` or 2–4 capital letters, then a boundary). A space,
/// punctuation or a signed offset after the time is itself a boundary.
fn time_ends(line: &str, at: usize) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let rest = &line[at..];
    let word_len = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
    if word_len == 0 {
        return true;
    }
    let word = &rest[..word_len];
    word == "Z" || ((2..=4).contains(&word.len()) && word.bytes().all(|c| c.is_ascii_uppercase()))
}

/// Replaces everything in a block's source that is not prose with spaces, keeping byte length:
/// inline code, HTML and comments, link destinations, bare URLs, emphasis markers, block-quote
/// markers and backslash escapes. Inline code leaves one placeholder word where it stood
/// ([`code_span`]), so that the sentence keeps its subject or object: "`pg_wal` is on the
/// wrong volume" is about a thing, where "is on the wrong volume" had lost whom it is about.
///
/// Time is linear in the source: every search ahead (the closing bracket of a link's
/// destination, the closing backtick run, the end of a tag) is answered from tables built in
/// one pass ([`Ahead`]), not by scanning to the end again at each opener; 100,000 unclosed
/// `](` once cost a scan each (docs/PERFORMANCE.md, "Prose masking").
pub fn mask_prose(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = bytes.to_vec();
    let blank = |out: &mut Vec<u8>, range: std::ops::Range<usize>| {
        for b in &mut out[range] {
            *b = b' ';
        }
    };
    let mut ahead = Ahead::new(bytes);
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        if !line_start {
            // Most bytes are plain text: skip to the next one the match below acts on.
            match bytes[i..]
                .iter()
                .position(|&c| MASK_ACTS_ON[usize::from(c)])
            {
                Some(p) => i += p,
                None => break,
            }
        }
        let b = bytes[i];
        if line_start && (b == b'>' || b == b' ' || b == b'\t') {
            if b == b'>' {
                blank(&mut out, i..i + 1);
            }
            i += 1;
            continue;
        }
        line_start = b == b'\n';
        match b {
            b'`' => {
                let run = bytes[i..].iter().take_while(|c| **c == b'`').count();
                match ahead.backtick_run(i + run, run) {
                    Some(end) => {
                        code_span(&mut out, i, run, end);
                        i = end;
                    }
                    None => {
                        blank(&mut out, i..i + run);
                        i += run;
                    }
                }
            }
            b'<' => {
                if bytes[i..].starts_with(b"<!--") {
                    let end = find(bytes, i + 4, b"-->")
                        .map(|e| e + 3)
                        .unwrap_or(bytes.len());
                    blank(&mut out, i..end);
                    i = end;
                } else if bytes.get(i + 1).is_some_and(|c| {
                    c.is_ascii_alphabetic() || *c == b'/' || *c == b'!' || *c == b'?'
                }) {
                    match ahead.tag_end(i) {
                        Some(p) if bytes[p] == b'>' => {
                            blank(&mut out, i..p + 1);
                            i = p + 1;
                        }
                        _ => i += 1,
                    }
                } else {
                    i += 1;
                }
            }
            b']' if matches!(bytes.get(i + 1), Some(b'(') | Some(b'[')) => {
                let end = ahead.closing(i + 1).map(|j| j + 1).unwrap_or(i + 1);
                blank(&mut out, i..end);
                i = end;
            }
            b'[' | b'*' | b'~' | b'|' => {
                blank(&mut out, i..i + 1);
                i += 1;
            }
            b'\\' => {
                blank(&mut out, i..i + 1);
                i += 1;
            }
            // A URL is found at its `://` (a colon is rarer in prose than an `h`) and blanked
            // from its scheme, `http` or `https`, up to white space, `)` or `>`. The scheme's
            // letters were passed over as plain text, as when each `h` was tried: a span the
            // other arms blank or mask ends with a byte that is no letter (a backtick, `)`,
            // `>`, `-->`), or just before a delimiter (a URL), or at the end of the text, so
            // none ends inside a scheme.
            b':' if bytes[i..].starts_with(b"://") => {
                let scheme = [&b"https"[..], b"http"]
                    .into_iter()
                    .find(|s| bytes[..i].ends_with(s))
                    .map(|s| i - s.len());
                match scheme {
                    Some(start) => {
                        let end = url_end(bytes, i);
                        blank(&mut out, start..end);
                        i = end;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    // Blanking replaces whole characters or ASCII delimiters, so the bytes stay valid UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Where a URL that reaches byte `from` ends: at the first white space, `)` or `>` after it,
/// or the end of `bytes`.
fn url_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|c| c.is_ascii_whitespace() || *c == b')' || *c == b'>')
        .map_or(bytes.len(), |p| from + p)
}

/// Masks an inline code span (`start..end` in `out`, opened and closed by runs of `run`
/// backticks): the backticks become spaces and the code one word of the same length, `x`
/// then underscores (`x____`), which the wording check reads as an identifier (a thing,
/// `features::classify`'s `<code>`), never as a person or as the code's own words. Code of
/// nothing but whitespace is blanked. Every byte of the span is replaced by an ASCII byte, so
/// the text stays valid UTF-8 and keeps its length. A handle in code marks (`` `@kwatanabe` ``)
/// is kept as written: it names a person (the wording check makes a directive or an
/// annotation, `` `@error` ``, `` `@Override` ``, the placeholder:
/// `checks::blameless::directives_as_code`).
fn code_span(out: &mut [u8], start: usize, run: usize, end: usize) {
    let inner = (start + run).min(end)..end.saturating_sub(run).max(start + run).min(end);
    out[start..inner.start].fill(b' ');
    out[inner.end..end].fill(b' ');
    let code = &mut out[inner];
    if code.iter().all(u8::is_ascii_whitespace) {
        code.fill(b' ');
    } else if !is_code_handle(code) {
        code_placeholder(code);
    }
}

/// Whether inline code is a chat handle: "@" and one or more ASCII letters, digits, `_`, `-`
/// or `.` (`` `@kwatanabe` ``, `` `@ops.oncall` ``).
pub fn is_code_handle(code: &[u8]) -> bool {
    code.len() > 1 && code[0] == b'@' && code[1..].iter().copied().all(is_handle_byte)
}

/// A byte a handle may hold after its "@".
pub fn is_handle_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

/// Writes the placeholder word inline code leaves over `word`: `x` then underscores, as long
/// as the code was.
pub fn code_placeholder(word: &mut [u8]) {
    if let Some((first, rest)) = word.split_first_mut() {
        *first = b'x';
        rest.fill(b'_');
    }
}

/// The searches ahead [`mask_prose`] makes, answered in amortised constant time. Each table is
/// built on first use, in one pass over the source.
/// The bytes [`mask_prose`] does something at, besides the start of a line: the line feed
/// (a new line starts) and the first byte of everything it blanks.
const MASK_ACTS_ON: [bool; 256] = {
    let mut t = [false; 256];
    let acts = b"\n`<][*~|\\:";
    let mut k = 0;
    while k < acts.len() {
        t[acts[k] as usize] = true;
        k += 1;
    }
    t
};

struct Ahead<'s> {
    bytes: &'s [u8],
    /// For each `(` and `[`: where its closing bracket is (`(` … `)` across lines, `[` … `]`
    /// within its line), the first point where the count of openers less closers after it
    /// comes back to zero, as a scan from it would find. `u32::MAX`: none.
    closing: Option<Vec<u32>>,
    /// For each backtick run: where the next run of the same length starts (`u32::MAX`: none),
    /// keyed by the run's start.
    runs: Option<std::collections::HashMap<u32, u32>>,
    /// The last answer of [`Ahead::tag_end`]: the first `>` or line feed at or after a point;
    /// it stays the answer for every later point before it.
    tag_stop: Option<usize>,
}

impl<'s> Ahead<'s> {
    fn new(bytes: &'s [u8]) -> Self {
        Ahead {
            bytes,
            closing: None,
            runs: None,
            tag_stop: None,
        }
    }

    /// The closing bracket of the opener at `at` (`(` or `[`).
    fn closing(&mut self, at: usize) -> Option<usize> {
        let bytes = self.bytes;
        let table = self.closing.get_or_insert_with(|| {
            let mut table = vec![u32::MAX; bytes.len()];
            let (mut parens, mut squares): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
            for (j, c) in bytes.iter().enumerate() {
                match c {
                    b'(' => parens.push(j),
                    b')' => {
                        if let Some(open) = parens.pop() {
                            table[open] = j as u32;
                        }
                    }
                    b'[' => squares.push(j),
                    b']' => {
                        if let Some(open) = squares.pop() {
                            table[open] = j as u32;
                        }
                    }
                    // A `[` scan stops at the end of its line.
                    b'\n' => squares.clear(),
                    _ => {}
                }
            }
            table
        });
        table
            .get(at)
            .copied()
            .filter(|j| *j != u32::MAX)
            .map(|j| j as usize)
    }

    /// The end of the first run of exactly `run` backticks at or after `from`.
    fn backtick_run(&mut self, from: usize, run: usize) -> Option<usize> {
        let bytes = self.bytes;
        let next = self.runs.get_or_insert_with(|| {
            // Every run (start, length), then each linked to the next of its length.
            let mut starts = Vec::new();
            let mut j = 0;
            while j < bytes.len() {
                if bytes[j] == b'`' {
                    let len = bytes[j..].iter().take_while(|c| **c == b'`').count();
                    starts.push((j, len));
                    j += len;
                } else {
                    j += 1;
                }
            }
            let mut next = std::collections::HashMap::with_capacity(starts.len());
            let mut later: std::collections::HashMap<usize, u32> = std::collections::HashMap::new();
            for &(start, len) in starts.iter().rev() {
                next.insert(start as u32, later.get(&len).copied().unwrap_or(u32::MAX));
                later.insert(len, start as u32);
            }
            next
        });
        // `from` is the end of the opening run: the next run starts at or after it, and the
        // opening run is the one that ends there.
        let opening = from.checked_sub(run)?;
        match next.get(&(opening as u32)) {
            Some(&start) => (start != u32::MAX).then(|| start as usize + run),
            // Not the start of a whole run (never the case as mask_prose walks): search.
            None => find_backtick_run(bytes, from, run),
        }
    }

    /// The first `>` or line feed after `at`.
    fn tag_end(&mut self, at: usize) -> Option<usize> {
        if let Some(stop) = self.tag_stop.filter(|s| *s > at) {
            return Some(stop);
        }
        let stop = self.bytes[at..]
            .iter()
            .position(|c| *c == b'>' || *c == b'\n')
            .map(|p| at + p)?;
        self.tag_stop = Some(stop);
        Some(stop)
    }
}

fn find_backtick_run(bytes: &[u8], from: usize, run: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let len = bytes[i..].iter().take_while(|c| **c == b'`').count();
            if len == run {
                return Some(i + len);
            }
            i += len;
        } else {
            i += 1;
        }
    }
    None
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern `parse_entry_time` implements, as the regex it replaced.
    fn by_pattern(re: &regex::Regex, line: &str) -> Option<EntryTime> {
        let caps = re.captures(line)?;
        let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (hours, minutes, seconds) = (number(4)?, number(5)?, number(6).unwrap_or(0));
        if hours > 23 || minutes > 59 || seconds > 60 {
            return None;
        }
        let date = match (number(1), number(2), number(3)) {
            (Some(y), Some(m), Some(d)) => {
                Some(NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?)
            }
            _ => None,
        };
        Some(EntryTime {
            date,
            minutes: hours * 60 + minutes,
            seconds,
        })
    }

    #[test]
    fn hand_parser_agrees_with_the_pattern() {
        // Every line built from these pieces, up to four pieces long: times, dates, zones,
        // markup and the characters that end or continue a word.
        const PIECES: &[&str] = &[
            "09:12",
            "9:05",
            "23:59",
            "24:00",
            "09:60",
            ":30",
            ":3",
            "2026-11-26",
            "2026-02-30",
            " ",
            "T",
            "**",
            "_",
            "`",
            "[",
            "Z",
            "UTC",
            "GMT",
            "CEST",
            "ABCDE",
            "utc",
            "+02:00",
            "-0530",
            "x",
            "5",
            ".",
            ",",
            "é",
            "\u{a0}",
            "—",
            "\t",
            "12",
            "1",
        ];
        // The pattern the hand parser replaced.
        let re = regex::Regex::new(
            r"^[\s*_`\[]*(?:(\d{4})-(\d{2})-(\d{2})[ T]+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(?:Z|UTC|GMT|[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?\b",
        )
        .expect("pattern");
        let mut lines = vec![String::new()];
        for _ in 0..3 {
            let mut next = Vec::new();
            for line in &lines {
                for piece in PIECES {
                    next.push(format!("{line}{piece}"));
                }
            }
            lines.extend(next);
            lines.dedup();
        }
        let mut matched = 0;
        for line in &lines {
            let (hand, pattern) = (parse_entry_time(line), by_pattern(&re, line));
            assert_eq!(hand, pattern, "{line:?}");
            matched += usize::from(hand.is_some());
        }
        assert!(matched > 1_000, "{matched} of {}", lines.len());
    }

    /// The masking as it was before its searches were tabled: the reference the linear one
    /// must agree with.
    #[rustfmt::skip]
    fn mask_prose_by_scanning(source: &str) -> String {
        let bytes = source.as_bytes();
        let mut out = bytes.to_vec();
        let blank = |out: &mut Vec<u8>, range: std::ops::Range<usize>| {
            for b in &mut out[range] {
                *b = b' ';
            }
        };
        let mut i = 0;
        let mut line_start = true;
        while i < bytes.len() {
            let b = bytes[i];
            if line_start && (b == b'>' || b == b' ' || b == b'\t') {
                if b == b'>' {
                    blank(&mut out, i..i + 1);
                }
                i += 1;
                continue;
            }
            line_start = b == b'\n';
            match b {
                b'`' => {
                    let run = bytes[i..].iter().take_while(|c| **c == b'`').count();
                    match find_backtick_run(bytes, i + run, run) {
                        Some(end) => {
                            code_span(&mut out, i, run, end);
                            i = end;
                        }
                        None => {
                            blank(&mut out, i..i + run);
                            i += run;
                        }
                    }
                }
                b'<' => {
                    if bytes[i..].starts_with(b"<!--") {
                        let end = find(bytes, i + 4, b"-->")
                            .map(|e| e + 3)
                            .unwrap_or(bytes.len());
                        blank(&mut out, i..end);
                        i = end;
                    } else if bytes.get(i + 1).is_some_and(|c| {
                        c.is_ascii_alphabetic() || *c == b'/' || *c == b'!' || *c == b'?'
                    }) {
                        match bytes[i..].iter().position(|c| *c == b'>' || *c == b'\n') {
                            Some(p) if bytes[i + p] == b'>' => {
                                blank(&mut out, i..i + p + 1);
                                i += p + 1;
                            }
                            _ => i += 1,
                        }
                    } else {
                        i += 1;
                    }
                }
                b']' if matches!(bytes.get(i + 1), Some(b'(') | Some(b'[')) => {
                    let (open, close) = if bytes[i + 1] == b'(' {
                        (b'(', b')')
                    } else {
                        (b'[', b']')
                    };
                    let mut depth = 0usize;
                    let mut end = None;
                    for (j, c) in bytes.iter().enumerate().skip(i + 1) {
                        if *c == open {
                            depth += 1;
                        } else if *c == close {
                            depth -= 1;
                            if depth == 0 {
                                end = Some(j + 1);
                                break;
                            }
                        } else if *c == b'\n' && close == b']' {
                            break;
                        }
                    }
                    let end = end.unwrap_or(i + 1);
                    blank(&mut out, i..end);
                    i = end;
                }
                b'[' | b'*' | b'~' | b'|' => {
                    blank(&mut out, i..i + 1);
                    i += 1;
                }
                b'\\' => {
                    blank(&mut out, i..i + 1);
                    i += 1;
                }
                b'h' if bytes[i..].starts_with(b"http://") || bytes[i..].starts_with(b"https://") => {
                    let end = url_end(bytes, i);
                    blank(&mut out, i..end);
                    i = end;
                }
                _ => i += 1,
            }
        }
        // Blanking replaces whole characters or ASCII delimiters, so the bytes stay valid UTF-8.
        String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn linear_masking_agrees_with_scanning(
            text in r"[\[\]()`<>!/a-c h:\n*-]{0,80}"
        ) {
            proptest::prop_assert_eq!(mask_prose(&text), mask_prose_by_scanning(&text));
        }

        /// URLs are found at their `://` and blanked from their scheme: the same spans as
        /// when each `h` was tried, whatever comes before the scheme (a code span or link
        /// that ends inside it, another URL, a line's start).
        #[test]
        fn urls_found_at_their_colon_agree_with_scanning(
            text in r"(https?://|h|t|p|s|x|:|//|`|``|\[|\]|\(|\)|<|>|<!--|-->| |\n|\*|\\){0,40}"
        ) {
            proptest::prop_assert_eq!(mask_prose(&text), mask_prose_by_scanning(&text));
        }
    }

    #[test]
    fn masking_agrees_on_openers_left_open() {
        for text in [
            "](a](b)",
            "x](a[b](c",
            "` `` ``` `` `",
            "<a<b<c>",
            "](((x)",
            "][a[b]\n]",
            "[a](http://b)http://c",
            "`x`http://y <b>https://z",
            "> http://a\n>https://b",
            "hhttps://x:https://y",
        ] {
            assert_eq!(mask_prose(text), mask_prose_by_scanning(text), "{text:?}");
        }
    }

    #[test]
    fn masking_keeps_length_and_hides_code_links_and_html() {
        let source = "Run `rm -rf` per [the runbook](https://x.example/a_b) <!-- pm --> **now**";
        let masked = mask_prose(source);
        assert_eq!(masked.len(), source.len());
        assert!(!masked.contains("rm -rf"));
        assert!(!masked.contains("x.example"));
        assert!(!masked.contains("pm"));
        assert!(masked.contains("the runbook"));
        assert!(masked.contains("now"));
        assert!(!masked.contains('*'));
    }

    #[test]
    fn inline_code_leaves_one_placeholder_word_and_handles_stay() {
        let source = "`pg_wal` is on `a` volume; `@kwatanabe` merged `  ` and ``a`b`` ok";
        let masked = mask_prose(source);
        assert_eq!(masked.len(), source.len());
        assert_eq!(
            masked,
            " x_____  is on  x  volume;  @kwatanabe  merged      and   x__   ok"
        );
        // Code of several bytes per character keeps the text valid and as long.
        let source = "`привет мир` was set";
        assert_eq!(mask_prose(source).len(), source.len());
        assert!(mask_prose(source).starts_with(" x___"));
    }

    #[test]
    fn entry_times_in_the_usual_forms() {
        let t = |s: &str| parse_entry_time(s).map(|t| (t.date.is_some(), t.minutes));
        assert_eq!(t("09:12 the alert fired"), Some((false, 552)));
        assert_eq!(t("**09:12 UTC**: paged"), Some((false, 552)));
        assert_eq!(t("2026-11-26 09:12Z deploy"), Some((true, 552)));
        assert_eq!(t("2026-11-26T23:59:00Z x"), Some((true, 1439)));
        assert_eq!(t("Around lunch the alert fired"), None);
        assert_eq!(t("25:00 nope"), None);
    }
}
