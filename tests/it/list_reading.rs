//! `pm list` and `pm show` read front matter written by hand the same way as front matter pm
//! writes, and still refuse what they refused: the fast reader behind the listing must not
//! change what a user sees.

use crate::common::Sandbox;

/// Written by hand: comments, CRLF, literal strings, escapes, an array over several lines, a
/// lone string where a list goes, `[impact]` after the actions.
const HANDWRITTEN: &str = "+++\r\n# kept by hand\r\nid = '2026-02-03-handwritten'\r\n\
    title = \"Tab\\there \\\"quoted\\\" caf\\u00e9\"   # the title\r\n\
    status = \"in-review\"\r\nseverity = 'SEV2'\r\nservices = [\r\n  \"api\", # first\r\n\
    \t'db',\r\n]\r\nauthors = \"ana@example.com\"\r\nstarted = 2026-02-03T09:00:00+01:00\r\n\
    resolved = 2026-02-03T10:30:00Z\r\n\r\n[[actions]]\r\nid = \"A1\"\r\ntitle = \"Add an alert\"\r\n\
    owner = \"ana@example.com\"\r\ndue = 2026-02-10\r\nstatus = \"open\"\r\n\r\n\
    [impact]\r\nsummary = 'Checkout failed for 90 minutes'\r\nusers_affected = 1200\r\n\
    +++\r\n\r\n# Handwritten\r\n";

/// The same post-mortem with a dotted key the fast reader leaves to toml_edit.
fn dotted() -> String {
    HANDWRITTEN
        .replace("2026-02-03-handwritten", "2026-02-04-dotted")
        .replace("[impact]\r\nsummary = ", "impact.summary = ")
        .replace("\r\nusers_affected = 1200", "")
        .replace(
            "# kept by hand\r\n",
            "# kept by hand\r\nimpact.users_affected = 1200\r\n",
        )
}

#[test]
fn handwritten_front_matter_lists_with_its_values_decoded() {
    let s = Sandbox::initialised();
    s.write("postmortems/2026/2026-02-03-handwritten.md", HANDWRITTEN);
    s.write("postmortems/2026/2026-02-04-dotted.md", dotted());
    let out = s.pm(["list", "--format", "json"]);
    out.ok();
    let rows = out.json();
    let rows = rows.as_array().expect("an array");
    assert_eq!(rows.len(), 2, "{rows:?}");
    let hand = rows
        .iter()
        .find(|r| r["id"] == "2026-02-03-handwritten")
        .expect("listed");
    assert_eq!(hand["title"], "Tab\there \"quoted\" café");
    assert_eq!(hand["severity"], "SEV2");
    assert_eq!(hand["services"], serde_json::json!(["api", "db"]));
    assert_eq!(hand["authors"], serde_json::json!(["ana@example.com"]));
    assert_eq!(hand["started"], "2026-02-03T09:00:00+01:00");
    assert_eq!(hand["durations"]["time_to_resolve_minutes"], 150);
    assert_eq!(hand["impact_summary"], "Checkout failed for 90 minutes");
    assert_eq!(hand["users_affected"], 1200);
    assert_eq!(hand["open_actions"], 1);
    assert_eq!(hand["overdue_actions"], 1);
    let dotted = rows
        .iter()
        .find(|r| r["id"] == "2026-02-04-dotted")
        .expect("listed");
    for key in [
        "title",
        "services",
        "started",
        "users_affected",
        "open_actions",
    ] {
        assert_eq!(dotted[key], hand[key], "{key}");
    }

    let shown = s.pm(["show", "2026-02-03-handwritten", "--format", "json"]);
    shown.ok();
    assert_eq!(shown.json()["title"], hand["title"]);
}

#[test]
fn a_nul_byte_far_into_the_body_is_still_refused_with_its_line() {
    let s = Sandbox::initialised();
    let mut doc = HANDWRITTEN.replace("\r\n", "\n").into_bytes();
    doc.extend(b"Some prose.\n".repeat(2000));
    doc.extend(b"bin\0ary\n");
    s.write("postmortems/2026/2026-02-03-handwritten.md", &doc);
    let line = doc.iter().filter(|b| **b == b'\n').count();
    s.pm(["list"]).code(2).stderr_has(&format!(
        "postmortems/2026/2026-02-03-handwritten.md:{line}:4: the file looks binary"
    ));
}

#[test]
fn a_duplicate_key_is_still_a_toml_error_with_its_line() {
    let s = Sandbox::initialised();
    let doc = HANDWRITTEN.replace(
        "severity = 'SEV2'\r\n",
        "severity = 'SEV2'\r\nid = 'again'\r\n",
    );
    s.write("postmortems/2026/2026-02-03-handwritten.md", doc);
    s.pm(["list"])
        .code(2)
        .stderr_has("postmortems/2026/2026-02-03-handwritten.md:7:1: invalid TOML");
}
