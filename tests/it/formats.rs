//! Real post-mortems as people write them (issue 16): every timeline shape read by the real
//! binary, the section policy, and `pm import`. The documents are written for these tests.

use crate::common::Sandbox;
use serde_json::Value;

/// A pm document: front matter with `started` and `status`, then `body`.
fn doc(id: &str, started: &str, status: &str, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"T\"\nstatus = \"{status}\"\nseverity = \"SEV2\"\nstarted = {started}\n+++\n\n# T\n\n## Summary\n\nA summary.\n\n## Impact\n\nSome impact.\n\n{body}\n## Root Cause Analysis\n\nA cause.\n\n## Action Items\n\nNone yet.\n\n## Contributing Factors\n\nSome.\n\n## Lessons Learned\n\nSome.\n\n## Open Discussion\n\nNone.\n"
    )
}

const LIST: &str = "## Timeline\n\nAll times are UTC unless noted.\n\n- 21:40 — A cache node restart began during routine patching.\n- **21:52 UTC** — Origin request rate tripled; the latency alert fired.\n- [03-04 22:05] The on-call engineer joined the bridge.\n- 23:58:30 — Warm-up job started against the new node.\n- 00:12 — Hit ratio back above 90%.\n- ??:?? — A customer report arrived through support.\n- 2026-03-05 — Capacity review scheduled.\n\n";

const TABLE: &str = "## Timeline\n\n| Day | Time (PDT) | What happened |\n|---|---|---|\n| Tue 14 Jul | 2:05 PM | Webhook queue depth crossed its warning line. |\n| Tue 14 Jul | 2:31 PM | Consumers scaled from 4 to 12. |\n| Wed 15 Jul | 9:10 AM | Backlog fully drained. |\n\n";

const HEADINGS: &str = "## Timeline of events\n\n### Tuesday, January 20 (all times EST)\n\n- 8:00 AM — Resolver latency rose in one zone.\n- 8:20 AM — Traffic moved to the secondary resolver pool.\n\n### Wednesday, January 21\n\n- 7:45 AM — The vendor confirmed a faulty upstream release.\n\n";

const PARAGRAPHS: &str = "## Timeline\n\n**14:05 UTC** — The index build job published a segment with a bad checksum.\n\nAt 14:20 UTC, query errors reached 5% and the search alert fired.\n\n2/11/2026 9:45 AM EST — Rollback to the previous index completed.\n\n14:50:10+00:00 — Error rate back under 0.1%.\n\n";

const PROBLEMS: &str = "## Timeline\n\n- 2026-04-02 23:50 UTC — Consumer lag alert fired.\n- 2026-04-02 00:10 UTC — Consumers restarted.\n- 2026-02-30 01:00 UTC — Lag graph reviewed.\n- 2026-04-03 01:10 PST — Backlog drained.\n- Nobody noted when the dashboards were fixed.\n\n";

fn times(show: &Value) -> Vec<(u64, Value)> {
    show["timeline"]
        .as_array()
        .expect("timeline array")
        .iter()
        .map(|e| (e["line"].as_u64().expect("line"), e["time"].clone()))
        .collect()
}

fn t(s: &str) -> Value {
    Value::String(s.into())
}

#[test]
fn every_timeline_shape_is_placed_in_time_and_checked() {
    let s = Sandbox::initialised();
    let files = [
        ("2026-03-04-list", "2026-03-04T21:40:00Z", LIST),
        ("2026-07-14-table", "2026-07-14T21:05:00Z", TABLE),
        ("2026-01-20-headings", "2026-01-20T08:00:00-05:00", HEADINGS),
        ("2026-02-11-paragraphs", "2026-02-11T14:05:00Z", PARAGRAPHS),
        ("2026-04-02-problems", "2026-04-02T20:00:00Z", PROBLEMS),
    ];
    for (id, started, body) in files {
        s.write(
            &format!("postmortems/2026/{id}.md"),
            doc(id, started, "reviewed", body),
        );
    }

    let list = s
        .pm(["show", "2026-03-04-list", "--format", "json"])
        .ok()
        .json();
    assert_eq!(
        times(&list),
        [
            (23, t("2026-03-04T21:40:00Z")),
            (24, t("2026-03-04T21:52:00Z")),
            (25, t("2026-03-04T22:05:00Z")),
            (26, t("2026-03-04T23:58:30Z")),
            (27, t("2026-03-05T00:12:00Z")),
            (28, Value::Null),
            (29, Value::Null),
        ]
    );
    assert_eq!(
        list["timeline"][1]["text"],
        "Origin request rate tripled; the latency alert fired."
    );
    let table = s.pm(["show", "table", "--format", "json"]).ok().json();
    assert_eq!(
        times(&table),
        [
            (23, t("2026-07-14T21:05:00Z")),
            (24, t("2026-07-14T21:31:00Z")),
            (25, t("2026-07-15T16:10:00Z")),
        ]
    );
    let headings = s.pm(["show", "headings", "--format", "json"]).ok().json();
    assert_eq!(
        times(&headings),
        [
            (23, t("2026-01-20T13:00:00Z")),
            (24, t("2026-01-20T13:20:00Z")),
            (28, t("2026-01-21T12:45:00Z")),
        ]
    );
    let paragraphs = s.pm(["show", "paragraphs", "--format", "json"]).ok().json();
    assert_eq!(
        times(&paragraphs),
        [
            (21, t("2026-02-11T14:05:00Z")),
            (23, t("2026-02-11T14:20:00Z")),
            (25, t("2026-02-11T14:45:00Z")),
            (27, t("2026-02-11T14:50:10Z")),
        ]
    );

    // One check over all five: only the problem document has timeline findings.
    let report = s.pm(["check", "--format", "json"]).code(1).json();
    let mut found: Vec<(String, u64, String)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            d["rule"]
                .as_str()
                .is_some_and(|r| r.starts_with("timeline/"))
        })
        .map(|d| {
            (
                d["path"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    found.sort();
    let p = "2026-04-02-problems.md".to_string();
    assert_eq!(
        found,
        [
            (p.clone(), 22, "timeline/out-of-order".to_string()),
            (p.clone(), 23, "timeline/unparseable-time".to_string()),
            (p.clone(), 24, "timeline/zone-abbreviation".to_string()),
            (p.clone(), 25, "timeline/missing-time".to_string()),
        ]
    );
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .flat_map(|d| [d["suggestion"].as_str(), d["message"].as_str()])
        .flatten()
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("kept from before midnight") && m.contains("2026-04-03")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|m| m.contains("PDT")), "{messages:?}");
}

#[test]
fn sections_are_required_recommended_and_found_by_their_aliases() {
    let s = Sandbox::initialised();
    let practice = "+++\nid = \"2026-03-01-practice\"\ntitle = \"Practice\"\nstatus = \"reviewed\"\nseverity = \"SEV2\"\nstarted = 2026-03-01T10:00:00Z\n+++\n\n# Practice\n\n## TL;DR\n\nA deploy stalled.\n\n## Customer impact\n\nNone measurable.\n\n## Timeline (UTC)\n\n- 10:00 — Deploy stalled.\n\n## RCA\n\nA lock was held.\n\n## Follow-ups\n\nA1 in the front matter.\n\n## Recovery\n\nThe lock was released.\n";
    s.write("postmortems/2026/2026-03-01-practice.md", practice);
    let report = s.pm(["check", "--format", "json"]).ok().json();
    let rules: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            d["rule"]
                .as_str()
                .is_some_and(|r| r.starts_with("structure/"))
        })
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").into(),
                d["severity"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    // Reviewed, with every required section under another name: only the three recommended
    // ones are asked for, as warnings.
    assert_eq!(rules.len(), 3, "{rules:?}");
    assert!(rules
        .iter()
        .all(|(r, sev)| r == "structure/recommended-section" && sev == "warning"));

    // pm.toml: an alias of our own, nothing recommended, and Recovery required as Resolution.
    s.write(
        "pm.toml",
        "[document]\nsections = [\"Summary\", \"Impact\", \"Timeline\", \"Root Cause Analysis\", \"Action Items\", \"Resolution\"]\nrecommended = []\n\n[document.aliases]\n\"What we will change\" = \"action items\"\n",
    );
    s.write(
        "postmortems/2026/2026-03-01-practice.md",
        practice.replace("## Follow-ups", "## What we will change!"),
    );
    let report = s.pm(["check", "--format", "json"]).ok().json();
    let structural = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            d["rule"]
                .as_str()
                .is_some_and(|r| !r.starts_with("blameless/"))
        })
        .count();
    assert_eq!(structural, 0, "{report}");

    // A bad zone or an alias to no section is a configuration error naming its line.
    s.write("pm.toml", "[document]\ntimezone = \"Mars/Olympus\"\n");
    s.pm(["check"])
        .code(2)
        .stderr_has("pm.toml:2")
        .stderr_has("timezone");
    s.write(
        "pm.toml",
        "[document]\n\n[document.aliases]\n\"Notes\" = \"Appendix\"\n",
    );
    s.pm(["check"])
        .code(2)
        .stderr_has("pm.toml:4")
        .stderr_has("Appendix");
}

#[test]
fn import_converts_yaml_toml_and_plain_post_mortems_and_never_overwrites() {
    let s = Sandbox::initialised();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/import");
    for name in [
        "jekyll-cdn-purge.md",
        "hugo-queue-drain.md",
        "docs-export-login.md",
    ] {
        let text = std::fs::read_to_string(format!("{data}/{name}")).expect("fixture");
        s.write(&format!("legacy/{name}"), text);
    }
    s.write("legacy/notes.txt", "not a post-mortem");
    s.write("legacy/scan.md", b"\x89PNG\r\n\x1a\n\x00\x00".as_slice());

    // A dry run writes nothing and shows each file.
    let dry = s.pm(["import", "--dry-run", "legacy/jekyll-cdn-purge.md"]);
    dry.ok()
        .stdout_has("would write postmortems/2026/2026-02-03-stale-product-images-after-a-cdn-purge-failed.md (3 action items)")
        .stdout_has("[imported]")
        .stderr_has("legacy/jekyll-cdn-purge.md:11: could not map `tags`");
    assert!(!s
        .root
        .join("postmortems/2026/2026-02-03-stale-product-images-after-a-cdn-purge-failed.md")
        .exists());

    // The folder and a text file: three imported, the text file and the binary one skipped.
    let out = s.pm(["import", "legacy", "legacy/notes.txt"]);
    out.code(2)
        .stderr_has("legacy/notes.txt: not imported: not a Markdown file")
        .stderr_has("legacy/scan.md: not imported: the file looks binary")
        .stderr_has("legacy/docs-export-login.md:6: could not map `Team`")
        .stderr_has("legacy/hugo-queue-drain.md:5: could not map `categories`");
    let mut written: Vec<&str> = out.stdout.lines().collect();
    written.sort();
    assert_eq!(
        written,
        [
            "postmortems/2026/2026-01-09-order-emails-delayed-by-a-stuck-queue-consumer.md",
            "postmortems/2026/2026-02-03-stale-product-images-after-a-cdn-purge-failed.md",
            "postmortems/2026/2026-03-12-login-failures-after-certificate-rotation.md",
        ]
    );
    let cdn =
        s.read("postmortems/2026/2026-02-03-stale-product-images-after-a-cdn-purge-failed.md");
    for needle in [
        "status = \"reviewed\"",
        "severity = \"SEV2\"",
        "started = 2026-02-03T10:15:00-08:00",
        "authors = [\"mara@example.com\", \"dev@example.com\"]",
        "title = \"Retry purges with backoff on HTTP 429\"\nowner = \"mara\"\ndue = 2026-02-20\nstatus = \"open\"",
        "owner = \"dev\"\nstatus = \"done\"\nticket = \"OPS-311\"",
        "[imported]\nlayout = \"postmortem\"",
        "## Summary\n",
        "## Impact\n",
        "## Root Cause Analysis\n",
        "## Resolution\n",
        "## Action Items\n\n- [ ] Retry purges with backoff on HTTP 429 (owner: @mara, due 2026-02-20)",
    ] {
        assert!(cdn.contains(needle), "{needle:?} not in\n{cdn}");
    }
    let queue =
        s.read("postmortems/2026/2026-01-09-order-emails-delayed-by-a-stuck-queue-consumer.md");
    for needle in [
        "summary = \"Order confirmation emails arrived up to 50 minutes late.\"",
        "title = \"Alert on lease renewal failures\"\nowner = \"ines\"\ndue = 2026-02-13\nstatus = \"in-progress\"\nticket = \"MSG-89\"",
    ] {
        assert!(queue.contains(needle), "{needle:?} not in\n{queue}");
    }
    let login = s.read("postmortems/2026/2026-03-12-login-failures-after-certificate-rotation.md");
    assert!(login.contains("started = 2026-03-12T09:40:00Z"), "{login}");
    assert!(login.contains("status = \"draft\""), "{login}");

    // The imported files are pm documents: their timelines read, and they have no front-matter
    // or timeline findings.
    let show = s
        .pm(["show", "login-failures", "--format", "json"])
        .ok()
        .json();
    assert_eq!(show["timeline"].as_array().map(Vec::len), Some(3), "{show}");
    let report = s.pm(["check", "--format", "json"]).json();
    let bad: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            d["rule"]
                .as_str()
                .is_some_and(|r| r.starts_with("frontmatter/") || r.starts_with("timeline/"))
        })
        .collect();
    assert!(bad.is_empty(), "{bad:?}");

    // Again: the ID is taken, the message names both files, the file is unchanged.
    let again = s.pm(["import", "legacy/docs-export-login.md"]);
    again
        .code(2)
        .stderr_has("legacy/docs-export-login.md: not imported: its ID 2026-03-12-login-failures-after-certificate-rotation is taken by postmortems/2026/2026-03-12-login-failures-after-certificate-rotation.md");
    assert_eq!(
        s.read("postmortems/2026/2026-03-12-login-failures-after-certificate-rotation.md"),
        login
    );
}
