//! The timeline of a post-mortem as people write it: entries read from list items, table rows,
//! sub-headings and paragraphs, each placed in time.
//!
//! [`read`] finds the Timeline section (by its name or an alias, see
//! [`crate::document::sections`]) and returns a [`Timeline`]: every entry with its 1-based
//! line, byte span, shape, text and instant, plus the warnings reading it gave. The checks
//! (`timeline/*`), `pm show --format json` and `pm timeline add` all read it; nothing here
//! prints or knows about git.
//!
//! How an entry is placed:
//!
//! - **Stamp**: the start of the entry's text, in one of the forms of [`stamp`] (`14:05`,
//!   `**14:05 UTC** —`, `[03-04 14:05]`, `3/4/2026 2:05 PM PST`, `Wed 4 Mar 14:05`,
//!   `2026-03-04T14:05:33+01:00`, `??:??` …). Tables read the column headed `Time` (or `When`,
//!   `Timestamp`), else the first; a first cell holding only a date takes its time from the
//!   next cell, and a `Date` column gives the date.
//! - **Date**: as written; else carried from the entry before (a dated sub-heading such as
//!   `### March 4` or a date-only paragraph sets it too); else the date the incident `started`
//!   on, in the entry's zone. A date without a year takes the carried year.
//! - **Midnight**: an undated entry more than 12 hours earlier than the one before it is read as
//!   the next day. When that roll-over is unsure (the entry would be more than 8 hours after the one
//!   before), [`WarningKind::AmbiguousRollover`] says so.
//! - **Zone**: as written (an offset, an IANA name, or an abbreviation from
//!   [`zone::ABBREVIATIONS`]); else carried from the entry before; else set by a statement in the
//!   section ("All times are PST", a `Time (PST)` column, `## Timeline (UTC)`); else
//!   [`TimelineSettings::zone`] (pm.toml `[document] timezone`, default UTC).
//! - **Unknown times** (`??:??`, `[???]`) are accepted: the entry has no instant and no warning.

pub mod stamp;
pub mod zone;

use crate::document::body::{plain_text, Positions, SectionBlocks};
use crate::document::sections::{self, Aliases};
use crate::document::{Document, LineIndex, ParseOptions, Span};
use comrak::nodes::{AstNode, NodeValue};
use jiff::civil::Date;
use jiff::Timestamp;
pub use stamp::{Clock, DatePart, DateStyle, Parsed, Stamp, Style, ACCEPTED};
pub use zone::Zone;

/// What reading a timeline needs from the configuration.
#[derive(Debug, Clone)]
pub struct TimelineSettings {
    /// The zone of entries that name none (pm.toml `[document] timezone`, default UTC).
    pub zone: Zone,
    /// The configured name of the timeline section (`[document] timeline_section`).
    pub section: String,
    /// Heading aliases, built-in and `[document.aliases]`.
    pub aliases: Aliases,
}

impl Default for TimelineSettings {
    fn default() -> Self {
        TimelineSettings {
            zone: Zone::utc(),
            section: "Timeline".into(),
            aliases: Aliases::new(["Timeline"], &Default::default()),
        }
    }
}

impl TimelineSettings {
    /// The settings pm.toml gives. A `timezone` pm.toml could not have accepted reads as UTC
    /// (`Config::parse` rejects it with its line first).
    pub fn from_config(config: &crate::config::Config) -> TimelineSettings {
        let document = &config.document;
        TimelineSettings {
            zone: Zone::parse(&document.timezone).unwrap_or_else(Zone::utc),
            section: document.timeline_section.clone(),
            aliases: document.aliases().clone(),
        }
    }
}

/// The kind of block an entry is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// `- 14:05 UTC — alert fired` (the item's first line).
    ListItem,
    /// `| 14:05 | alert fired |` (a body row).
    TableRow,
    /// `### 14:05 — Alert fired` (a sub-heading with a time; one with only a date sets the
    /// date for what follows and is a [`DayHeading`] instead).
    SubHeading,
    /// A paragraph line that begins with a time: `**14:05 UTC** — …`, `At 14:05, …`.
    Paragraph,
}

/// What an entry's stamp gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A time (and so an instant, when a date is known).
    Timed,
    /// Written as unknown (`??:??`): accepted, no instant.
    UnknownTime,
    /// A date without a time.
    DateOnly,
    /// No stamp at all (a list item or row that does not begin with a time).
    Missing,
    /// Written like a stamp but not a real date or time; a warning says why.
    Invalid,
}

/// One timeline entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// 1-based line of the entry in the file (front matter included).
    pub line: usize,
    /// Bytes of the entry's first line in the file, trimmed (for findings).
    pub span: Span,
    /// Bytes of the whole block: the list item with its nested lines, the table row, the
    /// heading, or the paragraph line.
    pub block: Span,
    pub shape: Shape,
    pub kind: EntryKind,
    /// The entry's first line as written, trimmed (a table row: its cells joined by ` | `).
    pub text: String,
    /// The text after the stamp and its separator (`alert fired` in `14:05 — alert fired`).
    pub description: String,
    /// The stamp's style, for writing new entries alike.
    pub style: Option<Style>,
    /// The instant, in UTC. `None` for unknown times, date-only entries, entries without a
    /// stamp, and when no date is known at all (no written date and no `started`).
    pub time: Option<Timestamp>,
    /// The civil date the entry is on in [`Entry::zone`]: written, carried or inferred.
    pub date: Option<Date>,
    /// Whether the date was written in this entry (or its row's date column).
    pub date_written: bool,
    /// Whether the date was moved to the next day by the midnight roll-over.
    pub rolled_over: bool,
    /// The zone the entry was read in.
    pub zone: Zone,
    /// Seconds that order timed entries, also when no date is known (they then count from an
    /// arbitrary day). `None` when the entry has no time.
    pub order: Option<i64>,
}

/// A sub-heading (or date-only paragraph) that sets the date of the entries after it.
#[derive(Debug, Clone)]
pub struct DayHeading {
    pub line: usize,
    pub span: Span,
    pub date: Option<Date>,
}

/// What a warning is about; the checks give each its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// A stamp that is not a real date or time (`timeline/unparseable-time`).
    Unparseable,
    /// A midnight roll-over that may be wrong (`timeline/ambiguous-rollover`).
    AmbiguousRollover,
    /// An abbreviation against its calendar (`PST` in July) or with two common meanings
    /// (`CST`, `IST`) (`timeline/zone-abbreviation`).
    ZoneAbbreviation,
}

/// A problem met while reading the timeline.
#[derive(Debug, Clone)]
pub struct Warning {
    pub kind: WarningKind,
    pub line: usize,
    pub span: Span,
    pub message: String,
    pub suggestion: String,
}

/// Where the Timeline section is.
#[derive(Debug, Clone)]
pub struct SectionInfo {
    /// The heading as written (`Timeline`, `Timeline of events (PST)`).
    pub heading: String,
    /// Bytes of the `## …` heading.
    pub heading_span: Span,
    /// Bytes from the end of the heading to the next level-2 heading or the end of the file.
    pub content: Span,
}

/// How the document writes its entries, for an inserter to write new ones alike: taken from
/// the last timed entry.
#[derive(Debug, Clone)]
pub struct EntryFormat {
    pub shape: Shape,
    pub style: Style,
    /// The list marker with its following space (`- `, `* `, `1. `), for list items.
    pub marker: String,
    /// For tables: the number of columns and the one holding the time.
    pub columns: usize,
    pub time_column: usize,
    /// The zone entries are written in (the last timed entry's).
    pub zone: Zone,
}

impl EntryFormat {
    /// One new entry at `time` saying `description`, in this format (without a line ending).
    /// The date is written when the document's entries write one, or when `with_date` (an
    /// inserter passes it when the entry falls on a day the timeline has not reached).
    pub fn render(&self, time: Timestamp, description: &str, with_date: bool) -> String {
        let civil = self.zone.civil(time);
        let mut stamp = String::new();
        let date = match self.style.date {
            Some(DateStyle::MonthDay) => Some(format!("{:02}-{:02}", civil.month(), civil.day())),
            Some(DateStyle::Us) => Some(format!(
                "{}/{}/{}",
                civil.month(),
                civil.day(),
                civil.year()
            )),
            Some(_) => Some(civil.date().to_string()),
            None if with_date => Some(civil.date().to_string()),
            None => None,
        };
        if let Some(date) = date {
            stamp.push_str(&date);
            stamp.push(if self.style.iso_t { 'T' } else { ' ' });
        }
        let (hour, minute, second) = (civil.hour(), civil.minute(), civil.second());
        if self.style.twelve_hour {
            let h12 = match hour % 12 {
                0 => 12,
                h => h,
            };
            stamp.push_str(&format!("{h12}:{minute:02}"));
            if self.style.seconds {
                stamp.push_str(&format!(":{second:02}"));
            }
            stamp.push_str(if hour < 12 { " AM" } else { " PM" });
        } else {
            stamp.push_str(&format!("{hour:02}:{minute:02}"));
            if self.style.seconds {
                stamp.push_str(&format!(":{second:02}"));
            }
        }
        if let Some(zone) = &self.style.zone {
            if !self.style.zone_attached {
                stamp.push(' ');
            }
            stamp.push_str(zone);
        }
        if self.style.bracket {
            stamp = format!("[{stamp}]");
        }
        if self.style.bold {
            stamp = format!("**{stamp}**");
        }
        let description = description.trim();
        match self.shape {
            Shape::TableRow => {
                let mut cells = vec![String::new(); self.columns.max(2)];
                let time_column = self.time_column.min(cells.len() - 1);
                cells[time_column] = stamp;
                let text_column = if time_column + 1 < cells.len() {
                    time_column + 1
                } else {
                    0
                };
                cells[text_column] = description.replace('|', "\\|");
                format!("| {} |", cells.join(" | "))
            }
            Shape::ListItem => format!("{}{stamp} — {description}", self.marker),
            Shape::SubHeading => format!("### {stamp} — {description}"),
            Shape::Paragraph => format!("{stamp} — {description}"),
        }
    }
}

/// A document's timeline.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// The Timeline section; `None` when the document has none (then everything else is empty).
    pub section: Option<SectionInfo>,
    pub entries: Vec<Entry>,
    pub day_headings: Vec<DayHeading>,
    pub warnings: Vec<Warning>,
    /// The format of the last timed entry; `None` when there is none.
    pub format: Option<EntryFormat>,
}

/// One entry as `pm show --format json` gives it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct JsonEntry {
    /// 1-based line in the file, front matter included.
    pub line: usize,
    /// RFC 3339 in UTC (`2026-03-04T21:40:00Z`), or `null` when the entry has no instant.
    pub time: Option<String>,
    /// The entry's text after its stamp (the whole first line when it has none).
    pub text: String,
}

impl Timeline {
    /// The entries as `pm show --format json` lists them.
    pub fn json(&self) -> Vec<JsonEntry> {
        self.entries
            .iter()
            .map(|e| JsonEntry {
                line: e.line,
                time: e.time.map(|t| t.to_string()),
                text: e.description.clone(),
            })
            .collect()
    }
}

/// Reads the timeline of a parsed document (one read with [`Document::parse`]; a document
/// read for its front matter only has no body and gives an empty timeline). The body is parsed
/// again; [`parse_with_timeline`] reads both in one parse.
pub fn read(doc: &Document, settings: &TimelineSettings) -> Timeline {
    if doc.body.is_none() {
        return Timeline::default();
    }
    let mut reader = TimelineReader::new(doc, settings);
    let options = ParseOptions {
        timeline_section: &settings.section,
    };
    doc.read_body(&options, &mut |blocks| reader.visit(blocks));
    reader.finish()
}

/// Reads a whole document (as [`Document::parse`]) and its timeline in one parse of the body.
pub fn parse_with_timeline(
    bytes: &[u8],
    options: &ParseOptions<'_>,
    settings: &TimelineSettings,
) -> Result<(Document, Timeline), crate::document::ParseError> {
    let mut doc = Document::parse_front_matter(bytes)?;
    let mut reader = TimelineReader::new(&doc, settings);
    let body = doc.read_body(options, &mut |blocks| reader.visit(blocks));
    let timeline = reader.finish();
    doc.body = Some(body);
    Ok((doc, timeline))
}

/// Reads a document's timeline from the blocks [`Document::read_body`] lends: the first
/// section whose heading names the timeline (by [`TimelineSettings::section`] or an alias).
/// One parse of the body serves the checks and the timeline.
pub struct TimelineReader<'d> {
    text: &'d str,
    lines: &'d LineIndex,
    settings: &'d TimelineSettings,
    section_key: String,
    /// The incident's start, whose date entries without one are on.
    started: Option<Timestamp>,
    found: Option<Timeline>,
}

impl<'d> TimelineReader<'d> {
    /// A reader for `doc`'s timeline; `doc`'s front matter gives the incident's start.
    pub fn new(doc: &'d Document, settings: &'d TimelineSettings) -> TimelineReader<'d> {
        TimelineReader {
            text: &doc.text,
            lines: doc.lines(),
            settings,
            section_key: sections::key(&settings.section),
            started: doc
                .front
                .started
                .as_ref()
                .and_then(|s| s.value.at())
                .and_then(|t| Timestamp::new(t.timestamp(), 0).ok()),
            found: None,
        }
    }

    /// Reads `blocks` if they are the timeline section's and none was read before.
    pub fn visit(&mut self, blocks: SectionBlocks<'_, '_>) {
        if self.found.is_some()
            || !self
                .settings
                .aliases
                .keys_name(&blocks.section.key, &self.section_key)
        {
            return;
        }
        let section = SectionInfo {
            heading: blocks.section.heading.text.clone(),
            heading_span: blocks.section.heading.span.clone(),
            content: blocks.section.content.clone(),
        };
        let mut reader = Reader {
            text: self.text,
            lines: self.lines,
            positions: blocks.positions,
            document_zone: self.settings.zone.clone(),
            zone: zone_statement(&section.heading).unwrap_or_else(|| self.settings.zone.clone()),
            started: self.started,
            date: None,
            previous: None,
            warned_tokens: Vec::new(),
            timeline: Timeline::default(),
        };
        for node in blocks.nodes {
            reader.block(node);
        }
        let mut timeline = reader.timeline;
        timeline.section = Some(section);
        self.found = Some(timeline);
    }

    /// The timeline read; empty when the document has no timeline section.
    pub fn finish(self) -> Timeline {
        self.found.unwrap_or_default()
    }
}

struct Reader<'t> {
    text: &'t str,
    lines: &'t LineIndex,
    positions: &'t Positions<'t>,
    document_zone: Zone,
    zone: Zone,
    started: Option<Timestamp>,
    date: Option<Date>,
    previous: Option<i64>,
    warned_tokens: Vec<String>,
    timeline: Timeline,
}

/// A placeholder day for ordering when no date is known anywhere.
const NO_DATE: Date = jiff::civil::date(2000, 1, 1);

impl Reader<'_> {
    fn span(&self, node: &AstNode<'_>) -> Span {
        self.positions.node_span(node)
    }

    fn line(&self, offset: usize) -> usize {
        self.lines.position(self.text, offset).line
    }

    /// The first line of `span`, trimmed, and its bytes.
    fn first_line(&self, span: &Span) -> (Span, &str) {
        let source = &self.text[span.clone()];
        let line = source.lines().next().unwrap_or("");
        let trimmed = line.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        let start = span.start + lead;
        (
            start..start + trimmed.trim_start().len(),
            trimmed.trim_start(),
        )
    }

    fn block<'a>(&mut self, node: &'a AstNode<'a>) {
        let value = node.data.borrow().value.clone();
        match value {
            NodeValue::Heading(_) => self.heading(node),
            NodeValue::List(list) => self.list(node, list.bullet_char),
            NodeValue::Table(_) => self.table(node),
            NodeValue::Paragraph => self.paragraph(node),
            _ => {}
        }
    }

    fn heading<'a>(&mut self, node: &'a AstNode<'a>) {
        let span = self.span(node);
        let (line_span, _) = self.first_line(&span);
        let text = plain_text(node);
        if let Some(zone) = zone_statement(&text) {
            self.zone = zone;
        }
        match stamp::parse(&text) {
            Parsed::Stamp(stamp) if stamp.clock.is_some() => {
                self.entry(Shape::SubHeading, span, line_span, &text, Ok(Some(stamp)));
            }
            Parsed::Stamp(stamp) => {
                let date = self.set_date(&stamp, &line_span);
                self.timeline.day_headings.push(DayHeading {
                    line: self.line(line_span.start),
                    span: line_span,
                    date,
                });
            }
            Parsed::Invalid(reason) => self.invalid(&line_span, &reason),
            Parsed::None => {}
        }
    }

    fn list<'a>(&mut self, node: &'a AstNode<'a>, bullet: u8) {
        for item in node.children() {
            let span = self.span(item);
            let first = item.first_child().map_or(span.clone(), |c| self.span(c));
            let (line_span, line) = self.first_line(&first);
            let line = line.to_string();
            let parsed = stamp::parse(&line);
            // A date-only item with a nested list is a day: its children are the entries.
            let nested = item
                .children()
                .find(|c| matches!(c.data.borrow().value, NodeValue::List(_)));
            if let (Parsed::Stamp(s), Some(nested)) = (&parsed, nested) {
                if s.clock.is_none() {
                    let date = self.set_date(s, &line_span);
                    self.timeline.day_headings.push(DayHeading {
                        line: self.line(line_span.start),
                        span: line_span,
                        date,
                    });
                    if let NodeValue::List(l) = nested.data.borrow().value.clone() {
                        self.list(nested, l.bullet_char);
                    }
                    continue;
                }
            }
            let marker = self.text[span.start..line_span.start].to_string();
            let before = self.timeline.entries.len();
            let parsed = match parsed {
                Parsed::Stamp(s) if s.date.is_none() && s.clock.is_none() => Ok(None),
                Parsed::Stamp(s) => Ok(Some(s)),
                Parsed::None => Ok(None),
                Parsed::Invalid(reason) => Err(reason),
            };
            self.entry(Shape::ListItem, span, line_span, &line, parsed);
            if self.timeline.entries.len() > before {
                if let Some(format) = self.timeline.format.as_mut() {
                    if format.shape == Shape::ListItem && format.marker.is_empty() {
                        format.marker = if marker.trim().is_empty() {
                            format!("{} ", char::from(bullet.max(b'-')))
                        } else {
                            format!("{} ", marker.trim())
                        };
                    }
                }
            }
        }
    }

    fn table<'a>(&mut self, node: &'a AstNode<'a>) {
        let mut time_column = None;
        let mut date_column = None;
        let mut columns = 0;
        for row in node.children() {
            let header = matches!(row.data.borrow().value, NodeValue::TableRow(true));
            let cells: Vec<String> = row.children().map(|c| plain_text(c)).collect();
            columns = columns.max(cells.len());
            if header {
                for (i, cell) in cells.iter().enumerate() {
                    let lower = cell.to_lowercase();
                    let word = lower
                        .split(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    if time_column.is_none()
                        && matches!(word, "time" | "when" | "timestamp" | "utc")
                    {
                        time_column = Some(i);
                    }
                    if date_column.is_none() && matches!(word, "date" | "day") {
                        date_column = Some(i);
                    }
                    if let Some(zone) = zone_statement(cell) {
                        self.zone = zone;
                    }
                }
                continue;
            }
            let span = self.span(row);
            let (line_span, line) = self.first_line(&span);
            let line = line.to_string();
            let time_at = time_column.or(date_column).unwrap_or(0);
            let cell = |i: usize| cells.get(i).map_or("", String::as_str);
            let mut parsed = read_cell(cell(time_at));
            if let (Some(d), Some(t)) = (date_column, time_column) {
                if d != t {
                    parsed = combine(read_cell(cell(d)), read_cell(cell(t)));
                }
            } else if let Ok(Some(s)) = &parsed {
                if s.clock.is_none() {
                    // `| Wed 4 Mar | 14:05 | …`: the time is in the next cell.
                    let next = read_cell(cell(time_at + 1));
                    if matches!(&next, Ok(Some(n)) if n.clock.is_some() && n.date.is_none()) {
                        parsed = combine(parsed, next);
                    }
                }
            }
            let description: Vec<&str> = cells
                .iter()
                .enumerate()
                .filter(|(i, c)| Some(*i) != date_column && *i != time_at && !c.is_empty())
                .map(|(_, c)| c.as_str())
                .collect();
            let before = self.timeline.entries.len();
            self.entry_with(
                Shape::TableRow,
                span,
                line_span,
                &line,
                parsed,
                Some(description.join(" | ")),
            );
            if self.timeline.entries.len() > before {
                if let Some(format) = self.timeline.format.as_mut() {
                    format.columns = columns;
                    format.time_column = time_at;
                }
            }
        }
    }

    fn paragraph<'a>(&mut self, node: &'a AstNode<'a>) {
        let span = self.span(node);
        let mut offset = span.start;
        let source = self.text[span.clone()].to_string();
        let mut first = true;
        for raw in source.split_inclusive('\n') {
            let line_start = offset;
            offset += raw.len();
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = raw.len() - raw.trim_start().len();
            let start = line_start + lead;
            let line_span = start..start + trimmed.len();
            match stamp::parse(trimmed) {
                Parsed::Stamp(s) if s.clock.is_some() => {
                    self.entry(
                        Shape::Paragraph,
                        line_span.clone(),
                        line_span,
                        trimmed,
                        Ok(Some(s)),
                    );
                }
                Parsed::Stamp(s) if first && s.date.is_some() && short_date_line(trimmed, &s) => {
                    let date = self.set_date(&s, &line_span);
                    self.timeline.day_headings.push(DayHeading {
                        line: self.line(line_span.start),
                        span: line_span,
                        date,
                    });
                }
                Parsed::Invalid(reason) if first => self.invalid(&line_span, &reason),
                _ => {
                    if first {
                        if let Some(zone) = zone_statement(trimmed) {
                            self.zone = zone;
                        }
                    }
                }
            }
            first = false;
        }
    }

    fn invalid(&mut self, span: &Span, reason: &str) {
        let line = self.line(span.start);
        self.timeline.warnings.push(Warning {
            kind: WarningKind::Unparseable,
            line,
            span: span.clone(),
            message: format!(
                "line {line}: the time of this timeline entry cannot be read: {reason}"
            ),
            suggestion: format!("write the time in one of the accepted forms: {ACCEPTED}"),
        });
    }

    fn entry(
        &mut self,
        shape: Shape,
        block: Span,
        span: Span,
        text: &str,
        parsed: Result<Option<Stamp>, String>,
    ) {
        self.entry_with(shape, block, span, text, parsed, None);
    }

    /// The date a stamp puts its entry on, and whether it was written; moves the carried date.
    fn set_date(&mut self, stamp: &Stamp, span: &Span) -> Option<Date> {
        let zone = stamp.zone.clone().unwrap_or_else(|| self.zone.clone());
        let carried = self.current_date(&zone);
        let date = match stamp.date {
            Some(part) => {
                let year = part
                    .year
                    .or(carried.map(|d| d.year()))
                    .unwrap_or(NO_DATE.year());
                match Date::new(year, part.month, part.day) {
                    Ok(date) => Some(date),
                    Err(_) => {
                        self.invalid(
                            span,
                            &format!("{year:04}-{:02}-{:02} is not a date", part.month, part.day),
                        );
                        None
                    }
                }
            }
            None => stamp.weekday.and_then(|weekday| {
                let base = carried?;
                let ahead =
                    (weekday.to_monday_zero_offset() - base.weekday().to_monday_zero_offset() + 7)
                        % 7;
                base.checked_add(jiff::Span::new().days(ahead)).ok()
            }),
        };
        if let Some(date) = date {
            self.date = Some(date);
            // A new day: the roll-over compares within it only.
            self.previous = None;
        }
        date
    }

    fn current_date(&self, zone: &Zone) -> Option<Date> {
        self.date
            .or_else(|| self.started.map(|s| zone.civil(s).date()))
    }

    fn entry_with(
        &mut self,
        shape: Shape,
        block: Span,
        span: Span,
        text: &str,
        parsed: Result<Option<Stamp>, String>,
        description: Option<String>,
    ) {
        let line = self.line(span.start);
        let mut entry = Entry {
            line,
            span: span.clone(),
            block,
            shape,
            kind: EntryKind::Missing,
            text: text.to_string(),
            description: String::new(),
            style: None,
            time: None,
            date: None,
            date_written: false,
            rolled_over: false,
            zone: self.zone.clone(),
            order: None,
        };
        // Without a description of its own, an entry's is its text after the stamp, or all of
        // it when there is no stamp.
        entry.description = description.unwrap_or_else(|| match &parsed {
            Ok(Some(stamp)) => text
                .get(stamp.text_start..)
                .unwrap_or("")
                .trim()
                .to_string(),
            _ => text.to_string(),
        });
        let stamp = match parsed {
            Ok(Some(stamp)) => stamp,
            Ok(None) => {
                entry.date = self.current_date(&self.zone);
                self.timeline.entries.push(entry);
                return;
            }
            Err(reason) => {
                entry.kind = EntryKind::Invalid;
                self.invalid(&span, &reason);
                self.timeline.entries.push(entry);
                return;
            }
        };
        if let Some(zone) = &stamp.zone {
            self.zone = zone.clone();
            entry.zone = zone.clone();
        }
        let zone = &entry.zone;
        entry.style = Some(stamp.style.clone());
        entry.date_written = stamp.date.is_some() || stamp.weekday.is_some();
        let mut date = if entry.date_written {
            self.set_date(&stamp, &span)
        } else {
            self.current_date(zone)
        };
        let known_date = date.is_some();
        match stamp.clock {
            None => {
                entry.kind = EntryKind::DateOnly;
                entry.date = date;
            }
            Some(Clock::Unknown) => {
                entry.kind = EntryKind::UnknownTime;
                entry.date = date;
            }
            Some(Clock::At {
                hour,
                minute,
                second,
                nanosecond,
            }) => {
                entry.kind = EntryKind::Timed;
                let day = date.unwrap_or(NO_DATE);
                let mut at = zone.instant(day.at(hour, minute, second, nanosecond));
                if let (Some(now), Some(before), false) = (at, self.previous, entry.date_written) {
                    let back = before - now.as_second();
                    if back > 12 * 3600 {
                        if let Ok(next) = day.tomorrow() {
                            date = Some(next);
                            at = zone.instant(next.at(hour, minute, second, nanosecond));
                            entry.rolled_over = true;
                            if back < 16 * 3600 {
                                self.timeline.warnings.push(Warning {
                                    kind: WarningKind::AmbiguousRollover,
                                    line,
                                    span: span.clone(),
                                    message: format!(
                                        "this entry is {} hours earlier than the one before it, so pm reads it as the next day ({next}); that is a guess",
                                        back / 3600
                                    ),
                                    suggestion: "write the date in the entry (`2026-03-05 07:10 …`) or under a dated sub-heading, so the order is certain".into(),
                                });
                            }
                        }
                    }
                }
                if let Some(at) = at {
                    entry.order = Some(at.as_second());
                    self.previous = Some(at.as_second());
                    if known_date {
                        entry.time = Some(at);
                        self.date = date.or(self.date);
                        self.check_abbreviation(&stamp, at, line, &span);
                    }
                    if known_date && !entry.date_written {
                        self.date = date;
                    }
                }
                entry.date = date.filter(|_| known_date);
                self.timeline.format = Some(EntryFormat {
                    shape,
                    style: stamp.style.clone(),
                    marker: String::new(),
                    columns: 0,
                    time_column: 0,
                    zone: zone.clone(),
                });
            }
        }
        self.timeline.entries.push(entry);
    }

    fn check_abbreviation(&mut self, stamp: &Stamp, at: Timestamp, line: usize, span: &Span) {
        let Some(zone) = &stamp.zone else { return };
        let Some(row) = zone.abbreviation else { return };
        if self.warned_tokens.iter().any(|t| t == row.token) {
            return;
        }
        if let Some(message) = zone::abbreviation_problem(row, at, &self.document_zone) {
            self.warned_tokens.push(row.token.to_string());
            self.timeline.warnings.push(Warning {
                kind: WarningKind::ZoneAbbreviation,
                line,
                span: span.clone(),
                message,
                suggestion: match row.reference {
                    Some(reference) => format!(
                        "write the abbreviation in use that day, an offset (`-07:00`) or the zone name (`{reference}`)"
                    ),
                    None => "write an offset such as `+05:30`, or set `[document] timezone` in pm.toml".into(),
                },
            });
        }
    }
}

/// A line that is only a date (`**March 4, 2026**`, `Thursday, March 5:`), not prose that
/// begins with one.
fn short_date_line(line: &str, stamp: &Stamp) -> bool {
    line[stamp.len..]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '*' | '_' | '—' | '-' | ')'))
        .is_empty()
}

/// A stamp from a table cell: `Ok(None)` for no stamp.
fn read_cell(cell: &str) -> Result<Option<Stamp>, String> {
    match stamp::parse(cell) {
        Parsed::Stamp(s) => Ok(Some(s)),
        Parsed::None => Ok(None),
        Parsed::Invalid(reason) => Err(reason),
    }
}

/// A date cell and a time cell read as one stamp.
fn combine(
    date: Result<Option<Stamp>, String>,
    time: Result<Option<Stamp>, String>,
) -> Result<Option<Stamp>, String> {
    match (date?, time?) {
        (Some(mut d), Some(t)) => {
            d.clock = t.clock;
            d.zone = t.zone;
            d.style.seconds = t.style.seconds;
            d.style.twelve_hour = t.style.twelve_hour;
            d.style.zone = t.style.zone;
            d.style.zone_attached = t.style.zone_attached;
            Ok(Some(d))
        }
        (None, time) => Ok(time),
        (date, None) => Ok(date),
    }
}

/// The zone a statement sets: "All times are in PST", "Time (UTC)", "(America/New_York)".
/// Only text that speaks of times, or a parenthesis holding nothing but a zone, counts.
pub fn zone_statement(text: &str) -> Option<Zone> {
    let speaks_of_time = text.to_lowercase().contains("time");
    let tokens = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '+' | '-' | ':')))
        .filter(|t| !t.is_empty());
    for token in tokens {
        let token = token.trim_end_matches([':', '-']);
        let in_parentheses = text.contains(&format!("({token})"));
        if !(speaks_of_time || in_parentheses) {
            continue;
        }
        if let Some(row) = zone::abbreviation(token) {
            if token.len() >= 2 {
                return Some(row.zone_for(token));
            }
        }
        if let Some(seconds) = zone::offset_seconds(token) {
            if token.len() > 1 {
                return zone::offset_zone(seconds, token);
            }
        }
        if token.contains('/') {
            if let Some(zone) = zone::named(token) {
                return Some(zone);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
