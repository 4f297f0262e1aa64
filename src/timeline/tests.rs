//! The reader on documents in every shape (the binary-level tests are in tests/it/timeline.rs).

use super::*;
use crate::document::{Document, ParseOptions};

fn read_doc(body: &str, settings: &TimelineSettings) -> (Document, Timeline) {
    let text = format!(
        "+++\nid = \"2026-03-04-x\"\ntitle = \"X\"\nstatus = \"draft\"\nseverity = \"SEV2\"\nstarted = 2026-03-04T21:40:00Z\n+++\n\n# X\n\n{body}"
    );
    let doc = Document::parse(text.as_bytes(), &ParseOptions::default()).expect("parses");
    let timeline = read(&doc, settings);
    (doc, timeline)
}

fn times(timeline: &Timeline) -> Vec<Option<String>> {
    timeline
        .entries
        .iter()
        .map(|e| e.time.map(|t| t.to_string()))
        .collect()
}

fn s(t: &str) -> Option<String> {
    Some(t.to_string())
}

#[test]
fn list_items_carry_the_date_and_roll_over_midnight() {
    let (doc, timeline) = read_doc(
        "## Timeline\n\n- 21:40 UTC — deploy\n- 23:55 — errors\n- 00:10 — rollback\n- ??:?? — someone noticed\n",
        &TimelineSettings::default(),
    );
    assert_eq!(
        times(&timeline),
        [
            s("2026-03-04T21:40:00Z"),
            s("2026-03-04T23:55:00Z"),
            s("2026-03-05T00:10:00Z"),
            None
        ]
    );
    assert!(timeline.entries[2].rolled_over);
    assert_eq!(timeline.entries[3].kind, EntryKind::UnknownTime);
    assert_eq!(timeline.entries[0].shape, Shape::ListItem);
    assert_eq!(timeline.entries[0].description, "deploy");
    assert!(timeline.warnings.is_empty(), "{:?}", timeline.warnings);
    // Line numbers are the file's, front matter included.
    let line = doc.position(timeline.entries[0].span.start).line;
    assert_eq!(timeline.entries[0].line, line);
    assert_eq!(line, 13);
    let format = timeline.format.expect("format");
    assert_eq!(format.marker, "- ");
    let at: Timestamp = "2026-03-05T00:20:00Z".parse().expect("ts");
    assert_eq!(format.render(at, "recovered", false), "- 00:20 — recovered");
}

#[test]
fn dated_sub_headings_tables_and_paragraphs() {
    let (_, timeline) = read_doc(
        "## Timeline\n\nAll times are PST.\n\n### Wednesday, March 4\n\n- 13:40 — deploy\n\n### March 5\n\n**09:05** — paged\n\nAt 09:30, rollback finished.\n",
        &TimelineSettings::default(),
    );
    assert_eq!(
        times(&timeline),
        [
            s("2026-03-04T21:40:00Z"),
            s("2026-03-05T17:05:00Z"),
            s("2026-03-05T17:30:00Z")
        ]
    );
    assert_eq!(timeline.day_headings.len(), 2);
    assert_eq!(timeline.entries[1].shape, Shape::Paragraph);

    let (_, timeline) = read_doc(
        "## Timeline\n\n| Date | Time (PST) | Event |\n|---|---|---|\n| Wed 4 Mar | 1:40 PM | deploy |\n| Thu 5 Mar | 9:05 AM | paged |\n",
        &TimelineSettings::default(),
    );
    assert_eq!(
        times(&timeline),
        [s("2026-03-04T21:40:00Z"), s("2026-03-05T17:05:00Z")]
    );
    assert_eq!(timeline.entries[0].shape, Shape::TableRow);
    assert_eq!(timeline.entries[0].description, "deploy");

    let (_, timeline) = read_doc(
        "## Incident timeline (all times UTC)\n\n| When | What |\n|---|---|\n| Wed 4 Mar | 21:40 | deploy |\n| [03-04 22:10] | paged |\n",
        &TimelineSettings::default(),
    );
    assert_eq!(
        times(&timeline),
        [s("2026-03-04T21:40:00Z"), s("2026-03-04T22:10:00Z")]
    );
}

#[test]
fn zones_offsets_and_the_configured_default() {
    let settings = TimelineSettings {
        zone: Zone::parse("Europe/Berlin").expect("zone"),
        ..TimelineSettings::default()
    };
    let (_, timeline) = read_doc(
        "## Timeline\n\n- 22:40 — deploy\n- 2026-03-04T21:50:30+00:00 — alert\n- 3/4/2026 2:05 PM PST — paged\n- 23:10 America/New_York — escalated\n",
        &settings,
    );
    assert_eq!(
        times(&timeline),
        [
            s("2026-03-04T21:40:00Z"),
            s("2026-03-04T21:50:30Z"),
            s("2026-03-04T22:05:00Z"),
            s("2026-03-05T04:10:00Z")
        ]
    );
}

#[test]
fn warnings_for_bad_stamps_zones_and_unsure_rollovers() {
    let (_, timeline) = read_doc(
        "## Timeline\n\n- 2026-02-30 14:05 — x\n- 2026-07-14 14:05 PST — y\n- 20:00 — z\n- 07:10 — w\n- The deploy started\n",
        &TimelineSettings::default(),
    );
    let kinds: Vec<WarningKind> = timeline.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [
            WarningKind::Unparseable,
            WarningKind::ZoneAbbreviation,
            WarningKind::AmbiguousRollover
        ]
    );
    assert!(
        timeline.warnings[0].message.contains("line 13"),
        "{}",
        timeline.warnings[0].message
    );
    assert_eq!(timeline.entries[0].kind, EntryKind::Invalid);
    assert_eq!(timeline.entries[4].kind, EntryKind::Missing);
}

#[test]
fn no_timeline_section_and_aliases() {
    let (_, timeline) = read_doc("## Summary\n\n- 09:00 x\n", &TimelineSettings::default());
    assert!(timeline.section.is_none() && timeline.entries.is_empty());
    let (_, timeline) = read_doc(
        "## Sequence of events\n\n- 09:00 x\n",
        &TimelineSettings::default(),
    );
    assert_eq!(timeline.entries.len(), 1);
}

/// The timeline is read from the body's one parse, so a link whose reference is defined
/// elsewhere in the document reads as its text in a table row's description, as a rendered
/// page shows it (round 30; the section used to be parsed on its own, where `[the deploy][pr]`
/// stayed as written).
#[test]
fn references_defined_outside_the_section_read_as_their_text() {
    let (_, timeline) = read_doc(
        "## Summary\n\nSee [the PR][pr].\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 21:40 UTC | [the deploy][pr] went out |\n\n## Links\n\n[pr]: https://example.com/pr/1\n",
        &TimelineSettings::default(),
    );
    assert_eq!(timeline.entries.len(), 1, "{:?}", timeline.entries);
    assert_eq!(timeline.entries[0].description, "the deploy went out");
    assert_eq!(times(&timeline), [s("2026-03-04T21:40:00Z")]);
}

/// `pm check` reads the timeline while it first parses the body ([`parse_with_timeline`]);
/// the timeline is the one [`read`] gives from a parsed document.
#[test]
fn the_timeline_read_during_the_body_parse_is_the_one_read_after_it() {
    let text = "+++\nid = \"2026-03-04-x\"\ntitle = \"X\"\nstatus = \"draft\"\nseverity = \"SEV2\"\nstarted = 2026-03-04T21:40:00Z\n+++\n\n# X\n\n## Timeline of events (PST)\n\n### March 4\n\n- 13:40 — deploy\n- 23:55 — errors\n- 00:10 — rollback\n\n| Time | Event |\n|---|---|\n| 14:02 | paged |\n\n## Timeline\n\n- 10:00 — a second section is not read\n";
    let settings = TimelineSettings::default();
    let (doc, during) =
        parse_with_timeline(text.as_bytes(), &ParseOptions::default(), &settings).expect("parses");
    let after = read(&doc, &settings);
    assert_eq!(format!("{during:?}"), format!("{after:?}"));
    assert_eq!(during.entries.len(), 4, "{:?}", during.entries);
    let heading = during.section.as_ref().map(|s| s.heading.as_str());
    assert_eq!(heading, Some("Timeline of events (PST)"));
}
