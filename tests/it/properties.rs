//! Properties of the document model that must hold for any input: parsing never panics, every
//! span is in bounds and on character boundaries, positions agree with a naive count, masked
//! prose keeps its length, slugs are safe, template rendering never panics.
//!
//! Case counts are modest so the suite stays fast; raise them with `PROPTEST_CASES=10000`.

use pm::document::{body, id, Document, LineIndex, ParseOptions, Position, Span};
use proptest::prelude::*;
use proptest::test_runner::Config;

const RAW_SEEDS: &[&str] = &[
    include_str!("../../templates/demo/checkout-db-pool.md"),
    include_str!("../../templates/demo/dns-eu-west.md"),
    include_str!("../../templates/demo/payouts-queue.md"),
    include_str!("../../templates/demo/tls-certificate.md"),
    include_str!("../data/hostile/crlf.md"),
    include_str!("../data/hostile/toml-inline-actions.md"),
    include_str!("../data/hostile/right-to-left.md"),
];

/// The seeds with the demo templates' placeholders filled in, so they start out valid.
static SEEDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| RAW_SEEDS.iter().map(|s| fill(s)).collect());

fn fill(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find("}}") else {
            break;
        };
        let key = &rest[start + 2..start + end];
        out.push_str(if key.starts_with("at:") {
            "2026-01-01T09:12:00Z"
        } else if key.starts_with("date:") {
            "2026-01-20"
        } else {
            "2026-01-01-seed"
        });
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}

/// Fragments that mean something to the front-matter splitter, TOML or Markdown.
const TOKENS: &[&str] = &[
    "+++",
    "+++\n",
    "\n+++\n",
    "\r\n",
    "\r",
    "\n",
    "\u{feff}",
    "\"",
    "\"\"\"",
    "'''",
    "[",
    "]",
    "[[actions]]\n",
    "[impact]\n",
    "{",
    "}",
    "=",
    "#",
    "\\",
    "\\u",
    "2026-02-30",
    "T25:61:00Z",
    "0000-01-01",
    "9999-12-31T23:59:59Z",
    "99999999999999999999",
    "inf",
    "## ",
    "# ",
    "- ",
    "> ",
    "```",
    "`",
    "<!--",
    "-->",
    "<!-- pm-ignore blameless/x -->",
    "](",
    "http://",
    "|",
    "| 09:12 | x |\n|---|---|\n",
    "* ",
    "1. ",
    "é",
    "👩‍👩‍👧",
    "\u{202e}",
    "\u{0301}",
    "\0",
    "\t",
    "    ",
    "<div>",
    "**",
    "~~",
    "[x]",
    "09:12 UTC ",
];

fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..Config::default()
    }
}

/// An edit to a valid document.
#[derive(Debug, Clone)]
enum Mutation {
    InsertToken { at: usize, token: usize },
    InsertBytes { at: usize, bytes: Vec<u8> },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    FlipByte { at: usize, value: u8 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0..TOKENS.len())
            .prop_map(|(at, token)| Mutation::InsertToken { at, token }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::InsertBytes { at, bytes }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, value)| Mutation::FlipByte { at, value }),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let n = bytes.len();
        let pos = |at: usize| if n == 0 { 0 } else { at % (n + 1) };
        match m {
            Mutation::InsertToken { at, token } => {
                let at = pos(*at);
                bytes.splice(at..at, TOKENS[*token].bytes());
            }
            Mutation::InsertBytes { at, bytes: b } => {
                let at = pos(*at);
                bytes.splice(at..at, b.iter().copied());
            }
            Mutation::Delete { at, len } => {
                let at = pos(*at);
                let end = (at + len).min(n);
                bytes.drain(at..end);
            }
            Mutation::Duplicate { at, len } => {
                let at = pos(*at);
                let end = (at + len).min(n);
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            Mutation::FlipByte { at, value } => {
                if n > 0 {
                    bytes[at % n] = *value;
                }
            }
        }
    }
    bytes
}

fn mutated_document() -> impl Strategy<Value = Vec<u8>> {
    (0..SEEDS.len(), prop::collection::vec(mutation(), 0..12))
        .prop_map(|(seed, mutations)| apply(SEEDS[seed].as_bytes().to_vec(), &mutations))
}

/// Text built from meaningful fragments and arbitrary characters.
fn tokenish_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => (0..TOKENS.len()).prop_map(|i| TOKENS[i].to_string()),
            1 => any::<String>(),
            1 => "[a-z ]{0,12}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

#[track_caller]
fn assert_span(text: &str, span: &Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} out of bounds (len {})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on character boundaries"
    );
}

/// Every span the model returns, checked against the text.
fn check_spans(doc: &Document) {
    let t = &doc.text;
    let split = &doc.split;
    for (span, what) in [
        (&split.toml, "split.toml"),
        (&split.open, "split.open"),
        (&split.close, "split.close"),
    ] {
        assert_span(t, span, what);
    }
    assert!(split.body_start <= t.len() && t.is_char_boundary(split.body_start));
    let fm = &doc.front;
    let strings = [&fm.id, &fm.title, &fm.status, &fm.severity, &fm.facilitator];
    for s in strings.into_iter().flatten() {
        assert_span(t, &s.span, "front string");
    }
    for list in [&fm.services, &fm.authors, &fm.participants, &fm.tickets] {
        for s in list {
            assert_span(t, &s.span, "front list item");
        }
    }
    for s in [&fm.started, &fm.detected, &fm.mitigated, &fm.resolved]
        .into_iter()
        .flatten()
    {
        assert_span(t, &s.span, "timestamp");
    }
    for s in [&fm.review_meeting, &fm.followup_review]
        .into_iter()
        .flatten()
    {
        assert_span(t, &s.span, "date");
    }
    if let Some(impact) = &fm.impact {
        assert_span(t, &impact.span, "impact");
        if let Some(s) = &impact.summary {
            assert_span(t, &s.span, "impact.summary");
        }
        if let Some(s) = &impact.users_affected {
            assert_span(t, &s.span, "impact.users_affected");
        }
        for s in &impact.slos {
            assert_span(t, &s.span, "impact.slos");
        }
    }
    for a in &fm.actions {
        assert_span(t, &a.span, "action");
        for s in [
            &a.id,
            &a.title,
            &a.owner,
            &a.status,
            &a.kind,
            &a.priority,
            &a.ticket,
            &a.reason,
        ]
        .into_iter()
        .flatten()
        {
            assert_span(t, &s.span, "action string");
        }
        for s in [&a.due, &a.closed, &a.created].into_iter().flatten() {
            assert_span(t, &s.span, "action date");
        }
    }
    for k in &fm.unknown_keys {
        assert_span(t, &k.span, "unknown key");
    }
    for p in &fm.problems {
        assert_span(t, &p.span, "problem");
    }
    let Some(body) = &doc.body else { return };
    if let Some(h) = &body.title {
        assert_span(t, &h.span, "title heading");
    }
    for s in &body.sections {
        assert_span(t, &s.heading.span, "section heading");
        assert_span(t, &s.content, "section content");
    }
    for p in &body.prose {
        assert_span(t, &p.span, "prose");
        assert_eq!(
            p.text.len(),
            p.span.len(),
            "masked prose keeps the length of its span"
        );
        assert!(p.section.is_none_or(|i| i < body.sections.len()));
    }
    assert!(body
        .timeline_section
        .is_none_or(|i| i < body.sections.len()));
    for e in &body.timeline {
        assert_span(t, &e.span, "timeline entry");
    }
    for d in &body.directives {
        assert_span(t, &d.span, "directive");
        for (_, span) in &d.rules {
            assert_span(t, span, "directive rule");
        }
        if let Some(target) = &d.target {
            assert_span(t, target, "directive target");
        }
    }
    // Every position the model could hand to a reporter maps to a real line.
    for p in &body.prose {
        let pos = doc.position(p.span.start);
        assert!(pos.line >= 1 && pos.line <= doc.lines().line_count());
    }
}

fn parse_and_check(bytes: &[u8]) {
    if let Ok(doc) = Document::parse_front_matter(bytes) {
        assert!(doc.body.is_none());
        check_spans(&doc);
    }
    if let Ok(doc) = Document::parse(bytes, &ParseOptions::default()) {
        check_spans(&doc);
    }
}

/// Position counted the slow way: lines split at `\n`, columns in characters, a leading BOM
/// taking no column.
fn naive_position(text: &str, offset: usize) -> Position {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|p| p + 1).unwrap_or(0);
    let mut column_text = &before[line_start..];
    if line == 1 {
        column_text = column_text.strip_prefix('\u{feff}').unwrap_or(column_text);
    }
    Position {
        line,
        column: column_text.chars().count() + 1,
    }
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn parsing_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        parse_and_check(&bytes);
    }

    #[test]
    fn parsing_bytes_behind_a_valid_opening_never_panics(
        bytes in prop::collection::vec(any::<u8>(), 0..512),
        close in any::<bool>(),
    ) {
        let mut input = b"+++\n".to_vec();
        input.extend_from_slice(&bytes);
        if close {
            input.extend_from_slice(b"\n+++\n# T\n");
        }
        parse_and_check(&input);
    }

    #[test]
    fn parsing_mutated_documents_never_panics(bytes in mutated_document()) {
        parse_and_check(&bytes);
    }

    #[test]
    fn parsing_token_soup_never_panics(text in tokenish_text()) {
        parse_and_check(text.as_bytes());
        let with_front = format!("+++\nid = \"x\"\n+++\n{text}");
        parse_and_check(with_front.as_bytes());
        let in_front = format!("+++\n{text}\n+++\n# x\n");
        parse_and_check(in_front.as_bytes());
    }

    #[test]
    fn positions_agree_with_a_naive_count(text in tokenish_text(), picks in prop::collection::vec(any::<usize>(), 1..16)) {
        let index = LineIndex::new(&text);
        for pick in picks {
            let mut offset = pick % (text.len() + 1);
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            prop_assert_eq!(index.position(&text, offset), naive_position(&text, offset), "offset {}", offset);
        }
        // Offsets past the end or inside a character clamp instead of panicking.
        let end = index.position(&text, text.len());
        prop_assert_eq!(index.position(&text, text.len() + 100), end);
        for offset in 0..text.len().min(64) {
            let _ = index.position(&text, offset);
        }
        prop_assert_eq!(index.line_count(), text.matches('\n').count() + 1);
    }

    #[test]
    fn masked_prose_keeps_its_length(text in tokenish_text()) {
        let masked = body::mask_prose(&text);
        prop_assert_eq!(masked.len(), text.len());
        // Only bytes turned into spaces, or into inline code's placeholder word (`x___`),
        // may differ; no code mark is left.
        for (a, b) in text.bytes().zip(masked.bytes()) {
            prop_assert!(a == b || matches!(b, b' ' | b'x' | b'_'));
        }
        prop_assert!(!masked.contains('`'), "{:?}", masked);
    }

    #[test]
    fn slugs_are_safe(title in any::<String>()) {
        check_slug(&id::slug(&title));
    }

    #[test]
    fn slugs_of_token_soup_are_safe(title in tokenish_text()) {
        check_slug(&id::slug(&title));
    }

    #[test]
    fn rendering_a_template_never_panics(
        text in tokenish_text(),
        braces in prop::collection::vec(prop_oneof![Just("{{"), Just("}}"), Just("{{title}}"), Just("{{ id }}"), Just("{")], 0..10),
        value in any::<String>(),
    ) {
        let template = format!("{}{}", text, braces.concat());
        let values = [("title", value.clone()), ("id", "{{title}}".to_string())];
        let out = pm::templates::render(&template, &values);
        if !template.contains("{{") {
            prop_assert_eq!(out, template);
        }
        let _ = pm::templates::toml_escape(&value);
    }

    #[test]
    fn an_escaped_title_reads_back_unchanged(title in any::<String>()) {
        let text = format!(
            "+++\nid = \"2026-01-01-x\"\ntitle = \"{}\"\n+++\n# x\n",
            pm::templates::toml_escape(&title)
        );
        let doc = Document::parse_front_matter(text.as_bytes());
        // A NUL in the title is written as an escape, so the file is still text.
        let doc = doc.map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(doc.title(), Some(title.as_str()));
    }
}

fn check_slug(slug: &str) {
    assert!(
        slug.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "{slug:?}"
    );
    assert!(slug.len() <= id::MAX_SLUG, "{slug:?} is too long");
    assert!(
        !slug.starts_with('-') && !slug.ends_with('-'),
        "{slug:?} has an edge dash"
    );
    assert!(!slug.contains("--"), "{slug:?} has a double dash");
}

#[test]
fn the_seeds_themselves_parse() {
    for seed in SEEDS.iter() {
        let doc = Document::parse(seed.as_bytes(), &ParseOptions::default()).expect("seed parses");
        check_spans(&doc);
    }
}
